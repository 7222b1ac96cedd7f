/**
 * `npm run bench` stall probes (issue 16): every hostile corpus shape reloaded in a fresh process; each line
 * gives the outcome (loaded, or refused with the first problem) and the worst event-loop stall. Target: no
 * stall over 50 ms, whatever the shape.
 */
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StallProbeResult, StallProbeTask } from './stall-probe.ts';
import { STALL_SHAPES, type StallShape } from './stall-shapes.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const STALL_TARGET_MS = 50;

function runProbe(task: StallProbeTask, cwd: string): Promise<StallProbeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'stall-probe.ts'), [JSON.stringify(task)], {
      cwd,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: StallProbeResult | undefined;
    child.on('message', (m) => (result = m as StallProbeResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result !== undefined ? resolve(result) : reject(new Error(`stall probe ${task.shape} exited with ${code}`)),
    );
  });
}

/**
 * `ok` when the worst stall is within the target; `ok*` when it is not but the code held the loop within the target
 * in every gap (the rest of the stall was this process waiting for one of the machine's shared cores); else `OVER`.
 */
function verdictOf(r: StallProbeResult): string {
  if (r.worstStallMs <= STALL_TARGET_MS) return 'ok';
  return r.worstOnCpuMs !== null && r.worstOnCpuMs <= STALL_TARGET_MS ? 'ok*' : 'OVER';
}

/** `on CPU 12.3 ms; max on CPU 14.0 ms`: how much of the worst stall was this process's own work. */
function onCpu(r: StallProbeResult): string {
  if (r.worstStallOnCpuMs === null || r.worstOnCpuMs === null) return 'on-CPU time not available';
  return `of it on CPU ${r.worstStallOnCpuMs.toFixed(1)} ms; longest on-CPU slice ${r.worstOnCpuMs.toFixed(1)} ms`;
}

/** Runs every shape; returns the results and the lines to print. */
export async function runStallProbes(
  repoRoot: string,
  progress: (message: string) => void,
  shapes: readonly StallShape[] = STALL_SHAPES,
): Promise<{ results: StallProbeResult[]; lines: string[] }> {
  const results: StallProbeResult[] = [];
  for (const shape of shapes) {
    progress(`stall probe: ${shape}`);
    results.push(await runProbe({ shape, corpusDir: join(repoRoot, 'corpus') }, repoRoot));
  }
  const lines = [
    `── reload stall probes (target: worst stall ≤ ${STALL_TARGET_MS} ms, or a refusal that is; ok* = over only while waiting for a shared core) ──`,
  ];
  for (const r of results) {
    const verdict = verdictOf(r);
    const what = r.outcome === 'loaded' ? `loaded, ${r.passages} passages` : `refused: ${r.refusal ?? '?'}`;
    lines.push(
      `${r.shape.padEnd(20)} worst stall ${r.worstStallMs.toFixed(1).padStart(6)} ms ${verdict.padEnd(4)} (${onCpu(r)}) reload ${r.reloadMs.toFixed(0).padStart(6)} ms, heap ${r.heapMB.toFixed(0)} MB; ${what.slice(0, 140)}`,
    );
  }
  return { results, lines };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  // `npx tsx src/bench/stall-probes.ts [shape…]`: the probes alone (all, or the shapes named), without the search bench.
  const named = process.argv.slice(2);
  const unknown = named.filter((n) => !(STALL_SHAPES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown shape(s) ${unknown.join(', ')}; shapes: ${STALL_SHAPES.join(', ')}\n`);
    process.exitCode = 2;
  } else {
    const shapes = named.length > 0 ? (named as StallShape[]) : STALL_SHAPES;
    const { lines } = await runStallProbes(join(here, '../..'), (m) => process.stderr.write(`bench: ${m}\n`), shapes);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
