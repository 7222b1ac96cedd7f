/**
 * Quote search. An inverted index of folded terms (typo and prefix expansion through a deletion index
 * and the sorted vocabulary) scores passages by the rare words they share with the query, in time that
 * depends on the query's words rather than on the corpus; fuse.js then ranks the best few dozen
 * candidates character by character, so typos, half-remembered phrases and punctuation variants still
 * land the right sentence first. Building is in build.ts, filters in facets.ts, candidate scoring in
 * collect.ts and the final order in rank.ts; this class answers queries with data, never display text.
 */
import Fuse from 'fuse.js';
import { BodyPassage, parsePassageId, textDigest } from '../corpus/stored.ts';
import type { Corpus, Passage, Source } from '../corpus/types.ts';
import { tokenize } from '../text/fold.ts';
import { runAtOnce, runSliced } from '../util/yield.ts';
import { buildParts, type Parts } from './build.ts';
import { collect, Scratch, type CollectRequest, type CollectSources } from './collect.ts';
import { FilterResolver, type PassageFilter, type Speaker } from './facets.ts';
import { SEARCH_OPTIONS as O } from './options.ts';
import { parsePhrases, passagesWithPhrase, type PhraseSources } from './phrase.ts';
import { Ranker, type Ranked } from './rank.ts';
import { plainWords } from './pair-index.ts';
import { Meaning, needsSecondPass } from './meaning.ts';
import { relatedWords, type RelatedWords } from './related/related-words.ts';
import { defaultWarmUp, warmUpSteps, type WarmUpLimits, type WarmUpReport } from './warm-up.ts';

export type { PassageFilter, Speaker } from './facets.ts';

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

/** A speaker offered by autocomplete: `key` is what the `speaker:` filter takes back. */
export interface SpeakerSuggestion {
  readonly key: string;
  readonly name: string;
  /** The person's role from people.yaml; null for a voice that is not a registered person. */
  readonly role: string | null;
}

/** How an index is built: `related` is the second pass's table (meaning.ts); null turns the second pass off. */
export interface IndexOptions {
  readonly related?: RelatedWords | null;
  /**
   * The warm-up the index runs on its own passages before it is returned (warm-up.ts), counted in build time.
   * Undefined: the default (a full one for the process's first index, a short one after); null skips it (the
   * console, whose first answer would only wait longer for it).
   */
  readonly warmUp?: WarmUpLimits | null;
}

/** Prefix that makes a query select one passage by id (used by autocomplete choices). */
export const PASSAGE_ID_PREFIX = 'id:';

export class QuoteIndex {
  private readonly parts: Parts;
  private readonly filters: FilterResolver;
  private readonly collectSources: CollectSources;
  private readonly scratch: Scratch;
  private readonly ranker: Ranker;
  private readonly phraseSources: PhraseSources;
  /** The second pass's table, decoded by the first query that needs it (start-up does not pay for it). */
  private readonly related: (() => RelatedWords) | null;
  /** The second pass's view of this index, made on the first query that needs it. */
  private meaning: Meaning | undefined;
  /** What the build's warm-up did; null when it was skipped. */
  warmUpReport: WarmUpReport | null = null;

  private constructor(
    readonly corpus: Corpus,
    parts: Parts,
    options: IndexOptions,
  ) {
    this.parts = parts;
    const { related } = options;
    this.related = related === undefined ? relatedWords : related === null ? null : () => related;
    this.filters = new FilterResolver(corpus, parts.sources, parts.voices, parts.passageSource, parts.passageVoice);
    this.collectSources = parts;
    this.scratch = new Scratch(corpus.passages.length);
    this.ranker = new Ranker(corpus.passages);
    this.phraseSources = { terms: parts.terms, pairs: parts.pairs, spaced: (i) => this.ranker.spacedOf(i) };
  }

  /** Builds the index in one go (fine for small corpora, tests and the benchmark). */
  static build(corpus: Corpus, options: IndexOptions = {}): QuoteIndex {
    const index = new QuoteIndex(corpus, runAtOnce(buildParts(corpus)), options);
    runAtOnce(index.warmUp(options.warmUp));
    return index;
  }

  /** Builds the index in slices, yielding to the event loop, so a reload never stalls the bot. */
  static async buildAsync(corpus: Corpus, options: IndexOptions = {}): Promise<QuoteIndex> {
    const index = new QuoteIndex(corpus, await runSliced(buildParts(corpus)), options);
    // One call per step: a reload's warm-up hands the event loop back between calls, as the build does.
    await runSliced(index.warmUp(options.warmUp));
    return index;
  }

