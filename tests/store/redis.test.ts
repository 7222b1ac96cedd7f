/**
 * The store against a real Redis server on 127.0.0.1 (`.ci/run` installs Debian's redis-server): values,
 * TTLs and namespaces round-trip through @keyv/redis, and a Redis that goes away mid-run gives a clear
 * StoreUnavailableError within the timeout instead of a hang.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { describeWithRedis, startRedis } from '../helpers/redis.ts';

const logger = createLogger({ level: 'silent', write: () => undefined });

describeWithRedis('the store on a real Redis', () => {
  let redis: ChildProcess;
  let port: number;
  let store: Store;

  beforeAll(async () => {
    ({ port, process: redis } = await startRedis());
    store = await openStore({
      url: `redis://127.0.0.1:${port}`,
      timeoutMs: 1000,
      logger,
      namespace: 'verbatim-test',
      retryAfterMs: 0,
    });
  });
  afterAll(async () => {
    await store.close();
    redis.kill('SIGKILL');
  });

  it('GIVEN values with and without a TTL THEN they round-trip, and the TTL expires them', async () => {
    expect(store.kind).toBe('redis');
    await store.set('paging:1', { query: 'zero sum', page: 2 });
    // A TTL long enough to outlast any pause of a loaded machine between this set and the get that reads it back
    // (a 300 ms TTL had expired by the first read under a CPU hog).
    await store.set('cooldown:42', 1, 60_000);
    await store.set('cooldown:43', 1, 200);
    expect(await store.get('paging:1')).toEqual({ query: 'zero sum', page: 2 });
    expect(await store.get('cooldown:42')).toBe(1);
    // The short TTL expires: read until it has (a store that ignored it would run into the test's timeout).
    while ((await store.get('cooldown:43')) !== undefined) await new Promise((r) => setTimeout(r, 50));
    expect(await store.get('cooldown:42')).toBe(1);
    await store.delete('paging:1');
    expect(await store.get('paging:1')).toBeUndefined();
  });

  it('GIVEN two namespaces THEN they do not see each other', async () => {
    const other = await openStore({
      url: `redis://127.0.0.1:${port}`,
      timeoutMs: 1000,
      logger,
      namespace: 'another-bot',
    });
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
