/**
 * Deterministic synthetic corpora for the benchmark: N passages re-combined from the seed sentences, K planted
 * target passages with a phrase found nowhere else in the corpus, and a labelled query set that must find them.
 */
import { createHash } from 'node:crypto';
import { BodyParagraph, BodyPassage, textDigest } from '../corpus/stored.ts';
import type { Corpus, Paragraph, Passage, Person, Source, Voice } from '../corpus/types.ts';
import { ownVoiceOf } from '../corpus/voice.ts';
import { createRng, deriveSeed, type Rng } from './rng.ts';
import type { SeedMaterial } from './seeds.ts';

export type QueryKind = 'typo' | 'partial' | 'reordered';

export interface LabelledQuery {
  readonly id: string;
  readonly kind: QueryKind;
  /** What the user types. */
  readonly text: string;
  /** The passage this query must find. */
  readonly targetId: string;
  /** The exact target words the query was derived from (lower-cased, punctuation stripped). */
  readonly anchor: readonly string[];
}

export interface PlantedTarget {
  readonly passageId: string;
  readonly text: string;
  /** A run of the target's words that occurs in no other passage (normalised). */
  readonly anchor: readonly string[];
}

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
const ANCHOR_MIN = 4;
const ANCHOR_MAX = 6;
/** A word long enough to carry a typo and to mean something in a query. */
const CONTENT_WORD = /^[a-z0-9]{4,}$/;
/** A typed word: letters and digits, with inner apostrophes ("china's"). */
const WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;

/** Lower-cases and strips punctuation, the way people type a half-remembered phrase. */
export function normalizeWords(text: string): string[] {
  const lower = text.toLowerCase();
  return (lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower).match(WORD) ?? [];
}

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

/** Picks a run of ANCHOR_MIN..ANCHOR_MAX normalised words holding at least three content words, or null. */
function pickAnchor(text: string, rng: Rng): string[] | null {
  const words = normalizeWords(text);
  for (let attempt = 0; attempt < 12; attempt++) {
    const len = rng.int(ANCHOR_MIN, ANCHOR_MAX);
    if (words.length < len) return null;
    const start = rng.int(0, words.length - len);
    const run = words.slice(start, start + len);
    if (run.filter((w) => CONTENT_WORD.test(w)).length >= 3) return run;
  }
  return null;
}

/**
 * Indices of anchors that also occur (as a contiguous normalised run) in a passage other than their own.
 * `anchorSubset` limits which anchors are looked for, `passageSubset` which passages are scanned.
 */
function findAmbiguousAnchors(
  words: readonly (readonly string[])[],
  anchors: readonly (readonly string[])[],
  owners: readonly number[],
  anchorSubset: ReadonlySet<number> | null,
  passageSubset: readonly number[] | null,
): Set<number> {
  const byFirst = new Map<string, number[]>();
  anchors.forEach((a, i) => {
    if (anchorSubset && !anchorSubset.has(i)) return;
    const first = a[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(i);
    else byFirst.set(first, [i]);
  });
  const ambiguous = new Set<number>();
  const scan = (passageWords: readonly string[], passageIndex: number): void => {
    for (let p = 0; p < passageWords.length; p++) {
      const candidates = byFirst.get(passageWords[p] as string);
      if (!candidates) continue;
      for (const i of candidates) {
        if (owners[i] === passageIndex) continue;
        const anchor = anchors[i] as readonly string[];
        if (p + anchor.length > passageWords.length) continue;
        let same = true;
        for (let k = 1; k < anchor.length && same; k++) same = passageWords[p + k] === anchor[k];
        if (same) ambiguous.add(i);
      }
    }
  };
  if (passageSubset) for (const i of passageSubset) scan(words[i] as string[], i);
  else words.forEach(scan);
  return ambiguous;
}

/** Applies one random edit (substitute, delete, insert, transpose) that really changes the word. */
export function misspell(word: string, rng: Rng): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (;;) {
    const i = rng.int(0, word.length - 1);
    const op = rng.int(0, 3);
    let out: string;
    if (op === 0) out = word.slice(0, i) + rng.pick([...letters]) + word.slice(i + 1);
    else if (op === 1) out = word.slice(0, i) + word.slice(i + 1);
    else if (op === 2) out = word.slice(0, i) + rng.pick([...letters]) + word.slice(i);
    else out = i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
    if (out !== word && out.length >= 3) return out;
  }
}

