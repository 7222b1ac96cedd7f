/**
 * One stall probe, in its own process (started by stall-probes.ts): load the real corpus, write a hostile
 * shape into it, reload while a 1 ms timer watches the event loop, and report the worst stall and the outcome.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../library.ts';
import { copyRealCorpus, writeShape, type StallShape } from './stall-shapes.ts';
import { watchStalls } from './stall-watch.ts';

export interface StallProbeTask {
  readonly shape: StallShape;
  readonly corpusDir: string;
}

export interface StallProbeResult {
  readonly shape: StallShape;
  readonly outcome: 'loaded' | 'refused';
  /** The first problem of a refused reload, as an admin reads it. */
  readonly refusal: string | null;
  readonly passages: number;
  readonly reloadMs: number;
  /** Longest gap between 1 ms interval ticks, minus the 1 ms period. */
  readonly worstStallMs: number;
  /** The main thread's on-CPU time within that gap (the rest it waited for a core); null without Linux /proc. */
  readonly worstStallOnCpuMs: number | null;
  /** The longest on-CPU time of the main thread between two ticks: the work that held the loop. */
  readonly worstOnCpuMs: number | null;
  /** Heap used after the reload, in MB (after a GC when --expose-gc is on). */
  readonly heapMB: number;
}

export async function probeStall(task: StallProbeTask): Promise<StallProbeResult> {
  const root = await mkdtemp(join(tmpdir(), 'verbatim-stall-'));
  try {
    await copyRealCorpus(task.corpusDir, root);
    const library = await Library.open(root);
    await writeShape(root, task.shape);
    const watch = watchStalls();
    const started = performance.now();
    const report = await library.reload();
    const reloadMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const seen = watch.stop();
    (globalThis as { gc?: () => void }).gc?.();
    const first = report.ok ? null : report.problems[0];
    return {
      shape: task.shape,
      outcome: report.ok ? 'loaded' : 'refused',
      refusal: first ? `${first.file}: ${first.message}` : null,
      passages: report.ok ? report.after.passages : report.kept.passages,
      reloadMs,
      worstStallMs: seen.worstStallMs,
      worstStallOnCpuMs: seen.worstStallOnCpuMs,
      worstOnCpuMs: seen.worstOnCpuMs,
      heapMB: process.memoryUsage().heapUsed / 2 ** 20,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const result = await probeStall(JSON.parse(process.argv[2] ?? '{}') as StallProbeTask);
  if (process.send) process.send(result);
  else process.stdout.write(`${JSON.stringify(result)}\n`);
}
