/**
 * The /reload answer: what changed and how long it took, or every problem with the old corpus still serving.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Counts, ReloadReport } from '../../library.ts';
import { LIMITS, truncate } from './limits.ts';
import { escapeMarkdown } from './markdown.ts';
import { packLines } from './fields.ts';
import type { MessageBody } from './message.ts';

const OK_COLOUR = 0x3f8f4f;
const FAILED_COLOUR = 0xb03a2e;

function change(before: number, after: number): string {
  const delta = after - before;
  return delta === 0 ? `${after} (unchanged)` : `${before} → ${after} (${delta > 0 ? '+' : ''}${delta})`;
}

function list(ids: readonly string[]): string {
  if (ids.length === 0) return 'none';
  return truncate(ids.map((id) => escapeMarkdown(id)).join(', '), LIMITS.fieldValue);
}

function countsLine(counts: Counts): string {
  return `${counts.sources} sources · ${counts.passages} passages · ${counts.people} people · ${counts.topics} topics`;
}

export function renderReload(outcome: ReloadReport): MessageBody {
  if (outcome.ok) {
    const fields: APIEmbedField[] = [
      { name: 'Sources', value: change(outcome.before.sources, outcome.after.sources), inline: true },
      { name: 'Passages', value: change(outcome.before.passages, outcome.after.passages), inline: true },
      { name: 'People', value: change(outcome.before.people, outcome.after.people), inline: true },
      { name: 'Topics', value: change(outcome.before.topics, outcome.after.topics), inline: true },
      { name: 'Added', value: list(outcome.added) },
      { name: 'Removed', value: list(outcome.removed) },
      { name: 'Changed', value: list(outcome.changed) },
    ];
    const embed: APIEmbed = {
      color: OK_COLOUR,
      title: 'Corpus reloaded',
      fields,
      footer: { text: `took ${Math.round(outcome.ms)} ms · corpus ${outcome.hash.slice(0, 12)}` },
    };
    return { embeds: [embed] };
  }
  const lines = outcome.problems.map(
    (p) => `• ${escapeMarkdown(`${p.file}${p.field === null ? '' : ` › ${p.field}`}: ${p.message} — ${p.fix}`)}`,
  );
  // One description, with room left for the "…and N more problems" line.
  const packed = packLines(lines, {
    lineMax: 600,
    descriptionMax: LIMITS.embedDescription - 80,
    maxDescriptions: 1,
    budget: LIMITS.embedDescription,
  });
  const shown = packed.shown;
  let description = packed.descriptions[0] ?? '';
  if (shown < lines.length)
    description += `\n…and ${lines.length - shown} more problem${lines.length - shown === 1 ? '' : 's'}`;
  const embed: APIEmbed = {
    color: FAILED_COLOUR,
    title: `Reload refused: ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} — the old corpus is still serving`,
    description: description === '' ? 'The corpus could not be loaded.' : description,
    fields: [{ name: 'Still serving', value: countsLine(outcome.kept) }],
    footer: { text: `checked in ${Math.round(outcome.ms)} ms · fix the files and run /reload again` },
  };
  return { embeds: [embed] };
}
