/**
 * Quote search. An inverted index of folded terms (typo and prefix expansion through a deletion index
 * and the sorted vocabulary) scores passages by the rare words they share with the query, in time that
 * depends on the query's words rather than on the corpus; fuse.js then ranks the best few dozen
 * candidates character by character, so typos, half-remembered phrases and punctuation variants still
 * land the right sentence first.
 */
import Fuse from 'fuse.js';
import { parsePassageId } from '../corpus/stored.ts';
import type { Corpus, Passage, Person, Source } from '../corpus/types.ts';
import { foldForSearch, spacedWords, tokenize, tokenizeFolded } from '../text/fold.ts';
import { runAtOnce, runSliced } from '../util/yield.ts';
import { SEARCH_OPTIONS as O } from './options.ts';
import { parsePhrases, passagesWithPhrase, type PhraseSources } from './phrase.ts';
import { proximity } from './proximity.ts';
import { PairIndex, PairIndexBuilder, plainWords, TermIndex, TermIndexBuilder } from './term-index.ts';

export interface QuoteQuery {
  readonly text: string;
  /** A source id, or words of its title or publication. */
  readonly source?: string | undefined;
  /** A person id, name or alias, or a voice such as "ValueWalk". */
  readonly speaker?: string | undefined;
  readonly limit?: number | undefined;
}

export interface QuoteHit {
  readonly passage: Passage;
  readonly source: Source;
  /** 0 is a perfect match, 1 the worst. */
  readonly score: number;
  /** The passage's paragraph, verbatim. */
  readonly context: string;
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** Prefix that makes a query select one passage by id (used by autocomplete choices). */
export const PASSAGE_ID_PREFIX = 'id:';

const MAX_CHOICE = 100;

/** Shortens to at most `max` characters at a word boundary, marking the cut with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A speaker (voice) or publication: what a query word can name besides the passage's own words. */
interface Facet {
  readonly index: number;
  readonly key: string;
  readonly name: string;
  readonly personId: string | null;
  readonly aliases: readonly string[];
  passages: number[];
}

interface Speaker {
  readonly personId: string | null;
  readonly name: string;
}

/** Scratch space reused by every query (search is synchronous, so one set per index is enough). */
class Scratch {
  readonly score: Float64Array;
  readonly matched: Uint8Array;
  readonly queryStamp: Uint32Array;
  readonly termStamp: Uint32Array;
  readonly touched: Int32Array;
  count = 0;
  stamp = 0;
  constructor(size: number) {
    this.score = new Float64Array(size);
    this.matched = new Uint8Array(size);
    this.queryStamp = new Uint32Array(size);
    this.termStamp = new Uint32Array(size);
    this.touched = new Int32Array(size);
  }
}

function facetOf(
  map: Map<string, Facet>,
  order: Facet[],
  key: string,
  init: () => Omit<Facet, 'passages' | 'index'>,
): Facet {
  let facet = map.get(key);
  if (!facet) {
    facet = { ...init(), index: order.length, passages: [] };
    map.set(key, facet);
    order.push(facet);
  }
  return facet;
}

/**
 * Everything derived from a corpus that search needs. A generator, so that `build` can run it straight
 * through and `buildAsync` can hand the event loop back between steps.
 */
function* buildParts(corpus: Corpus): Generator<void, Parts> {
  const sources = new Map(corpus.sources.map((s) => [s.id, s]));
  const people = new Map(corpus.people.map((p) => [p.id, p]));
  const sourceIndex = new Map(corpus.sources.map((s, i) => [s.id, i]));
  const builder = new TermIndexBuilder();
  const pairBuilder = new PairIndexBuilder();
  const voices = new Map<string, Facet>();
  const publications = new Map<string, Facet>();
  const voiceOrder: Facet[] = [];
  const publicationOrder: Facet[] = [];
  const n = corpus.passages.length;
  const passageVoice = new Int32Array(n);
  const passagePublication = new Int32Array(n).fill(-1);
  const passageSource = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const passage = corpus.passages[i] as Passage;
    const folded = foldForSearch(passage.text);
    builder.add(i, tokenizeFolded(folded));
    pairBuilder.add(i, folded);
    const voiceKey = passage.voice.personId ?? passage.voice.name;
    const person = passage.voice.personId ? people.get(passage.voice.personId) : undefined;
    const voice = facetOf(voices, voiceOrder, voiceKey, () => ({
      key: voiceKey,
      name: person?.name ?? passage.voice.name,
      personId: passage.voice.personId,
      aliases: person?.aliases ?? [],
    }));
    voice.passages.push(i);
    passageVoice[i] = voice.index;
    passageSource[i] = sourceIndex.get(passage.sourceId) ?? -1;
    const publicationName = sources.get(passage.sourceId)?.publication;
    if (publicationName) {
      const publication = facetOf(publications, publicationOrder, publicationName, () => ({
        key: publicationName,
        name: publicationName,
        personId: null,
        aliases: [],
      }));
      publication.passages.push(i);
      passagePublication[i] = publication.index;
    }
    if ((i & 31) === 31) yield;
  }
  yield;
  const terms = yield* builder.finish(O.minFuzzyLength);
  const pairs = yield* pairBuilder.finish();
  // Each source's passages in (paragraph, sentence) order, so an id is found without a 100k-entry map.
  const bySource: number[][] = corpus.sources.map(() => []);
  for (let i = 0; i < n; i++) {
    bySource[passageSource[i] as number]?.push(i);
    if ((i & 4095) === 4095) yield;
  }
  const order = (a: number, b: number) => {
    const x = corpus.passages[a] as Passage;
    const y = corpus.passages[b] as Passage;
    return x.paragraphIndex - y.paragraphIndex || x.sentenceIndex - y.sentenceIndex;
  };
  const sourcePassages: Int32Array[] = [];
  for (const list of bySource) {
    if (list.some((p, k) => k > 0 && order(list[k - 1] as number, p) > 0)) list.sort(order);
    sourcePassages.push(Int32Array.from(list));
    if ((sourcePassages.length & 63) === 63) yield;
  }
  return {
    terms,
    pairs,
    voiceOrder,
    publicationOrder,
    passageVoice,
    passagePublication,
    passageSource,
    sourcePassages,
    sourceIndex,
    sources,
    people,
  };
}

