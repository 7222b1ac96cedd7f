/**
 * Builds a `TermIndex`: collects each passage's term ids in text order, then freezes them into flat postings, a
 * deletion index for fuzzy look-ups and the sorted vocabulary, yielding as it goes so a reload never holds the
 * event loop for long.
 */
import { ChunkedInt32, touchedInt32Array } from './chunked-int32.ts';
import { bitmapWords, deletions, isNumeric, TermIndex, variantKey } from './term-index.ts';

/**
 * Collects each passage's term ids in text order, then freezes them into a `TermIndex`. The postings are
 * derived from that sequence when finishing (a count and a fill pass), not pushed into one growing array per
 * term: at 1M passages those arrays were a quarter of the build time and most of its garbage.
 */
export class TermIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly sequence = new ChunkedInt32();
  private readonly sequenceStart = new ChunkedInt32();
  private count = 0;

  /** Adds one passage's terms; passages must be added in id order, each once. */
  add(passage: number, terms: readonly string[]): void {
    while (this.sequenceStart.length <= passage) this.sequenceStart.push(this.sequence.length);
    for (const term of terms) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(term, id);
        this.terms.push(term);
      }
      this.sequence.push(id);
    }
    this.count = Math.max(this.count, passage + 1);
  }

  /**
   * Freezes the postings and builds the look-up structures, yielding every `FINISH_SLICE` units of work so a
   * caller can hand the event loop back (see `QuoteIndex.buildAsync`). Terms held by more than `bitmapAbove`
   * passages also get a bitmap of their passages (see `TermIndex.bitmap`); by default none do.
   */
  *finish(minFuzzyLength: number, bitmapAbove = Infinity): Generator<void, TermIndex> {
    while (this.sequenceStart.length <= this.count) this.sequenceStart.push(this.sequence.length);
    const text: PassageTerms = {
      sequence: yield* this.sequence.toArray(),
      sequenceStart: yield* this.sequenceStart.toArray(),
      count: this.count,
      vocabulary: this.terms.length,
    };
    const { postingStart, postingData } = yield* postingsOf(text);
    const bitmaps = yield* bitmapsOf(postingStart, postingData, this.count, bitmapAbove);
    const deletionIndex = yield* deletionIndexOf(this.terms, minFuzzyLength);
    yield;
    // The native default sort (UTF-16 order, as `<` compares) is several times faster than a comparator.
    const sorted = yield* sortedIds(this.terms);
    return new TermIndex({
      terms: this.terms,
      ids: this.ids,
      postingData,
      postingStart,
      ...bitmaps,
      sequence: text.sequence,
      sequenceStart: text.sequenceStart,
      sorted,
      deletionIndex,
      passageCount: this.count,
      minFuzzyLength,
    });
  }
}

/** Work (terms read, postings written, deletion variants hashed) between two yields while finishing. */
const FINISH_SLICE = 20_000;

/** Every passage's term ids in text order: passage p's are `sequence[sequenceStart[p] .. sequenceStart[p + 1])`. */
interface PassageTerms {
  readonly sequence: Int32Array;
  readonly sequenceStart: Int32Array;
  readonly count: number;
  readonly vocabulary: number;
}

/**
 * Calls `visit(term, passage)` once for each term a passage holds (a repeat in the same passage is skipped), in
 * passage order, yielding every `FINISH_SLICE` terms read.
 */
function* eachPosting(text: PassageTerms, visit: (term: number, passage: number) => void): Generator<void, void> {
  const { sequence, sequenceStart, count, vocabulary } = text;
  const lastPassage = new Int32Array(vocabulary).fill(-1);
  let work = 0;
  for (let p = 0; p < count; p++) {
    const end = sequenceStart[p + 1] as number;
    for (let k = sequenceStart[p] as number; k < end; k++) {
      const term = sequence[k] as number;
      if (lastPassage[term] !== p) {
        lastPassage[term] = p;
        visit(term, p);
      }
    }
    work += end - (sequenceStart[p] as number) + 1;
    if (work >= FINISH_SLICE) {
      work = 0;
      yield;
    }
  }
}

