/**
 * Direct quotations as spans of a paragraph, from the opening mark to the closing one, across sentences. A
 * paragraph that ends inside an open quotation continues into the next when that one opens with a quotation
 * mark (the news convention for a quotation of several paragraphs).
 */

import type { Voice } from '../types.ts';
import type { SentenceSpan } from '../segment.ts';
import { NAME_RUN, parseNamePhrase, sameSpeaker } from './names.ts';
import { cueAfter } from './cues.ts';

export interface QuoteSpan {
  /** Offset of the opening mark in the paragraph (0 for a quotation continued from the paragraph before). */
  readonly start: number;
  /** Offset just after the closing mark, or the paragraph's length when the quotation is still open. */
  readonly end: number;
  /** The quotation began in an earlier paragraph. */
  readonly continued: boolean;
  /** The paragraph ends before the quotation closes. */
  readonly open: boolean;
  /** Words inside the marks. */
  readonly words: number;
}

/** The fewest words that make a quotation someone's words rather than a scare-quoted phrase ("so-called"). */
export const MIN_QUOTE_WORDS = 4;

const countWords = (text: string): number => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;

/**
 * A name in quotation marks ("New Silk Road economic corridor", "Make America Great Again") rather than anyone's
 * words: most words capitalised and no sentence punctuation inside.
 */
export function isQuotedName(text: string): boolean {
  const inner = text.replace(/^[“"]|[”"]$/g, '');
  if (/[.!?;:,]/.test(inner)) return false;
  const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return words.length > 0 && capitalised * 2 > words.length;
}

function isOpeningStraight(text: string, at: number): boolean {
  const before = at === 0 ? ' ' : (text[at - 1] ?? ' ');
  const after = text[at + 1] ?? ' ';
  if (/\s/.test(after)) return false;
  return /[\s([—–:-]/.test(before) || at === 0;
}

/**
 * The quotation spans of one paragraph. `continuing` says the paragraph before ended inside a quotation; it
 * carries on here only if this paragraph opens with a quotation mark.
 */
export function findQuoteSpans(text: string, continuing: boolean): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const lead = text.length - text.trimStart().length;
  const opensWithMark = /^[“"]/.test(text.trimStart());
  let start = -1;
  let continued = false;
  const close = (end: number, open: boolean): void => {
    if (start < 0) return;
    spans.push({ start, end, continued, open, words: countWords(text.slice(start, end)) });
    start = -1;
    continued = false;
  };
  // Closing minus opening curly marks still to come after each offset, counted the first time an opening mark
  // stands inside an open quotation: one written with the same marks (“… what he calls “hell” than …”) nests
  // when enough closing marks follow for both.
  let unmatchedAfter: Int32Array | null = null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') {
      // A typo'd closing mark ("…here,“ said Smith"): punctuation before it, a space or the end after it.
      if (start >= 0 && i > start + 1 && /[,.!?]/.test(text[i - 1] ?? '') && /^(?:\s|$)/.test(text.slice(i + 1, i + 2))) {
        close(i + 1, false);
        continue;
      }
      if (start >= 0 && ((unmatchedAfter ??= closersMinusOpeners(text))[i + 1] ?? 0) >= depth + 2) {
        depth++;
        continue;
      }
      if (start >= 0 && !(continuing && i === lead && spans.length === 0)) close(i, false);
      if (start < 0) {
        start = i;
        continued = continuing && opensWithMark && i === lead;
      }
    } else if (ch === '”') {
      if (depth > 0) depth--;
      else if (start >= 0) close(i + 1, false);
    } else if (ch === '"') {
      if (start < 0 && isOpeningStraight(text, i)) {
        start = i;
        continued = continuing && opensWithMark && i === lead;
      } else if (start >= 0 && i > start) close(i + 1, false);
    }
  }
  close(text.length, true);
  return spans;
}

/** Closing minus opening curly marks at or after each offset of `text` (one entry past the end). */
function closersMinusOpeners(text: string): Int32Array {
  const counts = new Int32Array(text.length + 1);
  for (let i = text.length - 1; i >= 0; i--) counts[i] = (counts[i + 1] ?? 0) + (text[i] === '”' ? 1 : text[i] === '“' ? -1 : 0);
  return counts;
}

/** Whether the sentences a quotation spans hold nothing but it: no cue that failed, no other words of the source. */
export function bareQuotation(text: string, sentences: readonly SentenceSpan[], span: QuoteSpan): boolean {
  const spanned = sentences.filter((s) => s.start < span.end && span.start < s.start + s.text.length);
  const from = Math.min(span.start, ...spanned.map((s) => s.start));
  const to = Math.max(span.end, ...spanned.map((s) => s.start + s.text.length));
  return /^[\s.,;:!?—–-]*$/u.test(text.slice(from, span.start) + text.slice(span.end, to));
}

/** Text with its quotations blanked: what the source says in its own words. */
export function blankQuotes(text: string): string {
  return text.replace(/“[^”]*”?|"[^"]*"?/g, (q) => ' '.repeat(q.length));
}

/** A short quotation that a speech cue follows: “It’s unusual,” said Larry Noble. (Not a scare-quoted phrase.) */
export function spokenShort(text: string, span: QuoteSpan): boolean {
  if (span.words === 0 || !/[,!?]\s*[”"“]$/.test(text.slice(span.start, span.end))) return false;
  const rest = text.slice(span.end);
  const next = rest.search(/[“”"]/);
  return cueAfter(next < 0 ? rest : rest.slice(0, next)) !== null;
}

/** A quotation of a paragraph while its speaker is looked for. */
export interface Quotation {
  readonly span: QuoteSpan;
  voice: Voice | null;
  /** Its speaker has been looked for (in text order, so names before it are known). */
  done: boolean;
}

const nameRun = new RegExp(NAME_RUN, 'gu');

/** The quotation a sentence is about: the one overlapping it most, an attributed one before one without a speaker. */
export function mainQuotation(text: string, sentence: SentenceSpan, quotations: readonly Quotation[]): Quotation | null {
  const end = sentence.start + sentence.text.length;
  let best: Quotation | null = null;
  let bestWeight = 0;
  for (const q of quotations) {
    const overlap = Math.min(end, q.span.end) - Math.max(sentence.start, q.span.start);
    const weight = overlap > 0 && q.voice ? overlap + text.length : overlap;
    if (weight > bestWeight) [best, bestWeight] = [q, weight];
  }
  return best;
}

/** Whether text between two quotations names anyone but their speaker ("…,” said Hart. “…" names only Hart). */
export function namesSomeoneElse(text: string, speaker: string): boolean {
  nameRun.lastIndex = 0;
  // A run may cross a sentence's end ("Sullivan. He"): each sentence's part is a name of its own.
  return [...text.matchAll(nameRun)].some((m) =>
    m[0].split(/(?<=\p{Ll}{2})\.\s+/u).some((part) => {
      const phrase = parseNamePhrase(part);
      return phrase !== null && !sameSpeaker(phrase.name, speaker);
    }),
  );
}

/** The words of a sentence outside its quotations: what the source itself says, where its names count. */
export function outsideQuotes(sentence: SentenceSpan, quotations: readonly Quotation[]): string {
  let out = sentence.text;
  for (const q of [...quotations].reverse()) {
    const from = Math.max(q.span.start, sentence.start) - sentence.start;
    const to = Math.min(q.span.end, sentence.start + sentence.text.length) - sentence.start;
    if (to > from) out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
}
