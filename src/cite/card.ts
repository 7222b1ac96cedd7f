/**
 * A debate card for one passage: the tag (the debater's claim), the short cite ("Okafor 26"), the full cite in one
 * line, and the source's words with the passage — the part read aloud — marked. Built from the corpus alone: an
 * unknown author, date, link or access date is said to be unknown, never filled in.
 */
import type { Passage, Source } from '../corpus/types.ts';
import {
  formatAccessed,
  formatAuthor,
  formatCaveats,
  formatDate,
  formatLink,
  formatOwnVoice,
  formatPublication,
  formatTitle,
  speakerOf,
} from '../present.ts';
import { buildCslItem, type CslItem } from './csl.ts';
import { type CitationStyle, formatCitation } from './styles.ts';

/** `card` is the debate cite; the others are bibliography styles rendered by the citation library. */
export const CARD_STYLES = ['card', 'mla', 'apa', 'chicago'] as const;
export type CardStyle = (typeof CARD_STYLES)[number];

/** How much of the source the card carries around the passage. */
export interface Span {
  /** Whole paragraphs before / after the passage's own paragraph. */
  readonly before: number;
  readonly after: number;
  /** Only the passage itself, no surrounding words. */
  readonly sentenceOnly: boolean;
}

export const SPAN_NAMES = ['sentence', 'paragraph', 'wide'] as const;
export type SpanName = (typeof SPAN_NAMES)[number];

export const SPANS: Readonly<Record<SpanName, Span>> = {
  sentence: { before: 0, after: 0, sentenceOnly: true },
  paragraph: { before: 0, after: 0, sentenceOnly: false },
  wide: { before: 1, after: 1, sentenceOnly: false },
};

/** Widening stops here: a card is evidence for one claim, not a copy of the article. */
export const MAX_WIDEN = 3;

export interface CardSegment {
  readonly text: string;
  /** True for the passage: the part read aloud (bold in a cut card). */
  readonly read: boolean;
}

export interface CardParagraph {
  readonly index: number;
  readonly segments: readonly CardSegment[];
}

export interface Card {
  readonly passageId: string;
  readonly sourceId: string;
  readonly tag: string | null;
  readonly style: CardStyle;
  readonly shortCite: string;
  /** The debate cite in one line: who (and their role), date, title, publication, link, accessed. */
  readonly fullCite: string;
  /** The cite in the chosen bibliography style (null for `card`), as text and as HTML. */
  readonly styled: { readonly text: string; readonly html: string } | null;
  /** Whose words the passage is when not the author's ("Wang Yi, China's Foreign Minister, quoted"); null otherwise. */
  readonly speaker: string | null;
  /** What the cite cannot vouch for, said plainly: "date inferred", "link not verified", ... */
  readonly caveats: readonly string[];
  /** The credit line the source's licence requires, if any. */
  readonly credit: string | null;
  /** The passage, verbatim: exactly the read part. */
  readonly passage: string;
  readonly paragraphs: readonly CardParagraph[];
  readonly span: Span;
  readonly canWidenBefore: boolean;
  readonly canWidenAfter: boolean;
  readonly csl: CslItem;
}

export interface CardRequest {
  readonly passage: Passage;
  readonly source: Source;
  readonly tag?: string | null | undefined;
  readonly style?: CardStyle | undefined;
  readonly span?: Span | undefined;
}

/** "Okafor", "Veselov": the last word of a byline. */
function surname(byline: string): string {
  const words = byline.trim().split(/\s+/);
  return words[words.length - 1] ?? byline;
}

/**
 * Debate convention: the author's surname and the two-digit year ("Okafor 26"); the publication when no author
 * is named; "n.d." when the date is unknown.
 */
export function shortCite(source: Pick<Source, 'author' | 'publication' | 'date'>): string {
  const who =
    source.author !== null ? surname(source.author) : (source.publication ?? capitalise(formatAuthor(source)));
  return source.date === null ? `${who}, n.d.` : `${who} ${source.date.slice(2, 4)}`;
}

