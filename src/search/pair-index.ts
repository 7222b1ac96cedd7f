/**
 * Word pairs: which passages hold two words side by side. Word order is what tells a quotation from a
 * sentence that merely shares its words; see `PairIndex`.
 */
import { foldForSearch } from '../text/fold.ts';
import { ChunkedInt32, SCATTER_STEP, touchedInt32Array } from './chunked-int32.ts';

const NON_ASCII = /[\u0080-\uFFFF]/;

/** FNV-1a over two words: the key of an adjacent word pair. */
function pairHash(first: string, second: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < first.length; i++) h = Math.imul(h ^ first.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x20, 0x01000193);
  for (let i = 0; i < second.length; i++) h = Math.imul(h ^ second.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The plain words of a text, in order: what "adjacent" means for word pairs. */
export function plainWords(text: string): string[] {
  return plainWordsFolded(foldForSearch(text));
}

/** `plainWords` for text already passed through `foldForSearch`. */
export function plainWordsFolded(folded: string): string[] {
  // Folded ASCII text (nearly every passage) splits the same on a plain class, several times faster.
  return folded.split(NON_ASCII.test(folded) ? /[^\p{L}\p{N}]+/u : /[^a-z0-9]+/).filter((w) => w.length > 0);
}

/**
 * Which passages hold two words side by side ("afraid than", "zero sum"): word order is what tells a
 * quotation from a sentence that merely shares its words. Stored flat, bucketed by a hash of the pair
 * (a few bytes per pair, no object per pair), so a 100k-passage corpus costs about 20 MB.
 */
export class PairIndex {
  constructor(
    private readonly offsets: Int32Array,
    private readonly hashes: Int32Array,
    private readonly passages: Int32Array,
    private readonly mask: number,
  ) {}

  /** Reused by `lookupShared`: a frequent pair's holders at 1M passages were a fresh array of tens of thousands. */
  private shared = new Int32Array(64);

  /**
   * `lookup` into memory reused from call to call: the view is valid until the next call (collection reads it at
   * once; at 1M passages "against the" alone is held by tens of thousands of passages, garbage on every query).
   */
  lookupShared(first: string, second: string): Int32Array {
    const h = pairHash(first, second);
    const bucket = h & this.mask;
    const from = this.offsets[bucket] as number;
    const to = this.offsets[bucket + 1] as number;
    if (this.shared.length < to - from) this.shared = new Int32Array(to - from);
    let count = 0;
    for (let k = from; k < to; k++) if (this.hashes[k] === h) this.shared[count++] = this.passages[k] as number;
    return this.shared.subarray(0, count);
  }

  /** Passages holding `first` immediately followed by `second` (a rare hash collision may add one). */
  lookup(first: string, second: string): Int32Array {
    const h = pairHash(first, second);
    const bucket = h & this.mask;
    const from = this.offsets[bucket] as number;
    const to = this.offsets[bucket + 1] as number;
    let count = 0;
    for (let k = from; k < to; k++) if (this.hashes[k] === h) count++;
    const out = new Int32Array(count);
    let j = 0;
    for (let k = from; k < to; k++) if (this.hashes[k] === h) out[j++] = this.passages[k] as number;
    return out;
  }
}

/** Collects word pairs passage by passage; `finish` lays them out bucket by bucket, in slices. */
export class PairIndexBuilder {
  private hashes = new ChunkedInt32();
  private passages = new ChunkedInt32();

  /** This passage's pair hashes so far, reused across passages (a reload adds 100k passages; garbage is what
   * makes GC pauses long). A sentence has a few dozen pairs, so a scan beats a Set's hashing. */
  private seen = new Int32Array(64);

  /** Adds one passage's words, from its `foldForSearch` form. */
  add(passage: number, folded: string): void {
    this.addWords(passage, plainWordsFolded(folded));
  }

  /** Adds one passage's plain words (as `plainWordsFolded` gives them), in order. */
  addWords(passage: number, words: readonly string[]): void {
    if (this.seen.length < words.length) this.seen = new Int32Array(words.length * 2);
    const seen = this.seen;
    let count = 0;
    next: for (let i = 1; i < words.length; i++) {
      const h = pairHash(words[i - 1] as string, words[i] as string);
      for (let k = 0; k < count; k++) if (seen[k] === h) continue next;
      seen[count++] = h;
      this.hashes.push(h);
      this.passages.push(passage);
    }
  }

  *finish(): Generator<void, PairIndex> {
    const SLICE = 20_000;
    const total = this.hashes.length;
    const pairHashes = this.hashes;
    const pairPassages = this.passages;
    let bits = 10;
    // About eight pairs a bucket: look-ups stay a short scan, and the offsets table stays small enough
    // to allocate and fill without holding the event loop.
    while (1 << bits < total / 8 && bits < 20) bits++;
    const mask = (1 << bits) - 1;
    const offsets = yield* touchedInt32Array((1 << bits) + 1);
    for (let c = 0; c < pairHashes.chunkCount; c++) {
      const chunk = pairHashes.chunk(c);
      for (let k = 0; k < chunk.length; k++) {
        offsets[((chunk[k] as number) & mask) + 1]! += 1;
        if ((k & (SCATTER_STEP - 1)) === SCATTER_STEP - 1) yield;
      }
      yield;
    }
    for (let b = 1; b < offsets.length; b++) {
      offsets[b]! += offsets[b - 1] as number;
      if (b % (SLICE * 4) === 0) yield;
    }
    yield;
    const cursor = offsets.slice(0, offsets.length - 1);
    yield;
    const hashes = yield* touchedInt32Array(total);
    const passages = yield* touchedInt32Array(total);
    for (let c = 0; c < pairHashes.chunkCount; c++) {
      const chunkHashes = pairHashes.chunk(c);
      const chunkPassages = pairPassages.chunk(c);
      for (let k = 0; k < chunkHashes.length; k++) {
        const h = chunkHashes[k] as number;
        const at = cursor[h & mask]!++;
        hashes[at] = h;
        passages[at] = chunkPassages[k] as number;
        if ((k & (SCATTER_STEP - 1)) === SCATTER_STEP - 1) yield;
      }
      yield;
    }
    this.hashes = new ChunkedInt32();
    this.passages = new ChunkedInt32();
    return new PairIndex(offsets, hashes, passages, mask);
  }
}
