/**
 * Everything derived from a corpus that search needs: the term and pair indexes, each passage's facets
 * and source, and each source's passages in order. Generators, so that `QuoteIndex.build` can run them
 * straight through and `buildAsync` can hand the event loop back between steps.
 */
import type { Corpus, Passage, Person, Source } from '../corpus/types.ts';
import { foldForSearch, tokenizeFolded } from '../text/fold.ts';
import { facetWords, FacetList, type Facet } from './facets.ts';
import { frequentAbove, SEARCH_OPTIONS as O } from './options.ts';
import { PairIndex, PairIndexBuilder } from './pair-index.ts';
import type { TermIndex } from './term-index.ts';
import { TermIndexBuilder } from './term-index-builder.ts';

/** Work between two yields (powers of two minus one, used as bit masks): each step is a few microseconds. */
const PASSAGES_PER_YIELD_MASK = 31;
const ORDERING_PER_YIELD_MASK = 4095;
const SOURCES_PER_YIELD_MASK = 63;

export interface Parts {
  readonly terms: TermIndex;
  readonly pairs: PairIndex;
  readonly voices: Facet[];
  readonly publications: Facet[];
  /** Words of each voice's name and aliases → the voices (see `facetWords`). */
  readonly voiceWords: ReadonlyMap<string, number[]>;
  /** Words of each publication's name → the publications. */
  readonly publicationWords: ReadonlyMap<string, number[]>;
  /** Passage index → its voice facet. */
  readonly passageVoice: Int32Array;
  /** Passage index → its publication facet, or -1 when its source names no publication. */
  readonly passagePublication: Int32Array;
  /** Passage index → its source's index in `corpus.sources`. */
  readonly passageSource: Int32Array;
  /** Source index → its passages, in (paragraph, sentence) order. */
  readonly sourcePassages: readonly Int32Array[];
  readonly sourceIndex: ReadonlyMap<string, number>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly people: ReadonlyMap<string, Person>;
}

/**
 * Builds every part of the index for `corpus`. Terms held by more than `bitmapAbove` passages get a bitmap (tests
 * set 0 to give every term one).
 */
export function* buildParts(
  corpus: Corpus,
  bitmapAbove: number = frequentAbove(corpus.passages.length),
): Generator<void, Parts> {
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const people = new Map(corpus.people.map((p) => [p.id, p]));
  const sourceIndex = new Map(corpus.sources.map((s, i) => [s.id, i]));
  const indexed = yield* indexPassages(corpus, sources, people, sourceIndex);
  // Frequent words only add to what rarer words found (collect.ts); a bitmap lets them check the candidates.
  const terms = yield* indexed.terms.finish(O.minFuzzyLength, bitmapAbove);
  const pairs = yield* indexed.pairs.finish();
  const sourcePassages = yield* orderBySource(corpus, indexed.passageSource);
  const voiceWords = yield* facetWords(indexed.voices);
  const publicationWords = yield* facetWords(indexed.publications);
  return { ...indexed, terms, pairs, sourcePassages, sourceIndex, sources, people, voiceWords, publicationWords };
}

/** One pass over the passages: terms, word pairs, and each passage's voice, publication and source. */
function* indexPassages(
  corpus: Corpus,
  sources: ReadonlyMap<string, Source>,
  people: ReadonlyMap<string, Person>,
  sourceIndex: ReadonlyMap<string, number>,
) {
  const terms = new TermIndexBuilder();
  const pairs = new PairIndexBuilder();
  const voices = new FacetList();
  const publications = new FacetList();
  const n = corpus.passages.length;
  const passageVoice = new Int32Array(n);
  const passagePublication = new Int32Array(n).fill(-1);
  const passageSource = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const passage = corpus.passages[i] as Passage;
    const folded = foldForSearch(passage.text);
    const words: string[] = [];
    terms.add(i, tokenizeFolded(folded, words));
    pairs.addWords(i, words);
    const voice = voiceFacet(voices, passage, people);
    voice.passages.push(i);
    passageVoice[i] = voice.index;
    passageSource[i] = sourceIndex.get(passage.sourceId) ?? -1;
    const publication = publicationFacet(publications, sources.get(passage.sourceId)?.publication);
    if (publication) {
      publication.passages.push(i);
      passagePublication[i] = publication.index;
    }
    if ((i & PASSAGES_PER_YIELD_MASK) === PASSAGES_PER_YIELD_MASK) yield;
  }
  yield;
  return {
    terms,
    pairs,
    voices: voices.order,
    publications: publications.order,
    passageVoice,
    passagePublication,
    passageSource,
  };
}

function voiceFacet(voices: FacetList, passage: Passage, people: ReadonlyMap<string, Person>): Facet {
  const key = passage.voice.personId ?? passage.voice.name;
  const person = passage.voice.personId ? people.get(passage.voice.personId) : undefined;
  return voices.facetOf(key, () => ({
    key,
    name: person?.name ?? passage.voice.name,
    personId: passage.voice.personId,
    aliases: person?.aliases ?? [],
  }));
}

function publicationFacet(publications: FacetList, name: string | null | undefined): Facet | null {
  if (!name) return null;
  return publications.facetOf(name, () => ({ key: name, name, personId: null, aliases: [] }));
}

/** Each source's passages in (paragraph, sentence) order, so an id is found without a 100k-entry map. */
export function* orderBySource(corpus: Corpus, passageSource: Int32Array): Generator<void, Int32Array[]> {
  const bySource: number[][] = corpus.sources.map(() => []);
  for (let i = 0; i < passageSource.length; i++) {
    bySource[passageSource[i] ?? -1]?.push(i);
    if ((i & ORDERING_PER_YIELD_MASK) === ORDERING_PER_YIELD_MASK) yield;
  }
  const order = (a: number, b: number) => {
    const x = corpus.passages[a] as Passage;
    const y = corpus.passages[b] as Passage;
    return x.paragraphIndex - y.paragraphIndex || x.sentenceIndex - y.sentenceIndex;
  };
  const sourcePassages: Int32Array[] = [];
  for (const list of bySource) {
    // Checked and copied a slice at a time: a corpus in one file is one source of 1M passages.
    let sorted = true;
    for (let k = 1; k < list.length && sorted; k++) {
      sorted = order(list[k - 1] as number, list[k] as number) <= 0;
      if ((k & ORDERING_PER_YIELD_MASK) === ORDERING_PER_YIELD_MASK) yield;
    }
    // Only a corpus built by hand (tests) can be out of order: a loaded source's passages are in text order.
    if (!sorted) list.sort(order);
    const own = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) {
      own[k] = list[k] as number;
      if ((k & ORDERING_PER_YIELD_MASK) === ORDERING_PER_YIELD_MASK) yield;
    }
    sourcePassages.push(own);
    if ((sourcePassages.length & SOURCES_PER_YIELD_MASK) === SOURCES_PER_YIELD_MASK) yield;
  }
  return sourcePassages;
}
