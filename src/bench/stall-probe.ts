/**
 * One stall probe, in its own process (started by stall-probes.ts): load the real corpus, write a hostile
 * shape into it, reload while a 1 ms timer watches the event loop, and report the worst stall and the outcome.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Library } from '../library.ts';
import { copyRealCorpus, writeShape, type StallShape } from './stall-shapes.ts';

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
  /** Heap used after the reload, in MB (after a GC when --expose-gc is on). */
  readonly heapMB: number;
}

export async function probeStall(task: StallProbeTask): Promise<StallProbeResult> {
  const root = await mkdtemp(join(tmpdir(), 'verbatim-stall-'));
  try {
    await copyRealCorpus(task.corpusDir, root);
    const library = await Library.open(root);
    await writeShape(root, task.shape);
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - 1);
      last = now;
    }, 1);
    last = performance.now();
    const started = performance.now();
    const report = await library.reload();
    const reloadMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
    clearInterval(timer);
    (globalThis as { gc?: () => void }).gc?.();
    const first = report.ok ? null : report.problems[0];
    return {
      shape: task.shape,
      outcome: report.ok ? 'loaded' : 'refused',
      refusal: first ? `${first.file}: ${first.message}` : null,
      passages: report.ok ? report.after.passages : report.kept.passages,
      reloadMs,
      worstStallMs: Math.max(0, worst),
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
