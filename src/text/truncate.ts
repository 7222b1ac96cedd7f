/**
 * The one way text is shortened for display, everywhere (Discord, console, problem messages): at a word
 * boundary when there is one late enough, ending with "…", never longer than `max` UTF-16 units (as
 * Discord counts), never splitting a surrogate pair or leaving a lone escaping backslash at the cut.
 */

const ELLIPSIS = '…';
/** A word boundary earlier than this share of `max` would waste too much room: cut mid-word instead. */
const MIN_WORD_CUT = 0.5;

/** `text` cut to at most `max` characters, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let at = max - 1;
  const space = text.lastIndexOf(' ', at);
  if (space > max * MIN_WORD_CUT) at = space;
  let cut = text.slice(0, at);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  cut = cut.trimEnd();
  const trailingBackslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}