interface Parts {
  readonly terms: TermIndex;
  readonly pairs: PairIndex;
  readonly voiceOrder: Facet[];
  readonly publicationOrder: Facet[];
  readonly passageVoice: Int32Array;
  readonly passagePublication: Int32Array;
  readonly passageSource: Int32Array;
  /** Source index → its passages, in (paragraph, sentence) order. */
  readonly sourcePassages: readonly Int32Array[];
  readonly sourceIndex: ReadonlyMap<string, number>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly people: ReadonlyMap<string, Person>;
}

/** Facet name words → facets, so a query word finds the speakers and publications it names. */
function facetWords(facets: readonly Facet[]): Map<string, number[]> {
  const words = new Map<string, number[]>();
  facets.forEach((facet, i) => {
    for (const word of new Set([facet.name, ...facet.aliases].flatMap((n) => tokenize(n)))) {
      if (O.stopWords.has(word) || word.length < 2) continue;
      const list = words.get(word) ?? [];
      list.push(i);
      words.set(word, list);
    }
  });
  return words;
}

export class QuoteIndex {
  private readonly sourcesById: ReadonlyMap<string, Source>;
  private readonly peopleById: ReadonlyMap<string, Person>;
  private readonly terms: TermIndex;
  private readonly pairs: PairIndex;
  private readonly voices: readonly Facet[];
  private readonly publications: readonly Facet[];
  private readonly voiceWords: Map<string, number[]>;
  private readonly publicationWords: Map<string, number[]>;
  private readonly passageVoice: Int32Array;
  private readonly passagePublication: Int32Array;
  private readonly passageSource: Int32Array;
  private readonly sourcePassages: readonly Int32Array[];
  private readonly sourceIndex: ReadonlyMap<string, number>;
  private readonly scratch: Scratch;
  private readonly fuseOptions = { ...O.fuse, keys: ['text'] };
  /** Folded forms of recently ranked passages: the same candidates come back query after query. */
  private readonly foldedCache = new BoundedCache<number, string>(O.foldCacheSize);
  private readonly spacedCache = new BoundedCache<number, string>(O.foldCacheSize);
  private readonly phraseSources: PhraseSources;

