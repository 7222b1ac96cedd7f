/**
 * What a page says about itself, in order of trust: JSON-LD `NewsArticle`/`Article` first, then `<meta>`
 * tags (Open Graph, `article:*`, `author`, `citation_*`), then the canonical link. Each value remembers
 * where it came from, for the source's notes. Nothing is guessed: a field no tag gives stays null.
 */
import type { SourceKind } from '../corpus/types.ts';

export interface Found {
  readonly value: string;
  /** Where the value was read, e.g. "JSON-LD headline" or "<meta property=og:title>". */
  readonly from: string;
}

export interface PageMetadata {
  readonly title: Found | null;
  readonly author: Found | null;
  /** The date as the page gives it, cut to YYYY-MM-DD / YYYY-MM / YYYY; null when absent or unreadable. */
  readonly date: Found | null;
  /** A date the page gives in a form not read (kept for the notes, never used as the date). */
  readonly unreadDate: string | null;
  readonly publication: Found | null;
  readonly canonicalUrl: Found | null;
  readonly kind: SourceKind | null;
  /** JSON-LD `isAccessibleForFree`: false marks a paywalled page. */
  readonly accessibleForFree: boolean | null;
}

const ARTICLE_TYPES: ReadonlyMap<string, SourceKind> = new Map([
  ['NewsArticle', 'article'],
  ['Article', 'article'],
  ['ReportageNewsArticle', 'article'],
  ['AnalysisNewsArticle', 'article'],
  ['BackgroundNewsArticle', 'article'],
  ['ScholarlyArticle', 'article'],
  ['OpinionNewsArticle', 'opinion'],
  ['BlogPosting', 'blog'],
]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in a JSON-LD block: top-level arrays and `@graph` lists flattened. */
function jsonLdObjects(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) for (const item of value) jsonLdObjects(item, out);
  else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) jsonLdObjects(value['@graph'], out);
  }
  return out;
}

function typesOf(object: Json): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function clean(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** `author` as JSON-LD writes it: a name, a Person/Organization object, or a list of them. */
function namesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namesOf);
  if (isObject(value)) return namesOf(value['name']);
  const name = clean(value);
  return name === null ? [] : [name];
}

function joinNames(names: readonly string[]): string | null {
  const unique = [...new Set(names)];
  if (unique.length === 0) return null;
  if (unique.length === 1) return unique[0] ?? null;
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

/** The date part of an ISO date or date-time, as written (no time-zone shift); null for any other form. */
export function isoDatePart(text: string): string | null {
  const match = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s]|$)/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return null;
  return [year, month, day].filter((part) => part !== undefined).join('-');
}

function isHttpUrl(text: string | null): text is string {
  return text !== null && /^https?:\/\/[^\s]+$/i.test(text);
}

function metaContent(document: Document, attribute: 'name' | 'property', key: string): string[] {
  const values: string[] = [];
  for (const element of document.querySelectorAll(`meta[${attribute}]`)) {
    if (element.getAttribute(attribute)?.toLowerCase() !== key.toLowerCase()) continue;
    const content = clean(element.getAttribute('content'));
    if (content !== null) values.push(content);
  }
  return values;
}

function firstMeta(document: Document, candidates: readonly (readonly ['name' | 'property', string])[]): Found | null {
  for (const [attribute, key] of candidates) {
    const value = metaContent(document, attribute, key)[0];
    if (value !== undefined) return { value, from: `<meta ${attribute}="${key}">` };
  }
  return null;
}

/** The page's first JSON-LD object of an article type, or null. */
function findArticle(document: Document): Json | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // A broken JSON-LD block says nothing; the meta tags may still.
    }
    const article = jsonLdObjects(parsed).find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
    if (article !== undefined) return article;
  }
  return null;
}

/** `key` of the JSON-LD article as found text, or null. */
function fromLd(article: Json | null, key: string): Found | null {
  const value = article === null ? null : clean(article[key]);
  return value === null ? null : { value, from: `JSON-LD ${key}` };
}

/** The author: JSON-LD, then the author and citation_author meta tags, then article:author when it is a name. */
function findAuthor(document: Document, article: Json | null): Found | null {
  const ldAuthor = article === null ? null : joinNames(namesOf(article['author']));
  if (ldAuthor !== null) return { value: ldAuthor, from: 'JSON-LD author' };
  const metaAuthors = joinNames(metaContent(document, 'name', 'citation_author'));
  return (
    firstMeta(document, [['name', 'author']]) ??
    (metaAuthors === null ? null : { value: metaAuthors, from: '<meta name="citation_author">' }) ??
    nonLinkAuthor(document)
  );
}

function findPublication(document: Document, article: Json | null): Found | null {
  const ldPublisher = article === null ? null : joinNames(namesOf(article['publisher']));
  if (ldPublisher !== null) return { value: ldPublisher, from: 'JSON-LD publisher' };
  return firstMeta(document, [
    ['property', 'og:site_name'],
    ['name', 'citation_journal_title'],
    ['name', 'citation_publisher'],
  ]);
}

/** The publication date as an ISO date, or the raw text when it is in a form not read. */
function findDate(document: Document, article: Json | null): Pick<PageMetadata, 'date' | 'unreadDate'> {
  const rawDate =
    fromLd(article, 'datePublished') ??
    firstMeta(document, [
      ['property', 'article:published_time'],
      ['name', 'citation_publication_date'],
      ['name', 'citation_date'],
      ['name', 'date'],
    ]);
  const datePart = rawDate === null ? null : isoDatePart(rawDate.value);
  return {
    date: rawDate !== null && datePart !== null ? { value: datePart, from: rawDate.from } : null,
    unreadDate: rawDate !== null && datePart === null ? rawDate.value : null,
  };
}

/** The canonical link, else og:url, when either is an http(s) address. */
function findCanonicalUrl(document: Document): Found | null {
  const canonicalHref = clean(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'));
  if (isHttpUrl(canonicalHref)) return { value: canonicalHref, from: '<link rel="canonical">' };
  const ogUrl = firstMeta(document, [['property', 'og:url']]);
  return ogUrl !== null && isHttpUrl(ogUrl.value) ? ogUrl : null;
}

/** JSON-LD isAccessibleForFree as a boolean (sites write it as a boolean or a string), null when absent. */
function accessibleForFreeOf(article: Json | null): boolean | null {
  const free = article?.['isAccessibleForFree'];
  if (free === false || free === 'False' || free === 'false') return false;
  if (free === true || free === 'True' || free === 'true') return true;
  return null;
}

/** The page's metadata; `document` is not modified. */
export function readPageMetadata(document: Document): PageMetadata {
  const article = findArticle(document);
  const title =
    fromLd(article, 'headline') ??
    firstMeta(document, [
      ['property', 'og:title'],
      ['name', 'citation_title'],
      ['name', 'twitter:title'],
    ]);
  return {
    title,
    author: findAuthor(document, article),
    ...findDate(document, article),
    publication: findPublication(document, article),
    canonicalUrl: findCanonicalUrl(document),
    kind:
      article === null
        ? null
        : (typesOf(article)
            .map((t) => ARTICLE_TYPES.get(t))
            .find((k) => k !== undefined) ?? null),
    accessibleForFree: accessibleForFreeOf(article),
  };
}

/** `<meta property="article:author">` holds a name on some sites and a profile link on others; only a name counts. */
function nonLinkAuthor(document: Document): Found | null {
  const value = metaContent(document, 'property', 'article:author').find((v) => !isHttpUrl(v));
  return value === undefined ? null : { value, from: '<meta property="article:author">' };
}
