/** The shared wording of bylines and kinds, as the console and Discord both show it. */
import { describe, expect, it } from 'vitest';
import { formatByline, formatBylineAndKind, formatKind } from '../src/present.ts';

describe('byline and kind', () => {
  it('GIVEN a named author THEN "by <name>"; none THEN "author not named", never a guess', () => {
    expect(formatByline({ author: 'Miriam Okafor' })).toBe('by Miriam Okafor');
    expect(formatByline({ author: null })).toBe('author not named');
  });

  it('GIVEN a plain article THEN no kind is named; other kinds are', () => {
    expect(formatKind({ kind: 'article' })).toBeNull();
    expect(formatBylineAndKind({ author: null, kind: 'article' })).toBe('author not named');
    expect(formatBylineAndKind({ author: 'Miriam Okafor', kind: 'opinion' })).toBe('by Miriam Okafor · opinion');
    expect(formatBylineAndKind({ author: null, kind: 'blog' })).toBe('author not named · blog post');
    expect(formatBylineAndKind({ author: null, kind: 'essay' })).toBe('author not named · essay');
    expect(formatBylineAndKind({ author: null, kind: 'reader-comments' })).toBe('author not named · reader comment');
  });
});
