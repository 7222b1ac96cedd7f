/**
 * `npm run bench`: Verbatim's search against MiniSearch, FlexSearch, Orama and a plain fuse.js baseline (each
 * engine in a process of its own) on synthetic corpora of growing size,
 * plus the reload stall and the seed corpus cold start. Prints a table per size and the issue's targets, and
 * writes every figure (with the per-query timings behind it) to JSON. See "Performance and the benchmark" in README.md.
 */
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildResult, ChildTask } from './child.ts';
import { measureColdStart, measureSeedSearch, type ColdStartResult, type SeedSearchResult } from './coldstart.ts';
import { baselineQueriesFor, parseOptions, peerQueriesFor, USAGE, type BenchOptions } from './options.ts';
import { formatReloadMemory, type ReloadResult, type ReloadTask } from './reload.ts';
import { runStallProbes } from './stall-probes.ts';
import { formatSizeTable, reloadLayout, reportSize, type SizeReport, type Unfinished } from './report.ts';
import { checkTargets, formatTargets, type TargetCheck } from './targets.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
/** The line the issue's "done when" uses; the cold start measures the console answering it. */
const COLD_START_LINE = '/quote abandn zero sum mentalty';
/** The loader merges a few generated sentences into one passage; write a little more to reach the size. */
const SENTENCES_PER_PASSAGE = 1.05;

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** A child process stopped because it ran past its time limit. */
class ChildTimeout extends Error {
  constructor(readonly seconds: number) {
    super(`did not finish in ${seconds} s`);
  }
}

/**
 * Runs `script` in a fresh Node process with gc exposed and resolves with the one message it sends; with
 * `timeoutS`, a process still running then is killed and the promise rejects with a ChildTimeout.
 */
function runInChild<T>(script: string, task: object, timeoutS: number | null = null): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(here, script), [JSON.stringify(task)], {
      cwd: repoRoot,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: T | undefined;
    let timedOut = false;
    const timer =
      timeoutS === null
        ? null
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeoutS * 1000);
    child.on('message', (m) => {
      result = m as T;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (timedOut) reject(new ChildTimeout(timeoutS ?? 0));
      else if (code === 0 && result !== undefined) resolvePromise(result);
      else reject(new Error(`${script} exited with code ${code} without a result`));
    });
  });
}

/** A peer or baseline run, or the engine's "did not finish" when it ran past `--engine-timeout`. */
async function runEngine(
  task: ChildTask,
  options: BenchOptions,
  unfinished: Unfinished[],
): Promise<ChildResult | null> {
  try {
    return await runInChild<ChildResult>('child.ts', task, options.engineTimeoutS);
  } catch (error) {
    if (!(error instanceof ChildTimeout)) throw error;
    progress(`${task.passages} passages: ${task.engine} ${error.message}`);
    unfinished.push({ engine: task.engine, seconds: error.seconds });
    return null;
  }
}

async function measureSize(options: BenchOptions, size: number, seedsDir: string): Promise<SizeReport> {
  const base = {
    passages: size,
    targets: Math.ceil(options.queries / 3),
    seed: options.seed,
    prefixesPerQuery: options.prefixes,
    reps: options.reps,
    seedsDir,
    phaseBudgetMs: options.phaseBudgetS * 1000,
  };
  progress(`${size} passages: verbatim, ${options.queries} queries`);
  const verbatim = await runInChild<ChildResult>('child.ts', {
    ...base,
    engine: 'verbatim',
    queries: options.queries,
  } satisfies ChildTask);
  const peers: ChildResult[] = [];
  const unfinished: Unfinished[] = [];
  const peerQueries = peerQueriesFor(options, size);
  for (const engine of options.peers) {
    progress(`${size} passages: ${engine}, ${peerQueries} queries`);
    const task = { ...base, engine, queries: peerQueries, maxPrefixes: peerQueries * options.prefixes };
    const result = await runEngine(task satisfies ChildTask, options, unfinished);
    if (result) peers.push(result);
  }
  let baseline: ChildResult | null = null;
  if (!options.skipBaseline) {
    const n = baselineQueriesFor(options, size);
    progress(`${size} passages: fuse.js baseline, ${n} queries, ${n} prefixes`);
    baseline = await runEngine({ ...base, engine: 'fuse', queries: n, maxPrefixes: n }, options, unfinished);
  }
  const report = reportSize(verbatim, baseline, peers, unfinished);
  // Each size's table as soon as it is measured: a run stopped later still leaves these figures behind.
  progress(`\n${formatSizeTable(report)}\n`);
  return report;
}

/** The reload stall: article-sized files (the usual corpus) and the whole corpus as one file (the worst case). */
async function measureReloads(options: BenchOptions, seedsDir: string, corpusDir: string): Promise<ReloadResult[]> {
  const reloads: ReloadResult[] = [];
  if (options.skipReload) return reloads;
  for (const oneFile of [false, true]) {
    progress(
      `reload stall: writing and reloading a ${options.reloadPassages}-passage corpus${oneFile ? ' in one file' : ''}`,
    );
    reloads.push(
      await runInChild<ReloadResult>('reload.ts', {
        sentences: Math.round(options.reloadPassages * SENTENCES_PER_PASSAGE),
        seed: options.seed,
        seedsDir,
        peopleFile: join(corpusDir, 'people.yaml'),
        oneFile,
      } satisfies ReloadTask),
    );
  }
  return reloads;
}

