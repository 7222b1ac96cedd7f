/**
 * FlexSearch as its README's "Fuzzy-Search" section suggests: the `forward` tokenizer (prefixes of every word,
 * for search as you type), the `LatinBalance` encoder (folds case, accents, doubled letters and similar
 * sounds, so many typos encode alike), and `suggest: true` at query time so a passage missing one query word
 * (the misspelt one) is still returned, ranked below full matches.
 */
import { Charset, Index } from 'flexsearch';
import type { PeerEngine } from './peer.ts';

export const FLEXSEARCH_INDEX_OPTIONS = Object.freeze({ tokenize: 'forward', encoder: 'LatinBalance' });
export const FLEXSEARCH_SEARCH_OPTIONS = Object.freeze({ suggest: true });

export function createFlexSearchEngine(): PeerEngine {
  let index: Index | null = null;
  let ids: string[] = [];
  const ready = () => {
    if (!index) throw new Error('build() first');
    return index;
  };
  const find = (text: string, limit: number) =>
    (ready().search(text, { ...FLEXSEARCH_SEARCH_OPTIONS, limit }) as number[]).map((i) => ids[i] as string);
  return {
    name: 'flexsearch',
    build(corpus) {
      index = new Index({ tokenize: FLEXSEARCH_INDEX_OPTIONS.tokenize, encoder: Charset.LatinBalance });
      ids = corpus.passages.map((p) => p.id);
      corpus.passages.forEach((p, i) => index?.add(i, p.text));
    },
    search: (text, limit) => find(text, limit),
    suggest: (prefix, limit) => find(prefix, limit),
  };
}
