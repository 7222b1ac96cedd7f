/**
 * Turning a verified topic into what people read: console text, a JSON object, and plain Discord embed JSON that
 * stays within Discord's limits for a topic of any size. Pure functions; only discord-api-types' *types* are used.
 *
 * Long lists are continued in further fields ("Pro (cont.)"), embeds and pages rather than cut. Only headings
 * (embed titles, field names) are ever shortened, at a word boundary, with "…" and a note in the footer.
 */
import { formatDate, sourceData } from '../present.ts';
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { SourceMeta } from '../corpus/types.ts';
import type { Evidence, Point, Topic } from './types.ts';

/** Discord's limits (../shared/DISCORD-FACTS.md). */
export const EMBED_LIMITS = Object.freeze({
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** All embeds of one message together. */
  messageTotal: 6000,
  embedsPerMessage: 10,
  customId: 100,
  buttonLabel: 80,
});

const BRAND_COLOUR = 0x4f6d7a;
const CONT = ' (cont.)';

// ——— shared wording ———————————————————————————————————————————————————————————————————————————————

function describeDate(s: SourceMeta): string {
  return formatDate(s);
}

function describeAuthor(s: SourceMeta): string {
  return s.author ?? 'author not named';
}

/** "2015-04-14, inferred; link not verified": what a reader should know about the date and the link. */
function describeProvenance(s: SourceMeta): string {
  const date = formatDate(s);
  const link = describeLinkStatus(s);
  return link ? `${date}; ${link}` : date;
}

function describeLinkStatus(s: SourceMeta): string | null {
  if (s.url === null) return 'no link known';
  return s.urlVerified ? null : 'link not verified';
}

/** "Are China and Russia…? — The Diplomat · 2014-05 (inferred) · author not named" as plain text. */
export function describeSourcePlain(s: SourceMeta): string {
  const title = s.titleIsDescriptive ? `${s.title} (descriptive title)` : `“${s.title}”`;
  return [title, s.publication ?? 'publication unknown', describeDate(s), describeAuthor(s)].join(' · ');
}

/** Short name for a source in lists: its publication, else its (descriptive) title. */
function shortSourceName(s: SourceMeta): string {
  return s.publication ?? s.title;
}

// ——— console text ————————————————————————————————————————————————————————————————————————————————

function textLink(s: SourceMeta): string {
  const status = describeLinkStatus(s);
  if (s.url === null) return `(${status ?? 'no link known'})`;
  return status ? `<${s.url}> (${status})` : `<${s.url}>`;
}

function textEvidence(e: Evidence, indent: string): string[] {
  return [`${indent}“${e.text.replace(/\s*\n\s*/g, ' ')}”`, `${indent}  — ${e.voice}`];
}

function textPoints(points: readonly Point[], showEvidence: boolean): string[] {
  return points.flatMap((p, i) => [
    `  ${i + 1}. ${p.claim}`,
    ...(showEvidence ? p.evidence.flatMap((e) => textEvidence(e, '       ')) : []),
  ]);
}

/**
 * Console text for a topic: the claims, or with `evidence` every point followed by its excerpts, verbatim and
 * attributed.
 */
export function renderTopicText(topic: Topic, options: { evidence?: boolean } = {}): string {
  const ev = options.evidence ?? false;
  const s = topic.source;
  const lines = [
    topic.question,
    `Source: ${describeSourcePlain(s)}`,
    `        ${textLink(s)}`,
    '',
    `PRO — ${topic.sides.pro.label} (${topic.sides.pro.argumentBy})`,
    ...textPoints(topic.pro, ev),
    '',
    `CON — ${topic.sides.con.label} (${topic.sides.con.argumentBy})`,
    ...textPoints(topic.con, ev),
    '',
    `BOTTOM LINE — ${topic.bottomLine.claim}`,
    ...(ev ? topic.bottomLine.evidence.flatMap((e) => textEvidence(e, '       ')) : []),
  ];
  if (topic.elsewhere.length > 0) {
    lines.push('', 'ELSEWHERE IN THE CORPUS');
    for (const e of topic.elsewhere) {
      lines.push(`  • ${shortSourceName(e.source)} — ${e.stance}: ${e.claim}`);
      lines.push(`    ${describeSourcePlain(e.source)} ${textLink(e.source)}`);
      if (e.source.credit) lines.push(`    ${e.source.credit}`);
      if (ev) lines.push(...e.evidence.flatMap((x) => textEvidence(x, '       ')));
    }
  }
  if (!ev) lines.push('', `Evidence for every point: /procon ${topic.id} evidence:true`);
  return lines.join('\n');
}

