/**
 * The shape every engine in the benchmark takes, so the child process measures Verbatim and each library the
 * same way: build once (timed), then search and autocomplete returning passage ids in rank order.
 */
import type { Corpus } from '../../corpus/types.ts';

export type PeerName = 'minisearch' | 'flexsearch' | 'orama';
export const PEER_NAMES: readonly PeerName[] = ['minisearch', 'flexsearch', 'orama'];

export interface PeerEngine {
  readonly name: string;
  /** Builds the index; the child times this call (awaited, for libraries with an async insert). */
  build(corpus: Corpus): void | Promise<void>;
  /** Passage ids in rank order, at most `limit`. */
  search(text: string, limit: number): string[];
  /** Autocomplete for what has been typed so far: passage ids suggested, at most `limit`. */
  suggest(prefix: string, limit: number): string[];
}
