/**
 * The /quote answer: one passage in full with who said it, where, when and the link; ◀ ▶ and Context buttons.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import { formatBylineAndKind } from '../../present.ts';
import type { QuoteHit } from '../../search/engine.ts';
import { isHttpUrl, LIMITS, truncate } from './limits.ts';
import { escapeMarkdown } from './markdown.ts';
import { formatLinkStatus, formatVoice, formatWhere } from '../../present.ts';
import type { MessageBody } from './message.ts';

/** Embed colour: a muted blue, the same on every quote so answers are recognisable. */
const QUOTE_COLOUR = 0x3b6ea5;

export interface QuotePage {
  readonly hit: QuoteHit;
  /** 0-based position among the matches. */
  readonly index: number;
  readonly total: number;
  /** Custom ids for the buttons; null when paging state could not be saved (no buttons then). */
  readonly buttons: {
    readonly prev: string;
    readonly next: string;
    readonly context: string;
    readonly card: string;
  } | null;
  /** Shown in the footer, e.g. "random pick". */
  readonly note?: string;
}

/** Markdown block quote, line by line (the passage may itself contain quotation marks). */
export function blockquote(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** The embed for one passage. */
export function renderQuoteEmbed(page: Pick<QuotePage, 'hit' | 'index' | 'total' | 'note'>): APIEmbed {
  const { passage, source } = page.hit;
  const quoted = blockquote(escapeMarkdown(passage.text));
  const footer = [`match ${page.index + 1} of ${page.total}`, formatLinkStatus(source), formatBylineAndKind(source)];
  if (page.note !== undefined) footer.push(page.note);
  const embed: APIEmbed = {
    color: QUOTE_COLOUR,
    author: { name: truncate(formatVoice(page.hit.passage.voice), LIMITS.authorName) },
    title: truncate(escapeMarkdown(formatWhere(source)), LIMITS.embedTitle),
    description: truncate(quoted, LIMITS.embedDescription),
    footer: { text: footer.join(' · ') },
  };
  if (source.url !== null && isHttpUrl(source.url)) embed.url = source.url;
  if (source.credit !== null) {
    embed.fields = [{ name: 'Credit', value: truncate(escapeMarkdown(source.credit), LIMITS.fieldValue) }];
  }
  return embed;
}

function buttonRow(page: QuotePage): APIActionRowComponent<APIButtonComponent>[] {
  if (page.buttons === null) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: page.buttons.prev,
          label: '◀',
          disabled: page.index <= 0,
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: page.buttons.next,
          label: '▶',
          disabled: page.index >= page.total - 1,
        },
        { type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: page.buttons.context, label: 'Context' },
        { type: ComponentType.Button, style: ButtonStyle.Success, custom_id: page.buttons.card, label: 'Card' },
      ],
    },
  ];
}

/** The whole /quote message for one page of matches. */
export function renderQuote(page: QuotePage): MessageBody {
  return { embeds: [renderQuoteEmbed(page)], components: buttonRow(page) };
}

/** The paragraph around a passage, with the passage in bold, shown privately. */
export function renderContext(hit: QuoteHit): MessageBody {
  const { passage, source } = hit;
  const paragraph = hit.context;
  const at = paragraph.indexOf(passage.text);
  let description: string;
  if (at >= 0) {
    const middle = `**${escapeMarkdown(passage.text)}**`;
    // Keep the passage visible even in a huge paragraph: trim the surroundings, not the passage.
    const room = Math.max(0, LIMITS.embedDescription - middle.length);
    const before = fitEscaped(paragraph.slice(0, at), Math.floor(room / 2), 'end');
    const after = fitEscaped(paragraph.slice(at + passage.text.length), room - before.length, 'start');
    description = `${before}${middle}${after}`;
  } else {
    description = escapeMarkdown(paragraph);
  }
  const heading = source.paragraphs[passage.paragraphIndex]?.heading ?? null;
  const embed: APIEmbed = {
    color: QUOTE_COLOUR,
    title: truncate(escapeMarkdown(`Context — ${formatWhere(source)}`), LIMITS.embedTitle),
    description: truncate(description, LIMITS.embedDescription),
    footer: { text: `paragraph ${passage.paragraphIndex + 1} · ${formatVoice(passage.voice)}` },
  };
  if (heading !== null) embed.author = { name: truncate(heading, LIMITS.authorName) };
  if (source.url !== null && isHttpUrl(source.url)) embed.url = source.url;
  return { embeds: [embed] };
}

/** Escape `raw` and keep at most `room` characters of it, cutting raw text (never an escape) at one end. */
function fitEscaped(raw: string, room: number, keep: 'start' | 'end'): string {
  let escaped = escapeMarkdown(raw);
  let length = raw.length;
  while (escaped.length > room && length > 0) {
    length = Math.min(length - 1, Math.floor(length * 0.9));
    const part = keep === 'start' ? raw.slice(0, length) : raw.slice(raw.length - length);
    const body = escapeMarkdown(part);
    escaped = keep === 'start' ? `${body}…` : `…${body}`;
  }
  return escaped.length > room ? '' : escaped;
}
