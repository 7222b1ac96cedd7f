/**
 * The live corpus. Reload is build-then-swap: the new corpus, index and topics are built aside and
 * replace the old ones only when all three are whole; a broken edit leaves the old state serving.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS, type CorpusLimits } from './corpus/limits.ts';
import type { UnattributedCount } from './corpus/attribution/report.ts';
import { loadCorpus, CorpusLoadError, type CorpusProblem } from './corpus/load.ts';
import type { Corpus, Passage } from './corpus/types.ts';
import { loadTopics } from './procon/load.ts';
import type { Topic } from './procon/types.ts';
import { QuoteIndex, type IndexOptions } from './search/engine.ts';
import { runSliced, yieldToEventLoop } from './util/yield.ts';

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
/** The shape of `buildState`, the one build hook `Library.open` accepts. */
export type BuildState = (root: string, limits: CorpusLimits) => Promise<BuildResult>;

/** Loads and validates everything under `root` without touching any live state; `index` is how the index is built. */
export async function buildState(
  root: string,
  limits: CorpusLimits = DEFAULT_LIMITS,
  index: IndexOptions = {},
): Promise<BuildResult> {
  const loaded = await loadCorpus(root, limits);
  if (!loaded.ok) return loaded;
  const topics = await loadTopics(root, loaded.corpus.sources, limits);
  if (!topics.ok) return { ok: false, problems: topics.problems };
  const built = await QuoteIndex.buildAsync(loaded.corpus, index);
  return { ok: true, state: { corpus: loaded.corpus, index: built, topics: topics.topics } };
}

/** Passages counted between two yields. */
const PASSAGES_PER_COUNT = 4000;

/**
 * `unattributedCounts` (report.ts), a batch of passages at a time with a yield between batches: one pass over a
 * 100k-passage corpus held the event loop 25–80 ms on the shared machine. A batch used to end on a source
 * boundary, so a corpus in one file (one source of 1M passages) was still counted in one go; now a batch may
 * end inside a source and the counts are added up per source. A passage counts as report.ts counts it (a quotation
 * is a direct quote or an unattributed one); the result is the same list in the same order (most unattributed
 * first, then by source id), which `tests/library.test.ts` checks against `unattributedCounts`.
 */
export async function countUnattributed(corpus: Corpus): Promise<UnattributedCount[]> {
  const { passages } = corpus;
  const counts = new Map<string, { quotations: number; unattributed: number }>();
  for (let from = 0; from < passages.length; from += PASSAGES_PER_COUNT) {
    const to = Math.min(passages.length, from + PASSAGES_PER_COUNT);
    for (let i = from; i < to; i++) {
      const { sourceId, voice } = passages[i] as Passage;
      if (voice.basis !== 'direct-quote' && voice.basis !== 'unattributed') continue;
      const count = counts.get(sourceId) ?? { quotations: 0, unattributed: 0 };
      count.quotations += 1;
      if (voice.basis === 'unattributed') count.unattributed += 1;
      counts.set(sourceId, count);
    }
    await yieldToEventLoop(true);
  }
  return [...counts]
    .filter(([, c]) => c.unattributed > 0)
    .map(([sourceId, c]) => ({ sourceId, ...c }))
    .sort((a, b) => b.unattributed - a.unattributed || a.sourceId.localeCompare(b.sourceId));
}

/**
 * Topics keyed `topic:<id>`, fingerprinted by their file's bytes, so a reload reports topic edits too — and
 * only those: the loaded topic also carries its source's metadata, which a source edit may change.
 */
function topicFingerprints(state: LibraryState): (readonly [string, string])[] {
  return state.topics.map((t) => [`topic:${t.id}`, t.hash ?? JSON.stringify(t)] as const);
}

/** Sources (and topics) fingerprinted or compared between two yields. */
const SOURCES_PER_STEP = 1000;

/** Fingerprints of a state's sources (id → file hash) and topics, a batch of sources at a time. */
function* fingerprintsOf(state: LibraryState): Generator<void, Map<string, string>> {
  const fingerprints = new Map<string, string>();
  for (const source of state.corpus.sources) {
    fingerprints.set(source.id, source.hash);
    if (fingerprints.size % SOURCES_PER_STEP === 0) yield;
  }
  for (const [key, hash] of topicFingerprints(state)) fingerprints.set(key, hash);
  return fingerprints;
}

