import { describe, expect, it } from 'vitest';
import { SCATTER_STEP, touchedInt32Array } from '../../src/search/chunked-int32.ts';
import { PairIndexBuilder, type PairIndex } from '../../src/search/pair-index.ts';
import { boundedEditDistance, type TermIndex } from '../../src/search/term-index.ts';
import { TermIndexBuilder } from '../../src/search/term-index-builder.ts';
import { drain } from '../helpers/steps.ts';

/** A deterministic pseudo-random word list: shared prefixes, accents, digits and mixed lengths. */
function vocabulary(count: number): string[] {
  const stems = ['alli', 'allian', 'rus', 'russi', 'chin', 'beij', 'moscow', 'zero', 's4', 'économ', 'ukr', 'a'];
  const letters = 'abcdefghijklmnopqrstuvwxyzéü0123456789';
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const words = new Set<string>();
  while (words.size < count) {
    let word = stems[next() % stems.length] as string;
    const extra = next() % 7;
    for (let i = 0; i < extra; i++) word += letters[next() % letters.length];
    words.add(word);
  }
  return [...words];
}

describe('TermIndexBuilder.finish', () => {
  const words = vocabulary(6000);
  const builder = new TermIndexBuilder();
  words.forEach((word, i) => builder.add(i, [word, words[(i * 7) % words.length] as string]));
  const { value: index, pauses: yields } = drain(builder.finish(4));

  it('hands the event loop back many times while it builds a large vocabulary', () => {
    expect(yields).toBeGreaterThan(10);
  });

  it('GIVEN any prefix THEN prefixed() returns exactly the longer terms that start with it, shortest first', () => {
    const check = (ix: TermIndex, prefix: string) => {
      const expected = words.filter((w) => w.startsWith(prefix) && w !== prefix);
      const got = ix.prefixed(prefix, 1_000_000).map((id) => ix.terms[id] as string);
      expect(new Set(got)).toEqual(new Set(expected));
      for (let i = 1; i < got.length; i++)
        expect((got[i] as string).length).toBeGreaterThanOrEqual((got[i - 1] as string).length);
    };
    for (const prefix of ['a', 'al', 'alli', 'allian', 'rus', 'russia', 'é', 'éco', 's4', 'zz', 'moscow', 'ü'])
      check(index, prefix);
  });

  it('GIVEN any prefix THEN firstTermInRange() finds, in each passage, its first term that starts with it', () => {
    for (const prefix of ['a', 'alli', 'russia', 'é', 's4', 'zz', 'moscow']) {
      const range = index.prefixRange(prefix);
      words.forEach((word, i) => {
        const held = [word, words[(i * 7) % words.length] as string];
        const expected = held.find((w) => w.startsWith(prefix));
        const got = index.firstTermInRange(i, range);
        expect(got === -1 ? undefined : index.terms[got], `${prefix} in passage ${i}`).toBe(expected);
      });
    }
  });

  it('GIVEN a word one typo away from a term THEN fuzzy() finds that term', () => {
    const target = words.find((w) => w.length >= 8) as string;
    const typo = `${target.slice(0, 3)}${target.slice(4)}`;
    const found = [...index.fuzzy(typo, 1).keys()].map((id) => index.terms[id]);
    expect(found).toContain(target);
  });
});

