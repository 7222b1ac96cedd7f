/**
 * The one wording module: how a source's facts and a passage's voice read to a person — date, title,
 * publication, author, link status, voice, where. The console, the JSON output and every Discord reply word
 * them through these functions only, so a change of wording reaches every surface at once (a test greps for
 * strays). Unknown stays "unknown"; inferred dates and unverified links say so. No markdown here: the Discord
 * renderers escape what these return.
 */
import type { Passage, Source, SourceKind, SourceMeta, Voice } from './corpus/types.ts';
import { AUTHOR_NOT_NAMED, ownVoiceOf } from './corpus/voice.ts';

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

/**
 * The title, marked when the corpus editors gave it rather than the source; with `quoted`, a real title is
 * in quotation marks (“…”) where it stands in a line of other facts.
 */
export function formatTitle(
  source: Pick<SourceMeta, 'title' | 'titleIsDescriptive'>,
  options: { quoted?: boolean } = {},
): string {
  if (source.titleIsDescriptive) return `${source.title} (descriptive title)`;
  return options.quoted ? `“${source.title}”` : source.title;
}

/** The publication, or "publication unknown". */
export function formatPublication(source: Pick<SourceMeta, 'publication'>): string {
  return source.publication ?? 'publication unknown';
}

/** The byline, or "author not named". */
export function formatAuthor(source: Pick<SourceMeta, 'author'>): string {
  return source.author ?? AUTHOR_NOT_NAMED;
}

/** "Title · Publication · Date", with unknown parts named as unknown. */
export function formatWhere(
  source: Pick<SourceMeta, 'title' | 'titleIsDescriptive' | 'publication' | 'date' | 'dateInferred'>,
  options: { quoted?: boolean } = {},
): string {
  return [formatTitle(source, options), formatPublication(source), formatDate(source)].join(' · ');
}

/** What a reader must be told about the link, or null when there is nothing to add (a verified link). */
export function formatLinkNote(source: Pick<Source, 'url' | 'urlVerified'>): string | null {
  if (source.url === null) return 'no link known';
  return source.urlVerified ? null : 'link not verified';
}

/** The link's status in every case: "link verified", "link not verified", "no link known". */
export function formatLinkStatus(source: Pick<Source, 'url' | 'urlVerified'>): string {
  return formatLinkNote(source) ?? 'link verified';
}

/** The link line: the URL, flagged when unverified; or a plain statement that there is none. */
export function formatLink(source: Pick<Source, 'url' | 'urlVerified'>): string {
  const note = formatLinkNote(source);
  if (source.url === null) return note ?? '';
  return note ? `${source.url} (${note})` : source.url;
}

/** The byline as a person reads it: "by Miriam Okafor", or plainly "author not named". */
export function formatByline(source: Pick<SourceMeta, 'author'>): string {
  return source.author === null ? AUTHOR_NOT_NAMED : `by ${source.author}`;
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

/** When the text was taken from its link: "accessed 20 March 2026", or "accessed: date not recorded". */
export function formatAccessed(source: Pick<SourceMeta, 'accessed'>): string {
  return source.accessed
    ? `accessed ${formatDate({ date: source.accessed, dateInferred: false })}`
    : 'accessed: date not recorded';
}

/**
 * What a citation of `source` cannot vouch for, each said plainly: "author not named", "date inferred" or
 * "date unknown", "descriptive title", "link not verified" or "no link known", "access date not recorded".
 */
export function formatCaveats(
  source: Pick<
    SourceMeta,
    'author' | 'date' | 'dateInferred' | 'titleIsDescriptive' | 'url' | 'urlVerified' | 'accessed'
  >,
): string[] {
  const caveats: string[] = [];
  if (source.author === null) caveats.push(AUTHOR_NOT_NAMED);
  if (source.date === null) caveats.push(formatDate(source));
  else if (source.dateInferred) caveats.push('date inferred');
  if (source.titleIsDescriptive) caveats.push('descriptive title');
  const link = formatLinkNote(source);
  if (link !== null) caveats.push(link);
  if (!source.accessed) caveats.push('access date not recorded');
  return caveats;
}

/** "March 2015 (inferred); link not verified": what a reader should know about the date and the link. */
export function formatProvenance(source: Pick<Source, 'date' | 'dateInferred' | 'url' | 'urlVerified'>): string {
  const note = formatLinkNote(source);
  return note ? `${formatDate(source)}; ${note}` : formatDate(source);
}

/** Who says it: "Qu Xing — China's ambassador to Belgium", a paraphrase marked as the source's report. */
export function formatVoice(voice: Voice): string {
  const base = voice.role === '' ? voice.name : `${voice.name} — ${voice.role}`;
  return voice.basis === 'reported' ? `${base} (argument reported by the source)` : base;
}

/** The source speaking for itself, in one line: "Author, Publication", "Publication (author not named)". */
export function formatOwnVoice(meta: Pick<SourceMeta, 'author' | 'publication' | 'kind'>): string {
  const voice = ownVoiceOf(meta);
  if (meta.author) return meta.publication ? `${voice.name}, ${meta.publication}` : voice.name;
  if (meta.publication) return `${voice.name} (${formatAuthor(meta)})`;
  return `${voice.role}, no publication named`;
}

/** A speaker in a pick list: "Wang Yi — China's Foreign Minister", or the bare name of a voice with no role. */
export function formatSpeakerName(speaker: { readonly name: string; readonly role: string | null }): string {
  return speaker.role ? `${speaker.name} — ${speaker.role}` : speaker.name;
}

/** A source in a pick list: "The Diplomat — Title". */
export function formatSourceName(source: Pick<SourceMeta, 'publication' | 'title'>): string {
  return `${source.publication ?? 'Unknown publication'} — ${source.title}`;
}

/** A source's short name in lists: its publication, else its (descriptive) title. */
export function formatShortName(source: Pick<SourceMeta, 'publication' | 'title'>): string {
  return source.publication ?? source.title;
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
