/**
 * A /reload that reaches every process serving the bot — each shard of `npm run start:sharded`, each replica of
 * `npm run start:http` — over Redis pub/sub, and collects each one's outcome and corpus hash for the reply.
 * Every member reloads from its own CORPUS_DIR when the request arrives, so members differ only while the reload
 * runs. Without Redis there is one process, and the cluster is just that process.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { createClient } from '@keyv/redis';
import type { Config } from '../config.ts';
import type { Library, ReloadReport } from '../library.ts';
import type { Logger } from '../logger.ts';
import { storeKindOf } from '../store/store.ts';

/** One member's answer to a cluster-wide reload. */
export interface MemberOutcome {
  /** `shard 0`, `replica host:pid`, … */
  readonly member: string;
  readonly ok: boolean;
  /** The corpus hash serving after the reload (the old one when the reload was refused). */
  readonly hash: string;
  readonly passages: number;
  readonly ms: number;
  readonly problems: number;
}

export interface ClusterReload {
  /** This process's full report (what changed, or every problem). */
  readonly local: ReloadReport;
  /** Every member that answered, this one included, sorted by name. */
  readonly members: readonly MemberOutcome[];
  /** Members that received the request but did not answer within the wait. */
  readonly silent: number;
  /** Set when the other members could not be reached: only this process reloaded. */
  readonly unreachable: string | null;
}

export interface Cluster {
  /** This process's name in replies and logs. */
  readonly member: string;
  /** Reload every member; resolves when each has answered or the wait is over. Never rejects for a bad corpus. */
  reload(): Promise<ClusterReload>;
  close(): Promise<void>;
}

/** How long a /reload waits for the other members: a whole-corpus reload takes seconds, a deferred reply 15 min. */
export const MEMBER_ANSWER_TIMEOUT_MS = 60_000;

/** The outcome line a member reports for `report`. */
export function outcomeOf(member: string, report: ReloadReport, library: Library): MemberOutcome {
  return {
    member,
    ok: report.ok,
    hash: report.hash,
    passages: library.state.corpus.passages.length,
    ms: report.ms,
    problems: report.ok ? 0 : report.problems.length,
  };
}

/** The one-process cluster: reload here and nowhere else. */
export function createLocalCluster(library: Library, member = 'this process'): Cluster {
  return {
    member,
    async reload() {
      const local = await library.reload();
      return { local, members: [outcomeOf(member, local, library)], silent: 0, unreachable: null };
    },
    async close() {},
  };
}

export interface RedisClusterOptions {
  readonly url: string;
  readonly library: Library;
  /** This process's name, e.g. `shard 1`. */
  readonly member: string;
  readonly logger: Logger;
  /** Channel prefix, so several bots can share one Redis. Default `verbatim`. */
  readonly namespace?: string;
  /** How long to wait for Redis at start and for a publish. */
  readonly timeoutMs: number;
  /** How long a reload waits for the other members. Default MEMBER_ANSWER_TIMEOUT_MS. */
  readonly answerTimeoutMs?: number;
}

interface ReloadRequest {
  readonly requestId: string;
  readonly from: string;
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Join the cluster on the Redis at `url`: subscribe to reload requests and answer each with this member's
 * outcome. If Redis cannot be reached at start, the member still runs (and subscribes once Redis is back);
 * a reload it starts meanwhile reloads only itself and says so.
 */
export async function openRedisCluster(options: RedisClusterOptions): Promise<Cluster> {
  const { library, member } = options;
  const logger = options.logger.child({ component: 'cluster', member });
  const namespace = options.namespace ?? 'verbatim';
  const requestChannel = `${namespace}:cluster:reload`;
  const replyChannel = (requestId: string) => `${namespace}:cluster:reload:${requestId}`;
  /** The id of the latest cluster reload, so a member that was cut off from Redis can tell it missed one. */
  const latestKey = `${namespace}:cluster:latest-reload`;
  const answerTimeoutMs = options.answerTimeoutMs ?? MEMBER_ANSWER_TIMEOUT_MS;
  const id = `${member}#${randomUUID()}`;

  const socket = {
    connectTimeout: options.timeoutMs,
    reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000),
  };
  const subscriber = createClient({ url: options.url, socket });
  const publisher = createClient({ url: options.url, socket, disableOfflineQueue: true });
  let lastWarnAt = 0;
  const onError = (err: unknown) => {
    const now = Date.now();
    if (now - lastWarnAt < 60_000) return;
    lastWarnAt = now;
    logger.warn('cluster connection to Redis failed; reloads reach only this process until it is back', {
      err: reasonOf(err),
    });
  };
  subscriber.on('error', onError);
  publisher.on('error', onError);

  /** Requests this process started: its own copy of the request counts as its answer. */
  const ownRequests = new Map<string, () => void>();
  /** The latest reload this member took part in; undefined until it first reaches Redis. */
  let lastSeen: string | null | undefined;

  const onRequest = (message: string) => {
    let request: ReloadRequest;
    try {
      request = JSON.parse(message) as ReloadRequest;
    } catch {
      logger.warn('ignored a malformed reload request', { message: message.slice(0, 200) });
      return;
    }
    lastSeen = request.requestId;
    if (request.from === id) {
      ownRequests.get(request.requestId)?.();
      return;
    }
    void (async () => {
      const report = await library.reload();
      logger.info('reloaded at the request of another member', {
        requestId: request.requestId,
        ok: report.ok,
        hash: report.hash,
        ms: report.ms,
      });
      await publisher.publish(
        replyChannel(request.requestId),
        JSON.stringify(outcomeOf(member, report, library) satisfies MemberOutcome),
      );
    })().catch((err: unknown) =>
      logger.error('could not answer a reload request', { requestId: request.requestId, err: reasonOf(err) }),
    );
  };

