/**
 * From extracted text and metadata to a corpus source file: the front matter (only what the page or file
 * gives; the rest null, with the notes saying where each value came from) and the body.
 */
import { stringify } from 'yaml';
import type { SourceKind } from '../corpus/types.ts';
import type { Block, Extracted } from './extract.ts';

export interface ImportDraft {
  readonly id: string;
  readonly title: string;
  readonly titleIsDescriptive: boolean;
  readonly publication: string | null;
  readonly author: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly urlVerified: boolean;
  readonly accessed: string | null;
  readonly kind: SourceKind;
  readonly notes: string;
  readonly blocks: readonly Block[];
  /** Fields the page or file did not give, for the preview. */
  readonly missing: readonly ('title' | 'publication' | 'author' | 'date' | 'url')[];
}

export interface DraftOrigin {
  /** The fetched page's final address, or null for a file. */
  readonly fetchedUrl: string | null;
  /** The file's name, or null for a fetched page. */
  readonly fileName: string | null;
  /** Today, YYYY-MM-DD: the `accessed` date of a fetched page. */
  readonly today: string;
}

/** Lower-case words joined by hyphens, accents dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const SLUG_STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'for',
  'is',
  'are',
  'with',
  'by',
  'at',
]);

/** `publication-year-headline-words`, at most 64 characters, cut at a word; parts the source lacks are left out. */
export function slugFor(publication: string | null, date: string | null, title: string): string {
  const words = slugify(title)
    .split('-')
    .filter((w) => w !== '' && !SLUG_STOP_WORDS.has(w));
  const head = [
    publication === null ? '' : slugify(publication).split('-').slice(0, 3).join('-'),
    date?.slice(0, 4) ?? '',
  ]
    .filter(Boolean)
    .join('-');
  let slug = head;
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > 64) break;
    slug = next;
    if (slug.split('-').length - head.split('-').length >= 6) break;
  }
  return slug === '' ? 'imported-source' : slug.slice(0, 64).replace(/-+$/, '');
}

/** The draft's notes (where each field came from) and the fields nobody gave, filled field by field. */
interface Notebook {
  readonly notes: string[];
  readonly missing: ImportDraft['missing'][number][];
  /** Note where `field` came from: `found`'s origin, else `fallback`, else that the page or file lacks it. */
  said(field: string, found: { from: string } | null, fallback?: string): void;
}

function createNotebook(origin: DraftOrigin): Notebook {
  const notes: string[] = [
    origin.fetchedUrl !== null
      ? `Imported on ${origin.today} from ${origin.fetchedUrl}.`
      : `Imported on ${origin.today} from the file ${origin.fileName ?? '(unnamed)'}.`,
  ];
  return {
    notes,
    missing: [],
    said(field, found, fallback) {
      if (found !== null) notes.push(`${field}: from the ${found.from}.`);
      else if (fallback !== undefined) notes.push(`${field}: ${fallback}.`);
      else notes.push(`${field}: not given by the ${origin.fetchedUrl !== null ? 'page' : 'file'}.`);
    },
  };
}

/** The title from the metadata, else the page title, else a descriptive one naming the file or host. */
function draftTitle(extracted: Extracted, origin: DraftOrigin, book: Notebook) {
  const { metadata } = extracted;
  book.said('Title', metadata.title, extracted.pageTitle === null ? undefined : 'from the page title or first heading');
  const title = metadata.title?.value ?? extracted.pageTitle;
  if (title !== null) return { title, titleIsDescriptive: false };
  book.missing.push('title');
  const descriptive =
    origin.fileName !== null
      ? `Imported file ${origin.fileName}`
      : `Untitled page from ${new URL(origin.fetchedUrl ?? 'https://unknown.invalid').host}`;
  return { title: descriptive, titleIsDescriptive: true };
}

/** Author, publication and date as the metadata (or, for the author, the printed byline) gives them. */
function draftByline(extracted: Extracted, book: Notebook) {
  const { metadata } = extracted;
  book.said('Author', metadata.author, extracted.byline === null ? undefined : 'from the byline printed in the text');
  const author = metadata.author?.value ?? extracted.byline;
  if (author === null) book.missing.push('author');

  const publication = metadata.publication?.value ?? null;
  book.said('Publication', metadata.publication);
  if (publication === null) book.missing.push('publication');

  const date = metadata.date?.value ?? null;
  book.said(
    'Date',
    metadata.date,
    metadata.unreadDate === null
      ? undefined
      : `the page gives "${metadata.unreadDate}", a form not read, so none is set`,
  );
  if (date === null) book.missing.push('date');
  return { author, publication, date };
}

/** The draft for an extracted page or file. `id` is the slug asked for with --id, if any. */
export function draftFrom(extracted: Extracted, origin: DraftOrigin, id: string | null): ImportDraft {
  const { metadata } = extracted;
  const book = createNotebook(origin);
  const { title, titleIsDescriptive } = draftTitle(extracted, origin, book);
  const { author, publication, date } = draftByline(extracted, book);

  const url = metadata.canonicalUrl?.value ?? origin.fetchedUrl;
  if (metadata.canonicalUrl !== null) book.notes.push(`Link: from the ${metadata.canonicalUrl.from}.`);
  if (url === null) book.missing.push('url');

  const kind = metadata.kind ?? 'article';
  if (metadata.kind === null)
    book.notes.push('Kind: article by default; change it to opinion, blog or essay if it is one.');

  return {
    id: id ?? slugFor(publication, date, title),
    title,
    titleIsDescriptive,
    publication,
    author,
    date,
    url,
    // A fetched page was seen to hold this text; a file's link (its canonical tag) was not.
    urlVerified: origin.fetchedUrl !== null,
    accessed: origin.fetchedUrl !== null ? origin.today : null,
    kind,
    notes: book.notes.join(' '),
    blocks: extracted.blocks,
    missing: book.missing,
  };
}

/** A paragraph, with its crosshead as a Markdown heading line above it (the loader reads it back as one). */
function bodyLine(block: Block): string {
  return block.heading === null ? block.text : `## ${block.heading}\n\n${block.text}`;
}

/** The corpus file for `draft`: YAML front matter and the paragraphs, blank-line separated. */
export function renderSourceFile(draft: ImportDraft): string {
  const front = {
    id: draft.id,
    title: draft.title,
    ...(draft.titleIsDescriptive ? { titleIsDescriptive: true } : {}),
    publication: draft.publication,
    author: draft.author,
    date: draft.date,
    url: draft.url,
    urlVerified: draft.urlVerified,
    accessed: draft.accessed,
    kind: draft.kind,
    notes: draft.notes,
  };
  const yaml = stringify(front, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${draft.blocks.map(bodyLine).join('\n\n')}\n`;
}
