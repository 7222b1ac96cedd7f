/**
 * The corpus as the rest of Verbatim sees it: plain data, no I/O, no Discord.
 * Built by `loadCorpus` (src/corpus/load.ts) from the files in corpus/.
 */

/** Where a source comes from. Unknown stays `null`: the bot says so rather than invent. */
export interface SourceMeta {
  /** Stable slug, unique across the corpus, e.g. `valuewalk-2015-russia-china-alliance`. */
  readonly id: string;
  readonly title: string;
  /** True when the title is a descriptive one given by the corpus editors, not the source's own. */
  readonly titleIsDescriptive: boolean;
  /** The standfirst printed under the headline, when there is one. */
  readonly subtitle?: string | null;
  readonly publication: string | null;
  readonly author: string | null;
  /** The author's qualifications as the source states them (cards cite them); null or absent when not stated. */
  readonly authorRole?: string | null;
  /** ISO-like date as precise as known: `2015`, `2015-03` or `2015-04-14`; null when unknown. */
  readonly date: string | null;
  /** True when the date was inferred rather than printed on the source. */
  readonly dateInferred: boolean;
  readonly url: string | null;
  /** False when the link was not seen to hold this text (shown as "link not verified"). */
  readonly urlVerified: boolean;
  /** The day (`YYYY-MM-DD`) the text was taken from the link; null or absent when not recorded. */
  readonly accessed?: string | null;
  /** article | opinion | blog | essay | reader-comments */
  readonly kind: SourceKind;
  /** Credit line the licence requires, shown with every quote from this source. */
  readonly credit: string | null;
  readonly licence: string | null;
  /** Free-text provenance notes for admins (how date/author were established). */
  readonly notes: string | null;
}

export type SourceKind = 'article' | 'opinion' | 'blog' | 'essay' | 'reader-comments';

export interface Source extends SourceMeta {
  /** Path of the file it was loaded from, relative to the corpus root. */
  readonly file: string;
  /** The cleaned, verbatim body: paragraphs separated by one blank line, headings removed. */
  readonly body: string;
  readonly paragraphs: readonly Paragraph[];
  /** SHA-256 of the file's bytes; /reload compares these to report what changed. */
  readonly hash: string;
}

export interface Paragraph {
  readonly index: number;
  readonly text: string;
  /** Optional crosshead printed above this paragraph (not searchable, shown as context). */
  readonly heading: string | null;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly aliases: readonly string[];
}

/** How a passage came to be attributed to its voice. */
export type VoiceBasis =
  | 'direct-quote' // the person's own words in quotation marks
  | 'reported' // the person's argument, paraphrased by the source ("says Feng", "According to Yan")
  | 'own' // the source's own voice (its author, or the publication when the author is not named)
  | 'override' // set by an explicit override in the corpus file
  | 'unattributed'; // a direct quotation whose speaker the text does not make clear: never the byline's words

/** The rule that decided a voice, shown to admins by the console's /speakers. */
export type AttributionRule =
  | 'verb-after-name' // "Smith said", "Ms. Kelly, a retired astronaut, said"
  | 'verb-before-name' // "…,” said Rep. Jane Doe"
  | 'according-to' // "according to Dr. Sara Ito"
  | 'passive' // "as pointed out by Zachary Keck"
  | 'participle' // "…, saying the memo was “…”": the sentence's subject
  | 'colon' // "Mook agreed: “…”"
  | 'dash' // "“…” ― Jane Doe"
  | 'pronoun' // "he said": the most recent person it can be
  | 'continuation' // the same quotation or argument, carried on
  | 'group' // "officials said", "critics argue"
  | 'override' // an explicit override in the corpus file
  | 'own' // the source's own prose
  | 'reader-comment'
  | 'unattributed';

export interface Voice {
  /** Registry id when the voice is a person in people.yaml, else null. */
  readonly personId: string | null;
  /** Display name: the person, the author, the publication, or "Unknown author". */
  readonly name: string;
  /** Display role: the person's role, "author", "publication (author not named)", ... */
  readonly role: string;
  readonly basis: VoiceBasis;
  /** Which rule decided it (absent on voices built before rules were recorded, e.g. in tests). */
  readonly rule?: AttributionRule;
}

/** A loaded passage reads its id and text from its source's body (src/corpus/stored.ts): copy it with `plainPassage`, not a spread. */
export interface Passage {
  /** `${sourceId}:${paragraphIndex}.${sentenceIndex}` */
  readonly id: string;
  readonly sourceId: string;
  readonly paragraphIndex: number;
  readonly sentenceIndex: number;
  /** Verbatim sentence, exactly as in the source body. */
  readonly text: string;
  /** Character offset of `text` inside the source body. */
  readonly offset: number;
  readonly voice: Voice;
}

export interface Corpus {
  readonly root: string;
  readonly sources: readonly Source[];
  readonly people: readonly Person[];
  readonly passages: readonly Passage[];
  /** SHA-256 over every file's hash, in path order: identifies a corpus version. */
  readonly hash: string;
  readonly loadedAt: Date;
}