/** Console text when the topic is unknown: the list of topics to choose from. */
export function renderUnknownTopicText(query: string, topics: readonly Topic[]): string {
  if (topics.length === 0) return `No topic called “${query}”, and the corpus has no topics yet.`;
  return [`No topic called “${query}”. Topics:`, ...topics.map((t) => `  ${t.id} — ${t.question}`)].join('\n');
}

// ——— JSON —————————————————————————————————————————————————————————————————————————————————————————

export interface SourceJson {
  id: string;
  title: string;
  titleIsDescriptive: boolean;
  publication: string | null;
  author: string | null;
  date: string | null;
  dateInferred: boolean;
  url: string | null;
  urlVerified: boolean;
  credit: string | null;
}

export interface EvidenceJson {
  text: string;
  voice: string;
  sourceId: string;
  offset: number;
  paragraphIndex: number | null;
}

export interface PointJson {
  claim: string;
  evidence: EvidenceJson[];
}

export interface TopicJson {
  id: string;
  question: string;
  source: SourceJson;
  sides: { pro: { label: string; argumentBy: string }; con: { label: string; argumentBy: string } };
  pro: PointJson[];
  con: PointJson[];
  bottomLine: PointJson;
  elsewhere: (PointJson & { stance: string; source: SourceJson })[];
}

function sourceJson(s: SourceMeta): SourceJson {
  return { ...sourceData(s), titleIsDescriptive: s.titleIsDescriptive };
}

function pointJson(p: Point): PointJson {
  return {
    claim: p.claim,
    evidence: p.evidence.map((e) => ({
      text: e.text,
      voice: e.voice,
      sourceId: e.sourceId,
      offset: e.offset,
      paragraphIndex: e.paragraphIndex,
    })),
  };
}

/** The topic as plain JSON (for `--json`): evidence `text` is the source's own characters. */
export function renderTopicJson(topic: Topic): TopicJson {
  return {
    id: topic.id,
    question: topic.question,
    source: sourceJson(topic.source),
    sides: {
      pro: { label: topic.sides.pro.label, argumentBy: topic.sides.pro.argumentBy },
      con: { label: topic.sides.con.label, argumentBy: topic.sides.con.argumentBy },
    },
    pro: topic.pro.map(pointJson),
    con: topic.con.map(pointJson),
    bottomLine: pointJson(topic.bottomLine),
    elsewhere: topic.elsewhere.map((e) => ({
      stance: e.stance,
      source: sourceJson(e.source),
      ...pointJson(e),
    })),
  };
}

// ——— Discord: text helpers ————————————————————————————————————————————————————————————————————————

/** Escapes what Discord markdown would interpret, so corpus text shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]<>#]/g, (ch) => `\\${ch}`).replace(/@(everyone|here)/g, '@\u200b$1');
}

/** A masked link whose URL cannot break out of its parentheses. */
function maskedLink(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20')})`;
}

function markdownSourceLink(s: SourceMeta, label: string): string {
  if (s.url === null) return 'no link known';
  const status = describeLinkStatus(s);
  return status ? `${maskedLink(label, s.url)} (${status})` : maskedLink(label, s.url);
}

/** The source's short name, linked when there is a link. */
function linkedName(s: SourceMeta): string {
  return s.url === null ? escapeMarkdown(shortSourceName(s)) : maskedLink(shortSourceName(s), s.url);
}

/** Cuts at the last space within `max` (hard cut when there is none), never leaving a lone escaping backslash. */
function cutPoint(text: string, max: number): number {
  const space = text.lastIndexOf(' ', max);
  let at = space > max / 3 ? space : max;
  const backslashes = /\\+$/.exec(text.slice(0, at))?.[0].length ?? 0;
  if (backslashes % 2 === 1) at -= 1;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at -= 1;
  return Math.max(at, 1);
}

/** Shortens a heading to `max` at a word boundary, ending with "…"; reports whether it had to. */
export function clipAtWord(text: string, max: number): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const at = cutPoint(text, max - 1);
  return { text: `${text.slice(0, at).trimEnd()}…`, clipped: true };
}

/**
 * Splits a long line into pieces of at most `max` characters at word boundaries, marking each break with "…"
 * at the end of one piece and the start of the next, so nothing is lost and nothing is cut silently.
 */
export function splitAtWords(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const pieces: string[] = [];
  let rest = line;
  let first = true;
  while (rest.length > 0) {
    const prefix = first ? '' : '… ';
    if (prefix.length + rest.length <= max) {
      pieces.push(prefix + rest);
      break;
    }
    const room = max - prefix.length - 2;
    const at = cutPoint(rest, room);
    pieces.push(`${prefix}${rest.slice(0, at).trimEnd()} …`);
    rest = rest.slice(at).trimStart();
    first = false;
  }
  return pieces;
}

