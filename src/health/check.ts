/**
 * What /healthz reports: healthy only when logged in to Discord, a corpus is loaded and the store answers.
 * Each failing part gives a reason a person can act on.
 */
import type { Store } from '../store/store.ts';

export interface HealthInputs {
  /** True once the gateway said READY and while the connection is up. */
  readonly discordReady: () => boolean;
  /** Passages in the corpus serving now (0 means nothing to quote). */
  readonly corpusPassages: () => number;
  readonly store: Store;
}

export interface HealthReport {
  readonly healthy: boolean;
  readonly checks: { readonly discord: string; readonly corpus: string; readonly store: string };
  /** Facts shown beside the checks (which shard or replica, gateway ping, corpus hash and passages). */
  readonly details?: Readonly<Record<string, unknown>>;
}

const PROBE_KEY = 'health:probe';

export async function checkHealth(inputs: HealthInputs): Promise<HealthReport> {
  const discord = inputs.discordReady() ? 'ok' : 'not logged in to Discord (starting, reconnecting or stopping)';
  const passages = inputs.corpusPassages();
  const corpus = passages > 0 ? 'ok' : 'no corpus loaded (0 passages)';
  let store = 'ok';
  try {
    await inputs.store.get(PROBE_KEY);
  } catch (err) {
    store = `store not answering: ${err instanceof Error ? err.message : String(err)}`;
  }
  return { healthy: discord === 'ok' && corpus === 'ok' && store === 'ok', checks: { discord, corpus, store } };
}
