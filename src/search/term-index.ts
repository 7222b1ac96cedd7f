/**
 * An inverted index over folded terms, with the two look-ups fuzzy search needs: terms within one or
 * two edits of a query word (through a deletion index, so the cost does not grow with the vocabulary)
 * and terms that start with a prefix (through the sorted vocabulary).
 */

/** A vocabulary term that a query word expands to, and how much that match is worth (1 = exact). */
export interface Expansion {
  readonly term: number;
  readonly weight: number;
}

/** Places `[from, to)` in the sorted vocabulary: the terms that start with one prefix. */
export interface PrefixRange {
  readonly from: number;
  readonly to: number;
}

export interface ExpansionWeights {
  /** Weight of a match one edit away; two edits get this squared. */
  readonly fuzzy: number;
  /** Base weight of a prefix match; it grows as the prefix covers more of the term. */
  readonly prefix: number;
}

export const isNumeric = (term: string): boolean => /^\d+$/.test(term);

/**
 * Longer words get no typo look-up: two-edit variants grow with the cube of the length (an 800-letter
 * "word" pasted into a query took a second), and no real word that long is mistyped.
 */
const MAX_FUZZY_LENGTH = 24;

/** Optimal string alignment distance, abandoned as soon as it must exceed `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  // Three reused rows: a query checks hundreds of candidate terms, and fresh arrays per row were most of the
  // garbage a query made at 1k passages (young-generation collections landing inside queries).
  if (rowBuffers[0].length < n + 1) rowBuffers = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, row] = rowBuffers;
  prev2.fill(0, 0, n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = row;
    row = spare;
  }
  return prev[n] as number;
}

let rowBuffers: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** A 30-bit hash (a small integer to V8, so no heap object per key) of a deletion variant. Two variants
 * may share a hash; every candidate is checked by edit distance anyway. */
export function variantKey(variant: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < variant.length; i++) h = Math.imul(h ^ variant.charCodeAt(i), 0x01000193);
  return h >>> 2;
}

export function deletions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < term.length; i++) out.push(term.slice(0, i) + term.slice(i + 1));
  return out;
}

/** Int32 words in a bitmap of `passages` passages. */
export const bitmapWords = (passages: number): number => (passages + 31) >>> 5;

export class TermIndex {
  /** Every term's passages, ascending, back to back: one array rather than one per term (fewer GC objects). */
  private readonly postingData: Int32Array;
  /** Term id → where its passages start in `postingData` (and `id + 1` → where they end). */
  private readonly postingStart: Int32Array;
  /** Term id → its bitmap's place in `bitmapData`, or -1 (only frequent terms have one). */
  private readonly bitmapSlot: Int32Array;
  /** The bitmaps, back to back, `bitmapWords(passageCount)` words each: bit p is set when passage p holds the term. */
  private readonly bitmapData: Int32Array;
  readonly terms: readonly string[];
  private readonly ids: Map<string, number>;
  /** Term ids sorted by their text, for prefix ranges. */
  private readonly sorted: Int32Array;
  /** Term id → its place in `sorted`: the terms starting with a prefix are one range of places. */
  private readonly place: Int32Array;
  /** One-character deletions of every fuzzy-eligible term (hashed) → the terms they come from. Most variants
   * come from one term: a bare id then, a list only when several share it (fewer heap objects, which keeps
   * garbage-collection pauses short on a 100k reload). */
  private readonly deletionIndex: Map<number, number | number[]>;

  /** Every passage's term ids in text order, back to back (compounds add their joined form after their parts). */
  private readonly sequence: Int32Array;
  /** Passage → where its terms start in `sequence` (and `passage + 1` → where they end). */
  private readonly sequenceStart: Int32Array;

  constructor(parts: {
    terms: string[];
    ids: Map<string, number>;
    postingData: Int32Array;
    postingStart: Int32Array;
    bitmapSlot?: Int32Array;
    bitmapData?: Int32Array;
    sequence: Int32Array;
    sequenceStart: Int32Array;
    sorted: Int32Array;
    deletionIndex: Map<number, number | number[]>;
    passageCount: number;
    minFuzzyLength: number;
  }) {
    this.terms = parts.terms;
    this.ids = parts.ids;
    this.postingData = parts.postingData;
    this.postingStart = parts.postingStart;
    this.bitmapSlot = parts.bitmapSlot ?? new Int32Array(parts.postingStart.length - 1).fill(-1);
    this.bitmapData = parts.bitmapData ?? new Int32Array(0);
    this.sequence = parts.sequence;
    this.sequenceStart = parts.sequenceStart;
    this.sorted = parts.sorted;
    this.place = new Int32Array(parts.sorted.length);
    for (let i = 0; i < parts.sorted.length; i++) this.place[parts.sorted[i] as number] = i;
    this.deletionIndex = parts.deletionIndex;
    this.passageCount = parts.passageCount;
    this.minFuzzyLength = parts.minFuzzyLength;
  }

  readonly passageCount: number;
  private readonly minFuzzyLength: number;

  idOf(term: string): number | undefined {
    return this.ids.get(term);
  }

  /** The passages holding term `term`, ascending (a view, not a copy). */
  postings(term: number): Int32Array {
    return this.postingData.subarray(this.postingStart[term] ?? 0, this.postingStart[term + 1] ?? 0);
  }

