/**
 * Speech cues: the words around a quotation (or in a sentence of reported speech) that say who speaks —
 * "…,” said Rep. Jane Doe, a Democrat from Ohio.", "Ms. Kelly, a retired astronaut, said: “…", "according to
 * Dr. Sara Ito", "…, saying the memo was “…”", "Mook agreed: “…", "“…” ― Jane Doe". A cue yields the subject as
 * written (a name run, a pronoun, a group or a description); resolving it to a person is people.ts's job.
 */
import { OBJECT_VERBS, PARTICIPLE, PRONOUN_GENDER, GROUP_NOUNS, SPEECH_VERB, SPEECH_VERB_FINITE, speechVerbBase } from './lexicon.ts';
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

const PRON = String.raw`\b(?:[Hh]e|[Ss]he|[Tt]hey)\b`;
/** An apposition between commas: "Ms. Kelly, a retired astronaut, said"; "Smith, 70, told". */
const APPOS = String.raw`(?:\s*,\s*((?:(?!\b(?:said|says|told|and|but)\b)[^,;:“”"()]){1,120}?)\s*,)`;
const PAREN = String.raw`(?:\s*\([^()]{1,30}\))`;
const ADVERBS = String.raw`(?:\s+(?:himself|herself|also|later|then|further|previously|once|again|recently|first|finally|earlier|\p{Ll}+ly))?`;
const AUX = String.raw`(?:\s+(?:has|had|have|once|also)(?:\s+(?:also|been|later))?)?`;
const WHEN = String.raw`(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last\s+\w+|this\s+\w+|earlier|later))?`;
const VERB = `(${SPEECH_VERB})`;
/** A finite speech verb, or "is telling" / "was saying": never a bare participle ("Obama, calling him"). */
const FINITE = `(?:${AUX}${ADVERBS}\\s+${SPEECH_VERB_FINITE}|\\s+(?:is|was|are|were)${ADVERBS}\\s+${PARTICIPLE})\\b`;
const SUBJECT = `(${NAME_RUN}(?<![’']s)|${PRON})`;

/** "<name or pronoun>[, apposition,] [adverb] <verb>" — the subject before its speech verb. */
const SUBJECT_VERB = new RegExp(`${SUBJECT}${PAREN}?${APPOS}?,?${WHEN}${FINITE}`, 'gu');
/** After a closing mark: "…,” said Smith" / "…,” said Clinton’s top aide Jake Sullivan, a lawyer" (a finite verb:
 * "…,” promising the Friends of Abe" is no inversion). Group 2 is the noun phrase up to a comma, a bracket or the sentence's end; group 3 an apposition after a comma. */
