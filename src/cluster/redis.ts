/**
 * The members of a cluster that meet over Redis pub/sub: each subscribes to reload requests, answers each with its
 * outcome on the request's own channel, and catches up with a reload it missed while cut off from Redis.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createClient } from '@keyv/redis';
import type { Config } from '../config.ts';
import type { Library } from '../library.ts';
import type { Logger } from '../logger.ts';
import { storeKindOf } from '../store/store.ts';
import {
  createLocalCluster,
  MEMBER_ANSWER_TIMEOUT_MS,
  outcomeOf,
  type Cluster,
  type ClusterReload,
  type MemberOutcome,
} from './reload.ts';

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

/** The member's two connections, not yet connected: a publisher must not queue commands while Redis is down. */
function createClients(options: RedisClusterOptions) {
  const socket = {
    connectTimeout: options.timeoutMs,
    reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000),
  };
  return {
    subscriber: createClient({ url: options.url, socket }),
    publisher: createClient({ url: options.url, socket, disableOfflineQueue: true }),
  };
}
type Clients = ReturnType<typeof createClients>;

/** What one member's steps share: its clients, names and channels, and the requests it is waiting on. */
interface Member {
  readonly options: RedisClusterOptions;
  readonly logger: Logger;
  /** Unique per process, so a member recognises its own requests. */
  readonly id: string;
  readonly subscriber: Clients['subscriber'];
  readonly publisher: Clients['publisher'];
  readonly requestChannel: string;
  replyChannel(requestId: string): string;
  /** The id of the latest cluster reload, so a member that was cut off from Redis can tell it missed one. */
  readonly latestKey: string;
  /** Requests this process started: its own copy of the request counts as its answer. */
  readonly ownRequests: Map<string, () => void>;
  /** The latest reload this member took part in; undefined until it first reaches Redis. */
  lastSeen: string | null | undefined;
  /** Logs a Redis failure, at most once a minute. */
  readonly onError: (err: unknown) => void;
}

/** The member's clients (not yet connected), channel names and error logging. */
function createMember(options: RedisClusterOptions): Member {
  const logger = options.logger.child({ component: 'cluster', member: options.member });
  const namespace = options.namespace ?? 'verbatim';
  let lastWarnAt = 0;
  const onError = (err: unknown) => {
    const now = Date.now();
    if (now - lastWarnAt < 60_000) return;
    lastWarnAt = now;
    logger.warn('cluster connection to Redis failed; reloads reach only this process until it is back', {
      err: reasonOf(err),
    });
  };
  const { subscriber, publisher } = createClients(options);
  subscriber.on('error', onError);
  publisher.on('error', onError);
  return {
    options,
    logger,
    id: `${options.member}#${randomUUID()}`,
    subscriber,
    publisher,
    requestChannel: `${namespace}:cluster:reload`,
    replyChannel: (requestId) => `${namespace}:cluster:reload:${requestId}`,
    latestKey: `${namespace}:cluster:latest-reload`,
    ownRequests: new Map(),
    lastSeen: undefined,
    onError,
  };
}

/** Reload at another member's request and publish this member's outcome on the request's reply channel. */
async function answerRequest(m: Member, request: ReloadRequest): Promise<void> {
  const { library, member } = m.options;
  const report = await library.reload();
  m.logger.info('reloaded at the request of another member', {
    requestId: request.requestId,
    ok: report.ok,
    hash: report.hash,
    ms: report.ms,
  });
  await m.publisher.publish(
    m.replyChannel(request.requestId),
    JSON.stringify(outcomeOf(member, report, library) satisfies MemberOutcome),
  );
}

/** A reload request arrived: our own counts as our answer; another member's is answered by reloading here. */
function onRequest(m: Member, message: string): void {
  let request: ReloadRequest;
  try {
    request = JSON.parse(message) as ReloadRequest;
  } catch {
    m.logger.warn('ignored a malformed reload request', { message: message.slice(0, 200) });
    return;
  }
  m.lastSeen = request.requestId;
  if (request.from === m.id) {
    m.ownRequests.get(request.requestId)?.();
    return;
  }
  answerRequest(m, request).catch((err: unknown) =>
    m.logger.error('could not answer a reload request', { requestId: request.requestId, err: reasonOf(err) }),
  );
}

/**
 * Pub/sub messages sent while a member is disconnected are lost. Each time its subscription is (re)established,
 * the member compares the latest reload id in Redis with the last one it saw, and reloads if it missed one, so
 * it does not keep serving an old corpus after a network cut.
 */
async function catchUp(m: Member): Promise<void> {
  if (!m.publisher.isReady) await once(m.publisher, 'ready');
  const latest = await m.publisher.get(m.latestKey);
  if (m.lastSeen === undefined) {
    // First contact: the corpus was read from disk moments ago, after any earlier reload.
    m.lastSeen = latest;
    return;
  }
  if (latest === null || latest === m.lastSeen) return;
  m.lastSeen = latest;
  const report = await m.options.library.reload();
  m.logger.info('reloaded to catch up with a cluster reload missed while Redis was unreachable', {
    requestId: latest,
    ok: report.ok,
    hash: report.hash,
  });
}

