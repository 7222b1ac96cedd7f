/**
 * The reload stall: how long the event loop is blocked, at worst, while the Library reloads a large corpus
 * from disk. Runs in its own process (started by main.ts) so nothing else competes for the loop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Library } from '../library.ts';
import { readSeedMaterial } from './seeds.ts';
import { writeCorpusFiles } from './write-corpus.ts';

export interface ReloadTask {
  readonly sentences: number;
  readonly seed: number;
  readonly seedsDir: string;
  readonly peopleFile: string;
  /** Write the whole corpus as one source file instead of article-sized ones. */
  readonly oneFile?: boolean;
}

export interface ReloadResult {
  readonly ok: boolean;
  readonly oneFile: boolean;
  readonly files: number;
  /** Passages the real loader made of the written sentences. */
  readonly passages: number;
  readonly reloadMs: number;
  /** Longest gap between 1 ms interval ticks, minus the 1 ms period. */
  readonly worstStallMs: number;
  /** Max delay seen by perf_hooks.monitorEventLoopDelay (10 ms resolution histogram). */
  readonly histogramMaxMs: number;
  readonly histogramP99Ms: number;
  readonly error: string | null;
}

/**
 * Opens a corpus, rewrites every file with different sentences (so the reload really rebuilds everything),
 * then reloads while a 1 ms timer and the event-loop-delay histogram watch for stalls.
 */
export async function measureReloadStall(task: ReloadTask): Promise<ReloadResult> {
  const root = await mkdtemp(join(tmpdir(), 'verbatim-bench-corpus-'));
  try {
    const material = readSeedMaterial(task.seedsDir);
    const write = (seed: number) =>
      writeCorpusFiles(material, {
        root,
        sentences: task.sentences,
        seed,
        peopleFile: task.peopleFile,
        oneFile: task.oneFile ?? false,
      });
    await write(task.seed);
    const library = await Library.open(root);
    const written = await write(task.seed + 1);

    const histogram = monitorEventLoopDelay({ resolution: 10 });
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - 1);
      last = now;
    }, 1);
    histogram.enable();
    last = performance.now();
    const started = performance.now();
    const report = await library.reload();
    const reloadMs = performance.now() - started;
    // One more tick so a stall at the very end of the reload is seen too.
    await new Promise((resolve) => setTimeout(resolve, 5));
    clearInterval(timer);
    histogram.disable();
    return {
      ok: report.ok,
      oneFile: task.oneFile ?? false,
      files: written.files,
      passages: report.ok ? report.after.passages : 0,
      reloadMs,
      worstStallMs: Math.max(0, worst),
      histogramMaxMs: histogram.max / 1e6,
      histogramP99Ms: histogram.percentile(99) / 1e6,
      error: report.ok
        ? null
        : `corpus rejected: ${report.problems.length} problem(s), first: ${report.problems[0]?.message ?? '?'}`,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const task = JSON.parse(process.argv[2] ?? '{}') as ReloadTask;
  const result = await measureReloadStall(task);
  if (process.send) process.send(result);
  else process.stdout.write(`${JSON.stringify(result)}\n`);
}
