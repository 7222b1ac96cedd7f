/**
 * Turns raw per-query timings into the figures the issue asks for and formats the side-by-side table
 * (targets.ts checks them against the issues' targets).
 */
import type { ChildResult, PhaseCoverage, PrefixRecord, QueryRecord } from './child.ts';
import { ENGINE_LABELS, type EngineName } from './engines.ts';
import type { ReloadResult } from './reload.ts';
import { ratio, summarize, type LatencySummary } from './stats.ts';

export interface EngineFigures {
  readonly buildMs: number;
  readonly heapUsedMB: number;
  readonly rssMB: number;
  /** Heap the index adds on top of the corpus. */
  readonly indexHeapMB: number;
  readonly search: LatencySummary;
  readonly autocomplete: LatencySummary;
  readonly queries: number;
  readonly top1: number;
  readonly top3: number;
  /** Share of autocomplete prefixes whose suggestions include the target passage. */
  readonly autocompleteHit: number;
  /** The same, over prefixes holding at least half of their query (issue 14's autocomplete target). */
  readonly autocompleteHitHalf: number;
  readonly byKind: Record<string, { queries: number; top1: number; top3: number }>;
  /** How much of each phase ran (all of it, or the first inputs when the phase budget ran out). */
  readonly coverage: ChildResult['coverage'] | null;
}

/** An engine whose process was stopped at `--engine-timeout`: no figures, only that. */
export interface Unfinished {
  readonly engine: EngineName;
  readonly seconds: number;
}

export interface SizeReport {
  readonly passages: number;
  readonly sources: number;
  readonly verbatim: EngineFigures | null;
  /** MiniSearch, FlexSearch, Orama: on exactly Verbatim's queries and prefixes, in the order run. */
  readonly peers: readonly PeerFigures[];
  readonly baseline: EngineFigures | null;
  /** Verbatim measured on exactly the baseline's queries and prefixes, for a like-for-like comparison. */
  readonly verbatimOnBaselineSet: EngineFigures | null;
  /** Baseline p50 ÷ Verbatim p50 on the same queries (and the same for p99 and autocomplete). */
  readonly speedup: { searchP50: number; searchP99: number; autocompleteP50: number; autocompleteP99: number } | null;
  /** Engines stopped at `--engine-timeout` at this size (absent in results written before it existed). */
  readonly unfinished?: readonly Unfinished[];
}

export interface PeerFigures {
  readonly engine: EngineName;
  readonly figures: EngineFigures;
  /** Verbatim on exactly this peer's queries and prefixes. */
  readonly verbatimSame: EngineFigures | null;
}

const halfTyped = (p: PrefixRecord): boolean => p.length * 2 >= p.queryLength;

function figures(
  result: ChildResult,
  queries: readonly QueryRecord[],
  prefixes: readonly PrefixRecord[],
): EngineFigures {
  const byKind: Record<string, { queries: number; top1: number; top3: number }> = {};
  for (const q of queries) {
    const k = (byKind[q.kind] ??= { queries: 0, top1: 0, top3: 0 });
    k.queries++;
    if (q.rank === 1) k.top1++;
    if (q.rank !== null && q.rank <= 3) k.top3++;
  }
  for (const k of Object.values(byKind)) {
    k.top1 = ratio(k.top1, k.queries);
    k.top3 = ratio(k.top3, k.queries);
  }
  return {
    buildMs: result.buildMs,
    heapUsedMB: result.afterBuild.heapUsedMB,
    rssMB: result.afterBuild.rssMB,
    indexHeapMB: result.afterBuild.heapUsedMB - result.beforeBuild.heapUsedMB,
    search: summarize(queries.flatMap((q) => q.ms)),
    autocomplete: summarize(prefixes.flatMap((p) => p.ms)),
    queries: queries.length,
    top1: ratio(queries.filter((q) => q.rank === 1).length, queries.length),
    top3: ratio(queries.filter((q) => q.rank !== null && q.rank <= 3).length, queries.length),
    autocompleteHit: ratio(prefixes.filter((p) => p.targetSuggested).length, prefixes.length),
    autocompleteHitHalf: ratio(
      prefixes.filter((p) => p.targetSuggested && halfTyped(p)).length,
      prefixes.filter(halfTyped).length,
    ),
    byKind,
    coverage: result.coverage ?? null,
  };
}