/** Every figure the bench takes, in the order it takes them. */
interface Figures {
  readonly sizes: SizeReport[];
  readonly reloads: ReloadResult[];
  readonly stalls: Awaited<ReturnType<typeof runStallProbes>> | null;
  readonly seed: SeedSearchResult | null;
  readonly cold: ColdStartResult | null;
}

async function measureAll(options: BenchOptions, seedsDir: string, corpusDir: string): Promise<Figures> {
  const sizes: SizeReport[] = [];
  for (const size of options.sizes) sizes.push(await measureSize(options, size, seedsDir));
  const reloads = await measureReloads(options, seedsDir, corpusDir);
  // Hostile corpus shapes (issue 16): each reloaded in its own process, worst stall per shape.
  const stalls = options.skipReload ? null : await runStallProbes(repoRoot, progress);
  let seed: SeedSearchResult | null = null;
  let cold: ColdStartResult | null = null;
  if (!options.skipCold) {
    progress('seed corpus: search latency and console cold start');
    seed = await measureSeedSearch(corpusDir, options.queries, Math.max(3, options.reps), options.seed);
    cold = await measureColdStart(repoRoot, 'corpus', options.coldRuns, COLD_START_LINE);
  }
  return { sizes, reloads, stalls, seed, cold };
}

/** The seed corpus, cold start and reload lines of the printed report. */
function formatSeedAndReloads({ seed, cold, reloads }: Figures): string[] {
  const lines: string[] = [];
  if (seed) {
    lines.push(
      '',
      `── seed corpus (${seed.passages} passages) ──`,
      seed.error ??
        `/quote p50 ${seed.search.p50.toFixed(2)} ms, p99 ${seed.search.p99.toFixed(2)} ms (n=${seed.search.n}); autocomplete p99 ${seed.autocomplete.p99.toFixed(2)} ms; top-1 ${(seed.top1 * 100).toFixed(1)}%, top-3 ${(seed.top3 * 100).toFixed(1)}% on ${seed.queries} derived queries`,
    );
  }
  if (cold)
    lines.push(
      cold.error ??
        `console cold start to first answer: median ${cold.medianFirstAnswerMs.toFixed(0)} ms over ${cold.runs} runs [${cold.firstAnswerMs.map((x) => x.toFixed(0)).join(', ')}]`,
    );
  for (const reload of reloads) {
    lines.push(
      '',
      `── reload (${reloadLayout(reload)}, ${reload.passages} passages) ──`,
      reload.error ??
        `reload ${reload.reloadMs.toFixed(0)} ms; worst event-loop stall ${reload.worstStallMs.toFixed(1)} ms (1 ms timer drift${reload.worstStallOnCpuMs === null ? '' : `; of it on CPU ${reload.worstStallOnCpuMs.toFixed(1)} ms, longest on-CPU slice ${reload.worstOnCpuMs?.toFixed(1)} ms`}); monitorEventLoopDelay max ${reload.histogramMaxMs.toFixed(1)} ms, p99 ${reload.histogramP99Ms.toFixed(1)} ms`,
      ...(reload.error ? [] : [formatReloadMemory(reload.memory)]),
    );
  }
  return lines;
}

/** The printed report: machine, one table per size, seed corpus, reloads, stall probes and the targets. */
function formatReport(options: BenchOptions, figures: Figures, targets: TargetCheck[], totalS: number): string {
  const lines: string[] = [];
  lines.push(
    `Verbatim bench — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, seed ${options.seed}`,
  );
  lines.push(
    `verbatim: all the labelled queries; peers and fuse.js: the first N (they are slow at size), with Verbatim's figures on the same N below them; verbatim* = Verbatim on exactly fuse.js's queries; each engine's /quote and autocomplete phases stop after ${options.phaseBudgetS} s (a note under the table says where), a peer or fuse.js process after ${options.engineTimeoutS} s`,
  );
  for (const r of figures.sizes) lines.push('', formatSizeTable(r));
  lines.push(...formatSeedAndReloads(figures));
  if (figures.stalls) lines.push('', ...figures.stalls.lines);
  lines.push('', formatTargets(targets));
  lines.push('', `total ${totalS.toFixed(0)} s; JSON: ${options.out}`);
  return `${lines.join('\n')}\n`;
}

/** Every figure, with the per-query timings behind it, as JSON at `options.out`. */
async function writeJson(options: BenchOptions, figures: Figures, targets: TargetCheck[], totalS: number) {
  const outPath = resolve(repoRoot, options.out);
  await mkdir(dirname(outPath), { recursive: true });
  const json = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      totalMemGiB: totalmem() / 2 ** 30,
    },
    options,
    sizes: figures.sizes,
    seedCorpus: figures.seed,
    coldStart: figures.cold,
    reloads: figures.reloads,
    stallProbes: figures.stalls?.results ?? null,
    targets,
    totalSeconds: totalS,
  };
  await writeFile(outPath, `${JSON.stringify(json, null, 2)}\n`);
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seedsDir = resolve(repoRoot, options.seedsDir ?? '../shared/seeds');
  const corpusDir = join(repoRoot, 'corpus');
  const started = performance.now();
  const figures = await measureAll(options, seedsDir, corpusDir);
  const targets = checkTargets(figures.sizes, figures.seed, figures.cold, figures.reloads);
  const totalS = (performance.now() - started) / 1000;
  process.stdout.write(formatReport(options, figures, targets, totalS));
  await writeJson(options, figures, targets, totalS);
  return 0;
}

process.exitCode = await main();
