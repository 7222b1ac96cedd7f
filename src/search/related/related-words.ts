/**
 * The related-words table search's second pass reads (built by build-table.ts from WordNet and GloVe vectors;
 * licences in NOTICE.md beside it): for a word, the words WordNet relates to it that the vectors agree with, and
 * for any two words of the table, how close their vectors are. Decoded on first use, once per process.
 */
import table from './related-words.json' with { type: 'json' };

/** A word related to a query word, with how close their vectors are (cosine, 0..1). */
export interface RelatedWord {
  readonly word: string;
  readonly similarity: number;
}

/** What the table file holds: everything as strings, so it parses fast and type-checks cheaply. */
export interface RelatedTable {
  readonly dimensions: number;
  /** The vocabulary, space-separated; a word's place is its row. */
  readonly words: string;
  /** Comma-separated entries `row related-row cosine×100 related-row cosine×100 …`. */
  readonly related: string;
  /** Every row's unit vector as `dimensions` signed bytes (×127), base64. */
  readonly vectors: string;
}

export class RelatedWords {
  private readonly rows: Map<string, number>;
  private readonly words: readonly string[];
  private readonly relatedOf = new Map<number, readonly RelatedWord[]>();
  private readonly vectors: Int8Array;
  private readonly dimensions: number;

  constructor(data: RelatedTable) {
    this.words = data.words.split(' ');
    this.rows = new Map(this.words.map((w, i) => [w, i]));
    this.dimensions = data.dimensions;
    const bytes = Buffer.from(data.vectors, 'base64');
    this.vectors = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.vectors.length !== this.words.length * this.dimensions)
      throw new Error(`related-words table: ${this.vectors.length} vector bytes for ${this.words.length} words`);
    for (const entry of data.related.split(',')) {
      if (entry === '') continue;
      const fields = entry.split(' ').map(Number);
      const related: RelatedWord[] = [];
      for (let k = 1; k + 1 < fields.length; k += 2)
        related.push({ word: this.words[fields[k] ?? -1] ?? '', similarity: (fields[k + 1] ?? 0) / 100 });
      this.relatedOf.set(fields[0] ?? -1, related);
    }
  }

  get size(): number {
    return this.words.length;
  }

  /** The table's row for `word`, or undefined when the table does not know it (names, rare words). */
  rowOf(word: string): number | undefined {
    return this.rows.get(word);
  }

  /** The words related to `word`, closest first; empty when there are none or the word is unknown. */
  related(word: string): readonly RelatedWord[] {
    const row = this.rows.get(word);
    return row === undefined ? [] : (this.relatedOf.get(row) ?? []);
  }

  /** Cosine of two rows' vectors (-1..1). */
  similarityOfRows(a: number, b: number): number {
    if (a === b) return 1;
    const d = this.dimensions;
    let s = 0;
    for (let k = 0; k < d; k++) s += (this.vectors[a * d + k] ?? 0) * (this.vectors[b * d + k] ?? 0);
    return s / (127 * 127);
  }

  /** Cosine of two words' vectors, or null when the table lacks either. */
  similarity(a: string, b: string): number | null {
    const ra = this.rows.get(a);
    const rb = this.rows.get(b);
    return ra === undefined || rb === undefined ? null : this.similarityOfRows(ra, rb);
  }
}

let shared: RelatedWords | undefined;

/** Whether the committed table has been decoded: by the first query that needed the second pass. */
export function relatedWordsDecoded(): boolean {
  return shared !== undefined;
}

/** The committed table, decoded on first use and shared by every index. */
export function relatedWords(): RelatedWords {
  shared ??= new RelatedWords(table);
  return shared;
}
