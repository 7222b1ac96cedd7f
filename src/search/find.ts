/**
 * /quote's outcome, decided once for every surface: the hits, or a typed miss that says why and what to try
 * instead. Each filter is resolved once; the words a user reads are src/messages.ts's.
 */
import type { Source } from '../corpus/types.ts';
import { PASSAGE_ID_PREFIX, type QuoteHit, type QuoteIndex, type SpeakerSuggestion } from './engine.ts';
import { findSilentSpeaker } from './silent-speaker.ts';

/** What was asked: words (empty for a random quote), optional filters, how many hits at most. */
export interface QuoteRequest {
  readonly text: string;
  readonly source?: string | undefined;
  readonly speaker?: string | undefined;
  readonly limit: number;
  readonly rng?: () => number;
}

/** Closest names offered when a filter matches nothing. */
const FILTER_SUGGESTIONS = 3;

/** Why a request found nothing, with what to offer instead. */
export type QuoteMiss =
  | { readonly kind: 'unknown-source'; readonly source: string; readonly suggestions: readonly Source[] }
  | {
      readonly kind: 'unknown-speaker';
      readonly speaker: string;
      readonly suggestions: readonly SpeakerSuggestion[];
    }
  /** The speaker filter names someone the corpus knows but never quotes: no passage is in their voice. */
  | { readonly kind: 'speaker-never-speaks'; readonly speaker: string }
  | { readonly kind: 'empty-corpus' }
  | { readonly kind: 'no-random' }
  | {
      readonly kind: 'no-match';
      readonly query: string;
      /** True when the query selected one passage by id (autocomplete) and it is gone or filtered out. */
      readonly byId: boolean;
      /** "Did you mean": the query with unknown words replaced, or null. */
      readonly correction: string | null;
      /** Matches without the source/speaker filters (0 when there were no filters). */
      readonly unfiltered: number;
    };

export type QuoteOutcome =
  | { readonly ok: true; readonly hits: readonly QuoteHit[]; readonly random: boolean }
  | { readonly ok: false; readonly miss: QuoteMiss };

/** The hits for a request, or why there are none. */
export function findQuotes(index: QuoteIndex, request: QuoteRequest): QuoteOutcome {
  const text = request.text.trim();
  const allowed = index.filterFor(request);
  if (allowed === 'no-source') {
    const source = request.source?.trim() ?? '';
    return miss({ kind: 'unknown-source', source, suggestions: index.suggestSources(source, FILTER_SUGGESTIONS) });
  }
  if (allowed === 'no-speaker') {
    const speaker = request.speaker?.trim() ?? '';
    // Someone people.yaml or the texts name, with no passage in their voice: say that, not "nobody called".
    const silent = findSilentSpeaker(index, speaker);
    if (silent) return miss({ kind: 'speaker-never-speaks', speaker: silent.name });
    return miss({ kind: 'unknown-speaker', speaker, suggestions: index.suggestSpeakers(speaker, FILTER_SUGGESTIONS) });
  }
  if (text === '') {
    const hit = index.randomWithin(allowed, request.rng);
    if (hit) return { ok: true, hits: [hit], random: true };
    return miss({ kind: index.size === 0 ? 'empty-corpus' : 'no-random' });
  }
  const hits = index.searchWithin(text, allowed, request.limit);
  if (hits.length > 0) return { ok: true, hits, random: false };
  const byId = text.startsWith(PASSAGE_ID_PREFIX);
  const filtered = Boolean(request.source?.trim() || request.speaker?.trim());
  return miss({
    kind: 'no-match',
    query: text,
    byId,
    correction: byId ? null : index.suggestCorrection(text),
    unfiltered: filtered ? index.search({ text, limit: request.limit }).length : 0,
  });
}

function miss(reason: QuoteMiss): QuoteOutcome {
  return { ok: false, miss: reason };
}