  private constructor(
    readonly corpus: Corpus,
    parts: Parts,
  ) {
    this.sourcesById = parts.sources;
    this.peopleById = parts.people;
    this.terms = parts.terms;
    this.pairs = parts.pairs;
    this.voices = parts.voiceOrder;
    this.publications = parts.publicationOrder;
    this.voiceWords = facetWords(parts.voiceOrder);
    this.publicationWords = facetWords(parts.publicationOrder);
    this.passageVoice = parts.passageVoice;
    this.passagePublication = parts.passagePublication;
    this.passageSource = parts.passageSource;
    this.sourcePassages = parts.sourcePassages;
    this.sourceIndex = parts.sourceIndex;
    this.scratch = new Scratch(corpus.passages.length);
    this.phraseSources = { terms: this.terms, pairs: this.pairs, spaced: (i) => this.spacedOf(i) };
  }

  /** A passage's folded text, one space between words (cached: ranking and phrase checks both read it). */
  private spacedOf(index: number): string {
    return this.spacedCache.get(index, () =>
      spacedWords(this.foldedCache.get(index, () => foldForSearch((this.corpus.passages[index] as Passage).text))),
    );
  }

  /** Builds the index in one go (fine for small corpora, tests and the benchmark). */
  static build(corpus: Corpus): QuoteIndex {
    return new QuoteIndex(corpus, runAtOnce(buildParts(corpus)));
  }

  /** Builds the index in slices, yielding to the event loop, so a reload never stalls the bot. */
  static async buildAsync(corpus: Corpus): Promise<QuoteIndex> {
    return new QuoteIndex(corpus, await runSliced(buildParts(corpus)));
  }

  get size(): number {
    return this.corpus.passages.length;
  }

  sourceOf(passage: Passage): Source {
    const source = this.sourcesById.get(passage.sourceId);
    if (!source) throw new Error(`passage ${passage.id} has no source ${passage.sourceId}`);
    return source;
  }

  private hit(index: number, score: number): QuoteHit {
    const passage = this.corpus.passages[index] as Passage;
    const source = this.sourceOf(passage);
    return { passage, source, score, context: source.paragraphs[passage.paragraphIndex]?.text ?? passage.text };
  }

