/**
 * Every change to the corpus files is tried on a copy first: the copy, with the change made, goes through
 * the same loader as a reload (sources, people, comments, topics). Only a change that loads is made for
 * real, so an import or removal can never leave a corpus that the next /reload would refuse.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../corpus/load.ts';
import { formatProblems, type CorpusProblem } from '../corpus/problems.ts';
import type { Corpus } from '../corpus/types.ts';
import { UserError } from '../errors.ts';
import { loadTopics } from '../procon/load.ts';

/** The folder removed sources are moved to; the loader never reads it. */
export const REMOVED_DIR = '.removed';

export type StagedLoad = { ok: true; corpus: Corpus } | { ok: false; problems: CorpusProblem[] };

/**
 * Copies the corpus at `root`, lets `change` edit the copy, and loads it. The copy is deleted afterwards;
 * `root` is never touched.
 */
export async function loadWithChange(root: string, change: (copy: string) => Promise<void>): Promise<StagedLoad> {
  const copy = await mkdtemp(path.join(tmpdir(), 'verbatim-stage-'));
  try {
    await cp(root, copy, {
      recursive: true,
      filter: (source) => path.relative(root, source).split(path.sep)[0] !== REMOVED_DIR,
    });
    await change(copy);
    const loaded = await loadCorpus(copy);
    if (!loaded.ok) return loaded;
    const topics = await loadTopics(copy, loaded.corpus.sources);
    if (!topics.ok) return { ok: false, problems: topics.problems };
    return loaded;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/** The loaded corpus, or a UserError listing what would break (file, field, fix). */
export function expectLoaded(staged: StagedLoad, id: string): Corpus {
  if (staged.ok) return staged.corpus;
  throw new UserError('import.invalid', { id, problems: formatProblems(staged.problems.slice(0, 5)) });
}
