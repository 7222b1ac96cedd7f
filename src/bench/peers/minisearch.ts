/**
 * MiniSearch as its README shows typo-tolerant search: `prefix: true` (so "moto" finds "motorcycle") and
 * `fuzzy: 0.2` (edit distance up to a fifth of the term's length), words combined with OR, BM25+ ranking.
 */
import MiniSearch from 'minisearch';
import type { PeerEngine } from './peer.ts';

/** The settings the README table quotes. */
export const MINISEARCH_SEARCH_OPTIONS = Object.freeze({ prefix: true, fuzzy: 0.2 });

export function createMiniSearchEngine(): PeerEngine {
  let index: MiniSearch<{ id: string; text: string }> | null = null;
  const ready = () => {
    if (!index) throw new Error('build() first');
    return index;
  };
  const find = (text: string, limit: number) =>
    ready()
      .search(text)
      .slice(0, limit)
      .map((r) => String(r.id));
  return {
    name: 'minisearch',
    build(corpus) {
      index = new MiniSearch({ fields: ['text'], searchOptions: { ...MINISEARCH_SEARCH_OPTIONS } });
      index.addAll(corpus.passages.map((p) => ({ id: p.id, text: p.text })));
    },
    search: (text, limit) => find(text, limit),
    suggest: (prefix, limit) => find(prefix, limit),
  };
}
