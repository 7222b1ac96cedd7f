/**
 * A source's body as paragraphs and passages: blank-line separated blocks with their crossheads, laid out
 * in one flat body string, and sentences cut from it as positions (src/corpus/stored.ts).
 */
import type { SentenceSpan } from './segment.ts';
import { BodyParagraph, BodyPassage, textDigest, VoiceTable } from './stored.ts';
import type { Paragraph, Passage, Voice } from './types.ts';

/** One paragraph's text (line breaks joined) and the crosshead printed above it, if any. */
export interface Block {
  readonly text: string;
  readonly heading: string | null;
}

/** Paragraphs as slices of one body, with each paragraph's offset in it. */
export interface LaidOut {
  readonly paragraphs: readonly Paragraph[];
  readonly body: string;
  readonly offsets: readonly number[];
}

/** Blocks joined per step while laying out a body: one join over a book-length file holds the loop for tens of ms. */
const JOIN_BATCH = 256;
/** Paragraphs cut (or blocks scanned) between two yields. */
const PARAGRAPHS_PER_YIELD = 1024;
const BLOCKS_PER_YIELD = 64;

/** A copy of `text` that shares no memory with the string it was cut from (V8 keeps slices' parents alive). */
export function detached<T>(value: T): T {
  return structuredClone(value);
}

/** Collapses a block's line breaks (and the spaces around them) into single spaces. */
export function joinLines(block: string): string {
  return block.trim().replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** The body's paragraphs (blank-line separated) and the crossheads above them; `body` has `\n` line ends. */
export function* parseParagraphs(body: string): Generator<void, Block[]> {
  const blocks: Block[] = [];
  let heading: string | null = null;
  const separator = /\n[ \t]*\n/g;
  for (let start = 0, n = 1; start <= body.length; n++) {
    if (n % BLOCKS_PER_YIELD === 0) yield;
    const found = separator.exec(body);
    const end = found ? found.index : body.length;
    const text = body.slice(start, end).trim();
    start = found ? separator.lastIndex : body.length + 1;
    if (!text) continue;
    const headingMatch = /^#{1,6}\s+(.+)$/.exec(text);
    if (headingMatch?.[1] && !text.includes('\n')) {
      heading = headingMatch[1].trim();
      continue;
    }
    blocks.push({ text: joinLines(text), heading });
    heading = null;
  }
  return blocks;
}

/**
 * Joins paragraph blocks into the source's body and re-cuts every paragraph from that body. The body is
 * one flat string of its own, so paragraphs and passages are slices of it and nothing keeps the file's
 * raw text (front matter and all) alive after loading: a 100k-passage corpus is half the heap it would be.
 */
export function* layOut(blocks: readonly Block[]): Generator<void, LaidOut> {
  const pieces: string[] = [];
  for (let i = 0; i < blocks.length; i += JOIN_BATCH) {
    pieces.push(
      blocks
        .slice(i, i + JOIN_BATCH)
        .map((b) => b.text)
        .join('\n\n'),
    );
    yield;
  }
  const body = pieces.join('\n\n');
  yield;
  const paragraphs: Paragraph[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    const heading = block.heading === null ? null : detached(block.heading);
    paragraphs.push(new BodyParagraph(body, offset, offset + block.text.length, paragraphs.length, heading));
    offsets.push(offset);
    offset += block.text.length + 2;
    if (paragraphs.length % PARAGRAPHS_PER_YIELD === 0) yield;
  }
  return { paragraphs, body, offsets };
}

/** Maps counted apart: a Map grows by copying all its entries at once, so no one of them should hold a million. */
const OCCURRENCE_SHARDS = 256;

/**
 * How many sentences with a digest a source has had so far, for stable ids (`passageId`). One Map of a million
 * digests (a corpus in one file) is rehashed in one go each time it doubles; 256 Maps, chosen by the digest's low
 * bits, each hold a 256th of them.
 */
export class OccurrenceCounter {
  private readonly shards: Map<number, number>[] = [];

  /** Counts one more sentence with `digest`: 1 the first time, 2 the next, … */
  next(digest: number): number {
    const shard = digest % OCCURRENCE_SHARDS;
    let counts = this.shards[shard];
    if (counts === undefined) {
      counts = new Map();
      this.shards[shard] = counts;
    }
    const occurrence = (counts.get(digest) ?? 0) + 1;
    counts.set(digest, occurrence);
    return occurrence;
  }
}

/**
 * One passage per sentence span, voiced by `voiceFor` (called once per paragraph, in order). Passages with equal
 * voices share one voice object (`VoiceTable`: fewer heap objects for the collector to mark).
 */
export function* buildPassages(
  sourceId: string,
  laidOut: LaidOut,
  spansOf: readonly (readonly SentenceSpan[])[],
  voiceFor: (paragraph: Paragraph, sentences: readonly SentenceSpan[]) => Voice[],
): Generator<void, Passage[]> {
  const { paragraphs, body, offsets } = laidOut;
  const passages: Passage[] = [];
  const seen = new OccurrenceCounter();
  const voiceTable = new VoiceTable();
  for (const [p, paragraph] of paragraphs.entries()) {
    const spans = spansOf[p] ?? [];
    const paragraphOffset = offsets[p] ?? 0;
    const voices = voiceFor(paragraph, spans);
    spans.forEach((span, i) => {
      const voice = voices[i];
      if (!voice) return;
      const offset = paragraphOffset + span.start;
      const end = offset + span.text.length;
      const digest = textDigest(body, offset, end);
      const occurrence = seen.next(digest);
      const shared = voiceTable.intern(voice);
      passages.push(new BodyPassage(body, sourceId, paragraph.index, i, offset, end, shared, occurrence));
    });
    yield;
  }
  return passages;
}
