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
import { splitSentences, type SentenceSpan } from '../segment.ts';
import { cueAfter, cueBefore, cuesBefore, cueInSentence, signatureAfter, signatureLine, type Subject } from './cues.ts';
import { SourcePeople, type Speaker } from './people.ts';
import { findMentions, type NameMatcher } from './registry-names.ts';
import {
  bareQuotation, blankQuotes, findQuoteSpans, isQuotedName, mainQuotation, MIN_QUOTE_WORDS, namesSomeoneElse, outsideQuotes, spokenShort,
  type Quotation,
} from './quotes.ts';
import { CONTINUATIONS, findRegisteredSpeaker, GROUP, pronounSpeaker } from './reported.ts';

export { buildNameMatchers, findMentions, type NameMatcher, type PersonMention } from './registry-names.ts';

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
  /** `next` is the paragraph after this one (for a signature line, "- Bernie Sanders."), '' at the end. */
  paragraph(text: string, sentences: readonly SentenceSpan[], next?: string): Voice[];
}

/** The speaker of one quotation, and the rule that found them. */
type Found = { voice: Voice; speaker: Speaker | null };

export function createSourceAttributor(
  ctx: AttributionContext,
  matcher: NameMatcher,
  overrideFor: (sentence: string) => OverrideVoice | null = () => null,
): SourceAttributor {
  return new Attributor(ctx, matcher, overrideFor);
}

/** Where a quotation stands in its paragraph: its sentences' bounds and the quotations around it. */
interface Placement {
  readonly text: string;
  readonly index: number;
  readonly quotations: readonly Quotation[];
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

/** The attribution state of one source, carried from paragraph to paragraph. */
class Attributor implements SourceAttributor {
  private readonly people: SourcePeople;
  /** The voice of a quotation still open at the end of the last paragraph. */
  private openQuotation: Voice | null | undefined;
  /** A reported argument that connective sentences carry on. */
  private block: Voice | null = null;
  private previous: Voice | null = null;
  /** The cue of a paragraph that ends in a colon ("Kerry said:"), for the quotation the next one opens with. */
  private introduced: Subject | null = null;

  constructor(
    private readonly ctx: AttributionContext,
    private readonly matcher: NameMatcher,
    private readonly overrideFor: (sentence: string) => OverrideVoice | null,
  ) {
    this.people = new SourcePeople(matcher);
  }

  paragraph(text: string, sentences: readonly SentenceSpan[], next = ''): Voice[] {
    this.cues.clear();
    const quotations = this.quotationsOf(text);
    for (const sentence of sentences) {
      this.attributeQuotations(text, sentences, quotations, sentence.start + sentence.text.length, next);
      const own = outsideQuotes(sentence, quotations).trim();
      this.people.noteSubject(own);
      if (own === sentence.text.trim()) this.noteReportedSpeaker(own);
      this.people.noteMentions(own);
    }
    const voices: Voice[] = [];
    for (const sentence of sentences) voices.push(this.sentenceVoice(text, sentences, sentence, quotations, voices));
    this.endParagraph(sentences, quotations, voices);
    return voices;
  }

  /**
   * "Canova said he has not held fundraising dinners. ¶ “What the grassroots has done …,” he said.": a person named
   * as the speaker of reported speech spoke last, for the "he said" that follows, as much as one quoted directly.
   */
  private noteReportedSpeaker(sentence: string): void {
    const cue = this.cueIn(sentence);
    if (cue?.kind !== 'name' || !this.people.looksLikePerson(cue.run)) return;
    const speaker = this.people.resolve(cue.run, cue.apposition, cue.before);
    if (speaker) this.people.mention(speaker, true);
  }

  /** The reported-speech cue of each sentence of the paragraph being read: both passes over it ask. */
  private readonly cues = new Map<string, Subject | null>();

  private cueIn(sentence: string): Subject | null {
    let cue = this.cues.get(sentence);
    if (cue === undefined) this.cues.set(sentence, (cue = cueInSentence(sentence)));
    return cue;
  }

