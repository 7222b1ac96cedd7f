/**
 * /procon in Discord: the topic view (pages of one embed, Previous/Next, "Show the evidence"), the private
 * evidence view, the unknown-topic list, and the buttons' custom ids. Long lists are continued in further
 * fields ("Pro (cont.)"), embeds and pages rather than cut (fields.ts); only headings are ever shortened, at a
 * word, with "…" and a note in the footer.
 */
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { SourceMeta } from '../../corpus/types.ts';
import {
  formatAuthor,
  formatDate,
  formatLinkNote,
  formatProvenance,
  formatPublication,
  formatShortName,
  formatTitle,
} from '../../present.ts';
import type { Evidence, Point, Topic } from '../../procon/types.ts';
import { blockToFields, clipHeading, packFields, type Block, type Packing } from './fields.ts';
import { LIMITS, truncate } from './limits.ts';
import { escapeMarkdown, maskedLink } from './markdown.ts';

const PROCON_COLOUR = 0x4f6d7a;

/** A message a command can send: plain Discord JSON (set `allowed_mentions: { parse: [] }` when sending). */
export interface ProconMessage {
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponent>[];
}

export type ProconButton =
  | { readonly kind: 'evidence'; readonly topicId: string }
  | { readonly kind: 'page'; readonly topicId: string; readonly page: number };

/** Custom ids are routed by the `procon:` prefix to the command that owns them. */
export function buildProconCustomId(button: ProconButton): string {
  return button.kind === 'evidence'
    ? `procon:evidence:${button.topicId}`
    : `procon:page:${button.topicId}:${button.page}`;
}

export function parseProconCustomId(customId: string): ProconButton | null {
  const evidence = /^procon:evidence:([a-z0-9-]+)$/.exec(customId);
  if (evidence?.[1]) return { kind: 'evidence', topicId: evidence[1] };
  const page = /^procon:page:([a-z0-9-]+):(\d{1,4})$/.exec(customId);
  if (page?.[1] && page[2]) return { kind: 'page', topicId: page[1], page: Number(page[2]) };
  return null;
}

function topicButtons(topic: Topic, page: number, pageCount: number): APIActionRowComponent<APIButtonComponent> {
  const button = (label: string, custom: ProconButton, disabled?: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: custom.kind === 'evidence' ? ButtonStyle.Primary : ButtonStyle.Secondary,
    label,
    custom_id: buildProconCustomId(custom),
    ...(disabled === undefined ? {} : { disabled }),
  });
  const buttons = [button('Show the evidence', { kind: 'evidence', topicId: topic.id })];
  if (pageCount > 1) {
    buttons.push(
      button('◀ Previous', { kind: 'page', topicId: topic.id, page: page - 1 }, page <= 0),
      button('Next ▶', { kind: 'page', topicId: topic.id, page: page + 1 }, page >= pageCount - 1),
    );
  }
  return { type: ComponentType.ActionRow, components: buttons };
}

/** The source, linked when there is a link, with what a reader must know about the link. */
function sourceLink(s: SourceMeta, label: string): string {
  const note = formatLinkNote(s);
  if (s.url === null) return note ?? '';
  const link = maskedLink(escapeMarkdown(label), s.url);
  return note ? `${link} (${note})` : link;
}

/** The source's short name, linked when there is a link. */
function linkedName(s: SourceMeta): string {
  const name = escapeMarkdown(formatShortName(s));
  return s.url === null ? name : maskedLink(name, s.url);
}

function sourceDescription(s: SourceMeta): string {
  const facts = [formatPublication(s), formatDate(s), formatAuthor(s)].map(escapeMarkdown).join(' · ');
  return [
    `**Source:** ${escapeMarkdown(formatTitle(s, { quoted: true }))}`,
    facts,
    sourceLink(s, 'Read the source'),
  ].join('\n');
}

function claimLines(points: readonly Point[], argumentBy: string): string[] {
  return [`*${escapeMarkdown(argumentBy)}*`, ...points.map((p, i) => `**${i + 1}.** ${escapeMarkdown(p.claim)}`)];
}

function topicBlocks(topic: Topic): Block[] {
  const blocks: Block[] = [
    { name: `Pro — ${topic.sides.pro.label}`, lines: claimLines(topic.pro, topic.sides.pro.argumentBy) },
    { name: `Con — ${topic.sides.con.label}`, lines: claimLines(topic.con, topic.sides.con.argumentBy) },
    { name: 'Bottom line', lines: [escapeMarkdown(topic.bottomLine.claim)] },
  ];
  if (topic.elsewhere.length > 0) {
    const line = (e: Topic['elsewhere'][number]) =>
      `• ${linkedName(e.source)} (${escapeMarkdown(formatProvenance(e.source))}) — ` +
      `*${escapeMarkdown(e.stance)}*: ${escapeMarkdown(e.claim)}`;
    blocks.push({ name: 'Elsewhere in the corpus', lines: topic.elsewhere.map(line) });
  }
  return blocks;
}

function finishFooter(embed: APIEmbed, parts: string[]): void {
  const text = parts.filter((p) => p.length > 0).join(' · ');
  if (text) embed.footer = { text: truncate(text, LIMITS.footer) };
}

