/**
 * Every /reload attempt — who, when, outcome, corpus hash — kept in the store (newest first, bounded) as well
 * as logged, so admins can see the history after a restart.
 */
import type { Metrics } from '../health/metrics.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';

export const AUDIT_KEY = 'audit:reload';
export const AUDIT_LIMIT = 200;

export interface ReloadAuditEntry {
  readonly at: string;
  readonly userId: string;
  readonly userTag: string;
  readonly guildId: string | null;
  readonly outcome: 'reloaded' | 'rejected' | 'refused-not-admin' | 'refused-not-home' | 'refused' | 'failed';
  /** What changed the corpus: a plain /reload (the default when absent), or a /source add, remove or restore. */
  readonly action?: 'reload' | 'source-add' | 'source-remove' | 'source-restore';
  /** The source added, removed or restored. */
  readonly sourceId?: string;
  /** The page or file an add came from. */
  readonly from?: string;
  /** Corpus hash serving after the attempt. */
  readonly hash: string | null;
  readonly problems?: number;
  readonly ms?: number;
}

/** Prepend an entry to the audit list. Throws StoreUnavailableError when the store is down. */
export async function recordReloadAttempt(store: Store, entry: ReloadAuditEntry): Promise<void> {
  const previous = (await store.get<ReloadAuditEntry[]>(AUDIT_KEY)) ?? [];
  await store.set(AUDIT_KEY, [entry, ...previous].slice(0, AUDIT_LIMIT));
}

export async function readReloadAudit(store: Store): Promise<readonly ReloadAuditEntry[]> {
  return (await store.get<ReloadAuditEntry[]>(AUDIT_KEY)) ?? [];
}

/** Logs a corpus change attempt and keeps it in the audit list; a store failure is logged, never thrown. */
export async function auditCorpusChange(
  ctx: { readonly store: Store; readonly logger: Logger; readonly metrics?: Pick<Metrics, 'recordReload'> },
  entry: ReloadAuditEntry,
): Promise<void> {
  ctx.logger.info('reload attempt', { ...entry });
  ctx.metrics?.recordReload(entry.outcome, entry.ms === undefined ? null : entry.ms / 1000);
  try {
    await recordReloadAttempt(ctx.store, entry);
  } catch (err) {
    ctx.logger.error('reload attempt not saved to the audit list', { err });
  }
}
