import { describe, expect, it } from 'vitest';
import { buildParts } from '../../src/search/build.ts';
import { candidateKey, collect, Scratch } from '../../src/search/collect.ts';
import { proximity } from '../../src/search/proximity.ts';
import { topK } from '../../src/search/top-k.ts';
import { QuoteIndex } from '../../src/search/engine.ts';
import { runAtOnce } from '../../src/util/yield.ts';
import { SEARCH_OPTIONS } from '../../src/search/options.ts';
import { corpusOfSentences } from '../helpers/corpus.ts';

describe('the word being typed', () => {
  // More short words starting with "pre" than prefix expansion takes, none of them beside "question".
  const shortCompletions = Array.from(
    { length: SEARCH_OPTIONS.prefixLimit + 6 },
    (_, i) =>
      `Notes on the pre${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} file.`,
  );
  const questions = Array.from({ length: 40 }, (_, i) => `A question number ${i + 1} about something else.`);
  const target = 'A more fundamental question, however, pressures for China and Russia.';

  it('GIVEN a short prefix with many completions THEN the passage completing it beside the other words comes first', () => {
    const index = QuoteIndex.build(corpusOfSentences([...shortCompletions, ...questions, target]));
    expect(index.suggestQueries('question however pre', 25)[0]?.passage.text).toBe(target);
    expect(index.suggestQueries('question p', 25)[0]?.passage.text).toBe(target);
  });

  it('GIVEN only the word being typed THEN it still finds passages by its shortest completions alone', () => {
    const index = QuoteIndex.build(corpusOfSentences([...shortCompletions, target]));
    expect(index.suggestQueries('pre', 25).length).toBeGreaterThan(0);
  });
});

describe('frequent words', () => {
  const filler = Array.from(
    { length: SEARCH_OPTIONS.frequent.minPassages + 200 },
    (_, i) => `China and the partner number ${i} met again.`,
  );

  /** How many passages collection touched for `words`. */
  function touchedFor(texts: readonly string[], words: readonly string[]): number {
    const corpus = corpusOfSentences(texts);
    const parts = runAtOnce(buildParts(corpus));
    const sources = parts;
    const request = { words, minor: [], sequence: words, lastWord: undefined, allowed: () => true, take: 30 };
    const scratch = new Scratch(texts.length);
    collect(sources, scratch, request, texts.length);
    return scratch.count;
  }

  it('GIVEN a rare query word THEN collection touches only the passages holding it, not every frequent one', () => {
    const rare = Array.from({ length: 40 }, (_, i) => `China found blorptastic partner number ${i}.`);
    expect(touchedFor([...filler, ...rare], ['china', 'blorptastic', 'partner'])).toBe(rare.length);
  });

  it('GIVEN only frequent words THEN the passages holding them are still found', () => {
    const index = QuoteIndex.build(corpusOfSentences(filler));
    expect(index.search({ text: 'china partner number 7', limit: 3 })[0]?.passage.text).toBe(filler[7]);
  });

  describe('GIVEN a large corpus where every query word is frequent', () => {
    const budget = SEARCH_OPTIONS.frequent.touchBudget;
    const pool = 30 * SEARCH_OPTIONS.proximityPoolFactor;

    it('THEN the rarest word alone adds passages when the two rarest together pass the touch budget', () => {
      // "alpha" in 0.6 × budget passages, "beta" in 0.7 × budget others: together past the budget.
      const alpha = Array.from({ length: Math.ceil(budget * 0.6) }, (_, i) => `Alpha report ${i}.`);
      const beta = Array.from({ length: Math.ceil(budget * 0.7) }, (_, i) => `Beta report ${i}.`);
      const both = 'Alpha and beta report together.';
      const texts = [...alpha, ...beta, both];
      expect(touchedFor(texts, ['alpha', 'beta'])).toBe(alpha.length + 1);
      const index = QuoteIndex.build(corpusOfSentences(texts));
      expect(index.search({ text: 'beta alpha', limit: 1 })[0]?.passage.text).toBe(both);
    });

    it('THEN past the budget only passages holding two query words stay candidates, when enough do', () => {
      // Both words in more passages than the budget, so even the rarest alone touches too many.
      const gamma = Array.from({ length: budget }, (_, i) => `Gamma item ${i}.`);
      const delta = Array.from({ length: budget + 50 }, (_, i) => `Delta item ${i}.`);
      const both = Array.from({ length: pool + 10 }, (_, i) => `Gamma with delta ${i}.`);
      expect(touchedFor([...gamma, ...delta, ...both], ['gamma', 'delta'])).toBe(both.length);
      // Too few passages hold both: the candidates stay as they were rather than leave fewer than the pool.
      const few = both.slice(0, 5);
      expect(touchedFor([...gamma, ...delta, ...few], ['gamma', 'delta'])).toBe(gamma.length + few.length);
    });
  });
});