describe('PairIndexBuilder.finish', () => {
  it('GIVEN more pairs than one storage chunk holds THEN lookup() returns exactly the passages holding the pair', () => {
    const words = vocabulary(300);
    const passages: string[][] = [];
    for (let p = 0; p < 9000; p++)
      passages.push(Array.from({ length: 12 }, (_, k) => words[(p * 31 + k * k * 17) % words.length] as string));
    const builder = new PairIndexBuilder();
    passages.forEach((ws, p) => builder.add(p, ws.join(' ')));
    const { value: pairs, pauses: yields } = drain<PairIndex>(builder.finish());
    expect(yields).toBeGreaterThan(3);
    for (const p of [0, 1, 4500, 8999]) {
      const [first, second] = passages[p] as [string, string];
      const expected = passages.flatMap((ws, q) =>
        ws.some((w, k) => k > 0 && ws[k - 1] === first && w === second) ? [q] : [],
      );
      // A rare hash collision may add a passage; it never loses one.
      const got = [...pairs.lookup(first, second)];
      expect(got).toEqual(expect.arrayContaining(expected));
      expect(got.length - expected.length).toBeLessThanOrEqual(1);
    }
  });

  it('GIVEN pairs looked up one after another THEN lookupShared() gives what lookup() gives, each view until the next', () => {
    const words = vocabulary(50);
    const builder = new PairIndexBuilder();
    // Few words, many passages: some pairs are held by hundreds of passages, more than the shared memory starts with.
    for (let p = 0; p < 5000; p++)
      builder.add(
        p,
        Array.from({ length: 8 }, (_, k) => words[(p * 7 + k * k * 3) % words.length] as string).join(' '),
      );
    const pairs = drain<PairIndex>(builder.finish()).value;
    let largest = 0;
    for (let i = 1; i < words.length; i++)
      for (const j of [0, i - 1, (i * 13) % words.length]) {
        const [first, second] = [words[j] as string, words[i] as string];
        const expected = [...pairs.lookup(first, second)];
        expect([...pairs.lookupShared(first, second)]).toEqual(expected);
        largest = Math.max(largest, expected.length);
      }
    expect(largest).toBeGreaterThan(64);
  });

  it('GIVEN 300,000 pairs THEN laying them out hands a step back at least every SCATTER_STEP pairs, counted and placed', () => {
    const builder = new PairIndexBuilder();
    // 30,000 passages of 11 distinct words: 10 pairs each.
    for (let p = 0; p < 30_000; p++) builder.add(p, Array.from({ length: 11 }, (_, k) => `w${p}x${k}`).join(' '));
    const { value: pairs, pauses: yields } = drain<PairIndex>(builder.finish());
    // Before: a step per 65,536-pair storage chunk for each of the two passes, and the fresh arrays' pages were
    // first written by the scatter itself.
    expect(yields).toBeGreaterThanOrEqual((2 * 300_000) / SCATTER_STEP);
    expect([...pairs.lookup('w12345x3', 'w12345x4')]).toEqual([12345]);
  });
});

describe('touchedInt32Array', () => {
  it('GIVEN 3 MB of int32s THEN it returns them zeroed after a step per megabyte written', () => {
    const { value, pauses: yields } = drain(touchedInt32Array(3 * 2 ** 18 + 5));
    expect(value).toHaveLength(3 * 2 ** 18 + 5);
    expect(value.every((v) => v === 0)).toBe(true);
    expect(yields).toBe(4);
  });
});

describe('bitmaps of frequent terms', () => {
  // 300 passages: "common" in every third, "rare" in one, "mid" in every tenth.
  const builder = new TermIndexBuilder();
  for (let p = 0; p < 300; p++)
    builder.add(p, [p % 3 === 0 ? 'common' : 'other', p === 17 ? 'rare' : 'plain', p % 10 === 0 ? 'mid' : 'plain']);
  const index = drain(builder.finish(4, 50)).value;
  const id = (term: string) => index.idOf(term) ?? -1;

  it('GIVEN a term held by more passages than the threshold THEN its bitmap has exactly its postings set', () => {
    for (const term of ['common', 'other', 'plain']) {
      const bitmap = index.bitmap(id(term));
      expect(bitmap).toBeDefined();
      const set: number[] = [];
      for (let p = 0; p < 300; p++) if ((((bitmap as Int32Array)[p >>> 5] as number) >>> (p & 31)) & 1) set.push(p);
      expect(set).toEqual([...index.postings(id(term))]);
    }
  });

  it('GIVEN a term held by at most the threshold THEN it has no bitmap', () => {
    expect(index.bitmap(id('rare'))).toBeUndefined();
    expect(index.bitmap(id('mid'))).toBeUndefined(); // 30 passages
  });
});

describe('boundedEditDistance', () => {
  /** Optimal string alignment distance, the plain way (a full table), to compare against. */
  function osa(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
        d[i]![j] = v;
      }
    return d[a.length]![b.length]!;
  }

  it('GIVEN random word pairs, one after another THEN it agrees with the full table within its bound, and says beyond it', () => {
    let state = 99;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const word = () => Array.from({ length: 1 + next(40) }, () => 'abcde'[next(5)]).join('');
    for (let k = 0; k < 3000; k++) {
      const a = word();
      // Near neighbours as well as unrelated words, long ones included (the rows it reuses must grow).
      const b = next(2) === 0 ? word() : a.slice(0, next(a.length + 1)) + word().slice(0, next(3));
      for (const max of [1, 2]) {
        const got = boundedEditDistance(a, b, max);
        if (osa(a, b) <= max) expect(got).toBe(osa(a, b));
        else expect(got).toBeGreaterThan(max);
      }
    }
  });
});
