/**
 * Sentence segmentation. ICU's sentence rules (Intl.Segmenter, built into Node) already keep
 * "the U.S. than", "U.N. today" and quoted sentences ending in `,”` together; two repairs are
 * added on top: a courtesy or military title ("Mr.", "Gen.") never ends a sentence, and a sentence
 * never ends inside an open quotation.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'cpt', 'sgt', 'adm', 'gov', 'sen', 'rep',
  'st', 'jr', 'sr', 'rev', 'hon', 'pres', 'amb', 'vs', 'no', 'nos', 'vol', 'fig', 'approx', 'inc', 'corp',
  'e.g', 'i.e', 'cf',
]);

/** The most sentences a repair may join, so one stray quotation mark cannot swallow a paragraph. */
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
    if (last && last.joins < MAX_JOINED && (endsWithTitle(last.text) || opensQuotation(last.text))) {
      last.text += piece.text;
      last.joins += 1;
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
