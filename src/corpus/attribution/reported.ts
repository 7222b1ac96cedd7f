/**
 * Reported speech without quotation marks: "Huiyun Feng of The Diplomat says …", "According to Yan, …", "He first
 * argues …", "As previously pointed out by Zachary Keck, …", and the groups whose argument a text reports
 * ("Opponents of a China-Russia alliance point out that …"). Registered names are tried first, with the gaps the
 * seed texts use ("<name> of The Diplomat says"); then any name a speech cue puts in the subject.
 */
import { isSpeechVerbForm } from './lexicon.ts';
import type { PersonMention } from './registry-names.ts';

/** Sentence openers that continue the argument of the sentence before. */
export const CONTINUATIONS =
  /^(?:on the one hand|on the other hand|moreover|furthermore|in addition|additionally|also|besides|thus|therefore|hence|consequently|such|second(?:ly)?|third(?:ly)?|finally|for all these reasons|for these reasons|in this view|he also|she also|they also|he further|she further)\b/i;

/** Groups whose argument a text reports ("Opponents of a China-Russia alliance point out that …"). */
export const GROUP =
  /^((?:the\s+)?(?:opponents|proponents|critics|supporters|advocates|sceptics|skeptics)(?:\s+of\s+[^,;:]{3,60}?)?)\s*(?:,\s*however,\s*|,\s*|\s+)(?:also\s+)?(?:point\s+out|argue|believe|contend|claim|say|maintain|insist|warn|note)\b/i;

/** The verbs of reported argument the seed rules were written with: the cue set for registered names. */
const REPORT_VERBS = [
  'says', 'said', 'say', 'adds', 'added', 'asks', 'asked', 'argues', 'argued', 'argue', 'claims', 'claimed',
  'contends', 'contended', 'believes', 'believed', 'thinks', 'thought', 'notes', 'noted', 'stated', 'states',
  'told', 'tells', 'warns', 'warned', 'insists', 'insisted', 'explains', 'explained', 'urges', 'urged', 'writes',
  'wrote', 'suggests', 'suggested', 'maintains', 'maintained', 'refutes', 'refuted', 'cites', 'cited', 'declared',
  'declares', 'stressed', 'stresses', 'called', 'calls', 'point out', 'points out', 'pointed out', 'emphasized',
  'emphasises', 'emphasizes', 'observed', 'observes', 'concluded', 'concludes', 'predicts',
];
const VERB = `(?:${REPORT_VERBS.map((v) => v.replace(' ', '\\s+')).join('|')})`;
const REPORT_VERB_SET = new Set(REPORT_VERBS);

/** A pronoun opening a sentence, an optional adverb, then the words a speech verb (and its particle) would be. */
const PRONOUN_HEAD = /^(He|She)\s+(?:(?:first|also|further|then)\s+)?([A-Za-z]+)(?:\s+([A-Za-z]+))?/;

function isReportVerb(word: string | undefined, next: string | undefined): boolean {
  if (word === undefined) return false;
  return REPORT_VERB_SET.has(word) || (next !== undefined && REPORT_VERB_SET.has(`${word} ${next}`)) || isSpeechVerbForm(word, next);
}

/**
 * "He argues …" at the start of a sentence (the last person named speaks on): the pronoun, or null. The verb is
 * looked up, not matched by a regex of every speech verb's form, which compiled on a fresh process's first
 * sentence (~70 ms of the console's start).
 */
export function pronounSpeaker(sentence: string): 'He' | 'She' | null {
  const head = PRONOUN_HEAD.exec(sentence);
  if (!head) return null;
  const [, pronoun, word, next] = head;
  return isReportVerb(word, next) ? (pronoun as 'He' | 'She') : null;
}

/** The most characters allowed between a name and its speech verb (an apposition such as "of The Diplomat"),
 * never across a comma or into a clause of its own ("Xi visited Moscow, where officials said"). */
const GAP = `(?:(?!\\b(?:where|which|who|whom|whose|while|when|and|but|as)\\b)[^.!?;:,"“”]){0,40}?`;
/** "As previously pointed out by <name>": a one-sentence attribution. */
const PASSIVE_CUE = /(?:pointed\s+out|noted|argued|stated|said|reported|suggested)\s+by\s+$/i;
/** Verbs that put the speaker after them: "…, says Feng". Verbs that take an object ("told Putin") are not here. */
const INVERSION_VERBS = ['says', 'said', 'adds', 'added', 'notes', 'noted', 'argues', 'argued', 'writes', 'wrote', 'explains', 'explained', 'insists', 'insisted', 'warns', 'warned', 'concludes', 'concluded', 'observes', 'observed', 'continues', 'continued'];
const VERB_BEFORE_NAME = new RegExp(`[,”"]\\s*(?:${INVERSION_VERBS.join('|')})\\s+$`, 'i');
const VERB_AFTER_NAME = new RegExp(`^${GAP}\\s*,?\\s*(?:also\\s+|first\\s+|further\\s+)?${VERB}\\b`);

function isPossessive(sentence: string, mention: PersonMention): boolean {
  return /^['’]s\b/.test(sentence.slice(mention.index + mention.length));
}

export type RegisteredCue = { mention: PersonMention; opensBlock: boolean; rule: 'according-to' | 'passive' | 'verb-before-name' | 'verb-after-name' };

/** The registered person a speech cue in this sentence names as speaker, and whether the cue opens a block. */
export function findRegisteredSpeaker(sentence: string, mentions: readonly PersonMention[]): RegisteredCue | null {
  for (const mention of mentions) {
    if (isPossessive(sentence, mention)) continue;
    const before = sentence.slice(0, mention.index);
    const after = sentence.slice(mention.index + mention.length);
    if (/according\s+to\s+$/i.test(before)) return { mention, opensBlock: true, rule: 'according-to' };
    if (PASSIVE_CUE.test(before)) return { mention, opensBlock: false, rule: 'passive' };
    if (VERB_BEFORE_NAME.test(before)) return { mention, opensBlock: true, rule: 'verb-before-name' };
    if (VERB_AFTER_NAME.test(after)) return { mention, opensBlock: true, rule: 'verb-after-name' };
  }
  return null;
}
