/**
 * The seed corpus as a newcomer meets it: how long `npm run console` takes from process start to the first
 * answer, and how fast /quote answers once it is up.
 */
import { spawn } from 'node:child_process';
import { loadCorpus } from '../corpus/load.ts';
import { QuoteIndex } from '../search/engine.ts';
import { labelExistingPassages, type LabelledQuery } from './queries.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface ColdStartResult {
  readonly command: string;
  readonly runs: number;
  /** Process start to the first line of output (the answer), per run, ms. */
  readonly firstAnswerMs: number[];
  /** Process start to exit, per run, ms. */
  readonly exitMs: number[];
  readonly medianFirstAnswerMs: number;
  readonly error: string | null;
}

export interface SeedSearchResult {
  readonly passages: number;
  readonly queries: number;
  readonly reps: number;
  readonly search: LatencySummary;
  readonly autocomplete: LatencySummary;
  readonly top1: number;
  readonly top3: number;
  readonly error: string | null;
}

/** One `/quote` line through the console in a fresh process; resolves with its timings. */
function runConsoleOnce(
  repoRoot: string,
  corpusDir: string,
  line: string,
): Promise<{ firstAnswerMs: number; exitMs: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstAnswerMs = Number.NaN;
    let output = '';
    let stderr = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/console/main.ts', '--json', '--corpus', corpusDir], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (Number.isNaN(firstAnswerMs) && output.includes('\n')) firstAnswerMs = performance.now() - started;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - started;
      if (code !== 0) reject(new Error(`console exited with ${code}: ${stderr.trim().slice(0, 300)}`));
      else resolve({ firstAnswerMs, exitMs, output });
    });
    child.stdin.end(`${line}\n`);
  });
}

/** Median cold start of the console over `runs` fresh processes. */
export async function measureColdStart(
  repoRoot: string,
  corpusDir: string,
  runs: number,
  line: string,
): Promise<ColdStartResult> {
  const command = `node --import tsx src/console/main.ts --json  <<< '${line}'`;
  const firstAnswerMs: number[] = [];
  const exitMs: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const run = await runConsoleOnce(repoRoot, corpusDir, line);
      const first = run.output.split('\n')[0] ?? '';
      if (!first.startsWith('{')) throw new Error(`unexpected console output: ${first.slice(0, 200)}`);
      firstAnswerMs.push(run.firstAnswerMs);
      exitMs.push(run.exitMs);
    }
  } catch (error) {
    return {
      command,
      runs: firstAnswerMs.length,
      firstAnswerMs,
      exitMs,
      medianFirstAnswerMs: Number.NaN,
      error: String(error),
    };
  }
  return { command, runs, firstAnswerMs, exitMs, medianFirstAnswerMs: summarize(firstAnswerMs).p50, error: null };
}

/** The autocomplete input for a query: its first half, at least three characters. */
function halfPrefix(text: string): string {
  return text.slice(0, Math.max(3, Math.ceil(text.length / 2)));
}

/** Time `reps` passes of /quote and autocomplete over `queries`; accuracy comes from the first pass. */
function timeSeedQueries(index: QuoteIndex, queries: readonly LabelledQuery[], reps: number) {
  const searchMs: number[] = [];
  const suggestMs: number[] = [];
  let top1 = 0;
  let top3 = 0;
  for (let rep = 0; rep < reps; rep++) {
    for (const q of queries) {
      const s = performance.now();
      const hits = index.search({ text: q.text });
      searchMs.push(performance.now() - s);
      if (rep === 0) {
        const rank = hits.findIndex((h) => h.passage.id === q.targetId);
        if (rank === 0) top1++;
        if (rank >= 0 && rank < 3) top3++;
      }
      const prefix = halfPrefix(q.text);
      const a = performance.now();
      index.suggestQueries(prefix, 25);
      suggestMs.push(performance.now() - a);
    }
  }
  return {
    search: summarize(searchMs),
    autocomplete: summarize(suggestMs),
    top1: queries.length ? top1 / queries.length : Number.NaN,
    top3: queries.length ? top3 / queries.length : Number.NaN,
  };
}

/** /quote and autocomplete latency and accuracy on the real seed corpus, with queries derived from it. */
export async function measureSeedSearch(
  corpusDir: string,
  queryCount: number,
  reps: number,
  seed: number,
): Promise<SeedSearchResult> {
  const empty = summarize([]);
  const loaded = await loadCorpus(corpusDir);
  if (!loaded.ok) {
    return {
      passages: 0,
      queries: 0,
      reps,
      search: empty,
      autocomplete: empty,
      top1: Number.NaN,
      top3: Number.NaN,
      error: `corpus rejected: ${loaded.problems[0]?.message ?? '?'}`,
    };
  }
  const passages = loaded.corpus.passages.filter(
    (p) => loaded.corpus.sources.find((s) => s.id === p.sourceId)?.kind !== 'reader-comments',
  );
  const queries = labelExistingPassages(passages, Math.ceil(queryCount / 3), seed).slice(0, queryCount);
  const index = QuoteIndex.build(loaded.corpus);
  // A long-running bot answers from optimized code: warm the JIT on a separately derived query set
  // (another seed, so the timed queries are not the warm-up ones) before timing.
  // As many warm-up queries as timed ones, five passes: fewer left the first timed pass 1.5-2x slower at the tail.
  const warmUp = labelExistingPassages(passages, Math.ceil(queryCount / 3), seed + 1);
  for (let pass = 0; pass < 5; pass++) {
    for (const q of warmUp) {
      index.search({ text: q.text });
      index.suggestQueries(halfPrefix(q.text), 25);
    }
  }

  return {
    passages: loaded.corpus.passages.length,
    queries: queries.length,
    reps,
    ...timeSeedQueries(index, queries, reps),
    error: null,
  };
}