  /** Finds a source by id, or by words of its title or publication; null when nothing is close. */
  resolveSource(input: string): Source | null {
    const wanted = input.trim();
    const exact = this.sourcesById.get(wanted) ?? this.sourcesById.get(wanted.toLowerCase());
    if (exact) return exact;
    const fuse = new Fuse(this.corpus.sources as Source[], {
      keys: ['id', 'title', 'publication'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
    });
    return fuse.search(wanted, { limit: 1 })[0]?.item ?? null;
  }

  /** Finds a speaker by person id, name or alias, or a non-person voice name; null when nothing is close. */
  resolveSpeaker(input: string): Speaker | null {
    const wanted = foldForSearch(input.trim());
    for (const person of this.corpus.people) {
      if (person.id === wanted || [person.name, ...person.aliases].some((a) => foldForSearch(a) === wanted)) {
        return { personId: person.id, name: person.name };
      }
    }
    const exactVoice = this.voices.find((v) => foldForSearch(v.name) === wanted);
    if (exactVoice) return { personId: exactVoice.personId, name: exactVoice.name };
    const fuse = new Fuse(this.speakerList(), { keys: ['name', 'aliases'], threshold: 0.35, ignoreLocation: true });
    const best = fuse.search(input.trim(), { limit: 1 })[0]?.item;
    return best ? { personId: best.personId, name: best.name } : null;
  }

  private cachedSpeakers: Facet[] | null = null;

  /** Every voice that speaks in the corpus: people first, then by how much they say. */
  private speakerList(): Facet[] {
    this.cachedSpeakers ??= [...this.voices].sort(
      (a, b) => Number(b.personId !== null) - Number(a.personId !== null) || b.passages.length - a.passages.length,
    );
    return this.cachedSpeakers;
  }

  /** The allowed-passage test for a filter, or why the filter matches nothing. */
  private filterFor(
    query: Pick<QuoteQuery, 'source' | 'speaker'>,
  ): ((index: number) => boolean) | 'no-source' | 'no-speaker' {
    let sourceIndex = -1;
    let voiceIndex = -1;
    if (query.source?.trim()) {
      const source = this.resolveSource(query.source);
      if (!source) return 'no-source';
      sourceIndex = this.corpus.sources.indexOf(source);
    }
    if (query.speaker?.trim()) {
      const speaker = this.resolveSpeaker(query.speaker);
      if (!speaker) return 'no-speaker';
      voiceIndex = this.voices.findIndex((v) =>
        speaker.personId !== null ? v.personId === speaker.personId : v.personId === null && v.name === speaker.name,
      );
      if (voiceIndex === -1) return 'no-speaker';
    }
    if (sourceIndex === -1 && voiceIndex === -1) return () => true;
    return (i) =>
      (sourceIndex === -1 || this.passageSource[i] === sourceIndex) &&
      (voiceIndex === -1 || this.passageVoice[i] === voiceIndex);
  }

  /**
   * Ranked, de-duplicated matches. Throws nothing: an unknown source or speaker filter gives `[]`;
   * use `resolveSource`/`resolveSpeaker` first to tell the user why.
   */
  search(query: QuoteQuery, candidates: number = O.candidates): QuoteHit[] {
    const limit = Math.max(1, Math.min(query.limit ?? 10, 50));
    const filter = this.filterFor(query);
    if (typeof filter === 'string') return [];
    if (query.text.trim().startsWith(PASSAGE_ID_PREFIX)) {
      const index = this.indexOfId(query.text.trim().slice(PASSAGE_ID_PREFIX.length).trim());
      return index !== null && filter(index) ? [this.hit(index, 0)] : [];
    }
    const { phrases, text } = parsePhrases(query.text.trim());
    let allowed = filter;
    for (const phrase of phrases) {
      const holders = passagesWithPhrase(phrase, this.phraseSources);
      if (holders.size === 0) return [];
      const before = allowed;
      allowed = (i) => holders.has(i) && before(i);
    }
    const terms = tokenize(text);
    const words = [...new Set(terms)].slice(0, O.maxQueryTerms);
    if (words.length === 0) return [];
    const meaningful = words.filter((w) => !O.stopWords.has(w));
    const counted = meaningful.length > 0 ? meaningful : words;
    const lastWord = terms.at(-1);
    const minor = meaningful.length > 0 ? words.filter((w) => O.stopWords.has(w)) : [];
    const scored = this.collect(
      counted,
      minor,
      plainWords(text).slice(0, O.maxQueryTerms),
      lastWord,
      allowed,
      Math.max(candidates, limit),
    );
    return this.rank(scored, text, counted.length, limit);
  }

  /** The index of the passage with id `id`, or null. */
  private indexOfId(id: string): number | null {
    const wanted = parsePassageId(id);
    const list = wanted ? this.sourcePassages[this.sourceIndex.get(wanted.sourceId) ?? -1] : undefined;
    if (!wanted || !list) return null;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const index = list[mid] as number;
      const p = this.corpus.passages[index] as Passage;
      const cmp = p.paragraphIndex - wanted.paragraphIndex || p.sentenceIndex - wanted.sentenceIndex;
      if (cmp < 0) lo = mid + 1;
      else if (cmp > 0) hi = mid;
      else return p.id === id ? index : null;
    }
    return null;
  }

