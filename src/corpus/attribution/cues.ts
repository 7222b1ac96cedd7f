/**
 * Speech cues: the words around a quotation (or in a sentence of reported speech) that say who speaks —
 * "…,” said Rep. Jane Doe, a Democrat from Ohio.", "Ms. Kelly, a retired astronaut, said: “…", "according to
 * Dr. Sara Ito", "…, saying the memo was “…”", "Mook agreed: “…", "“…” ― Jane Doe". A cue yields the subject as
 * written (a name run, a pronoun, a group or a description); resolving it to a person is people.ts's job.
 */
import { OBJECT_VERBS, PARTICIPLE, PRONOUN_GENDER, GROUP_NOUNS, SPEECH_VERB, SPEECH_VERB_FINITE, speechVerbBase } from './lexicon.ts';
import { NAME_RUN } from './names.ts';

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
const ADVERBS = String.raw`(?:\s+(?:also|later|then|further|previously|once|again|recently|first|finally|earlier|\p{Ll}+ly))?`;
const AUX = String.raw`(?:\s+(?:has|had|have|once|also)(?:\s+(?:also|been|later))?)?`;
const WHEN = String.raw`(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last\s+\w+|this\s+\w+|earlier|later))?`;
const VERB = `(${SPEECH_VERB})`;
/** A finite speech verb, or "is telling" / "was saying": never a bare participle ("Obama, calling him"). */
const FINITE = `(?:${AUX}${ADVERBS}\\s+${SPEECH_VERB_FINITE}|\\s+(?:is|was|are|were)${ADVERBS}\\s+${PARTICIPLE})\\b`;
const SUBJECT = `(${NAME_RUN}(?<![’']s)|${PRON})`;

/** "<name or pronoun>[, apposition,] [adverb] <verb>" — the subject before its speech verb. */
const SUBJECT_VERB = new RegExp(`${SUBJECT}${PAREN}?${APPOS}?,?${WHEN}${FINITE}`, 'gu');
/** After a closing mark: "…,” said Smith" / "…,” said Clinton’s top aide Jake Sullivan, a lawyer". Group 2 is the
 * noun phrase up to a comma, a bracket or the sentence's end; group 3 an apposition after a comma. */
