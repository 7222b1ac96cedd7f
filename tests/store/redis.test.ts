/**
 * The store against a real Redis server on 127.0.0.1 (`.ci/run` installs Debian's redis-server): values,
 * TTLs and namespaces round-trip through @keyv/redis, and a Redis that goes away mid-run gives a clear
 * StoreUnavailableError within the timeout instead of a hang.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { freePort } from '../helpers/net.ts';

const logger = createLogger({ level: 'silent', write: () => undefined });
const REDIS = spawnSync('redis-server', ['--version']).status === 0;
/** Where redis-server is missing locally, say so; CI installs it, and there this suite must run. */
const describeRedis = REDIS || process.env['CI'] ? describe : describe.skip;

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  for (let i = 0; i < 100 && !/Ready to accept connections/i.test(output); i++) await new Promise((r) => setTimeout(r, 50));
  if (!/Ready to accept connections/i.test(output)) throw new Error(`redis-server did not start: ${output}`);
  return child;
}

describeRedis('the store on a real Redis', () => {
  let redis: ChildProcess;
  let port: number;
  let store: Store;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    store = await openStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 1000, logger, namespace: 'verbatim-test', retryAfterMs: 0 });
  });
  afterAll(async () => {
    await store.close();
    redis.kill('SIGKILL');
  });

  it('GIVEN values with and without a TTL THEN they round-trip, and the TTL expires them', async () => {
    expect(store.kind).toBe('redis');
    await store.set('paging:1', { query: 'zero sum', page: 2 });
    await store.set('cooldown:42', 1, 300);
    expect(await store.get('paging:1')).toEqual({ query: 'zero sum', page: 2 });
    expect(await store.get('cooldown:42')).toBe(1);
    await new Promise((r) => setTimeout(r, 600));
    expect(await store.get('cooldown:42')).toBeUndefined();
    await store.delete('paging:1');
    expect(await store.get('paging:1')).toBeUndefined();
  });

  it('GIVEN two namespaces THEN they do not see each other', async () => {
    const other = await openStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 1000, logger, namespace: 'another-bot' });
    try {
      await store.set('shared-key', 'ours');
      expect(await other.get('shared-key')).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('GIVEN Redis stops THEN a call fails with StoreUnavailableError within the timeout, not a hang', async () => {
    redis.kill('SIGKILL');
    await once(redis, 'exit');
    // A hang would run into the test's own timeout and fail it.
    const error = await store.get('anything').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
  });
});
