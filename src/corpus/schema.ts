/**
 * The shapes of the files in corpus/, as zod schemas. Each field's `describe()` text is the fix shown
 * to an admin when the field is wrong, so the schema is also the corpus file reference.
 */
import { z } from 'zod';

const zSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
  .max(64, 'must be at most 64 characters');

const zIsoDate = z
  .string()
  .regex(/^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

const zHttpUrl = z
  .string()
  .url('must be a full link starting with https://')
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');

export const zOverride = z.strictObject({
  passage: z.string().min(8, 'must quote at least 8 characters of the sentence').describe(
    'the opening words of the sentence, copied exactly from the body',
  ),
  voice: z
    .string()
    .min(1)
    .describe('a person id from people.yaml, `own` (the source itself) or `previous` (same voice as the sentence before)'),
  why: z.string().min(3).describe('one line saying why the rules get this sentence wrong'),
});
export type Override = z.infer<typeof zOverride>;

export const zSourceFrontMatter = z.strictObject({
  id: zSlug.describe('a unique slug such as `publication-year-topic`, equal to the file name without .md'),
  title: z.string().min(1, 'must not be empty').max(256).describe('the headline as printed'),
  titleIsDescriptive: z.boolean().default(false).describe('true when the source has no headline and the title is yours'),
  subtitle: z.string().min(1).nullable().default(null).describe('the standfirst/subtitle, or remove the line'),
  publication: z.string().min(1).nullable().default(null).describe('the publication name, or null when unknown'),
  author: z.string().min(1).nullable().default(null).describe('the byline, or null when the source does not name one'),
  authorRole: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .default(null)
    .describe('what qualifies the author, as the source states it (e.g. "energy columnist"), or null'),
  date: zIsoDate.nullable().default(null).describe('YYYY, YYYY-MM or YYYY-MM-DD in quotes, e.g. "2015-03", or null'),
  dateInferred: z.boolean().default(false).describe('true when the date is inferred rather than printed'),
  url: zHttpUrl.nullable().default(null).describe('the https:// link to the source, or null when there is none'),
  urlVerified: z.boolean().default(true).describe('false when the link was not seen to hold this text'),
  accessed: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD')
    .nullable()
    .default(null)
    .describe('the day the text was taken from the link, "YYYY-MM-DD" in quotes, or null when not recorded'),
  kind: z.enum(['article', 'opinion', 'blog', 'essay']).describe('one of: article, opinion, blog, essay'),
  credit: z.string().min(1).nullable().default(null).describe('the credit line a licence requires, or null'),
  licence: z.string().min(1).nullable().default(null).describe('the licence, or null'),
  notes: z.string().nullable().default(null).describe('free text for admins: how date, author and link were established'),
  overrides: z.array(zOverride).default([]).describe('a list of { passage, voice, why } entries'),
});
export type SourceFrontMatter = z.infer<typeof zSourceFrontMatter>;

export const zPerson = z.strictObject({
  id: zSlug.describe('a slug such as `wang-yi`'),
  name: z.string().min(1).describe('the full name as usually written'),
  role: z.string().min(1).max(200).describe('what makes them worth quoting, e.g. "China\'s Foreign Minister"'),
  aliases: z.array(z.string().min(2)).default([]).describe('other ways texts name them: surname, title, description'),
});
export const zPeopleFile = z.array(zPerson).describe('a YAML list of people');
export type PersonEntry = z.infer<typeof zPerson>;

export const zComment = z.strictObject({
  number: z.number().int().positive().describe('the comment number as shown under the article'),
  status: z.enum(['approved', 'hidden']).default('hidden').describe('approved (searchable) or hidden (never shown)'),
  reason: z.string().optional().describe('why a comment is hidden'),
  text: z.string().min(1).describe('the comment text, verbatim'),
});
export const zCommentsFile = z.strictObject({
  id: zSlug.describe('a unique slug, equal to the file name without .yaml'),
  commentsOn: zSlug.describe('the id of the source the comments were posted under'),
  comments: z.array(zComment).min(1).describe('a list of { number, status, reason, text }'),
});
export type CommentsFile = z.infer<typeof zCommentsFile>;