  /**
   * The passages holding `term` as a bitmap (bit `p & 31` of word `p >>> 5`), for a term frequent enough to have
   * one; else undefined. Whether a few thousand candidates hold a word held by most of a million passages is a
   * bit test per candidate, where its postings are a million entries.
   */
  bitmap(term: number): Int32Array | undefined {
    const slot = this.bitmapSlot[term] ?? -1;
    if (slot === -1) return undefined;
    const words = bitmapWords(this.passageCount);
    return this.bitmapData.subarray(slot * words, (slot + 1) * words);
  }

  /** Passage `passage`'s term ids in the order its text has them (a view, not a copy). */
  termsOf(passage: number): Int32Array {
    return this.sequence.subarray(this.termsFrom(passage), this.termsTo(passage));
  }

  /** Every passage's term ids, one after another: passage `p`'s are `[termsFrom(p), termsTo(p))` (no view made). */
  get allTerms(): Int32Array {
    return this.sequence;
  }
  termsFrom(passage: number): number {
    return this.sequenceStart[passage] ?? 0;
  }
  termsTo(passage: number): number {
    return this.sequenceStart[passage + 1] ?? 0;
  }

  /** How many passages hold term `term`. */
  frequency(term: number): number {
    return (this.postingStart[term + 1] ?? 0) - (this.postingStart[term] ?? 0);
  }

  /** Inverse document frequency, BM25-style: rare terms weigh more. */
  idf(term: number): number {
    const df = this.frequency(term);
    return Math.log(1 + (this.passageCount - df + 0.5) / (df + 0.5));
  }

  /** Terms within `maxEdits` of `word` (not counting `word` itself). */
  fuzzy(word: string, maxEdits: number): Map<number, number> {
    const found = new Map<number, number>();
    if (maxEdits <= 0 || word.length < this.minFuzzyLength || word.length > MAX_FUZZY_LENGTH || isNumeric(word))
      return found;
    const consider = (id: number) => {
      if (found.has(id)) return;
      const term = this.terms[id] as string;
      if (term === word) return;
      const d = boundedEditDistance(word, term, maxEdits);
      if (d <= maxEdits) found.set(id, d);
    };
    const probe = (variant: string) => {
      const id = this.ids.get(variant);
      if (id !== undefined) consider(id);
      const sources = this.deletionIndex.get(variantKey(variant));
      if (typeof sources === 'number') consider(sources);
      else if (sources) for (const source of sources) consider(source);
    };
    probe(word);
    const first = deletions(word);
    for (const variant of first) probe(variant);
    if (maxEdits >= 2) for (const variant of first) for (const second of deletions(variant)) probe(second);
    return found;
  }

  /** The places in `sorted` of the terms that start with `prefix` (`prefix` itself included): `[from, to)`. */
  prefixRange(prefix: string): PrefixRange {
    const from = this.firstPlaceNotBefore(prefix);
    // Every term starting with `prefix` sorts before `prefix` followed by the highest UTF-16 unit.
    const to = this.firstPlaceNotBefore(`${prefix}\uffff`);
    return { from, to };
  }

  /** The first of passage `passage`'s terms that lies in `range`, or -1 (no view allocated: called per candidate). */
  firstTermInRange(passage: number, range: PrefixRange): number {
    const end = this.sequenceStart[passage + 1] ?? 0;
    for (let k = this.sequenceStart[passage] ?? 0; k < end; k++) {
      const term = this.sequence[k] as number;
      const at = this.place[term] as number;
      if (at >= range.from && at < range.to) return term;
    }
    return -1;
  }

  private firstPlaceNotBefore(text: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.terms[this.sorted[mid] as number] as string) < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Up to `limit` terms that start with `prefix` (not `prefix` itself), the closest in length first. */
  prefixed(prefix: string, limit: number): number[] {
    const out: number[] = [];
    for (let i = this.firstPlaceNotBefore(prefix); i < this.sorted.length; i++) {
      const id = this.sorted[i] as number;
      const term = this.terms[id] as string;
      if (!term.startsWith(prefix)) break;
      if (term !== prefix) out.push(id);
      if (out.length >= limit * 4) break;
    }
    return out.sort((a, b) => (this.terms[a] as string).length - (this.terms[b] as string).length).slice(0, limit);
  }

  /** The most frequent vocabulary term within `maxEdits` of `word`, for "did you mean"; null if none. */
  closest(word: string, maxEdits: number): string | null {
    let best: { term: number; distance: number; df: number } | null = null;
    for (const [term, distance] of this.fuzzy(word, maxEdits)) {
      const df = this.frequency(term);
      if (!best || distance < best.distance || (distance === best.distance && df > best.df))
        best = { term, distance, df };
    }
    return best ? (this.terms[best.term] as string) : null;
  }

  /** Worth of `term` as a completion of `prefix`: the base prefix weight, growing as the prefix covers more of it. */
  prefixWeight(prefix: string, term: number, weights: ExpansionWeights): number {
    const coverage = prefix.length / (this.terms[term] as string).length;
    return weights.prefix + (1 - weights.prefix) * coverage * 0.5;
  }

  /** Every vocabulary term a query word should match, best first. */
  expand(
    word: string,
    options: { maxEdits: number; prefix: boolean; prefixLimit: number },
    weights: ExpansionWeights,
  ): Expansion[] {
    const out: Expansion[] = [];
    const exact = this.ids.get(word);
    if (exact !== undefined) out.push({ term: exact, weight: 1 });
    for (const [term, distance] of this.fuzzy(word, options.maxEdits))
      out.push({ term, weight: weights.fuzzy ** distance });
    if (options.prefix)
      for (const term of this.prefixed(word, options.prefixLimit))
        out.push({ term, weight: this.prefixWeight(word, term, weights) });
    return out.sort((a, b) => b.weight - a.weight);
  }
}
