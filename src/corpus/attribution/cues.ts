/**
 * Speech cues: the words around a quotation (or in a sentence of reported speech) that say who speaks —
 * "…,” said Rep. Jane Doe, a Democrat from Ohio.", "Ms. Kelly, a retired astronaut, said: “…", "according to
 * Dr. Sara Ito", "…, saying the memo was “…”", "Mook agreed: “…", "“…” ― Jane Doe". This module reads the cues
 * before a quotation and in reported speech; cues-after.ts those after it; cue-grammar.ts what both share.
 */
import { OBJECT_VERBS, PARTICIPLE, PRONOUN_GENDER, SPEECH_VERB_FINITE, speechVerbBase } from './lexicon.ts';
import { NAME_RUN, parseNamePhrase } from './names.ts';
import {
  ACCORDING_TO, ADVERBS, APPOS, AUX, HEAD_NAME, NAME_RUN_G, PAREN, PREPOSITION, SUBJECT, VERB, WHEN,
  headBeforeCommaVerb, invertsSpeaker, lastMatch, looksNamed, speechVerbs, strictSubject, subjectOf, verbSubject,
  type Subject,
} from './cue-grammar.ts';

export type { CueRule, Subject } from './cue-grammar.ts';
export { cueAfter, signatureAfter, signatureLine } from './cues-after.ts';

