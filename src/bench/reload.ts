/**
 * The reload stall: how long the event loop is blocked, at worst, while the Library reloads a large corpus
 * from disk. Runs in its own process (started by main.ts) so nothing else competes for the loop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type CorpusLimits, DEFAULT_LIMITS } from '../corpus/limits.ts';
import { Library } from '../library.ts';
import { readSeedMaterial } from './seeds.ts';
import { writeCorpusFiles } from './write-corpus.ts';
import { jsMemoryBytes, type StallFigures, watchStalls } from './stall-watch.ts';

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
  /** Of the worst stall, the main thread's time on a CPU (null without Linux /proc): see stall-watch.ts. */
  readonly worstStallOnCpuMs: number | null;
  readonly worstOnCpuMs: number | null;
  readonly memory: ReloadMemory;
  readonly error: string | null;
}

/**
 * The memory around a reload, in bytes: V8's heap plus its external memory, where the index's typed arrays live
 * (each "after" figure taken after a full GC when --expose-gc is on). The
 * issue's bound: memory during a reload ≤ 2× the final corpus plus a constant. Build-then-swap keeps the old
 * corpus serving while the new one is built, so the peak holds both; `peakOverBase / finalCorpus` is the ratio.
 */
export interface ReloadMemory {
  /** Before the corpus was opened: the code and the runtime (the constant). */
  readonly base: number;
  /** With the old corpus open, before the reload. */
  readonly beforeReload: number;
  /** Highest heap in use sampled (every 1 ms tick) during the reload. */
  readonly peakDuringReload: number;
  /** After the reload, the old corpus dropped. */
  readonly afterReload: number;
  /** `afterReload - base`: what the final corpus (passages, index, topics) holds. */
  readonly finalCorpus: number;
  /** `peakDuringReload - base`. */
  readonly peakOverBase: number;
  /** Highest resident set size sampled during the reload. */
  readonly peakRss: number;
  /** Highest heap alive (after a forced full GC now and then) during a second reload; NaN without --expose-gc. */
  readonly peakLiveDuringReload: number;
  /** `peakLiveDuringReload - base`: set against 2× `finalCorpus` for the bound. */
  readonly peakLiveOverBase: number;
}

const MB = 2 ** 20;

/** The memory line of the bench report: the peak against the bound of 2× the final corpus. */
export function formatReloadMemory(m: ReloadMemory): string {
  const times = (bytes: number) => (m.finalCorpus > 0 ? (bytes / m.finalCorpus).toFixed(2) : '?');
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
  return (
    `memory (heap + external): ${mb(m.base)} before the corpus, ${mb(m.beforeReload)} serving, ${mb(m.afterReload)} after the reload ` +
    `(final corpus ${mb(m.finalCorpus)}); during the reload, alive at most ${mb(m.peakLiveDuringReload)} = base + ` +
    `${times(m.peakLiveOverBase)}× the final corpus (bound: 2× + a constant; the old corpus serves until the swap); ` +
    `in use (garbage included) at most ${mb(m.peakDuringReload)} = base + ${times(m.peakOverBase)}×; peak RSS ${mb(m.peakRss)}`
  );
}

/**
 * `jsMemoryBytes` (heap in use plus typed arrays' external memory) after full GCs, when --expose-gc is on. Two:
 * V8 frees dead typed arrays' memory in a sweep that the next GC finishes, so after one GC the external figure
 * still held 20-60 MB of garbage arrays at 100k passages; after two it is the same from reload to reload.
 */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return jsMemoryBytes();
}

/** A live-heap sample (a full GC) costs this share of the reload at most: the GC pauses must not starve it. */
const LIVE_SAMPLE_SHARE = 0.1;

/**
 * The highest heap alive while `work` runs, sampled with a full GC now and then: each sample waits ten times as
 * long as the last GC took, so sampling costs a tenth of the time (a GC every 250 ms left a 100k reload unfinished
 * after 15 minutes).
 */
