/**
 * Corpus text and user input are shown literally: every character Discord's markdown would interpret is
 * escaped, and mentions are neutralised visually (allowed_mentions already stops the ping).
 */

const MARKDOWN_CHARS = /[\\*_~`|>#[\]()-]/g;

/** Escape Discord markdown so `text` renders exactly as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(MARKDOWN_CHARS, (ch) => `\\${ch}`)
    .replace(/@(everyone|here)/g, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>')
    .replace(/^(\s*)([+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*)(\d+)\.(\s)/gm, '$1$2\\.$3');
}

/** Inline-code a short user value (quotes, filters) so nothing in it formats; backticks are replaced. */
export function inlineLiteral(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ')}\``;
}