const AFTER_INVERTED = new RegExp(
  String.raw`^[\s,;:.!?—–-]*${VERB}${ADVERBS}${WHEN}\s+((?:[^,;!?()“”".]|\.(?=\s*\p{Lu}|\S))+)(?:\s*\([^()]{0,30}\))?(?:\s*,\s*([^,;:“”"]{2,100}?)\s*(?=,|[.;!?]\s*$|$))?`,
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
const PARTICIPLE_CUE = new RegExp(String.raw`,[”"]?\s*(?:and\s+)?(?:${PARTICIPLE})\b|\band\s+(?:\p{Ll}+ly\s+)?${VERB}\b`, 'gu');
/** A name and a colon right before the quotation: "… doesn’t surprise Republican pollster Daron Shaw: “…". */
const NAME_COLON = new RegExp(String.raw`(${NAME_RUN})\s*:\s*$`, 'u');
/** What follows a sentence's subject before a colon that introduces its words: a verb phrase, not another clause. */
const COLON_CLAUSE = /^(?:,[^,]{1,90},)?\s+\p{Ll}[^“”"]*:\s*$/u;
/** The subject of a sentence, after an introductory phrase: "On Tuesday, Trump …", "Later he …". */
const SENTENCE_SUBJECT = new RegExp(String.raw`^(?:[^,“”"]{0,60},\s*)?(?:(?:[Bb]ut|[Aa]nd|[Ss]o|[Yy]et|[Tt]hen|[Ll]ater|[Ss]till)\s+)?${SUBJECT}`, 'u');

/** "Jeffrey Lewis of the James Martin Center for Studies wrote": the person, not the institution next to the verb. */
function ownerOf(run: string, before: string): { run: string; before: string } {
  const escaped = run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    String.raw`(${NAME_RUN})\s+(?:of|at|from|with)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}’'.-]*|of|for|and|the|on|in)\s+)*${escaped}$`,
    'u',
  );
  const found = pattern.exec(`${before}${run}`);
  return found?.[1] ? { run: found[1], before: `${before}${run}`.slice(0, found.index) } : { run, before };
}

function subjectOf(written: string, apposition: string | null, before: string, rule: CueRule): Subject {
  const pronoun = PRONOUN_GENDER[written.toLowerCase()];
  if (pronoun) return { kind: 'pronoun', gender: pronoun, rule: 'pronoun' };
  const owner = ownerOf(written, before);
  return { kind: 'name', run: owner.run, apposition, before: owner.before, rule };
}

/** The cue in the text right after a quotation's closing mark, up to the end of its sentence. */
export function cueAfter(text: string): Subject | null {
  const dash = AFTER_DASH.exec(text);
  if (dash?.[1]) return subjectOf(dash[1], dash[2] ?? null, '', 'dash');
  const subject = AFTER_SUBJECT.exec(text);
  if (subject?.[1]) return subjectOf(subject[1], subject[2] ?? null, text.slice(0, subject[0].indexOf(subject[1])), 'verb-after-name');
  const inverted = AFTER_INVERTED.exec(text);
  if (inverted?.[1] && inverted[2]) {
    const base = speechVerbBase(inverted[1].split(/\s+/)[0] ?? '');
    const np = inverted[2];
    const cut = NAME_END.exec(np);
    const phrase = (cut ? np.slice(0, cut.index) : np).replace(/\.\s*$/, '').trimEnd();
    const name = lastMatch(NAME_RUN_G, phrase);
    if (base && (!OBJECT_VERBS.has(base) || base === 'warn') && name && name.index + name[0].length >= phrase.trimEnd().length - 1) {
      return subjectOf(name[0], inverted[3] ?? null, phrase.slice(0, name.index), 'verb-before-name');
    }
  }
  const trailing = lastMatch(SUBJECT_VERB, text);
  if (trailing?.[1] && /[.!?]\s*$|^[^.!?]*$/.test(text.slice(trailing.index))) {
    return subjectOf(trailing[1], trailing[2] ?? null, text.slice(0, trailing.index + trailing[0].indexOf(trailing[1])), 'verb-after-name');
  }
  const group = AFTER_GROUP.exec(text);
  const groupText = group?.[1] ?? group?.[3] ?? group?.[4];
  if (groupText && GROUP_NOUNS.test(groupText)) return { kind: 'group', text: groupText.trim(), rule: 'group' };
  return null;
}

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
  const candidates: { at: number; subject: Subject }[] = [];
  const verb = lastMatch(SUBJECT_VERB, text);
  if (verb?.[1]) candidates.push({ at: verb.index + verb[0].length, subject: subjectOf(verb[1], verb[2] ?? null, text.slice(0, verb.index + verb[0].indexOf(verb[1])), 'verb-after-name') });
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
    candidates.push({ at: participle.index + participle[0].length, subject: candidates[0]?.subject ?? subjectOf(verb[1], null, '', 'participle') });
  } else if (participle) {
    const head = SENTENCE_SUBJECT.exec(sentencePrefix);
    if (head?.[1]) candidates.push({ at: participle.index + participle[0].length, subject: subjectOf(head[1], null, '', 'participle') });
  }
  if (/:\s*$/.test(text) && candidates.length === 0) {
    const head = SENTENCE_SUBJECT.exec(sentencePrefix);
    const named = NAME_COLON.exec(text);
    if (head?.[1] && COLON_CLAUSE.test(sentencePrefix.slice(head.index + head[0].length))) {
      candidates.push({ at: text.length, subject: { ...subjectOf(head[1], null, '', 'colon'), strict: true } as Subject });
    } else if (named?.[1]) {
      candidates.push({ at: text.length, subject: { ...subjectOf(named[1], null, text.slice(0, named.index), 'colon'), strict: true } as Subject });
    }
  }
  candidates.sort((a, b) => b.at - a.at);
  return candidates[0]?.subject ?? null;
}

/** Reported speech in a sentence without quotation marks: "Smith said the plan…", "…, says Feng.", "According to Yan, …". */
export function cueInSentence(sentence: string): Subject | null {
  const according = lastMatch(ACCORDING_TO, sentence);
  if (according?.[1] && !/^(?:him|her)$/.test(according[1])) {
    return { kind: 'name', run: according[1], apposition: null, before: sentence.slice(0, according.index), rule: 'according-to' };
  }
  const head = new RegExp(`^(?:[^,“”"]{0,60},\\s*)?${SUBJECT}${PAREN}?${APPOS}?${WHEN}${AUX}${ADVERBS}\\s+${VERB}\\b`, 'u').exec(sentence);
  if (head?.[1]) return subjectOf(head[1], head[2] ?? null, '', 'verb-after-name');
  const tail = new RegExp(`,\\s*${VERB}\\s+(${NAME_RUN})\\s*[.!?]?$`, 'u').exec(sentence);
  if (tail?.[1] && tail[2]) {
    const base = speechVerbBase(tail[1].split(/\s+/)[0] ?? '');
    if (base && !OBJECT_VERBS.has(base)) return subjectOf(tail[2], null, '', 'verb-before-name');
  }
  return null;
}
