/**
 * Citation styles through citation-js and its CSL plugin (citeproc-js underneath). APA comes bundled with the
 * plugin; MLA and Chicago are CSL styles written for this project (src/cite/styles/) — nothing is read from disk
 * or fetched at run time.
 */
import { createRequire } from 'node:module';
import type { CslItem } from './csl.ts';
import { CHICAGO_CSL } from './styles/chicago.ts';
import { MLA_CSL } from './styles/mla.ts';

export const CITATION_STYLES = ['mla', 'apa', 'chicago'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** The citation-js template name for each style. */
const TEMPLATE: Readonly<Record<CitationStyle, string>> = {
  mla: 'verbatim-mla',
  apa: 'apa',
  chicago: 'verbatim-chicago',
};

type CitationJs = typeof import('@citation-js/core');

/**
 * citation-js and its CSL engine, loaded on the first citation rather than at start: they are a fifth of what the
 * console loads before its first answer, and only `/cite` needs them. Both are CommonJS, so `require` loads them
 * synchronously and formatting stays a plain function.
 */
let citationJs: CitationJs | null = null;
function engine(): CitationJs {
  if (citationJs) return citationJs;
  const require = createRequire(import.meta.url);
  const core = require('@citation-js/core') as CitationJs;
  require('@citation-js/plugin-csl');
  const templates = core.plugins.config.get('@csl').templates;
  templates.add(TEMPLATE.mla, MLA_CSL);
  templates.add(TEMPLATE.chicago, CHICAGO_CSL);
  citationJs = core;
  return core;
}

/** Whether citation-js has been loaded (the console's start leaves it unloaded). */
export function citationEngineLoaded(): boolean {
  return citationJs !== null;
}

/**
 * Formatting costs tens of milliseconds once a style's engine is built (over a second for APA's first use), and
 * a corpus has few sources: each entry is kept, keyed by style, format and record.
 */
const formatted = new Map<string, string>();
const MAX_CACHED = 2000;

/** One bibliography entry for `item` in `style`, as plain text or as HTML (italics kept). */
export function formatCitation(item: CslItem, style: CitationStyle, format: 'text' | 'html'): string {
  const key = `${style}\u0000${format}\u0000${JSON.stringify(item)}`;
  const cached = formatted.get(key);
  if (cached !== undefined) return cached;
  const { Cite } = engine();
  const out = new Cite([item]).format('bibliography', { format, template: TEMPLATE[style], lang: 'en-US' });
  // citeproc wraps an HTML entry in two divs; the entry's inner HTML is what a card needs.
  const entry =
    format === 'text'
      ? out.replace(/\s+/g, ' ').trim()
      : (/<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(out)?.[1] ?? out).trim();
  if (formatted.size >= MAX_CACHED) formatted.clear();
  formatted.set(key, entry);
  return entry;
}

export function isCitationStyle(value: string): value is CitationStyle {
  return (CITATION_STYLES as readonly string[]).includes(value);
}