/** Verbatim's figures on exactly the queries and prefixes `other` ran. */
function sameSet(verbatim: ChildResult, other: ChildResult): EngineFigures {
  const ids = new Set(other.queries.map((q) => q.id));
  const prefixKeys = new Set(other.prefixes.map((p) => `${p.queryId}:${p.length}`));
  return figures(
    verbatim,
    verbatim.queries.filter((q) => ids.has(q.id)),
    verbatim.prefixes.filter((p) => prefixKeys.has(`${p.queryId}:${p.length}`)),
  );
}

/** Combines one size's child results into its report. */
export function reportSize(
  verbatim: ChildResult | null,
  baseline: ChildResult | null,
  peerResults: readonly ChildResult[] = [],
  unfinished: readonly Unfinished[] = [],
): SizeReport {
  const any = verbatim ?? baseline ?? peerResults[0];
  if (!any) throw new Error('reportSize needs at least one result');
  const v = verbatim ? figures(verbatim, verbatim.queries, verbatim.prefixes) : null;
  const b = baseline ? figures(baseline, baseline.queries, baseline.prefixes) : null;
  let same: EngineFigures | null = null;
  let speedup: SizeReport['speedup'] = null;
  if (verbatim && baseline && b) {
    if (verbatim.corpusHash !== baseline.corpusHash)
      throw new Error(`engines measured different corpora at ${verbatim.passages} passages`);
    same = sameSet(verbatim, baseline);
    speedup = {
      searchP50: b.search.p50 / same.search.p50,
      searchP99: b.search.p99 / same.search.p99,
      autocompleteP50: b.autocomplete.p50 / same.autocomplete.p50,
      autocompleteP99: b.autocomplete.p99 / same.autocomplete.p99,
    };
  }
  for (const peer of peerResults)
    if (peer.corpusHash !== any.corpusHash)
      throw new Error(`${peer.engine} measured a different corpus at ${any.passages} passages`);
  const peers = peerResults.map((r) => ({
    engine: r.engine,
    figures: figures(r, r.queries, r.prefixes),
    verbatimSame: verbatim ? sameSet(verbatim, r) : null,
  }));
  return {
    passages: any.passages,
    sources: any.sources,
    verbatim: v,
    peers,
    baseline: b,
    verbatimOnBaselineSet: same,
    speedup,
    unfinished,
  };
}

/** Figures as the tables print them: milliseconds, percentages, megabytes and ratios; "—" when not measured. */
export const ms = (x: number): string =>
  Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
export const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
export const mb = (x: number): string => (Number.isNaN(x) ? '—' : x.toFixed(0));
export const times = (x: number): string => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : '—');

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}

/**
 * The side-by-side table for one size: a row per metric; Verbatim, each peer (same queries as Verbatim),
 * fuse.js (fewer queries: it is slow), Verbatim on fuse.js's queries, and fuse.js ÷ that.
 */