const PARTICIPLE_CUE = new RegExp(
  String.raw`,[”"]?\s*(?:and\s+)?(?:${PARTICIPLE})\b|\band\s+(?:\p{Ll}+ly\s+)?${VERB}\b|\b(?:statement|e-?mail|tweet|letter|memo|post)\s+(?:saying|stating|warning|declaring)\b`,
  'gu',
);
/** A name and a participle right before the quotation: "… footage of Hillary Clinton asking, “…". */
const NAME_THEN_PARTICIPLE = new RegExp(String.raw`(${NAME_RUN})\s+(?:${PARTICIPLE})\s*[,:]?\s*$`, 'u');
/** A name and a colon right before the quotation: "… doesn’t surprise Republican pollster Daron Shaw: “…". */
const NAME_COLON = new RegExp(String.raw`(${NAME_RUN})(?:\s*\([^()]{1,30}\))?\s*:\s*$`, 'u');
/** What follows a sentence's subject before a colon that introduces its words: a verb phrase, not another clause. */
const COLON_CLAUSE = /^(?:,[^,]{1,90},)?\s+\p{Ll}[^“”"]*:\s*$/u;
/** The subject of a sentence, after an introductory phrase: "On Tuesday, Trump …", "Later he …". */
const SENTENCE_SUBJECT_AFTER_INTRO = new RegExp(String.raw`^(?:[^,“”"]{0,60},\s*){0,2}(?:(?:[Bb]ut|[Aa]nd|[Ss]o|[Yy]et|[Tt]hen|[Ll]ater|[Ss]till)\s+)?${SUBJECT}`, 'u');
const SENTENCE_HEAD = new RegExp(String.raw`^\s*(?:(?:But|And|So|Yet|Then|Later|Still)\s+)?${SUBJECT}`, 'u');
/** A head whose title goes on after "of": "Former Secretary of State Madeleine Albright". */
const TITLED_HEAD = new RegExp(String.raw`^\s*(?:(?:But|And|So|Yet|Then|Later|Still)\s+)?(${NAME_RUN}\s+of\s+${NAME_RUN})`, 'u');
/** The sentence's subject: a name opening it ("Tracy Martin, Trayvon's father, issued …"), else one after an
 * introductory phrase ("On Tuesday, Trump …"). */
const SENTENCE_SUBJECT = {
  exec(text: string): RegExpExecArray | null {
    let head = SENTENCE_HEAD.exec(text);
    if (head?.[1] && !parseNamePhrase(head[1].replace(/[’']s$/, ''))) head = TITLED_HEAD.exec(text);
    if (head?.[1] && (PRONOUN_GENDER[head[1].toLowerCase()] || looksNamed(head[1]))) return head;
    return SENTENCE_SUBJECT_AFTER_INTRO.exec(text);
  },
};

/** An inverted cue just before the quotation: "…, explained Simon Rosenberg, “…" / "Said Dorothy Poynter, who …, “…". */
const INVERTED_BEFORE = new RegExp(
  String.raw`(?:^|[,;—–-])\s*(${SPEECH_VERB_FINITE})\s+((?:[^,:;“”"()]|\.(?=\s*\p{Lu}))+?)(?:\s*\([^()]{0,30}\))?(?:\s*,\s*([^,:“”"]{1,100}?))?\s*[,:]\s*$`,
  'iu',
);
/**
 * The cue in the text before a quotation's opening mark, within its sentence: the nearest speech verb with its
 * subject, "according to", a participle after a comma (the sentence's subject speaks) or a colon introduction.
 */
export function cueBefore(text: string, sentencePrefix: string = text): Subject | null {
  return cuesBefore(text, sentencePrefix)[0] ?? null;
}

type Candidate = { at: number; subject: Subject };

/** Every cue before a quotation, nearest first: when the nearest names nobody ("the Senate goes on"), the next may. */
export function cuesBefore(text: string, sentencePrefix: string = text): Subject[] {
  const verbs = speechVerbs(text);
  const candidates = verbCandidates(verbs, text, sentencePrefix);
  const lastVerbSubject = candidates[candidates.length - 1]?.subject;
  if (verbs.length === 0 && text === sentencePrefix) {
    const headed = headBeforeCommaVerb(text);
    if (headed) candidates.push(headed);
  }
  candidates.push(...invertedBefore(text), ...accordingTo(text));
  candidates.push(...participleCue(text, sentencePrefix, verbs[verbs.length - 1], lastVerbSubject));
  if (/:\s*$/.test(text) && candidates.length === 0) candidates.push(...colonIntroduction(text, sentencePrefix));
  candidates.sort((a, b) => b.at - a.at);
  return candidates.map((c) => c.subject);
}

/** "<name>[, apposition,] said": each speech verb's subject, and the sentence's head where that is someone else. */
function verbCandidates(verbs: readonly RegExpExecArray[], text: string, sentencePrefix: string): Candidate[] {
  const candidates: Candidate[] = [];
  // "Alixandria Lapp, executive director of the House Majority PAC, a super PAC, said": the sentence's head speaks.
  const head = text === sentencePrefix ? HEAD_NAME.exec(sentencePrefix)?.[1] : undefined;
  const headName = head !== undefined && looksNamed(head);
  for (const v of verbs) {
    const at = v.index + v[0].length;
    // "… Judge Mosman called “distasteful,” Santilli expressed …": the verb's words are the short quotation after it.
    if (/^\s*[“"]/.test(text.slice(at))) continue;
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
  return candidates;
}

/** "…, explained Simon Rosenberg, “…": an inverted verb right before the quotation; never "said of Sanders:". */
function invertedBefore(text: string): Candidate[] {
  const inverted = INVERTED_BEFORE.exec(text);
  if (!inverted?.[1] || !inverted[2]) return [];
  const base = speechVerbBase(inverted[1].toLowerCase());
  const name = lastMatch(NAME_RUN_G, inverted[2]);
  const np = inverted[2];
  // "said of Sanders:" names whom the words are about, not who says them.
  const about = /^(?:of|to|about|at|in|on|for|with|by|from|that|after|before)\b/i.test(np.trim());
  if (about || !invertsSpeaker(base) || !name || name.index + name[0].length < np.trimEnd().length) return [];
  return [{ at: text.length, subject: subjectOf(name[0], inverted[3] ?? null, np.slice(0, name.index), 'verb-before-name') }];
}

/** "according to Dr. Sara Ito", "according to him". */
function accordingTo(text: string): Candidate[] {
  const according = lastMatch(ACCORDING_TO, text);
  if (!according?.[1]) return [];
  const who = according[1];
  const subject: Subject = /^(?:him|her)$/.test(who)
    ? { kind: 'pronoun', gender: who === 'him' ? 'm' : 'f', rule: 'pronoun' }
    : { kind: 'name', run: who, apposition: null, before: text.slice(0, according.index), rule: 'according-to' };
  return [{ at: according.index + according[0].length, subject }];
}

/** "…, saying the memo was “…”": the subject of the speech clause before the participle, or of the sentence. */
function participleCue(
  text: string,
  sentencePrefix: string,
  verb: RegExpExecArray | undefined,
  lastVerbSubject: Subject | undefined,
): Candidate[] {
  // "The ad uses footage of Hillary Clinton asking, “…": a person right before the participle is who speaks.
  const named = NAME_THEN_PARTICIPLE.exec(text);
  if (named?.[1]) return [{ at: text.length, subject: strictSubject(named[1], text.slice(0, named.index), 'participle') }];
  const participle = lastMatch(PARTICIPLE_CUE, text);
  if (!participle) return [];
  const at = participle.index + participle[0].length;
  // "…, Hollande said Tuesday, noting …": the participle continues the speech clause before it, whose subject speaks.
  if (verb?.[1] && verb.index < participle.index) return [{ at, subject: lastVerbSubject ?? subjectOf(verb[1], null, '', 'participle') }];
  const head = SENTENCE_SUBJECT.exec(sentencePrefix);
  // Only a head that looks like a person: "Trump’s Virginia state director, Mike Rubino, …, writing" is not Virginia.
  return head?.[1] ? [{ at, subject: strictSubject(head[1], '', 'participle') }] : [];
}

/** "Mook agreed: “…": the sentence's subject before a colon, else a person named right before it. */
function colonIntroduction(text: string, sentencePrefix: string): Candidate[] {
  const candidates: Candidate[] = [];
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
  return candidates;
}

/** "Smith, a fellow at the institute, said …" opening a sentence of reported speech (compiled once: the verb
 * alternation is large, and compiling it per sentence was the attribution's single largest cost). */
const REPORTED_HEAD = new RegExp(`^(?:[^,“”"]{0,60},\\s*)?${SUBJECT}${PAREN}?${APPOS}?${WHEN}${AUX}${ADVERBS}\\s+${VERB}\\b`, 'u');
/** "…, says Feng." closing one. */
const REPORTED_TAIL = new RegExp(`,\\s*${VERB}\\s+(${NAME_RUN})\\s*[.!?]?$`, 'u');

const REPORTED_TAIL_NAME_FIRST = new RegExp(`,\\s*(${NAME_RUN})\\s+(${VERB})\\s*[.!?]?$`, 'u');

/** Reported speech in a sentence without quotation marks: "Smith said the plan…", "…, says Feng.", "According to Yan, …". */
export function cueInSentence(sentence: string): Subject | null {
  const according = lastMatch(ACCORDING_TO, sentence);
  if (according?.[1] && !/^(?:him|her)$/.test(according[1])) {
    return { kind: 'name', run: according[1], apposition: null, before: sentence.slice(0, according.index), rule: 'according-to' };
  }
  const head = REPORTED_HEAD.exec(sentence);
  if (head?.[1]) return subjectOf(head[1], head[2] ?? null, '', 'verb-after-name');
  // "The administration may be reluctant to act, Schiff said.": the source's words closed by a name and a verb.
  const named = REPORTED_TAIL_NAME_FIRST.exec(sentence);
  if (named?.[1] && named[2] && speechVerbBase(named[2].split(/\s+/)[0] ?? '')) {
    return subjectOf(named[1], null, '', 'verb-after-name');
  }
  const tail = REPORTED_TAIL.exec(sentence);
  if (tail?.[1] && tail[2]) {
    const base = speechVerbBase(tail[1].split(/\s+/)[0] ?? '');
    if (base && !OBJECT_VERBS.has(base)) return subjectOf(tail[2], null, '', 'verb-before-name');
  }
  return null;
}
