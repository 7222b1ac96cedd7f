/**
 * The `take` items with the highest key out of a stream, in O(n log take): a min-heap whose root is the
 * weakest item kept. On equal keys the lower item wins, so the result does not depend on arrival order.
 */
export function topK(
  count: number,
  itemAt: (k: number) => number,
  keyOf: (item: number) => number,
  take: number,
): number[] {
  const heap = new KeyedMinHeap();
  const size = heap.select(count, itemAt, keyOf, take);
  return Array.from(heap.items.subarray(0, size));
}

/**
 * Items ordered by key, smallest at the root, in typed arrays kept from call to call: candidate collection picks a
 * pool of hundreds per query, and growing fresh arrays (and an object per entry to sort them) was about half of
 * what a query allocated, which is how often young-generation collections land inside queries.
 */
export class KeyedMinHeap {
  items = new Int32Array(0);
  keys = new Float64Array(0);

  /** Keeps the `take` best of `count` items (see `topK`); returns how many it kept, in `items`/`keys` (heap order). */
  select(count: number, itemAt: (k: number) => number, keyOf: (item: number) => number, take: number): number {
    const capacity = Math.min(count, take);
    if (this.items.length < capacity) {
      this.items = new Int32Array(Math.max(capacity, this.items.length * 2));
      this.keys = new Float64Array(this.items.length);
    }
    // One loop over locals, no method per step: a double passed between calls that are not inlined is boxed,
    // and the heap's steps were a fifth of what a query allocated.
    const items = this.items;
    const keys = this.keys;
    let size = 0;
    for (let k = 0; k < count; k++) {
      const item = itemAt(k);
      const key = keyOf(item);
      if (size < take) {
        // Push, then sift up.
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if ((keys[parent] as number) <= key) break;
          items[i] = items[parent] as number;
          keys[i] = keys[parent] as number;
          i = parent;
        }
        items[i] = item;
        keys[i] = key;
      } else if (key > (keys[0] as number) || (key === keys[0] && item < (items[0] as number))) {
        // Replace the root, then sift down.
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = -1;
          let least = key;
          if (l < size && (keys[l] as number) < least) {
            m = l;
            least = keys[l] as number;
          }
          if (r < size && (keys[r] as number) < least) m = r;
          if (m === -1) break;
          items[i] = items[m] as number;
          keys[i] = keys[m] as number;
          i = m;
        }
        items[i] = item;
        keys[i] = key;
      }
    }
    return size;
  }
}
