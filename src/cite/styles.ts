/**
 * Citation styles through citation-js and its CSL plugin (citeproc-js underneath). APA comes bundled with the
 * plugin; MLA and Chicago are CSL files written for this project (src/cite/styles/), read from disk at start-up
 * — nothing is fetched at run time.
 */
import { readFileSync } from 'node:fs';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from './csl.ts';

export const CITATION_STYLES = ['mla', 'apa', 'chicago'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** The citation-js template name for each style. */
const TEMPLATE: Readonly<Record<CitationStyle, string>> = {
  mla: 'verbatim-mla',
  apa: 'apa',
  chicago: 'verbatim-chicago',
};

let registered = false;
function registerStyles(): void {
  if (registered) return;
  const templates = plugins.config.get('@csl').templates;
  for (const style of ['mla', 'chicago'] as const) {
    templates.add(TEMPLATE[style], readFileSync(new URL(`./styles/${style}.csl`, import.meta.url), 'utf8'));
  }
  registered = true;
}

/** One bibliography entry for `item` in `style`, as plain text or as HTML (italics kept). */
export function formatCitation(item: CslItem, style: CitationStyle, format: 'text' | 'html'): string {
  registerStyles();
  const out = new Cite([item]).format('bibliography', { format, template: TEMPLATE[style], lang: 'en-US' });
  if (format === 'text') return out.replace(/\s+/g, ' ').trim();
  // citeproc wraps the entry in two divs; the entry's inner HTML is what a card needs.
  const inner = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(out)?.[1] ?? out;
  return inner.trim();
}

export function isCitationStyle(value: string): value is CitationStyle {
  return (CITATION_STYLES as readonly string[]).includes(value);
}
