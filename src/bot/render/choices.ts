/** Autocomplete choices for /quote: the search engine's suggestions as Discord shows them (≤ 100 characters). */
import { formatSourceName, formatSpeakerName } from '../../present.ts';
import type { Source } from '../../corpus/types.ts';
import type { Topic } from '../../procon/types.ts';
import { PASSAGE_ID_PREFIX, type QuoteHit, type SpeakerSuggestion } from '../../search/engine.ts';
import { clampChoices, LIMITS, truncate } from './limits.ts';

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** Each passage as "Speaker: the words…", choosing that passage by id. */
export function quoteChoices(hits: readonly QuoteHit[]): Choice[] {
  return clampChoices(
    hits.map((h) => ({
      name: truncate(`${h.passage.voice.name}: ${h.passage.text}`, LIMITS.choiceName),
      value: `${PASSAGE_ID_PREFIX}${h.passage.id}`,
    })),
  );
}

/** Each source as "Publication — Title", choosing it by id. */
export function sourceChoices(sources: readonly Source[]): Choice[] {
  return clampChoices(sources.map((s) => ({ name: formatSourceName(s), value: s.id })));
}

/** Each speaker as "Name — role", choosing them by person id (or voice name). */
export function speakerChoices(speakers: readonly SpeakerSuggestion[]): Choice[] {
  return clampChoices(speakers.map((s) => ({ name: formatSpeakerName(s), value: s.key })));
}

/** Each topic as "id — question", choosing it by id. */
export function topicChoices(topics: readonly Topic[]): Choice[] {
  return clampChoices(
    topics.map((t) => ({ name: truncate(`${t.id} — ${t.question}`, LIMITS.choiceName), value: t.id })),
  );
}
