/**
 * The bot's key-value state (cooldowns, paging, reload audit) behind a small interface that never hangs:
 * every call races a timeout and every failure becomes a StoreUnavailableError, because Keyv by default drops
 * errors silently and @keyv/redis waits forever when Redis is down.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import { StoreUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  /** `ttlMs` undefined keeps the value until deleted. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every live [key, value] whose key starts with `prefix` (a full scan: for rare admin/privacy work only). */
  scan<T>(prefix: string): Promise<[string, T][]>;
  /**
   * Remove up to `limit` expired entries and return how many went. SQLite keeps expired rows until they are read
   * again, so this is what bounds how long a stored query outlives its TTL; Redis expires keys itself (0).
   */
  sweepExpired(limit?: number): Promise<number>;
  /** Release connections and file handles. Safe to call twice. */
  close(): Promise<void>;
  /** `sqlite`, `redis` or `memory`, for logs. */
  readonly kind: StoreKind;
}

export type StoreKind = 'sqlite' | 'redis' | 'memory';

export interface StoreOptions {
  /** sqlite://path, redis://host:port, rediss://…, or memory. */
  readonly url: string;
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Key prefix, so several bots can share one Redis. */
  readonly namespace?: string;
  /**
   * After a failure, calls fail at once for this long instead of each waiting `timeoutMs` again: an answer to
   * Discord must go out within 3 s, and a /quote makes two store calls before replying. Default 5000.
   */
  readonly retryAfterMs?: number;
  /** How often to sweep expired entries (SQLite), default one minute; 0 turns the periodic sweep off. */
  readonly sweepEveryMs?: number;
  /** At most this many entries removed per sweep, so a sweep never holds the database for long. Default 500. */
  readonly sweepLimit?: number;
  /** The clock deciding what has expired; tests pass a fake one. Default Date.now. */
  readonly now?: () => number;
  /** Called once per failed store call, for metrics. */
  readonly onError?: (operation: string) => void;
}

/**
 * Version of what the bot keeps in the store. Keys live under `verbatim-v<N>` so an upgrade that changes a stored
 * shape bumps this and starts clean instead of misreading old state (old keys simply expire or are swept).
 */
export const STORE_FORMAT_VERSION = 1;
export const DEFAULT_NAMESPACE = `verbatim-v${STORE_FORMAT_VERSION}`;
export const DEFAULT_SWEEP_EVERY_MS = 60 * 1000;
export const DEFAULT_SWEEP_LIMIT = 500;

interface SqlAdapter {
  query(sql: string, ...parameters: unknown[]): Promise<unknown[]>;
}

/** What kind of store a KEYV_URL names. */
export function storeKindOf(url: string): StoreKind {
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return 'redis';
  if (url.startsWith('sqlite://')) return 'sqlite';
  if (/^memory:?\/*$/.test(url)) return 'memory';
  throw new Error('KEYV_URL must start with sqlite://, redis:// or rediss://, or be "memory".');
}

/** Strip credentials from a store URL so it can be logged. */
export function describeStoreUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

async function createKeyv(kind: StoreKind, options: StoreOptions): Promise<{ keyv: Keyv; sql?: SqlAdapter }> {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  if (kind === 'memory') return { keyv: new Keyv({ namespace, throwOnErrors: true }) };
  if (kind === 'sqlite') {
    const file = resolve(options.url.slice('sqlite://'.length));
    mkdirSync(dirname(file), { recursive: true });
    const { default: KeyvSqlite } = await import('@keyv/sqlite');
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: options.timeoutMs });
    return { keyv: new Keyv({ store: adapter, namespace, throwOnErrors: true }), sql: adapter as SqlAdapter };
  }
  const { default: KeyvRedis } = await import('@keyv/redis');
  const adapter = new KeyvRedis(options.url, {
    connectionTimeout: options.timeoutMs,
    throwOnConnectError: true,
    throwOnErrors: true,
  });
  return { keyv: new Keyv({ store: adapter, namespace, throwOnErrors: true }) };
}

/**
 * Keyv's SQLite adapter stores `{"value":…,"expires":ms}` as JSON text in table `keyv`. Delete at most `limit`
 * rows whose `expires` has passed — in any namespace, so rows left by an older store version go too.
 */
async function sweepSqlite(sql: SqlAdapter, now: number, limit: number): Promise<number> {
  const expired = `SELECT key FROM keyv WHERE json_valid(value)
      AND CAST(json_extract(value, '$.expires') AS INTEGER) <= ? LIMIT ?`;
  const rows = (await sql.query(expired, now, limit)) as { key: string }[];
  if (rows.length === 0) return 0;
  const keys = rows.map((row) => row.key);
  await sql.query(`DELETE FROM keyv WHERE key IN (${keys.map(() => '?').join(',')})`, ...keys);
  return keys.length;
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message === '' ? err.name : err.message;
  return String(err);
}

