/**
 * One engine × one corpus size, in a process of its own so heap and RSS belong to this engine alone.
 * Started by main.ts with `--expose-gc`; reports one `ChildResult` over IPC (or stdout when run by hand).
 */
import { createEngine, type BenchEngine, type EngineName } from './engines.ts';
import { generateCorpus, type SyntheticCorpus } from './generate.ts';
import { samplePrefixes, type LabelledQuery } from './queries.ts';
import { readSeedMaterial } from './seeds.ts';

export interface ChildTask {
  readonly engine: EngineName;
  readonly passages: number;
  readonly seed: number;
  /** Planted targets; must be the same for every engine at a size, or they would search different corpora. */
  readonly targets: number;
  /** How many labelled queries to run (the first ones: balanced across kinds). */
  readonly queries: number;
  readonly prefixesPerQuery: number;
  /** Cap on autocomplete prefixes (the first ones); the slow baseline uses it to stay within time. */
  readonly maxPrefixes?: number;
  readonly reps: number;
  readonly seedsDir: string;
  /**
   * Wall-clock budget of each timed phase (the /quote queries, the autocomplete prefixes), milliseconds: once a
   * phase has taken this long, its remaining inputs are not run and the result says how many were. Peers take
   * seconds a query at 100k on a loaded machine; without it a full run did not finish in 55 minutes.
   */
  readonly phaseBudgetMs?: number;
}

export interface QueryRecord {
  readonly id: string;
  readonly kind: string;
  /** Rank of the target (1-based) in the results, or null when it was not returned. */
  readonly rank: number | null;
  /** One latency per repetition, milliseconds. */
  readonly ms: number[];
}

export interface PrefixRecord {
  readonly queryId: string;
  readonly length: number;
  /** Length of the whole query this is a prefix of. */
  readonly queryLength: number;
  readonly ms: number[];
  /** Whether the target passage is among the suggestions. */
  readonly targetSuggested: boolean;
}

/** How much of a phase was run: all `planned` inputs, or the first `run` when its budget ran out. */
export interface PhaseCoverage {
  readonly planned: number;
  readonly run: number;
  /** The budget that stopped the phase, milliseconds; null when every planned input was run. */
  readonly stoppedAtMs: number | null;
}

export interface MemoryFigures {
  readonly heapUsedMB: number;
  readonly rssMB: number;
}

export interface ChildResult {
  readonly engine: EngineName;
  /** Identifies the generated corpus: equal for both engines at one size. */
  readonly corpusHash: string;
  readonly passages: number;
  readonly sources: number;
  readonly generateMs: number;
  readonly buildMs: number;
  /** After generating the corpus, before building (gc'd): what the corpus itself costs. */
  readonly beforeBuild: MemoryFigures;
  /** After building (gc'd), corpus and index both alive. */
  readonly afterBuild: MemoryFigures;
  readonly queries: QueryRecord[];
  readonly prefixes: PrefixRecord[];
  readonly coverage: { readonly queries: PhaseCoverage; readonly prefixes: PhaseCoverage };
}

const MB = 1024 * 1024;

function measureMemory(): MemoryFigures {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc for clean memory figures');
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapUsedMB: m.heapUsed / MB, rssMB: m.rss / MB };
}

function rankOf(ids: readonly string[], target: string): number | null {
  const i = ids.indexOf(target);
  return i < 0 ? null : i + 1;
}

/** Warm the JIT on passages that are not targets, so the first timed queries don't pay for compilation. */
function warmUp(engine: BenchEngine, synthetic: SyntheticCorpus, name: EngineName): void {
  const planted = new Set(synthetic.targets.map((t) => t.passageId));
  // A bot that has been up a while answers from optimized code, so Verbatim warms up on 60 phrases and
  // their prefixes as typed (about as many calls as the timed pass; without it the first timed prefixes ran
  // 2-3x slower than the same prefixes later). One warm-up is enough for the baseline, whose queries take
  // seconds at 100k and dominate the run time.
  const warm = synthetic.corpus.passages.filter((p) => !planted.has(p.id)).slice(0, name === 'fuse' ? 1 : 60);
  for (const p of warm) {
    const words = p.text.split(/\s+/).slice(0, 5).join(' ');
    engine.search(words);
    for (const length of name === 'fuse' ? [8] : [4, 8, 14, 20, 28]) engine.suggest(words.slice(0, length));
  }
}

/**
 * Runs `call` on the inputs in order while the phase is within `budgetMs` (checked before each input, so the
 * first always runs); returns how many ran.
 */
function runWithinBudget(count: number, budgetMs: number, now: () => number, call: (i: number) => void): number {
  const start = now();
  let i = 0;
  for (; i < count; i++) {
    if (i > 0 && now() - start > budgetMs) break;
    call(i);
  }
  return i;
}