  /**
   * Pub/sub messages sent while a member is disconnected are lost. Each time its subscription is (re)established,
   * the member compares the latest reload id in Redis with the last one it saw, and reloads if it missed one, so
   * it does not keep serving an old corpus after a network cut.
   */
  const catchUp = async () => {
    if (!publisher.isReady) await once(publisher, 'ready');
    const latest = await publisher.get(latestKey);
    if (lastSeen === undefined) {
      // First contact: the corpus was read from disk moments ago, after any earlier reload.
      lastSeen = latest;
      return;
    }
    if (latest === null || latest === lastSeen) return;
    lastSeen = latest;
    const report = await library.reload();
    logger.info('reloaded to catch up with a cluster reload missed while Redis was unreachable', {
      requestId: latest,
      ok: report.ok,
      hash: report.hash,
    });
  };
  subscriber.on('ready', () => {
    catchUp().catch((err: unknown) => logger.warn('could not check for missed reloads', { err: reasonOf(err) }));
  });

  const connecting = Promise.all([subscriber.connect(), publisher.connect()]).then(() =>
    subscriber.subscribe(requestChannel, onRequest),
  );
  connecting.catch(() => undefined);
  try {
    await withTimeout(connecting, options.timeoutMs, 'Redis');
    logger.info('joined the cluster', { channel: requestChannel });
  } catch (err) {
    onError(err);
  }

  async function reloadLocallyOnly(reason: string): Promise<ClusterReload> {
    const local = await library.reload();
    return { local, members: [outcomeOf(member, local, library)], silent: 0, unreachable: reason };
  }

  return {
    member,
    async reload() {
      if (!subscriber.isReady || !publisher.isReady) return reloadLocallyOnly('Redis is not connected');
      const requestId = randomUUID();
      const others: MemberOutcome[] = [];
      let expected = Number.POSITIVE_INFINITY;
      let selfSeen = false;
      let finish!: () => void;
      const answered = new Promise<void>((resolve) => (finish = resolve));
      const check = () => {
        if (others.length + (selfSeen ? 1 : 0) >= expected) finish();
      };
      ownRequests.set(requestId, () => {
        selfSeen = true;
        check();
      });
      try {
        await withTimeout(
          subscriber.subscribe(replyChannel(requestId), (message) => {
            others.push(JSON.parse(message) as MemberOutcome);
            check();
          }),
          options.timeoutMs,
          'Redis subscribe',
        );
        await withTimeout(publisher.set(latestKey, requestId), options.timeoutMs, 'Redis set');
        const localReload = library.reload();
        try {
          expected = await withTimeout(
            publisher.publish(requestChannel, JSON.stringify({ requestId, from: id } satisfies ReloadRequest)),
            options.timeoutMs,
            'Redis publish',
          );
        } catch (err) {
          const local = await localReload;
          return { local, members: [outcomeOf(member, local, library)], silent: 0, unreachable: reasonOf(err) };
        }
        check();
        const local = await localReload;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([answered, new Promise<void>((resolve) => (timer = setTimeout(resolve, answerTimeoutMs)))]);
        clearTimeout(timer);
        const members = [outcomeOf(member, local, library), ...others].sort((a, b) =>
          a.member.localeCompare(b.member, 'en', { numeric: true }),
        );
        const silent = Math.max(0, expected - others.length - (selfSeen ? 1 : 0));
        logger.info('cluster reload finished', { requestId, members: members.length, silent });
        return { local, members, silent, unreachable: null };
      } catch (err) {
        return reloadLocallyOnly(reasonOf(err));
      } finally {
        ownRequests.delete(requestId);
        void subscriber.unsubscribe(replyChannel(requestId)).catch(() => undefined);
      }
    },
    async close() {
      const closeOne = async (client: typeof subscriber | typeof publisher) => {
        if (client.isReady) await client.close();
        else if (client.isOpen) client.destroy();
      };
      await Promise.allSettled([closeOne(subscriber), closeOne(publisher)]);
    },
  };
}

/** This process's name in the cluster: its shard id under the sharding manager, else host and pid. */
export function memberName(config: Config, kind: 'gateway' | 'http'): string {
  if (config.shardId !== null) return `shard ${config.shardId}`;
  return `${kind === 'http' ? 'replica' : 'process'} ${hostname()}:${process.pid}`;
}

/** The cluster this process belongs to: everyone on the same Redis when KEYV_URL is redis://, else itself alone. */
export async function openCluster(options: {
  readonly config: Config;
  readonly library: Library;
  readonly logger: Logger;
  readonly member: string;
}): Promise<Cluster> {
  const { config } = options;
  if (storeKindOf(config.keyvUrl) !== 'redis') return createLocalCluster(options.library, options.member);
  return openRedisCluster({
    url: config.keyvUrl,
    library: options.library,
    member: options.member,
    logger: options.logger,
    timeoutMs: Math.max(config.storeTimeoutMs, 1000),
  });
}
