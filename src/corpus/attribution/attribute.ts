/**
 * Attribution: who speaks in each sentence of a source. Direct quotations are spans from mark to mark, across
 * sentences and paragraphs; each takes its speaker from a speech cue next to it (a name, registered in
 * people.yaml or not, a pronoun, a group), or from the quotation it continues. A sentence holding a quotation
 * whose speaker the text does not make clear is an *unattributed quotation*: never the byline's or the
 * publication's words. Sentences without quotations are reported speech when a cue names a speaker, carry on a
 * reported argument when they open with a connective ("Moreover", "Thus"), and are the source's own voice
 * otherwise. Explicit overrides in the corpus file win over every rule.
 */
import type { AttributionRule, Person, Voice } from '../types.ts';
import type { SentenceSpan } from '../segment.ts';
import { cueAfter, cueBefore, cuesBefore, cueInSentence, type Subject } from './cues.ts';
import { NAME_RUN, parseNamePhrase, sameSpeaker } from './names.ts';
import { findMentions, SourcePeople, type NameMatcher, type Speaker } from './people.ts';
import { findQuoteSpans, isQuotedName, MIN_QUOTE_WORDS, type QuoteSpan } from './quotes.ts';
import { CONTINUATIONS, findRegisteredSpeaker, GROUP, PRONOUN_SPEAKER } from './reported.ts';

export { buildNameMatchers, findMentions, type NameMatcher, type PersonMention } from './people.ts';

export interface AttributionContext {
  readonly people: readonly Person[];
  /** The voice of the source itself. */
  readonly ownVoice: Voice;
  /** "as reported by <publication>", used in the role of groups and unattributed quotations. */
  readonly reporter: string;
}

/** What an override asks for: a registry person, the source's own voice, or the voice before. */
export type OverrideVoice = Person | 'own' | 'previous';

/** Attributes a source paragraph by paragraph, in order: quotations and pronouns reach across paragraphs. */
export interface SourceAttributor {
  paragraph(text: string, sentences: readonly SentenceSpan[]): Voice[];
}

const nameRun = new RegExp(NAME_RUN, 'gu');

interface Quotation {
  readonly span: QuoteSpan;
  voice: Voice | null;
  /** Its speaker has been looked for (in text order, so names before it are known). */
  done: boolean;
}

/** The speaker of one quotation, and the rule that found them. */
type Found = { voice: Voice; speaker: Speaker | null };

