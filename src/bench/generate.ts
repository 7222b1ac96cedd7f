/**
 * Deterministic synthetic corpora for the benchmark: N passages re-combined from the seed sentences, K planted
 * target passages with a phrase found nowhere else in the corpus, and a labelled query set that must find them.
 */
import { createHash } from 'node:crypto';
import { BodyParagraph, BodyPassage, textDigest } from '../corpus/stored.ts';
import type { Corpus, Paragraph, Passage, Person, Source, Voice } from '../corpus/types.ts';
import { ownVoiceOf } from '../corpus/voice.ts';
import { createRng, deriveSeed, type Rng } from './rng.ts';
import {
  findAmbiguousAnchors,
  makeQueries,
  normalizeWords,
  pickAnchor,
  type LabelledQuery,
  type PlantedTarget,
} from './queries.ts';
import type { SeedMaterial } from './seeds.ts';

export interface GenerateOptions {
  /** Number of passages in the corpus (targets included). */
  readonly passages: number;
  /** Number of planted targets; each gets one query of every kind. */
  readonly targets: number;
  readonly seed: number;
  /** Pseudo-words added to the seed vocabulary so word frequencies have a long tail (default 20,000). */
  readonly extraVocabulary?: number;
  /** Corpus root recorded in the Corpus object. */
  readonly root?: string;
}

export interface SyntheticCorpus {
  readonly corpus: Corpus;
  readonly targets: readonly PlantedTarget[];
  /** Ordered target by target: typo, partial, reordered; so any prefix of the list is balanced across kinds. */
  readonly queries: readonly LabelledQuery[];
}

/** Share of lower-case words replaced by a vocabulary word when re-combining a sentence. */
const SUBSTITUTION_RATE = 0.15;
const MIN_WORDS = 8;
const MAX_WORDS = 36;
/** Builds pseudo-words by splicing the head of one seed word onto the tail of another ("partner" + "nomic"). */
function buildVocabulary(material: SeedMaterial, extra: number, rng: Rng): string[] {
  const base = material.vocabulary;
  const words = new Set(base);
  const target = base.length + extra;
  let attempts = 0;
  while (words.size < target && attempts < extra * 20) {
    attempts++;
    const a = rng.pick(base);
    const b = rng.pick(base);
    const word = a.slice(0, rng.int(2, Math.max(2, a.length - 1))) + b.slice(rng.int(1, Math.max(1, b.length - 2)));
    if (word.length >= 4 && word.length <= 14) words.add(word);
  }
  return [...words];
}

/** Draws a vocabulary word with a long-tailed (log-uniform) rank distribution, like real text. */
function drawWord(vocab: readonly string[], rng: Rng): string {
  const rank = Math.floor(Math.exp(rng.next() * Math.log(vocab.length)));
  return vocab[Math.min(vocab.length - 1, rank)] as string;
}

function capitalize(word: string): string {
  return word.length === 0 ? word : (word[0] as string).toUpperCase() + word.slice(1);
}

