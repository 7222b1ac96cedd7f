/**
 * Turns raw per-query timings into the figures the issue asks for, checks them against its targets, and
 * formats the side-by-side table.
 */
import type { ChildResult, PrefixRecord, QueryRecord } from './child.ts';
import type { ColdStartResult, SeedSearchResult } from './coldstart.ts';
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
}

export interface PeerFigures {
  readonly engine: EngineName;
  readonly figures: EngineFigures;
  /** Verbatim on exactly this peer's queries and prefixes. */
  readonly verbatimSame: EngineFigures | null;
}

export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean | null;
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
  };
}

const ms = (x: number): string =>
  Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
const mb = (x: number): string => (Number.isNaN(x) ? '—' : x.toFixed(0));
const times = (x: number): string => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : '—');

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
  return [title, pad(header, widths), ...rows.map((x) => pad(x, widths))].join('\n');
}

const check = (name: string, target: string, measured: string, pass: boolean | null): TargetCheck => ({
  name,
  target,
  measured,
  pass,
});

/** How the reloaded corpus was laid out on disk. */
export function reloadLayout(reload: ReloadResult): string {
  return reload.oneFile ? 'one file' : `${reload.files.toLocaleString('en-US')} files`;
}

/** Issue 14's accuracy targets, on the largest size. */
function checkAccuracy(v: EngineFigures | null, at: string): TargetCheck[] {
  const out = [check(`top-1, all queries${at}`, '≥ 97%', v ? pct(v.top1) : 'not run', v ? v.top1 >= 0.97 : null)];
  for (const kind of ['typo', 'partial', 'reordered']) {
    const k = v?.byKind[kind];
    out.push(
      check(
        `top-1, ${kind}${at}`,
        '≥ 95%',
        k ? `${pct(k.top1)} (n=${k.queries})` : 'not run',
        k ? k.top1 >= 0.95 : null,
      ),
    );
  }
  out.push(
    check(
      `autocomplete target in 25, prefixes ≥ half${at}`,
      '≥ 90%',
      v ? pct(v.autocompleteHitHalf) : 'not run',
      v && !Number.isNaN(v.autocompleteHitHalf) ? v.autocompleteHitHalf >= 0.9 : null,
    ),
  );
  return out;
}

/** Issue 14's comparison: at this size, on each peer's own queries, top-1 at least and /quote p99 below it. */
function checkAheadOfPeers(r: SizeReport): TargetCheck {
  const name = `ahead of every peer @${r.passages.toLocaleString('en-US')}`;
  const goal = 'top-1 ≥, p99 <';
  const compared = r.peers.filter((p) => p.verbatimSame !== null);
  if (compared.length === 0) return check(name, goal, 'peers not run', null);
  const behind = compared.filter(
    (p) =>
      (p.verbatimSame as EngineFigures).top1 < p.figures.top1 ||
      (p.verbatimSame as EngineFigures).search.p99 >= p.figures.search.p99,
  );
  const detail = compared
    .map((p) => {
      const v = p.verbatimSame as EngineFigures;
      return `${ENGINE_LABELS[p.engine]} ${pct(v.top1)}/${pct(p.figures.top1)}, ${ms(v.search.p99)}/${ms(p.figures.search.p99)} ms`;
    })
    .join('; ');
  return check(name, goal, `verbatim/peer: ${detail}`, behind.length === 0);
}

/** The issues' targets, checked on the largest size (the peers at every size) and the seed-corpus figures. */
export function checkTargets(
  sizes: readonly SizeReport[],
  largest: SizeReport | null,
  seed: SeedSearchResult | null,
  cold: ColdStartResult | null,
  reloads: readonly ReloadResult[],
): TargetCheck[] {
  const out: TargetCheck[] = [];
  const v = largest?.verbatim ?? null;
  const at = largest ? ` @${largest.passages.toLocaleString('en-US')}` : '';
  out.push(
    check(
      `/quote p99${at}`,
      '≤ 25 ms',
      v ? `${ms(v.search.p99)} ms (n=${v.search.n})` : 'not run',
      v ? v.search.p99 <= 25 : null,
    ),
  );
  out.push(
    check(
      `autocomplete p99${at}`,
      '≤ 15 ms',
      v ? `${ms(v.autocomplete.p99)} ms (n=${v.autocomplete.n})` : 'not run',
      v ? v.autocomplete.p99 <= 15 : null,
    ),
  );
  const s = largest?.verbatimOnBaselineSet ?? null;
  const b = largest?.baseline ?? null;
  if (largest?.speedup && s && b) {
    const fast = largest.speedup.searchP50 >= 20;
    const accurate = s.top1 >= b.top1;
    out.push(
      check(
        `speedup vs fuse.js${at}`,
        '≥ 20× at ≥ top-1',
        `${times(largest.speedup.searchP50)} p50 on ${s.search.n} same queries; top-1 ${pct(s.top1)} vs ${pct(b.top1)}`,
        fast && accurate,
      ),
    );
  } else out.push(check(`speedup vs fuse.js${at}`, '≥ 20× at ≥ top-1', 'baseline not run', null));
  out.push(...checkAccuracy(v, at));
  out.push(...sizes.map(checkAheadOfPeers));
  out.push(check(`index build${at}`, '≤ 3 s', v ? `${ms(v.buildMs)} ms` : 'not run', v ? v.buildMs <= 3000 : null));
  out.push(
    check(
      `heap after build${at}`,
      '≤ 300 MB',
      v ? `${mb(v.heapUsedMB)} MB` : 'not run',
      v ? v.heapUsedMB <= 300 : null,
    ),
  );
  out.push(
    check(
      'seed corpus /quote p99',
      '< 1 ms',
      seed && !seed.error ? `${ms(seed.search.p99)} ms (n=${seed.search.n})` : (seed?.error ?? 'not run'),
      seed && !seed.error ? seed.search.p99 < 1 : null,
    ),
  );
  out.push(
    check(
      'console cold start (median)',
      '< 1 s',
      cold && !cold.error ? `${ms(cold.medianFirstAnswerMs)} ms (${cold.runs} runs)` : (cold?.error ?? 'not run'),
      cold && !cold.error ? cold.medianFirstAnswerMs < 1000 : null,
    ),
  );
  if (reloads.length === 0) out.push(check('reload worst stall', '≤ 50 ms', 'not run', null));
  for (const reload of reloads) {
    out.push(
      check(
        `reload worst stall @${reload.passages.toLocaleString('en-US')}, ${reloadLayout(reload)}`,
        '≤ 50 ms',
        reload.error ?? `${ms(reload.worstStallMs)} ms (reload took ${ms(reload.reloadMs)} ms)`,
        reload.error ? null : reload.worstStallMs <= 50,
      ),
    );
  }
  return out;
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  const rows = checks.map((c) => [c.name, c.target, c.measured, c.pass === null ? 'n/a' : c.pass ? 'PASS' : 'FAIL']);
  const header = ['target', 'goal', 'measured', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return ['── targets (issues 5 and 14) ──', line(header), ...rows.map(line)].join('\n');
}