describe('GIVEN a corpus of frequent and rare words, and random queries over it', () => {
  // Words held by most passages are only checked against the passages rarer words found; through a bitmap that
  // is a test per candidate instead of a walk along the postings. Both must give the same candidates and scores.
  let state = 7;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const common = ['china', 'russia', 'alliance', 'partner', 'against', 'economic'];
  const rare = Array.from({ length: 300 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}x`);
  const stop = ['the', 'of', 'and', 'is'];
  const texts = Array.from({ length: 3000 }, () => {
    const words: string[] = [];
    for (let i = 0; i < 8; i++) {
      const pick = next(10);
      words.push(
        pick < 5
          ? (common[next(common.length)] as string)
          : pick < 8
            ? (rare[next(rare.length)] as string)
            : (stop[next(stop.length)] as string),
      );
    }
    return `${words.join(' ')}.`;
  });
  const corpus = corpusOfSentences(texts);
  // Every term gets a bitmap, so that frequent words and stop words all take the bitmap path when asked to.
  const parts = runAtOnce(buildParts(corpus, 0));
  const queries = Array.from({ length: 60 }, () => {
    const length = 2 + next(5);
    return Array.from({ length }, () => {
      const pick = next(10);
      const word =
        pick < 5
          ? (common[next(common.length)] as string)
          : pick < 8
            ? (rare[next(rare.length)] as string)
            : (stop[next(stop.length)] as string);
      // Some typos and half-typed words, so a word stands for several terms.
      return pick === 1 ? word.slice(0, -1) : pick === 2 ? `${word.slice(0, 2)}${word.slice(3)}` : word;
    });
  });

  function requestFor(words: readonly string[]) {
    const counted = words.filter((w) => !stop.includes(w));
    return {
      words: counted.length > 0 ? [...new Set(counted)] : [...new Set(words)],
      minor: counted.length > 0 ? [...new Set(words.filter((w) => stop.includes(w)))] : [],
      sequence: words,
      lastWord: words.at(-1),
      allowed: () => true,
      take: 30,
    };
  }

  function collectWith(bitmapCost: number, words: readonly string[]) {
    return collect(parts, new Scratch(texts.length, bitmapCost), requestFor(words), texts.length);
  }

  it('GIVEN random queries THEN the candidates are those measuring the proximity of the whole pool gives', () => {
    // The reference: every candidate of the pool measured, as before proximity was skipped where it cannot matter.
    for (const words of queries) {
      const scratch = new Scratch(texts.length);
      const request = requestFor(words);
      const got = collect(parts, scratch, request, texts.length);
      const touched = Array.from({ length: scratch.count }, (_, k) => scratch.touched(k));
      let best = 0;
      for (const p of touched) best = Math.max(best, scratch.score(p));
      const n = request.words.length;
      const keyOf = (p: number) => candidateKey(scratch.matched(p), scratch.score(p), n, best);
      const pool = topK(
        touched.length,
        (k) => touched[k] ?? -1,
        keyOf,
        request.take * SEARCH_OPTIONS.proximityPoolFactor,
      );
      const allBits = 2 ** (n + request.minor.length) - 1;
      const expected = pool
        .map((p) => ({
          index: p,
          score: scratch.score(p),
          matched: scratch.matched(p),
          proximity: proximity(parts.terms.termsOf(p), scratch.wordsOfTerm, allBits),
        }))
        .map((c) => ({ c, key: candidateKey(c.matched, c.score, n, best, c.proximity) }))
        .sort((a, b) => b.key - a.key || a.c.index - b.c.index)
        .slice(0, request.take)
        .map((f) => f.c);
      expect(got).toEqual(expected);
    }
  });

  it('GIVEN random queries THEN walking postings and testing bitmaps give the same candidates and scores', () => {
    let deferred = 0;
    for (const words of queries) {
      const postings = collectWith(Infinity, words);
      expect(collectWith(0, words)).toEqual(postings);
      if (words.some((w) => common.includes(w)) && words.some((w) => rare.includes(w))) deferred++;
    }
    // The property is only worth something if queries mixing rare and frequent words were among them.
    expect(deferred).toBeGreaterThan(10);
    expect(SEARCH_OPTIONS.frequent.minPassages).toBeLessThan(texts.length / 2);
  });
});