/**
 * The public /procon answer, as pages of one embed each: the question, Pro and Con claims, the bottom line,
 * elsewhere in the corpus, and the source with its link. Most topics fit one page; a huge one gets more, with
 * Previous/Next buttons. Every page has the button that shows the evidence privately.
 */
export function renderTopicPages(topic: Topic): ProconMessage[] {
  const packing: Packing = { clipped: false };
  const title = clipHeading(topic.question, LIMITS.embedTitle, packing);
  let description = sourceDescription(topic.source);
  if (packing.clipped) description = `**${escapeMarkdown(topic.question)}**\n\n${description}`;
  description = clipHeading(description, LIMITS.embedDescription, packing);
  const fields = topicBlocks(topic).flatMap((b) => blockToFields(b, packing));
  const header = { title, description, descriptionOnEveryMessage: true, color: PROCON_COLOUR };
  const pages = packFields(fields, header, 1);
  return pages.map((embeds, page) => {
    for (const embed of embeds) {
      if (topic.source.url && embed.title === title) embed.url = topic.source.url;
      finishFooter(embed, [
        pages.length > 1 ? `Page ${page + 1}/${pages.length}` : '',
        packing.clipped ? 'Some headings were shortened (…); /procon in the console shows them in full' : '',
        'Evidence: press the button',
      ]);
    }
    return { embeds, components: [topicButtons(topic, page, pages.length)] };
  });
}

/** One page of the topic view; out-of-range pages are clamped. */
export function renderTopicPage(topic: Topic, page: number): ProconMessage & { page: number; pageCount: number } {
  const pages = renderTopicPages(topic);
  const at = Math.min(Math.max(0, Math.trunc(page)), pages.length - 1);
  const chosen = pages[at] ?? { embeds: [], components: [] };
  return { ...chosen, page: at, pageCount: pages.length };
}

function evidenceLines(e: Evidence, source: SourceMeta): string[] {
  const lines = [
    `> “${escapeMarkdown(e.text.replace(/\s*\n\s*/g, ' '))}”`,
    `— ${escapeMarkdown(e.voice)} · ${sourceLink(source, formatShortName(source))}`,
  ];
  if (source.credit) lines.push(`*${escapeMarkdown(source.credit)}*`);
  return lines;
}

function evidenceBlocks(topic: Topic): Block[] {
  const side = (points: readonly Point[], label: string): Block[] =>
    points.map((p, i) => ({
      name: `${label} ${i + 1} — ${p.claim}`,
      lines: p.evidence.flatMap((e) => evidenceLines(e, topic.source)),
    }));
  return [
    ...side(topic.pro, 'Pro'),
    ...side(topic.con, 'Con'),
    {
      name: `Bottom line — ${topic.bottomLine.claim}`,
      lines: topic.bottomLine.evidence.flatMap((e) => evidenceLines(e, topic.source)),
    },
    ...topic.elsewhere.map((e) => ({
      name: `Elsewhere: ${formatShortName(e.source)} — ${e.stance}`,
      lines: [escapeMarkdown(e.claim), ...e.evidence.flatMap((x) => evidenceLines(x, e.source))],
    })),
  ];
}

/**
 * The private evidence view: every point's excerpts, verbatim (the source's own characters), attributed and
 * linked. Several messages when needed (send the first as the reply, the rest as follow-ups), each within limits.
 */
export function renderEvidenceMessages(topic: Topic): ProconMessage[] {
  const packing: Packing = { clipped: false };
  const title = clipHeading(`Evidence — ${topic.question}`, LIMITS.embedTitle, packing);
  const description = `Every excerpt is quoted exactly as it appears in its source.\n${sourceDescription(topic.source)}`;
  const fields = evidenceBlocks(topic).flatMap((b) => blockToFields(b, packing));
  const header = { title, description, descriptionOnEveryMessage: false, color: PROCON_COLOUR };
  const messages = packFields(fields, header, LIMITS.embedsPerMessage);
  return messages.map((embeds, i) => {
    embeds.forEach((embed, j) => {
      const last = j === embeds.length - 1;
      finishFooter(embed, [
        last && messages.length > 1 ? `Part ${i + 1}/${messages.length}` : '',
        last && packing.clipped ? 'Some point headings were shortened (…); the claims are in full in /procon' : '',
      ]);
    });
    return { embeds, components: [] };
  });
}

/** The public answer when the topic is unknown: the list of topics (at most 25 shown, the rest counted). */
export function renderUnknownTopicEmbed(query: string, topics: readonly Topic[]): ProconMessage {
  const shown = topics.slice(0, LIMITS.embedFields);
  const embed: APIEmbed = {
    title: truncate(`No topic called “${truncate(query, 80)}”`, LIMITS.embedTitle),
    color: PROCON_COLOUR,
    description:
      topics.length === 0 ? 'The corpus has no topics yet.' : 'Pick one of these with `/procon topic:<name>`:',
    fields: shown.map((t) => ({
      name: truncate(t.id, LIMITS.fieldName),
      value: truncate(escapeMarkdown(t.question), LIMITS.fieldValue),
    })),
  };
  if (topics.length > shown.length) embed.footer = { text: `…and ${topics.length - shown.length} more` };
  return { embeds: [embed], components: [] };
}
