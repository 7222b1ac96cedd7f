/**
 * `npm run check-corpus [DIR]`: load and validate a corpus exactly as the bot would at start or /reload (sources,
 * people, comments, topics, index), without Discord, a store or any configuration. Exit 0 when it would load,
 * 2 with every problem on stderr when it would be refused, 1 for a wrong command line. Made for a club's own
 * corpus repository's CI.
 */
import { resolve } from 'node:path';
import { formatProblems } from '../corpus/load.ts';
import { buildState, countsOf } from '../library.ts';

export const USAGE = 'Usage: npm run check-corpus [DIR]   (DIR defaults to ./corpus)';

export interface CheckOutput {
  out(text: string): void;
  err(text: string): void;
}

/** Check the corpus in `args[0]` (default `corpus`); returns the exit code. */
export async function checkCorpus(args: readonly string[], io: CheckOutput): Promise<number> {
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    io.err(`${USAGE}\n`);
    return 1;
  }
  const dir = resolve(args[0] ?? 'corpus');
  const built = await buildState(dir);
  if (!built.ok) {
    io.err(
      `${dir}: ${built.problems.length} problem${built.problems.length === 1 ? '' : 's'}; the bot would refuse this corpus.\n`,
    );
    io.err(`${formatProblems(built.problems)}\n`);
    return 2;
  }
  const counts = countsOf(built.state);
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  io.out(
    `${dir}: OK — ${n(counts.sources, 'source')}, ${n(counts.passages, 'passage')}, ${counts.people} people, ` +
      `${n(counts.topics, 'topic')} (corpus ${built.state.corpus.hash}).\n`,
  );
  return 0;
}
