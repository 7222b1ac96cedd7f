/**
 * Corpus text and user input are shown literally: every character Discord's markdown would interpret is
 * escaped, and mentions are neutralised visually (allowed_mentions already stops the ping).
 * Characters that only format at the start of a line (quotes, headings, lists) are escaped only there, so
 * ordinary prose like "zero-sum" stays readable in the raw payload.
 */

const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;
const LINE_START_MARKDOWN = /^(\s*)(>|#{1,3}|-#|[-+]|\d+\.)(?=\s)/gm;

/** Escape Discord markdown so `text` renders exactly as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_MARKDOWN, (ch) => `\\${ch}`)
    .replace(LINE_START_MARKDOWN, (_, space: string, marker: string) =>
      // A backslash before a digit is shown literally; an ordered-list marker is escaped at its dot.
      /^\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`,
    )
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

/** For places Discord shows as plain text (footers, author names): no markdown, but mentions still look inert. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

/** A markdown masked link whose URL cannot break out of the parentheses; `label` must already be escaped. */
export function maskedLink(label: string, url: string): string {
  const safe = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
  return `[${label}](${safe})`;
}
