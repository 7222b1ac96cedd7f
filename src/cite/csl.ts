/**
 * A source's front matter as a CSL-JSON record, the input every citation style reads. Only what the corpus
 * knows goes in: no author, date or link is invented, and a link that was not seen to hold the text is kept
 * out of the record (the cite names it separately, marked "link not verified").
 */
import type { SourceKind, SourceMeta } from '../corpus/types.ts';
import { formatCaveats, formatLink } from '../present.ts';

/** The CSL-JSON fields Verbatim fills (see the CSL-JSON schema for their meaning). */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly 'container-title'?: string;
  readonly author?: readonly CslName[];
  readonly issued?: CslDate;
  readonly accessed?: CslDate;
  readonly URL?: string;
  readonly genre?: string;
  readonly note?: string;
}

export type CslName = { readonly family: string; readonly given?: string } | { readonly literal: string };

export interface CslDate {
  readonly 'date-parts': readonly (readonly number[])[];
  /** CSL's mark for an approximate date: set when the corpus inferred it. */
  readonly circa?: boolean;
}

const TYPE_BY_KIND: Readonly<Record<SourceKind, string>> = {
  article: 'article-newspaper',
  opinion: 'article-newspaper',
  blog: 'post-weblog',
  essay: 'article',
  'reader-comments': 'post',
};

/** "2015-03" → [[2015, 3]]. */
export function dateParts(iso: string): number[] {
  return iso.split('-').map(Number);
}

/**
 * A byline as a CSL name: the last word is the family name, the rest given names. A single word (or an
 * organisation-looking byline) stays a literal, so nothing is reordered that should not be.
 */
export function cslName(byline: string): CslName {
  const words = byline.trim().split(/\s+/);
  if (words.length < 2 || /\b(staff|editors?|desk|team|news|press)\b/i.test(byline)) return { literal: byline.trim() };
  const family = words.pop()!;
  return { family, given: words.join(' ') };
}

/** The CSL-JSON record for `source`, carrying exactly as much as the corpus knows. */
export function buildCslItem(
  source: Pick<
    SourceMeta,
    | 'id'
    | 'title'
    | 'titleIsDescriptive'
    | 'publication'
    | 'author'
    | 'date'
    | 'dateInferred'
    | 'url'
    | 'urlVerified'
    | 'kind'
    | 'accessed'
  >,
): CslItem {
  const notes = formatCaveats(source);
  // The unverified link stays out of URL, but the record keeps it in its note, marked.
  if (source.url !== null && !source.urlVerified) notes.push(formatLink(source));
  return {
    id: source.id,
    type: TYPE_BY_KIND[source.kind],
    // A title the source does not print is a description; APA and MLA set descriptions in square brackets.
    title: source.titleIsDescriptive ? `[${source.title}]` : source.title,
    ...(source.publication !== null ? { 'container-title': source.publication } : {}),
    ...(source.author !== null ? { author: [cslName(source.author)] } : {}),
    ...(source.date !== null
      ? { issued: { 'date-parts': [dateParts(source.date)], ...(source.dateInferred ? { circa: true } : {}) } }
      : {}),
    ...(source.accessed ? { accessed: { 'date-parts': [dateParts(source.accessed)] } } : {}),
    ...(source.url !== null && source.urlVerified ? { URL: source.url } : {}),
    ...(source.kind === 'opinion' ? { genre: 'Opinion' } : {}),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}
