/**
 * The grammar shared by the speech cues before and after a quotation: the subject of a speech verb ("Ms. Kelly, a
 * retired astronaut, said"), who owns a name ("Jeffrey Lewis of the James Martin Center"), and which names a
 * preposition or a subordinate clause governs. A cue yields the subject as written; resolving it to a person is
 * people.ts's job.
 */
import { OBJECT_VERBS, PRONOUN_GENDER, SPEECH_VERB, SPEECH_VERB_FINITE, PARTICIPLE, speechVerbBase } from './lexicon.ts';
import { NAME_RUN, parseNamePhrase } from './names.ts';

export type CueRule =
  | 'verb-after-name'
  | 'verb-before-name'
  | 'according-to'
  | 'participle'
  | 'colon'
  | 'dash'
  | 'pronoun'
  | 'group';

export type Subject =
  | {
      readonly kind: 'name';
      readonly run: string;
      readonly apposition: string | null;
      readonly before: string;
      readonly rule: CueRule;
      /** Only a name that looks like a person's counts (a title, a known first name, someone named before). */
      readonly strict?: boolean;
    }
  | { readonly kind: 'pronoun'; readonly gender: 'm' | 'f' | 'p'; readonly rule: CueRule }
  | { readonly kind: 'group'; readonly text: string; readonly rule: CueRule };

export const PRON = String.raw`\b(?:[Hh]e|[Ss]he|[Tt]hey)\b`;
/** An apposition between commas: "Ms. Kelly, a retired astronaut, said"; "Smith, 70, told". */
export const APPOS = String.raw`(?:\s*,\s*((?:the|a|an)\s(?:(?!\b(?:said|says|told|but)\b)[^,;:“”"()]){1,160}?|(?:(?!\b(?:said|says|told|and|but)\b)[^,;:“”"()]){1,120}?)\s*,)`;
export const PAREN = String.raw`(?:\s*\([^()]{1,30}\))`;
export const ADVERBS = String.raw`(?:\s+(?:himself|herself|also|later|then|further|previously|once|again|recently|first|finally|earlier|\p{Ll}+ly))?`;
export const AUX = String.raw`(?:\s+(?:has|had|have|once|also)(?:\s+(?:also|been|later))?)?`;
export const WHEN = String.raw`(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last\s+\w+|this\s+\w+|earlier|later))?`;
export const VERB = `(${SPEECH_VERB})`;
/** A finite speech verb, or "is telling" / "was saying": never a bare participle ("Obama, calling him"). */
export const FINITE = `(?:${AUX}${ADVERBS}\\s+${SPEECH_VERB_FINITE}|\\s+(?:is|was|are|were)${ADVERBS}\\s+${PARTICIPLE})\\b`;
export const SUBJECT = `(${NAME_RUN}(?<![’']s)|${PRON})`;