interface Block {
  readonly name: string;
  readonly lines: readonly string[];
}

interface Packing {
  clipped: boolean;
}

/** One block → fields of ≤ 1024 characters, the later ones named "(cont.)". */
function blockToFields(block: Block, packing: Packing): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  const name = clipAtWord(block.name, EMBED_LIMITS.fieldName);
  const contName = clipAtWord(block.name + CONT, EMBED_LIMITS.fieldName);
  if (name.clipped) packing.clipped = true;
  let value = '';
  const flush = () => {
    if (!value) return;
    fields.push({ name: fields.length === 0 ? name.text : contName.text, value });
    value = '';
  };
  for (const line of block.lines) {
    for (const piece of splitAtWords(line, EMBED_LIMITS.fieldValue)) {
      const next = value ? `${value}\n${piece}` : piece;
      if (next.length > EMBED_LIMITS.fieldValue) {
        flush();
        value = piece;
      } else value = next;
    }
  }
  flush();
  if (fields.length === 0) fields.push({ name: name.text, value: '—' });
  return fields;
}

/** Characters Discord counts for one embed. */
export function measureEmbed(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Room kept in every embed for the footer that is only known once pages are counted. */
const FOOTER_RESERVE = 300;

/**
 * Packs fields into embeds (≤ 25 fields each) and embeds into messages (≤ `perMessage` embeds, ≤ 6000 characters
 * together), starting a new embed or message when the next field would not fit.
 */
function packFields(
  fields: readonly APIEmbedField[],
  header: { title: string; description: string; descriptionOnEveryMessage: boolean },
  perMessage: number,
): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let embeds: APIEmbed[] = [];
  let embed: APIEmbed | null = null;
  let total = 0;
  const open = (withDescription: boolean) => {
    embed = { title: header.title, color: BRAND_COLOUR, fields: [] };
    if (withDescription) embed.description = header.description;
    embeds.push(embed);
    total += measureEmbed(embed) + FOOTER_RESERVE;
  };
  const newMessage = () => {
    if (embeds.length > 0) messages.push(embeds);
    embeds = [];
    total = 0;
    open(messages.length === 0 || header.descriptionOnEveryMessage);
  };
  newMessage();
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    const current = embed as APIEmbed | null;
    if (!current) throw new Error('unreachable: no open embed');
    const full = (current.fields?.length ?? 0) >= EMBED_LIMITS.fields;
    if (total + size > EMBED_LIMITS.messageTotal) newMessage();
    else if (full) {
      if (
        embeds.length >= perMessage ||
        total + size + header.title.length + FOOTER_RESERVE > EMBED_LIMITS.messageTotal
      )
        newMessage();
      else open(false);
    }
    const target = embed as APIEmbed | null;
    target?.fields?.push(field);
    total += size;
  }
  messages.push(embeds);
  return messages.filter((m) => m.length > 0);
}

// ——— Discord: the topic view ——————————————————————————————————————————————————————————————————————

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

const BUTTON = 2 as ComponentType.Button;
const ACTION_ROW = 1 as ComponentType.ActionRow;
const PRIMARY = 1 as ButtonStyle.Primary;
const SECONDARY = 2 as ButtonStyle.Secondary;

function topicButtons(topic: Topic, page: number, pageCount: number): APIActionRowComponent<APIButtonComponent> {
  const buttons: APIButtonComponent[] = [
    {
      type: BUTTON,
      style: PRIMARY,
      label: 'Show the evidence',
      custom_id: buildProconCustomId({ kind: 'evidence', topicId: topic.id }),
    },
  ];
  if (pageCount > 1) {
    buttons.push(
      {
        type: BUTTON,
        style: SECONDARY,
        label: '◀ Previous',
        custom_id: buildProconCustomId({ kind: 'page', topicId: topic.id, page: page - 1 }),
        disabled: page <= 0,
      },
      {
        type: BUTTON,
        style: SECONDARY,
        label: 'Next ▶',
        custom_id: buildProconCustomId({ kind: 'page', topicId: topic.id, page: page + 1 }),
        disabled: page >= pageCount - 1,
      },
    );
  }
  return { type: ACTION_ROW, components: buttons };
}

