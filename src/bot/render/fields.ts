/**
 * Packing long content into Discord's boxes without losing any of it: lines split at words, blocks of lines
 * into fields ("(cont.)" after the first), fields into embeds and messages, and lines into descriptions.
 * Used by /procon (fields) and by /sources and /reload (descriptions).
 */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { cutAtWord, truncate } from '../../text/truncate.ts';
import { embedsLength, LIMITS } from './limits.ts';

/** A heading and the lines under it, rendered as one or more fields. */
export interface Block {
  readonly name: string;
  readonly lines: readonly string[];
}

/** Set when any heading had to be shortened, so the footer can say so. */
export interface Packing {
  clipped: boolean;
}

const CONT = ' (cont.)';
/** Room kept in every embed for the footer that is only known once pages are counted. */
const FOOTER_RESERVE = 300;

/**
 * Splits a long line into pieces of at most `max` characters at word boundaries, marking each break with "…"
 * at the end of one piece and the start of the next, so nothing is lost and nothing is cut silently.
 */
export function splitAtWords(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const pieces: string[] = [];
  let rest = line;
  for (let first = true; rest.length > 0; first = false) {
    const prefix = first ? '' : '… ';
    if (prefix.length + rest.length <= max) {
      pieces.push(prefix + rest);
      break;
    }
    const at = Math.max(1, cutAtWord(rest, max - prefix.length - 2));
    pieces.push(`${prefix}${rest.slice(0, at)} …`);
    rest = rest.slice(at).trimStart();
  }
  return pieces;
}

/** A heading cut to `max`, noting in `packing` when it had to be. */
export function clipHeading(text: string, max: number, packing: Packing): string {
  if (text.length > max) packing.clipped = true;
  return truncate(text, max);
}

/** One block → fields of ≤ 1024 characters, the later ones named "(cont.)". */
export function blockToFields(block: Block, packing: Packing): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  const name = clipHeading(block.name, LIMITS.fieldName, packing);
  const contName = truncate(block.name + CONT, LIMITS.fieldName);
  let value = '';
  const flush = () => {
    if (value) fields.push({ name: fields.length === 0 ? name : contName, value });
    value = '';
  };
  for (const line of block.lines) {
    for (const piece of splitAtWords(line, LIMITS.fieldValue)) {
      const next = value ? `${value}\n${piece}` : piece;
      if (next.length > LIMITS.fieldValue) {
        flush();
        value = piece;
      } else value = next;
    }
  }
  flush();
  if (fields.length === 0) fields.push({ name, value: '—' });
  return fields;
}

/** The title and description every packed embed (or every message's first embed) starts with. */
export interface PackHeader {
  readonly title: string;
  readonly description: string;
  readonly descriptionOnEveryMessage: boolean;
  readonly color: number;
}

/**
 * Packs fields into embeds (≤ 25 fields each) and embeds into messages (≤ `perMessage` embeds, ≤ 6000 characters
 * together), starting a new embed or message when the next field would not fit.
 */
export function packFields(fields: readonly APIEmbedField[], header: PackHeader, perMessage: number): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let embeds: APIEmbed[] = [];
  let embed: APIEmbed = { fields: [] };
  const total = () => embedsLength(embeds) + embeds.length * FOOTER_RESERVE;
  const open = (withDescription: boolean) => {
    embed = { title: header.title, color: header.color, fields: [] };
    if (withDescription) embed.description = header.description;
    embeds.push(embed);
  };
  const newMessage = () => {
    if (embeds.length > 0) messages.push(embeds);
    embeds = [];
    open(messages.length === 0 || header.descriptionOnEveryMessage);
  };
  newMessage();
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    const full = (embed.fields?.length ?? 0) >= LIMITS.embedFields;
    if (total() + size > LIMITS.embedsTotal) newMessage();
    else if (full) {
      const room = total() + size + header.title.length + FOOTER_RESERVE <= LIMITS.embedsTotal;
      if (embeds.length >= perMessage || !room) newMessage();
      else open(false);
    }
    embed.fields?.push(field);
  }
  messages.push(embeds);
  return messages.filter((m) => m.length > 0);
}

/** Lines packed into descriptions: how many lines fit, and the descriptions that hold them. */
export interface PackedLines {
  readonly descriptions: string[];
  readonly shown: number;
}

/**
 * Packs lines (each cut to `lineMax`) into at most `maxDescriptions` descriptions of ≤ `descriptionMax`
 * characters, using at most `budget` characters in all; stops at the first line that does not fit, so the
 * caller can count what was left out.
 */
export function packLines(
  lines: readonly string[],
  limits: { lineMax: number; descriptionMax: number; maxDescriptions: number; budget: number },
): PackedLines {
  const descriptions: string[] = [];
  let current = '';
  let used = 0;
  let shown = 0;
  for (const line of lines) {
    const clipped = truncate(line, limits.lineMax);
    if (used + clipped.length + 1 > limits.budget) break;
    if (current.length + clipped.length + 1 > limits.descriptionMax) {
      if (descriptions.length + 1 >= limits.maxDescriptions) break;
      descriptions.push(current);
      current = '';
    }
    current = current === '' ? clipped : `${current}\n${clipped}`;
    used += clipped.length + 1;
    shown++;
  }
  if (current !== '') descriptions.push(current);
  return { descriptions, shown };
}
