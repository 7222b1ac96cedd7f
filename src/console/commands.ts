/**
 * The console's commands: the same names and options as in Discord, answered as readable text or as
 * one JSON object per command. Each command returns both forms; main.ts picks one.
 */
import { speakersOf, type UnattributedCount } from '../corpus/attribution/report.ts';
import { formatProblems } from '../corpus/problems.ts';
import type { Library } from '../library.ts';
import {
  formatBylineAndKind,
  formatDate,
  formatLink,
  formatPublication,
  formatTitle,
  formatVoice,
  formatWhere,
  sourceData,
  speakerOf,
} from '../present.ts';
import { describeError, quoteMissError } from '../messages.ts';
import type { QuoteHit } from '../search/engine.ts';
import { findQuotes, type QuoteMiss } from '../search/find.ts';
import { truncate } from '../text/truncate.ts';
import { cite } from './cite.ts';
import { procon } from './procon.ts';

export interface ConsoleContext {
  readonly library: Library;
}

export interface ConsoleOutput {
  readonly json: Record<string, unknown>;
  readonly text: string;
  /** True when the command could not be served (bad option, broken corpus on reload). */
  readonly failed?: boolean;
}

export interface ConsoleCommand {
  readonly name: string;
  /** Named options after the main text, as `name:value`. */
  readonly options: readonly string[];
  readonly usage: string;
  readonly summary: string;
  run(
    main: string,
    options: Readonly<Record<string, string>>,
    ctx: ConsoleContext,
  ): ConsoleOutput | Promise<ConsoleOutput>;
}

const QUOTE_LIMIT = 5;
/** Characters of each passage /speakers shows: enough to recognise it on one console line. */
const SPEAKER_LINE = 160;

function hitJson(hit: QuoteHit): Record<string, unknown> {
  return {
    id: hit.passage.id,
    text: hit.passage.text,
    speaker: speakerOf(hit.passage.voice),
    voice: { name: hit.passage.voice.name, role: hit.passage.voice.role, basis: hit.passage.voice.basis },
    source: { ...sourceData(hit.source), kind: hit.source.kind },
    context: hit.context,
    score: hit.score,
  };
}

function hitText(hit: QuoteHit, rank: number, total: number): string {
  const lines = [
    `[${rank}/${total}] “${hit.passage.text}”`,
    `    — ${formatVoice(hit.passage.voice)}`,
    `    ${formatWhere(hit.source)} · ${formatBylineAndKind(hit.source)}`,
    `    ${formatLink(hit.source)}`,
  ];
  if (hit.source.credit) lines.push(`    ${hit.source.credit}`);
  return lines.join('\n');
}

function failure(command: string, id: string, message: string, extra: Record<string, unknown> = {}): ConsoleOutput {
  return { json: { command, error: { id, message }, ...extra }, text: `✗ ${message}`, failed: true };
}

/** Misses that come from the source/speaker filter rather than the words: the console reports them as errors. */
const FILTER_MISSES: ReadonlySet<QuoteMiss['kind']> = new Set([
  'unknown-source',
  'unknown-speaker',
  'speaker-never-speaks',
]);

const quote: ConsoleCommand = {
  name: 'quote',
  options: ['query', 'source', 'speaker', 'private'],
  usage: '/quote <words> [source:<source>] [speaker:<person>]',
  summary: 'find the exact passage, who said it, where, and the link (no words: a random quote)',
  run(main, options, { library }) {
    const text = (options['query'] ?? main).trim();
    const request = { text, source: options['source'], speaker: options['speaker'], limit: QUOTE_LIMIT };
    const outcome = findQuotes(library.state.index, request);
    const hits = outcome.ok ? outcome.hits : [];
    const json: Record<string, unknown> = {
      command: 'quote',
      query: text,
      random: text === '',
      results: hits.map(hitJson),
    };
    if (outcome.ok) return { json, text: hits.map((h, i) => hitText(h, i + 1, hits.length)).join('\n\n') };
    const error = quoteMissError(outcome.miss);
    const message = describeError(error);
    // A filter that names nothing (or someone who never speaks) is the user's mistake; finding nothing for good
    // words is an answer.
    if (FILTER_MISSES.has(outcome.miss.kind)) return failure('quote', error.id, message, { query: text });
    return { json, text: message };
  },
};