  /** The build's warm-up (warm-up.ts), as steps; records `warmUpReport`. */
  private *warmUp(requested: WarmUpLimits | null | undefined): Generator<void, void> {
    const limits = requested === undefined ? defaultWarmUp() : requested;
    if (limits === null) return;
    let report: WarmUpReport = { calls: 0, planned: 0, ms: 0, folded: 0 };
    yield* warmUpSteps(this, this.corpus.passages, limits, (done) => (report = done));
    // A corpus the fold cache holds whole has every passage folded now rather than by the first query that ranks it
    // (about a tenth of a first-pass query at 1k passages); a larger one keeps what its queries fold.
    const n = this.corpus.passages.length;
    if (n <= O.foldCacheSize)
      for (let i = 0; i < n; i++) {
        this.ranker.spacedOf(i);
        if (i % 256 === 255) yield;
      }
    this.warmUpReport = { ...report, folded: n <= O.foldCacheSize ? n : 0 };
  }

  get size(): number {
    return this.corpus.passages.length;
  }

  sourceOf(passage: Passage): Source {
    const source = this.parts.sources.get(passage.sourceId);
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
    return this.filters.resolveSource(input);
  }

  /** Finds a speaker by person id, name or alias, or a non-person voice name; null when nothing is close. */
  resolveSpeaker(input: string): Speaker | null {
    return this.filters.resolveSpeaker(input);
  }

  /**
   * Ranked, de-duplicated matches. Throws nothing: an unknown source or speaker filter gives `[]`;
   * use `resolveSource`/`resolveSpeaker` first to tell the user why.
   */
  search(query: QuoteQuery, candidates: number = O.candidates, secondPass = true): QuoteHit[] {
    const allowed = this.filters.filterFor(query);
    if (typeof allowed === 'string') return [];
    return this.searchWithin(query.text, allowed, query.limit, candidates, secondPass);
  }

  /** The passages a source/speaker filter allows (each filter resolved once), or which filter matches nothing. */
  filterFor(filter: Pick<QuoteQuery, 'source' | 'speaker'>): PassageFilter {
    return this.filters.filterFor(filter);
  }

  /** `search` within a filter already resolved by `filterFor`. */
  searchWithin(
    query: string,
    filter: (index: number) => boolean,
    requestedLimit?: number,
    candidates: number = O.candidates,
    secondPass = true,
  ): QuoteHit[] {
    const limit = Math.max(1, Math.min(requestedLimit ?? O.defaultLimit, O.maxLimit));
    const trimmed = query.trim();
    if (trimmed.startsWith(PASSAGE_ID_PREFIX)) {
      const index = this.indexOfId(trimmed.slice(PASSAGE_ID_PREFIX.length).trim());
      return index !== null && filter(index) ? [this.hit(index, 0)] : [];
    }
    // A quoted phrase narrows the filter to the passages holding it word for word; the rest ranks as usual.
    const { phrases, text } = parsePhrases(trimmed);
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
    const request: CollectRequest = {
      words: counted,
      minor: meaningful.length > 0 ? words.filter((w) => O.stopWords.has(w)) : [],
      sequence: plainWords(text).slice(0, O.maxQueryTerms),
      lastWord: terms.at(-1),
      allowed,
      take: Math.max(candidates, limit),
    };
    const scored = collect(this.collectSources, this.scratch, request, this.corpus.passages.length);
    const ranked = this.ranker.rank(scored, text, counted.length, limit);
    if (!secondPass || !this.related || !needsSecondPass(scored, ranked[0]?.index, counted.length))
      return ranked.map((r) => this.hit(r.index, r.score));
    // Nothing said by meaning either: what the first pass found (a garbled query's one real word) stands.
    const byMeaning = this.searchByMeaning(this.related(), request, text, limit);
    return (byMeaning.length > 0 ? byMeaning : ranked).map((r) => this.hit(r.index, r.score));
  }

  /**
   * The second pass (meaning.ts), for a query whose best match lacks several of its words: its words also match
   * their related words, and the order mixes in how well each candidate aligns with the query in vector space.
   */
  private searchByMeaning(related: RelatedWords, request: CollectRequest, text: string, limit: number): Ranked[] {
    const meaning = (this.meaning ??= new Meaning(related, this.parts.terms));
    const widened = collect(
      this.collectSources,
      this.scratch,
      { ...request, related: (w) => meaning.relatedTo(w) },
      this.corpus.passages.length,
    );
    const { alignmentShare: share, minAlignment } = O.meaning;
    // Below the alignment floor a candidate scores past `maxScore`, which drops it.
    const realigned = (index: number, score: number) => {
      const alignment = meaning.alignment(request.words, index);
      return alignment < minAlignment ? Infinity : (1 - share) * score + share * (1 - alignment);
    };
    return this.ranker.rank(widened, text, request.words.length, limit, realigned);
  }

