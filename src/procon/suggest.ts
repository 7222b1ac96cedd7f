/**
 * Finding a topic from what a user typed, and suggesting topics while they type.
 */
import { normalizeTopicName } from './load.ts';
import type { Topic } from './types.ts';

/** Discord's autocomplete limits: at most 25 choices, names and values 1–100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

export interface TopicChoice {
  readonly name: string;
  readonly value: string;
}

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

/** 0 = exact name, 1 = a name starts with it, 2 = a name contains it, 3 = shares a word, 4 = unrelated. */
function rank(topic: Topic, typed: string): number {
  const q = normalizeTopicName(typed);
  if (!q) return 4;
  const names = namesOf(topic);
  if (names.includes(q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.includes(q))) return 2;
  const words = new Set(names.flatMap((n) => n.split('-')));
  return q.split('-').some((w) => w.length > 2 && words.has(w)) ? 3 : 4;
}

function byRelevance(topics: readonly Topic[], typed: string): Topic[] {
  return topics
    .map((topic) => ({ topic, rank: rank(topic, typed) }))
    .sort((a, b) => a.rank - b.rank || a.topic.id.localeCompare(b.topic.id))
    .map((r) => r.topic);
}

/**
 * Resolves a typed topic: its id, an alias or its question, ignoring case, spacing, hyphens and quote styles.
 * Anything else is `procon.unknown-topic` with the list of topics, likeliest first.
 */
export function findTopic(topics: readonly Topic[], typed: string): TopicLookup {
  const q = normalizeTopicName(typed);
  const topic = q ? topics.find((t) => namesOf(t).includes(q)) : undefined;
  if (topic) return { ok: true, topic };
  return { ok: false, error: 'procon.unknown-topic', query: typed, topics: byRelevance(topics, typed) };
}

/** Cuts at a word boundary and marks the cut with an ellipsis. */
function clipChoiceName(text: string): string {
  if (text.length <= MAX_CHOICE_LENGTH) return text;
  const cut = text.slice(0, MAX_CHOICE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Autocomplete for the topic option: matching topics first (all of them when nothing is typed), each shown as
 * `id — question` and answering with its id.
 */
export function suggestTopics(topics: readonly Topic[], typed: string, limit = MAX_CHOICES): TopicChoice[] {
  const q = normalizeTopicName(typed);
  const ranked = q ? byRelevance(topics, typed).filter((t) => rank(t, typed) < 4) : byRelevance(topics, '');
  return ranked.slice(0, Math.min(limit, MAX_CHOICES)).map((t) => ({
    name: clipChoiceName(`${t.id} — ${t.question}`),
    value: t.id,
  }));
}
