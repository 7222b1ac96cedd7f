/**
 * Discord's hard limits (see DISCORD-FACTS.md) and the helpers that keep every outgoing payload inside them.
 * Discord rejects the whole message when one limit is exceeded, so clamping happens at render time, always.
 */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { truncate } from '../../text/truncate.ts';

export const LIMITS = Object.freeze({
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedsTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
});

const ELLIPSIS = '…';

export { truncate };

function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Total characters Discord counts across a message's embeds (must stay ≤ 6000). */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

function clampField(field: APIEmbedField): APIEmbedField {
  return {
    ...field,
    name: truncate(field.name, LIMITS.fieldName) || '\u200b',
    value: truncate(field.value, LIMITS.fieldValue) || '\u200b',
  };
}

/** Apply every per-embed limit. */
export function clampEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.footer !== undefined) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author !== undefined) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.fields !== undefined) out.fields = out.fields.slice(0, LIMITS.embedFields).map(clampField);
  if (out.url !== undefined && !isHttpUrl(out.url)) delete out.url;
  return out;
}

/**
 * Clamp each embed, keep at most 10, then shrink the longest descriptions and drop trailing fields until the
 * message's embeds total at most 6000 characters.
 */
export function clampEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, LIMITS.embedsPerMessage).map(clampEmbed);
  let excess = embedsLength(out) - LIMITS.embedsTotal;
  for (let i = out.length - 1; excess > 0 && i >= 0; i--) {
    const embed = out[i]!;
    while (excess > 0 && embed.fields !== undefined && embed.fields.length > 0) {
      const dropped = embed.fields.pop()!;
      excess -= dropped.name.length + dropped.value.length;
    }
    if (excess > 0 && embed.description !== undefined) {
      const keep = Math.max(0, embed.description.length - excess);
      const before = embed.description.length;
      embed.description = keep < 20 ? ELLIPSIS : truncate(embed.description, keep);
      excess -= before - embed.description.length;
    }
  }
  while (embedsLength(out) > LIMITS.embedsTotal && out.length > 1) out.pop();
  return out;
}

/** Clamp a choice list for autocomplete: ≤ 25 entries, names 1–100 and values ≤ 100 characters, no duplicates. */
export function clampChoices(choices: readonly { name: string; value: string }[]): { name: string; value: string }[] {
  const seen = new Set<string>();
  const out: { name: string; value: string }[] = [];
  for (const choice of choices) {
    const name = truncate(choice.name.replace(/\s+/g, ' ').trim(), LIMITS.choiceName);
    const value = choice.value.length > LIMITS.choiceValue ? truncate(choice.value, LIMITS.choiceValue) : choice.value;
    if (name === '' || value === '' || seen.has(value)) continue;
    seen.add(value);
    out.push({ name, value });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
