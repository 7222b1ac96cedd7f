import { describe, expect, it } from 'vitest';
import { findMatchingPrefix, findVerbatim, foldText } from '../../src/procon/verbatim.ts';

const body = 'Russia’s “strategic partner” — China.\n\nIt is  a win–win deal, says the desk.';

describe('verbatim matching', () => {
  it('folds quote styles, dashes and whitespace, and nothing else', () => {
    expect(foldText(body).text).toBe('Russia\'s "strategic partner" - China. It is a win-win deal, says the desk.');
  });

  it("GIVEN typographic differences THEN the excerpt is found and the span is the source's own characters", () => {
    const span = findVerbatim(body, `Russia's "strategic partner" - China.   It is a win-win deal`);
    expect(span).not.toBeNull();
    if (!span) return;
    expect(body.slice(span.offset, span.offset + span.length)).toBe(
      'Russia’s “strategic partner” — China.\n\nIt is  a win–win deal',
    );
  });

  it.each([
    ['a changed word', 'It is a lose-win deal'],
    ['a change of case', 'it is a win-win deal'],
    ['a dropped comma', 'a win-win deal says the desk'],
    ['a start inside a word', 'ussia\'s "strategic partner"'],
    ['an end inside a word', 'says the des'],
  ])('GIVEN %s THEN it is not found', (_what, excerpt) => {
    expect(findVerbatim(body, excerpt)).toBeNull();
  });

  it('GIVEN a word that also occurs inside another word THEN the whole-word occurrence is used', () => {
    const text = 'Partnership matters. A partner matters.';
    expect(findVerbatim(text, 'partner matters')?.offset).toBe(text.indexOf('partner matters'));
  });

  it('GIVEN an excerpt that drifts THEN the matching words before the drift are reported', () => {
    expect(findMatchingPrefix(body, 'It is a win-win deal, says the editor')).toBe('It is a win-win deal, says the');
    expect(findMatchingPrefix(body, 'Nothing of the sort')).toBe('');
  });
});
