/** Command-line options of `npm run bench`, parsed once into a typed, validated object. */
import { parseArgs } from 'node:util';
import { PEER_NAMES as ALL_PEERS, type PeerName } from './peers/peer.ts';

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Labelled /quote queries per size for Verbatim (the first N: balanced typo/partial/reordered). */
  readonly queries: number;
  /** Queries for the fuse.js baseline; null = automatic, fewer for bigger corpora (see `baselineQueriesFor`). */
  readonly baselineQueries: number | null;
  /** Autocomplete prefixes sampled per query. */
  readonly prefixes: number;
  readonly reps: number;
  readonly skipBaseline: boolean;
  /** Search libraries measured beside Verbatim on the same queries, each in its own process. */
  readonly peers: readonly PeerName[];
  /** Queries (and twice as many prefixes) per peer; null = automatic (see `peerQueriesFor`). */
  readonly peerQueries: number | null;
  /** Seconds each engine's /quote phase and autocomplete phase may take before the rest is left out. */
  readonly phaseBudgetS: number;
  /** Seconds a peer or baseline process may take in all (generate, build, both phases) before it is stopped. */
  readonly engineTimeoutS: number;
  readonly skipReload: boolean;
  /** Passages in the on-disk corpus used for the reload stall. */
  readonly reloadPassages: number;
  readonly skipCold: boolean;
  readonly coldRuns: number;
  readonly seed: number;
  readonly out: string;
  readonly seedsDir: string | null;
  readonly help: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --sizes 1000,10000,100000   corpus sizes (passages)
  --queries N                 labelled /quote queries per size for Verbatim (default 120)
  --baseline-queries N        queries (and as many prefixes) for the fuse.js baseline at every size
                              (default: automatic, 60,000 ÷ size, at least 3: 60 @1k, 6 @10k, 3 @100k)
  --prefixes N                autocomplete prefixes sampled per query (default 2)
  --reps N                    repeat each timed pass N times (default 1)
  --skip-baseline             skip the fuse.js baseline
  --peers LIST                peer libraries, each in its own process on Verbatim's queries
                              (default minisearch,flexsearch,orama; "none" for Verbatim alone)
  --peer-queries N            queries (and 2N prefixes) per peer at every size (default: automatic,
                              1,200,000 ÷ size, at least 30: all 120 up to 10k, 30 @100k)
  --phase-budget S            seconds each engine's /quote and autocomplete phases may take; what is not run
                              by then is left out and the table says how many ran (default 120)
  --engine-timeout S          seconds a peer or fuse.js process may take in all before it is stopped and
                              reported as not finished (default 900)
  --reload-passages N         passages in the on-disk corpus for the reload stall (default 100000)
  --skip-reload               skip the reload stall
  --cold-runs N               console cold starts to take the median of (default 5)
  --skip-cold                 skip the seed-corpus cold start and latency
  --seed N                    generator seed (default 20150301)
  --seeds DIR                 seed texts (default ../shared/seeds next to the repo)
  --out FILE                  JSON results (default bench-results/bench.json)`;

/** Baseline passage×query budget per size for the automatic mode: keeps the default run near a minute. */
const BASELINE_BUDGET = 60_000;
const BASELINE_MIN_QUERIES = 3;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

function parsePeers(value: string | undefined): PeerName[] {
  if (value === undefined) return [...ALL_PEERS];
  if (value.trim() === 'none') return [];
  return value.split(',').map((name) => {
    const peer = ALL_PEERS.find((p) => p === name.trim().toLowerCase());
    if (!peer) throw new Error(`--peers takes ${ALL_PEERS.join(', ')} or none, got "${name}"`);
    return peer;
  });
}

/** Parses `argv` (without node and script); throws an Error whose message says which option and why. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    allowPositionals: false,
    options: {
      sizes: { type: 'string' },
      queries: { type: 'string' },
      'baseline-queries': { type: 'string' },
      prefixes: { type: 'string' },
      reps: { type: 'string' },
      'skip-baseline': { type: 'boolean', default: false },
      peers: { type: 'string' },
      'peer-queries': { type: 'string' },
      'phase-budget': { type: 'string' },
      'engine-timeout': { type: 'string' },
      'skip-reload': { type: 'boolean', default: false },
      'reload-passages': { type: 'string' },
      'skip-cold': { type: 'boolean', default: false },
      'cold-runs': { type: 'string' },
      seed: { type: 'string' },
      seeds: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false, short: 'h' },
    },
  });
  const sizes = (values.sizes ?? '1000,10000,100000').split(',').map((s) => positiveInt('sizes', s.trim(), 0));
  const seed = values.seed === undefined ? 20150301 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0, got "${values.seed}"`);
  return {
    sizes,
    queries: positiveInt('queries', values.queries, 120),
    baselineQueries:
      values['baseline-queries'] === undefined ? null : positiveInt('baseline-queries', values['baseline-queries'], 1),
    prefixes: positiveInt('prefixes', values.prefixes, 2),
    reps: positiveInt('reps', values.reps, 1),
    skipBaseline: values['skip-baseline'] ?? false,
    peers: parsePeers(values.peers),
    peerQueries: values['peer-queries'] === undefined ? null : positiveInt('peer-queries', values['peer-queries'], 1),
    phaseBudgetS: positiveInt('phase-budget', values['phase-budget'], 120),
    engineTimeoutS: positiveInt('engine-timeout', values['engine-timeout'], 900),
    skipReload: values['skip-reload'] ?? false,
    reloadPassages: positiveInt('reload-passages', values['reload-passages'], 100_000),
    skipCold: values['skip-cold'] ?? false,
    coldRuns: positiveInt('cold-runs', values['cold-runs'], 5),
    seed,
    out: values.out ?? 'bench-results/bench.json',
    seedsDir: values.seeds ?? null,
    help: values.help ?? false,
  };
}

/** How many queries the baseline runs at `size` passages: the option if given, else a budget share. */
export function baselineQueriesFor(options: Pick<BenchOptions, 'queries' | 'baselineQueries'>, size: number): number {
  const wanted = options.baselineQueries ?? Math.max(BASELINE_MIN_QUERIES, Math.floor(BASELINE_BUDGET / size));
  return Math.min(options.queries, wanted);
}

/** Peer passage×query budget per size for the automatic mode: Orama and MiniSearch take seconds a query at 100k. */
const PEER_BUDGET = 1_200_000;
const PEER_MIN_QUERIES = 30;

/** How many queries each peer runs at `size` passages (the first ones: balanced across kinds). */
export function peerQueriesFor(options: Pick<BenchOptions, 'queries' | 'peerQueries'>, size: number): number {
  const wanted = options.peerQueries ?? Math.max(PEER_MIN_QUERIES, Math.floor(PEER_BUDGET / size));
  return Math.min(options.queries, wanted);
}
