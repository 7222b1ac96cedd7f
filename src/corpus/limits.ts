/**
 * Resource limits on corpus input. Whatever an admin (or a bad paste, or a stray file) puts in corpus/, a
 * reload stays bounded in time and memory: anything past a limit is a refused reload naming the file and the
 * limit, and the old corpus keeps serving. Each limit is a configuration variable (src/config.ts,
 * .env.example); the defaults leave room for book-length sources and thousands of comments.
 */
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
