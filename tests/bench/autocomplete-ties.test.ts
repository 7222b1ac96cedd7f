import { describe, expect, it } from 'vitest';
import { meantWords, tightestSpan } from '../../src/bench/autocomplete-ties.ts';
import type { LabelledQuery } from '../../src/bench/queries.ts';

const query = (kind: LabelledQuery['kind'], text: string): LabelledQuery => ({
  id: 'q1',
  kind,
  text,
  targetId: 't',
  anchor: ['russians', 'are', 'more', 'afraid'],
});

describe('autocomplete ties: the words a prefix means and how tightly a passage holds them', () => {
  it('GIVEN a typo prefix cut inside a word THEN the anchor words are meant and the last stays a prefix', () => {
    expect(meantWords(query('typo', 'russlians are more afraid'), 'russlians are mo')).toEqual({
      complete: ['russians', 'are'],
      partial: 'mo',
    });
    expect(meantWords(query('partial', 'russians are more afraid'), 'russians are ')).toEqual({
      complete: ['russians', 'are'],
      partial: null,
    });
    // A prefix that ends on a whole word of the query means that word, not its longer forms.
    expect(meantWords(query('partial', 'russians are more afraid'), 'russians are more')).toEqual({
      complete: ['russians', 'are', 'more'],
      partial: null,
    });
  });

  it('GIVEN passages THEN the span is the shortest run holding every word, in any order; Infinity when one lacks', () => {
    const meant = { complete: ['are', 'russians'], partial: 'mo' };
    expect(tightestSpan(['russians', 'are', 'more', 'afraid'], meant)).toBe(3);
    expect(tightestSpan(['more', 'x', 'russians', 'y', 'are', 'russians', 'are', 'moving'], meant)).toBe(3);
    expect(tightestSpan(['russians', 'are', 'less', 'afraid'], meant)).toBe(Infinity);
  });
});
