/**
 * The people of one source: everyone a speech cue names, registered in people.yaml or not, with the role the
 * text gives them, and who "he" or "she" most likely is at each point. Later mentions resolve to the person
 * first named in full ("Veselov", "Mr. Veselov" → Anton Veselov). A people.yaml alias applies unless the source
 * itself names someone else with that surname: two people called Flynn in two articles are two people.
 */
import type { Person } from '../types.ts';
import { findMentions, straightenApostrophes, type NameMatcher } from './registry-names.ts';
import { NOT_NAME, PLACE_HEAD, PLACE_OR_BODY_TAIL } from './lexicon.ts';
import { firstNameGender, isTitleWord, NAME_RUN, nameKey, parseNamePhrase, sameSpeaker, surnameOf, type Gender } from './names.ts';

export interface Speaker {
  /** people.yaml id, or null for someone the text names who is not registered. */
  readonly personId: string | null;
  name: string;
  role: string;
  gender: Gender;
}

/** Words that may stand between a title word and the name in a lower-case role: "Republican presidential nominee". */
const ROLE_WORD = /^(?:former|then|presidential|vice-presidential|senior|top|national|foreign|deputy|assistant|associate|executive|general|campaign|state|party|press|communications|policy|security|defense|defence|energy|economic|political|chief|acting|interim|longtime|veteran|white|house|senate|democratic|republican|gop|u\.s\.|federal|county|city|district|regional|international|managing|finance|trade|health|justice|homeland|intelligence|military|retired|current|outgoing|incoming|founding|co-|lead|deputy|staff|principal|majority|minority)$/i;