  /**
   * Scores passages sharing words (or speaker/publication names) with the query; returns the best `take`.
   * `minor` words (stop words) only add their small weight to passages the other words found: on their
   * own they would touch most of the corpus, but "this is" can still tell two near-identical sentences apart.
   */
  private collect(
    words: readonly string[],
    minor: readonly string[],
    sequence: readonly string[],
    lastWord: string | undefined,
    allowed: (i: number) => boolean,
    take: number,
  ): Candidate[] {
    const s = this.scratch;
    s.stamp += 1;
    const queryStamp = s.stamp;
    s.count = 0;
    const touch = (p: number): boolean => {
      if (s.queryStamp[p] === queryStamp) return true;
      if (!allowed(p)) return false;
      s.queryStamp[p] = queryStamp;
      s.score[p] = 0;
      s.matched[p] = 0;
      s.touched[s.count++] = p;
      return true;
    };
    const voiceHits = new Float64Array(this.voices.length);
    const publicationHits = new Float64Array(this.publications.length);
    const wordsOfTerm = new Map<number, number>();
    const markTerm = (term: number, bit: number) => wordsOfTerm.set(term, (wordsOfTerm.get(term) ?? 0) | bit);
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      s.stamp += 1;
      const termStamp = s.stamp;
      const expansions = this.terms.expand(
        word,
        {
          maxEdits: O.maxEdits(word),
          prefix: word.length >= O.prefixMinLength && (word.length >= 4 || word === lastWord),
          prefixLimit: O.prefixLimit,
        },
        O.weights,
      );
      // For proximity, a word the corpus knows stands for itself and its longer forms ("want", "wants"), not
      // for its one-letter neighbours: "than" must not find its place in "that russians are more afraid".
      const known = this.terms.idOf(word);
      for (const { term, weight } of expansions) {
        if (known === undefined || term === known || this.terms.terms[term]?.startsWith(word)) markTerm(term, 1 << w);
        const gain = weight * this.terms.idf(term);
        const postings = this.terms.postings(term);
        for (let k = 0; k < postings.length; k++) {
          const p = postings[k] as number;
          if (s.termStamp[p] === termStamp || !touch(p)) continue;
          s.termStamp[p] = termStamp;
          s.score[p] = (s.score[p] as number) + gain;
          s.matched[p] = (s.matched[p] as number) + 1;
        }
      }
      for (const [facets, hits] of [
        [this.voiceWords, voiceHits],
        [this.publicationWords, publicationHits],
      ] as const) {
        for (const f of facets.get(word) ?? []) hits[f] = (hits[f] as number) + 1;
      }
    }
    this.touchNamedFacets(voiceHits, this.voices, touch);
    this.touchNamedFacets(publicationHits, this.publications, touch);
    if (s.count === 0) return [];
    const addToTouched = (postings: Int32Array, gain: number) => {
      for (let k = 0; k < postings.length; k++) {
        const p = postings[k] as number;
        if (s.queryStamp[p] === queryStamp) s.score[p] = (s.score[p] as number) + gain;
      }
    };
    minor.forEach((word, m) => {
      const term = this.terms.idOf(word);
      if (term === undefined) return;
      markTerm(term, 1 << (words.length + m));
      addToTouched(this.terms.postings(term), this.terms.idf(term));
    });
    const n = this.corpus.passages.length;
    for (let i = 1; i < sequence.length; i++) {
      const holders = this.pairs.lookup(sequence[i - 1] as string, sequence[i] as string);
      if (holders.length > 0)
        addToTouched(holders, O.pairWeight * Math.log(1 + (n - holders.length + 0.5) / (holders.length + 0.5)));
    }
    let best = 0;
    for (let k = 0; k < s.count; k++) {
      const p = s.touched[k] as number;
      const facetMatches =
        (voiceHits[this.passageVoice[p] as number] ?? 0) +
        (this.passagePublication[p] === -1 ? 0 : (publicationHits[this.passagePublication[p] as number] ?? 0));
      if (facetMatches > 0) {
        s.score[p] = (s.score[p] as number) + facetMatches * O.facetWeight;
        s.matched[p] = Math.min(words.length, (s.matched[p] as number) + facetMatches);
      }
      if ((s.score[p] as number) > best) best = s.score[p] as number;
    }
    // The index score cannot see word order or distance; among near-duplicates that share the query's words
    // (spliced sentences, quotes repeated in commentary) the one holding them closest together is the quote.
    // So a wider pool is re-sorted with proximity before the cut; a candidate whose key plus the largest
    // proximity bonus cannot reach the cut is left unmeasured.
    const allBits = (1 << (words.length + minor.length)) - 1;
    const keyOf = (c: { matched: number; score: number }) => candidateKey(c.matched, c.score, words.length, best);
    const pool: Omit<Candidate, 'proximity'>[] = topByKey(s, best, words.length, take * O.proximityPoolFactor).sort(
      (a, b) => keyOf(b) - keyOf(a) || a.index - b.index,
    );
    const cut = pool.length > take ? keyOf(pool[take - 1] as Omit<Candidate, 'proximity'>) : -Infinity;
    const measured: Candidate[] = [];
    for (const c of pool) {
      if (keyOf(c) + O.proximityKeyWeight < cut) break;
      measured.push({ ...c, proximity: proximity(this.terms.termsOf(c.index), wordsOfTerm, allBits) });
    }
    const key = (c: Candidate) => keyOf(c) + O.proximityKeyWeight * c.proximity;
    return measured.sort((a, b) => key(b) - key(a) || a.index - b.index).slice(0, take);
  }

  private touchNamedFacets(hits: Float64Array, facets: readonly Facet[], touch: (p: number) => boolean): void {
    hits.forEach((count, f) => {
      const facet = facets[f];
      if (count === 0 || !facet || facet.passages.length > O.facetTouchLimit) return;
      for (const p of facet.passages) touch(p);
    });
  }

  private rank(scored: readonly Candidate[], text: string, counted: number, limit: number): QuoteHit[] {
    if (scored.length === 0) return [];
    const top = Math.max(...scored.map((c) => c.score), 1e-9);
    const pattern = spacedWords(foldForSearch(text)).trim();
    const docs = scored.map((c) => ({
      index: c.index,
      text: this.foldedCache.get(c.index, () => foldForSearch((this.corpus.passages[c.index] as Passage).text)),
    }));
    const fusePattern = pattern.slice(0, O.fusePatternMax);
    const anchors = pattern.split(' ').filter((w) => w.length >= 3 && !O.stopWords.has(w));
    const keyOf = (c: Candidate) => candidateKey(c.matched, c.score, counted, top) + O.proximityKeyWeight * c.proximity;
    const byKey = [...scored].sort((a, b) => keyOf(b) - keyOf(a) || a.index - b.index);
    const bestKey = byKey[0] ? keyOf(byKey[0]) : 0;
    const finalists = new Set(
      byKey
        .filter((c, i) => i < O.fuseFinalistsMin || keyOf(c) >= bestKey - O.fuseFinalistMargin)
        .slice(0, O.fuseFinalists)
        .map((c) => c.index),
    );
    const windows = docs
      .filter((d) => finalists.has(d.index))
      .map((d) => ({ index: d.index, text: windowAround(d.text, anchors, fusePattern.length) }));
    const fuseScores = new Map<number, number>();
    for (const result of new Fuse(windows, this.fuseOptions).search(fusePattern))
      fuseScores.set(result.item.index, result.score ?? 1);
    const ranked = scored.map((c, i) => {
      const folded = (docs[i] as { text: string }).text;
      const exact = pattern.length >= 6 && this.spacedCache.get(c.index, () => spacedWords(folded)).includes(pattern);
      const score =
        O.mix.missingTerms * (1 - c.matched / counted) +
        O.mix.indexScore * (1 - c.score / top) +
        O.mix.fuseScore * (fuseScores.get(c.index) ?? 1) +
        O.mix.proximity * (1 - c.proximity) -
        (exact ? O.exactPhraseBonus : 0);
      return { index: c.index, folded, score: Math.min(1, Math.max(0, score)) };
    });
    ranked.sort((a, b) => a.score - b.score || a.index - b.index);
    const seen = new Set<string>();
    const hits: QuoteHit[] = [];
    for (const { index, folded, score } of ranked) {
      if (score > O.maxScore) break;
      if (seen.has(folded)) continue;
      seen.add(folded);
      hits.push(this.hit(index, Math.round(score * 1000) / 1000));
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * "Did you mean": the query with each word the corpus does not know replaced by the closest word it
   * does (up to two edits); null when nothing would change or nothing is close.
   */
  suggestCorrection(text: string): string | null {
    const words = plainWords(text).slice(0, O.maxQueryTerms);
    let changed = false;
    const corrected = words.map((word) => {
      if (this.terms.idOf(word) !== undefined || /^\d+$/.test(word) || word.length < 3) return word;
      const closest = this.terms.closest(word, word.length >= 6 ? 2 : 1);
      if (closest === null) return word;
      changed = true;
      return closest;
    });
    return changed ? corrected.join(' ') : null;
  }

  /** A random passage (optionally filtered), skipping fragments and reader comments. */
  random(filter: Pick<QuoteQuery, 'source' | 'speaker'> = {}, rng: () => number = Math.random): QuoteHit | null {
    const allowed = this.filterFor(filter);
    if (typeof allowed === 'string') return null;
    const fits = (i: number) => {
      const passage = this.corpus.passages[i] as Passage;
      return (
        allowed(i) && passage.text.length >= O.randomMinLength && this.sourceOf(passage).kind !== 'reader-comments'
      );
    };
    const n = this.corpus.passages.length;
    for (let attempt = 0; attempt < 64; attempt++) {
      const i = Math.floor(rng() * n);
      if (fits(i)) return this.hit(i, 0);
    }
    const pool: number[] = [];
    for (let i = 0; i < n; i++) if (fits(i)) pool.push(i);
    const pick = pool[Math.floor(rng() * pool.length)];
    return pick === undefined ? null : this.hit(pick, 0);
  }

  /** Autocomplete for the query option: passages as choices, each choice selecting its passage by id. */
  suggestQueries(prefix: string, limit = 25): Choice[] {
    const size = Math.max(1, Math.min(limit, 25));
    const hits = prefix.trim()
      ? this.search({ text: prefix, limit: size }, O.autocompleteCandidates)
      : this.corpus.passages
          .map((p, i) => ({ p, i }))
          .filter(({ p }) => p.voice.personId !== null && p.voice.basis === 'direct-quote')
          .slice(0, size)
          .map(({ i }) => this.hit(i, 0));
    return hits.map((h) => ({
      name: shorten(`${h.passage.voice.name}: ${h.passage.text}`, MAX_CHOICE),
      value: `${PASSAGE_ID_PREFIX}${h.passage.id}`.slice(0, MAX_CHOICE),
    }));
  }

  /** Autocomplete for the source option. */
  suggestSources(prefix: string, limit = 25): Choice[] {
    const size = Math.max(1, Math.min(limit, 25));
    const sources = prefix.trim()
      ? new Fuse(this.corpus.sources as Source[], {
          keys: ['id', 'title', 'publication'],
          ignoreLocation: true,
          threshold: 0.5,
        })
          .search(prefix.trim(), { limit: size })
          .map((r) => r.item)
      : this.corpus.sources.slice(0, size);
    return sources.map((s) => ({
      name: shorten(`${s.publication ?? 'Unknown publication'} — ${s.title}`, MAX_CHOICE),
      value: s.id,
    }));
  }

  /** Autocomplete for the speaker option. */
  suggestSpeakers(prefix: string, limit = 25): Choice[] {
    const size = Math.max(1, Math.min(limit, 25));
    const voices = this.speakerList();
    const picked = prefix.trim()
      ? new Fuse(voices, { keys: ['name', 'aliases'], ignoreLocation: true, threshold: 0.5 })
          .search(prefix.trim(), { limit: size })
          .map((r) => r.item)
      : voices.slice(0, size);
    return picked.map((v) => {
      const person = v.personId ? this.peopleById.get(v.personId) : undefined;
      return {
        name: shorten(person ? `${person.name} — ${person.role}` : v.name, MAX_CHOICE),
        value: v.key.slice(0, MAX_CHOICE),
      };
    });
  }
}

/** A map that forgets its oldest entry once it holds `capacity`: a cache that cannot grow with the corpus. */
class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K, make: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = make();
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
      this.entries.set(key, value);
    }
    return value;
  }
}

