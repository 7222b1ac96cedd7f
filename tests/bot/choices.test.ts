import { beforeAll, describe, expect, it } from 'vitest';
import { quoteChoices, sourceChoices, speakerChoices, topicChoices } from '../../src/bot/render/choices.ts';
import { makeTopic } from '../procon/topics.ts';
import { PASSAGE_ID_PREFIX, QuoteIndex } from '../../src/search/engine.ts';
import { IDS, realCorpus } from '../helpers/corpus.ts';

let index: QuoteIndex;
beforeAll(async () => {
  index = QuoteIndex.build(await realCorpus());
});

describe('autocomplete choices', () => {
  it('GIVEN suggestions for every option THEN at most 25 choices, names of 1–100 characters, values ≤ 100', () => {
    for (const choices of [
      quoteChoices(index.suggestQueries('china', 50)),
      quoteChoices(index.suggestQueries('', 25)),
      sourceChoices(index.suggestSources('', 25)),
      speakerChoices(index.suggestSpeakers('w', 25)),
    ]) {
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('GIVEN a long passage THEN its choice is "Speaker: words…" cut at a word, and selects it by id', () => {
    const [choice] = quoteChoices(index.suggestQueries('zero sum', 1));
    expect(choice?.value).toBe(`${PASSAGE_ID_PREFIX}${IDS.valuewalk}:1.2`);
    expect(choice?.name).toMatch(/^Qu Xing: .*\S…$/);
    const passage = index.search({ text: choice?.value ?? '' })[0]?.passage.text ?? '';
    const shown = (choice?.name ?? '').slice('Qu Xing: '.length, -1);
    expect(passage.startsWith(shown)).toBe(true);
    expect(passage[shown.length]).toBe(' ');
  });

  it('GIVEN a person and a source THEN they read "Name — role" and "Publication — Title"', () => {
    expect(speakerChoices(index.suggestSpeakers('feng', 1))[0]?.name).toMatch(/^Huiyun Feng — \S/);
    expect(sourceChoices(index.suggestSources('insider', 1))[0]?.name).toMatch(/^Russia Insider — /);
  });

  it('GIVEN topics with long questions THEN names are "id — question" of 1–100 characters cut at a word', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      makeTopic(`topic-${String(i).padStart(2, '0')}`, {
        question: `${'Would a very long question '.repeat(8)}number ${i}?`,
      }),
    );
    const choices = topicChoices(many);
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.startsWith(`${c.value} — Would a very long question`)).toBe(true);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.name.endsWith('…')).toBe(true);
      expect(c.name.slice(0, -1).endsWith(' ')).toBe(false);
    }
  });
});