/** The three labelled queries for one target: 1–2 typos in 1–2 words, the plain phrase, and the words reordered. */
function makeQueries(target: PlantedTarget, index: number, rng: Rng): LabelledQuery[] {
  const anchor = target.anchor;
  const contentPositions = anchor.flatMap((w, i) => (CONTENT_WORD.test(w) ? [i] : []));
  const typoWords = anchor.slice();
  // One or two misspelt words; a single misspelt word gets one or two edits, two words get one each.
  const chosen = rng.shuffled(contentPositions).slice(0, rng.int(1, 2));
  const editsPerWord = chosen.length === 1 ? rng.int(1, 2) : 1;
  for (const pos of chosen) {
    const original = anchor[pos] as string;
    let w = original;
    for (let e = 0; e < editsPerWord; e++) w = misspell(w, rng);
    while (w === original) w = misspell(w, rng);
    typoWords[pos] = w;
  }

  let reordered = rng.shuffled(anchor);
  for (let tries = 0; tries < 8 && reordered.join(' ') === anchor.join(' '); tries++) reordered = rng.shuffled(anchor);

  const base = `q${String(index).padStart(4, '0')}`;
  return [
    { id: `${base}-typo`, kind: 'typo', text: typoWords.join(' '), targetId: target.passageId, anchor },
    { id: `${base}-partial`, kind: 'partial', text: anchor.join(' '), targetId: target.passageId, anchor },
    { id: `${base}-reordered`, kind: 'reordered', text: reordered.join(' '), targetId: target.passageId, anchor },
  ];
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

/** Builds a whole in-memory `Corpus` of `options.passages` passages with planted targets and labelled queries. */
export function generateCorpus(material: SeedMaterial, options: GenerateOptions): SyntheticCorpus {
  const { texts, targetIndices, anchors } = generateTexts(material, options);
  const layout = layoutSources(texts.length, createRng(deriveSeed(options.seed, 'layout')));
  const voiceRng = createRng(deriveSeed(options.seed, 'voices'));

  const sources: Source[] = [];
  const passages: Passage[] = new Array<Passage>(texts.length);
  layout.forEach((paragraphIndices, s) => {
    const id = `bench-source-${String(s + 1).padStart(5, '0')}`;
    const publication = `Bench Review ${(s % 7) + 1}`;
    const ownVoice: Voice = ownVoiceOf({ author: null, publication, kind: 'article' });
    // Laid out as the loader lays out a file (stored.ts): passages and paragraphs are positions in the body, not
    // strings of their own. Plain objects holding copies took most of the heap at 1M passages, which is not what
    // a loaded corpus costs.
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
    const body = parts.join('');
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
    sources.push({
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
    });
  });

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

/**
 * Autocomplete inputs "as typed": prefixes of each query, with `perQuery` lengths sampled from every length
 * of three characters up to the whole query.
 */
export function samplePrefixes(
  queries: readonly LabelledQuery[],
  perQuery: number,
  seed: number,
): { queryId: string; prefix: string }[] {
  const rng = createRng(deriveSeed(seed, 'prefixes'));
  return queries.flatMap((q) => {
    const lengths = Array.from({ length: Math.max(0, q.text.length - 2) }, (_, i) => i + 3);
    return rng
      .shuffled(lengths)
      .slice(0, perQuery)
      .sort((x, y) => x - y)
      .map((len) => ({ queryId: q.id, prefix: q.text.slice(0, len) }));
  });
}

/**
 * Labelled queries (typo, partial, reordered) for passages of an existing corpus, e.g. the real seed corpus:
 * picks up to `count` passages that have a phrase no other passage shares, and derives queries from it.
 */
export function labelExistingPassages(
  passages: readonly { readonly id: string; readonly text: string }[],
  count: number,
  seed: number,
): LabelledQuery[] {
  const rng = createRng(deriveSeed(seed, 'existing'));
  const words = passages.map((p) => normalizeWords(p.text));
  const order = rng.shuffled(passages.map((_, i) => i));
  const owners: number[] = [];
  const anchors: string[][] = [];
  for (const i of order) {
    const anchor = pickAnchor((passages[i] as { text: string }).text, rng);
    if (!anchor) continue;
    owners.push(i);
    anchors.push(anchor);
  }
  const ambiguous = findAmbiguousAnchors(words, anchors, owners, null, null);
  const targets: PlantedTarget[] = [];
  anchors.forEach((anchor, k) => {
    if (ambiguous.has(k) || targets.length >= count) return;
    const passage = passages[owners[k] as number] as { id: string; text: string };
    targets.push({ passageId: passage.id, text: passage.text, anchor });
  });
  return targets.flatMap((t, k) => makeQueries(t, k, rng));
}
