/**
 * The second pass, for a query remembered by its gist rather than its words ("Russia won't be China's little
 * brother" for "unwilling to be China's junior partner"): when the first pass's best match lacks several query
 * words, each query word also matches its related words (related-words table, weighted below exact and typo
 * matches), and the candidates are re-ranked by how well the passage's words align with the query's in the
 * table's vector space. Queries whose words match never come here.
 */
import type { RelatedWords } from './related/related-words.ts';
import type { Candidate } from './collect.ts';
import { SEARCH_OPTIONS as O } from './options.ts';
import type { TermIndex } from './term-index.ts';

/** A related word as collection credits it: a stand-in for one query word, worth less than the word itself. */
export interface WeightedWord {
  readonly word: string;
  readonly weight: number;
}

/** True when the best first-pass match (none counts as matching nothing) lacks enough of the query's words. */
export function needsSecondPass(scored: readonly Candidate[], best: number | undefined, counted: number): boolean {
  const matched = best === undefined ? 0 : (scored.find((c) => c.index === best)?.matched ?? 0);
  return counted - matched >= O.meaning.minMissing;
}

/** Query words as the table and the index see them, computed once per second pass. */
export class Meaning {
  /** Index term id → table row (-1: not in the table), filled as passages are read. */
  private readonly rowOfTerm: Int32Array;
  private readonly known: Uint8Array;

  constructor(
    private readonly table: RelatedWords,
    private readonly terms: TermIndex,
  ) {
    this.rowOfTerm = new Int32Array(terms.terms.length);
    this.known = new Uint8Array(terms.terms.length);
  }

  /** The related words a query word also matches in the second pass, with their weights. */
  relatedTo(word: string): WeightedWord[] {
    return this.table.related(word).map((r) => ({ word: r.word, weight: O.meaning.relatedWeight * r.similarity }));
  }

  private rowOf(term: number): number {
    if (this.known[term] === 1) return this.rowOfTerm[term] ?? -1;
    const row = this.table.rowOf(this.terms.terms[term] ?? '') ?? -1;
    this.rowOfTerm[term] = row;
    this.known[term] = 1;
    return row;
  }

  /**
   * How well passage `passage` says what the query's words say (0..1): each query word counts 1 when the passage
   * holds it, else its best vector similarity to a word of the passage when that reaches `minSimilarity` (a
   * word merely in the same field, "day" for "years", counts 0, as does a word the table does not know).
   */
  alignment(words: readonly string[], passage: number): number {
    if (words.length === 0) return 0;
    const held = this.terms.termsOf(passage);
    let total = 0;
    for (const word of words) {
      const term = this.terms.idOf(word);
      if (term !== undefined && held.includes(term)) {
        total += 1;
        continue;
      }
      const row = this.table.rowOf(word);
      if (row === undefined) continue;
      let best = 0;
      for (let k = 0; k < held.length; k++) {
        const other = this.rowOf(held[k] ?? -1);
        if (other >= 0) best = Math.max(best, this.table.similarityOfRows(row, other));
      }
      if (best >= O.meaning.minSimilarity) total += best;
    }
    return total / words.length;
  }
}