const AFTER_INVERTED = new RegExp(
  String.raw`^[\s,;:.!?—–-]*(${SPEECH_VERB_FINITE})${ADVERBS}${WHEN}\s+((?:[^,;!?()“”".]|\.(?=\s*\p{Lu}|\S))+)(?:\s*\([^()]{0,30}\))?(?:\s*,\s*([^,;:“”"]{2,100}?)\s*(?=,|[.;!?]\s*$|$))?`,
  'u',
);
/** Where the name after an inverted verb ends: "said Robert Antonacci of the New York delegation", "… at the time". */
const NAME_END = /\s(?:of|at|from|with|for|in|on|during|while|who|when|after|before|as|because|though|told|to|about|outside|inside|near|and)\s/;
const NAME_RUN_G = new RegExp(NAME_RUN, 'gu');
/** After a closing mark: "…,” Smith said" / "…,” he said" / "…,” Ms. Kelly, a retired astronaut, said". */
const AFTER_SUBJECT = new RegExp(String.raw`^[\s,;:.!?—–-]*${SUBJECT}${PAREN}?${APPOS}?${WHEN}${FINITE}`, 'u');
/** A dash and a name after the quotation: "“…” ― Jane Doe". */
const AFTER_DASH = new RegExp(String.raw`^\s*[―—–]\s*(${NAME_RUN})(?:\s*,\s*([^,;.“”"]{2,100}))?`, 'u');
/** After a closing mark, a group or description as subject: "…,” officials said", "…,” said a spokesman". */
const AFTER_GROUP = new RegExp(
  String.raw`^[\s,;:.!?—–-]*(?:((?:the|a|an|one|another|two|several|many|some)?\s*[\p{L}’'\- ]{2,60}?)\s+${VERB}\b|${VERB}\s+((?:the|a|an|one|another)\s+[\p{L}’'\- ]{2,60}?)\s*[,.;!?]|${VERB}\s+([\p{Ll}][\p{L}’'\- ]{2,60}?)\s*[,.;!?])`,
  'u',
);
const ACCORDING_TO = new RegExp(String.raw`\b[Aa]ccording\s+to\s+(?:(?:the\s+)?(?:[\p{Ll}-]+\s+){0,4}?)(${NAME_RUN}|him|her)`, 'gu');
const PARTICIPLE_CUE = new RegExp(
  String.raw`,[”"]?\s*(?:and\s+)?(?:${PARTICIPLE})\b|\band\s+(?:\p{Ll}+ly\s+)?${VERB}\b|\b(?:statement|e-?mail|tweet|letter|memo|post)\s+(?:saying|stating|warning|declaring)\b`,
  'gu',
);
/** A name and a colon right before the quotation: "… doesn’t surprise Republican pollster Daron Shaw: “…". */
const NAME_COLON = new RegExp(String.raw`(${NAME_RUN})\s*:\s*$`, 'u');
/** What follows a sentence's subject before a colon that introduces its words: a verb phrase, not another clause. */
const COLON_CLAUSE = /^(?:,[^,]{1,90},)?\s+\p{Ll}[^“”"]*:\s*$/u;
/** The subject of a sentence, after an introductory phrase: "On Tuesday, Trump …", "Later he …". */
const SENTENCE_SUBJECT_AFTER_INTRO = new RegExp(String.raw`^(?:[^,“”"]{0,60},\s*){0,2}(?:(?:[Bb]ut|[Aa]nd|[Ss]o|[Yy]et|[Tt]hen|[Ll]ater|[Ss]till)\s+)?${SUBJECT}`, 'u');
const SENTENCE_HEAD = new RegExp(String.raw`^\s*(?:(?:But|And|So|Yet|Then|Later|Still)\s+)?${SUBJECT}`, 'u');
/** A head whose title goes on after "of": "Former Secretary of State Madeleine Albright". */
const TITLED_HEAD = new RegExp(String.raw`^\s*(?:(?:But|And|So|Yet|Then|Later|Still)\s+)?(${NAME_RUN}\s+of\s+${NAME_RUN})`, 'u');
/** The sentence's subject: a name opening it ("Tracy Martin, Trayvon's father, issued …"), else one after an
 * introductory phrase ("On Tuesday, Trump …"). */
/** Written like a person's name without context: a title, an honorific, or more than one word ("Michael Seaman"). */
function looksNamed(run: string): boolean {
  const phrase = parseNamePhrase(run.replace(/[’']s$/, ''));
  return phrase !== null && (phrase.title !== '' || phrase.gender !== null || phrase.name.includes(' '));
}

const SENTENCE_SUBJECT = {
  exec(text: string): RegExpExecArray | null {
    let head = SENTENCE_HEAD.exec(text);
    if (head?.[1] && !parseNamePhrase(head[1].replace(/[’']s$/, ''))) head = TITLED_HEAD.exec(text);
    if (head?.[1] && (PRONOUN_GENDER[head[1].toLowerCase()] || looksNamed(head[1]))) return head;
    return SENTENCE_SUBJECT_AFTER_INTRO.exec(text);
  },
};

/** What stands between a person and the institution after them: "Jeffrey Lewis of the James Martin Center for". */
const OWNER_BEFORE = new RegExp(
  String.raw`(${NAME_RUN})\s+(?:of|at|from|with)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}’'.-]*|of|for|and|the|on|in)\s+)*$`,
  'u',
);
/** How far back an owner may stand (a long institution name): bounds the regex's work on a long sentence. */
const OWNER_REACH = 160;

/** "Jeffrey Lewis of the James Martin Center for Studies wrote": the person, not the institution next to the verb. */
function ownerOf(run: string, before: string): { run: string; before: string } {
  if (!/\b(?:of|at|from|with)\s/.test(before.slice(-OWNER_REACH))) return { run, before };
  const cut = Math.max(0, before.length - OWNER_REACH);
  const found = OWNER_BEFORE.exec(before.slice(cut));
  if (!found?.[1]) return { run, before };
  // "Former Secretary of State Madeleine Albright urged": a title that goes on after "of", not an owner.
  if (parseNamePhrase(found[1]) === null) return { run: found[0] + run, before: before.slice(0, cut + found.index) };
  return { run: found[1], before: before.slice(0, cut + found.index) };
}

/** A preposition before a name makes it an object, not the speaker: "a town hall in Columbus, Ohio, said". */
const PREPOSITION = /(?:^|[\s,(])(?:in|at|of|from|with|for|to|on|by|near|about|outside|inside|into|against|over|under|between|among|than|alongside|beside|behind|toward|towards)\s+(?:(?:the|de|van|von|al|le|la|da|di|du|del)\s+)?$/i;
/** After a quotation, a subordinate clause's subject is not the speaker: "…,” Lieberman told the WSJ, after de Blasio stated". */
const SUBORDINATE = /(?:^|[\s,(])(?:after|when|because|while|before|since|until|though|although|if|whom)\s+(?:(?:the|de|van|von|al|le|la|da|di|du|del)\s+)?$/i;
/** A finite speech verb right after a comma: the end of "<Name>, <a long description>, said". */
const COMMA_VERB = new RegExp(String.raw`,\s*(?:(?:also|later|then|now|recently|\p{Ll}+ly)\s+)?${SPEECH_VERB_FINITE}\b`, 'u');
/** An inverted cue just before the quotation: "…, explained Simon Rosenberg, “…" / "Said Dorothy Poynter, who …, “…". */
const INVERTED_BEFORE = new RegExp(
  String.raw`(?:^|[,;—–-])\s*(${SPEECH_VERB_FINITE})\s+((?:[^,:;“”"()]|\.(?=\s*\p{Lu}))+?)(?:\s*\([^()]{0,30}\))?(?:\s*,\s*([^,:“”"]{1,100}?))?\s*[,:]\s*$`,
  'iu',
);
const WHOLE_NAME = new RegExp(`^${NAME_RUN}$`, 'u');
const NAME_AT_END = new RegExp(`(${NAME_RUN})\\s*$`, 'u');
/** A name opening the text, with an apposition after it: "Valdez Anderson, who works in Sacramento, said". */
const HEAD_NAME = new RegExp(String.raw`^[\s,;:.!?—–-]*(${NAME_RUN}),`, 'u');

/**
 * The subject of a "<name>[, apposition,] <verb>" match, unless the name is governed by a preposition or a
 * subordinating word ("director of the House Majority PAC, a super PAC, said"; "after de Blasio stated"): then its
 * apposition when that is a name ("The leader of the ADL, Jonathan Greenblatt, warned"), or nobody.
 */
function verbSubject(match: RegExpExecArray, text: string, rule: CueRule, governing: readonly RegExp[] = [PREPOSITION]): Subject | null {
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
function strictSubject(written: string, before: string, rule: CueRule): Subject {
  return { ...subjectOf(written, null, before, rule), strict: true } as Subject;
}

function subjectOf(written: string, apposition: string | null, before: string, rule: CueRule): Subject {
  const pronoun = PRONOUN_GENDER[written.toLowerCase()];
  if (pronoun) return { kind: 'pronoun', gender: pronoun, rule: 'pronoun' };
  const owner = ownerOf(written, before);
  return { kind: 'name', run: owner.run, apposition, before: owner.before, rule };
}

/**
 * "“…about.”― Pamela Padilla": a dash and a name that end the paragraph (or stand before the next quotation) sign
 * the quotation before them, even when the sentence splitter put the signature in a sentence of its own.
 */
export function signatureAfter(text: string): Subject | null {
  const dash = AFTER_DASH.exec(text);
  if (!dash?.[1] || !/^[\s.]*$/u.test(text.slice(dash[0].length))) return null;
  return subjectOf(dash[1], dash[2] ?? null, '', 'dash');
}

/** A paragraph that is only a signature: "- Bernie Sanders.", "— Jane Doe, mayor of Springfield". */
export function signatureLine(paragraph: string): Subject | null {
  return signatureAfter(paragraph.replace(/^\s*-(?=\s*\p{Lu})/u, '—'));
}

/** The cue in the text right after a quotation's closing mark, up to the end of its sentence. */
export function cueAfter(text: string): Subject | null {
  const dash = AFTER_DASH.exec(text);
  if (dash?.[1]) return subjectOf(dash[1], dash[2] ?? null, '', 'dash');
  const subject = AFTER_SUBJECT.exec(text);
  if (subject?.[1]) return subjectOf(subject[1], subject[2] ?? null, text.slice(0, subject[0].indexOf(subject[1])), 'verb-after-name');
  const inverted = invertedCue(text);
  if (inverted) return inverted;
  // "…,” Harry Bond, 30, of Raleigh, N.C., who was polled, said": the name opening the cue, not one inside it.
  const headed = headBeforeCommaVerb(text);
  if (headed) return headed.subject;
  const trailing = lastMatchWhere(SUBJECT_VERB, text, (v) => !nounNotVerb(v));
  if (trailing?.[1] && /[.!?]\s*$|^[^.!?]*$/.test(text.slice(trailing.index))) {
    const subject = verbSubject(trailing, text, 'verb-after-name', [PREPOSITION, SUBORDINATE]);
    if (subject) return subject;
    const head = HEAD_NAME.exec(text);
    if (head?.[1]) return strictSubject(head[1], '', 'verb-after-name');
  }
  const closing = lastMatch(TRAILING_INVERTED, text);
  if (closing && closing.index > 0) {
    const late = invertedCue(text.slice(closing.index));
    if (late) return late;
  }
  const group = AFTER_GROUP.exec(text);
  const groupText = group?.[1] ?? group?.[3] ?? group?.[4];
  // "…,” Trump spokesperson Ron Lieberman told": a description ending in a name is that person.
  const described = groupText ? NAME_AT_END.exec(groupText.trim()) : null;
  const describedBefore = groupText?.trim().slice(0, described?.index ?? 0) ?? '';
  if (described?.[1] && described.index > 0 && !/\b(?:in|at|of|from|with|for|to|on|by|about|and)\b/i.test(describedBefore) && parseNamePhrase(described[1])?.name.includes(' ')) {
    return { kind: 'name', run: described[1], apposition: null, before: describedBefore, rule: 'verb-after-name' };
  }
  // "…” without reporters asking him": a prepositional phrase names no speaker.
  if (groupText && GROUP_NOUNS.test(groupText) && !/^(?:without|with|in|at|of|from|for|to|on|by|after|before|while|when|as|than|about|because|and|but|like)\b/i.test(groupText.trim())) return { kind: 'group', text: groupText.trim(), rule: 'group' };
  return null;
}

function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  pattern.lastIndex = 0;
  const found: RegExpExecArray[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/** Whether "<verb> <name>" makes the name the speaker: "said Smith", "warned Smith", never "told Smith". */
function invertsSpeaker(base: string | undefined): base is string {
  return base !== undefined && (!OBJECT_VERBS.has(base) || base === 'warn');
}

/** "said Rep. Jane Doe, a Democrat from Ohio" at the start of the text: the name after the verb speaks. */
function invertedCue(text: string): Subject | null {
  const inverted = AFTER_INVERTED.exec(text);
  if (!inverted?.[1] || !inverted[2]) return null;
  const base = speechVerbBase(inverted[1].split(/\s+/)[0] ?? '');
  const np = inverted[2];
  const cut = NAME_END.exec(np);
  const phrase = (cut ? np.slice(0, cut.index) : np).replace(/\.\s*$/, '').trimEnd();
  const name = lastMatch(NAME_RUN_G, phrase);
  if (!invertsSpeaker(base)) return null;
  if (name && name.index + name[0].length >= phrase.trimEnd().length - 1) {
    return subjectOf(name[0], inverted[3] ?? null, phrase.slice(0, name.index), 'verb-before-name');
  }
  return roleThenName(np, inverted[3] ?? null);
}

/** A role in lower case, or a possessive one: "master of ceremonies Asab Al-Tabchi", "Rubio’s deputy campaign manager". */
const LOWER_ROLE = new RegExp(String.raw`^\s*(?:(?:the|a|an|\p{Lu}[\p{L}.-]*[’']s)\s+)?\p{Ll}[\p{Ll}\s-]*$`, 'u');
const ROLE_THEN_NAME = new RegExp(String.raw`^(.*?)\s(${NAME_RUN})\s*$`, 'u');

/**
 * After an inverted verb, a role written in lower case and then the name — "said master of ceremonies Asab
 * Al-Tabchi", or the name in an apposition, "said Rubio’s deputy campaign manager, Rich Beeson" (only a name that
 * looks like a person's). Never a name governed by a preposition: "said a longtime adviser to Trump".
 */
function roleThenName(np: string, apposition: string | null): Subject | null {
  const inline = ROLE_THEN_NAME.exec(np.replace(/\.\s*$/, ''));
  if (inline?.[1] && inline[2] && LOWER_ROLE.test(inline[1]) && !PREPOSITION.test(`${inline[1]} `)) {
    // A role before it says a person is meant: a full name counts even when its first name is not in the lists.
    const strict = !inline[2].includes(' ');
    return { kind: 'name', run: inline[2], apposition: null, before: `${inline[1]} `, rule: 'verb-before-name', strict };
  }
  const named = apposition?.trim() ?? '';
  if (named && WHOLE_NAME.test(named) && LOWER_ROLE.test(np) && named.includes(' ')) {
    return { kind: 'name', run: named, apposition: np.trim(), before: '', rule: 'verb-before-name', strict: true };
  }
  return null;
}

/** The same cue closing the sentence after more of it: "Clinton “drew well” in 2008, said professor Paul Beck." */
const TRAILING_INVERTED = new RegExp(String.raw`,\s*${VERB}\b(?=[^,;“”"]*(?:,[^,;“”"]*)?[.!?]?\s*$)`, 'gu');

function lastMatchWhere(pattern: RegExp, text: string, keep: (m: RegExpExecArray) => boolean): RegExpExecArray | null {
  pattern.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (keep(m)) last = m;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return last;
}

/**
 * A name and then a speech verb's bare form is no speech cue: "Trump’s Virginia state director", "the state
 * capital", "in an email". A named speaker takes "states", "stated", "emails"; the bare form follows a plural or a
 * pronoun ("they say"). Irregular pasts that look like their base ("put") still count.
 */
function nounNotVerb(match: RegExpExecArray): boolean {
  const subject = match[1] ?? '';
  if (PRONOUN_GENDER[subject.toLowerCase()]) return false;
  const verb = /(\p{L}+)$/u.exec(match[0])?.[1]?.toLowerCase() ?? '';
  return speechVerbBase(verb) === verb && !BARE_PAST.has(verb);
}
const BARE_PAST = new Set(['put', 'hit']);

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    last = m;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return last;
}

/**
 * The cue in the text before a quotation's opening mark, within its sentence: the nearest speech verb with its
 * subject, "according to", a participle after a comma (the sentence's subject speaks) or a colon introduction.
 */
export function cueBefore(text: string, sentencePrefix: string = text): Subject | null {
  return cuesBefore(text, sentencePrefix)[0] ?? null;
}

/**
 * "Rich Heffley, a top operative who played a major role in 2008 and now runs the state, said …": a sentence that
 * opens with a name and an apposition too long or too branched for the pattern, then ", said". The head speaks.
 */
function headBeforeCommaVerb(text: string): { at: number; subject: Subject } | null {
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

/** Every cue before a quotation, nearest first: when the nearest names nobody ("the Senate goes on"), the next may. */
export function cuesBefore(text: string, sentencePrefix: string = text): Subject[] {
  const candidates: { at: number; subject: Subject }[] = [];
  const verbs = allMatches(SUBJECT_VERB, text).filter((v) => !nounNotVerb(v));
  const verb = verbs[verbs.length - 1];
  // "Alixandria Lapp, executive director of the House Majority PAC, a super PAC, said": the sentence's head speaks.
  const head = text === sentencePrefix ? HEAD_NAME.exec(sentencePrefix)?.[1] : undefined;
  const headName = head !== undefined && looksNamed(head);
  for (const v of verbs) {
    const at = v.index + v[0].length;
    const found = verbSubject(v, text, 'verb-after-name');
    // "Michael Seaman, who lives outside the state capital, Sacramento, said": under a sentence headed by another
    // name, a name next to the verb counts only when it looks like a person's.
    const subject = found?.kind === 'name' && headName && found.run !== head ? { ...found, strict: true } : found;
    if (subject) candidates.push({ at, subject });
    // "James Zogby, a superdelegate … and the president of the D.C.-based Arab American Institute, said": when
    // the words before the verb are no person, the name heading the sentence (as strict) is tried next.
    if (head && (!subject || (subject.kind === 'name' && subject.run !== head))) {
      candidates.push({ at, subject: strictSubject(head, '', 'verb-after-name') });
    }
  }
  const lastVerbSubject = candidates[candidates.length - 1]?.subject;
  if (verbs.length === 0 && text === sentencePrefix) {
    const headed = headBeforeCommaVerb(text);
    if (headed) candidates.push(headed);
  }
  const inverted = INVERTED_BEFORE.exec(text);
  if (inverted?.[1] && inverted[2]) {
    const base = speechVerbBase(inverted[1].toLowerCase());
    const name = lastMatch(NAME_RUN_G, inverted[2]);
    const np = inverted[2];
    // "said of Sanders:" names whom the words are about, not who says them.
    const about = /^(?:of|to|about|at|in|on|for|with|by|from|that|after|before)\b/i.test(np.trim());
    if (!about && invertsSpeaker(base) && name && name.index + name[0].length >= np.trimEnd().length) {
      candidates.push({ at: text.length, subject: subjectOf(name[0], inverted[3] ?? null, np.slice(0, name.index), 'verb-before-name') });
    }
  }
  const according = lastMatch(ACCORDING_TO, text);
  if (according?.[1]) {
    const who = according[1];
    const subject: Subject = /^(?:him|her)$/.test(who)
      ? { kind: 'pronoun', gender: who === 'him' ? 'm' : 'f', rule: 'pronoun' }
      : { kind: 'name', run: who, apposition: null, before: text.slice(0, according.index), rule: 'according-to' };
    candidates.push({ at: according.index + according[0].length, subject });
  }
  const participle = lastMatch(PARTICIPLE_CUE, text);
  // "…, Hollande said Tuesday, noting …": the participle continues the speech clause before it, whose subject speaks.
  if (participle && verb?.[1] && verb.index < participle.index) {
    candidates.push({ at: participle.index + participle[0].length, subject: lastVerbSubject ?? subjectOf(verb[1], null, '', 'participle') });
  } else if (participle) {
    const head = SENTENCE_SUBJECT.exec(sentencePrefix);
    // Only a head that looks like a person: "Trump’s Virginia state director, Mike Rubino, …, writing" is not Virginia.
    if (head?.[1]) candidates.push({ at: participle.index + participle[0].length, subject: strictSubject(head[1], '', 'participle') });
  }
  if (/:\s*$/.test(text) && candidates.length === 0) {
    const head = SENTENCE_SUBJECT.exec(sentencePrefix);
    const named = NAME_COLON.exec(text);
    const headed = head?.[1] !== undefined && COLON_CLAUSE.test(sentencePrefix.slice(head.index + head[0].length));
    if (head?.[1] && headed) candidates.push({ at: text.length, subject: strictSubject(head[1], '', 'colon') });
    // "The timing … doesn’t surprise Republican pollster Daron Shaw: “…": when the sentence's head is no person
    // (a strict subject that fails), the person named right before the colon. Never after a pronoun head: in
    // "He told Trump: “…" Trump is the one spoken to.
    const pronounHead = head?.[1] !== undefined && PRONOUN_GENDER[head[1].toLowerCase()] !== undefined;
    if (named?.[1] && !(headed && pronounHead) && !PREPOSITION.test(text.slice(0, named.index))) {
      candidates.push({ at: text.length, subject: strictSubject(named[1], text.slice(0, named.index), 'colon') });
    }
  }
  candidates.sort((a, b) => b.at - a.at);
  return candidates.map((c) => c.subject);
}

/** "Smith, a fellow at the institute, said …" opening a sentence of reported speech (compiled once: the verb
 * alternation is large, and compiling it per sentence was the attribution's single largest cost). */
const REPORTED_HEAD = new RegExp(`^(?:[^,“”"]{0,60},\\s*)?${SUBJECT}${PAREN}?${APPOS}?${WHEN}${AUX}${ADVERBS}\\s+${VERB}\\b`, 'u');
/** "…, says Feng." closing one. */
const REPORTED_TAIL = new RegExp(`,\\s*${VERB}\\s+(${NAME_RUN})\\s*[.!?]?$`, 'u');

/** Reported speech in a sentence without quotation marks: "Smith said the plan…", "…, says Feng.", "According to Yan, …". */
export function cueInSentence(sentence: string): Subject | null {
  const according = lastMatch(ACCORDING_TO, sentence);
  if (according?.[1] && !/^(?:him|her)$/.test(according[1])) {
    return { kind: 'name', run: according[1], apposition: null, before: sentence.slice(0, according.index), rule: 'according-to' };
  }
  const head = REPORTED_HEAD.exec(sentence);
  if (head?.[1]) return subjectOf(head[1], head[2] ?? null, '', 'verb-after-name');
  const tail = REPORTED_TAIL.exec(sentence);
  if (tail?.[1] && tail[2]) {
    const base = speechVerbBase(tail[1].split(/\s+/)[0] ?? '');
    if (base && !OBJECT_VERBS.has(base)) return subjectOf(tail[2], null, '', 'verb-before-name');
  }
  return null;
}
