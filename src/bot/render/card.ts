/**
 * A debate card in Discord: the tag as the title, the short and full cite, then the source's words with the
 * passage in bold. Long text continues across fields, cut only between words; what does not fit in one message
 * is marked and is whole in the attached .md and .html files. Buttons widen the card or post it to the channel.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Card } from '../../cite/card.ts';
import { cardFileName, citeLine, exportCard, speakerNote, TAG_PLACEHOLDER } from '../../cite/export.ts';
import { isHttpUrl, LIMITS, truncate } from './limits.ts';
import { escapeMarkdown } from './markdown.ts';
import type { MessageBody } from './message.ts';

const CARD_COLOUR = 0x2f7d5b;

/** Shown where the words stop because the message is full. */
export const CONTINUED_IN_FILE = '… *(continued in the attached file)*';

export interface CardButtons {
  readonly before: string;
  readonly after: string;
  readonly post: string;
}

export interface CardFile {
  readonly name: string;
  readonly attachment: Buffer;
}

interface Token {
  readonly text: string;
  readonly read: boolean;
}

/** The card's words as tokens: words and the spaces between them, each knowing whether it is read aloud. */
function tokensOf(card: Card): Token[] {
  const tokens: Token[] = [];
  card.paragraphs.forEach((paragraph, i) => {
    if (i > 0) tokens.push({ text: '\n\n', read: false });
    for (const segment of paragraph.segments) {
      for (const part of segment.text.split(/(\s+)/)) if (part !== '') tokens.push({ text: part, read: segment.read });
    }
  });
  return tokens;
}

/** Markdown for a run of tokens: escaped, the read runs in bold with their outer spaces outside the marks. */
function renderTokens(tokens: readonly Token[]): string {
  let out = '';
  let i = 0;
  while (i < tokens.length) {
    const read = tokens[i]!.read;
    let run = '';
    while (i < tokens.length && tokens[i]!.read === read) run += tokens[i++]!.text;
    if (!read) {
      out += escapeMarkdown(run);
      continue;
    }
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run) ?? [];
    out += core === '' ? run : `${lead}**${escapeMarkdown(core)}**${trail}`;
  }
  return out;
}

/**
 * Split tokens from `from` on into pieces of at most `first` characters for the first and `rest` for the others,
 * cut only at whitespace; stops when `budget` characters are used, reporting how far it got.
 */
function packTokens(
  tokens: readonly Token[],
  from: number,
  first: number,
  rest: number,
  budget: number,
): { pieces: string[]; next: number } {
  const pieces: string[] = [];
  let used = 0;
  let start = from;
  while (start < tokens.length) {
    const room = Math.min(pieces.length === 0 ? first : rest, budget - used);
    if (room < 40) break;
    // Skip whitespace at a piece's start: a field cannot begin with a blank line.
    while (start < tokens.length && /^\s+$/.test(tokens[start]!.text)) start++;
    if (start >= tokens.length) break;
    // Estimate the rendered length token by token (escapes, plus 4 for each bold run), then check it for real.
    let end = start;
    let estimate = 0;
    while (end < tokens.length) {
      const token = tokens[end]!;
      const opensRun = token.read && (end === start || !tokens[end - 1]!.read);
      const grown = estimate + escapeMarkdown(token.text).length + (opensRun ? 4 : 0);
      if (grown > room) break;
      estimate = grown;
      end++;
    }
    while (end > start && renderTokens(tokens.slice(start, end)).trimEnd().length > room) end--;
    // One word longer than a whole field (a URL, a run of symbols) cannot be shown whole: stop, marked.
    if (end === start) break;
    const piece = renderTokens(tokens.slice(start, end)).trimEnd();
    pieces.push(piece);
    used += piece.length;
    start = end;
  }
  return { pieces, next: start };
}

/** Characters of context kept before the passage when the words do not all fit and must start later. */
const LEAD_IN = 600;

/**
 * The card's words for Discord: pieces that fit the description and fields, cut only between words. When they
 * do not all fit, the passage is still shown — the words start a little before it, after "…" — and the end is
 * marked as continued in the attached file.
 */
export function packWords(
  card: Card,
  first: number,
  rest: number,
  budget: number,
): { pieces: string[]; complete: boolean; cutStart: boolean } {
  const tokens = tokensOf(card);
  let packed = packTokens(tokens, 0, first, rest, budget);
  const firstRead = tokens.findIndex((t) => t.read);
  const lastRead = tokens.findLastIndex((t) => t.read);
  let cutStart = false;
  if (packed.next < tokens.length && firstRead >= 0 && packed.next <= lastRead) {
    let from = firstRead;
    let lead = 0;
    while (from > 0 && lead + tokens[from - 1]!.text.length <= LEAD_IN) lead += tokens[--from]!.text.length;
    while (from < firstRead && /^\s+$/.test(tokens[from]!.text)) from++;
    if (from > 0) {
      packed = packTokens(tokens, from, first - 2, rest, budget - 2);
      cutStart = true;
    }
  }
  const pieces = packed.pieces;
  if (cutStart && pieces.length > 0) pieces[0] = `… ${pieces[0]}`;
  return { pieces, complete: packed.next >= tokens.length, cutStart };
}

