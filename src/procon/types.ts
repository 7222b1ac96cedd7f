/**
 * Pro/con topics: a question, the source that argues it, each side's points and the source's own conclusion.
 *
 * Two shapes live here. `zTopicFile`/`TopicFile` is what an admin writes in `corpus/topics/<id>.yaml`; `Topic` is
 * what `loadTopics` hands out after every excerpt has been found in its source, carrying the source's own characters
 * and metadata so rendering needs nothing else. No I/O, no Discord.
 */
import { z } from 'zod';
import type { SourceMeta } from '../corpus/types.ts';

/** Topic ids are slugs so they fit in a command option and a button's custom id (≤ 100 chars with its prefix). */
export const TOPIC_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TOPIC_ID_MAX = 48;
/** A claim is a short line in plain words; the evidence carries the detail. */
export const CLAIM_MAX = 240;
/** Shorter excerpts ("China", "the U.S.") would "verify" against almost anything and prove nothing. */
export const EXCERPT_MIN = 20;

const zText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} is empty` })
    .max(max, { error: `${what} is longer than ${max} characters` });

const zSourceId = z
  .string({ error: 'source must be a source id (text)' })
  .trim()
  .min(1, { error: 'source is empty' })
  .describe('the id of a source in corpus/sources/ (the `id:` in its front matter)');

// Each `describe()` is what to write instead when the field is wrong ("write …"), as in src/corpus/schema.ts.
const QUOTE_FIX = 'at least a phrase copied exactly from the source';
const CLAIM_FIX = 'the point in a short line of plain words; the evidence carries the detail';
const VOICE_FIX = 'whose words the excerpts are, e.g. "Huiyun Feng, as reported by ValueWalk", or remove the key';
const POINTS_FIX = 'a list of points, each `{ claim, evidence: [excerpt, …] }`';

/** One piece of evidence: the excerpt alone, or the excerpt with the voice it should be credited to. */
export const zEvidenceEntry = z
  .union(
    [
      z
        .string({ error: 'evidence must be an excerpt (text)' })
        .min(EXCERPT_MIN, { error: `excerpt is shorter than ${EXCERPT_MIN} characters` })
        .describe(QUOTE_FIX),
      z.strictObject({
        quote: z
          .string({ error: 'quote must be text' })
          .min(EXCERPT_MIN, { error: `excerpt is shorter than ${EXCERPT_MIN} characters` })
          .describe(QUOTE_FIX),
        voice: zText('voice', 200).optional().describe(VOICE_FIX),
      }),
    ],
    { error: 'evidence entry must be an excerpt (text) or { quote, voice }' },
  )
  .describe(QUOTE_FIX);

const zEvidenceList = z
  .array(zEvidenceEntry, { error: 'evidence must be a list of excerpts' })
  .min(1, { error: 'evidence is empty' })
  .describe('a list of one or more excerpts copied exactly from the source');

export const zPointFile = z.strictObject({
  claim: zText('claim', CLAIM_MAX).describe(CLAIM_FIX),
  /** Overrides the side's `argumentBy` (or the source's own voice) for this point's excerpts. */
  voice: zText('voice', 200).optional().describe(VOICE_FIX),
  evidence: zEvidenceList,
});

export const zSideFile = z.strictObject({
  label: zText('label', 80).describe('a short name for the side, e.g. "For an alliance"'),
  argumentBy: zText('argumentBy', 200).describe(
    'whose argument it is, e.g. "Yan Xuetong (Qinghua University), as reported by The Diplomat"',
  ),
});

export const zElsewhereFile = z.strictObject({
  source: zSourceId,
  stance: zText('stance', 80).describe('the other source\'s position in a few words, e.g. "already forming"'),
  claim: zText('claim', CLAIM_MAX).describe(CLAIM_FIX),
  voice: zText('voice', 200).optional().describe(VOICE_FIX),
  evidence: zEvidenceList,
});

/** The topic file as an admin writes it. Unknown keys are errors so a typo (`evidense:`) is not silently ignored. */
export const zTopicFile = z.strictObject({
  id: z
    .string({ error: 'id must be text' })
    .max(TOPIC_ID_MAX, { error: `id is longer than ${TOPIC_ID_MAX} characters` })
    .regex(TOPIC_ID_PATTERN, { error: 'id must be a slug: lower-case letters, digits and single hyphens' })
    .describe('a slug such as `alliance` (lower-case letters, digits, hyphens) that matches the file name'),
  question: zText('question', 250).describe(
    'the question the topic answers, e.g. "Are China and Russia moving toward a formal alliance?"',
  ),
  /** Other names users may type for the topic (`/procon china-russia`). */
  aliases: z.array(zText('alias', 100)).default([]).describe('a list of other names users may type, or remove the key'),
  source: zSourceId,
  sides: z
    .strictObject({ pro: zSideFile, con: zSideFile })
    .describe('`sides: { pro: { label, argumentBy }, con: { label, argumentBy } }`'),
  pro: z
    .array(zPointFile, { error: 'pro must be a list of points' })
    .min(1, { error: 'pro has no points' })
    .describe(POINTS_FIX),
  con: z
    .array(zPointFile, { error: 'con must be a list of points' })
    .min(1, { error: 'con has no points' })
    .describe(POINTS_FIX),
  bottomLine: zPointFile.describe("the source's own conclusion as `{ claim, evidence: [excerpt, …] }`"),
  elsewhere: z
    .array(zElsewhereFile, { error: 'elsewhere must be a list' })
    .default([])
    .describe('a list of `{ source, stance, claim, evidence }`, or remove the key'),
});

export type TopicFile = z.infer<typeof zTopicFile>;
export type PointFile = z.infer<typeof zPointFile>;
export type EvidenceEntry = z.infer<typeof zEvidenceEntry>;

/** An excerpt found in its source. */
export interface Evidence {
  /** The excerpt as the topic file wrote it (may differ from the source in quote style and spacing). */
  readonly quote: string;
  /** The same words exactly as the source body has them: this is what is shown. */
  readonly text: string;
  readonly sourceId: string;
  /** Character offset of `text` in the source body. */
  readonly offset: number;
  /** Index of the source paragraph where `text` starts, or null when the paragraph could not be located. */
  readonly paragraphIndex: number | null;
  /** Whose words or argument these are, e.g. "Yan Xuetong (Qinghua University), as reported by The Diplomat". */
  readonly voice: string;
}

export interface Point {
  readonly claim: string;
  readonly evidence: readonly Evidence[];
}

export interface Side {
  readonly label: string;
  readonly argumentBy: string;
}

/** Where another source stands on the same question. */
export interface Elsewhere extends Point {
  readonly source: SourceMeta;
  readonly stance: string;
}

/** A topic whose every excerpt was found verbatim in its source. */
export interface Topic {
  readonly id: string;
  /** Path of the topic file, relative to the corpus root (`topics/alliance.yaml`). */
  readonly file: string;
  readonly question: string;
  readonly aliases: readonly string[];
  readonly source: SourceMeta;
  readonly sides: { readonly pro: Side; readonly con: Side };
  readonly pro: readonly Point[];
  readonly con: readonly Point[];
  readonly bottomLine: Point;
  readonly elsewhere: readonly Elsewhere[];
}

/** Topic problems are reported alongside the rest of the corpus's, in the same shape. */
export type { CorpusProblem } from '../corpus/load.ts';
