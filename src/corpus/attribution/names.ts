/**
 * People's names as news text writes them: "Deputy Energy Minister Anton Veselov", "Rep. Jane Doe", "the Rev.
 * John Smith", "Mr. Veselov", "Charles E. Grassley". Splits a name phrase into the name and the title before it,
 * and says whether two written names can be the same person.
 */
import { getGender } from 'gender-detection-from-name';
import { GROUP_NOUNS, HONORIFIC_GENDER, NOT_NAME, PLACE_HEAD, PLACE_OR_BODY_TAIL, TITLE_WORDS } from './lexicon.ts';

/** One capitalised word of a name, an initial, or a hyphenated/apostrophised name ("O’Rourke", "Ortega-Reyes"). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’\-]*\p{L}\.?|\p{Lu}\.|\p{Lu}\p{Ll}?\.)`;
/** Lower-case particles inside names: "Charles de Gaulle", "Ursula von der Leyen". */
const PARTICLE = String.raw`(?:de|van|von|der|den|la|le|da|di|du|bin|al|ibn|del|dos|das|ter|ten)`;

/** A run of capitalised words that may be a name with its title, e.g. `Rep. Jane Doe` or `Mr. Obama`. */
export const NAME_RUN = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)*${NAME_WORD}){0,6}(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))?`;

export type Gender = 'm' | 'f' | null;

export interface NamePhrase {
  /** The name without its title: "Anton Veselov", "Veselov". */
  readonly name: string;
  /** The title written before it, when there is one: "Deputy Energy Minister". */
  readonly title: string;
  /** What an honorific or gendered title tells of the person ("Mr." → m). */
  readonly gender: Gender;
}

/**
 * What a first name tells of the person's pronoun, from gender-detection-from-name's lists of first names (English
 * first, then its other languages); null for a word the lists don't know.
 */
export function firstNameGender(word: string): Gender {
  if (word.length < 2 || word.endsWith('.')) return null;
  const cached = genders.get(word);
  if (cached !== undefined) return cached;
  const found = getGender(word, 'en') === 'unknown' ? getGender(word, '') : getGender(word, 'en');
  const gender: Gender = found === 'male' ? 'm' : found === 'female' ? 'f' : null;
  if (genders.size >= GENDER_CACHE_SIZE) genders.clear();
  genders.set(word, gender);
  return gender;
}

/** The library scans its lists on every call (~10 µs for a miss); a news corpus repeats its names. */
const genders = new Map<string, Gender>();
const GENDER_CACHE_SIZE = 20_000;

/** The most words a name itself has ("Ursula von der Leyen" counts its particles apart). */
const MAX_NAME_WORDS = 4;

/**
 * "New York City Public Advocate Trish James": a long run whose last words are a first name and a surname is a
 * role written before the name. Returns where the name starts, or -1.
 */
function nameAfterLongRole(words: readonly string[]): number {
  for (let from = Math.max(1, words.length - 3); from < words.length - 1; from++) {
    if (firstNameGender(words[from] ?? '') !== null) return from;
  }
  return -1;
}

const bare = (word: string): string => word.toLowerCase().replace(/[.,]$/, '').replace(/[’']s$/, '');

/** True when the word is part of a title, never of a name ("Minister", "Rep.", "Deputy"). */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(bare(word));
}

/**
 * Splits a run of capitalised words into the title and the name after it, or null when no word of it can be a
 * person's name ("The White House", "Tuesday"). The name is what follows the last title word.
 */
export function parseNamePhrase(run: string): NamePhrase | null {
  // "Commentary’s Noah Rothman": the words up to a possessive name the owner, not the person.
  const owned = /^(?:.*\s)?\S+[’']s\s+(?=\S)/u.exec(run.trim());
  const words = run.trim().slice(owned ? owned[0].length : 0).replace(/(\p{L}{2,})\.$/u, (m, w: string) => (/^(?:Jr|Sr)$/.test(w) ? m : w)).split(/\s+/);
  const written = [...words];
  // Leading words that are not the name: "The", "But", and sentence adverbs ("Interestingly Blocher stated …"),
  // never a first name that ends like one ("Carly", "Kelly", "Emily").
  while (
    words.length > 0 &&
    ((NOT_NAME.has(bare(words[0] ?? '')) && !isTitleWord(words[0] ?? '')) || (words.length > 1 && /^\p{Lu}\p{Ll}+ly,?$/u.test(words[0] ?? '') && firstNameGender(words[0] ?? '') === null))
  )
    words.shift();
  let lastTitle = -1;
  words.forEach((word, i) => {
    if (isTitleWord(word) && i < words.length - 1) lastTitle = i;
  });
  const untitled = words.length - lastTitle - 1;
  // "Minority Whip Dick Durbin", "Journalist Carl Leubsdorf": role words the title list lacks, before a first name.
  const leadsWithRole = untitled >= 3 && firstNameGender(words[lastTitle + 1] ?? '') === null && !/^\p{Lu}\.$/u.test(words[lastTitle + 1] ?? '');
  const longRole = untitled > MAX_NAME_WORDS || leadsWithRole ? nameAfterLongRole(words) : -1;
  if (longRole > 0) lastTitle = longRole - 1;
  const nameWords = words.slice(lastTitle + 1);
  // A long role keeps every word written before the name ("New York City Public Advocate"), less a sentence opener.
  const titleWords =
    longRole > 0
      ? written.slice(0, written.length - nameWords.length).filter((w, i) => i > 0 || !/^(?:The|But|And|So|Yet|Then|Also)$/.test(w))
      : words.slice(0, lastTitle + 1);
  if (nameWords.length === 0 || nameWords.length > MAX_NAME_WORDS) return null;
  // "Amy Pope", "Howard Dean": after a first name, a last word that is also a title is the surname.
  const surnameAsTitle = (i: number): boolean => i > 0 && i === nameWords.length - 1 && firstNameGender(nameWords[0] ?? '') !== null;
  if (nameWords.some((w, i) => (isTitleWord(w) && !surnameAsTitle(i)) || NOT_NAME.has(bare(w)))) return null;
  if (!nameWords.some((w) => /\p{Lu}\p{Ll}/u.test(w))) return null;
  if (nameWords.length === 1 && GROUP_NOUNS.test(nameWords[0] ?? '')) return null; // "Reporters asked …"
  // "Having announced …", "Asked about …": a lone capitalised participle opens a clause, it names nobody.
  // Names that end like participles stay names: "Jared", "Fred", "Zaheed", "Mohammed".
  const lone = nameWords[0] ?? '';
  if (nameWords.length === 1 && titleWords.length === 0 && /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(lone) && !/eed$/.test(lone) && firstNameGender(lone) === null) return null;
  let gender: Gender = null;
  for (const word of titleWords) gender = HONORIFIC_GENDER[bare(word)] ?? gender;
  const name = nameWords.join(' ').replace(/,$/, '');
  const title = titleWords.filter((w) => !(bare(w) in HONORIFIC_GENDER) || !/^(?:mr|mrs|ms|miss)$/.test(bare(w))).join(' ');
  return { name, title, gender };
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv)$/;

/** The words of a name that identify the person: no titles, suffixes or punctuation, lower case. */
export function nameKey(name: string): readonly string[] {
  const cached = nameKeys.get(name);
  if (cached) return cached;
  const key = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // "François" and "Francois" are the same name
    .replace(/’/g, "'")
    .replace(/'s\b/g, '')
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/[.,]/g, ''))
    .filter((w) => w.length > 0 && !TITLE_WORDS.has(w) && !SUFFIX.test(w));
  if (nameKeys.size >= NAME_KEY_CACHE_SIZE) nameKeys.clear();
  nameKeys.set(name, key);
  return key;
}

/** Names are compared again and again (every mention against the people of its surname): their keys are cached. */
const nameKeys = new Map<string, readonly string[]>();
const NAME_KEY_CACHE_SIZE = 50_000;

/** The surname: the last word of the name that is not a suffix. */
export function surnameOf(name: string): string {
  const key = nameKey(name);
  return key[key.length - 1] ?? '';
}

/**
 * Whether two written names can be the same person: the same surname, and given names that agree where both are
 * written ("Donald J. Trump" ~ "Donald Trump" ~ "Trump", never "Bill Clinton" ~ "Hillary Clinton").
 */
export function sameSpeaker(a: string, b: string): boolean {
  const x = nameKey(a);
  const y = nameKey(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x[x.length - 1] !== y[y.length - 1]) return false;
  const gx = x.slice(0, -1).filter((w) => w.length > 1);
  const gy = y.slice(0, -1).filter((w) => w.length > 1);
  if (gx.length === 0 || gy.length === 0) return true;
  return gx[0] === gy[0] || gx[0]?.startsWith(gy[0] ?? '') === true || gy[0]?.startsWith(gx[0] ?? '') === true;
}

/**
 * What a first name tells of the pronoun for a person, from gender-detection-from-name's lists of first names
 * (English first, then its other languages); null for a surname alone or a name the lists don't know.
 */
export function genderOfName(name: string): Gender {
  const words = name.split(/\s+/);
  return words.length < 2 || !words[0] || namesAPlace(words) ? null : firstNameGender(words[0]);
}

/** "North Korea", "Harvard Law School": a run whose first word is also a first name, naming a place or a body. */
export function namesAPlace(words: readonly string[]): boolean {
  return PLACE_HEAD.has((words[0] ?? '').toLowerCase()) || PLACE_OR_BODY_TAIL.has((words[words.length - 1] ?? '').toLowerCase());
}
