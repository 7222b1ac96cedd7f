import { describe, expect, it } from 'vitest';
import { orderBySource } from '../../src/search/build.ts';
import type { Corpus, Passage } from '../../src/corpus/types.ts';
import { corpusOfSentences } from '../helpers/corpus.ts';
import { drain } from '../helpers/steps.ts';

describe('orderBySource', () => {
  const texts = Array.from({ length: 10_000 }, (_, i) => `Sentence number ${i} of the one source.`);

  it('GIVEN one source of 10,000 passages (a corpus in one file) THEN it checks and copies their order a slice at a time', () => {
    const corpus = corpusOfSentences(texts);
    const { value, pauses } = drain(orderBySource(corpus, new Int32Array(texts.length)));
    expect(value).toHaveLength(1);
    expect([...(value[0] ?? [])]).toEqual(texts.map((_, i) => i));
    // 10,000 passages checked, then copied, a pause after each 4,096 of either: never the whole source at once.
    expect(pauses).toBeGreaterThanOrEqual(4);
  });

  it('GIVEN passages out of text order (a corpus built by hand) THEN they come back in (paragraph, sentence) order', () => {
    const base = corpusOfSentences(texts.slice(0, 5));
    const order = [3, 0, 4, 1, 2];
    const corpus: Corpus = { ...base, passages: order.map((k) => base.passages[k] as Passage) };
    const { value } = drain(orderBySource(corpus, new Int32Array(order.length)));
    expect([...(value[0] ?? [])].map((i) => corpus.passages[i]?.sentenceIndex)).toEqual([0, 1, 2, 3, 4]);
  });
});
