/** Quotation spans: from the opening mark to the closing one, nested quotations inside, open ones carried on. */
import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../../src/corpus/attribution/quotes.ts';

const spans = (text: string): string[] => findQuoteSpans(text, false).map((s) => text.slice(s.start, s.end));

describe('findQuoteSpans', () => {
  it('GIVEN a quotation inside a quotation written with the same curly marks THEN it is one span', () => {
    const text = '“I would rather live in what he calls “hell” than live in his world.” ― Ada Ruiz';
    expect(spans(text)).toEqual(['“I would rather live in what he calls “hell” than live in his world.”']);
  });

  it('GIVEN an opening mark with too few closing marks after it for nesting THEN the quotation before it ends there', () => {
    const text = '“We will stay the course. “Nobody leaves,” he said.';
    expect(spans(text)).toEqual(['“We will stay the course. ', '“Nobody leaves,”']);
  });

  it('GIVEN two quotations one after the other THEN they are two spans, and an unclosed last one is open', () => {
    const found = findQuoteSpans('“One two three four,” she said. “Five six seven', false);
    expect(found.map((s) => s.open)).toEqual([false, true]);
  });

  it('GIVEN a straight quotation mark right after a colon (a transcript: `Rep. Ted Gold:"I have …"`) THEN it opens a quotation', () => {
    const text = 'Rep. Ted Gold (R-S.C.):"I have not heard anyone other than you ever cite that figure."';
    expect(spans(text)).toEqual(['"I have not heard anyone other than you ever cite that figure."']);
  });
});