const sources: ConsoleCommand = {
  name: 'sources',
  options: [],
  usage: '/sources',
  summary: 'every source with publication, date, link and passage count',
  run(_main, _options, { library }) {
    const { corpus } = library.state;
    const counts = new Map<string, number>();
    for (const p of corpus.passages) counts.set(p.sourceId, (counts.get(p.sourceId) ?? 0) + 1);
    const list = corpus.sources.map((s) => ({ ...sourceData(s), kind: s.kind, passages: counts.get(s.id) ?? 0 }));
    const text = corpus.sources
      .map(
        (s, i) =>
          `${i + 1}. ${formatTitle(s)}\n   ${formatPublication(s)} · ${formatDate(s)} · ${counts.get(s.id) ?? 0} passages · id ${s.id}\n   ${formatLink(s)}`,
      )
      .join('\n');
    return { json: { command: 'sources', sources: list }, text };
  },
};

const reload: ConsoleCommand = {
  name: 'reload',
  options: [],
  usage: '/reload',
  summary: 'reload the corpus from disk; a broken corpus is refused and the old one keeps serving',
  async run(_main, _options, { library }) {
    const report = await library.reload();
    if (!report.ok) {
      return {
        json: { command: 'reload', ok: false, problems: report.problems, kept: report.kept, ms: report.ms },
        text: `✗ Reload refused — the corpus has ${report.problems.length} problem(s); still serving the previous corpus (${report.kept.sources} sources, ${report.kept.passages} passages):\n${formatProblems(report.problems)}`,
        failed: true,
      };
    }
    const changes = [
      report.added.length ? `added ${report.added.join(', ')}` : '',
      report.removed.length ? `removed ${report.removed.join(', ')}` : '',
      report.changed.length ? `changed ${report.changed.join(', ')}` : '',
    ].filter(Boolean);
    return {
      json: { command: 'reload', ...report },
      text: `✓ Reloaded in ${report.ms} ms: sources ${report.before.sources} → ${report.after.sources}, passages ${report.before.passages} → ${report.after.passages}, topics ${report.before.topics} → ${report.after.topics}. ${changes.length ? changes.join('; ') : 'No source changed.'}${unattributedNotice(report.unattributed)}`,
    };
  },
};

/** "Quotations without a speaker: …" after a load, so an admin knows where an override would help; empty when none. */
export function unattributedNotice(counts: readonly UnattributedCount[]): string {
  if (counts.length === 0) return '';
  const list = counts.map((c) => `${c.sourceId} ${c.unattributed} of ${c.quotations}`).join(', ');
  return `\nNotice: quotations without a speaker (see /speakers source:<id>; add an override or a people.yaml entry): ${list}.`;
}

const speakers: ConsoleCommand = {
  name: 'speakers',
  options: ['source'],
  usage: '/speakers source:<source>',
  summary: 'each quoted passage of a source with its speaker, role and the rule that decided it',
  run(main, options, { library }) {
    const wanted = (options['source'] ?? main).trim();
    const index = library.state.index;
    const source = wanted ? index.resolveSource(wanted) : null;
    if (!source) {
      const suggestions = wanted ? index.suggestSources(wanted, 3).map((s) => s.id) : [];
      return failure(
        'speakers',
        'speakers.unknown-source',
        wanted
          ? `no source matches "${wanted}"${suggestions.length ? ` — try ${suggestions.join(', ')}` : ''}; /sources lists them`
          : 'name a source: /speakers source:<id> (/sources lists them)',
      );
    }
    const rows = speakersOf(library.state.corpus, source.id);
    const text = rows.length
      ? rows
          .map(
            (r) =>
              `${r.id}  ${r.speaker === null ? 'UNATTRIBUTED' : `${r.speaker}${r.role ? ` (${r.role})` : ''}`} · ${r.basis} · ${r.rule ?? '—'}\n    “${truncate(r.text, SPEAKER_LINE)}”`,
          )
          .join('\n')
      : `No quoted or reported passages in ${source.id}: every sentence is the source's own voice.`;
    return { json: { command: 'speakers', source: source.id, passages: rows }, text };
  },
};

/** The registry: add a command here and it is parsed, helped and dispatched. */
export const CONSOLE_COMMANDS: ConsoleCommand[] = [quote, cite, sources, reload, speakers, procon];

const help: ConsoleCommand = {
  name: 'help',
  options: [],
  usage: '/help',
  summary: 'this list',
  run() {
    // The registry holds /help itself (pushed below), so it is listed once.
    const all = CONSOLE_COMMANDS;
    return {
      json: { command: 'help', commands: all.map((c) => ({ name: c.name, usage: c.usage, summary: c.summary })) },
      text: [
        'Commands (type them as in Discord; /exit or Ctrl-D quits):',
        ...all.map((c) => `  ${c.usage.padEnd(56)} ${c.summary}`),
      ].join('\n'),
    };
  },
};
CONSOLE_COMMANDS.push(help);
