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

async function createKeyv(kind: StoreKind, options: StoreOptions): Promise<Keyv> {
  const namespace = options.namespace ?? 'verbatim';
  if (kind === 'memory') return new Keyv({ namespace, throwOnErrors: true });
  if (kind === 'sqlite') {
    const file = resolve(options.url.slice('sqlite://'.length));
    mkdirSync(dirname(file), { recursive: true });
    const { default: KeyvSqlite } = await import('@keyv/sqlite');
    return new Keyv({
      store: new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: options.timeoutMs }),
      namespace,
      throwOnErrors: true,
    });
  }
  const { default: KeyvRedis } = await import('@keyv/redis');
  const adapter = new KeyvRedis(options.url, {
    connectionTimeout: options.timeoutMs,
    throwOnConnectError: true,
    throwOnErrors: true,
  });
  return new Keyv({ store: adapter, namespace, throwOnErrors: true });
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
  const keyv = await createKeyv(kind, options);
  const logger = options.logger.child({ component: 'store', store: kind });
  // A Redis that is down reconnects in the background and reports every attempt; warn once a minute at most.
  let lastWarnAt = 0;
  keyv.on('error', (err: unknown) => {
    const now = Date.now();
    if (now - lastWarnAt >= 60_000) {
      lastWarnAt = now;
      logger.warn('store reported an error', { err: reasonOf(err) });
    } else {
      logger.debug('store reported an error', { err: reasonOf(err) });
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
      timer = setTimeout(
        () => reject(new StoreUnavailableError(operation, `no answer within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
    });
    try {
      return await Promise.race([run(), timeout]);
    } catch (err) {
      failingUntil = Date.now() + retryAfterMs;
      if (err instanceof StoreUnavailableError) throw err;
      throw new StoreUnavailableError(operation, reasonOf(err));
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    kind,
    get: <T>(key: string) => guard('get', () => keyv.get<T>(key)),
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
      try {
        await Promise.race([keyv.disconnect(), new Promise((r) => setTimeout(r, options.timeoutMs).unref())]);
      } catch (err) {
        logger.warn('store did not close cleanly', { err: reasonOf(err) });
      }
    },
  };
}
