/**
 * /forget-me: remove what the store holds about one member. Cooldowns, paging states (which hold their
 * /quote words) and card states (which hold their tags) are deleted; reload-audit entries are kept for the other admins but anonymised.
 */
import { AUDIT_KEY, type ReloadAuditEntry } from './audit.ts';
import type { CardState } from './card-state.ts';
import type { PagingState } from './paging.ts';
import type { Store } from '../store/store.ts';

/** Stands in for the id and tag of a member who asked to be forgotten. */
export const FORGOTTEN = 'forgotten';

export interface ForgetReport {
  readonly cooldowns: number;
  readonly pagingStates: number;
  readonly auditEntries: number;
  readonly cardStates: number;
}

/** Delete or anonymise everything stored about `userId`; says how much of each kind went. */
export async function forgetMember(store: Store, userId: string): Promise<ForgetReport> {
  let cooldowns = 0;
  for (const [key] of await store.scan<number>('cooldown:')) {
    if (key.split(':')[2] !== userId) continue;
    await store.delete(key);
    cooldowns += 1;
  }
  let pagingStates = 0;
  for (const [key, state] of await store.scan<PagingState>('paging:')) {
    if (state.invokerId !== userId) continue;
    await store.delete(key);
    pagingStates += 1;
  }
  let cardStates = 0;
  for (const [key, state] of await store.scan<CardState>('card:')) {
    if (state.invokerId !== userId) continue;
    await store.delete(key);
    cardStates += 1;
  }
  let auditEntries = 0;
  const audit = await store.get<ReloadAuditEntry[]>(AUDIT_KEY);
  if (audit !== undefined && audit.some((entry) => entry.userId === userId)) {
    const anonymised = audit.map((entry) => {
      if (entry.userId !== userId) return entry;
      auditEntries += 1;
      return { ...entry, userId: FORGOTTEN, userTag: FORGOTTEN };
    });
    await store.set(AUDIT_KEY, anonymised);
  }
  return { cooldowns, pagingStates, auditEntries, cardStates };
}
