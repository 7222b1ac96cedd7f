/**
 * Attribution: who speaks in each sentence. Rules read the text — speech verbs, "according to",
 * "says X", pronouns — and resolve names through the people registry; the voice of a reported
 * argument carries on through sentences that continue it ("Moreover", "Thus", "On the other hand")
 * until the paragraph ends or the text moves on. Explicit overrides in the corpus file win.
 */
import type { Person, Voice } from './types.ts';

/** Verbs that introduce someone's words or argument. */
const SPEECH_VERBS = [
  'says', 'said', 'say', 'adds', 'added', 'asks', 'asked', 'argues', 'argued', 'argue', 'claims', 'claimed',
  'contends', 'contended', 'believes', 'believed', 'thinks', 'thought', 'notes', 'noted', 'stated', 'states',
  'told', 'tells', 'warns', 'warned', 'insists', 'insisted', 'explains', 'explained', 'urges', 'urged',
  'writes', 'wrote', 'suggests', 'suggested', 'maintains', 'maintained', 'refutes', 'refuted', 'cites', 'cited',
  'declared', 'declares', 'stressed', 'stresses', 'called', 'calls', 'point out', 'points out', 'pointed out',
  'emphasized', 'emphasises', 'emphasizes', 'observed', 'observes', 'concluded', 'concludes', 'predicts',
];
const VERB = `(?:${SPEECH_VERBS.map((v) => v.replace(' ', '\\s+')).join('|')})`;

/** Sentence openers that continue the argument of the sentence before. */
const CONTINUATIONS = /^(?:on the one hand|on the other hand|moreover|furthermore|in addition|additionally|also|besides|thus|therefore|hence|consequently|such|second(?:ly)?|third(?:ly)?|finally|for all these reasons|for these reasons|in this view|he also|she also|they also|he further|she further)\b/i;

/** Groups whose argument a text reports ("Opponents of a China-Russia alliance point out that …"). */
const GROUP = /^((?:the\s+)?(?:opponents|proponents|critics|supporters|advocates|sceptics|skeptics)(?:\s+of\s+[^,;:]{3,60}?)?)\s*(?:,\s*however,\s*|,\s*|\s+)(?:also\s+)?(?:point\s+out|argue|believe|contend|claim|say|maintain|insist|warn|note)\b/i;

const PRONOUN_SPEAKER = new RegExp(`^(?:He|She)\\s+(?:first\\s+|also\\s+|further\\s+|then\\s+)?${VERB}\\b`);

/** The most characters allowed between a name and its speech verb (an apposition such as "of The Diplomat"),
 * never across a comma or into a clause of its own ("Xi visited Moscow, where officials said"). */
const GAP = `(?:(?!\\b(?:where|which|who|whom|whose|while|when|and|but|as)\\b)[^.!?;:,"“”]){0,40}?`;

/** "As previously pointed out by <name>": a one-sentence attribution. */
const PASSIVE_CUE = /(?:pointed\s+out|noted|argued|stated|said|reported|suggested)\s+by\s+$/i;
/** Verbs that put the speaker after them: "…, says Feng", "“…,” said Wang". Verbs that take an object
 * ("told Putin", "asked Wang Yi", "called Putin a thug") are not among them: there the name is the listener. */
const INVERSION_VERBS = ['says', 'said', 'adds', 'added', 'notes', 'noted', 'argues', 'argued', 'writes', 'wrote', 'explains', 'explained', 'insists', 'insisted', 'warns', 'warned', 'concludes', 'concluded', 'observes', 'observed', 'continues', 'continued'];
/** "…, says <name>": the verb right after a comma or a closing quotation mark. */
const VERB_BEFORE_NAME = new RegExp(`[,”"]\\s*(?:${INVERSION_VERBS.join('|')})\\s+$`, 'i');
/** "<name> of The Diplomat says", "<name>, asked". */
const VERB_AFTER_NAME = new RegExp(`^${GAP}\\s*,?\\s*(?:also\\s+|first\\s+|further\\s+)?${VERB}\\b`);

export interface AttributionContext {
  readonly people: readonly Person[];
  /** The voice of the source itself. */
  readonly ownVoice: Voice;
  /** "as reported by <publication>", used in the role of groups. */
  readonly reporter: string;
}

/** Finds registry names in text with one regular expression, longest alias first. */
export interface NameMatcher {
  readonly pattern: RegExp | null;
  /** Folded alias (curly apostrophes made straight) → person. */
  readonly byAlias: ReadonlyMap<string, Person>;
}

/** What an override asks for: a registry person, the source's own voice, or the voice before. */
export type OverrideVoice = Person | 'own' | 'previous';

export interface PersonMention {
  readonly person: Person;
  readonly index: number;
  readonly length: number;
}

