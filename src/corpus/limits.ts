/**
 * Resource limits on corpus input. Whatever an admin (or a bad paste, or a stray file) puts in corpus/, a
 * reload stays bounded in time and memory: anything past a limit is a refused reload naming the file and the
 * limit, and the old corpus keeps serving. Each limit is a configuration variable (src/config.ts,
 * .env.example); the defaults leave room for book-length sources and thousands of comments.
 */
import { truncate } from '../text/truncate.ts';

export interface CorpusLimits {
  /** Bytes in any one corpus file. A book is 1–2 MB; 50 MB of pasted bytes once exhausted the heap. */
  readonly maxFileBytes: number;
  /** Files in each corpus folder (sources/, comments/, topics/). */
  readonly maxFiles: number;
  /**
   * Characters in one paragraph (lines joined by single newlines). Sentence splitting grows faster than the
   * paragraph: a 1 MB "paragraph" (an article pasted without blank lines) ran the process out of heap.
   */
  readonly maxParagraphChars: number;
  /** Characters in one sentence: a quote must fit one Discord embed (4,096) with room for its markers. */
  readonly maxSentenceChars: number;
  /** Entries in people.yaml. */
  readonly maxPeople: number;
  /** Comments in one comments file. */
  readonly maxComments: number;
  /** A reload still running after this long is refused (a stalled mount, a file that never finishes opening). */
  readonly reloadTimeoutMs: number;
}

export const DEFAULT_LIMITS: CorpusLimits = Object.freeze({
  maxFileBytes: 8_000_000,
  maxFiles: 2_000,
  maxParagraphChars: 10_000,
  maxSentenceChars: 3_000,
  maxPeople: 2_000,
  maxComments: 5_000,
  reloadTimeoutMs: 60_000,
});

/** The configuration variable that sets each limit, named in refusals so an admin knows what to change. */
export const LIMIT_VARIABLES: Readonly<Record<keyof CorpusLimits, string>> = Object.freeze({
  maxFileBytes: 'CORPUS_MAX_FILE_BYTES',
  maxFiles: 'CORPUS_MAX_FILES',
  maxParagraphChars: 'CORPUS_MAX_PARAGRAPH_CHARS',
  maxSentenceChars: 'CORPUS_MAX_SENTENCE_CHARS',
  maxPeople: 'CORPUS_MAX_PEOPLE',
  maxComments: 'CORPUS_MAX_COMMENTS',
  reloadTimeoutMs: 'RELOAD_TIMEOUT_MS',
});

/** `the limit of 10,000 (CORPUS_MAX_PARAGRAPH_CHARS)`, for problem messages. */
export function describeLimit(limits: CorpusLimits, which: keyof CorpusLimits): string {
  return `the limit of ${limits[which].toLocaleString('en-US')} (${LIMIT_VARIABLES[which]})`;
}

/** The opening words of a long text, for a problem message that lets an admin find the place. */
function opening(text: string): string {
  return truncate(text.slice(0, 200).replace(/\s+/g, ' ').trim(), 60);
}

/**
 * Adds a problem for each paragraph longer than `limits.maxParagraphChars` (at most three, then a count); false
 * when there was one. Runs before sentence splitting, whose cost grows faster than the paragraph.
 */
export function checkParagraphLengths(
  file: string,
  paragraphs: readonly { readonly text: string }[],
  limits: CorpusLimits,
  problems: { file: string; field: string | null; message: string; fix: string }[],
): boolean {
  const over = paragraphs.flatMap((p, i) => (p.text.length > limits.maxParagraphChars ? [i] : []));
  for (const i of over.slice(0, 3)) {
    const text = paragraphs[i]?.text ?? '';
    problems.push({
      file,
      field: 'body',
      message: `paragraph ${i + 1} (“${opening(text)}”) is ${text.length.toLocaleString('en-US')} characters, over ${describeLimit(limits, 'maxParagraphChars')}`,
      fix: 'separate its paragraphs with a blank line (lines joined by a single newline are one paragraph), or raise the limit',
    });
  }
  if (over.length > 3)
    problems.push({ file, field: 'body', message: `${over.length - 3} more paragraphs are over the limit too`, fix: 'as above' });
  return over.length === 0;
}

/** Adds a problem for each sentence longer than `limits.maxSentenceChars` (at most three); false when there was one. */
export function checkSentenceLengths(
  file: string,
  sentences: readonly string[],
  limits: CorpusLimits,
  problems: { file: string; field: string | null; message: string; fix: string }[],
): boolean {
  const over = sentences.filter((s) => s.length > limits.maxSentenceChars);
  for (const sentence of over.slice(0, 3)) {
    problems.push({
      file,
      field: 'body',
      message: `a sentence (“${opening(sentence)}”) is ${sentence.length.toLocaleString('en-US')} characters, over ${describeLimit(limits, 'maxSentenceChars')}`,
      fix: 'check for a missing full stop or pasted data; a quote must fit one Discord message',
    });
  }
  if (over.length > 3)
    problems.push({ file, field: 'body', message: `${over.length - 3} more sentences are over the limit too`, fix: 'as above' });
  return over.length === 0;
}