/** Each term's passages, ascending: a count pass sizes one flat array, a fill pass writes it. */
function* postingsOf(text: PassageTerms): Generator<void, { postingStart: Int32Array; postingData: Int32Array }> {
  const { vocabulary } = text;
  const postingStart = new Int32Array(vocabulary + 1);
  yield* eachPosting(text, (term) => postingStart[term + 1]!++);
  for (let id = 0; id < vocabulary; id++) postingStart[id + 1]! += postingStart[id] as number;
  yield;
  const postingData = new Int32Array(postingStart[vocabulary] as number);
  const cursor = postingStart.slice(0, vocabulary);
  // Passages are visited in order, so each term's list comes out ascending.
  yield* eachPosting(text, (term, passage) => {
    postingData[cursor[term]!++] = passage;
  });
  return { postingStart, postingData };
}

/** Bitmaps of the passages of every term held by more than `above` passages, back to back (see `TermIndex`). */
function* bitmapsOf(
  postingStart: Int32Array,
  postingData: Int32Array,
  passages: number,
  above: number,
): Generator<void, { bitmapSlot: Int32Array; bitmapData: Int32Array }> {
  const vocabulary = postingStart.length - 1;
  const bitmapSlot = new Int32Array(vocabulary).fill(-1);
  let slots = 0;
  for (let id = 0; id < vocabulary; id++)
    if ((postingStart[id + 1] as number) - (postingStart[id] as number) > above) bitmapSlot[id] = slots++;
  yield;
  const words = bitmapWords(passages);
  const bitmapData = yield* touchedInt32Array(slots * words);
  let work = 0;
  for (let id = 0; id < vocabulary; id++) {
    const slot = bitmapSlot[id] as number;
    if (slot === -1) continue;
    const end = postingStart[id + 1] as number;
    for (let k = postingStart[id] as number; k < end; k++) {
      const p = postingData[k] as number;
      bitmapData[slot * words + (p >>> 5)]! |= 1 << (p & 31);
    }
    work += end - (postingStart[id] as number);
    if (work >= FINISH_SLICE * 8) {
      work = 0;
      yield;
    }
  }
  return { bitmapSlot, bitmapData };
}

/** The deletion variants of every term long enough for fuzzy matching, each mapped to the term id(s) it comes from. */
function* deletionIndexOf(
  terms: readonly string[],
  minFuzzyLength: number,
): Generator<void, Map<number, number | number[]>> {
  const deletionIndex = new Map<number, number | number[]>();
  let work = 0;
  for (let id = 0; id < terms.length; id++) {
    const term = terms[id] as string;
    work += 1;
    if (term.length >= minFuzzyLength && !isNumeric(term)) {
      for (const variant of deletions(term)) {
        work += 5;
        const key = variantKey(variant);
        const known = deletionIndex.get(key);
        if (known === undefined) deletionIndex.set(key, id);
        else if (typeof known === 'number') {
          if (known !== id) deletionIndex.set(key, [known, id]);
        } else if (known[known.length - 1] !== id) known.push(id);
      }
    }
    if (work >= FINISH_SLICE) {
      work = 0;
      yield;
    }
  }
  return deletionIndex;
}

/**
 * Term ids in the terms' UTF-16 order (as `<` compares), by a bottom-up merge sort that yields every few
 * thousand comparisons: one native sort of a large vocabulary would hold the event loop for tens of ms.
 */
function* sortedIds(terms: readonly string[]): Generator<void, Int32Array> {
  const SLICE = 4_000;
  const n = terms.length;
  let from = Int32Array.from({ length: n }, (_, i) => i);
  let to = new Int32Array(n);
  let work = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = middle;
      for (let k = left; k < right; k++) {
        if (i < middle && (j >= right || (terms[from[i] as number] as string) <= (terms[from[j] as number] as string)))
          to[k] = from[i++] as number;
        else to[k] = from[j++] as number;
      }
      work += right - left;
      if (work >= SLICE) {
        work = 0;
        yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