function sourceDescription(s: SourceMeta): string {
  const title = s.titleIsDescriptive ? `${s.title} (descriptive title)` : `“${s.title}”`;
  return [
    `**Source:** ${escapeMarkdown(title)}`,
    [escapeMarkdown(s.publication ?? 'publication unknown'), describeDate(s), escapeMarkdown(describeAuthor(s))].join(
      ' · ',
    ),
    markdownSourceLink(s, 'Read the source'),
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
    blocks.push({
      name: 'Elsewhere in the corpus',
      lines: topic.elsewhere.map(
        (e) =>
          `• ${linkedName(e.source)} (${describeProvenance(e.source)}) — ` +
          `*${escapeMarkdown(e.stance)}*: ${escapeMarkdown(e.claim)}`,
      ),
    });
  }
  return blocks;
}

function finishFooter(embed: APIEmbed, parts: string[]): void {
  const text = parts.filter((p) => p.length > 0).join(' · ');
  if (text) embed.footer = { text: clipAtWord(text, EMBED_LIMITS.footer).text };
}

/**
 * The public /procon answer, as pages of one embed each: the question, Pro and Con claims, the bottom line,
 * elsewhere in the corpus, and the source with its link. Most topics fit one page; a huge one gets more, with
 * Previous/Next buttons. Every page has the button that shows the evidence privately.
 */
export function renderTopicPages(topic: Topic): ProconMessage[] {
  const packing: Packing = { clipped: false };
  const title = clipAtWord(topic.question, EMBED_LIMITS.title);
  let description = sourceDescription(topic.source);
  if (title.clipped) description = `**${escapeMarkdown(topic.question)}**\n\n${description}`;
  const desc = clipAtWord(description, EMBED_LIMITS.description);
  const fields = topicBlocks(topic).flatMap((b) => blockToFields(b, packing));
  const pages = packFields(fields, { title: title.text, description: desc.text, descriptionOnEveryMessage: true }, 1);
  const shortened = title.clipped || desc.clipped || packing.clipped;
  return pages.map((embeds, page) => {
    for (const embed of embeds) {
      if (topic.source.url && embed.title === title.text) embed.url = topic.source.url;
      finishFooter(embed, [
        pages.length > 1 ? `Page ${page + 1}/${pages.length}` : '',
        shortened ? 'Some headings were shortened (…); /procon in the console shows them in full' : '',
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

// ——— Discord: the private evidence view ———————————————————————————————————————————————————————————

function evidenceLines(e: Evidence, source: SourceMeta): string[] {
  const lines = [
    `> “${escapeMarkdown(e.text.replace(/\s*\n\s*/g, ' '))}”`,
    `— ${escapeMarkdown(e.voice)} · ${markdownSourceLink(source, shortSourceName(source))}`,
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
      name: `Elsewhere: ${shortSourceName(e.source)} — ${e.stance}`,
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
  const title = clipAtWord(`Evidence — ${topic.question}`, EMBED_LIMITS.title);
  const description = `Every excerpt is quoted exactly as it appears in its source.\n${sourceDescription(topic.source)}`;
  const fields = evidenceBlocks(topic).flatMap((b) => blockToFields(b, packing));
  const messages = packFields(
    fields,
    { title: title.text, description, descriptionOnEveryMessage: false },
    EMBED_LIMITS.embedsPerMessage,
  );
  const shortened = title.clipped || packing.clipped;
  return messages.map((embeds, i) => {
    embeds.forEach((embed, j) => {
      const last = j === embeds.length - 1;
      finishFooter(embed, [
        last && messages.length > 1 ? `Part ${i + 1}/${messages.length}` : '',
        last && shortened ? 'Some point headings were shortened (…); the claims are in full in /procon' : '',
      ]);
    });
    return { embeds, components: [] };
  });
}

/** The public answer when the topic is unknown: the list of topics (at most 25 shown, the rest counted). */
export function renderUnknownTopicEmbed(query: string, topics: readonly Topic[]): ProconMessage {
  const shown = topics.slice(0, EMBED_LIMITS.fields);
  const q = clipAtWord(query, 80).text;
  const embed: APIEmbed = {
    // Embed titles render bold, italics and code: the user's words are shown literally.
    title: clipAtWord(`No topic called “${escapeMarkdown(q)}”`, EMBED_LIMITS.title).text,
    color: BRAND_COLOUR,
    description:
      topics.length === 0 ? 'The corpus has no topics yet.' : 'Pick one of these with `/procon topic:<name>`:',
    fields: shown.map((t) => ({
      name: clipAtWord(t.id, EMBED_LIMITS.fieldName).text,
      value: clipAtWord(escapeMarkdown(t.question), EMBED_LIMITS.fieldValue).text,
    })),
  };
  if (topics.length > shown.length) embed.footer = { text: `…and ${topics.length - shown.length} more` };
  return { embeds: [embed], components: [] };
}
