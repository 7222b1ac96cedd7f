/**
 * Finding a topic from what a user typed, and suggesting topics while they type.
 */
import { normalizeTopicName } from './load.ts';
import type { Topic } from './types.ts';

/** Topics offered while typing at most: a pick list, not a catalogue (also Discord's cap on choices). */
export const MAX_SUGGESTIONS = 25;

export type TopicLookup =
  | { readonly ok: true; readonly topic: Topic }
  | {
      readonly ok: false;
      readonly error: 'procon.unknown-topic';
      readonly query: string;
      /** Every topic, the likeliest first: what the user can ask for instead. */
      readonly topics: readonly Topic[];
    };

function namesOf(topic: Topic): string[] {
  return [topic.id, ...topic.aliases, topic.question.replace(/\?+\s*$/, '')].map(normalizeTopicName);
}

/** How well a topic matches: 0 = exact name, 1 = a name starts with it, 2 = contains it, 3 = shares a word, 4 = none. */
interface Match {
  readonly rank: number;
  /** Words of the query found among the topic's words: breaks ties between rank-3 matches. */
  readonly shared: number;
}

function match(topic: Topic, typed: string): Match {
  const q = normalizeTopicName(typed);
  if (!q) return { rank: 4, shared: 0 };
  const names = namesOf(topic);
  if (names.includes(q)) return { rank: 0, shared: 0 };
  if (names.some((n) => n.startsWith(q))) return { rank: 1, shared: 0 };
  if (names.some((n) => n.includes(q))) return { rank: 2, shared: 0 };
  const words = new Set(names.flatMap((n) => n.split('-')));
  const shared = q.split('-').filter((w) => w.length > 2 && words.has(w)).length;
  return { rank: shared > 0 ? 3 : 4, shared };
}

function byRelevance(topics: readonly Topic[], typed: string): { topic: Topic; rank: number }[] {
  return topics
    .map((topic) => ({ topic, ...match(topic, typed) }))
    .sort((a, b) => a.rank - b.rank || b.shared - a.shared || a.topic.id.localeCompare(b.topic.id));
}

/**
 * Resolves a typed topic: its id, an alias or its question, ignoring case, spacing, hyphens and quote styles.
 * Anything else is `procon.unknown-topic` with the list of topics, likeliest first.
 */
export function findTopic(topics: readonly Topic[], typed: string): TopicLookup {
  const q = normalizeTopicName(typed);
  const topic = q ? topics.find((t) => namesOf(t).includes(q)) : undefined;
  if (topic) return { ok: true, topic };
  return {
    ok: false,
    error: 'procon.unknown-topic',
    query: typed,
    topics: byRelevance(topics, typed).map((r) => r.topic),
  };
}

/**
 * Autocomplete for the topic option, likeliest first: all topics when nothing is typed; else those whose names
 * contain what was typed, or failing that those sharing a word. The bot words them (src/bot/render/choices.ts).
 */
export function suggestTopics(topics: readonly Topic[], typed: string, limit = MAX_SUGGESTIONS): Topic[] {
  const ranked = byRelevance(topics, typed);
  const best = ranked[0]?.rank ?? 4;
  const shown = !normalizeTopicName(typed) ? ranked : ranked.filter((r) => r.rank < 4 && (best >= 3 || r.rank < 3));
  return shown.slice(0, Math.min(limit, MAX_SUGGESTIONS)).map(({ topic }) => topic);
}