/** Connect both clients and subscribe to requests, waiting at most `timeoutMs`; a failure is logged, not thrown. */
async function join(m: Member): Promise<void> {
  m.subscriber.on('ready', () => {
    catchUp(m).catch((err: unknown) => m.logger.warn('could not check for missed reloads', { err: reasonOf(err) }));
  });
  const connecting = Promise.all([m.subscriber.connect(), m.publisher.connect()]).then(() =>
    m.subscriber.subscribe(m.requestChannel, (message) => onRequest(m, message)),
  );
  connecting.catch(() => undefined);
  try {
    await withTimeout(connecting, m.options.timeoutMs, 'Redis');
    m.logger.info('joined the cluster', { channel: m.requestChannel });
  } catch (err) {
    m.onError(err);
  }
}

async function reloadLocallyOnly(m: Member, reason: string): Promise<ClusterReload> {
  const { library, member } = m.options;
  const local = await library.reload();
  return { local, members: [outcomeOf(member, local, library)], silent: 0, unreachable: reason };
}

/**
 * The answers to one request: other members' outcomes and whether our own copy came back; `answered` resolves
 * once as many answers as `expected` (the publish's receiver count) are in.
 */
function createTally() {
  const others: MemberOutcome[] = [];
  let expected = Number.POSITIVE_INFINITY;
  let selfSeen = false;
  let finish!: () => void;
  const answered = new Promise<void>((resolve) => (finish = resolve));
  const check = () => {
    if (others.length + (selfSeen ? 1 : 0) >= expected) finish();
  };
  return {
    others,
    answered,
    addOther(outcome: MemberOutcome) {
      others.push(outcome);
      check();
    },
    markSelf() {
      selfSeen = true;
      check();
    },
    expect(receivers: number) {
      expected = receivers;
      check();
    },
    /** Receivers that did not answer. */
    silent: () => Math.max(0, expected - others.length - (selfSeen ? 1 : 0)),
  };
}

/** Reload every member through Redis; falls back to this process alone when Redis fails on the way. */
async function reloadEverywhere(m: Member): Promise<ClusterReload> {
  const { library, member, timeoutMs } = m.options;
  const requestId = randomUUID();
  const tally = createTally();
  m.ownRequests.set(requestId, tally.markSelf);
  try {
    await withTimeout(
      m.subscriber.subscribe(m.replyChannel(requestId), (message) =>
        tally.addOther(JSON.parse(message) as MemberOutcome),
      ),
      timeoutMs,
      'Redis subscribe',
    );
    await withTimeout(m.publisher.set(m.latestKey, requestId), timeoutMs, 'Redis set');
    const localReload = library.reload();
    let receivers: number;
    try {
      const request = JSON.stringify({ requestId, from: m.id } satisfies ReloadRequest);
      receivers = await withTimeout(m.publisher.publish(m.requestChannel, request), timeoutMs, 'Redis publish');
    } catch (err) {
      const local = await localReload;
      return { local, members: [outcomeOf(member, local, library)], silent: 0, unreachable: reasonOf(err) };
    }
    tally.expect(receivers);
    const local = await localReload;
    await waitAtMost(tally.answered, m.options.answerTimeoutMs ?? MEMBER_ANSWER_TIMEOUT_MS);
    const members = [outcomeOf(member, local, library), ...tally.others].sort((a, b) =>
      a.member.localeCompare(b.member, 'en', { numeric: true }),
    );
    const silent = tally.silent();
    m.logger.info('cluster reload finished', { requestId, members: members.length, silent });
    return { local, members, silent, unreachable: null };
  } catch (err) {
    return reloadLocallyOnly(m, reasonOf(err));
  } finally {
    m.ownRequests.delete(requestId);
    void m.subscriber.unsubscribe(m.replyChannel(requestId)).catch(() => undefined);
  }
}

/** Resolves when `promise` does or after `ms`, whichever comes first. */
async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * Join the cluster on the Redis at `url`: subscribe to reload requests and answer each with this member's
 * outcome. If Redis cannot be reached at start, the member still runs (and subscribes once Redis is back);
 * a reload it starts meanwhile reloads only itself and says so.
 */
export async function openRedisCluster(options: RedisClusterOptions): Promise<Cluster> {
  const m = createMember(options);
  await join(m);
  return {
    member: options.member,
    async reload() {
      if (!m.subscriber.isReady || !m.publisher.isReady) return reloadLocallyOnly(m, 'Redis is not connected');
      return reloadEverywhere(m);
    },
    async close() {
      const closeOne = async (client: Clients['subscriber'] | Clients['publisher']) => {
        if (client.isReady) await client.close();
        else if (client.isOpen) client.destroy();
      };
      await Promise.allSettled([closeOne(m.subscriber), closeOne(m.publisher)]);
    },
  };
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
