import { describe, expect, it } from 'vitest';
import { plainWordsFolded } from '../../src/search/pair-index.ts';
import { foldForSearch, foldTypography, spacedWords, tokenize, tokenizeFolded } from '../../src/text/fold.ts';

describe('foldTypography', () => {
  it('GIVEN curly quotes, dashes and odd spaces WHEN folded THEN they compare equal to plain ASCII', () => {
    expect(foldTypography('China’s “zero‑sum” —\u00a0mentality…')).toBe('China\'s "zero-sum" - mentality...');
  });
});

describe('tokenize', () => {
  it('GIVEN a hyphenated compound THEN its parts and its joined form are terms', () => {
    expect(tokenize('“zero-sum”')).toEqual(['zero', 'sum', 'zerosum']);
    expect(tokenize('the S-400')).toEqual(['the', 's', '400', 's400']);
  });
  it('GIVEN a possessive and accents THEN the possessive is dropped and accents folded', () => {
    expect(tokenize('China’s Qínghuá')).toEqual(['china', 'qinghua']);
  });
  it('GIVEN only punctuation THEN there are no terms', () => {
    expect(tokenize('?! … —')).toEqual([]);
  });
});

describe('tokenizeFolded with plain words', () => {
  it('GIVEN compounds, possessives, accents and odd punctuation THEN the plain words are those plainWordsFolded gives', () => {
    const texts = [
      "China's zero-sum S-400 deal, the U.S.'s rock'n's it's-a 3.5% — Lavrov’s “partner”",
      'Économie: la Russie/la Chine -- x/y/z ...and... 1,000 a.b.c.',
      '',
      "'s - -- ' ",
    ];
    for (const text of texts) {
      const folded = foldForSearch(text);
      const plain: string[] = [];
      expect(tokenizeFolded(folded, plain), text).toEqual(tokenizeFolded(folded));
      expect(plain, text).toEqual(plainWordsFolded(folded));
    }
  });
});

describe('spacedWords', () => {
  it('GIVEN folded text THEN every run of non-word characters becomes one space, on the ASCII path and the Unicode one', () => {
    expect(spacedWords(foldForSearch('“Zero-sum”  mentality, U.S.-led…'))).toBe(' zero sum mentality u s led ');
    expect(spacedWords(foldForSearch('Россия — Китай: 2015 «союз»'))).toBe('россия китаи 2015 союз ');
    expect(spacedWords(foldForSearch('中俄 alliance—“S-400”'))).toBe('中俄 alliance s 400 ');
  });

  it('agrees with the Unicode-property form on every ASCII character', () => {
    let ascii = '';
    for (let c = 0; c < 128; c++) ascii += String.fromCharCode(c);
    const folded = foldForSearch(`${ascii} abc ${ascii}`);
    expect(spacedWords(folded)).toBe(folded.replace(/[^\p{L}\p{N}]+/gu, ' '));
  });
});
