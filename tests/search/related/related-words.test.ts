import { describe, expect, it } from 'vitest';
import { RelatedWords, relatedWords } from '../../../src/search/related/related-words.ts';
import { tinyTable } from '../../helpers/related.ts';

describe('the committed related-words table', () => {
  const table = relatedWords();

  it('relates common words to their WordNet synonyms that the vectors agree with, closest first', () => {
    expect(table.size).toBe(20_000);
    const enormous = table.related('enormous').map((r) => r.word);
    expect(enormous).toContain('tremendous');
    expect(table.related('tribunal').map((r) => r.word)).toContain('court');
    const similarities = table.related('enormous').map((r) => r.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
  });

  it('never relates a word to itself, and keeps only pairs at or above the 0.4 bar', () => {
    for (const word of ['brother', 'america', 'deal', 'threat', 'alliance', 'trust']) {
      for (const r of table.related(word)) {
        expect(r.word).not.toBe(word);
        expect(r.similarity).toBeGreaterThanOrEqual(0.4);
        expect(r.similarity).toBeLessThanOrEqual(1);
      }
    }
  });

  it('GIVEN a word it does not know THEN no related words and no similarity', () => {
    expect(table.related('qwxzv')).toEqual([]);
    expect(table.similarity('qwxzv', 'brother')).toBeNull();
  });

  it('gives symmetric vector similarities, 1 for a word with itself, higher for kin than for strangers', () => {
    expect(table.similarity('war', 'war')).toBe(1);
    expect(table.similarity('war', 'conflict')).toBe(table.similarity('conflict', 'war'));
    expect(table.similarity('war', 'conflict') ?? 0).toBeGreaterThan(table.similarity('war', 'banana') ?? 1);
  });
});

describe('RelatedWords', () => {
  it('GIVEN a table THEN it decodes words, related entries (cosine × 100) and byte vectors', () => {
    const table = new RelatedWords(tinyTable({ brother: [127, 0], sibling: [90, 90], cake: [0, -127] }, '0 1 71'));
    expect(table.related('brother')).toEqual([{ word: 'sibling', similarity: 0.71 }]);
    expect(table.related('cake')).toEqual([]);
    expect(table.similarity('brother', 'sibling')).toBeCloseTo((127 * 90) / (127 * 127), 5);
    expect(table.similarity('brother', 'cake')).toBe(0);
  });

  it('GIVEN vector bytes that do not fit the words THEN it refuses the table', () => {
    const broken = { ...tinyTable({ brother: [127, 0], sibling: [90, 90] }, ''), dimensions: 3 };
    expect(() => new RelatedWords(broken)).toThrow(/vector bytes for 2 words/);
  });
});
