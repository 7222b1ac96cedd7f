/**
 * How sources and voices read to a person, shared by the console and Discord renderers so both say
 * the same thing: unknown stays "unknown", inferred dates and unverified links say so.
 */
import type { Passage, Source, SourceKind, SourceMeta, Voice } from './corpus/types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "14 April 2015 (inferred)", "March 2015", "date unknown". */
export function formatDate(source: Pick<Source, 'date' | 'dateInferred'>): string {
  if (!source.date) return 'date unknown';
  const [year, month, day] = source.date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  const text = [day ? String(Number(day)) : undefined, monthName, year].filter(Boolean).join(' ');
  return source.dateInferred ? `${text} (inferred)` : text;
}

/** The title, marked when the corpus editors gave it rather than the source. */
export function formatTitle(source: Pick<SourceMeta, 'title' | 'titleIsDescriptive'>): string {
  return source.titleIsDescriptive ? `${source.title} (descriptive title)` : source.title;
}

/** "Title · Publication · Date", with unknown parts named as unknown. */
export function formatWhere(
  source: Pick<SourceMeta, 'title' | 'titleIsDescriptive' | 'publication' | 'date' | 'dateInferred'>,
): string {
  return [formatTitle(source), source.publication ?? 'publication unknown', formatDate(source)].join(' · ');
}

/** The link line: the URL, flagged when unverified; or a plain statement that there is none. */
export function formatLink(source: Pick<Source, 'url' | 'urlVerified'>): string {
  if (!source.url) return 'no link known';
  return source.urlVerified ? source.url : `${source.url} (link not verified)`;
}

/** The byline as a person reads it: "by Miriam Okafor", or plainly "author not named". */
export function formatByline(source: Pick<SourceMeta, 'author'>): string {
  return source.author === null ? 'author not named' : `by ${source.author}`;
}

const KIND_WORDS: Readonly<Record<SourceKind, string | null>> = {
  article: null,
  opinion: 'opinion',
  blog: 'blog post',
  essay: 'essay',
  'reader-comments': 'reader comment',
};

/** The kind of text, named only where it is not a plain article: "opinion", "blog post", "reader comment". */
export function formatKind(source: Pick<SourceMeta, 'kind'>): string | null {
  return KIND_WORDS[source.kind];
}

/** "by Miriam Okafor · opinion", "author not named · blog post", "author not named". */
export function formatBylineAndKind(source: Pick<SourceMeta, 'author' | 'kind'>): string {
  const kind = formatKind(source);
  return kind === null ? formatByline(source) : `${formatByline(source)} · ${kind}`;
}

/** Who says it, as a person reads it: "Qu Xing, China's ambassador to Belgium". */
export function formatVoice(voice: Voice): string {
  const reported = voice.basis === 'reported' && voice.personId !== null ? ' (reported)' : '';
  return `${voice.name}, ${voice.role}${reported}`;
}

/** The speaker as data: null when the passage is the source's own voice with no named author. */
export function speakerOf(voice: Voice): { name: string; role: string } | null {
  if (
    voice.personId === null &&
    (voice.basis === 'own' || voice.basis === 'override') &&
    voice.role !== 'author' &&
    !voice.name.startsWith('Anonymous reader')
  ) {
    return null;
  }
  return { name: voice.name, role: voice.role };
}

/** The source as data, exactly as much as is known. */
export function sourceData(
  source: Pick<
    SourceMeta,
    'id' | 'title' | 'publication' | 'author' | 'date' | 'url' | 'urlVerified' | 'dateInferred' | 'credit'
  >,
): {
  id: string;
  title: string;
  publication: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  urlVerified: boolean;
  dateInferred: boolean;
  credit: string | null;
} {
  return {
    id: source.id,
    title: source.title,
    publication: source.publication,
    author: source.author,
    date: source.date,
    url: source.url,
    urlVerified: source.urlVerified,
    dateInferred: source.dateInferred,
    credit: source.credit,
  };
}

export type { Passage };
