/**
 * The people.yaml registry as text finds it: every alias of every registered person, longest first, in one
 * pattern built once per corpus ("the Chinese Foreign Minister" before "Wang").
 */
import type { Person } from '../types.ts';

/** Finds registry names in text, longest alias first ("the Chinese Foreign Minister" before "Wang"). */
export interface NameMatcher {
  readonly pattern: RegExp | null;
  /** Alias with straight apostrophes → person. */
  readonly byAlias: ReadonlyMap<string, Person>;
}

export const straightenApostrophes = (text: string): string => text.replace(/’/g, "'");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds the registry matcher once per corpus. */
export function buildNameMatchers(people: readonly Person[]): NameMatcher {
  const byAlias = new Map<string, Person>();
  for (const person of people) for (const alias of [person.name, ...person.aliases]) byAlias.set(straightenApostrophes(alias), person);
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length);
  const pattern = aliases.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.map((a) => escapeRegExp(a).replace(/'/g, "['’]")).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;
  return { pattern, byAlias };
}

export interface PersonMention {
  readonly person: Person;
  readonly index: number;
  readonly length: number;
}

/** Every registry person named in the text, without overlaps, in text order. */
export function findMentions(text: string, matcher: NameMatcher): PersonMention[] {
  if (!matcher.pattern) return [];
  const mentions: PersonMention[] = [];
  for (const match of text.matchAll(matcher.pattern)) {
    const person = matcher.byAlias.get(straightenApostrophes(match[0]));
    if (person) mentions.push({ person, index: match.index, length: match[0].length });
  }
  return mentions;
}
