/**
 * Per-user cooldowns kept in the store, so they hold across restarts and across shards sharing one Redis.
 */
import type { Store } from '../store/store.ts';

function cooldownKey(action: string, userId: string): string {
  return `cooldown:${action}:${userId}`;
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
  const until = await store.get<number>(key);
  if (until !== undefined && until > now) return Math.max(1, Math.ceil((until - now) / 1000));
  await store.set(key, now + seconds * 1000, seconds * 1000);
  return 0;
}

/** Ends `userId`'s cooldown on `action`: for a call that took one and then had nothing to give. */
export async function releaseCooldown(store: Store, action: string, userId: string): Promise<void> {
  await store.delete(cooldownKey(action, userId));
}
