import { describe, expect, it } from 'vitest';
import { QuoteIndex } from '../../src/search/engine.ts';
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
