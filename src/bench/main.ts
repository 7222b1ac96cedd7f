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
import { checkTargets, formatSizeTable, formatTargets, reloadLayout, reportSize, type SizeReport } from './report.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
/** The line the issue's "done when" uses; the cold start measures the console answering it. */
const COLD_START_LINE = '/quote abandn zero sum mentalty';
/** The loader merges a few generated sentences into one passage; write a little more to reach the size. */
const SENTENCES_PER_PASSAGE = 1.05;

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Runs `script` in a fresh Node process with gc exposed and resolves with the one message it sends. */
function runInChild<T>(script: string, task: object): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(join(here, script), [JSON.stringify(task)], {
      cwd: repoRoot,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: T | undefined;
    child.on('message', (m) => {
      result = m as T;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && result !== undefined) resolvePromise(result);
      else reject(new Error(`${script} exited with code ${code} without a result`));
    });
  });
}

async function measureSize(options: BenchOptions, size: number, seedsDir: string): Promise<SizeReport> {
  const base = {
    passages: size,
    targets: Math.ceil(options.queries / 3),
    seed: options.seed,
    prefixesPerQuery: options.prefixes,
    reps: options.reps,
    seedsDir,
  };
  progress(`${size} passages: verbatim, ${options.queries} queries`);
  const verbatim = await runInChild<ChildResult>('child.ts', {
    ...base,
    engine: 'verbatim',
    queries: options.queries,
  } satisfies ChildTask);
  const peers: ChildResult[] = [];
  const peerQueries = peerQueriesFor(options, size);
  for (const engine of options.peers) {
    progress(`${size} passages: ${engine}, ${peerQueries} queries`);
    peers.push(
      await runInChild<ChildResult>('child.ts', {
        ...base,
        engine,
        queries: peerQueries,
        maxPrefixes: peerQueries * options.prefixes,
      } satisfies ChildTask),
    );
  }
  let baseline: ChildResult | null = null;
  if (!options.skipBaseline) {
    const n = baselineQueriesFor(options, size);
    progress(`${size} passages: fuse.js baseline, ${n} queries, ${n} prefixes`);
    baseline = await runInChild<ChildResult>('child.ts', {
      ...base,
      engine: 'fuse',
      queries: n,
      maxPrefixes: n,
    } satisfies ChildTask);
  }
  return reportSize(verbatim, baseline, peers);
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

  const sizes: SizeReport[] = [];
  for (const size of options.sizes) sizes.push(await measureSize(options, size, seedsDir));

  // Article-sized files (the usual corpus) and the whole corpus as one file (the worst case for slicing).
  const reloads: ReloadResult[] = [];
  if (!options.skipReload) {
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
  }

  // Hostile corpus shapes (issue 16): each reloaded in its own process, worst stall per shape.
  const stalls = options.skipReload ? null : await runStallProbes(repoRoot, progress);

  let seed: SeedSearchResult | null = null;
  let cold: ColdStartResult | null = null;
  if (!options.skipCold) {
    progress('seed corpus: search latency and console cold start');
    seed = await measureSeedSearch(corpusDir, options.queries, Math.max(3, options.reps), options.seed);
    cold = await measureColdStart(repoRoot, 'corpus', options.coldRuns, COLD_START_LINE);
  }

  const largest = sizes.reduce<SizeReport | null>(
    (best, r) => (best === null || r.passages > best.passages ? r : best),
    null,
  );
  const targets = checkTargets(sizes, largest, seed, cold, reloads);

  const lines: string[] = [];
  lines.push(
    `Verbatim bench — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, seed ${options.seed}`,
  );
  lines.push(
    "verbatim: all the labelled queries; peers and fuse.js: the first N (they are slow at size), with Verbatim's figures on the same N below them; verbatim* = Verbatim on exactly fuse.js's queries",
  );
  for (const r of sizes) lines.push('', formatSizeTable(r));
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
  if (stalls) lines.push('', ...stalls.lines);
  lines.push('', formatTargets(targets));
  const totalS = (performance.now() - started) / 1000;
  lines.push('', `total ${totalS.toFixed(0)} s; JSON: ${options.out}`);
  process.stdout.write(`${lines.join('\n')}\n`);

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
    sizes,
    seedCorpus: seed,
    coldStart: cold,
    reloads,
    stallProbes: stalls?.results ?? null,
    targets,
    totalSeconds: totalS,
  };
  await writeFile(outPath, `${JSON.stringify(json, null, 2)}\n`);
  return 0;
}

process.exitCode = await main();