function buttonRow(card: Card, buttons: CardButtons | null): APIActionRowComponent<APIButtonComponent>[] {
  if (buttons === null) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: buttons.before,
          label: '＋ before',
          disabled: !card.canWidenBefore,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: buttons.after,
          label: '＋ after',
          disabled: !card.canWidenAfter,
        },
        { type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: buttons.post, label: 'Post to channel' },
      ],
    },
  ];
}

/** Room kept for names, footer and the title when packing the text into one message's 6000 characters. */
const EMBED_OVERHEAD = 600;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * A style's HTML entry (citeproc marks titles of containers with <i>) as Discord markdown: italics kept,
 * every other tag dropped, entities decoded, the text escaped.
 */
export function styledToMarkdown(html: string): string {
  return html
    .split(/(<\/?i>)/)
    .map((part) => {
      if (part === '<i>' || part === '</i>') return '*';
      const text = part.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
        return ENTITIES[name.toLowerCase()] ?? whole;
      });
      return escapeMarkdown(text);
    })
    .join('');
}

/** "passage only", "paragraph 3", "paragraphs 2–4" (1-based, as a reader counts). */
function spanText(card: Card): string {
  if (card.span.sentenceOnly) return 'passage only';
  const first = (card.paragraphs[0]?.index ?? 0) + 1;
  const last = (card.paragraphs[card.paragraphs.length - 1]?.index ?? 0) + 1;
  return first === last ? `paragraph ${first}` : `paragraphs ${first}–${last}`;
}

/** The card as one embed; `url` links the title to the source when its link is known and verified. */
export function renderCardEmbed(card: Card, url: string | null): APIEmbed {
  const cite = card.styled === null ? escapeMarkdown(citeLine(card)) : styledToMarkdown(card.styled.html);
  const citeText = `**${escapeMarkdown(card.shortCite)}** — ${cite}`;
  const extras: string[] = [];
  const speaker = speakerNote(card);
  if (speaker !== null) extras.push(escapeMarkdown(speaker));
  if (card.caveats.length > 0) extras.push(`*Note: ${escapeMarkdown(card.caveats.join('; '))}.*`);
  if (card.credit !== null) extras.push(`*${escapeMarkdown(card.credit)}*`);
  const head = truncate([citeText, ...extras].join('\n'), 1500);
  const title = card.tag === null ? TAG_PLACEHOLDER : card.tag;
  const budget = LIMITS.embedsTotal - EMBED_OVERHEAD - head.length - title.length;
  const { pieces, complete, cutStart } = packWords(
    card,
    LIMITS.embedDescription - head.length - 2 - CONTINUED_IN_FILE.length,
    LIMITS.fieldValue - CONTINUED_IN_FILE.length,
    budget,
  );
  const last = pieces.length - 1;
  if (!complete && last >= 0) pieces[last] = `${pieces[last]}${CONTINUED_IN_FILE}`;
  if (!complete && last < 0) pieces.push(CONTINUED_IN_FILE.replace(/^… /, ''));
  const filesText =
    complete && !cutStart
      ? '.md and .html attached'
      : 'shortened here: the whole text is in the attached .md and .html';
  const fields: APIEmbedField[] = pieces.slice(1).map((value) => ({ name: '(continued)', value }));
  const embed: APIEmbed = {
    color: CARD_COLOUR,
    title: truncate(card.tag === null ? TAG_PLACEHOLDER : escapeMarkdown(card.tag), LIMITS.embedTitle),
    description: `${head}\n\n${pieces[0] ?? ''}`,
    footer: { text: [`Card · bold = the passage, verbatim`, spanText(card), filesText].join(' · ') },
  };
  if (fields.length > 0) embed.fields = fields.slice(0, LIMITS.embedFields);
  if (url !== null && isHttpUrl(url)) embed.url = url;
  return embed;
}

/** The private card with its buttons (none once posted, or when the store could not keep the card's state). */
export function renderCard(card: Card, url: string | null, buttons: CardButtons | null): MessageBody {
  return { embeds: [renderCardEmbed(card, url)], components: buttonRow(card, buttons) };
}

/** The .md and .html files of the card, to attach. */
export function cardFiles(card: Card): CardFile[] {
  return (['markdown', 'html'] as const).map((format) => ({
    name: cardFileName(card, format),
    attachment: Buffer.from(exportCard(card, format), 'utf8'),
  }));
}
