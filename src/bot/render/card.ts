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
 * Split the card's words into pieces of at most `first` characters for the first and `rest` for the others, cut
 * only at whitespace; stops when `budget` characters are used, reporting that the text did not all fit.
 */
export function packWords(
  card: Card,
  first: number,
  rest: number,
  budget: number,
): { pieces: string[]; complete: boolean } {
  const tokens = tokensOf(card);
  const pieces: string[] = [];
  let used = 0;
  let start = 0;
  while (start < tokens.length) {
    const room = Math.min(pieces.length === 0 ? first : rest, budget - used);
    if (room < 40) return { pieces, complete: false };
    // Skip whitespace at a piece's start: a field cannot begin with a blank line.
    while (start < tokens.length && /^\s+$/.test(tokens[start]!.text)) start++;
    let end = start;
    let best = start;
    while (end < tokens.length) {
      end++;
      if (renderTokens(tokens.slice(start, end)).length > room) break;
      best = end;
    }
    if (best === start) {
      // One word longer than a whole field (a URL, a run of symbols): it goes to the file, marked here.
      return { pieces, complete: false };
    }
    const piece = renderTokens(tokens.slice(start, best)).trimEnd();
    pieces.push(piece);
    used += piece.length;
    start = best;
  }
  return { pieces, complete: true };
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

/** The card as one embed; `url` links the title to the source when its link is known and verified. */
export function renderCardEmbed(card: Card, url: string | null): APIEmbed {
  const citeText = `**${escapeMarkdown(card.shortCite)}** — ${escapeMarkdown(citeLine(card))}`;
  const extras: string[] = [];
  const speaker = speakerNote(card);
  if (speaker !== null) extras.push(escapeMarkdown(speaker));
  if (card.caveats.length > 0) extras.push(`*Note: ${escapeMarkdown(card.caveats.join('; '))}.*`);
  if (card.credit !== null) extras.push(`*${escapeMarkdown(card.credit)}*`);
  const head = truncate([citeText, ...extras].join('\n'), 1500);
  const title = card.tag === null ? TAG_PLACEHOLDER : card.tag;
  const budget = LIMITS.embedsTotal - EMBED_OVERHEAD - head.length - title.length;
  const { pieces, complete } = packWords(
    card,
    LIMITS.embedDescription - head.length - 2 - CONTINUED_IN_FILE.length,
    LIMITS.fieldValue - CONTINUED_IN_FILE.length,
    budget,
  );
  const last = pieces.length - 1;
  if (!complete && last >= 0) pieces[last] = `${pieces[last]}${CONTINUED_IN_FILE}`;
  if (!complete && last < 0) pieces.push(CONTINUED_IN_FILE.replace(/^… /, ''));
  const fields: APIEmbedField[] = pieces.slice(1).map((value) => ({ name: '(continued)', value }));
  const embed: APIEmbed = {
    color: CARD_COLOUR,
    title: truncate(card.tag === null ? TAG_PLACEHOLDER : escapeMarkdown(card.tag), LIMITS.embedTitle),
    description: `${head}\n\n${pieces[0] ?? ''}`,
    footer: {
      text: `Card · bold = the passage, verbatim · ${card.span.sentenceOnly ? 'passage only' : `paragraphs ${card.paragraphs[0]!.index + 1}–${card.paragraphs[card.paragraphs.length - 1]!.index + 1}`} · .md and .html attached`,
    },
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
