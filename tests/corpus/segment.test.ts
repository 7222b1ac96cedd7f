import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/segment.ts';

const texts = (paragraph: string) => splitSentences(paragraph).map((s) => s.text);

describe('splitSentences', () => {
  it('GIVEN abbreviations such as U.S., U.N., Mr. and Gen. THEN they do not end a sentence', () => {
    expect(texts('Mr. Smith met Gen. Lee at the U.N. today. Russians fear the U.S. more than the Islamic State.')).toEqual([
      'Mr. Smith met Gen. Lee at the U.N. today.',
      'Russians fear the U.S. more than the Islamic State.',
    ]);
  });
  it('GIVEN a quotation with sentences inside THEN the quotation stays in one sentence', () => {
    expect(texts('He said “It is over. Really.” Then he left.')).toEqual(['He said “It is over. Really.”', 'Then he left.']);
  });
  it('GIVEN a quote ending in a comma inside the marks THEN the attribution stays with it', () => {
    expect(texts('“We coordinate on many issues,” Wang said on Friday. Then more.')).toEqual(['“We coordinate on many issues,” Wang said on Friday.', 'Then more.']);
  });
  it('GIVEN a real sentence end after U.S. followed by a capital THEN it splits there', () => {
    expect(texts('a message to Japan and the U.S. This also indicates a shift.')).toEqual(['a message to Japan and the U.S.', 'This also indicates a shift.']);
  });
  it('THEN every span is verbatim at its offset', () => {
    const paragraph = '  First one.  Second “quoted. part” here. Third!';
    for (const span of splitSentences(paragraph)) expect(paragraph.slice(span.start, span.start + span.text.length)).toBe(span.text);
  });
  it('GIVEN a long quotation closed by a cue with a title ("asked Sen. Maria Cantwell") THEN the title does not end it', () => {
    const paragraph =
      '“It’s complicated. Congress-people, do you want them at a convention? How do they get to one? Do you want them to run against somebody?” asked Sen. Maria Cantwell of Washington, who is open to reform.';
    expect(texts(paragraph)).toEqual([paragraph]);
  });
  it('GIVEN an unclosed quotation mark THEN it cannot swallow more than a few sentences', () => {
    const paragraph = `He said “this never closes. ${Array.from({ length: 10 }, (_, i) => `Sentence ${i}.`).join(' ')}`;
    expect(texts(paragraph).length).toBeGreaterThan(3);
  });
});
