/**
 * `npm run bench` stall probes (issue 16): every hostile corpus shape reloaded in a fresh process; each line
 * gives the outcome (loaded, or refused with the first problem) and the worst event-loop stall. Target: no
 * stall over 50 ms, whatever the shape.
 */
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StallProbeResult, StallProbeTask } from './stall-probe.ts';
import { STALL_SHAPES } from './stall-shapes.ts';

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

/** Runs every shape; returns the results and the lines to print. */
export async function runStallProbes(
  repoRoot: string,
  progress: (message: string) => void,
): Promise<{ results: StallProbeResult[]; lines: string[] }> {
  const results: StallProbeResult[] = [];
  for (const shape of STALL_SHAPES) {
    progress(`stall probe: ${shape}`);
    results.push(await runProbe({ shape, corpusDir: join(repoRoot, 'corpus') }, repoRoot));
  }
  const lines = [`── reload stall probes (target: worst stall ≤ ${STALL_TARGET_MS} ms, or a refusal that is) ──`];
  for (const r of results) {
    const verdict = r.worstStallMs <= STALL_TARGET_MS ? 'ok' : 'OVER';
    const what = r.outcome === 'loaded' ? `loaded, ${r.passages} passages` : `refused: ${r.refusal ?? '?'}`;
    lines.push(
      `${r.shape.padEnd(20)} worst stall ${r.worstStallMs.toFixed(1).padStart(6)} ms ${verdict.padEnd(4)} reload ${r.reloadMs.toFixed(0).padStart(6)} ms, heap ${r.heapMB.toFixed(0)} MB; ${what.slice(0, 140)}`,
    );
  }
  return { results, lines };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  // `npx tsx src/bench/stall-probes.ts`: the probes alone, without the search benchmark.
  const { lines } = await runStallProbes(join(here, '../..'), (m) => process.stderr.write(`bench: ${m}\n`));
  process.stdout.write(`${lines.join('\n')}\n`);
}
