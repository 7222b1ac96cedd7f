/**
 * Orama as its documentation shows typo tolerance: one `string` field and `tolerance: 1` (Levenshtein
 * distance one per term); everything else as shipped: prefix matching (`exact: false`), passages holding any
 * of the query's words (measured: the same results as `threshold: 1`; `threshold: 0` lost most typo queries,
 * `tolerance: 2` lost top-1 on every kind), BM25 ranking, the English tokenizer.
 */
import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import type { PeerEngine } from './peer.ts';

export const ORAMA_SEARCH_OPTIONS = Object.freeze({ tolerance: 1 });

function syncResult<T>(value: T | Promise<T>, what: string): T {
  if (value instanceof Promise) throw new Error(`orama ${what} answered asynchronously; the bench times sync calls`);
  return value;
}

export function createOramaEngine(): PeerEngine {
  let db: AnyOrama | null = null;
  const ready = () => {
    if (!db) throw new Error('build() first');
    return db;
  };
  const find = (term: string, limit: number) =>
    syncResult(search(ready(), { term, limit, ...ORAMA_SEARCH_OPTIONS }), 'search').hits.map((h) => String(h.id));
  return {
    name: 'orama',
    async build(corpus) {
      const created = create({ schema: { text: 'string' } as const });
      await insertMultiple(
        created,
        corpus.passages.map((p) => ({ id: p.id, text: p.text })),
        1000,
      );
      db = created;
    },
    search: (text, limit) => find(text, limit),
    suggest: (prefix, limit) => find(prefix, limit),
  };
}
