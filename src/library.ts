/**
 * The live corpus. Reload is build-then-swap: the new corpus, index and topics are built aside and
 * replace the old ones only when all three are whole; a broken edit leaves the old state serving.
 */
import { performance } from 'node:perf_hooks';
import { unattributedCounts, type UnattributedCount } from './corpus/attribution/report.ts';
import { loadCorpus, CorpusLoadError, type CorpusProblem } from './corpus/load.ts';
import type { Corpus } from './corpus/types.ts';
import { loadTopics } from './procon/load.ts';
import type { Topic } from './procon/types.ts';
import { QuoteIndex } from './search/engine.ts';

export interface LibraryState {
  readonly corpus: Corpus;
  readonly index: QuoteIndex;
  readonly topics: readonly Topic[];
}

export interface Counts {
  readonly sources: number;
  readonly passages: number;
  readonly people: number;
  readonly topics: number;
}

export type ReloadReport =
  | {
      readonly ok: true;
      readonly before: Counts;
      readonly after: Counts;
      readonly added: readonly string[];
      readonly removed: readonly string[];
      readonly changed: readonly string[];
      readonly ms: number;
      readonly hash: string;
      readonly previousHash: string;
      /** Sources with quotations whose speaker the rules could not tell: a notice for admins, not an error. */
      readonly unattributed: readonly UnattributedCount[];
    }
  | {
      readonly ok: false;
      readonly problems: readonly CorpusProblem[];
      readonly ms: number;
      readonly kept: Counts;
      readonly hash: string;
    };

/** Counts shown before and after a reload. */
export function countsOf(state: LibraryState): Counts {
  return {
    sources: state.corpus.sources.length,
    passages: state.corpus.passages.length,
    people: state.corpus.people.length,
    topics: state.topics.length,
  };
}

export type BuildResult = { ok: true; state: LibraryState } | { ok: false; problems: CorpusProblem[] };

/** Loads and validates everything under `root` without touching any live state. */
export async function buildState(root: string): Promise<BuildResult> {
  const loaded = await loadCorpus(root);
  if (!loaded.ok) return loaded;
  const topics = await loadTopics(root, loaded.corpus.sources);
  if (!topics.ok) return { ok: false, problems: topics.problems };
  const index = await QuoteIndex.buildAsync(loaded.corpus);
  return { ok: true, state: { corpus: loaded.corpus, index, topics: topics.topics } };
}

/** Topics keyed `topic:<id>`, fingerprinted by content, so a reload reports topic edits too. */
function topicFingerprints(state: LibraryState): (readonly [string, string])[] {
  return state.topics.map((t) => [`topic:${t.id}`, JSON.stringify(t)] as const);
}

export class Library {
  private current: LibraryState;
  private pending: Promise<ReloadReport> | null = null;
  private queued: Promise<ReloadReport> | null = null;

  private constructor(
    readonly root: string,
    state: LibraryState,
    private readonly build: (root: string) => Promise<BuildResult>,
  ) {
    this.current = state;
  }

  /**
   * Opens the corpus at `root`; throws `CorpusLoadError` (with every problem) when it is broken. `build`
   * replaces `buildState` for every build (tests hold a reload open with it).
   */
  static async open(root: string, options: { build?: (root: string) => Promise<BuildResult> } = {}): Promise<Library> {
    const build = options.build ?? buildState;
    const built = await build(root);
    if (!built.ok) throw new CorpusLoadError(built.problems);
    return new Library(root, built.state, build);
  }

  /** The state now serving; always whole. */
  get state(): LibraryState {
    return this.current;
  }

  /**
   * Re-reads the corpus from disk. Never throws for a broken corpus: the report carries the problems
   * and the old state keeps serving. A call that arrives while a reload runs gets the next reload,
   * which starts when the current one ends (that one may have read the files before the caller's
   * edit); every call arriving meanwhile shares that next reload.
   */
  reload(): Promise<ReloadReport> {
    if (this.pending === null) {
      this.pending = this.rebuild().finally(() => {
        this.pending = null;
      });
      return this.pending;
    }
    this.queued ??= this.pending.then(() => {
      this.queued = null;
      return this.reload();
    });
    return this.queued;
  }

  private async rebuild(): Promise<ReloadReport> {
    const started = performance.now();
    const before = this.current;
    const built = await this.build(this.root).catch((error: unknown) => ({
      ok: false as const,
      problems: [
        {
          file: this.root,
          field: null,
          message: `the corpus could not be read: ${error instanceof Error ? error.message : String(error)}`,
          fix: 'check that the corpus folder exists and is readable',
        },
      ],
    }));
    const ms = Math.round(performance.now() - started);
    if (!built.ok) return { ok: false, problems: built.problems, ms, kept: countsOf(before), hash: before.corpus.hash };
    const after = built.state;
    this.current = after;
    const oldSources = new Map([
      ...before.corpus.sources.map((s) => [s.id, s.hash] as const),
      ...topicFingerprints(before),
    ]);
    const newSources = new Map([
      ...after.corpus.sources.map((s) => [s.id, s.hash] as const),
      ...topicFingerprints(after),
    ]);
    return {
      ok: true,
      before: countsOf(before),
      after: countsOf(after),
      added: [...newSources.keys()].filter((id) => !oldSources.has(id)),
      removed: [...oldSources.keys()].filter((id) => !newSources.has(id)),
      changed: [...newSources]
        .filter(([id, hash]) => oldSources.has(id) && oldSources.get(id) !== hash)
        .map(([id]) => id),
      ms,
      hash: after.corpus.hash,
      previousHash: before.corpus.hash,
      unattributed: unattributedCounts(after.corpus),
    };
  }
}
