/**
 * A growing list of int32s stored in fixed-size chunks: millions of entries without boxed numbers for the
 * GC, and, unlike doubling one array, no large copy that would hold the event loop while it runs. The term
 * index's passage word sequences and the pair index's pairs are both collected in these.
 */
export class ChunkedInt32 {
  private static readonly BITS = 16;
  private readonly chunks: Int32Array[] = [];
  length = 0;

  push(value: number): void {
    const at = this.length & ((1 << ChunkedInt32.BITS) - 1);
    if (at === 0) this.chunks.push(new Int32Array(1 << ChunkedInt32.BITS));
    (this.chunks[this.chunks.length - 1] as Int32Array)[at] = value;
    this.length++;
  }

  get(k: number): number {
    return (this.chunks[k >>> ChunkedInt32.BITS] as Int32Array)[k & ((1 << ChunkedInt32.BITS) - 1)] as number;
  }

  /** How many values chunk `c` holds, and the chunk itself (for loops that would otherwise call `get` per value). */
  chunk(c: number): Int32Array {
    const size = 1 << ChunkedInt32.BITS;
    return (this.chunks[c] as Int32Array).subarray(0, Math.max(0, Math.min(size, this.length - c * size)));
  }

  get chunkCount(): number {
    return this.chunks.length;
  }

  /** One flat copy, a chunk per step; the chunks are dropped as they are copied. */
  *toArray(): Generator<void, Int32Array> {
    const out = new Int32Array(this.length);
    const size = 1 << ChunkedInt32.BITS;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Int32Array;
      out.set(chunk.subarray(0, Math.min(size, this.length - c * size)), c * size);
      this.chunks[c] = EMPTY_CHUNK;
      yield;
    }
    return out;
  }
}

const EMPTY_CHUNK = new Int32Array(0);

/** Values a scattering loop writes between two yields: random writes into megabytes miss the cache on each. */
export const SCATTER_STEP = 1 << 14;

/** Values zeroed between two yields when a fresh array's memory is first written (1 MB). */
const TOUCH_STEP = 1 << 18;

/**
 * A new zeroed Int32Array whose memory is written once, in slices with a yield after each, before the caller
 * scatters into it. The OS maps a large array's pages only when they are first written: the first random
 * writes into a fresh 8 MB array fault page after page within one step (the pair index's first layout step
 * at 100k passages held the loop 25–60 ms on the shared machine).
 */
export function* touchedInt32Array(length: number): Generator<void, Int32Array> {
  const out = new Int32Array(length);
  for (let from = 0; from < length; from += TOUCH_STEP) {
    out.fill(0, from, Math.min(length, from + TOUCH_STEP));
    yield;
  }
  return out;
}
