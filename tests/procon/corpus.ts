/** The real corpus, loaded once per test file through the corpus loader, plus its topics. */
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { loadTopics } from '../../src/procon/load.ts';
import type { Topic } from '../../src/procon/types.ts';
import { CORPUS_ROOT } from './sources.ts';

export async function loadRealCorpus(root = CORPUS_ROOT): Promise<{ corpus: Corpus; topics: Topic[] }> {
  const loaded = await loadCorpus(root);
  if (!loaded.ok) throw new Error(`corpus does not load: ${JSON.stringify(loaded.problems)}`);
  const topics = await loadTopics(root, loaded.corpus.sources);
  if (!topics.ok) throw new Error(`topics do not load: ${JSON.stringify(topics.problems)}`);
  return { corpus: loaded.corpus, topics: topics.topics };
}
