/**
 * How a source is named everywhere: title · publication · date, with unknowns said plainly, never guessed.
 */
import type { SourceMeta } from '../../corpus/types.ts';
import { formatDate, formatTitle, formatWhere } from '../../present.ts';

/** The same wording as the console's (src/present.ts): "March 2015 (inferred)", "date unknown". */
export const describeDate = formatDate;
export const describeTitle = formatTitle;

/** `Title · Publication · Date` as plain text (escape it before putting it in markdown). */
export function describeSource(source: SourceMeta): string {
  return formatWhere(source);
}

/** What the reader should know about the link. */
export function describeLink(source: Pick<SourceMeta, 'url' | 'urlVerified'>): string {
  if (source.url === null) return 'no link known';
  return source.urlVerified ? 'link verified' : 'link not verified';
}

/** A markdown masked link whose URL cannot break out of the parentheses. */
export function maskedLink(label: string, url: string): string {
  const safe = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
  return `[${label}](${safe})`;
}
