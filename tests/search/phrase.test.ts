import { beforeAll, describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../src/search/engine.ts';
import { parsePhrases } from '../../src/search/phrase.ts';
import { foldForSearch, spacedWords } from '../../src/text/fold.ts';
import { realCorpus } from '../helpers/corpus.ts';

const spaced = (text: string) => ` ${spacedWords(foldForSearch(text)).trim()} `;

describe('parsePhrases', () => {
  it('GIVEN straight or typographic double quotes THEN each quoted run is a phrase of folded words', () => {
    expect(parsePhrases('"Cold War" lead')).toEqual({ phrases: [['cold', 'war']], text: 'Cold War lead' });
    expect(parsePhrases('“junior partner” and „zero-sum“').phrases).toEqual([
      ['junior', 'partner'],
      ['zero', 'sum'],
    ]);
  });

  it('GIVEN an unpaired or empty quotation THEN the text is searched as typed, with no phrase', () => {
    expect(parsePhrases('"junior partn')).toEqual({ phrases: [], text: '"junior partn' });
    expect(parsePhrases('"" alliance').phrases).toEqual([]);
    expect(parsePhrases("China's junior partner").phrases).toEqual([]);
  });
});

describe('quoted phrases in /quote queries (real corpus)', () => {
  let index: QuoteIndex;
  beforeAll(async () => {
    index = QuoteIndex.build(await realCorpus());
  });

  it('GIVEN "junior partner" in quotes THEN every hit holds those words side by side, where the plain words also find others', () => {
    const quoted = index.search({ text: '"junior partner"' });
    expect(quoted.length).toBeGreaterThan(0);
    for (const hit of quoted) expect(spaced(hit.passage.text)).toContain(' junior partner ');
    const plain = index.search({ text: 'junior partner' });
    expect(plain.some((hit) => !spaced(hit.passage.text).includes(' junior partner '))).toBe(true);
  });

  it('GIVEN the words in another order, in quotes THEN nothing matches, though unquoted they find the passage', () => {
    expect(index.search({ text: '"partner junior"' })).toEqual([]);
    expect(index.search({ text: 'partner junior' })[0]?.passage.text).toContain('junior partner');
  });

  it('GIVEN typographic quotes, or a phrase with more words beside it THEN the phrase still decides', () => {
    const curly = index.search({ text: '“cold war”' });
    expect(curly.map((h) => h.passage.id)).toEqual(index.search({ text: '"cold war"' }).map((h) => h.passage.id));
    const mixed = index.search({ text: '"cold war" lead another' });
    expect(mixed[0]?.passage.text).toMatch(/another cold war/i);
    for (const hit of mixed) expect(spaced(hit.passage.text)).toContain(' cold war ');
  });

  it('GIVEN a quoted misspelling THEN it is not fuzzy-matched: the phrase is required as written', () => {
    expect(index.search({ text: 'cold wor' }).length).toBeGreaterThan(0);
    expect(index.search({ text: '"cold wor"' })).toEqual([]);
  });
});
