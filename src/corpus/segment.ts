/**
 * Sentence segmentation. ICU's sentence rules (Intl.Segmenter, built into Node) already keep
 * "the U.S. than", "U.N. today" and quoted sentences ending in `,”` together; repairs are added on top:
 * a courtesy or military title ("Mr.", "Gen.", "Jan.") or a middle initial ("Charles E.") never ends a
 * sentence, a sentence never ends inside an open quotation, and a question or exclamation in quotation
 * marks keeps the cue after it (`"Why now?" he asked.`).
 */

import { SPEECH_VERB_FINITE } from './attribution/lexicon.ts';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'del', 'gen', 'lt', 'col', 'capt', 'cpt', 'sgt', 'adm', 'gov', 'sen', 'rep',
  'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'amb', 'vs', 'no', 'nos', 'vol', 'fig', 'approx', 'inc', 'corp',
  'e.g', 'i.e', 'cf', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ft', 'mt',
]);

/** Words that begin a new sentence after an abbreviation ("… in Washington, D.C. He said …"). */
const STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'or', 'so', 'then', 'this', 'that',
  'these', 'those', 'there', 'in', 'on', 'at', 'as', 'if', 'when', 'while', 'after', 'before', 'his', 'her', 'their',
  'its', 'our', 'my', 'what', 'why', 'how', 'who', 'now', 'still', 'yet', 'also', 'meanwhile', 'however', 'for',
]);

/** "Charles E." or "U.S." at the end of a piece, before a word that does not start a sentence: one sentence. */
function endsWithInitials(segment: string, next: string): boolean {
  if (!/(?:^|[\s(])(?:\p{Lu}\.)+\s*$/u.test(segment)) return false;
  const word = /^\s*([\p{L}’']+)/u.exec(next)?.[1];
  return word !== undefined && /^\p{Lu}/u.test(word) && !STARTERS.has(word.toLowerCase());
}

/** A short sentence that is only a speech cue: "Smith shouted.", "Renteria told reporters on the call." */
const CUE_SENTENCE = new RegExp(`^\\s*(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,4}${SPEECH_VERB_FINITE}\\b[^.!?]{0,80}[.!?]?\\s*$`, 'u');

/** `"Why now?" he asked.` / `“Stop!” Smith shouted.`: the quotation's speech cue belongs to its sentence. */
function cueAfterQuestion(segment: string, next: string): boolean {
  if (!/[?!][”"’]+\s*$/.test(segment)) return false;
  return /^\s*\p{Ll}/u.test(next) || CUE_SENTENCE.test(next);
}

/** The most sentences an open quotation may join, so one stray quotation mark cannot swallow a paragraph. */
const MAX_JOINED = 4;

export interface SentenceSpan {
  readonly text: string;
  /** Offset of `text` within the paragraph. */
  readonly start: number;
}

function endsWithTitle(segment: string): boolean {
  const match = /(?:^|[\s(])([A-Za-z.]+)\.\s*$/.exec(segment);
  return match?.[1] !== undefined && TITLES.has(match[1].toLowerCase());
}

function opensQuotation(segment: string): boolean {
  const opens = (segment.match(/\u201C/g) ?? []).length;
  const closes = (segment.match(/\u201D/g) ?? []).length;
  if (opens > closes) return true;
  const straight = (segment.match(/(^|[\s(])"|"/g) ?? []).length;
  return opens === 0 && closes === 0 && straight % 2 === 1;
}

/** Splits one paragraph into verbatim sentences with their offsets. */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const raw = [...segmenter.segment(paragraph)].map((s) => ({ text: s.segment, start: s.index }));
  const merged: { text: string; start: number; joins: number }[] = [];
  for (const piece of raw) {
    const last = merged[merged.length - 1];
    // Only joins inside an open quotation count against the limit: a title, an initial or a cue after a question
    // joins two pieces that belong together however long the quotation before them was.
    const local = last !== undefined && (endsWithTitle(last.text) || endsWithInitials(last.text, piece.text) || cueAfterQuestion(last.text, piece.text));
    const quoted = last !== undefined && !local && last.joins < MAX_JOINED && opensQuotation(last.text);
    if (last && (local || quoted)) {
      last.text += piece.text;
      if (quoted) last.joins += 1;
    } else {
      merged.push({ ...piece, joins: 0 });
    }
  }
  const spans: SentenceSpan[] = [];
  for (const { text, start } of merged) {
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed.length > 0) spans.push({ text: trimmed, start: start + lead });
  }
  return spans;
}
