/**
 * How a loaded corpus holds its paragraphs and passages: as positions in their source's body, with the
 * text cut out only when it is read. A 100k-passage corpus then keeps no string per passage or paragraph
 * (and no id string), about a third fewer heap objects: that is what keeps the garbage collector's
 * pauses short while a reload has the old and the new corpus alive at once. Both still read as the plain
 * `Paragraph` and `Passage` of types.ts, JSON included.
 */
import type { Paragraph, Passage, Voice } from './types.ts';

/**
 * A passage id names the source and the sentence's text, not its position: `sourceId:digest`, plus `~n` for the
 * n-th identical sentence in one source. Buttons under old answers, stored paging and autocomplete `id:` choices
 * then keep pointing at the same words after a reload inserts or removes text above them; an id whose words are
 * gone resolves to nothing (an honest "no longer in the corpus"), never to a neighbour.
 */
export function passageId(sourceId: string, digest: number, occurrence = 1): string {
  const base = `${sourceId}:${digest.toString(36).padStart(DIGEST_CHARS, '0')}`;
  return occurrence > 1 ? `${base}~${occurrence}` : base;
}

/** The parts of a passage id, or null when `id` is not one. */
export function parsePassageId(id: string): { sourceId: string; digest: number; occurrence: number } | null {
  const match = /^(.+):([0-9a-z]{11})(?:~(\d{1,6}))?$/.exec(id);
  if (!match?.[1] || !match[2]) return null;
  const digest = parseInt(match[2], 36);
  const occurrence = match[3] === undefined ? 1 : Number(match[3]);
  if (!Number.isSafeInteger(digest) || occurrence < 2 === (match[3] !== undefined)) return null;
  return { sourceId: match[1], digest, occurrence };
}

const DIGEST_CHARS = 11; // 2^53 in base 36 takes 11 digits

/**
 * A 53-bit hash of `text.slice(start, end)`, computed without copying it: two independent 32-bit FNV-1a-style
 * lanes over the UTF-16 code units. Not cryptographic; it only has to tell sentences of one source apart.
 */
export function textDigest(text: string, start = 0, end = text.length): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** A plain-object copy of a passage: what to spread or edit, since a loaded passage's id and text are getters. */
export function plainPassage(passage: Passage): Passage {
  const { id, sourceId, paragraphIndex, sentenceIndex, text, offset, voice } = passage;
  return { id, sourceId, paragraphIndex, sentenceIndex, text, offset, voice };
}

/**
 * One voice object per distinct voice of a source, shared by its passages. The attribution rules make a new
 * voice per sentence, and each of those objects had a hidden class of its own (100,923 voice objects under
 * 88,873 maps in a heap snapshot of 100k passages, with their descriptor arrays and property arrays: about
 * 40% of the heap's objects). A major collection marks every one of them, and at 1M passages, with the old
 * and the new corpus alive during a reload, that marking held the event loop for over 100 ms at a time.
 * The shared copy is a plain literal, so all voices have one of two hidden classes.
 */
export class VoiceTable {
  private readonly voices = new Map<string, Voice>();

  /** The shared voice equal to `voice` (same fields and values). */
  intern(voice: Voice): Voice {
    const { personId, name, role, basis, rule } = voice;
    const key = `${personId === null ? '\u0001' : personId}\u0000${name}\u0000${role}\u0000${basis}\u0000${rule ?? '\u0001'}`;
    let shared = this.voices.get(key);
    if (shared === undefined) {
      shared = rule === undefined ? { personId, name, role, basis } : { personId, name, role, basis, rule };
      this.voices.set(key, shared);
    }
    return shared;
  }
}

export class BodyParagraph implements Paragraph {
  constructor(
    private readonly body: string,
    private readonly start: number,
    private readonly end: number,
    readonly index: number,
    readonly heading: string | null,
  ) {}

  get text(): string {
    return this.body.slice(this.start, this.end);
  }

  toJSON(): Paragraph {
    return { index: this.index, text: this.text, heading: this.heading };
  }
}

/** `textDigest` is 53 bits; a BodyPassage keeps it as two halves of at most 27 bits, below. */
const DIGEST_SPLIT = 2 ** 26;

export class BodyPassage implements Passage {
  /**
   * The digest's two halves. Each fits V8's small integers (31 bits), which live inside the object; a 53-bit
   * number field is a heap object of its own, one more per passage for the garbage collector to mark.
   */
  private readonly digestHigh: number;
  private readonly digestLow: number;

  constructor(
    private readonly body: string,
    readonly sourceId: string,
    readonly paragraphIndex: number,
    readonly sentenceIndex: number,
    readonly offset: number,
    private readonly end: number,
    readonly voice: Voice,
    /** 1 for the first sentence with this text in its source, 2 for the next identical one, … */
    readonly occurrence = 1,
  ) {
    const digest = textDigest(body, offset, end);
    this.digestHigh = Math.floor(digest / DIGEST_SPLIT);
    this.digestLow = digest % DIGEST_SPLIT;
  }

  /** `textDigest` of the text: ids are built from it, and looked up by comparing it (a number, not a string). */
  get digest(): number {
    return this.digestHigh * DIGEST_SPLIT + this.digestLow;
  }

  get id(): string {
    return passageId(this.sourceId, this.digest, this.occurrence);
  }

  get text(): string {
    return this.body.slice(this.offset, this.end);
  }

  toJSON(): Passage {
    return plainPassage(this);
  }
}
