import { describe, expect, it } from 'vitest';
import { cutAtWord, truncate } from '../../src/text/truncate.ts';

describe('truncate', () => {
  it('GIVEN text that fits THEN it is unchanged', () => {
    expect(truncate('short', 12)).toBe('short');
  });

  it('GIVEN a long heading THEN it ends at a word with an ellipsis, within the limit', () => {
    expect(truncate('alpha beta gamma', 12)).toBe('alpha beta…');
    const long = 'the quick brown fox jumps over the lazy dog '.repeat(5);
    const cut = truncate(long, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long.charAt(cut.length - 1)).toBe(' ');
  });

  it('GIVEN no space late enough THEN it cuts mid-word rather than waste the room', () => {
    expect(truncate('a abcdefghijklmnopqrstuvwxyz', 10)).toBe('a abcdefg…');
  });

  it('GIVEN an escape or a surrogate pair at the cut THEN neither is split', () => {
    expect(truncate('abc\\*def', 5)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(cutAtWord('ab \\\\ cd', 5)).toBe(5);
  });
});
