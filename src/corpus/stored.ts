/**
 * How a loaded corpus holds its paragraphs and passages: as positions in their source's body, with the
 * text cut out only when it is read. A 100k-passage corpus then keeps no string per passage or paragraph
 * (and no id string), about a third fewer heap objects: that is what keeps the garbage collector's
 * pauses short while a reload has the old and the new corpus alive at once. Both still read as the plain
 * `Paragraph` and `Passage` of types.ts, JSON included.
 */
import type { Paragraph, Passage, Voice } from './types.ts';

/** `sourceId:paragraph.sentence`, 1-based, as one flat string. */
export function passageId(sourceId: string, paragraphIndex: number, sentenceIndex: number): string {
  return [sourceId, ':', paragraphIndex + 1, '.', sentenceIndex + 1].join('');
}

/** The parts of a passage id, or null when `id` is not one. */
export function parsePassageId(id: string): { sourceId: string; paragraphIndex: number; sentenceIndex: number } | null {
  const match = /^(.+):(\d{1,9})\.(\d{1,9})$/.exec(id);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { sourceId: match[1], paragraphIndex: Number(match[2]) - 1, sentenceIndex: Number(match[3]) - 1 };
}

/** A plain-object copy of a passage: what to spread or edit, since a loaded passage's id and text are getters. */
export function plainPassage(passage: Passage): Passage {
  const { id, sourceId, paragraphIndex, sentenceIndex, text, offset, voice } = passage;
  return { id, sourceId, paragraphIndex, sentenceIndex, text, offset, voice };
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

export class BodyPassage implements Passage {
  constructor(
    private readonly body: string,
    readonly sourceId: string,
    readonly paragraphIndex: number,
    readonly sentenceIndex: number,
    readonly offset: number,
    private readonly end: number,
    readonly voice: Voice,
  ) {}

  get id(): string {
    return passageId(this.sourceId, this.paragraphIndex, this.sentenceIndex);
  }

  get text(): string {
    return this.body.slice(this.offset, this.end);
  }

  toJSON(): Passage {
    return plainPassage(this);
  }
}
