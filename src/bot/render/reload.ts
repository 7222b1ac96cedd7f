/**
 * The /reload answer: what changed and how long it took, or every problem with the old corpus still serving.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { ClusterReload, MemberOutcome } from '../../cluster/reload.ts';
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
    if (outcome.unattributed.length > 0) {
      fields.push({
        name: 'Quotations without a speaker (add an override or a people.yaml entry)',
        value: truncate(
          outcome.unattributed
            .map((u) => `${escapeMarkdown(u.sourceId)}: ${u.unattributed} of ${u.quotations}`)
            .join('\n'),
          LIMITS.fieldValue,
        ),
      });
    }
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

function memberLine(outcome: MemberOutcome): string {
  const verdict = outcome.ok
    ? 'reloaded'
    : `refused (${outcome.problems} problem${outcome.problems === 1 ? '' : 's'}), kept`;
  return `${escapeMarkdown(outcome.member)}: ${verdict} · corpus ${outcome.hash.slice(0, 12)} · ${outcome.passages} passages · ${Math.round(outcome.ms)} ms`;
}

/** Up to this many members get a line each; more (a bot with dozens of shards) are summarised by outcome. */
const MEMBER_LINES = 10;

/** One line per distinct outcome and hash, largest group first; smaller groups name their members. */
function groupLines(members: readonly MemberOutcome[]): string[] {
  const groups = new Map<string, MemberOutcome[]>();
  for (const m of members) {
    const key = `${m.ok ? 'reloaded' : 'refused, kept'} · corpus ${m.hash.slice(0, 12)}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length);
  return sorted.map(([key, group], i) => {
    const names = i === 0 ? '' : ` (${truncate(group.map((m) => escapeMarkdown(m.member)).join(', '), 200)})`;
    return `${group.length} of ${members.length}: ${key}${names}`;
  });
}

/**
 * The /reload answer when several processes serve the bot: this process's report, then one line per shard or
 * replica with its outcome and corpus hash, and a warning when some did not answer or could not be reached.
 * A single process answering alone gets exactly `renderReload`.
 */
export function renderClusterReload(result: ClusterReload): MessageBody {
  const body = renderReload(result.local);
  if (result.members.length <= 1 && result.silent === 0 && result.unreachable === null) return body;
  const lines = result.members.length <= MEMBER_LINES ? result.members.map(memberLine) : groupLines(result.members);
  if (result.silent > 0)
    lines.push(`⚠ ${result.silent} more did not answer in time; they may still be serving the old corpus.`);
  if (result.unreachable !== null)
    lines.push(
      `⚠ Only this process reloaded: the others could not be reached (${escapeMarkdown(result.unreachable)}).`,
    );
  const hashes = new Set(result.members.map((m) => m.hash));
  const title = hashes.size > 1 ? 'Every process — corpora differ!' : 'Every process';
  const [embed] = body.embeds;
  if (embed === undefined) return body;
  return {
    ...body,
    embeds: [
      {
        ...embed,
        fields: [...(embed.fields ?? []), { name: title, value: truncate(lines.join('\n'), LIMITS.fieldValue) }],
      },
    ],
  };
}