/**
 * The sources and topics a reload added, removed and changed, in the order of the new (added, changed) and the old
 * (removed) corpus, a batch at a time: in one go, the two maps and the comparison held the event loop 12 + 26 ms
 * at the end of a 300k-passage reload (7.5k sources), and the end of a 1M reload ~100 ms on CPU (26k sources).
 */
export function* diffSources(
  before: LibraryState,
  after: LibraryState,
): Generator<void, { added: string[]; removed: string[]; changed: string[] }> {
  const old = yield* fingerprintsOf(before);
  const now = yield* fingerprintsOf(after);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  let step = 0;
  for (const [id, hash] of now) {
    const was = old.get(id);
    if (was === undefined) added.push(id);
    else if (was !== hash) changed.push(id);
    if (++step % SOURCES_PER_STEP === 0) yield;
  }
  for (const id of old.keys()) {
    if (!now.has(id)) removed.push(id);
    if (++step % SOURCES_PER_STEP === 0) yield;
  }
  return { added, removed, changed };
}

export interface LibraryOptions {
  readonly limits?: CorpusLimits;
  /**
   * What builds a state, at open and at every reload (default `buildState`); tests pass one that never finishes
   * to check the time bound, or one that holds a reload open.
   */
  readonly build?: BuildState;
  /** How `buildState` builds the index (ignored with `build`); the console turns the warm-up off (warm-up.ts). */
  readonly index?: IndexOptions;
}

/** The problem a reload reports when it ran past its time bound (the build is abandoned, never swapped in). */
function timedOut(limits: CorpusLimits): CorpusProblem {
  return {
    file: '(corpus)',
    field: null,
    message: `the reload was still running after ${limits.reloadTimeoutMs.toLocaleString('en-US')} ms (RELOAD_TIMEOUT_MS) and was abandoned`,
    fix: 'look for a file that cannot be read to the end (a stalled network mount, a pipe), then reload again',
  };
}

export class Library {
  private current: LibraryState;
  private pending: Promise<ReloadReport> | null = null;
  private queued: Promise<ReloadReport> | null = null;

  private constructor(
    readonly root: string,
    state: LibraryState,
    readonly limits: CorpusLimits,
    private readonly build: BuildState,
  ) {
    this.current = state;
  }

  /** Opens the corpus at `root`; throws `CorpusLoadError` (with every problem) when it is broken. */
  static async open(root: string, options: LibraryOptions = {}): Promise<Library> {
    const limits = options.limits ?? DEFAULT_LIMITS;
    const build = options.build ?? ((at: string, l: CorpusLimits) => buildState(at, l, options.index));
    const built = await Library.boundedBuild(build, root, limits);
    if (!built.ok) throw new CorpusLoadError(built.problems);
    return new Library(root, built.state, limits, build);
  }

  /**
   * `buildState` within `limits.reloadTimeoutMs`. A build past the bound is abandoned (its result, if it ever
   * comes, is dropped), so a file that never finishes opening cannot wedge this reload or queue the next.
   */
  private static async boundedBuild(build: BuildState, root: string, limits: CorpusLimits): Promise<BuildResult> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<{ ok: false; problems: CorpusProblem[] }>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, problems: [timedOut(limits)] }), limits.reloadTimeoutMs);
      timer.unref();
    });
    const building = build(root, limits).catch((error: unknown) => ({
      ok: false as const,
      problems: [
        {
          file: root,
          field: null,
          message: `the corpus could not be read: ${error instanceof Error ? error.message : String(error)}`,
          fix: 'check that the corpus folder exists and is readable',
        },
      ],
    }));
    try {
      return await Promise.race([building, bound]);
    } finally {
      clearTimeout(timer);
    }
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
    const built = await Library.boundedBuild(this.build, this.root, this.limits);
    const ms = Math.round(performance.now() - started);
    if (!built.ok) return { ok: false, problems: built.problems, ms, kept: countsOf(before), hash: before.corpus.hash };
    const after = built.state;
    this.current = after;
    // The report's parts each walk the whole corpus: the loop gets a turn between them (see "Reliability").
    await yieldToEventLoop(true);
    const { added, removed, changed } = await runSliced(diffSources(before, after));
    const unattributed = await countUnattributed(after.corpus);
    return {
      ok: true,
      before: countsOf(before),
      after: countsOf(after),
      added,
      removed,
      changed,
      ms,
      hash: after.corpus.hash,
      previousHash: before.corpus.hash,
      unattributed,
    };
  }
}