/**
 * Open the store named by `options.url`. Opening itself does not touch the network; the first call does,
 * so a Redis that is down shows up as StoreUnavailableError on that call rather than at start.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const kind = storeKindOf(options.url);
  let opened: Awaited<ReturnType<typeof createKeyv>>;
  try {
    opened = await createKeyv(kind, options);
  } catch (err) {
    // An unwritable path (the folder cannot be made): a store whose every call fails with the reason, so the bot
    // still answers (as it does when Redis is down) and `checkStore` says what is wrong in one line.
    return unusableStore(kind, reasonOf(err));
  }
  const { keyv, sql } = opened;
  const now = options.now ?? Date.now;
  const logger = options.logger.child({ component: 'store', store: kind });
  // A Redis that is down reconnects in the background and reports every attempt; warn once a minute at most. The
  // first minute is quiet: at start `checkStore` explains a failing store in one line of its own.
  let lastWarnAt = Date.now();
  let lastError: string | null = null;
  keyv.on('error', (err: unknown) => {
    const now = Date.now();
    lastError = reasonOf(err);
    if (now - lastWarnAt >= 60_000) {
      lastWarnAt = now;
      logger.warn('store reported an error', { err: lastError });
    } else {
      logger.debug('store reported an error', { err: lastError });
    }
  });
  let closed = false;
  let failingUntil = 0;
  const retryAfterMs = options.retryAfterMs ?? 5000;

  const guard = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    if (closed) throw new StoreUnavailableError(operation, 'store is closed');
    if (Date.now() < failingUntil)
      throw new StoreUnavailableError(operation, 'store failed moments ago; not retrying yet');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const last = lastError === null ? '' : ` (last error: ${lastError})`;
        reject(new StoreUnavailableError(operation, `no answer within ${options.timeoutMs} ms${last}`));
      }, options.timeoutMs);
    });
    try {
      return await Promise.race([run(), timeout]);
    } catch (err) {
      failingUntil = Date.now() + retryAfterMs;
      options.onError?.(operation);
      if (err instanceof StoreUnavailableError) throw err;
      throw new StoreUnavailableError(operation, reasonOf(err));
    } finally {
      clearTimeout(timer);
    }
  };

  const sweepExpired = async (limit = options.sweepLimit ?? DEFAULT_SWEEP_LIMIT): Promise<number> => {
    if (sql === undefined) return 0;
    const removed = await guard('sweep', () => sweepSqlite(sql, now(), limit));
    logger.debug('swept expired entries', { removed, limit });
    return removed;
  };
  const sweepEveryMs = options.sweepEveryMs ?? DEFAULT_SWEEP_EVERY_MS;
  const sweeper =
    sql !== undefined && sweepEveryMs > 0
      ? setInterval(() => {
          sweepExpired().catch((err: unknown) =>
            logger.warn('sweep of expired entries failed', { err: reasonOf(err) }),
          );
        }, sweepEveryMs).unref()
      : undefined;

  return {
    kind,
    get: <T>(key: string) => guard('get', () => keyv.get<T>(key)),
    scan: <T>(prefix: string) =>
      guard('scan', async () => {
        const found: [string, T][] = [];
        if (keyv.iterator === undefined) return found;
        for await (const [key, value] of keyv.iterator(undefined) as AsyncIterable<[string, T]>)
          if (key.startsWith(prefix)) found.push([key, value]);
        return found;
      }),
    sweepExpired,
    async set<T>(key: string, value: T, ttlMs?: number) {
      const stored = await guard('set', () => keyv.set(key, value, ttlMs));
      if (!stored) throw new StoreUnavailableError('set', 'the store did not accept the value');
    },
    async delete(key: string) {
      await guard('delete', () => keyv.delete(key));
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      try {
        await Promise.race([keyv.disconnect(), new Promise((r) => setTimeout(r, options.timeoutMs).unref())]);
      } catch (err) {
        logger.warn('store did not close cleanly', { err: reasonOf(err) });
      }
    },
  };
}

/** A store that cannot be used at all: every call fails at once with `reason`. */
function unusableStore(kind: StoreKind, reason: string): Store {
  const fail = (operation: string) => Promise.reject(new StoreUnavailableError(operation, reason));
  return {
    kind,
    get: () => fail('get'),
    set: () => fail('set'),
    delete: () => fail('delete'),
    scan: () => fail('scan'),
    sweepExpired: () => fail('sweep'),
    close: () => Promise.resolve(),
  };
}

/** The key `checkStore` reads: never written, so reading it touches the store and nothing else. */
const PROBE_KEY = 'start-up-check';

/** What an operator can do about a store that fails, by the reason it gave. */
function fixFor(kind: StoreKind, reason: string): string {
  if (kind === 'sqlite' && /SQLITE_(NOTADB|CORRUPT)/.test(reason))
    return 'the file is not a SQLite database or is damaged: move it aside (the bot starts a fresh one; stored cooldowns and paging state are lost) or point KEYV_URL at another file';
  if (kind === 'sqlite')
    return 'point KEYV_URL at a file in a folder the bot can create and write, e.g. sqlite://data/verbatim.sqlite';
  if (kind === 'redis') return 'start Redis or correct KEYV_URL (host, port, password)';
  return 'check KEYV_URL';
}

/**
 * Reads one key to see that the store answers; null when it does, else one line for the log saying which store,
 * where (credentials masked), why and what to do. Until the store answers, the bot answers without cooldowns,
 * paging buttons or the reload audit, and tries the store again on later calls.
 */
export async function checkStore(store: Store, url: string): Promise<string | null> {
  try {
    await store.get(PROBE_KEY);
    return null;
  } catch (err) {
    const reason = err instanceof StoreUnavailableError ? err.reason : reasonOf(err);
    return (
      `the ${store.kind} store at ${describeStoreUrl(url)} cannot be used (${reason}) — ${fixFor(store.kind, reason)}; ` +
      'until then the bot answers without cooldowns, paging buttons or the reload audit'
    );
  }
}
