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
  for (let k = 0; k < count; k++) {
    const item = itemAt(k);
    const key = keyOf(item);
    if (heap.size < take) heap.push(item, key);
    else if (key > heap.rootKey || (key === heap.rootKey && item < heap.rootItem)) heap.replaceRoot(item, key);
  }
  return heap.items;
}

/** Items ordered by key, smallest at the root; items and keys in parallel arrays (no object per entry). */
class KeyedMinHeap {
  readonly items: number[] = [];
  private readonly keys: number[] = [];

  get size(): number {
    return this.items.length;
  }
  get rootKey(): number {
    return this.keys[0] ?? -Infinity;
  }
  get rootItem(): number {
    return this.items[0] ?? -1;
  }

  push(item: number, key: number): void {
    this.items.push(item);
    this.keys.push(key);
    this.siftUp(this.items.length - 1);
  }

  replaceRoot(item: number, key: number): void {
    this.items[0] = item;
    this.keys[0] = key;
    this.siftDown(0);
  }

  private key(i: number): number {
    return this.keys[i] ?? Infinity;
  }

  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.items[j] ?? -1, this.items[i] ?? -1];
    [this.keys[i], this.keys[j]] = [this.key(j), this.key(i)];
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key(parent) <= this.key(i)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.items.length && this.key(l) < this.key(m)) m = l;
      if (r < this.items.length && this.key(r) < this.key(m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
