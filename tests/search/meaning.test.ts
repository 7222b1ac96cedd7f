import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/corpus/types.ts';
import { QuoteIndex } from '../../src/search/engine.ts';
import { Meaning, needsSecondPass } from '../../src/search/meaning.ts';
import { SEARCH_OPTIONS as O } from '../../src/search/options.ts';
import { RelatedWords, relatedWords, type RelatedWord } from '../../src/search/related/related-words.ts';
import { TermIndexBuilder } from '../../src/search/term-index-builder.ts';
import { runAtOnce } from '../../src/util/yield.ts';
import { realCorpus } from '../helpers/corpus.ts';
import { tinyTable } from '../helpers/related.ts';

/** The committed table, counting how often the second pass asks it for related words. */
class CountingTable extends RelatedWords {
  asked = 0;
  override related(word: string): readonly RelatedWord[] {
    this.asked += 1;
    return super.related(word);
  }
}

const candidate = (index: number, matched: number) => ({ index, matched, score: 1, proximity: 0 });

describe('needsSecondPass', () => {
  it('GIVEN a best match lacking fewer than two counted words THEN no; two or more, or no match at all THEN yes', () => {
    const scored = [candidate(7, 3), candidate(9, 1)];
    expect(needsSecondPass(scored, 7, 4)).toBe(false);
    expect(needsSecondPass(scored, 7, 5)).toBe(true);
    expect(needsSecondPass(scored, 9, 2)).toBe(false);
    expect(needsSecondPass([], undefined, 2)).toBe(true);
    expect(needsSecondPass([], undefined, 1)).toBe(false);
  });
});

describe('Meaning', () => {
  // brother ≈ sibling (cosine 0.71) ≈ partner; field is a little like brother (0.32, below the bar); cake is not.
  const table = new RelatedWords(
    tinyTable(
      { brother: [127, 0], sibling: [90, 90], partner: [110, 63], cake: [0, -127], field: [40, -120] },
      '1 0 71',
    ),
  );
  const terms = () => {
    const builder = new TermIndexBuilder();
    builder.add(0, ['junior', 'brother']);
    builder.add(1, ['cake', 'partner']);
    builder.add(2, ['field']);
    return runAtOnce(builder.finish(4));
  };
  const meaning = new Meaning(table, terms());

  it('GIVEN a query word the passage holds THEN it counts 1; a close word counts its similarity; a far or unknown one 0', () => {
    expect(meaning.alignment(['brother'], 0)).toBe(1);
    expect(meaning.alignment(['sibling'], 0)).toBeCloseTo((90 * 127) / 127 ** 2, 5);
    expect(meaning.alignment(['cake'], 0)).toBe(0);
    expect(meaning.alignment(['qwxzv'], 0)).toBe(0);
    expect(meaning.alignment(['brother', 'cake'], 0)).toBe(0.5);
  });

  it('GIVEN a passage word above the bar THEN its similarity counts; one below the bar counts nothing', () => {
    const partnerToSibling = table.similarity('sibling', 'partner') ?? 0;
    expect(partnerToSibling).toBeGreaterThanOrEqual(O.meaning.minSimilarity);
    expect(meaning.alignment(['sibling'], 1)).toBeCloseTo(partnerToSibling, 5);
    const fieldToBrother = table.similarity('brother', 'field') ?? 0;
    expect(fieldToBrother).toBeGreaterThan(0.3);
    expect(fieldToBrother).toBeLessThan(O.meaning.minSimilarity);
    expect(meaning.alignment(['brother'], 2)).toBe(0);
  });

  it('weighs a related word below a one-edit typo, in proportion to its similarity', () => {
    expect(meaning.relatedTo('sibling')).toEqual([{ word: 'brother', weight: O.meaning.relatedWeight * 0.71 }]);
    const real = new Meaning(relatedWords(), terms());
    for (const word of ['enormous', 'dispute', 'america', 'blocked', 'ally'])
      for (const r of real.relatedTo(word)) expect(r.weight).toBeLessThan(O.weights.fuzzy);
  });
});

describe('the second pass on the real corpus', () => {
  let corpus: Corpus;
  let counting: CountingTable;
  let withSecond: QuoteIndex;
  let firstOnly: QuoteIndex;
  const texts = (index: QuoteIndex, text: string) => index.search({ text, limit: 5 }).map((h) => h.passage.text);
  beforeAll(async () => {
    corpus = await realCorpus();
    const { default: data } = await import('../../src/search/related/related-words.json', { with: { type: 'json' } });
    counting = new CountingTable(data);
    withSecond = QuoteIndex.build(corpus, { related: counting });
    firstOnly = QuoteIndex.build(corpus, { related: null });
  });

  it('GIVEN queries whose best match holds their words THEN it never runs: the same answers as the first pass', () => {
    for (const text of ['lacks common identity and mutual trust', 'abandn zero sum mentalty', 'junior partner']) {
      const before = counting.asked;
      expect(texts(withSecond, text)).toEqual(texts(firstOnly, text));
      expect(counting.asked, text).toBe(before);
    }
  });

  it('GIVEN the gist in other words THEN it finds the passage first, where the first pass alone does not', () => {
    const text = 'beijing could get pulled into a needless conflict by moscow';
    const before = counting.asked;
    expect(texts(firstOnly, text)[0] ?? '').not.toContain('dragged into an unnecessary war');
    expect(texts(withSecond, text)[0] ?? '').toContain('dragged into an unnecessary war');
    expect(counting.asked).toBeGreaterThan(before);
  });

  it('GIVEN a query about something the corpus never discusses THEN still nothing', () => {
    expect(texts(withSecond, 'best chocolate cake recipe')).toEqual([]);
  });

  it('GIVEN garbled words around one real word THEN what the first pass found stands', () => {
    const text = 'qwxzv plorkt mutual';
    expect(texts(firstOnly, text).length).toBeGreaterThan(0);
    expect(texts(withSecond, text)).toEqual(texts(firstOnly, text));
  });

  it('GIVEN autocomplete THEN it stays on the first pass', () => {
    const before = counting.asked;
    withSecond.suggestQueries('beijing could get pulled into a needless conflict');
    expect(counting.asked).toBe(before);
  });
});
