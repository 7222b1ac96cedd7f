/**
 * Finding an excerpt in a source body "verbatim, typography aside": curly and straight quotes are the same,
 * every dash is a hyphen, any run of whitespace is one space. Nothing else is forgiven — not case, not a word,
 * not punctuation — so a summary cannot drift from what the source says.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/u;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/u;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/u;
const SPACE = /\s/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Text folded for comparison, with the original index of every folded character. */
export interface FoldedText {
  readonly text: string;
  /** `map[i]` is the index in the original of folded character `i`. */
  readonly map: readonly number[];
}

/** Folds quote styles, dashes and whitespace; leading and trailing whitespace is dropped. */
export function foldText(original: string): FoldedText {
  let text = '';
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < original.length; i++) {
    const ch = original.charAt(i);
    if (SPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    text += SINGLE_QUOTES.test(ch) ? "'" : DOUBLE_QUOTES.test(ch) ? '"' : DASHES.test(ch) ? '-' : ch;
    map.push(i);
  }
  return { text, map };
}

/** Where an excerpt sits in the original text. */
export interface VerbatimSpan {
  readonly offset: number;
  readonly length: number;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/**
 * Finds the first occurrence of `excerpt` in `body` that starts and ends on word boundaries, after folding both.
 * Returns the span in `body`'s own characters, or null.
 */
export function findVerbatim(body: string | FoldedText, excerpt: string): VerbatimSpan | null {
  const folded = typeof body === 'string' ? foldText(body) : body;
  const needle = foldText(excerpt).text;
  if (needle.length === 0) return null;
  const startsWithWord = isWordChar(needle.charAt(0));
  const endsWithWord = isWordChar(needle.charAt(needle.length - 1));
  let from = 0;
  for (;;) {
    const at = folded.text.indexOf(needle, from);
    if (at < 0) return null;
    const end = at + needle.length;
    const cleanStart = !startsWithWord || !isWordChar(folded.text[at - 1]);
    const cleanEnd = !endsWithWord || !isWordChar(folded.text[end]);
    if (cleanStart && cleanEnd) {
      const offset = folded.map[at] ?? 0;
      const last = folded.map[end - 1] ?? offset;
      return { offset, length: last + 1 - offset };
    }
    from = at + 1;
  }
}

/**
 * How much of the excerpt does match, to tell an admin where it starts to differ: the longest folded prefix found
 * in the body, returned as the excerpt's matching words. Empty when not even the first words are in the source.
 */
export function findMatchingPrefix(body: string | FoldedText, excerpt: string): string {
  const folded = typeof body === 'string' ? foldText(body) : body;
  const needle = foldText(excerpt).text;
  let lo = 0;
  let hi = needle.length;
  // Prefix presence is monotonic (a prefix of a present string is present), so binary search applies.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (folded.text.includes(needle.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const prefix = needle.slice(0, lo);
  const lastSpace = prefix.lastIndexOf(' ');
  return lo === needle.length ? prefix : lastSpace > 0 ? prefix.slice(0, lastSpace) : '';
}
