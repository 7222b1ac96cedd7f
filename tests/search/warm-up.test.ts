import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/corpus/types.ts';
import { Library } from '../../src/library.ts';
import { QuoteIndex, type QuoteHit } from '../../src/search/engine.ts';
import {
  callsFrom,
  defaultWarmUp,
  FIRST_WARM_UP,
  misspell,
  NEXT_WARM_UP,
  planWarmUp,
  warmUpSteps,
} from '../../src/search/warm-up.ts';
import { relatedWordsDecoded } from '../../src/search/related/related-words.ts';
import { CORPUS_DIR, corpusOfSentences, realCorpus } from '../helpers/corpus.ts';
import { LABELLED_QUERIES } from './labelled-queries.ts';

const NO_LIMIT = { rounds: 60, budgetMs: Infinity };

/** What a user sees of an answer: which passages, in which order, with which scores. */
const shown = (hits: readonly QuoteHit[]) => hits.map((h) => `${h.passage.id} ${h.score}`);

describe('planWarmUp', () => {
  const corpus = corpusOfSentences([
    'Russia is unwilling to be the junior partner of China in any alliance.',
    'The pipeline deal signed in Shanghai was worth four hundred billion dollars.',
    'Too short.',
  ]);
  const [first, second, short] = corpus.passages;

  it('GIVEN a passage THEN every kind of query users send, made from its own words', () => {
    const calls = callsFrom(first!, second!);
    const searches = calls.filter((c) => c.kind === 'search').map((c) => c.text);
    // The middle five words, as written; the longest with one and with two edits, and cut short;
    // reordered; with a quoted phrase; with two words the passage does not hold (the second pass).
    expect(searches).toEqual([
      'be the junior partner of',
      'be the junior pratner of',
      'be the junior pratnr of',
      'be the junior partn of',
      'of partner junior the be',
      '"be the" junior partner of',
      'be the junior pipeline signed',
    ]);
    // Autocomplete, as the words are typed.
    expect(calls.filter((c) => c.kind === 'suggest').map((c) => c.text)).toEqual([
      'be t',
      'be the ju',
      'be the junior p',
      'be the junior partner ',
    ]);
    expect(callsFrom(short!, first!)).toEqual([]);
  });

  it('GIVEN a word THEN one edit swaps two letters, the second drops one near the end', () => {
    expect(misspell('strategic', 1)).toBe('srtategic');
    expect(misspell('strategic', 2)).toBe('srtategc');
    expect(misspell('the', 2)).toBe('the');
  });

  it('GIVEN more rounds than passages THEN each passage once; no passages or rounds THEN nothing', () => {
    // Each passage's stranger is the one half the corpus away; "Too short." lends no words, so no second-pass call.
    expect(planWarmUp(corpus.passages, 10)).toEqual([...callsFrom(first!, second!), ...callsFrom(second!, short!)]);
    expect(callsFrom(second!, short!).some((c) => c.text.includes('russia'))).toBe(false);
    expect(planWarmUp(corpus.passages, 0)).toEqual([]);
    expect(planWarmUp([], 5)).toEqual([]);
  });
});

describe('warmUpSteps', () => {
  it('GIVEN a budget THEN it stops once the budget has passed, after at least one call, and reports each call', () => {
    const corpus = corpusOfSentences(['One two three four five six seven.', 'Eight nine ten eleven twelve thirteen.']);
    const asked: string[] = [];
    const target = {
      search: (q: { text: string }) => asked.push(q.text),
      suggestQueries: (p: string) => asked.push(p),
    };
    let clock = 0;
    const reports: number[] = [];
    // The clock moves 5 "ms" per reading, two readings per call: calls start at 0, 10 and 20, and the fourth, at 30,
    // is past the budget of 25.
    const steps = warmUpSteps(
      target,
      corpus.passages,
      { rounds: 2, budgetMs: 25 },
      (r) => reports.push(r.calls),
      () => {
        const t = clock;
        clock += 5;
        return t;
      },
    );
    for (const _ of steps);
    expect(asked).toEqual(
      planWarmUp(corpus.passages, 2)
        .slice(0, 3)
        .map((c) => c.text),
    );
    expect(reports).toEqual(asked.map((_, i) => i + 1));
  });
});

describe('the index warm-up', () => {
  let corpus: Corpus;
  let cold: QuoteIndex;
  beforeAll(async () => {
    corpus = await realCorpus();
    cold = QuoteIndex.build(corpus, { warmUp: null });
  });

  it('GIVEN an index built with a warm-up THEN it ran, and every answer is the one an index without it gives', () => {
    // Nothing in this file has asked the second pass yet; the warm-up does, so a bot's first paraphrase query does not
    // pay for decoding the related-words table.
    expect(relatedWordsDecoded()).toBe(false);
    const warm = QuoteIndex.build(corpus, { warmUp: NO_LIMIT });
    expect(relatedWordsDecoded()).toBe(true);
    expect(cold.warmUpReport).toBeNull();
    const report = warm.warmUpReport;
    expect(report?.calls).toBe(planWarmUp(corpus.passages, NO_LIMIT.rounds).length);
    expect(report?.calls).toBeGreaterThan(100);
    // The seed corpus fits the fold cache: every passage is folded ahead of the first query.
    expect(report?.folded).toBe(corpus.passages.length);
    for (const { query } of LABELLED_QUERIES) {
      expect(shown(warm.search({ text: query })), query).toEqual(shown(cold.search({ text: query })));
      expect(shown(warm.suggestQueries(query.slice(0, 8))), query).toEqual(
        shown(cold.suggestQueries(query.slice(0, 8))),
      );
    }
  });

  it('GIVEN the sliced build THEN it warms up too, with the same answers', async () => {
    const warm = await QuoteIndex.buildAsync(corpus, { warmUp: { rounds: 5, budgetMs: Infinity } });
    expect(warm.warmUpReport?.calls).toBe(planWarmUp(corpus.passages, 5).length);
    for (const { query } of LABELLED_QUERIES)
      expect(shown(warm.search({ text: query })), query).toEqual(shown(cold.search({ text: query })));
  });

  it('GIVEN the default THEN after the first full warm-up in a process, later indexes take the short one', () => {
    defaultWarmUp();
    expect(defaultWarmUp()).toBe(NEXT_WARM_UP);
    expect(NEXT_WARM_UP.rounds).toBeLessThan(FIRST_WARM_UP.rounds);
    expect(QuoteIndex.build(corpus).warmUpReport?.planned).toBe(
      planWarmUp(corpus.passages, NEXT_WARM_UP.rounds).length,
    );
  });

  it('GIVEN the library THEN its index is warmed unless the caller turns it off (the console does)', async () => {
    const served = await Library.open(CORPUS_DIR);
    expect(served.state.index.warmUpReport?.calls).toBeGreaterThan(0);
    const console = await Library.open(CORPUS_DIR, { index: { warmUp: null } });
    expect(console.state.index.warmUpReport).toBeNull();
  });
});
