/** A related-words table small enough to reason about, for tests of the second pass. */
import type { RelatedTable } from '../../src/search/related/related-words.ts';

/**
 * A table of `words` whose vectors are the given signed bytes (unit length × 127, as the build stores them), with
 * `related` in the table's format (`row related-row cosine×100 …`, entries comma-separated).
 */
export function tinyTable(words: Record<string, readonly number[]>, related: string): RelatedTable {
  const rows = Object.values(words);
  return {
    dimensions: rows[0]?.length ?? 0,
    words: Object.keys(words).join(' '),
    related,
    vectors: Buffer.from(Int8Array.from(rows.flat()).buffer).toString('base64'),
  };
}
