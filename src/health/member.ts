/**
 * Per shard / per replica facts for /healthz and /metrics: which member answers, its gateway ping (none in HTTP
 * mode), and the corpus it serves (hash and passages), so members serving different corpora stand out.
 */
import { Gauge } from 'prom-client';
import type { Library } from '../library.ts';
import type { HealthReport } from './check.ts';
import type { Metrics } from './metrics.ts';

export interface MemberFacts {
  /** `shard 0`, `replica host:pid`, `process host:pid`. */
  readonly member: string;
  readonly library: Library;
  /** Milliseconds of the last gateway heartbeat round trip; null before the first one and without a gateway. */
  readonly gatewayPing: () => number | null;
}

/** `check`, with the member's facts added to its report. */
export function withMemberDetails(check: () => Promise<HealthReport>, facts: MemberFacts): () => Promise<HealthReport> {
  return async () => {
    const report = await check();
    return {
      ...report,
      details: {
        member: facts.member,
        gatewayPingMs: facts.gatewayPing(),
        corpusHash: facts.library.state.corpus.hash,
        passages: facts.library.state.corpus.passages.length,
      },
    };
  };
}

/** Adds `verbatim_gateway_ping_seconds` to the bot's metrics: NaN (unknown) until the first heartbeat is answered. */
export function registerGatewayPing(metrics: Metrics, gatewayPing: () => number | null): void {
  new Gauge({
    name: 'verbatim_gateway_ping_seconds',
    help: 'Round trip of the last gateway heartbeat.',
    registers: [metrics.registry],
    collect() {
      const ms = gatewayPing();
      this.set(ms === null ? Number.NaN : ms / 1000);
    },
  });
}
