/**
 * The two engines under test behind one small interface, so the child process measures both the same way.
 * Verbatim's engine is used exactly as /quote and its autocomplete use it; the baseline is plain fuse.js over
 * every passage, configured the way a careful user would for sentence-long passages.
 */
import Fuse from 'fuse.js';
import type { Corpus } from '../corpus/types.ts';
import { QuoteIndex } from '../search/engine.ts';

export type EngineName = 'verbatim' | 'fuse';
export const ENGINE_NAMES: readonly EngineName[] = ['verbatim', 'fuse'];

export interface BenchEngine {
  readonly name: EngineName;
  /** Builds the index; the child times this call. */
  build(corpus: Corpus): void;
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
        .search(text, { limit: 10 })
        .map((r) => r.item.id);
    },
    suggest(prefix) {
      return ready()
        .search(prefix, { limit: AUTOCOMPLETE_LIMIT })
        .map((r) => r.item.id);
    },
  };
}

export function createEngine(name: EngineName): BenchEngine {
  return name === 'verbatim' ? createVerbatimEngine() : createFuseEngine();
}