/** A role written before the name in lower case: "Republican presidential nominee Donald Trump" → "Republican presidential nominee". */
export function roleBefore(before: string): string {
  const words = before.trimEnd().split(/\s+/).slice(-6);
  const last = words[words.length - 1];
  if (!last || !isTitleWord(last)) return '';
  let from = words.length - 1;
  while (from > 0) {
    const word = words[from - 1] ?? '';
    if (isTitleWord(word) || ROLE_WORD.test(word) || (/^\p{Lu}/u.test(word) && !NOT_NAME.has(word.toLowerCase()))) from--;
    else break;
  }
  return words.slice(from).join(' ').replace(/^[,;(]+/, '');
}

/** An apposition that describes a role ("a senior fellow at the Meridian Institute"), not an age or a clause. */
export function roleFromApposition(apposition: string | null): string {
  if (!apposition) return '';
  const text = apposition.trim().replace(/^(?:a|an|the)\s+/i, '');
  if (text.length < 3 || /^\d+$/.test(text) || /^(?:who|which|whose|where|when|if|and|but|in|on|at|for)\b/i.test(text)) return '';
  if (/^\p{Lu}[\p{L}.]*$/u.test(text) && text.length <= 12) return ''; // a state or place: "Calif."
  return text;
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
function namesAPlace(words: readonly string[]): boolean {
  return PLACE_HEAD.has((words[0] ?? '').toLowerCase()) || PLACE_OR_BODY_TAIL.has((words[words.length - 1] ?? '').toLowerCase());
}

/**
 * The people one source has named, found by surname and by first name: a long source (a book, a 100k-passage
 * corpus in one file) names thousands, and a scan of them all for every name written made its load quadratic.
 */
class LocalPeople {
  private readonly bySurname = new Map<string, Speaker[]>();
  private readonly byFirst = new Map<string, Speaker[]>();

  add(speaker: Speaker): void {
    const surname = surnameOf(speaker.name);
    const bucket = this.bySurname.get(surname);
    if (bucket) bucket.push(speaker);
    else this.bySurname.set(surname, [speaker]);
    this.indexFirstName(speaker);
  }

  /** A speaker first named by surname alone, now named in full ("Veselov", then "Anton Veselov"). */
  rename(speaker: Speaker, name: string): void {
    const before = nameKey(speaker.name);
    speaker.name = name;
    const first = before.length > 1 ? before[0] : undefined;
    if (first !== undefined && first === nameKey(name)[0]) return;
    if (first !== undefined) this.byFirst.set(first, this.withFirstName(first).filter((s) => s !== speaker));
    this.indexFirstName(speaker);
  }

  private indexFirstName(speaker: Speaker): void {
    const key = nameKey(speaker.name);
    if (key.length < 2 || !key[0]) return;
    const bucket = this.byFirst.get(key[0]);
    if (bucket) bucket.push(speaker);
    else this.byFirst.set(key[0], [speaker]);
  }

  /** Everyone with that surname, in the order they were first named. */
  withSurname(surname: string): readonly Speaker[] {
    return this.bySurname.get(surname) ?? [];
  }

  /** Everyone a written name can be (`sameSpeaker`), in the order they were first named. */
  sameAs(name: string): Speaker[] {
    return this.withSurname(surnameOf(name)).filter((s) => sameSpeaker(s.name, name));
  }

  /** Everyone named in full with that first name. */
  withFirstName(first: string): readonly Speaker[] {
    return this.byFirst.get(first) ?? [];
  }
}

export class SourcePeople {
  private readonly local = new LocalPeople();
  /** Most recently mentioned first. */
  private salient: Speaker[] = [];
  private readonly byRegistryId = new Map<string, Speaker>();

  constructor(private readonly matcher: NameMatcher) {}

  private registered(person: Person): Speaker {
    let speaker = this.byRegistryId.get(person.id);
    if (!speaker) {
      speaker = { personId: person.id, name: person.name, role: person.role, gender: genderOfName(person.name) };
      this.byRegistryId.set(person.id, speaker);
      this.local.add(speaker);
    }
    return speaker;
  }

  /** How often each person has been named so far: the salience that settles a shared surname. */
  private readonly times = new Map<Speaker, number>();

  private timesNamed(speaker: Speaker): number {
    return this.times.get(speaker) ?? 0;
  }

  /** Makes a person the most recent one mentioned; `asSpeaker`, the one who spoke last. */
  mention(speaker: Speaker, asSpeaker = false): void {
    this.salient = [speaker, ...this.salient.filter((s) => s !== speaker)].slice(0, 12);
    if (asSpeaker) {
      this.spokeInSentence = true;
      this.lastSpeaker = speaker;
      this.sinceSpeaker = [];
    }
  }

  private lastSpeaker: Speaker | null = null;
  /**
   * Whether the sentence being read attributed a quotation. The others it names are in the speaker's own
   * description or the quotation's setting ("said Don Fowler, who helmed the DNC during Bill Clinton’s
   * presidency"), not people a "he said" after it could mean: they do not count against the speaker.
   */
  private spokeInSentence = false;

  /**
   * The person a written name refers to, or null when the words are not a person's name. `before` is the text
   * before the name (for a lower-case role), `apposition` what follows it between commas.
   */
  resolve(run: string, apposition: string | null = null, before = ''): Speaker | null {
    const cleaned = run.replace(/[’']s$/, '').replace(/,$/, '');
    const registry = this.matcher.byAlias.get(straightenApostrophes(cleaned));
    const phrase = parseNamePhrase(cleaned);
    const alias = registry ?? (phrase ? this.matcher.byAlias.get(straightenApostrophes(phrase.name)) : undefined);
    if (alias) {
      const isFullName = nameKey(phrase?.name ?? cleaned).length > 1;
      const clash = this.local.withSurname(surnameOf(phrase?.name ?? cleaned)).find((s) => s.personId !== alias.id && nameKey(s.name).length > 1);
      if (isFullName || !clash) return this.registered(alias);
    }
    if (!phrase) return this.namedBefore(cleaned) ?? null;
    const role = roleFromApposition(apposition) || phrase.title || roleBefore(before);
    const same = this.local.sameAs(phrase.name);
    const bareSurname = nameKey(phrase.name).length === 1;
    // "Clinton" in a source that names Bill and Hillary Clinton: the one named more often so far; on a tie, nobody.
    if (bareSurname && same.some((a) => same.some((b) => !sameSpeaker(a.name, b.name)))) {
      const ranked = [...same].sort((a, b) => this.timesNamed(b) - this.timesNamed(a));
      const [top, next] = ranked;
      return top && this.timesNamed(top) > (next ? this.timesNamed(next) : 0) ? top : null;
    }
    const known =
      this.salient.find((s) => same.includes(s)) ?? same[same.length - 1] ?? (bareSurname ? this.byFirstName(phrase.name) : undefined);
    if (known) {
      if (known.personId === null && nameKey(phrase.name).length > nameKey(known.name).length) this.local.rename(known, phrase.name);
      if (known.personId === null && !known.role && role) known.role = role;
      if (!known.gender) known.gender = phrase.gender ?? genderOfName(known.name);
      return known;
    }
    const speaker: Speaker = { personId: null, name: phrase.name, role, gender: phrase.gender ?? genderOfName(phrase.name) };
    this.local.add(speaker);
    return speaker;
  }

  /**
   * "Ebeling", after "Betsy Ebeling": a lone surname the name rules would not take on its own (it ends like a
   * participle, "Having", "Asked"), when it is the surname of exactly one person this source has named in full.
   */
  private namedBefore(word: string): Speaker | undefined {
    if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return undefined;
    const key = nameKey(word)[0] ?? '';
    const found = this.local.withSurname(key).filter((s) => nameKey(s.name).length > 1);
    return found.length === 1 ? found[0] : undefined;
  }

  /** "Hillary", after "Hillary Clinton": the one person of this source with that first name, if it is one. */
  private byFirstName(word: string): Speaker | undefined {
    if (firstNameGender(word) === null) return undefined;
    const found = this.local.withFirstName(nameKey(word)[0] ?? '');
    return found.length === 1 ? found[0] : undefined;
  }

  /** Whether written words are a person's name here: registered, named before, or with a title or a first name. */
  looksLikePerson(run: string): boolean {
    if (findMentions(run, this.matcher).length > 0) return true;
    const phrase = parseNamePhrase(run.replace(/[’']s$/, ''));
    if (!phrase) return this.namedBefore(run.replace(/[’']s$/, '')) !== undefined;
    if (this.local.sameAs(phrase.name).length > 0) return true;
    return phrase.title !== '' || phrase.gender !== null || genderOfName(phrase.name) !== null;
  }

  /** People named (outside quotations) since the last speaker was attributed, in text order. */
  private sinceSpeaker: Speaker[] = [];

  /**
   * "he" / "she": the person who spoke last — of that gender, or of a gender no name or title tells ("Soe Min") —
   * when nobody else the pronoun could mean (same gender, or gender unknown) has been named since; in `pending`,
   * the words of the pronoun's own sentence before it, included.
   * When exactly one other such person has been named since, of the same known gender and the subject of the
   * latest sentence, that person. Otherwise nobody. Measured on the PolNeAR training articles: resolving to the
   * most recent compatible person was wrong almost as often as right; these rules were right 202 times and wrong
   * 40 (by labels of which about a quarter are coreference errors). A wrong speaker is worse than none. What a
   * pronoun resolves to never decides a person's gender.
   */
  resolvePronoun(gender: 'm' | 'f' | 'p', pending = ''): Speaker | null {
    if (gender === 'p') return null;
    const compatible = (s: Speaker): boolean => s.gender === gender || s.gender === null;
    // "Kerr Putney, the police chief, said that …, but he said that “…”": the subject of the pronoun's own sentence.
    const head = pending.trim() ? (this.subjectAtHead(pending) ?? this.subjectAfterRole(pending)) : null;
    if (head && (head.gender === gender || head.gender === null)) return head;
    // "Right Wing Watch first reported …": a body or a place that spoke is never a "he" or a "she".
    const last = this.lastSpeaker && !namesAPlace(this.lastSpeaker.name.split(/\s+/)) ? this.lastSpeaker : null;
    const others = new Set([...this.sinceSpeaker, ...this.mentionsIn(pending)].filter((s) => s !== last && compatible(s)));
    if (others.size === 0) return last?.gender === gender || (last !== null && last.gender === null) ? last : null;
    // "“…,” Smith said. Jones, the mayor, disagreed. “…,” he said.": one new person of the pronoun's gender,
    // who is also the subject of the latest sentence, is the one it means.
    const [only] = others;
    if (others.size === 1 && only?.gender === gender && this.salient[0] === only) return only;
    return null;
  }

  /** The people a stretch of the source's own words names (registered, named before, or looking like a person). */
  mentionsIn(text: string): Speaker[] {
    const found: Speaker[] = [];
    if (!text.trim()) return found;
    nameRunG.lastIndex = 0;
    for (const match of text.matchAll(nameRunG)) {
      const run = match[0].replace(/[’']s$/, '');
      const phrase = parseNamePhrase(run);
      if (!phrase) continue;
      const known = this.local.sameAs(phrase.name).length > 0;
      if (!known && !this.looksLikePerson(run)) continue;
      const speaker = this.resolve(run);
      if (speaker) found.push(speaker);
    }
    return found;
  }

  /** Notes the people a sentence of the source's own words names, for the pronouns after it. */
  noteMentions(text: string): void {
    const spoke = this.spokeInSentence;
    this.spokeInSentence = false;
    for (const speaker of this.mentionsIn(text)) {
      this.times.set(speaker, (this.times.get(speaker) ?? 0) + 1);
      if (speaker !== this.lastSpeaker && !spoke) this.sinceSpeaker.push(speaker);
    }
  }

  /**
   * Notes the person a sentence of the source's own text is about — the name in subject position, "Graham said
   * …", "On Tuesday, Sen. Lindsey Graham …" — so that a "he" or "she" after it can find them. Names in other
   * positions (objects, places, possessives) are not what a later pronoun refers to, and are left out.
   */
  noteSubject(sentence: string): void {
    const speaker = this.subjectAtHead(sentence) ?? this.subjectAfterRole(sentence);
    if (speaker) this.mention(speaker);
  }

  private subjectAtHead(sentence: string): Speaker | null {
    // "Joh Husted, Ohio Secretary of State, voiced …": a name and a comma opening the sentence is its head, unless
    // it is no name ("On Tuesday, Trump …", where the name after the introduction is).
    const opening = NAME_THEN_COMMA.exec(sentence);
    const match = opening?.[1] && parseNamePhrase(opening[1]) ? opening : SUBJECT_AT_START.exec(sentence);
    const run = match?.[1];
    if (!run || /^[’']s\b/.test(sentence.slice((match.index ?? 0) + match[0].length))) return null;
    const registered = findMentions(run, this.matcher)[0];
    if (registered && registered.length === run.length) return this.registered(registered.person);
    const phrase = parseNamePhrase(run);
    if (!phrase) return null;
    const known = this.local.sameAs(phrase.name)[0];
    const rest = sentence.slice((match.index ?? 0) + match[0].length);
    // "Cruz spokesman Rick Tyler said …": the name is part of a role; the person after it is the subject.
    if (isTitleWord(/^\s+(\p{Ll}[\p{L}-]*)/u.exec(rest)?.[1] ?? '')) return null;
    // "Ana Ruiz, a nurse, …" / "Joh Husted, Ohio Secretary of State, voiced …": a description says a person is meant.
    const apposition = /^\s*,\s*([^,“”"]{2,60}),/.exec(rest)?.[1] ?? '';
    const described = /^(?:a|an|the)\s/.test(apposition) || apposition.split(/\s+/).some(isTitleWord);
    const looksLikePerson = phrase.title !== '' || phrase.gender !== null || genderOfName(phrase.name) !== null || (described && nameKey(phrase.name).length > 1);
    return known || looksLikePerson ? this.resolve(run) : null;
  }

  /** "Political analyst David Bositis agreed …": the name after a lower-case role that heads the sentence. */
  private subjectAfterRole(sentence: string): Speaker | null {
    const match = ROLE_THEN_NAME_AT_START.exec(sentence);
    const run = match?.[2];
    if (!run || /[’']s$/.test(run)) return null;
    const role = (match[1] ?? '').trim();
    if (roleBefore(role) !== role || !this.looksLikePerson(run)) return null;
    return this.resolve(run, null, role);
  }
}

const nameRunG = new RegExp(NAME_RUN, 'gu');

/** A connective that may open a sentence before its subject: "But Graham said …". */
const CONNECTIVE = String.raw`(?:(?:But|And|So|Yet|Then|Later|Still|Meanwhile|Now)\s+)?`;
const NAME_THEN_COMMA = new RegExp(String.raw`^${CONNECTIVE}(${NAME_RUN})(?=\s*,)`, 'u');

/** "Political analyst David Bositis agreed …": a name after a lower-case role at the head of a sentence. */
const ROLE_THEN_NAME_AT_START = new RegExp(
  String.raw`^(?:[^,“”"]{0,60},\s*)?${CONNECTIVE}(?:(?:the|a|an)\s+)?((?:[\p{L}.'’-]+\s+){1,5}?)(${NAME_RUN})(?=\s*(?:,|\(|\s+\p{Ll}))`,
  'u',
);

/** A name at the head of a sentence, after an introductory phrase: the sentence's likely subject. */
const SUBJECT_AT_START = new RegExp(String.raw`^(?:[^,“”"]{0,60},\s*)?${CONNECTIVE}(${NAME_RUN})(?=\s*(?:,|\s+\p{Ll}))`, 'u');
