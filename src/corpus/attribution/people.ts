/**
 * The people of one source: everyone a speech cue names, registered in people.yaml or not, with the role the
 * text gives them, and who "he" or "she" most likely is at each point. Later mentions resolve to the person
 * first named in full ("Veselov", "Mr. Veselov" → Anton Veselov). A people.yaml alias applies unless the source
 * itself names someone else with that surname: two people called Flynn in two articles are two people.
 */
import type { Person } from '../types.ts';
import { findMentions, straightenApostrophes, type NameMatcher } from './registry-names.ts';
import {
  firstNameGender, genderOfName, isTitleWord, NAME_RUN, nameKey, namesAPlace, parseNamePhrase, sameSpeaker, surnameOf, type Gender,
} from './names.ts';
import { roleBefore, roleFromApposition } from './roles.ts';

export interface Speaker {
  /** people.yaml id, or null for someone the text names who is not registered. */
  readonly personId: string | null;
  name: string;
  role: string;
  gender: Gender;
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
      this.strangerSince = false;
    }
  }

  private lastSpeaker: Speaker | null = null;
  /**
   * Whether the sentence being read attributed a quotation. The others it names are in the speaker's own
   * description or the quotation's setting ("said Don Fowler, who helmed the DNC during Bill Clinton’s
   * presidency"), not people a "he said" after it could mean: they do not count against the speaker.
   */
  private spokeInSentence = false;
  /** Whether a sentence since the last speaker was headed by a name the text gives no person for. */
  private strangerSince = false;

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
   * "he" / "she": in order, the person heading the pronoun's own sentence (in `pending`, its words before the
   * pronoun); the person who spoke last — of that gender, or of a gender no name or title tells ("Soe Min") —
   * when nobody else the pronoun could mean (same gender, or gender unknown) has been named since; the one such
   * person named since, when of the same known gender and the latest sentence's subject; the last speaker, when
   * the latest sentence's subject and named more often than everyone named since. Otherwise nobody: resolving to
   * the most recent compatible person was wrong almost as often as right on the PolNeAR training articles, and a
   * wrong speaker is worse than none. What a pronoun resolves to never decides a person's gender.
   */
  resolvePronoun(gender: 'm' | 'f' | 'p', pending = ''): Speaker | null {
    if (gender === 'p') return null;
    const compatible = (s: Speaker): boolean => s.gender === gender || s.gender === null;
    // "Kerr Putney, the police chief, said that …, but he said that “…”": the subject of the pronoun's own sentence.
    const head = pending.trim() ? this.noteHead(pending) : null;
    if (head && (head.gender === gender || head.gender === null)) return head;
    // "Right Wing Watch first reported …": a body or a place that spoke is never a "he" or a "she".
    const last = this.lastSpeaker && !namesAPlace(this.lastSpeaker.name.split(/\s+/)) ? this.lastSpeaker : null;
    const others = new Set([...this.sinceSpeaker, ...this.mentionsIn(pending)].filter((s) => s !== last && compatible(s)));
    if (others.size === 0) return last?.gender === gender || (last !== null && last.gender === null) ? last : null;
    // "“…,” Smith said. Jones, the mayor, disagreed. “…,” he said.": one new person of the pronoun's gender,
    // who is also the subject of the latest sentence, is the one it means.
    const [only] = others;
    if (others.size === 1 && only?.gender === gender && this.salient[0] === only) return only;
    // "“…,” said Gorka. … Gorka has met Trump twice. “…,” he said.": the last speaker, when they are the latest
    // sentence's subject, named more often than anyone else the pronoun could mean, and no one the text cannot
    // place has headed a sentence since.
    const named = last === null ? 0 : this.timesNamed(last);
    if (last?.gender === gender && this.salient[0] === last && !this.strangerSince && [...others].every((o) => this.timesNamed(o) < named)) {
      return last;
    }
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
      // "Miss Universe", "Peabody Energy": a title or a first name before a place or a body's name.
      if (!phrase || namesAPlace(phrase.name.split(/\s+/))) continue;
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
    const speaker = this.noteHead(sentence);
    if (speaker) this.mention(speaker);
  }

  /**
   * The person heading a sentence (at its start, or after a lower-case role). A name the text cannot place there
   * ("McLenney said …") is noted as a stranger since the last speaker, whoever the sentence turns out to be about.
   */
  private noteHead(sentence: string): Speaker | null {
    const atHead = this.subjectAtHead(sentence);
    if (atHead === STRANGER) this.strangerSince = true;
    return (atHead === STRANGER ? null : atHead) ?? this.subjectAfterRole(sentence);
  }

  private subjectAtHead(sentence: string): Speaker | typeof STRANGER | null {
    // "Joh Husted, Ohio Secretary of State, voiced …", "Secretary of State John Kerry said …": a name (or a title
    // going on after "of") opening the sentence is its head, unless it is no name or a preposition's object ("On
    // Tuesday, Trump …", "On Trump’s claim, Benjamin said …", where the name after the introduction is).
    const opening = TITLED_HEAD_AT_START.exec(sentence) ?? NAME_THEN_COMMA.exec(sentence);
    const named =
      opening?.[1] !== undefined && parseNamePhrase(opening[1]) !== null && !LEADING_PREPOSITION.test(opening[1]) && !/^\p{Lu}\p{Ll}+ly$/u.test(opening[1]);
    const match = named ? opening : SUBJECT_AT_START.exec(sentence);
    const run = match?.[1];
    if (!run || /^[’']s\b/.test(sentence.slice((match.index ?? 0) + match[0].length))) return null;
    // "On Trump’s claim, …": a preposition's object is not the subject.
    if (LEADING_PREPOSITION.test(run)) return null;
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
    // "Obama also addressed …", "McLenney said …": otherwise someone the text does not yet know heads the sentence.
    return known || looksLikePerson ? this.resolve(run) : STRANGER;
  }

  /** "Political analyst David Bositis agreed …": the name after a lower-case role that heads the sentence. */
  private subjectAfterRole(sentence: string): Speaker | null {
    for (const pattern of [ROLE_THEN_NAME_AT_START, ROLE_THEN_NAME_AFTER_INTRO]) {
      const match = pattern.exec(sentence);
      const run = match?.[2];
      const role = (match?.[1] ?? '').trim();
      if (run && !/[’']s$/.test(run) && roleBefore(role) === role && this.looksLikePerson(run)) return this.resolve(run, null, role);
    }
    return null;
  }
}

const nameRunG = new RegExp(NAME_RUN, 'gu');

/** A sentence headed by a name the text gives no person for. */
const STRANGER = Symbol('stranger');

/** A connective that may open a sentence before its subject: "But Graham said …". */
const CONNECTIVE = String.raw`(?:(?:But|And|So|Yet|Then|Later|Still|Meanwhile|Now)\s+)?`;
const NAME_THEN_COMMA = new RegExp(String.raw`^${CONNECTIVE}(${NAME_RUN})(?=\s*,)`, 'u');

/** "Political analyst David Bositis agreed …": a name after a lower-case role at the head of a sentence. */
const ROLE_THEN_NAME = String.raw`${CONNECTIVE}(?:(?:the|a|an)\s+)?((?:[\p{L}.'’-]+\s+){1,5}?)(${NAME_RUN})(?=\s*(?:,|\(|\s+\p{Ll}))`;
const ROLE_THEN_NAME_AT_START = new RegExp(`^${ROLE_THEN_NAME}`, 'u');
const ROLE_THEN_NAME_AFTER_INTRO = new RegExp(String.raw`^(?:[^,“”"]{0,80},\s*){1,2}${ROLE_THEN_NAME}`, 'u');
const LEADING_PREPOSITION =
  /^(?:On|In|At|After|Before|For|From|With|Without|About|Against|Under|Over|Like|Unlike|Despite|Since|Until|During|Following|Among|Between|Behind|Through|Toward|Towards|Upon|Via|Amid|By|Of|To)\s/;
/** A title that goes on after "of" opening the sentence: "Secretary of State John F. Kerry said …". */
const TITLED_HEAD_AT_START = new RegExp(String.raw`^${CONNECTIVE}(${NAME_RUN}\s+of\s+${NAME_RUN})(?=\s*(?:,|\s+\p{Ll}))`, 'u');

/** A name at the head of a sentence, after an introductory phrase: the sentence's likely subject. */
const SUBJECT_AT_START = new RegExp(String.raw`^(?:[^,“”"]{0,80},\s*){0,2}${CONNECTIVE}(${NAME_RUN})(?=\s*(?:,|\s+\p{Ll}))`, 'u');