  /**
   * The index of the passage with id `id`, or null when no passage of that source has those words now (ids are
   * derived from the text, see stored.ts): a scan of one source's passages comparing digests, no string per passage.
   */
  private indexOfId(id: string): number | null {
    const wanted = parsePassageId(id);
    const list = wanted ? this.parts.sourcePassages[this.parts.sourceIndex.get(wanted.sourceId) ?? -1] : undefined;
    if (!wanted || !list) return null;
    let seen = 0;
    for (const index of list) {
      const p = this.corpus.passages[index] as Passage;
      const digest = p instanceof BodyPassage ? p.digest : textDigest(p.text);
      if (digest === wanted.digest && ++seen === wanted.occurrence) return p.id === id ? index : null;
    }
    return null;
  }

  /**
   * "Did you mean": the query with each word the corpus does not know replaced by the closest word it
   * does; null when nothing would change or nothing is close.
   */
  suggestCorrection(text: string): string | null {
    const { minLength, twoEditsFrom } = O.correction;
    const words = plainWords(text).slice(0, O.maxQueryTerms);
    let changed = false;
    const corrected = words.map((word) => {
      if (this.parts.terms.idOf(word) !== undefined || /^\d+$/.test(word) || word.length < minLength) return word;
      const closest = this.parts.terms.closest(word, word.length >= twoEditsFrom ? 2 : 1);
      if (closest === null) return word;
      changed = true;
      return closest;
    });
    return changed ? corrected.join(' ') : null;
  }

  /** A random passage (optionally filtered), skipping fragments and reader comments. */
  random(filter: Pick<QuoteQuery, 'source' | 'speaker'> = {}, rng: () => number = Math.random): QuoteHit | null {
    const allowed = this.filters.filterFor(filter);
    return typeof allowed === 'string' ? null : this.randomWithin(allowed, rng);
  }

  /** `random` within a filter already resolved by `filterFor`. */
  randomWithin(allowed: (index: number) => boolean, rng: () => number = Math.random): QuoteHit | null {
    const fits = (i: number) => {
      const passage = this.corpus.passages[i] as Passage;
      return (
        allowed(i) && passage.text.length >= O.randomMinLength && this.sourceOf(passage).kind !== 'reader-comments'
      );
    };
    const n = this.corpus.passages.length;
    for (let attempt = 0; attempt < O.randomAttempts; attempt++) {
      const i = Math.floor(rng() * n);
      if (fits(i)) return this.hit(i, 0);
    }
    const pool: number[] = [];
    for (let i = 0; i < n; i++) if (fits(i)) pool.push(i);
    const pick = pool[Math.floor(rng() * pool.length)];
    return pick === undefined ? null : this.hit(pick, 0);
  }

  /** Autocomplete for the query: the best matches (with nothing typed, people's direct quotes). */
  suggestQueries(prefix: string, limit: number = O.maxSuggestions): QuoteHit[] {
    const size = suggestionCount(limit);
    // Autocomplete stays on the first pass: a half-typed query lacks words because it is not finished yet.
    if (prefix.trim()) return this.search({ text: prefix, limit: size }, O.autocompleteCandidates, false);
    const hits: QuoteHit[] = [];
    for (const [i, p] of this.corpus.passages.entries()) {
      if (hits.length >= size) break;
      if (p.voice.personId !== null && p.voice.basis === 'direct-quote') hits.push(this.hit(i, 0));
    }
    return hits;
  }

  /** Autocomplete for the source filter: sources matching what was typed (nothing typed: the first ones). */
  suggestSources(prefix: string, limit: number = O.maxSuggestions): Source[] {
    const size = suggestionCount(limit);
    if (!prefix.trim()) return this.corpus.sources.slice(0, size);
    const fuse = new Fuse(this.corpus.sources as Source[], {
      keys: ['id', 'title', 'publication'],
      ignoreLocation: true,
      threshold: O.suggestMatchThreshold,
    });
    return fuse.search(prefix.trim(), { limit: size }).map((r) => r.item);
  }

  /** Autocomplete for the speaker filter: people first, then other voices by how much they say. */
  suggestSpeakers(prefix: string, limit: number = O.maxSuggestions): SpeakerSuggestion[] {
    const size = suggestionCount(limit);
    const voices = this.filters.speakerList();
    const picked = prefix.trim()
      ? new Fuse(voices, { keys: ['name', 'aliases'], ignoreLocation: true, threshold: O.suggestMatchThreshold })
          .search(prefix.trim(), { limit: size })
          .map((r) => r.item)
      : voices.slice(0, size);
    return picked.map((v) => {
      const person = v.personId ? this.parts.people.get(v.personId) : undefined;
      return { key: v.key, name: person?.name ?? v.name, role: person?.role ?? null };
    });
  }
}

function suggestionCount(limit: number): number {
  return Math.max(1, Math.min(limit, O.maxSuggestions));
}