/**
 * The part of a folded passage where the query most likely sits: the stretch, about twice the pattern's
 * length, that holds the most distinct query words. fuse.js's bitap cost grows with text length, and with
 * `ignoreLocation` the rest of a long sentence only adds cost, not information.
 */
function windowAround(text: string, anchors: readonly string[], patternLength: number): string {
  const span = patternLength * 2 + 16;
  if (text.length <= span) return text;
  const hits: { at: number; word: number }[] = [];
  anchors.forEach((anchor, word) => {
    for (let at = text.indexOf(anchor); at !== -1 && hits.length < 64; at = text.indexOf(anchor, at + 1))
      hits.push({ at, word });
  });
  let bestStart = 0;
  let bestCount = -1;
  for (const { at } of hits) {
    const start = Math.max(0, Math.min(at - 12, text.length - span));
    const covered = new Set(hits.filter((h) => h.at >= start && h.at < start + span).map((h) => h.word)).size;
    if (covered > bestCount) {
      bestCount = covered;
      bestStart = start;
    }
  }
  return text.slice(bestStart, bestStart + span);
}

interface Candidate {
  readonly index: number;
  readonly score: number;
  readonly matched: number;
  /** See `proximityOf`: 1 when the query words it holds stand side by side. */
  readonly proximity: number;
}

