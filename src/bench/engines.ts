/**
 * The engines under test behind one small interface, so the child process measures them all the same way.
 * Verbatim's engine is used exactly as /quote and its autocomplete use it; the baseline is plain fuse.js over
 * every passage, configured the way a careful user would for sentence-long passages; the peers (MiniSearch,
 * FlexSearch, Orama, each in peers/) are set up as their own documentation shows typo-tolerant search.
 */
import Fuse from 'fuse.js';
import type { Corpus } from '../corpus/types.ts';
import { QuoteIndex } from '../search/engine.ts';
import { createFlexSearchEngine } from './peers/flexsearch.ts';
import { createMiniSearchEngine } from './peers/minisearch.ts';
import { createOramaEngine } from './peers/orama.ts';
import { PEER_NAMES, type PeerEngine, type PeerName } from './peers/peer.ts';

export type EngineName = 'verbatim' | 'fuse' | PeerName;
export const ENGINE_NAMES: readonly EngineName[] = ['verbatim', ...PEER_NAMES, 'fuse'];
/** How the table heads each engine's column. */
export const ENGINE_LABELS: Readonly<Record<EngineName, string>> = Object.freeze({
  verbatim: 'verbatim',
  minisearch: 'MiniSearch',
  flexsearch: 'FlexSearch',
  orama: 'Orama',
  fuse: 'fuse.js',
});

/** Results /quote pages through: what every engine is asked for. */
export const SEARCH_LIMIT = 10;

export interface BenchEngine {
  readonly name: EngineName;
  /** Builds the index; the child times this call (awaited: Orama's insert may be async). */
  build(corpus: Corpus): void | Promise<void>;
  /** Passage ids in rank order, as /quote would show them. */
  search(text: string): string[];
  /** Autocomplete for what has been typed so far; returns the passage ids suggested. */
  suggest(prefix: string): string[];
}

/** Suggestions Discord shows at most. */
export const AUTOCOMPLETE_LIMIT = 25;

/** The fuse.js baseline options: tuned for passages, not fuse's defaults. */
export const BASELINE_FUSE_OPTIONS = Object.freeze({
  keys: ['text'],
  includeScore: true,
  /** A quote can sit anywhere in a sentence; the default location/distance penalty would hide it. */
  ignoreLocation: true,
  /** Long sentences are not worse answers. */
  ignoreFieldNorm: true,
  /** Fuse's default (0.6) lets nearly everything through at this corpus size; 0.4 keeps typo tolerance. */
  threshold: 0.4,
});

function createVerbatimEngine(): BenchEngine {
  let index: QuoteIndex | null = null;
  const ready = (): QuoteIndex => {
    if (!index) throw new Error('build() first');
    return index;
  };
  return {
    name: 'verbatim',
    build(corpus) {
      index = QuoteIndex.build(corpus);
    },
    search(text) {
      return ready()
        .search({ text })
        .map((hit) => hit.passage.id);
    },
    suggest(prefix) {
      return ready()
        .suggestQueries(prefix, AUTOCOMPLETE_LIMIT)
        .map((hit) => hit.passage.id);
    },
  };
}

function createFuseEngine(): BenchEngine {
  let fuse: Fuse<{ id: string; text: string }> | null = null;
  const ready = (): Fuse<{ id: string; text: string }> => {
    if (!fuse) throw new Error('build() first');
    return fuse;
  };
  return {
    name: 'fuse',
    build(corpus) {
      fuse = new Fuse(
        corpus.passages.map((p) => ({ id: p.id, text: p.text })),
        { ...BASELINE_FUSE_OPTIONS, keys: [...BASELINE_FUSE_OPTIONS.keys] },
      );
    },
    search(text) {
      return ready()
        .search(text, { limit: SEARCH_LIMIT })
        .map((r) => r.item.id);
    },
    suggest(prefix) {
      return ready()
        .search(prefix, { limit: AUTOCOMPLETE_LIMIT })
        .map((r) => r.item.id);
    },
  };
}

const PEERS: Readonly<Record<PeerName, () => PeerEngine>> = {
  minisearch: createMiniSearchEngine,
  flexsearch: createFlexSearchEngine,
  orama: createOramaEngine,
};

function adaptPeer(name: PeerName): BenchEngine {
  const peer = PEERS[name]();
  return {
    name,
    build: (corpus) => peer.build(corpus),
    search: (text) => peer.search(text, SEARCH_LIMIT),
    suggest: (prefix) => peer.suggest(prefix, AUTOCOMPLETE_LIMIT),
  };
}

export function createEngine(name: EngineName): BenchEngine {
  if (name === 'verbatim') return createVerbatimEngine();
  if (name === 'fuse') return createFuseEngine();
  return adaptPeer(name);
}
