/**
 * Per-user cooldowns kept in the store, so they hold across restarts and across shards sharing one Redis.
 *
 * The check-and-take is atomic within one process: a claim in memory is checked and set synchronously before
 * the store is asked, so ten simultaneous `/quote` from one member let exactly one through. Across processes sharing
 * a Redis the store's get-then-set is not atomic: at most one extra request per process can pass (documented
 * bound, README "Reliability").
 */
import type { Store } from '../store/store.ts';

function cooldownKey(action: string, userId: string): string {
  return `cooldown:${action}:${userId}`;
}

/** Cooldowns being taken right now (between the check and the store's answer), per store. */
const taking = new WeakMap<Store, Map<string, number>>();

function inFlight(store: Store): Map<string, number> {
  let map = taking.get(store);
  if (map === undefined) taking.set(store, (map = new Map()));
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
  const key = cooldownKey(action, userId);
  const until = now + seconds * 1000;
  const pending = inFlight(store);
  const held = pending.get(key);
  if (held !== undefined && held > now) return Math.max(1, Math.ceil((held - now) / 1000));
  // Claimed before any await, so no other call in this process passes while the store is asked. The claim
  // lasts only until the store has the cooldown: the store stays the one record (/forget-me deletes it there).
  pending.set(key, until);
  try {
    const stored = await store.get<number>(key);
    if (stored !== undefined && stored > now) return Math.max(1, Math.ceil((stored - now) / 1000));
    await store.set(key, until, seconds * 1000);
    return 0;
  } finally {
    if (pending.get(key) === until) pending.delete(key);
  }
}

/** Ends `userId`'s cooldown on `action`: for a call that took one and then had nothing to give. */
export async function releaseCooldown(store: Store, action: string, userId: string): Promise<void> {
  await store.delete(cooldownKey(action, userId));
}
