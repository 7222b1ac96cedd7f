/**
 * Per-user cooldowns kept in the store, so they hold across restarts and across shards sharing one Redis.
 *
 * The check-and-take is atomic within one process: a map in memory is checked and set synchronously before the
 * store is asked, so ten simultaneous `/quote` from one member let exactly one through. Across processes sharing
 * a Redis the store's get-then-set is not atomic: at most one extra request per process can pass (documented
 * bound, README "Reliability").
 */
import type { Store } from '../store/store.ts';

/** Entries kept per process before expired ones are swept (a sweep is O(entries), run at most once per growth). */
const SWEEP_AT = 10_000;
const local = new WeakMap<Store, Map<string, number>>();

function localCooldowns(store: Store): Map<string, number> {
  let map = local.get(store);
  if (map === undefined) local.set(store, (map = new Map()));
  return map;
}

/**
 * Start a cooldown for `userId` on `action` unless one is running.
 * Returns 0 when the user may go ahead, else the whole seconds left.
 */
export async function takeCooldown(
  store: Store,
  action: string,
  userId: string,
  seconds: number,
  now = Date.now(),
): Promise<number> {
  if (seconds <= 0) return 0;
  const key = `cooldown:${action}:${userId}`;
  const until = now + seconds * 1000;
  const running = localCooldowns(store);
  const held = running.get(key);
  if (held !== undefined && held > now) return Math.max(1, Math.ceil((held - now) / 1000));
  if (running.size >= SWEEP_AT) for (const [k, v] of running) if (v <= now) running.delete(k);
  running.set(key, until); // taken before any await: no other call in this process can pass meanwhile

  const stored = await store.get<number>(key);
  if (stored !== undefined && stored > now) {
    // Taken by an earlier process (a restart) or another shard: honour it here too.
    running.set(key, stored);
    return Math.max(1, Math.ceil((stored - now) / 1000));
  }
  await store.set(key, until, seconds * 1000);
  return 0;
}