/** "<name or pronoun>[, apposition,] [adverb] <verb>" — the subject before its speech verb. */
export const SUBJECT_VERB = new RegExp(`${SUBJECT}${PAREN}?${APPOS}?,?${WHEN}${FINITE}`, 'gu');
export const NAME_RUN_G = new RegExp(NAME_RUN, 'gu');
/** Written like a person's name without context: a title, an honorific, or more than one word ("Michael Seaman"). */
export function looksNamed(run: string): boolean {
  const phrase = parseNamePhrase(run.replace(/[’']s$/, ''));
  return phrase !== null && (phrase.title !== '' || phrase.gender !== null || phrase.name.includes(' '));
}

/** What stands between a person and the institution after them: "Jeffrey Lewis of the James Martin Center for". */
const OWNER_BEFORE = new RegExp(
  String.raw`(${NAME_RUN})\s+(?:of|at|from|with)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}’'.-]*|of|for|and|the|on|in)\s+)*$`,
  'u',
);
/** How far back an owner may stand (a long institution name): bounds the regex's work on a long sentence. */
const OWNER_REACH = 160;

/** "Jeffrey Lewis of the James Martin Center for Studies wrote": the person, not the institution next to the verb. */
export function ownerOf(run: string, before: string): { run: string; before: string } {
  if (!/\b(?:of|at|from|with)\s/.test(before.slice(-OWNER_REACH))) return { run, before };
  const cut = Math.max(0, before.length - OWNER_REACH);
  const found = OWNER_BEFORE.exec(before.slice(cut));
  if (!found?.[1]) return { run, before };
  // "Former Secretary of State Madeleine Albright urged": a title that goes on after "of", not an owner.
  if (parseNamePhrase(found[1]) === null) return { run: found[0] + run, before: before.slice(0, cut + found.index) };
  return { run: found[1], before: before.slice(0, cut + found.index) };
}

/** A preposition before a name makes it an object, not the speaker: "a town hall in Columbus, Ohio, said". */
export const PREPOSITION = /(?:^|[\s,(])(?:in|at|of|from|with|for|to|on|by|near|about|outside|inside|into|against|over|under|between|among|than|alongside|beside|behind|toward|towards)\s+(?:(?:the|de|van|von|al|le|la|da|di|du|del)\s+)?$/i;
/** After a quotation, a subordinate clause's subject is not the speaker: "…,” Lieberman told the WSJ, after de Blasio stated". */
export const SUBORDINATE = /(?:^|[\s,(])(?:after|when|because|while|before|since|until|though|although|if|whom)\s+(?:(?:the|de|van|von|al|le|la|da|di|du|del)\s+)?$/i;
/** A finite speech verb right after a comma: the end of "<Name>, <a long description>, said". */
export const COMMA_VERB = new RegExp(String.raw`,\s*(?:(?:also|later|then|now|recently|\p{Ll}+ly)\s+)?${SPEECH_VERB_FINITE}\b`, 'u');
export const WHOLE_NAME = new RegExp(`^${NAME_RUN}$`, 'u');
export const NAME_AT_END = new RegExp(`(${NAME_RUN})\\s*$`, 'u');
/** A name opening the text, with an apposition after it: "Valdez Anderson, who works in Sacramento, said". */
export const HEAD_NAME = new RegExp(String.raw`^[\s,;:.!?—–-]*(${NAME_RUN}),`, 'u');

/**
 * The subject of a "<name>[, apposition,] <verb>" match, unless the name is governed by a preposition or a
 * subordinating word ("director of the House Majority PAC, a super PAC, said"; "after de Blasio stated"): then its
 * apposition when that is a name ("The leader of the ADL, Jonathan Greenblatt, warned"), or nobody.
 */
export function verbSubject(match: RegExpExecArray, text: string, rule: CueRule, governing: readonly RegExp[] = [PREPOSITION]): Subject | null {
  const written = match[1] ?? '';
  const at = match.index + match[0].indexOf(written);
  const before = text.slice(0, at);
  const subject = subjectOf(written, match[2] ?? null, before, rule);
  // "Jeffrey Lewis of the James Martin Center wrote": the owner named before the preposition speaks.
  const governed = (text: string): boolean => governing.some((g) => g.test(text));
  if (subject.kind !== 'name' || !governed(subject.run === written ? before : subject.before)) return subject;
  const apposition = match[2]?.trim() ?? '';
  const named = WHOLE_NAME.test(apposition) ? parseNamePhrase(apposition) : null;
  if (named && (named.title !== '' || named.name.includes(' '))) return { kind: 'name', run: apposition, apposition: null, before: '', rule, strict: true };
  return null;
}

/** A subject whose words count only when they look like a person's name (a title, a known first name, named before). */
export function strictSubject(written: string, before: string, rule: CueRule): Subject {
  return { ...subjectOf(written, null, before, rule), strict: true } as Subject;
}

export function subjectOf(written: string, apposition: string | null, before: string, rule: CueRule): Subject {
  const pronoun = PRONOUN_GENDER[written.toLowerCase()];
  if (pronoun) return { kind: 'pronoun', gender: pronoun, rule: 'pronoun' };
  const owner = ownerOf(written, before);
  return { kind: 'name', run: owner.run, apposition, before: owner.before, rule };
}

export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  pattern.lastIndex = 0;
  const found: RegExpExecArray[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/** Whether "<verb> <name>" makes the name the speaker: "said Smith", "warned Smith", never "told Smith". */
export function invertsSpeaker(base: string | undefined): base is string {
  return base !== undefined && (!OBJECT_VERBS.has(base) || base === 'warn');
}

/**
 * A name and then a speech verb's bare form is no speech cue: "Trump’s Virginia state director", "the state
 * capital", "in an email". A named speaker takes "states", "stated", "emails"; the bare form follows a plural or a
 * pronoun ("they say"). Irregular pasts that look like their base ("put") still count.
 */
export function nounNotVerb(match: RegExpExecArray): boolean {
  const subject = match[1] ?? '';
  if (PRONOUN_GENDER[subject.toLowerCase()]) return false;
  const verb = /(\p{L}+)$/u.exec(match[0])?.[1]?.toLowerCase() ?? '';
  return speechVerbBase(verb) === verb && !BARE_PAST.has(verb);
}
const BARE_PAST = new Set(['put', 'hit']);

/** Every "<subject> <speech verb>" in the text, in order, less the nouns that look like one ("state director"). */
export function speechVerbs(text: string): RegExpExecArray[] {
  return allMatches(SUBJECT_VERB, text).filter((v) => !nounNotVerb(v));
}

export function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    last = m;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return last;
}

/**
 * "Rich Heffley, a top operative who played a major role in 2008 and now runs the state, said …": a sentence that
 * opens with a name and an apposition too long or too branched for the pattern, then ", said". The head speaks.
 */
export function headBeforeCommaVerb(text: string): { at: number; subject: Subject } | null {
  const head = HEAD_NAME.exec(text);
  if (!head?.[1]) return null;
  const verb = COMMA_VERB.exec(text.slice(head[0].length));
  if (!verb) return null;
  const subject = strictSubject(head[1], '', 'verb-after-name');
  // "Valdez Anderson, who works at …, said": a full name described by a who-clause is a person's, whatever the
  // first name.
  const who = /^\s*who\s/.test(text.slice(head[0].length)) && head[1].trim().includes(' ');
  return { at: head[0].length + verb.index + verb[0].length, subject: who && subject.kind === 'name' ? { ...subject, strict: false } : subject };
}

export const ACCORDING_TO = new RegExp(String.raw`\b[Aa]ccording\s+to\s+(?:(?:the\s+)?(?:[\p{Ll}-]+\s+){0,4}?)(${NAME_RUN}|him|her)`, 'gu');