/** Splices the head of one seed sentence onto the tail of another and swaps some words: one new sentence. */
function composeSentence(material: SeedMaterial, vocab: readonly string[], rng: Rng): string {
  const sentences = material.sentenceWords;
  for (;;) {
    const a = rng.pick(sentences);
    const b = rng.pick(sentences);
    const head = a.slice(0, rng.int(2, Math.max(2, a.length - 2)));
    const tail = b.slice(rng.int(1, Math.max(1, b.length - 3)));
    const words = head.concat(tail);
    if (words.length < MIN_WORDS || words.length > MAX_WORDS) continue;
    const out = words.map((w) => (/^[a-z]+$/.test(w) && rng.chance(SUBSTITUTION_RATE) ? drawWord(vocab, rng) : w));
    out[0] = capitalize(out[0] as string);
    let text = out.join(' ');
    if (!/[.!?]["”’)]?$/.test(text)) text = text.replace(/[,;:]$/, '') + '.';
    return text;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Synthetic people so some passages carry a person's voice, as quoted sentences do in the real corpus. */
export const BENCH_PEOPLE: readonly Person[] = Array.from({ length: 8 }, (_, i) => ({
  id: `bench-speaker-${i + 1}`,
  name: `Bench Speaker ${i + 1}`,
  role: 'synthetic speaker',
  aliases: [],
}));

/**
 * Generates the sentence texts of a corpus (targets planted at seeded positions) with their anchors; the shared
 * first step of the in-memory corpus and of the on-disk corpus writer.
 */
export function generateTexts(
  material: SeedMaterial,
  options: GenerateOptions,
): {
  texts: string[];
  targetIndices: number[];
  anchors: string[][];
} {
  const { passages, seed } = options;
  const targets = Math.min(options.targets, passages);
  const vocab = buildVocabulary(material, options.extraVocabulary ?? 20_000, createRng(deriveSeed(seed, 'vocab')));
  const textRng = createRng(deriveSeed(seed, 'texts'));
  const texts: string[] = Array.from({ length: passages }, () => composeSentence(material, vocab, textRng));

  const placeRng = createRng(deriveSeed(seed, 'targets'));
  const targetIndices = placeRng.shuffled(Array.from({ length: passages }, (_, i) => i)).slice(0, targets);
  targetIndices.sort((x, y) => x - y);

  // Each target needs a phrase no other passage has, or its label would be a coin toss between twins.
  const anchorRng = createRng(deriveSeed(seed, 'anchors'));
  const anchors: string[][] = targetIndices.map((i) => {
    for (;;) {
      const text = texts[i] as string;
      const anchor = pickAnchor(text, anchorRng);
      if (anchor) return anchor;
      texts[i] = composeSentence(material, vocab, anchorRng);
    }
  });
  const words = texts.map(normalizeWords);
  // After a full first scan, only re-drawn anchors need a full scan, and only re-drawn texts can newly
  // contain some other target's anchor.
  let ambiguous = findAmbiguousAnchors(words, anchors, targetIndices, null, null);
  for (let round = 0; ambiguous.size > 0; round++) {
    if (round === 50) throw new Error('could not make every planted target unique');
    const redrawnTexts: number[] = [];
    for (const k of ambiguous) {
      const idx = targetIndices[k] as number;
      let anchor = round < 3 ? pickAnchor(texts[idx] as string, anchorRng) : null;
      while (!anchor) {
        texts[idx] = composeSentence(material, vocab, anchorRng);
        anchor = pickAnchor(texts[idx] as string, anchorRng);
        redrawnTexts.push(idx);
      }
      anchors[k] = anchor;
      words[idx] = normalizeWords(texts[idx] as string);
    }
    const redrawn = new Set(ambiguous);
    ambiguous = findAmbiguousAnchors(words, anchors, targetIndices, redrawn, null);
    for (const k of findAmbiguousAnchors(words, anchors, targetIndices, null, redrawnTexts)) ambiguous.add(k);
  }
  return { texts, targetIndices, anchors };
}

/** Groups sentences into paragraphs (3–5 sentences) and sources (6–14 paragraphs), deterministically. */
export function layoutSources(count: number, rng: Rng): number[][][] {
  const sources: number[][][] = [];
  let next = 0;
  while (next < count) {
    const paragraphs: number[][] = [];
    const paragraphCount = rng.int(6, 14);
    for (let p = 0; p < paragraphCount && next < count; p++) {
      const size = Math.min(rng.int(3, 5), count - next);
      paragraphs.push(Array.from({ length: size }, (_, k) => next + k));
      next += size;
    }
    sources.push(paragraphs);
  }
  return sources;
}

/** The metadata of synthetic source number `s + 1`: descriptive title, no author, no link. */
function sourceRecord(id: string, s: number, publication: string, body: string, paragraphs: Paragraph[]): Source {
  return {
    id,
    title: `Synthetic source ${s + 1}`,
    titleIsDescriptive: true,
    publication,
    author: null,
    date: '2015',
    dateInferred: false,
    url: null,
    urlVerified: false,
    kind: 'article',
    credit: null,
    licence: null,
    notes: 'Generated by the benchmark from the seed texts.',
    file: `sources/${id}.md`,
    body,
    paragraphs,
    hash: sha256(body),
  };
}

/**
 * A source's body laid out as the loader lays out a file (stored.ts): passages and paragraphs are positions in the
 * body, not strings of their own. Plain objects holding copies took most of the heap at 1M passages, which is not
 * what a loaded corpus costs.
 */
function layOutBody(paragraphIndices: readonly (readonly number[])[], texts: readonly string[]) {
  const spans: { passageIndex: number; p: number; k: number; start: number; end: number }[] = [];
  const paragraphSpans: { start: number; end: number }[] = [];
  const parts: string[] = [];
  let length = 0;
  paragraphIndices.forEach((sentenceIndices, p) => {
    if (p > 0) {
      parts.push('\n\n');
      length += 2;
    }
    const paragraphStart = length;
    sentenceIndices.forEach((passageIndex, k) => {
      if (k > 0) {
        parts.push(' ');
        length += 1;
      }
      const text = texts[passageIndex] as string;
      spans.push({ passageIndex, p, k, start: length, end: length + text.length });
      parts.push(text);
      length += text.length;
    });
    paragraphSpans.push({ start: paragraphStart, end: length });
  });
  return { body: parts.join(''), spans, paragraphSpans };
}

/**
 * One synthetic source: its paragraphs of sentences from `texts`, each sentence's passage written into
 * `passages` at its index, a fifth of them in a bench speaker's voice.
 */
function buildSource(
  s: number,
  paragraphIndices: readonly (readonly number[])[],
  texts: readonly string[],
  passages: Passage[],
  voiceRng: Rng,
): Source {
  const id = `bench-source-${String(s + 1).padStart(5, '0')}`;
  const publication = `Bench Review ${(s % 7) + 1}`;
  const ownVoice: Voice = ownVoiceOf({ author: null, publication, kind: 'article' });
  const { body, spans, paragraphSpans } = layOutBody(paragraphIndices, texts);
  const paragraphs: Paragraph[] = paragraphSpans.map(
    ({ start, end }, p) => new BodyParagraph(body, start, end, p, null),
  );
  /** Occurrences of each sentence digest in this source, as the loader counts them for repeated sentences. */
  const seen = new Map<number, number>();
  for (const { passageIndex, p, k, start, end } of spans) {
    const digest = textDigest(body, start, end);
    const occurrence = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, occurrence);
    const person = voiceRng.chance(0.2) ? voiceRng.pick(BENCH_PEOPLE) : null;
    const voice: Voice = person
      ? { personId: person.id, name: person.name, role: person.role, basis: 'reported' }
      : ownVoice;
    // The loader's own class and id formula, so `id:` lookups (autocomplete choices, buttons) resolve here too.
    passages[passageIndex] = new BodyPassage(body, id, p, k, start, end, voice, occurrence);
  }
  return sourceRecord(id, s, publication, body, paragraphs);
}

/** Builds a whole in-memory `Corpus` of `options.passages` passages with planted targets and labelled queries. */
export function generateCorpus(material: SeedMaterial, options: GenerateOptions): SyntheticCorpus {
  const { texts, targetIndices, anchors } = generateTexts(material, options);
  const layout = layoutSources(texts.length, createRng(deriveSeed(options.seed, 'layout')));
  const voiceRng = createRng(deriveSeed(options.seed, 'voices'));
  const passages: Passage[] = new Array<Passage>(texts.length);
  const sources = layout.map((paragraphIndices, s) => buildSource(s, paragraphIndices, texts, passages, voiceRng));

  const targets: PlantedTarget[] = targetIndices.map((i, k) => {
    const passage = passages[i] as Passage;
    return { passageId: passage.id, text: passage.text, anchor: anchors[k] as string[] };
  });
  const queryRng = createRng(deriveSeed(options.seed, 'queries'));
  const queries = targets.flatMap((t, k) => makeQueries(t, k, queryRng));

  return {
    corpus: {
      root: options.root ?? `synthetic:${options.passages}:${options.seed}`,
      sources,
      people: BENCH_PEOPLE,
      passages,
      hash: sha256(sources.map((s) => s.hash).join('\n')),
      loadedAt: new Date(0),
    },
    targets,
    queries,
  };
}
