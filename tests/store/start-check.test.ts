import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/bot/runtime.ts';
import { parseConfig } from '../../src/config.ts';
import { StoreUnavailableError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { checkStore, openStore, type Store } from '../../src/store/store.ts';
import { CORPUS_DIR } from '../helpers/corpus.ts';
import { freePort } from '../helpers/net.ts';

const lines: Record<string, unknown>[] = [];
const logger = createLogger({ level: 'debug', write: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });

/** Unhandled rejections seen while a test runs: a failing store must never produce one. */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let dir: string;
const stores: Store[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-store-check-'));
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await rm(dir, { recursive: true, force: true });
});

async function open(url: string): Promise<Store> {
  const store = await openStore({ url, timeoutMs: 500, logger, sweepEveryMs: 0 });
  stores.push(store);
  return store;
}

/** A file of bytes that are not a SQLite database (a SQLite file starts "SQLite format 3\0"). */
async function corruptSqliteFile(name: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, Buffer.alloc(16_384, 0x5a));
  return file;
}

describe('checkStore: a store that cannot be used is one clear line at start, never a crash', () => {
  it('GIVEN a corrupt SQLite file (real @keyv/sqlite) THEN one line names the store, the file and what to do', async () => {
    const file = await corruptSqliteFile('corrupt.sqlite');
    const store = await open(`sqlite://${file}`);
    const line = await checkStore(store, `sqlite://${file}`);
    expect(line).toContain(`the sqlite store at sqlite://${file} cannot be used`);
    expect(line).toContain('SQLITE_NOTADB');
    expect(line).toContain('move it aside');
    expect(line).not.toContain('\n');
    await expect(store.get('any')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(unhandled).toEqual([]);
  });

  it('GIVEN a KEYV_URL path that cannot be created (a file where a folder must be) THEN openStore does not throw and one line says so', async () => {
    await writeFile(join(dir, 'not-a-folder'), 'x');
    const url = `sqlite://${join(dir, 'not-a-folder', 'data', 'verbatim.sqlite')}`;
    const store = await open(url);
    const line = await checkStore(store, url);
    expect(line).toContain(`the sqlite store at ${url} cannot be used (ENOTDIR`);
    expect(line).toContain('a folder the bot can create and write');
    await expect(store.set('k', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(unhandled).toEqual([]);
  });

  it('GIVEN a KEYV_URL that is a folder, not a file THEN one line says the file cannot be opened', async () => {
    const store = await open(`sqlite://${dir}`);
    const line = await checkStore(store, `sqlite://${dir}`);
    expect(line).toContain('SQLITE_CANTOPEN');
    expect(line).toContain('KEYV_URL');
    expect(unhandled).toEqual([]);
  });

  it('GIVEN Redis is down at start THEN one line names Redis with the password masked and what to do', async () => {
    const port = await freePort();
    const url = `redis://bot:hunter2secret@127.0.0.1:${port}/0`;
    const store = await open(url);
    const line = await checkStore(store, url);
    expect(line).toContain(`the redis store at redis://***@127.0.0.1:${port}/0 cannot be used`);
    expect(line).not.toContain('hunter2secret');
    expect(line).toContain('start Redis or correct KEYV_URL');
    expect(unhandled).toEqual([]);
  });

  it('GIVEN a working SQLite file THEN there is nothing to report', async () => {
    const store = await open(`sqlite://${join(dir, 'ok', 'verbatim.sqlite')}`);
    expect(await checkStore(store, 'sqlite://ok')).toBeNull();
  });
});

describe('openRuntime with a corrupt SQLite store', () => {
  it('WHEN the bot starts THEN it logs one error line about the store (no stack) and still opens the corpus and commands', async () => {
    const file = await corruptSqliteFile('runtime.sqlite');
    const config = parseConfig({
      DISCORD_TOKEN: 'x'.repeat(59),
      DISCORD_CLIENT_ID: '123456789012345678',
      CORPUS_DIR,
      KEYV_URL: `sqlite://${file}`,
      STORE_TIMEOUT_MS: '500',
    });
    lines.length = 0;
    const runtime = await openRuntime(config, logger);
    stores.push(runtime.store);
    expect(runtime.library.state.corpus.passages.length).toBeGreaterThan(0);
    expect(runtime.commands.length).toBeGreaterThan(0);
    // What the operator sees at the default level (debug lines keep each of Keyv's own error events).
    const storeLines = lines.filter((l) => l.level !== 'debug' && JSON.stringify(l).includes('store'));
    expect(storeLines).toHaveLength(1);
    expect(storeLines[0]).toMatchObject({ level: 'error' });
    expect(String(storeLines[0]?.msg)).toContain(`the sqlite store at sqlite://${file} cannot be used (SQLITE_NOTADB`);
    expect(storeLines[0]).not.toHaveProperty('stack');
    expect(JSON.stringify(storeLines[0])).not.toMatch(/\\n\s+at /);
    expect(unhandled).toEqual([]);
  });
});
