/** The per-member facts added to /healthz and /metrics: which member, its gateway ping, and the corpus it serves. */
import { describe, expect, it } from 'vitest';
import { registerGatewayPing, withMemberDetails } from '../../src/health/member.ts';
import { createMetrics } from '../../src/health/metrics.ts';
import { Library } from '../../src/library.ts';
import { REAL_CORPUS } from '../bot/harness.ts';

describe('member facts', () => {
  it('GIVEN a health check THEN the report keeps its checks and adds member, ping, corpus hash and passages', async () => {
    const library = await Library.open(REAL_CORPUS);
    let ping: number | null = null;
    const check = withMemberDetails(
      async () => ({ healthy: false, checks: { discord: 'not logged in', corpus: 'ok', store: 'ok' } }),
      { member: 'shard 3', library, gatewayPing: () => ping },
    );
    expect(await check()).toEqual({
      healthy: false,
      checks: { discord: 'not logged in', corpus: 'ok', store: 'ok' },
      details: {
        member: 'shard 3',
        gatewayPingMs: null,
        corpusHash: library.state.corpus.hash,
        passages: library.state.corpus.passages.length,
      },
    });
    ping = 42;
    expect((await check()).details?.gatewayPingMs).toBe(42);
  });

  it('GIVEN no heartbeat yet THEN the ping is NaN (unknown); after one THEN verbatim_gateway_ping_seconds in seconds', async () => {
    const metrics = createMetrics(() => ({ passages: 1, hash: 'h' }), { processMetrics: false });
    let ping: number | null = null;
    registerGatewayPing(metrics, () => ping);
    expect(await metrics.registry.metrics()).toMatch(/^verbatim_gateway_ping_seconds nan$/im);
    ping = 250;
    expect(await metrics.registry.metrics()).toMatch(/^verbatim_gateway_ping_seconds 0\.25$/m);
  });
});