export function formatSizeTable(r: SizeReport): string {
  const columns: { label: string; figures: EngineFigures | null }[] = [
    { label: 'verbatim', figures: r.verbatim },
    ...r.peers.map((p) => ({ label: ENGINE_LABELS[p.engine], figures: p.figures })),
    { label: 'fuse.js', figures: r.baseline },
    { label: 'verbatim*', figures: r.verbatimOnBaselineSet },
  ];
  const rows: string[][] = [];
  const row = (name: string, f: (e: EngineFigures) => string, ratioCell = ''): void => {
    rows.push([name, ...columns.map((c) => (c.figures ? f(c.figures) : '—')), ratioCell]);
  };
  row('index build (ms)', (e) => ms(e.buildMs));
  row('heap used after build (MB)', (e) => mb(e.heapUsedMB));
  row('  of which index (MB)', (e) => mb(e.indexHeapMB));
  row('RSS after build (MB)', (e) => mb(e.rssMB));
  row('/quote queries timed', (e) => `${e.search.n}`);
  row('/quote p50 (ms)', (e) => ms(e.search.p50), r.speedup ? times(r.speedup.searchP50) : '');
  row('/quote p99 (ms)', (e) => ms(e.search.p99), r.speedup ? times(r.speedup.searchP99) : '');
  row('autocomplete prefixes timed', (e) => `${e.autocomplete.n}`);
  row('autocomplete p50 (ms)', (e) => ms(e.autocomplete.p50), r.speedup ? times(r.speedup.autocompleteP50) : '');
  row('autocomplete p99 (ms)', (e) => ms(e.autocomplete.p99), r.speedup ? times(r.speedup.autocompleteP99) : '');
  row('top-1 accuracy', (e) => pct(e.top1));
  row('top-3 accuracy', (e) => pct(e.top3));
  for (const kind of ['typo', 'partial', 'reordered'])
    row(`  top-1 ${kind}`, (e) => pct(e.byKind[kind]?.top1 ?? Number.NaN));
  row('autocomplete target in 25', (e) => pct(e.autocompleteHit));
  row('  prefixes ≥ half the query', (e) => pct(e.autocompleteHitHalf));
  const sameRow = (name: string, f: (e: EngineFigures) => string): void => {
    const cells = columns.map((c) => {
      const peer = r.peers.find((p) => p.figures === c.figures);
      return peer?.verbatimSame ? f(peer.verbatimSame) : '';
    });
    rows.push([name, ...cells, '']);
  };
  if (r.peers.length > 0) {
    sameRow('verbatim on the same queries: top-1', (e) => pct(e.top1));
    sameRow('  /quote p99 (ms)', (e) => ms(e.search.p99));
    sameRow('  autocomplete p99 (ms)', (e) => ms(e.autocomplete.p99));
  }
  const header = ['metric', ...columns.map((c) => c.label), 'fuse.js ÷ verbatim*'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((x) => (x[i] ?? '').length)));
  const title = `── ${r.passages.toLocaleString('en-US')} passages (${r.sources.toLocaleString('en-US')} sources) ──`;
  return [title, pad(header, widths), ...rows.map((x) => pad(x, widths)), ...coverageNotes(r, columns)].join('\n');
}

function phaseNote(what: string, c: PhaseCoverage): string | null {
  if (c.stoppedAtMs === null) return null;
  return `${what} stopped at the ${(c.stoppedAtMs / 1000).toFixed(0)} s budget after ${c.run} of ${c.planned}`;
}

/** Under the table: which engine's phases ran out of budget, and which engines did not finish at all. */
function coverageNotes(r: SizeReport, columns: readonly { label: string; figures: EngineFigures | null }[]): string[] {
  const notes: string[] = [];
  for (const { label, figures: f } of columns) {
    if (!f?.coverage || label === 'verbatim*') continue;
    const parts = [phaseNote('/quote', f.coverage.queries), phaseNote('autocomplete', f.coverage.prefixes)];
    const said = parts.filter((x): x is string => x !== null);
    if (said.length > 0) notes.push(`note: ${label}: ${said.join('; ')} (figures over those run)`);
  }
  for (const u of r.unfinished ?? [])
    notes.push(`note: ${ENGINE_LABELS[u.engine]} did not finish in ${u.seconds} s (stopped; no figures)`);
  return notes;
}

/** How the reloaded corpus was laid out on disk. */
export function reloadLayout(reload: ReloadResult): string {
  return reload.oneFile ? 'one file' : `${reload.files.toLocaleString('en-US')} files`;
}