async function peakLiveDuring(work: () => Promise<unknown>): Promise<number> {
  if ((globalThis as { gc?: () => void }).gc === undefined) {
    await work();
    return Number.NaN;
  }
  let peak = heapAfterGc();
  let timer: NodeJS.Timeout | undefined;
  const sample = () => {
    const started = performance.now();
    peak = Math.max(peak, heapAfterGc());
    timer = setTimeout(sample, Math.max(50, (performance.now() - started) / LIVE_SAMPLE_SHARE));
  };
  timer = setTimeout(sample, 50);
  try {
    await work();
  } finally {
    clearTimeout(timer);
  }
  return Math.max(peak, heapAfterGc());
}

/**
 * A 100k-passage corpus is ~2,600 article-sized files, or one 14 MB file (141 MB at 1M passages): past the default
 * CORPUS_MAX_FILES (2,000) and CORPUS_MAX_FILE_BYTES (8 MB). The bench raises those two to fit the corpus it wrote,
 * as an operator with such a corpus would.
 */
function benchLimits(files: number, largestFileBytes: number): CorpusLimits {
  return {
    ...DEFAULT_LIMITS,
    maxFiles: Math.max(DEFAULT_LIMITS.maxFiles, 2 * files),
    maxFileBytes: Math.max(DEFAULT_LIMITS.maxFileBytes, 64 * 2 ** 20, 2 * largestFileBytes),
    // The second reload (liveReloadPeak) runs full GCs (a tenth of its time) to measure what is alive.
    reloadTimeoutMs: 10 * 60_000,
  };
}

/** One reload while a 1 ms timer and the event-loop-delay histogram watch for stalls. */
async function watchedReload(library: Library) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const watch = watchStalls();
  histogram.enable();
  const started = performance.now();
  const report = await library.reload();
  const reloadMs = performance.now() - started;
  // One more tick so a stall at the very end of the reload is seen too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const seen = watch.stop();
  histogram.disable();
  return {
    report,
    reloadMs,
    seen,
    histogramMaxMs: histogram.max / 1e6,
    histogramP99Ms: histogram.percentile(99) / 1e6,
  };
}

/**
 * The heap in use during the watched reload counts garbage not yet collected; a second reload (of new text again,
 * written by `rewrite`) measures what is alive: full GCs during it (see peakLiveDuring). Separate from the first,
 * whose stalls those GCs would spoil.
 */
async function liveReloadPeak(library: Library, rewrite: () => Promise<unknown>): Promise<number> {
  await rewrite();
  return peakLiveDuring(async () => {
    const again = await library.reload();
    if (!again.ok) throw new Error(`the second reload failed: ${again.problems[0]?.message ?? '?'}`);
  });
}

/** The memory figures from the heap samples around the reloads. */
function memoryOf(
  heap: { base: number; beforeReload: number; afterReload: number; peakLive: number },
  seen: StallFigures,
): ReloadMemory {
  return {
    base: heap.base,
    beforeReload: heap.beforeReload,
    peakDuringReload: seen.peakHeapBytes,
    afterReload: heap.afterReload,
    finalCorpus: heap.afterReload - heap.base,
    peakOverBase: seen.peakHeapBytes - heap.base,
    peakRss: seen.peakRssBytes,
    peakLiveDuringReload: heap.peakLive,
    peakLiveOverBase: heap.peakLive - heap.base,
  };
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
    const first = await write(task.seed);
    const base = heapAfterGc();
    const library = await Library.open(root, { limits: benchLimits(first.files, first.largestFileBytes) });
    const written = await write(task.seed + 1);
    const beforeReload = heapAfterGc();
    const { report, reloadMs, seen, histogramMaxMs, histogramP99Ms } = await watchedReload(library);
    const afterReload = heapAfterGc();
    const peakLive = await liveReloadPeak(library, () => write(task.seed + 2));
    // Read after the measurement, so the library (and the final corpus) is alive while it is measured.
    const serving = library.state.corpus.passages.length;
    return {
      ok: report.ok,
      oneFile: task.oneFile ?? false,
      files: written.files,
      passages: report.ok ? serving : 0,
      reloadMs,
      worstStallMs: seen.worstStallMs,
      worstStallOnCpuMs: seen.worstStallOnCpuMs,
      worstOnCpuMs: seen.worstOnCpuMs,
      memory: memoryOf({ base, beforeReload, afterReload, peakLive }, seen),
      histogramMaxMs,
      histogramP99Ms,
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
