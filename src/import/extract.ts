/**
 * The article text of a page or file, as paragraphs. HTML goes through Mozilla's Readability (the engine of
 * Firefox Reader View) over a jsdom document, after the furniture it can miss — share bars, related links,
 * newsletter prompts, captions, comment threads — is removed by name; .docx goes through mammoth to HTML;
 * .txt and .md are taken as they are. No script on a page runs and nothing it links to is loaded.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { UserError } from '../errors.ts';
import { readPageMetadata, type PageMetadata } from './metadata.ts';

export interface Block {
  readonly text: string;
  /** A crosshead printed above the paragraph. */
  readonly heading: string | null;
}

export interface Extracted {
  readonly blocks: readonly Block[];
  readonly metadata: PageMetadata;
  /** Readability's own title and byline: the page's `<title>`/`<h1>` and byline line, used only when no tag gives one. */
  readonly pageTitle: string | null;
  readonly byline: string | null;
}

/** Fewest words of article text an import accepts: less is a stub, a teaser or a page of links. */
export const MIN_ARTICLE_WORDS = 40;

/** Fewest words a page must hold when Readability doubts it is an article (short wire paragraphs, for example). */
export const DOUBTFUL_ARTICLE_WORDS = 150;

/** Class and id words that mark page furniture rather than article text. */
const FURNITURE_WORDS = new Set([
  'share',
  'sharing',
  'social',
  'related',
  'newsletter',
  'subscribe',
  'signup',
  'promo',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'comment',
  'comments',
  'caption',
  'recirc',
  'outbrain',
  'taboola',
  'sponsored',
  'paywall',
]);
const FURNITURE_TAGS =
  'script, style, noscript, template, iframe, nav, aside, footer, form, button, figcaption, dialog';
const BLOCK_TAGS = new Set(['P', 'LI', 'PRE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DD', 'DT', 'TD']);

/** Class and id words of the article's own containers ("story-body has-comments" is the story, not its comments). */
const CONTENT_WORDS = new Set(['article', 'body', 'content', 'main', 'story', 'entry', 'post', 'text']);

function isFurniture(element: Element): boolean {
  if (['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(element.tagName)) return false;
  const words = `${element.getAttribute('class') ?? ''} ${element.id}`.toLowerCase().split(/[^a-z]+/);
  return words.some((w) => FURNITURE_WORDS.has(w)) && !words.some((w) => CONTENT_WORDS.has(w));
}

function removeFurniture(document: Document): void {
  for (const element of document.querySelectorAll(FURNITURE_TAGS)) element.remove();
  for (const element of document.querySelectorAll('[class], [id]')) if (isFurniture(element)) element.remove();
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Paragraphs of an HTML fragment, crossheads kept as the heading of the paragraph below them. */
export function blocksOfHtml(html: string): Block[] {
  const document = new JSDOM(`<body>${html}</body>`).window.document;
  const blocks: Block[] = [];
  let heading: string | null = null;
  const visit = (element: Element): void => {
    const hasBlockChild = [...element.children].some(
      (child) => BLOCK_TAGS.has(child.tagName) || child.querySelector('p, li, h2, h3, h4, h5, h6') !== null,
    );
    if (BLOCK_TAGS.has(element.tagName) && !hasBlockChild) {
      const text = collapse(element.textContent);
      if (text === '') return;
      if (/^H[1-6]$/.test(element.tagName)) heading = text;
      else {
        blocks.push({ text, heading });
        heading = null;
      }
      return;
    }
    for (const child of element.children) visit(child);
  };
  visit(document.body);
  return blocks;
}

function wordCount(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
}

export interface HtmlOptions {
  /** Where the page was fetched from (null for a file): relative links resolve against it. */
  readonly url: string | null;
  /** True for a fetched page: a paywalled page is refused, since only its teaser is public. */
  readonly fetched: boolean;
}

/** Extracts the article from a page. Throws `UserError` when the page holds no article. */
export function extractHtml(html: string, options: HtmlOptions): Extracted {
  const dom = new JSDOM(html, options.url === null ? {} : { url: options.url });
  const document = dom.window.document;
  const metadata = readPageMetadata(document);
  removeFurniture(document);
  const readerable = isProbablyReaderable(document);
  const article = new Readability(document, { charThreshold: 200 }).parse();
  const blocks = article?.content ? blocksOfHtml(article.content) : [];
  const words = wordCount(blocks);
  if (options.fetched && metadata.accessibleForFree === false) {
    throw new UserError('import.paywalled', { words });
  }
  // Reader view's own test is strict about long paragraphs; a page it doubts still passes with enough text.
  if (words < MIN_ARTICLE_WORDS || (!readerable && words < DOUBTFUL_ARTICLE_WORDS)) {
    throw new UserError('import.not-article', { words });
  }
  const title = collapse(article?.title);
  const byline = collapse(article?.byline).replace(/^by\s+/i, '');
  // The headline printed again as the first crosshead is not part of the body.
  const first = blocks[0];
  const headlines = new Set([title, metadata.title?.value ?? ''].map((t) => t.toLowerCase()));
  const body =
    first?.heading != null && headlines.has(first.heading.toLowerCase())
      ? [{ ...first, heading: null }, ...blocks.slice(1)]
      : blocks;
  return { blocks: body, metadata, pageTitle: title === '' ? null : title, byline: byline === '' ? null : byline };
}

const NO_METADATA: PageMetadata = {
  title: null,
  author: null,
  date: null,
  unreadDate: null,
  publication: null,
  canonicalUrl: null,
  kind: null,
  accessibleForFree: null,
};

/** A Word document's paragraphs; a first Heading 1 (or Title) is its headline. */
export async function extractDocx(bytes: Buffer): Promise<Extracted> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { externalFileAccess: false })).value;
  } catch {
    throw new UserError('import.bad-docx');
  }
  return withLeadingHeadline(blocksOfHtml(html));
}

/** Plain text or Markdown, as written: blank lines separate paragraphs, a Markdown `#` line is a heading. */
export function extractText(text: string, markdown: boolean): Extracted {
  const blocks: Block[] = [];
  let heading: string | null = null;
  for (const chunk of text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)) {
    const paragraph = collapse(chunk);
    if (paragraph === '') continue;
    const headingMatch = markdown ? /^#{1,6}\s+(.+)$/.exec(paragraph) : null;
    if (headingMatch?.[1] !== undefined && !chunk.trim().includes('\n')) heading = headingMatch[1].trim();
    else {
      blocks.push({ text: paragraph, heading });
      heading = null;
    }
  }
  return withLeadingHeadline(blocks);
}

/** A document whose first line is a heading names itself with it. */
function withLeadingHeadline(blocks: Block[]): Extracted {
  const first = blocks[0];
  if (wordCount(blocks) < MIN_ARTICLE_WORDS) throw new UserError('import.not-article', { words: wordCount(blocks) });
  if (first?.heading) {
    return {
      blocks: [{ ...first, heading: null }, ...blocks.slice(1)],
      metadata: NO_METADATA,
      pageTitle: first.heading,
      byline: null,
    };
  }
  return { blocks, metadata: NO_METADATA, pageTitle: null, byline: null };
}