const coverage = (planned: number, run: number, budgetMs: number): PhaseCoverage => ({
  planned,
  run,
  stoppedAtMs: run < planned ? budgetMs : null,
});

/**
 * Time every query and prefix `reps` times; ranks and whether the target was suggested come from the first pass.
 * The first pass of each phase stops at `budgetMs` (later passes repeat only what it ran); inputs not run are
 * left out of the records, so every figure is over what was measured. `now` is the clock (a test passes its own).
 */
export function timeQueries(
  engine: Pick<BenchEngine, 'search' | 'suggest'>,
  queries: readonly LabelledQuery[],
  prefixes: readonly { queryId: string; prefix: string }[],
  reps: number,
  budgetMs = Infinity,
  now: () => number = () => performance.now(),
): Pick<ChildResult, 'queries' | 'prefixes' | 'coverage'> {
  const targetOf = new Map(queries.map((q) => [q.id, q.targetId]));
  const lengthOf = new Map(queries.map((q) => [q.id, q.text.length]));
  const queryRecords: QueryRecord[] = queries.map((q) => ({ id: q.id, kind: q.kind, rank: null, ms: [] }));
  const prefixRecords: PrefixRecord[] = prefixes.map((p) => ({
    queryId: p.queryId,
    length: p.prefix.length,
    queryLength: lengthOf.get(p.queryId) ?? p.prefix.length,
    ms: [],
    targetSuggested: false,
  }));
  const search = (rep: number) => (i: number) => {
    const q = queries[i] as LabelledQuery;
    const s = now();
    const ids = engine.search(q.text);
    const ms = now() - s;
    const record = queryRecords[i] as QueryRecord;
    record.ms.push(ms);
    if (rep === 0) (record as { rank: number | null }).rank = rankOf(ids, q.targetId);
  };
  const suggest = (rep: number) => (i: number) => {
    const p = prefixes[i] as { queryId: string; prefix: string };
    const s = now();
    const ids = engine.suggest(p.prefix);
    const ms = now() - s;
    const record = prefixRecords[i] as PrefixRecord;
    record.ms.push(ms);
    if (rep === 0)
      (record as { targetSuggested: boolean }).targetSuggested = ids.includes(targetOf.get(p.queryId) ?? '');
  };
  let queriesRun = queries.length;
  let prefixesRun = prefixes.length;
  for (let rep = 0; rep < reps; rep++) {
    if (rep === 0) {
      queriesRun = runWithinBudget(queries.length, budgetMs, now, search(rep));
      prefixesRun = runWithinBudget(prefixes.length, budgetMs, now, suggest(rep));
    } else {
      for (let i = 0; i < queriesRun; i++) search(rep)(i);
      for (let i = 0; i < prefixesRun; i++) suggest(rep)(i);
    }
  }
  return {
    queries: queryRecords.slice(0, queriesRun),
    prefixes: prefixRecords.slice(0, prefixesRun),
    coverage: {
      queries: coverage(queries.length, queriesRun, budgetMs),
      prefixes: coverage(prefixes.length, prefixesRun, budgetMs),
    },
  };
}

/** Runs one measurement task; the only place where engine timings are taken. */
export async function runTask(task: ChildTask): Promise<ChildResult> {
  const material = readSeedMaterial(task.seedsDir);
  const t0 = performance.now();
  const synthetic = generateCorpus(material, { passages: task.passages, targets: task.targets, seed: task.seed });
  const generateMs = performance.now() - t0;
  const queries = synthetic.queries.slice(0, task.queries);
  const prefixes = samplePrefixes(queries, task.prefixesPerQuery, task.seed).slice(0, task.maxPrefixes ?? Infinity);

  const engine = createEngine(task.engine);
  const beforeBuild = measureMemory();
  const b0 = performance.now();
  await engine.build(synthetic.corpus);
  const buildMs = performance.now() - b0;
  // On stderr as it happens, so an engine later stopped at --engine-timeout still says where its time went.
  process.stderr.write(`bench: ${task.passages} passages: ${task.engine} built in ${(buildMs / 1000).toFixed(1)} s\n`);
  const afterBuild = measureMemory();

  warmUp(engine, synthetic, task.engine);
  return {
    engine: task.engine,
    corpusHash: synthetic.corpus.hash,
    passages: synthetic.corpus.passages.length,
    sources: synthetic.corpus.sources.length,
    generateMs,
    buildMs,
    beforeBuild,
    afterBuild,
    ...timeQueries(engine, queries, prefixes, task.reps, task.phaseBudgetMs ?? Infinity),
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
  const result = await runTask(task);
  if (process.send) process.send(result);
  else process.stdout.write(`${JSON.stringify(result)}\n`);
}
