/**
 * The per-query working memory of candidate collection (collect.ts): one score and one match mask per passage,
 * reused from query to query.
 */
import { SEARCH_OPTIONS } from './options.ts';

/**
 * Per-passage scores for one query, in typed arrays stamped per query and per term (so nothing is cleared
 * between queries), with the passages touched so far listed in `touched`.
 */
export class Scratch {
  private readonly scores: Float64Array;
  private readonly matches: Uint8Array;
  private readonly queryStamps: Uint32Array;
  private readonly termStamps: Uint32Array;
  private readonly touchedList: Int32Array;
  private allowed: (index: number) => boolean = () => true;
  private queryStamp = 0;
  private termStamp = 0;
  private stamp = 0;
  /** How many passages this query touched. */
  count = 0;
  /** Term id → the query words it stands for (collect.ts), for this query. */
  readonly wordsOfTerm = new TermMasks();

  /**
   * `bitmapCost`: see options.ts; tests set 0 (a bitmap whenever there is one) or Infinity (postings always) to
   * check that both give the same scores.
   */
  constructor(
    size: number,
    private readonly bitmapCost: number = SEARCH_OPTIONS.bitmapCost,
  ) {
    this.scores = new Float64Array(size);
    this.matches = new Uint8Array(size);
    this.queryStamps = new Uint32Array(size);
    this.termStamps = new Uint32Array(size);
    this.touchedList = new Int32Array(size);
  }

  beginQuery(allowed: (index: number) => boolean): void {
    this.queryStamp = ++this.stamp;
    this.count = 0;
    this.allowed = allowed;
  }

  /** Starts a query word: each passage counts it at most once, whatever expansions it holds. */
  beginTerm(): void {
    this.termStamp = ++this.stamp;
  }

  score(p: number): number {
    return this.scores[p] ?? 0;
  }
  matched(p: number): number {
    return this.matches[p] ?? 0;
  }
  touched(k: number): number {
    return this.touchedList[k] ?? -1;
  }
  isTouched(p: number): boolean {
    return this.queryStamps[p] === this.queryStamp;
  }

  /** Adds `p` to this query's candidates (if the filter allows it); false when it is not allowed. */
  touch(p: number): boolean {
    if (this.queryStamps[p] === this.queryStamp) return true;
    if (!this.allowed(p)) return false;
    this.queryStamps[p] = this.queryStamp;
    this.scores[p] = 0;
    this.matches[p] = 0;
    this.touchedList[this.count++] = p;
    return true;
  }

  /** Credits the current word to `p` once (touching it), with `gain`. */
  creditWord(p: number, gain: number): void {
    if (this.termStamps[p] === this.termStamp || !this.touch(p)) return;
    this.creditOnce(p, gain);
  }

  /** Credits the current word to `p` once, only if the query already touched it. */
  creditIfTouched(p: number, gain: number): void {
    if (this.termStamps[p] === this.termStamp || this.queryStamps[p] !== this.queryStamp) return;
    this.creditOnce(p, gain);
  }

  /** Marks the current word as credited to `p`, adding `gain` and one matched word. */
  private creditOnce(p: number, gain: number): void {
    this.termStamps[p] = this.termStamp;
    this.scores[p] = this.score(p) + gain;
    this.matches[p] = this.matched(p) + 1;
  }

  /**
   * Forgets the touched passages holding fewer than `min` query words (they are no longer touched), unless
   * fewer than `keepAtLeast` would remain; returns whether it did.
   */
  dropMatchedBelow(min: number, keepAtLeast: number): boolean {
    // One pass: the passages to keep are swapped to the front (the order of `touched` never matters).
    const list = this.touchedList;
    let out = 0;
    for (let k = 0; k < this.count; k++) {
      const p = list[k] as number;
      if ((this.matches[p] as number) < min) continue;
      list[k] = list[out] as number;
      list[out++] = p;
    }
    if (out < keepAtLeast) return false;
    for (let k = out; k < this.count; k++) this.queryStamps[list[k] as number] = 0;
    this.count = out;
    return true;
  }

  /**
   * Credits the current word, with `gain`, to every touched passage holding a term (as `creditIfTouched` over its
   * postings): through the term's bitmap, one test per touched passage, when there is one and the touched
   * passages are fewer than its postings over `bitmapCost`; else along the postings. At 1M passages "the" has
   * 900k postings where the candidates are a few tens of thousands.
   */
  creditHolders(postings: Int32Array, bitmap: Int32Array | undefined, gain: number): void {
    if (bitmap && this.count * this.bitmapCost < postings.length) {
      for (let k = 0; k < this.count; k++) {
        const p = this.touchedList[k] as number;
        // Touched, so only "credited for this word already?" is left to ask.
        if (((bitmap[p >>> 5] as number) >>> (p & 31)) & 1 && this.termStamps[p] !== this.termStamp)
          this.creditOnce(p, gain);
      }
    } else for (let k = 0; k < postings.length; k++) this.creditIfTouched(postings[k] as number, gain);
  }

  /** Adds `gain` to every touched passage holding a term (as `addIfTouched` over its postings), as `creditHolders`. */
  addToHolders(postings: Int32Array, bitmap: Int32Array | undefined, gain: number): void {
    if (bitmap && this.count * this.bitmapCost < postings.length) {
      for (let k = 0; k < this.count; k++) {
        const p = this.touchedList[k] as number;
        if (((bitmap[p >>> 5] as number) >>> (p & 31)) & 1) this.scores[p] = this.score(p) + gain;
      }
    } else for (let k = 0; k < postings.length; k++) this.addIfTouched(postings[k] as number, gain);
  }

  /** Whether the current word has already been credited to `p`. */
  hasWord(p: number): boolean {
    return this.termStamps[p] === this.termStamp;
  }

  /** Adds `gain` to `p` only if the query already touched it. */
  addIfTouched(p: number, gain: number): void {
    if (this.isTouched(p)) this.scores[p] = this.score(p) + gain;
  }

  /** Adds `gain` and `matches` (capped at `maxMatched`) to a touched passage. */
  addMatches(p: number, gain: number, matches: number, maxMatched: number): void {
    this.scores[p] = this.score(p) + gain;
    this.matches[p] = Math.min(maxMatched, this.matched(p) + matches);
  }
}

/**
 * Term id → the query words (one bit each) it stands for, for one query: a typed array over the vocabulary,
 * stamped per query so nothing is cleared. Proximity looks up every term of hundreds of candidates per query,
 * and a Map's look-ups were a quarter of a query's time at 1k passages.
 */
export class TermMasks {
  private masks = new Int32Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;
  /** The most query words any one term stands for this query ("partner" for both "patner" and "partne"). */
  widest = 0;

  /** Forgets the previous query's terms; `vocabulary` is the number of term ids. */
  begin(vocabulary: number): this {
    if (this.masks.length < vocabulary) {
      this.masks = new Int32Array(vocabulary);
      this.stamps = new Uint32Array(vocabulary);
    }
    this.stamp++;
    this.widest = 0;
    return this;
  }

  /** The query words `term` stands for (0: none). */
  get(term: number): number {
    return this.stamps[term] === this.stamp ? (this.masks[term] as number) : 0;
  }

  /** Adds query words (bits) to what `term` stands for. */
  add(term: number, bits: number): void {
    if (this.stamps[term] === this.stamp) this.masks[term]! |= bits;
    else {
      this.stamps[term] = this.stamp;
      this.masks[term] = bits;
    }
    let count = 0;
    for (let v = (this.masks[term] as number) >>> 0; v !== 0; v &= v - 1) count++;
    this.widest = Math.max(this.widest, count);
  }
}
