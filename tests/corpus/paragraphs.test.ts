import { describe, expect, it } from 'vitest';
import { OccurrenceCounter } from '../../src/corpus/paragraphs.ts';

describe('OccurrenceCounter', () => {
  it('counts each digest on its own, digests that share a shard (the same low bits) included', () => {
    const seen = new OccurrenceCounter();
    const digests = [5, 5 + 256, 5 + 2 ** 40, 7, 5, 5 + 256, 5];
    expect(digests.map((d) => seen.next(d))).toEqual([1, 1, 1, 1, 2, 2, 3]);
  });

  it('gives what one Map of counts gives over many 53-bit digests', () => {
    const seen = new OccurrenceCounter();
    const reference = new Map<number, number>();
    for (let i = 0; i < 20_000; i++) {
      const digest = ((i * 2654435761) % 3001) * 2 ** 21 + (i % 7);
      const expected = (reference.get(digest) ?? 0) + 1;
      reference.set(digest, expected);
      expect(seen.next(digest)).toBe(expected);
    }
  });
});