const straightenApostrophes = (text: string): string => text.replace(/’/g, "'");

/** Builds the matcher once per corpus: every name and alias, longest first, so "the Chinese Foreign Minister" beats "Wang". */
export function buildNameMatchers(people: readonly Person[]): NameMatcher {
  const byAlias = new Map<string, Person>();
  for (const person of people) for (const alias of [person.name, ...person.aliases]) byAlias.set(straightenApostrophes(alias), person);
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length);
  const pattern = aliases.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.map((a) => escapeRegExp(a).replace(/'/g, "['’]")).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;
  return { pattern, byAlias };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every registry person named in the sentence, without overlaps, in text order. */
export function findMentions(sentence: string, matcher: NameMatcher): PersonMention[] {
  if (!matcher.pattern) return [];
  const mentions: PersonMention[] = [];
  for (const match of sentence.matchAll(matcher.pattern)) {
    const person = matcher.byAlias.get(straightenApostrophes(match[0]));
    if (person) mentions.push({ person, index: match.index, length: match[0].length });
  }
  return mentions;
}

function hasDirectQuotation(sentence: string): boolean {
  const quoted = sentence.match(/“([^”]+)”|"([^"]+)"/g) ?? [];
  return quoted.some((q) => q.trim().split(/\s+/).length >= 3);
}

function isPossessive(sentence: string, mention: PersonMention): boolean {
  return /^['’]s\b/.test(sentence.slice(mention.index + mention.length));
}

/** The person a speech cue in this sentence names as speaker, and whether the cue opens a block. */
function findSpeaker(
  sentence: string,
  mentions: readonly PersonMention[],
  lastPerson: Person | null,
): { person: Person; opensBlock: boolean } | null {
  for (const mention of mentions) {
    if (isPossessive(sentence, mention)) continue;
    const before = sentence.slice(0, mention.index);
    const after = sentence.slice(mention.index + mention.length);
    if (/according\s+to\s+$/i.test(before)) return { person: mention.person, opensBlock: true };
    if (PASSIVE_CUE.test(before)) {
      return { person: mention.person, opensBlock: false };
    }
    if (VERB_BEFORE_NAME.test(before)) return { person: mention.person, opensBlock: true };
    if (VERB_AFTER_NAME.test(after)) {
      return { person: mention.person, opensBlock: true };
    }
  }
  if (lastPerson && PRONOUN_SPEAKER.test(sentence)) return { person: lastPerson, opensBlock: true };
  return null;
}

function personVoice(person: Person, basis: Voice['basis']): Voice {
  return { personId: person.id, name: person.name, role: person.role, basis };
}

/**
 * Attributes each sentence of one paragraph. `lastPersonBefore` is the last person named earlier in
 * the source, so that "He argues" at the top of a paragraph still resolves.
 */
export function attributeParagraph(
  sentences: readonly string[],
  ctx: AttributionContext,
  matchers: NameMatcher,
  lastPersonBefore: Person | null,
  overrideFor: (sentence: string) => OverrideVoice | null = () => null,
): { voices: Voice[]; lastPerson: Person | null } {
  const voices: Voice[] = [];
  let lastPerson = lastPersonBefore;
  let block: Voice | null = null;
  for (const sentence of sentences) {
    const mentions = findMentions(sentence, matchers);
    const speaker = findSpeaker(sentence, mentions, lastPerson);
    const group = GROUP.exec(sentence);
    const forced = overrideFor(sentence);
    let voice: Voice;
    if (forced === 'own') {
      voice = { ...ctx.ownVoice, basis: 'override' };
      block = null;
    } else if (forced === 'previous') {
      const previous = voices[voices.length - 1] ?? ctx.ownVoice;
      voice = { ...previous, basis: 'override' };
      if (previous.personId !== null || previous.basis === 'reported') block = { ...previous, basis: 'reported' };
    } else if (forced) {
      voice = personVoice(forced, 'override');
      block = { ...voice, basis: 'reported' };
    } else if (speaker) {
      voice = personVoice(speaker.person, hasDirectQuotation(sentence) ? 'direct-quote' : 'reported');
      block = speaker.opensBlock ? { ...voice, basis: 'reported' } : null;
    } else if (group?.[1]) {
      const name = group[1].replace(/^the\s+/i, '');
      voice = { personId: null, name: name[0]?.toUpperCase() + name.slice(1), role: `as reported by ${ctx.reporter}`, basis: 'reported' };
      block = voice;
    } else if (block && CONTINUATIONS.test(sentence)) {
      voice = block;
    } else {
      voice = ctx.ownVoice;
      block = null;
    }
    voices.push(voice);
    const lastMention = mentions[mentions.length - 1];
    if (lastMention) lastPerson = lastMention.person;
  }
  return { voices, lastPerson };
}

export { personVoice };
