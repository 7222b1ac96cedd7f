import { describe, expect, it } from 'vitest';
import { foldTypography, tokenize } from '../../src/text/fold.ts';

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