/** The person whose words these are, when that is not the source's own voice. */
function quotedSpeaker(passage: Passage): { name: string; role: string; how: string } | null {
  const speaker = speakerOf(passage.voice);
  if (speaker === null || passage.voice.basis === 'own' || passage.voice.role === 'author') return null;
  return { ...speaker, how: passage.voice.basis === 'reported' ? 'reported in' : 'quoted in' };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whose words these are, for the styles that cite only the work: "Wang Yi, China's Foreign Minister, quoted". */
function speakerLine(passage: Passage, source: Source): string | null {
  if (source.kind === 'reader-comments') return [passage.voice.name, passage.voice.role].filter(Boolean).join(', ');
  const speaker = quotedSpeaker(passage);
  if (speaker === null) return null;
  return [speaker.name, speaker.role, speaker.how === 'reported in' ? 'reported' : 'quoted'].filter(Boolean).join(', ');
}

/** The one-line debate cite for `passage` in `source`: who, date, title, publication, link, accessed. */
export function fullCite(passage: Passage, source: Source): string {
  // The author with their stated qualifications, or the source's own voice worded as everywhere else.
  const author =
    source.author !== null
      ? [source.author, source.authorRole].filter(Boolean).join(', ')
      : source.publication !== null
        ? formatOwnVoice(source)
        : formatAuthor(source);
  const speaker = quotedSpeaker(passage);
  let who: string;
  // A reader comment is its reader's words, never the article's or its author's.
  if (source.kind === 'reader-comments') who = [passage.voice.name, passage.voice.role].filter(Boolean).join(', ');
  else if (speaker === null) who = capitalise(author);
  else who = [speaker.name, speaker.role, `${speaker.how} ${author}`].filter(Boolean).join(', ');
  return [
    who,
    formatDate(source),
    formatTitle(source, { quoted: true }),
    formatPublication(source),
    formatLink(source),
    formatAccessed(source),
  ].join(', ');
}

/** Where each paragraph starts in the body (paragraphs are joined by one blank line). */
function paragraphStart(source: Source, index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (source.paragraphs[i]?.text.length ?? 0) + 2;
  return offset;
}

function cardParagraph(source: Source, index: number, passage: Passage): CardParagraph {
  const text = source.paragraphs[index]?.text ?? '';
  if (index !== passage.paragraphIndex) return { index, segments: [{ text, read: false }] };
  let at = passage.offset - paragraphStart(source, index);
  if (text.slice(at, at + passage.text.length) !== passage.text) at = text.indexOf(passage.text);
  if (at < 0) return { index, segments: [{ text, read: false }] };
  const segments: CardSegment[] = [
    { text: text.slice(0, at), read: false },
    { text: passage.text, read: true },
    { text: text.slice(at + passage.text.length), read: false },
  ];
  return { index, segments: segments.filter((s) => s.text !== '') };
}

/** Clamp a span to the source: no paragraphs before the first or after the last, no more than MAX_WIDEN. */
export function clampSpan(span: Span, paragraphIndex: number, paragraphCount: number): Span {
  return {
    before: Math.max(0, Math.min(span.before, MAX_WIDEN, paragraphIndex)),
    after: Math.max(0, Math.min(span.after, MAX_WIDEN, paragraphCount - 1 - paragraphIndex)),
    sentenceOnly: span.sentenceOnly,
  };
}

/** Build the card for one passage. */
export function buildCard(request: CardRequest): Card {
  const { passage, source } = request;
  const style = request.style ?? 'card';
  const p = passage.paragraphIndex;
  const span = clampSpan(request.span ?? SPANS.paragraph, p, source.paragraphs.length);
  const paragraphs: CardParagraph[] = [];
  if (span.sentenceOnly) {
    paragraphs.push({ index: p, segments: [{ text: passage.text, read: true }] });
  } else {
    for (let i = p - span.before; i <= p + span.after; i++) paragraphs.push(cardParagraph(source, i, passage));
  }
  const csl = buildCslItem(source);
  const tag = request.tag?.trim() ? request.tag.trim() : null;
  return {
    passageId: passage.id,
    sourceId: source.id,
    tag,
    style,
    shortCite: shortCite(source),
    fullCite: fullCite(passage, source),
    styled:
      style === 'card' ? null : { text: formatCitation(csl, style, 'text'), html: formatCitation(csl, style, 'html') },
    speaker: speakerLine(passage, source),
    caveats: formatCaveats(source),
    credit: source.credit,
    passage: passage.text,
    paragraphs,
    span,
    canWidenBefore: span.sentenceOnly || (span.before < MAX_WIDEN && p - span.before > 0),
    canWidenAfter: span.sentenceOnly || (span.after < MAX_WIDEN && p + span.after < source.paragraphs.length - 1),
    csl,
  };
}

/** One step wider: a sentence-only card grows to its paragraph, a paragraph card by one paragraph on that side. */
export function widen(span: Span, side: 'before' | 'after'): Span {
  if (span.sentenceOnly) return { before: 0, after: 0, sentenceOnly: false };
  return side === 'before' ? { ...span, before: span.before + 1 } : { ...span, after: span.after + 1 };
}

export function isCardStyle(value: string): value is CardStyle {
  return (CARD_STYLES as readonly string[]).includes(value);
}

export function isSpanName(value: string): value is SpanName {
  return (SPAN_NAMES as readonly string[]).includes(value);
}

export type { CitationStyle };
