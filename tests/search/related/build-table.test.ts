import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexLemmas, lemmasOf, readWordNet, relatedLemmas } from '../../../src/search/related/build-table.ts';
import { REPO_ROOT } from '../../helpers/corpus.ts';

/** A made-up dictionary in WordNet's data-file layout (tests/fixtures/wordnet-mini). */
const synsets = readWordNet(path.join(REPO_ROOT, 'tests', 'fixtures', 'wordnet-mini'));
const lemmas = indexLemmas(synsets);
const related = (lemma: string) => [...relatedLemmas(lemma, synsets, lemmas)].sort();

describe('readWordNet', () => {
  it('GIVEN data files THEN every synset by pos:offset, words lower-cased, markers dropped, satellites under a', () => {
    expect([...synsets.keys()].sort()).toEqual([
      'a:00000700',
      'a:00000800',
      'n:00000100',
      'n:00000200',
      'n:00000300',
      'n:00000400',
      'n:00000500',
      'v:00000600',
    ]);
    expect(synsets.get('n:00000100')?.words).toEqual(['brother', 'sib']);
    expect(synsets.get('a:00000800')?.words).toEqual(['enormous', 'huge']);
    expect(synsets.get('v:00000600')?.pointers).toEqual([
      { symbol: '+', target: 'n:00000500', source: 1, targetWord: 1 },
    ]);
  });
});

describe('lemmasOf', () => {
  it('GIVEN an inflected word THEN the lemmas it may come from, by WordNet detachment rules, in every part of speech', () => {
    expect(lemmasOf('quarrels', lemmas).sort()).toEqual(['n:quarrel', 'v:quarrel']);
    expect(lemmasOf('disputed', lemmas)).toEqual(['v:dispute']);
    expect(lemmasOf('huger', lemmas)).toEqual(['a:huge']);
    expect(lemmasOf('siblings', lemmas)).toEqual(['n:sibling']);
    expect(lemmasOf('cake', lemmas)).toEqual([]);
  });
});

describe('relatedLemmas', () => {
  it('GIVEN a lemma THEN its synset, hypernym and hyponyms, never its antonym', () => {
    expect(related('n:brother')).toEqual(['n:brother', 'n:sib', 'n:sibling']);
    expect(related('n:sibling')).toEqual(['n:brother', 'n:sib', 'n:sibling', 'n:twin']);
    expect(related('n:sister')).toEqual(['n:sister']);
  });

  it('GIVEN a lexical pointer THEN only the word it points at; GIVEN similar-to THEN the whole satellite synset', () => {
    expect(related('n:quarrel')).toEqual(['n:quarrel', 'v:quarrel']);
    expect(related('a:big')).toEqual(['a:big', 'a:enormous', 'a:huge']);
  });
});