export function createSourceAttributor(
  ctx: AttributionContext,
  matcher: NameMatcher,
  overrideFor: (sentence: string) => OverrideVoice | null = () => null,
): SourceAttributor {
  const people = new SourcePeople(matcher);
  /** The voice of a quotation still open at the end of the last paragraph. */
  let openQuotation: Voice | null | undefined;
  /** A reported argument that connective sentences carry on. */
  let block: Voice | null = null;
  let previous: Voice | null = null;
  /** The cue of a paragraph that ends in a colon ("Kerry said:"), for the quotation the next one opens with. */
  let introduced: Subject | null = null;

  const personVoice = (speaker: Speaker, basis: Voice['basis'], rule: AttributionRule): Voice => ({
    personId: speaker.personId,
    name: speaker.name,
    role: speaker.role,
    basis,
    rule,
  });
  const unattributed = (): Voice => ({
    personId: null,
    name: 'Speaker unknown',
    role: `unattributed quotation, as reported by ${ctx.reporter}`,
    basis: 'unattributed',
    rule: 'unattributed',
  });
  const groupVoice = (text: string, basis: Voice['basis']): Voice => {
    const name = text.replace(/^the\s+/i, '');
    return { personId: null, name: (name[0]?.toUpperCase() ?? '') + name.slice(1), role: `as reported by ${ctx.reporter}`, basis, rule: 'group' };
  };

  function speakerOf(subject: Subject | null, basis: Voice['basis'], pending = ''): Found | null {
    if (!subject) return null;
    if (subject.kind === 'group') return { voice: groupVoice(subject.text, basis), speaker: null };
    if (subject.kind === 'name' && subject.strict && !people.looksLikePerson(subject.run)) return null;
    const speaker = subject.kind === 'pronoun' ? people.resolvePronoun(subject.gender, pending) : people.resolve(subject.run, subject.apposition, subject.before);
    if (!speaker) return null;
    return { voice: personVoice(speaker, basis, subject.rule), speaker };
  }

  function firstSpeaker(subjects: readonly Subject[], pending: string): Found | null {
    for (const subject of subjects) {
      const found = speakerOf(subject, 'direct-quote', pending);
      if (found) return found;
    }
    return null;
  }

  /** Finds the speaker of each quotation of a paragraph from the cues around it. */
  function attributeQuotations(text: string, sentences: readonly SentenceSpan[], quotations: Quotation[], upTo: number): void {
    const sentenceAt = (offset: number): SentenceSpan | undefined =>
      sentences.find((s) => s.start <= offset && offset < s.start + s.text.length) ?? sentences[sentences.length - 1];
    quotations.forEach((q, i) => {
      if (q.done || q.span.start >= upTo) return;
      q.done = true;
      const first = sentenceAt(q.span.start);
      const last = sentenceAt(Math.max(q.span.start, q.span.end - 1));
      const prevEnd = quotations[i - 1]?.span.end ?? 0;
      const nextStart = quotations[i + 1]?.span.start ?? text.length;
      const sentenceStart = Math.max(first?.start ?? 0, 0);
      const sentenceEnd = last ? last.start + last.text.length : text.length;
      const after = text.slice(q.span.end, Math.max(q.span.end, Math.min(sentenceEnd, nextStart)));
      const before = text.slice(Math.max(sentenceStart, prevEnd), q.span.start);
      const prefix = text.slice(sentenceStart, q.span.start);
      const found =
        registeredIn(text.slice(sentenceStart, sentenceEnd), q.span.start - sentenceStart, q.span.end - sentenceStart) ??
        speakerOf(cueAfter(after), 'direct-quote', blankQuotes(prefix)) ??
        firstSpeaker(cuesBefore(before, prefix), blankQuotes(prefix));
      if (found) {
        q.voice = found.voice;
        if (found.speaker) people.mention(found.speaker, true);
        return;
      }
      if (i === 0 && introduced && text.slice(0, q.span.start).trim() === '') {
        const intro = speakerOf(introduced, 'direct-quote');
        if (intro) {
          q.voice = { ...intro.voice, rule: 'colon' };
          return;
        }
      }
      if (q.span.continued && openQuotation) {
        q.voice = { ...openQuotation, rule: 'continuation' };
        return;
      }
      const earlier = quotations[i - 1];
      const between = text.slice(prevEnd, q.span.start);
      if (earlier?.voice && earlier.voice.basis !== 'unattributed' && !namesSomeoneElse(between, earlier.voice.name)) {
        q.voice = { ...earlier.voice, rule: 'continuation' };
        return;
      }
      q.voice = null;
    });
  }

  /** Whether text between two quotations names anyone but their speaker ("…,” said Hart. “…" names only Hart). */
  function namesSomeoneElse(text: string, speaker: string): boolean {
    nameRun.lastIndex = 0;
    return [...text.matchAll(nameRun)].some((m) => {
      const phrase = parseNamePhrase(m[0]);
      return phrase !== null && !sameSpeaker(phrase.name, speaker);
    });
  }

  /** The registered person a cue names in the sentence's own words (quotations blanked out), as written there. */
  function registeredIn(sentence: string, from: number, to: number): Found | null {
    const outside = sentence.slice(0, Math.max(0, from)) + ' '.repeat(Math.max(0, to - from)) + sentence.slice(Math.max(0, to));
    const cue = findRegisteredSpeaker(outside, findMentions(outside, matcher));
    if (!cue) return null;
    const speaker = people.resolve(outside.slice(cue.mention.index, cue.mention.index + cue.mention.length));
    return speaker ? { voice: personVoice(speaker, 'direct-quote', cue.rule === 'passive' ? 'passive' : cue.rule), speaker } : null;
  }

  function reportedVoice(sentence: string): Voice | null {
    const mentions = findMentions(sentence, matcher);
    const registered = findRegisteredSpeaker(sentence, mentions);
    if (registered) {
      const speaker = people.resolve(sentence.slice(registered.mention.index, registered.mention.index + registered.mention.length));
      if (speaker) {
        const voice = personVoice(speaker, 'reported', registered.rule === 'passive' ? 'passive' : registered.rule);
        block = registered.opensBlock ? voice : null;
        return voice;
      }
    }
    const pronoun = PRONOUN_SPEAKER.exec(sentence);
    if (pronoun?.[1]) {
      // "According to Yan, … He first argues …": inside a reported argument, the pronoun is the one arguing.
      if (block && block.basis === 'reported' && block.rule !== 'group') return (block = { ...block, rule: 'pronoun' });
      const speaker = people.resolvePronoun(pronoun[1] === 'He' ? 'm' : 'f', sentence.slice(0, pronoun.index));
      if (speaker) return (block = personVoice(speaker, 'reported', 'pronoun'));
    }
    const cue = cueInSentence(sentence);
    if (cue && cue.kind === 'name') {
      const found = speakerOf(cue, 'reported');
      if (found) return (block = found.voice);
    }
    const group = GROUP.exec(sentence);
    if (group?.[1]) return (block = groupVoice(group[1], 'reported'));
    if (block && CONTINUATIONS.test(sentence)) return { ...block, rule: 'continuation' };
    return null;
  }

  /**
   * The speaker of the sentence just before (in this paragraph, or the last of the paragraph before), when that
   * sentence is a named person's words: "Carter said that the U.S. would stay. ¶ “That’s because this region …”".
   */
  function speakerBefore(voices: readonly Voice[]): Voice | null {
    const before = voices.length > 0 ? voices[voices.length - 1] : previous;
    if (!before || (before.basis !== 'reported' && before.basis !== 'direct-quote')) return null;
    if (before.rule === 'group' || before.rule === 'unattributed') return null;
    return { ...before, basis: 'direct-quote', rule: 'continuation' };
  }

  function forcedVoice(forced: OverrideVoice, voices: readonly Voice[]): Voice {
    if (forced === 'own') {
      block = null;
      return { ...ctx.ownVoice, basis: 'override', rule: 'override' };
    }
    if (forced === 'previous') {
      const before = voices[voices.length - 1] ?? previous ?? ctx.ownVoice;
      if (before.personId !== null || before.basis === 'reported') block = { ...before, basis: 'reported' };
      return { ...before, basis: 'override', rule: 'override' };
    }
    const voice: Voice = { personId: forced.id, name: forced.name, role: forced.role, basis: 'override', rule: 'override' };
    block = { ...voice, basis: 'reported' };
    return voice;
  }

  return {
    paragraph(text, sentences) {
      const spans = findQuoteSpans(text, openQuotation !== undefined);
      const quotations: Quotation[] = spans
        .filter((s) => s.words >= MIN_QUOTE_WORDS || s.continued || s.open || spokenShort(text, s))
        // A quoted name inside the source's own sentence ("China’s ambitious “New Silk Road economic corridor”").
        .filter((s) => s.continued || s.open || !(isQuotedName(text.slice(s.start, s.end)) && /\p{Ll}[\p{L}’']*\s+$/u.test(text.slice(0, s.start))))
        .map((span) => ({ span, voice: null, done: false }));
      for (const sentence of sentences) {
        attributeQuotations(text, sentences, quotations, sentence.start + sentence.text.length);
        const own = outsideQuotes(sentence, quotations).trim();
        people.noteSubject(own);
        people.noteMentions(own);
      }
      const voices: Voice[] = [];
      for (const sentence of sentences) {
        const end = sentence.start + sentence.text.length;
        let best: Quotation | null = null;
        let bestOverlap = 0;
        for (const q of quotations) {
          // An attributed quotation wins over a longer one without a speaker in the same sentence.
          const overlap = Math.min(end, q.span.end) - Math.max(sentence.start, q.span.start);
          const weight = overlap > 0 && q.voice ? overlap + text.length : overlap;
          if (weight > bestOverlap) [best, bestOverlap] = [q, weight];
        }
        const forced = overrideFor(sentence.text);
        let voice: Voice;
        if (forced) voice = forcedVoice(forced, voices);
        else if (best) {
          // A bare quotation, no words of the source's around it, carries on the named person just before it.
          if (!best.voice && bareQuotation(text, sentences, best.span)) best.voice = speakerBefore(voices);
          voice = best.voice ?? unattributed();
          if (best.voice && best.voice.personId !== null) block = { ...best.voice, basis: 'reported', rule: 'continuation' };
        } else voice = reportedVoice(sentence.text) ?? ((block = null), { ...ctx.ownVoice, rule: 'own' });
        voices.push(voice);
      }
      const lastSentence = sentences[sentences.length - 1]?.text ?? '';
      introduced = /:\s*$/.test(lastSentence) && !quotations.some((q) => q.span.end > (sentences[sentences.length - 1]?.start ?? 0)) ? cueBefore(lastSentence) : null;
      const last = quotations[quotations.length - 1];
      openQuotation = last?.span.open ? last.voice : undefined;
      previous = voices[voices.length - 1] ?? previous;
      return voices;
    },
  };
}

/** Whether the sentences a quotation spans hold nothing but it: no cue that failed, no other words of the source. */
function bareQuotation(text: string, sentences: readonly SentenceSpan[], span: QuoteSpan): boolean {
  const spanned = sentences.filter((s) => s.start < span.end && span.start < s.start + s.text.length);
  const from = Math.min(span.start, ...spanned.map((s) => s.start));
  const to = Math.max(span.end, ...spanned.map((s) => s.start + s.text.length));
  return /^[\s.,;:!?—–-]*$/u.test(text.slice(from, span.start) + text.slice(span.end, to));
}

/** Text with its quotations blanked: what the source says in its own words. */
function blankQuotes(text: string): string {
  return text.replace(/“[^”]*”?|"[^"]*"?/g, (q) => ' '.repeat(q.length));
}

/** A short quotation that a speech cue follows: “It’s unusual,” said Larry Noble. (Not a scare-quoted phrase.) */
function spokenShort(text: string, span: QuoteSpan): boolean {
  if (span.words === 0 || !/[,!?]\s*[”"“]$/.test(text.slice(span.start, span.end))) return false;
  const rest = text.slice(span.end);
  const next = rest.search(/[“”"]/);
  return cueAfter(next < 0 ? rest : rest.slice(0, next)) !== null;
}

/** The words of a sentence outside its quotations: what the source itself says, where its names count. */
function outsideQuotes(sentence: SentenceSpan, quotations: readonly Quotation[]): string {
  let out = sentence.text;
  for (const q of [...quotations].reverse()) {
    const from = Math.max(q.span.start, sentence.start) - sentence.start;
    const to = Math.min(q.span.end, sentence.start + sentence.text.length) - sentence.start;
    if (to > from) out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
}
