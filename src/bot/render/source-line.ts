/**
 * How a source is named everywhere: title · publication · date, with unknowns said plainly, never guessed.
 */
import type { SourceMeta } from '../../corpus/types.ts';

export function describeDate(source: Pick<SourceMeta, 'date' | 'dateInferred'>): string {
  if (source.date === null) return 'date unknown';
  return source.dateInferred ? `${source.date} (inferred)` : source.date;
}

export function describeTitle(source: Pick<SourceMeta, 'title' | 'titleIsDescriptive'>): string {
  return source.titleIsDescriptive ? `${source.title} (descriptive title)` : source.title;
}

/** `Title · Publication · Date` as plain text (escape it before putting it in markdown). */
export function describeSource(source: SourceMeta): string {
  return [describeTitle(source), source.publication ?? 'publication unknown', describeDate(source)].join(' · ');
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
