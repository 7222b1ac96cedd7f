import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../src/search/engine.ts';
import { proximity } from '../../src/search/proximity.ts';
import { corpusOfSentences } from '../helpers/corpus.ts';

describe('proximity()', () => {
  it('GIVEN query words side by side in any order THEN 1; spread out THEN less; missing ones scale it down', () => {
    const words = new Map([
      [10, 0b01],
      [20, 0b10],
    ]);
    expect(proximity(Int32Array.from([1, 20, 10, 2]), words, 0b11)).toBe(1);
    expect(proximity(Int32Array.from([10, 1, 2, 20]), words, 0b11)).toBe(0.5);
    expect(proximity(Int32Array.from([10, 10, 1, 20, 10]), words, 0b11)).toBe(1);
    expect(proximity(Int32Array.from([10, 1]), words, 0b111)).toBeCloseTo(1 / 3);
    expect(proximity(Int32Array.from([1, 2]), words, 0b11)).toBe(0);
  });

  it('GIVEN a range of a longer sequence THEN the same as the view of that range (search passes no views)', () => {
    const words = new Map([
      [10, 0b01],
      [20, 0b10],
    ]);
    // Three "passages" back to back; the terms around each range would change the answer if they were read.
    const sequence = Int32Array.from([10, 20, 10, 1, 2, 20, 20, 10, 1]);
    for (const [from, to] of [
      [0, 2],
      [2, 6],
      [6, 9],
      [3, 5],
    ] as const)
      expect(proximity(sequence, words, 0b11, from, to)).toBe(proximity(sequence.subarray(from, to), words, 0b11));
    expect(proximity(sequence, words, 0b11, 2, 6)).toBe(0.5);
  });
});

describe('proximity', () => {
  /** Near-duplicates from the 100k benchmark corpus: each quote beside a sentence sharing its words. */
  const CASES = [
    {
      query: 'pressures question however for',
      quote: 'A more fundamental question, however, pressures for China and Russia.',
      rival:
        'A more pressures question, however, is: are China and Russia moving toward a big question is how likely are China and Russia to form an alliance against the United States?',
    },
    {
      query: 'a russia clear china',
      quote:
        'Some believe (here and here) that a clear China-Russia to deploy new missile defense systems in South Korea.',
      rival: 'Thus, a China-Russia clear this: Why this new development in China-Russia relations?',
    },
    {
      query: 'closeness capabilities advanced military incredible the',
      quote:
        'Yan against refutes the advanced military capabilities closeness incredible potential for economic growth -- which China is heavily invested in.',
      rival:
        'The growing closeness between China its advanced military capabilities and incredible permder agreement economic growth -- which China is heavily invested in.',
    },
    {
      query: 'been partnering unprecedented scale impact at',
      quote:
        'The two countries eicluded been partnering at impact unprecedented scale: politically, economically, a larger strategic reason.',
      rival:
        'This newfound closeness against raised concerns in some quarters about the impact that it may have have been partnering at an unprecedented scale: politically, economically, and militarily.',
    },
    {
      query: 'than more are afraid russians',
      quote: 'A survey conducted in Russia shows that Russians are more afraid than economic assistance.',
      rival: 'This is how NATO talks, shows that Russians are more afraid of the U.S. than the Islamic State.',
    },
  ];

  it('GIVEN the words of a sentence in another order THEN the sentence holding them side by side comes first', () => {
    const texts = CASES.flatMap((c) => [c.rival, c.quote]);
    const index = QuoteIndex.build(corpusOfSentences(texts));
    for (const { query, quote } of CASES) expect(index.search({ text: query })[0]?.passage.text, query).toBe(quote);
  });
});
