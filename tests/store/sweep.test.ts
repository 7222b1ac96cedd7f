/**
 * SQLite keeps an expired row until someone reads it again; the sweep removes them from disk, bounded per run.
 * Expiry is judged by a fake clock passed to the store, so nothing here waits for real time to pass.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/store.ts';

const MINUTE = 60_000;

/** Rows actually on disk, read through a separate connection. */
function rowsOnDisk(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (openErr) => {
      if (openErr) return reject(openErr);
      db.all('SELECT key FROM keyv ORDER BY key', (err, rows: { key: string }[]) => {
        db.close();
        if (err) reject(err);
        else resolve(rows.map((r) => r.key));
      });
    });
  });
}

describe('the SQLite sweep of expired entries', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-sweep-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('GIVEN five expired rows, one live and one without TTL WHEN swept with limit 2 THEN 2, 2, 1, 0 go and the rest stay', async () => {
    const file = join(dir, 'bounded.sqlite');
    let clock = Date.now();
    const logger = createLogger({ level: 'silent' });
    const store = await openStore({
      url: `sqlite://${file}`,
      timeoutMs: 2000,
      logger,
      now: () => clock,
      sweepEveryMs: 0,
    });
    for (const id of ['a', 'b', 'c', 'd', 'e']) await store.set(`paging:${id}`, { query: `words ${id}` }, 15 * MINUTE);
    await store.set('cooldown:quote:1', 1, 60 * MINUTE);
    await store.set('audit:reload', []);
    expect(await store.sweepExpired(2)).toBe(0);

    clock += 30 * MINUTE;
    expect(await store.sweepExpired(2)).toBe(2);
    expect(await rowsOnDisk(file)).toHaveLength(5);
    expect(await store.sweepExpired(2)).toBe(2);
    expect(await store.sweepExpired(2)).toBe(1);
    expect(await store.sweepExpired(2)).toBe(0);
    expect(await rowsOnDisk(file)).toEqual(['verbatim-v1:audit:reload', 'verbatim-v1:cooldown:quote:1']);
    expect(await store.get('cooldown:quote:1')).toBe(1);
    await store.close();
  });

  it('GIVEN the periodic sweep WHEN its interval passes THEN expired rows leave the disk without anyone reading them', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const file = join(dir, 'periodic.sqlite');
    let clock = Date.now();
    let swept!: (line: string) => void;
    const sweptLine = new Promise<string>((resolve) => (swept = resolve));
    const logger = createLogger({
      level: 'debug',
      write: (line) => line.includes('swept expired entries') && swept(line),
    });
    const store = await openStore({
      url: `sqlite://${file}`,
      timeoutMs: 2000,
      logger,
      now: () => clock,
      sweepEveryMs: MINUTE,
    });
    await store.set('paging:old', { invokerId: '1', query: 'what someone searched' }, 15 * MINUTE);
    await store.set('paging:new', { invokerId: '2', query: 'still live' }, 15 * MINUTE);
    clock += 16 * MINUTE;
    await store.set('paging:new', { invokerId: '2', query: 'still live' }, 15 * MINUTE + 16 * MINUTE);
    vi.advanceTimersByTime(MINUTE);
    expect(JSON.parse(await sweptLine)).toMatchObject({ removed: 1 });
    expect(await rowsOnDisk(file)).toEqual(['verbatim-v1:paging:new']);
    await store.close();
  });
});
