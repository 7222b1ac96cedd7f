import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { describeStoreUrl, openStore, storeKindOf } from '../../src/store/store.ts';
import { freePort } from '../helpers/net.ts';
import { releaseCooldown, takeCooldown } from '../../src/bot/cooldown.ts';
import { decodeQuoteButton, loadPaging, savePaging } from '../../src/bot/paging.ts';

const lines: string[] = [];
const logger = createLogger({ level: 'debug', write: (l) => lines.push(l) });

describe('openStore', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-store-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN an sqlite URL THEN creates the folder and keeps values across reopening', async () => {
    const url = `sqlite://${join(dir, 'nested', 'state.sqlite')}`;
    const first = await openStore({ url, timeoutMs: 2000, logger });
    await first.set('greeting', { words: 'hello' });
    await first.close();
    const second = await openStore({ url, timeoutMs: 2000, logger });
    expect(await second.get('greeting')).toEqual({ words: 'hello' });
    await second.delete('greeting');
    expect(await second.get('greeting')).toBeUndefined();
    await second.close();
    await second.close();
  });

  it('GIVEN a closed store THEN calls fail with StoreUnavailableError instead of hanging', async () => {
    const store = await openStore({ url: 'memory', timeoutMs: 2000, logger });
    await store.close();
    await expect(store.get('x')).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('GIVEN Redis refuses connections THEN get and set reject with StoreUnavailableError', async () => {
    const port = await freePort();
    const store = await openStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 300, logger });
    await expect(store.set('k', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });

  describe('GIVEN a "Redis" that accepts connections but never answers', () => {
    let silent: Server;
    let port: number;
    beforeAll(async () => {
      silent = createServer(() => undefined);
      silent.listen(0, '127.0.0.1');
      await once(silent, 'listening');
      port = (silent.address() as { port: number }).port;
    });
    afterAll(async () => {
      silent.close();
    });

    it('THEN our own timeout turns the hang into StoreUnavailableError', async () => {
      const store = await openStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 300, logger });
      const error = await store.get('k').catch((err: unknown) => err);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/^store get failed/);
      await store.close();
    });
  });

  it('names kinds and hides passwords in URLs it logs', () => {
    expect(storeKindOf('rediss://h:1')).toBe('redis');
    expect(storeKindOf('memory')).toBe('memory');
    expect(() => storeKindOf('mongodb://x')).toThrow(/KEYV_URL/);
    expect(describeStoreUrl('redis://user:hunter2@cache:6379/0')).toBe('redis://***@cache:6379/0');
  });
});

describe('state kept in the store', () => {
  it('GIVEN a cooldown THEN the same user waits and another does not; 0 seconds disables it', async () => {
    const store = await openStore({ url: 'memory', timeoutMs: 1000, logger });
    const now = 1_000_000;
    expect(await takeCooldown(store, 'quote', 'u1', 10, now)).toBe(0);
    expect(await takeCooldown(store, 'quote', 'u1', 10, now + 2500)).toBe(8);
    expect(await takeCooldown(store, 'quote', 'u2', 10, now + 2500)).toBe(0);
    expect(await takeCooldown(store, 'quote', 'u1', 10, now + 10_001)).toBe(0);
    expect(await takeCooldown(store, 'quote', 'u3', 0, now)).toBe(0);
    await store.close();
  });

  it('GIVEN a cooldown released THEN that user may go again at once, and others keep theirs', async () => {
    const store = await openStore({ url: 'memory', timeoutMs: 1000, logger });
    const now = 1_000_000;
    expect(await takeCooldown(store, 'quote', 'u1', 10, now)).toBe(0);
    expect(await takeCooldown(store, 'quote', 'u2', 10, now)).toBe(0);
    await releaseCooldown(store, 'quote', 'u1');
    expect(await takeCooldown(store, 'quote', 'u1', 10, now + 1000)).toBe(0);
    expect(await takeCooldown(store, 'quote', 'u1', 10, now + 2000)).toBe(9);
    expect(await takeCooldown(store, 'quote', 'u2', 10, now + 2000)).toBe(8);
    await store.close();
  });

  it('GIVEN paging state THEN it round-trips under an id that fits a custom id', async () => {
    const store = await openStore({ url: 'memory', timeoutMs: 1000, logger });
    const passageIds = Array.from({ length: 40 }, (_, i) => `source-${i}:0.${i}`);
    const id = await savePaging(store, { invokerId: 'u1', passageIds, query: 'q' });
    const state = await loadPaging(store, id);
    expect(state?.invokerId).toBe('u1');
    expect(state?.passageIds).toHaveLength(25);
    expect(decodeQuoteButton(`quote:next:${id}:3`)).toEqual({ action: 'next', stateId: id, index: 3 });
    expect(decodeQuoteButton('quote:drop:x:1')).toBeNull();
    await store.close();
  });
});

describe('after a failure', () => {
  it('GIVEN the store just timed out THEN the next calls fail at once instead of waiting again', async () => {
    const silent = createServer(() => undefined);
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const port = (silent.address() as { port: number }).port;
    const store = await openStore({ url: `redis://127.0.0.1:${port}`, timeoutMs: 300, logger, retryAfterMs: 60_000 });
    await expect(store.get('a')).rejects.toThrow(/no answer within 300 ms/);
    await expect(store.set('a', 1)).rejects.toThrow(/not retrying yet/);
    await store.close();
    silent.close();
  });
});