  /** The quotations of a paragraph: someone's words, not scare quotes or a quoted name in the source's sentence. */
  private quotationsOf(text: string): Quotation[] {
    return (
      findQuoteSpans(text, this.openQuotation !== undefined)
        .filter((s) => s.words >= MIN_QUOTE_WORDS || s.continued || s.open || spokenShort(text, s))
        // A quoted name inside the source's own sentence ("China’s ambitious “New Silk Road economic corridor”").
        .filter(
          (s) =>
            s.continued ||
            s.open ||
            !(isQuotedName(text.slice(s.start, s.end)) && /\p{Ll}[\p{L}’']*\s+$/u.test(text.slice(0, s.start))),
        )
        .map((span) => ({ span, voice: null, done: false }))
    );
  }

  /** The voice of one sentence: an override, the quotation it holds, reported speech, or the source's own. */
  private sentenceVoice(
    text: string,
    sentences: readonly SentenceSpan[],
    sentence: SentenceSpan,
    quotations: readonly Quotation[],
    voices: readonly Voice[],
  ): Voice {
    const forced = this.overrideFor(sentence.text);
    if (forced) return this.forcedVoice(forced, voices);
    const best = mainQuotation(text, sentence, quotations);
    if (!best) {
      const reported = this.reportedVoice(sentence.text);
      if (reported) return reported;
      this.block = null;
      return { ...this.ctx.ownVoice, rule: 'own' };
    }
    // A bare quotation, no words of the source's around it, carries on the named person just before it.
    if (!best.voice && bareQuotation(text, sentences, best.span)) best.voice = this.speakerBefore(voices);
    if (best.voice && best.voice.personId !== null) this.block = { ...best.voice, basis: 'reported', rule: 'continuation' };
    return best.voice ?? this.unattributed();
  }

  private endParagraph(sentences: readonly SentenceSpan[], quotations: readonly Quotation[], voices: readonly Voice[]): void {
    const lastSentence = sentences[sentences.length - 1];
    const quotedToTheEnd = quotations.some((q) => q.span.end > (lastSentence?.start ?? 0));
    this.introduced = /:\s*$/.test(lastSentence?.text ?? '') && !quotedToTheEnd ? cueBefore(lastSentence?.text ?? '') : null;
    const last = quotations[quotations.length - 1];
    this.openQuotation = last?.span.open ? last.voice : undefined;
    this.previous = voices[voices.length - 1] ?? this.previous;
  }

  private personVoice(speaker: Speaker, basis: Voice['basis'], rule: AttributionRule): Voice {
    return { personId: speaker.personId, name: speaker.name, role: speaker.role, basis, rule };
  }

  private unattributed(): Voice {
    const role = `unattributed quotation, as reported by ${this.ctx.reporter}`;
    return { personId: null, name: 'Speaker unknown', role, basis: 'unattributed', rule: 'unattributed' };
  }

  private groupVoice(text: string, basis: Voice['basis']): Voice {
    const name = text.replace(/^the\s+/i, '');
    const capitalised = (name[0]?.toUpperCase() ?? '') + name.slice(1);
    return { personId: null, name: capitalised, role: `as reported by ${this.ctx.reporter}`, basis, rule: 'group' };
  }

  private speakerOf(subject: Subject | null, basis: Voice['basis'], pending = ''): Found | null {
    if (!subject) return null;
    if (subject.kind === 'group') return { voice: this.groupVoice(subject.text, basis), speaker: null };
    if (subject.kind === 'name' && subject.strict && !this.people.looksLikePerson(subject.run)) return null;
    const speaker =
      subject.kind === 'pronoun'
        ? this.people.resolvePronoun(subject.gender, pending)
        : this.people.resolve(subject.run, subject.apposition, subject.before);
    if (!speaker) return null;
    return { voice: this.personVoice(speaker, basis, subject.rule), speaker };
  }

  private firstSpeaker(subjects: readonly Subject[], pending: string): Found | null {
    for (const subject of subjects) {
      const found = this.speakerOf(subject, 'direct-quote', pending);
      if (found) return found;
    }
    return null;
  }

  /** Finds the speaker of each quotation of a paragraph that starts before `upTo`, in text order. */
  private attributeQuotations(
    text: string,
    sentences: readonly SentenceSpan[],
    quotations: Quotation[],
    upTo: number,
    next: string,
  ): void {
    const sentenceAt = (offset: number): SentenceSpan | undefined =>
      sentences.find((s) => s.start <= offset && offset < s.start + s.text.length) ?? sentences[sentences.length - 1];
    quotations.forEach((q, index) => {
      if (q.done || q.span.start >= upTo) return;
      q.done = true;
      const first = sentenceAt(q.span.start);
      const last = sentenceAt(Math.max(q.span.start, q.span.end - 1));
      const sentenceStart = Math.max(first?.start ?? 0, 0);
      const sentenceEnd = last ? last.start + last.text.length : text.length;
      const placement: Placement = { text, index, quotations, sentenceStart, sentenceEnd };
      const found = this.cueSpeaker(q, placement) ?? this.signedBelow(q, placement, next) ?? this.namedBelow(q, next);
      if (found?.speaker) this.people.mention(found.speaker, true);
      q.voice = found?.voice ?? this.carriedVoice(q, placement);
    });
  }

  /** The speaker a cue around the quotation names: a registered name, the words after it, or before it. */
  private cueSpeaker(q: Quotation, { text, index, quotations, sentenceStart, sentenceEnd }: Placement): Found | null {
    const prevEnd = quotations[index - 1]?.span.end ?? 0;
    const nextStart = quotations[index + 1]?.span.start ?? text.length;
    const after = text.slice(q.span.end, Math.max(q.span.end, Math.min(sentenceEnd, nextStart)));
    const before = text.slice(Math.max(sentenceStart, prevEnd), q.span.start);
    const prefix = text.slice(sentenceStart, q.span.start);
    const ownWords = blankQuotes(prefix);
    const sentence = text.slice(sentenceStart, sentenceEnd);
    return (
      this.registeredIn(sentence, q.span.start - sentenceStart, q.span.end - sentenceStart) ??
      this.speakerOf(cueAfter(after), 'direct-quote', ownWords) ??
      this.firstSpeaker(cuesBefore(before, prefix), ownWords) ??
      this.speakerOf(signatureAfter(text.slice(q.span.end, nextStart)), 'direct-quote')
    );
  }

  /**
   * "“[Americans are] worried about the future of their kids …” ¶ - Bernie Sanders.": a quotation that ends its
   * paragraph, signed by the paragraph after it (the fact-check and epigraph layout).
   */
  private signedBelow(q: Quotation, { text, index, quotations }: Placement, next: string): Found | null {
    if (index !== quotations.length - 1 || !/^[\s.,;:!?]*$/u.test(text.slice(q.span.end))) return null;
    return this.speakerOf(signatureLine(next), 'direct-quote');
  }

  /**
   * "“… if you’re an African-American. ¶ “I have been doing a lot of thinking …,” added Rep. Jim Clyburn.": a
   * quotation still open at the end of its paragraph goes on in the next, so a name the next one's first
   * quotation is credited to after it is the speaker of both.
   */
  private namedBelow(q: Quotation, next: string): Found | null {
    if (!q.span.open || !/^\s*[“"]/.test(next)) return null;
    const [first] = findQuoteSpans(next, true);
    if (!first || first.open) return null;
    const sentence = splitSentences(next).find((s) => s.start + s.text.length >= first.end);
    const end = sentence ? sentence.start + sentence.text.length : next.length;
    const rest = next.slice(first.end, end);
    const nextQuote = rest.search(/[“"]/);
    const cue = cueAfter(nextQuote < 0 ? rest : rest.slice(0, nextQuote));
    return cue?.kind === 'name' ? this.speakerOf(cue, 'direct-quote') : null;
  }

  /** A quotation with no cue of its own: a colon introduction, a continued or a follow-on quotation, else none. */
  private carriedVoice(q: Quotation, { text, index, quotations }: Placement): Voice | null {
    if (index === 0 && this.introduced && text.slice(0, q.span.start).trim() === '') {
      const intro = this.speakerOf(this.introduced, 'direct-quote');
      if (intro) return { ...intro.voice, rule: 'colon' };
    }
    if (q.span.continued && this.openQuotation) return { ...this.openQuotation, rule: 'continuation' };
    const earlier = quotations[index - 1];
    const between = text.slice(earlier?.span.end ?? 0, q.span.start);
    if (earlier?.voice && earlier.voice.basis !== 'unattributed' && !namesSomeoneElse(between, earlier.voice.name)) {
      return { ...earlier.voice, rule: 'continuation' };
    }
    return null;
  }

  /** The registered person a cue names in the sentence's own words (quotations blanked out), as written there. */
  private registeredIn(sentence: string, from: number, to: number): Found | null {
    const outside =
      sentence.slice(0, Math.max(0, from)) + ' '.repeat(Math.max(0, to - from)) + sentence.slice(Math.max(0, to));
    const cue = findRegisteredSpeaker(outside, findMentions(outside, this.matcher));
    if (!cue) return null;
    const speaker = this.people.resolve(outside.slice(cue.mention.index, cue.mention.index + cue.mention.length));
    if (!speaker) return null;
    return { voice: this.personVoice(speaker, 'direct-quote', cue.rule === 'passive' ? 'passive' : cue.rule), speaker };
  }

  /** Reported speech in a sentence without a quotation: a registered name, a pronoun, a cue, a group, a connective. */
  private reportedVoice(sentence: string): Voice | null {
    const registered = findRegisteredSpeaker(sentence, findMentions(sentence, this.matcher));
    if (registered) {
      const { index, length } = registered.mention;
      const speaker = this.people.resolve(sentence.slice(index, index + length));
      if (speaker) {
        const voice = this.personVoice(speaker, 'reported', registered.rule === 'passive' ? 'passive' : registered.rule);
        this.block = registered.opensBlock ? voice : null;
        return voice;
      }
    }
    const pronoun = pronounSpeaker(sentence);
    if (pronoun) {
      // "According to Yan, … He first argues …": inside a reported argument, the pronoun is the one arguing.
      if (this.block && this.block.basis === 'reported' && this.block.rule !== 'group') {
        return (this.block = { ...this.block, rule: 'pronoun' });
      }
      const speaker = this.people.resolvePronoun(pronoun === 'He' ? 'm' : 'f');
      if (speaker) return (this.block = this.personVoice(speaker, 'reported', 'pronoun'));
    }
    const cue = this.cueIn(sentence);
    const found = cue && cue.kind === 'name' ? this.speakerOf(cue, 'reported') : null;
    if (found) return (this.block = found.voice);
    const group = GROUP.exec(sentence);
    if (group?.[1]) return (this.block = this.groupVoice(group[1], 'reported'));
    if (this.block && CONTINUATIONS.test(sentence)) return { ...this.block, rule: 'continuation' };
    return null;
  }

  /**
   * The speaker of the sentence just before (in this paragraph, or the last of the paragraph before), when that
   * sentence is a named person's words: "Carter said that the U.S. would stay. ¶ “That’s because this region …”".
   */
  private speakerBefore(voices: readonly Voice[]): Voice | null {
    const before = voices.length > 0 ? voices[voices.length - 1] : this.previous;
    if (!before || (before.basis !== 'reported' && before.basis !== 'direct-quote')) return null;
    if (before.rule === 'group' || before.rule === 'unattributed') return null;
    return { ...before, basis: 'direct-quote', rule: 'continuation' };
  }

  private forcedVoice(forced: OverrideVoice, voices: readonly Voice[]): Voice {
    if (forced === 'own') {
      this.block = null;
      return { ...this.ctx.ownVoice, basis: 'override', rule: 'override' };
    }
    if (forced === 'previous') {
      const before = voices[voices.length - 1] ?? this.previous ?? this.ctx.ownVoice;
      if (before.personId !== null || before.basis === 'reported') this.block = { ...before, basis: 'reported' };
      return { ...before, basis: 'override', rule: 'override' };
    }
    const voice: Voice = { personId: forced.id, name: forced.name, role: forced.role, basis: 'override', rule: 'override' };
    this.block = { ...voice, basis: 'reported' };
    return voice;
  }
}
