/**
 * The one way text is shortened for display, everywhere (Discord, console, problem messages): at a word
 * boundary when there is one late enough, ending with "…", never longer than `max` UTF-16 units (as
 * Discord counts), never splitting a surrogate pair or leaving a lone escaping backslash at the cut.
 */

const ELLIPSIS = '…';
/** A word boundary earlier than this share of `max` would waste too much room: cut mid-word instead. */
const MIN_WORD_CUT = 0.5;

/**
 * Where to cut `text` so that `text.slice(0, at)` has at most `max` characters: at the last space when it
 * is late enough, with trailing spaces, a dangling high surrogate and an odd trailing backslash left out.
 */
export function cutAtWord(text: string, max: number): number {
  if (text.length <= max) return text.length;
  let at = Math.max(0, max);
  const space = text.lastIndexOf(' ', at);
  if (space > max * MIN_WORD_CUT) at = space;
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at--;
  const last = text.charCodeAt(at - 1);
  if (last >= 0xd800 && last <= 0xdbff) at--;
  const trailingBackslashes = /\\+$/.exec(text.slice(0, at))?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) at--;
  return at;
}

/** `text` cut to at most `max` characters, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  return `${text.slice(0, cutAtWord(text, max - 1))}${ELLIPSIS}`;
}
