import { describe, expect, it } from 'vitest';
import { KeyedMinHeap, topK } from '../../src/search/top-k.ts';

const ascending = (items: Iterable<number>) => [...items].sort((a, b) => a - b);

/** The reference: the `take` highest keys (sorting everything), as the multiset of keys kept. */
function bestKeys(keys: readonly number[], take: number): number[] {
  return [...keys].sort((a, b) => b - a).slice(0, take);
}

/** A small deterministic generator, so every run checks the same inputs. */
function keysOf(seed: number, count: number, distinct: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x % distinct) / distinct;
  });
}

describe('topK', () => {
  it('GIVEN keys with ties THEN `take` items holding the highest keys, each once', () => {
    for (const [seed, count, distinct, take] of [
      [1, 500, 7, 40],
      [2, 100, 1000, 16],
      [3, 30, 3, 50],
      [4, 1, 1, 1],
    ] as const) {
      const keys = keysOf(seed, count, distinct);
      const got = topK(
        count,
        (k) => k,
        (item) => keys[item] ?? 0,
        take,
      );
      expect(new Set(got).size).toBe(got.length);
      expect(got.map((item) => keys[item]).sort((a, b) => (b ?? 0) - (a ?? 0))).toEqual(bestKeys(keys, take));
    }
  });

  it('GIVEN one heap reused for a large then smaller selections THEN each keeps what a fresh heap keeps', () => {
    const heap = new KeyedMinHeap();
    for (const [seed, count, take] of [
      [5, 800, 480],
      [6, 50, 480],
      [7, 300, 30],
    ] as const) {
      const keys = keysOf(seed, count, 50);
      const size = heap.select(
        count,
        (k) => k,
        (item) => keys[item] ?? 0,
        take,
      );
      const fresh = new KeyedMinHeap();
      const freshSize = fresh.select(
        count,
        (k) => k,
        (item) => keys[item] ?? 0,
        take,
      );
      expect(ascending(heap.items.subarray(0, size))).toEqual(ascending(fresh.items.subarray(0, freshSize)));
      expect(Array.from(heap.keys.subarray(0, size)).sort((a, b) => b - a)).toEqual(bestKeys(keys, take));
    }
  });
});
