/**
 * /healthz and /metrics served by the real health server over HTTP, with the real bot against the fake Discord:
 * healthy; Discord not ready; store down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from '../../src/health/check.ts';
import { createMetrics, type Metrics } from '../../src/health/metrics.ts';
import { type HealthServer, startHealthServer } from '../../src/health/server.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { callbackData, type Harness, startHarness } from '../bot/harness.ts';
import { freePort } from '../helpers/net.ts';

const logger = createLogger({ level: 'silent' });

async function get(server: HealthServer, path: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
}

function serve(h: Harness, metrics: Metrics, store: Store = h.store): Promise<HealthServer> {
  return startHealthServer({
    port: 0,
    host: '127.0.0.1',
    metrics,
    logger,
    check: () =>
      checkHealth({
        discordReady: () => h.bot.client.isReady(),
        corpusPassages: () => h.library.state.corpus.passages.length,
        store,
      }),
  });
}

describe('the health endpoint', () => {
  let h: Harness;
  let metrics: Metrics;
  let server: HealthServer;
  beforeAll(async () => {
    // Read at scrape time, after the harness below has started.
    metrics = createMetrics(
      () => ({ passages: h.library.state.corpus.passages.length, hash: h.library.state.corpus.hash }),
      { processMetrics: false },
    );
    h = await startHarness({ metrics });
    server = await serve(h, metrics);
  });
  afterAll(async () => {
    await server.close();
    await h.stop();
  });

  it('GIVEN the bot logged in with a corpus and a store THEN /healthz is 200 and says each part is ok', async () => {
    const res = await get(server, '/healthz');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok', discord: 'ok', corpus: 'ok', store: 'ok' });
  });

  it('GIVEN a /quote and a refused /reload THEN /metrics counts them by command and outcome, with latency and corpus', async () => {
    callbackData(await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'zero sum mentality' })));
    await h.fake.waitForCallback(h.fake.slashCommand('reload'));
    await h.bot.idle();
    const res = await get(server, '/metrics');
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/plain');
    const { corpus } = h.library.state;
    expect(res.body).toContain('verbatim_interactions_total{command="quote",outcome="ok"} 1');
    expect(res.body).toContain('verbatim_interactions_total{command="reload",outcome="user-error"} 1');
    expect(res.body).toContain('verbatim_answer_seconds_count{command="quote"} 1');
    expect(res.body).toMatch(/verbatim_answer_seconds_bucket\{le="3",command="quote"\} 1/);
    expect(res.body).toContain('verbatim_reloads_total{outcome="refused-not-admin"} 1');
    expect(res.body).toContain(`verbatim_corpus_passages ${corpus.passages.length}`);
    expect(res.body).toContain(`verbatim_corpus_info{hash="${corpus.hash}"} 1`);
  });

  it('GIVEN an unknown path or a POST THEN 404 / 405, never a crash', async () => {
    expect((await get(server, '/')).status).toBe(404);
    const post = await fetch(`http://127.0.0.1:${server.port}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('GIVEN the store is down THEN /healthz is 503 naming the store, and /metrics counts the store error', async () => {
    const deadStore = await openStore({
      url: `redis://127.0.0.1:${await freePort()}`,
      timeoutMs: 300,
      logger,
      onError: (operation) => metrics.recordStoreError(operation),
    });
    const storeDown = await serve(h, metrics, deadStore);
    try {
      const res = await get(storeDown, '/healthz');
      expect(res.status).toBe(503);
      const body = JSON.parse(res.body) as Record<string, string>;
      expect(body).toMatchObject({ status: 'unhealthy', discord: 'ok', corpus: 'ok' });
      expect(body.store).toMatch(/^store not answering: store get failed/);
      expect((await get(storeDown, '/metrics')).body).toContain('verbatim_store_errors_total{operation="get"} 1');
    } finally {
      await storeDown.close();
      await deadStore.close();
    }
  });

  it('GIVEN Discord is not connected (the client stopped) THEN /healthz is 503 saying so', async () => {
    await h.bot.stop(1000);
    const res = await get(server, '/healthz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({
      status: 'unhealthy',
      discord: 'not logged in to Discord (starting, reconnecting or stopping)',
      corpus: 'ok',
      store: 'ok',
    });
  });
});
