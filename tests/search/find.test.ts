import { beforeAll, describe, expect, it } from 'vitest';
import { describeError, quoteMissError } from '../../src/messages.ts';
import { QuoteIndex } from '../../src/search/engine.ts';
import { findQuotes, type QuoteOutcome } from '../../src/search/find.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { IDS, passageAt, realCorpus } from '../helpers/corpus.ts';

let corpus: Corpus;
let index: QuoteIndex;
beforeAll(async () => {
  corpus = await realCorpus();
  index = QuoteIndex.build(corpus);
});

function missOf(outcome: QuoteOutcome) {
  if (outcome.ok) throw new Error(`expected a miss, got ${outcome.hits.length} hits`);
  return outcome.miss;
}

describe('findQuotes', () => {
  it('GIVEN words that match THEN the hits, best first', () => {
    const outcome = findQuotes(index, { text: 'abandn zero sum mentalty', limit: 5 });
    expect(outcome.ok && outcome.hits[0]?.passage.id).toBe(passageAt(corpus, `${IDS.valuewalk}:1.2`)!.id);
    expect(outcome.ok && outcome.random).toBe(false);
  });

  it('GIVEN a source filter that names nothing THEN unknown-source with the closest sources', () => {
    const miss = missOf(findQuotes(index, { text: 'alliance', source: 'diplomatt magazine', limit: 5 }));
    expect(miss).toMatchObject({ kind: 'unknown-source', source: 'diplomatt magazine' });
    const none = missOf(findQuotes(index, { text: 'alliance', source: 'qqqq zzzz', limit: 5 }));
    expect(none).toMatchObject({ kind: 'unknown-source', suggestions: [] });
  });

  it('GIVEN a speaker nobody is THEN unknown-speaker, worded with the speaker echoed back', () => {
    const miss = missOf(findQuotes(index, { text: 'alliance', speaker: 'Zbigniew Brzezinski', limit: 5 }));
    expect(miss.kind).toBe('unknown-speaker');
    expect(describeError(quoteMissError(miss))).toMatch(/^Nobody called “Zbigniew Brzezinski” is quoted/);
  });

  it('GIVEN a speaker the corpus names but who never speaks THEN speaker-never-speaks, with or without words', () => {
    for (const text of ['alliance', '']) {
      const miss = missOf(findQuotes(index, { text, speaker: 'Putin', limit: 5 }));
      expect(miss).toEqual({ kind: 'speaker-never-speaks', speaker: 'Vladimir Putin' });
      expect(describeError(quoteMissError(miss))).toMatch(
        /^Vladimir Putin is named in the corpus but never speaks in it/,
      );
    }
  });

  it('GIVEN a speaker who does speak but not these words THEN still no-match, not speaker-never-speaks', () => {
    expect(missOf(findQuotes(index, { text: 'qwxzv plorkt', speaker: 'yan', limit: 5 })).kind).toBe('no-match');
  });

  it('GIVEN a misspelling THEN no-match with the correction; with a filter, the unfiltered count', () => {
    const miss = missOf(findQuotes(index, { text: 'muxtial', limit: 5 }));
    expect(miss).toMatchObject({ kind: 'no-match', query: 'muxtial', correction: 'mutual', unfiltered: 0 });
    const filtered = missOf(findQuotes(index, { text: 'zero sum mentality', speaker: 'yan', limit: 5 }));
    expect(filtered).toMatchObject({ kind: 'no-match', unfiltered: expect.any(Number) });
    if (filtered.kind !== 'no-match') throw new Error('unreachable');
    expect(filtered.unfiltered).toBeGreaterThan(0);
    expect(describeError(quoteMissError(filtered))).toContain('Without the source/speaker filter there');
  });

  it('GIVEN no words THEN a random pick that respects the filters', () => {
    const outcome = findQuotes(index, { text: '', speaker: 'yan', limit: 5, rng: () => 0.5 });
    expect(outcome.ok && outcome.random).toBe(true);
    expect(outcome.ok && outcome.hits[0]?.passage.voice.personId).toBe('yan-xuetong');
  });
});