/** How promising a candidate is (higher is better): the share of query words it matched, then its index score. */
function candidateKey(matched: number, score: number, words: number, best: number): number {
  return matched / words + (0.5 * score) / (best || 1);
}

/** The `take` touched passages with the best key: share of query words matched, then index score. */
function topByKey(
  s: Scratch,
  best: number,
  words: number,
  take: number,
): { index: number; score: number; matched: number }[] {
  const keyOf = (p: number) => candidateKey(s.matched[p] as number, s.score[p] as number, words, best);
  const heap: number[] = [];
  const keys: number[] = [];
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= (keys[i] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      [keys[i], keys[parent]] = [keys[parent] as number, keys[i] as number];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && (keys[l] as number) < (keys[m] as number)) m = l;
      if (r < heap.length && (keys[r] as number) < (keys[m] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      [keys[i], keys[m]] = [keys[m] as number, keys[i] as number];
      i = m;
    }
  };
  for (let k = 0; k < s.count; k++) {
    const p = s.touched[k] as number;
    const key = keyOf(p);
    if (heap.length < take) {
      heap.push(p);
      keys.push(key);
      siftUp(heap.length - 1);
    } else if (key > (keys[0] as number) || (key === keys[0] && p < (heap[0] as number))) {
      heap[0] = p;
      keys[0] = key;
      siftDown(0);
    }
  }
  return heap.map((p) => ({ index: p, score: s.score[p] as number, matched: s.matched[p] as number }));
}
