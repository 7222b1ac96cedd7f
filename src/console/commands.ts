/**
 * The console's commands: the same names and options as in Discord, answered as readable text or as
 * one JSON object per command. Each command returns both forms; main.ts picks one.
 */
import { formatProblems } from '../corpus/problems.ts';
import type { Library } from '../library.ts';
import {
  formatDate,
  formatLink,
  formatPublication,
  formatSpeakerName,
  formatTitle,
  formatVoice,
  formatWhere,
  sourceData,
  speakerOf,
} from '../present.ts';
import type { QuoteHit } from '../search/engine.ts';
import { findSilentSpeaker } from '../search/silent-speaker.ts';
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

function hitJson(hit: QuoteHit): Record<string, unknown> {
  return {
    id: hit.passage.id,
    text: hit.passage.text,
    speaker: speakerOf(hit.passage.voice),
    voice: { name: hit.passage.voice.name, role: hit.passage.voice.role, basis: hit.passage.voice.basis },
    source: sourceData(hit.source),
    context: hit.context,
    score: hit.score,
  };
}

function hitText(hit: QuoteHit, rank: number, total: number): string {
  const lines = [
    `[${rank}/${total}] “${hit.passage.text}”`,
    `    — ${formatVoice(hit.passage.voice)}`,
    `    ${formatWhere(hit.source)}`,
    `    ${formatLink(hit.source)}`,
  ];
  if (hit.source.credit) lines.push(`    ${hit.source.credit}`);
  return lines.join('\n');
}

function failure(command: string, id: string, message: string, extra: Record<string, unknown> = {}): ConsoleOutput {
  return { json: { command, error: { id, message }, ...extra }, text: `✗ ${message}`, failed: true };
}

const quote: ConsoleCommand = {
  name: 'quote',
  options: ['query', 'source', 'speaker', 'private'],
  usage: '/quote <words> [source:<source>] [speaker:<person>]',
  summary: 'find the exact passage, who said it, where, and the link (no words: a random quote)',
  run(main, options, { library }) {
    const index = library.state.index;
    const text = (options['query'] ?? main).trim();
    const filter = { source: options['source'], speaker: options['speaker'] };
    if (filter.source && !index.resolveSource(filter.source)) {
      const suggestions = index.suggestSources(filter.source, 3).map((s) => s.id);
      return failure(
        'quote',
        'quote.unknown-source',
        `no source matches "${filter.source}"${suggestions.length ? ` — try ${suggestions.join(', ')}` : ''}; /sources lists them`,
        { query: text },
      );
    }
    if (filter.speaker && !index.resolveSpeaker(filter.speaker)) {
      const suggestions = index.suggestSpeakers(filter.speaker, 3).map(formatSpeakerName);
      return failure(
        'quote',
        'quote.unknown-speaker',
        `nobody called "${filter.speaker}" is quoted${suggestions.length ? ` — try ${suggestions.join('; ')}` : ''}`,
        { query: text },
      );
    }
    const hits = text
      ? index.search({ text, ...filter, limit: QUOTE_LIMIT })
      : [index.random(filter)].filter((h): h is QuoteHit => h !== null);
    const json: Record<string, unknown> = {
      command: 'quote',
      query: text,
      random: text === '',
      results: hits.map(hitJson),
    };
    const silent = hits.length === 0 && filter.speaker ? findSilentSpeaker(index, filter.speaker) : null;
    if (silent) {
      return failure(
        'quote',
        'quote.speaker-silent',
        `${silent.name} is named in the corpus but never speaks in it — search without the speaker filter to find passages that mention them`,
        { query: text },
      );
    }
    if (hits.length === 0) {
      const correction = text ? index.suggestCorrection(text) : null;
      const hint = text
        ? `no passage matches "${text}"${correction ? ` — did you mean "${correction}"?` : ''} — try fewer or other words, or drop a filter`
        : 'no passage to pick at random with those filters';
      return { json, text: `No match: ${hint}.` };
    }
    return { json, text: hits.map((h, i) => hitText(h, i + 1, hits.length)).join('\n\n') };
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
      text: `✓ Reloaded in ${report.ms} ms: sources ${report.before.sources} → ${report.after.sources}, passages ${report.before.passages} → ${report.after.passages}, topics ${report.before.topics} → ${report.after.topics}. ${changes.length ? changes.join('; ') : 'No source changed.'}`,
    };
  },
};

/** The registry: add a command here and it is parsed, helped and dispatched. */
export const CONSOLE_COMMANDS: ConsoleCommand[] = [quote, sources, reload, procon];

const help: ConsoleCommand = {
  name: 'help',
  options: [],
  usage: '/help',
  summary: 'this list',
  run() {
    const all = [...CONSOLE_COMMANDS, help];
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
