import { describe, expect, it } from 'vitest';
import { baselineQueriesFor, parseOptions } from '../../src/bench/options.ts';
import { createRng } from '../../src/bench/rng.ts';
import { mean, median, percentile, ratio, summarize } from '../../src/bench/stats.ts';

describe('percentile (nearest rank)', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted order

  it('returns observed samples', () => {
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile(samples, 1)).toBe(1);
  });

  it('with few samples p99 is the maximum', () => {
    expect(percentile([3, 1, 2], 99)).toBe(3);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it('does not mutate its input and rejects nonsense', () => {
    const input = [3, 1, 2];
    percentile(input, 50);
    expect(input).toEqual([3, 1, 2]);
    expect(() => percentile(input, 0)).toThrow(RangeError);
    expect(() => percentile(input, 101)).toThrow(RangeError);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarize reports n, p50, p99, max and mean', () => {
    expect(summarize([1, 2, 3, 4])).toEqual({ n: 4, p50: 2, p99: 4, max: 4, mean: 2.5 });
    expect(summarize([]).n).toBe(0);
    expect(summarize([]).max).toBeNaN();
    expect(mean([])).toBeNaN();
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNaN();
  });

  it('summarize copes with very many samples', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    expect(summarize(many).max).toBe(299_999);
  });
});

describe('rng', () => {
  it('is deterministic per seed and stays in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const c = createRng(43);
    expect(c.next()).not.toBe(xs[0]);
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(r.shuffled([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('bench options', () => {
  it('has defaults that run the three sizes', () => {
    const o = parseOptions([]);
    expect(o.sizes).toEqual([1000, 10000, 100000]);
    expect(o.out).toBe('bench-results/bench.json');
    expect(o.skipBaseline).toBe(false);
  });

  it('parses every option', () => {
    const o = parseOptions([
      '--sizes',
      '500,2000',
      '--queries',
      '30',
      '--baseline-queries',
      '9',
      '--reps',
      '2',
      '--skip-baseline',
      '--out',
      'x.json',
    ]);
    expect(o).toMatchObject({
      sizes: [500, 2000],
      queries: 30,
      baselineQueries: 9,
      reps: 2,
      skipBaseline: true,
      out: 'x.json',
    });
  });

  it('says which option is wrong', () => {
    expect(() => parseOptions(['--queries', 'many'])).toThrow(/--queries/);
    expect(() => parseOptions(['--sizes', '1000,-5'])).toThrow(/--sizes/);
  });

  it('caps the baseline: fewer queries for bigger corpora, never more than Verbatim runs', () => {
    const o = parseOptions(['--queries', '120']);
    expect(baselineQueriesFor(o, 1000)).toBe(60);
    expect(baselineQueriesFor(o, 100_000)).toBe(3);
    expect(baselineQueriesFor({ queries: 120, baselineQueries: 500 }, 1000)).toBe(120);
  });
});
