/**
 * Asking every shard process how it is, over the sharding manager's IPC channel: the manager sends a request
 * with an id, each shard answers with its status (whatever `getStatus` returns, as JSON). A shard that is down or
 * respawning, or does not answer in time, is reported as such instead of holding the answer up.
 */
import { randomUUID } from 'node:crypto';
import type { Shard, ShardingManager } from 'discord.js';

const REQUEST = 'verbatimStatusRequest';
const REPLY = 'verbatimStatusReply';

/** `health` for /healthz; `metrics` also carries the shard's Prometheus metrics, which only /metrics needs. */
export type StatusKind = 'health' | 'metrics';

/** In a shard process: answer the manager's status requests. Does nothing outside a sharding manager. */
export function answerStatusRequests(getStatus: (kind: StatusKind) => Promise<unknown>): void {
  const send = process.send?.bind(process);
  if (send === undefined) return;
  process.on('message', (message: unknown) => {
    const request = message as Record<string, unknown> | null;
    const id = request?.[REQUEST];
    if (typeof id !== 'string') return;
    getStatus(request?.kind === 'metrics' ? 'metrics' : 'health').then(
      (status) => send({ [REPLY]: id, status }),
      (err: unknown) => send({ [REPLY]: id, error: err instanceof Error ? err.message : String(err) }),
    );
  });
}

export type ShardStatus<T> =
  | { readonly shard: number; readonly up: true; readonly status: T }
  | { readonly shard: number; readonly up: false; readonly reason: string };

function askShard<T>(shard: Shard, timeoutMs: number, kind: StatusKind): Promise<ShardStatus<T>> {
  const child = shard.process;
  if (child === null || !child.connected) return Promise.resolve({ shard: shard.id, up: false, reason: 'not running' });
  const id = randomUUID();
  return new Promise((resolve) => {
    const finish = (result: ShardStatus<T>) => {
      clearTimeout(timer);
      shard.off('message', onMessage);
      shard.off('death', onDeath);
      resolve(result);
    };
    const onMessage = (message: unknown) => {
      const reply = message as Record<string, unknown> | null;
      if (reply?.[REPLY] !== id) return;
      if (typeof reply.error === 'string') finish({ shard: shard.id, up: false, reason: reply.error });
      else finish({ shard: shard.id, up: true, status: reply.status as T });
    };
    const onDeath = () => finish({ shard: shard.id, up: false, reason: 'exited while answering' });
    const timer = setTimeout(
      () => finish({ shard: shard.id, up: false, reason: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    shard.on('message', onMessage);
    shard.on('death', onDeath);
    shard
      .send({ [REQUEST]: id, kind })
      .catch((err: unknown) =>
        finish({ shard: shard.id, up: false, reason: err instanceof Error ? err.message : String(err) }),
      );
  });
}

/** Every shard's status, in shard order, within `timeoutMs`. */
export function collectShardStatuses<T>(
  manager: ShardingManager,
  timeoutMs: number,
  kind: StatusKind,
): Promise<ShardStatus<T>[]> {
  const shards = [...manager.shards.values()].sort((a, b) => a.id - b.id);
  return Promise.all(shards.map((shard) => askShard<T>(shard, timeoutMs, kind)));
}
