/**
 * Quote search. An inverted index (MiniSearch: BM25 with typo and prefix matching over folded terms)
 * picks a few dozen candidates in time that does not grow with passage length; fuse.js then ranks those
 * candidates character by character, so typos, half-remembered phrases and punctuation variants still
 * land the right sentence first.
 */
import Fuse from 'fuse.js';
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Corpus, Passage, Person, Source } from '../corpus/types.ts';
import { foldForSearch, tokenize } from '../text/fold.ts';
import { yieldToEventLoop } from '../util/yield.ts';
import { SEARCH_OPTIONS as O } from './options.ts';

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

interface Doc {
  readonly id: number;
  readonly text: string;
  readonly voice: string;
  readonly where: string;
}

const MAX_CHOICE = 100;

/** Shortens to at most `max` characters at a word boundary, marking the cut with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function newMiniSearch(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: ['text', 'voice', 'where'],
    idField: 'id',
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
  });
}

export class QuoteIndex {
  private readonly sourcesById: ReadonlyMap<string, Source>;
  private readonly peopleById: ReadonlyMap<string, Person>;
  private readonly folded: string[];
  private readonly fuseOptions = { ...O.fuse, keys: ['text'] };

  private constructor(
    readonly corpus: Corpus,
    private readonly mini: MiniSearch<Doc>,
  ) {
    this.sourcesById = new Map(corpus.sources.map((s) => [s.id, s]));
    this.peopleById = new Map(corpus.people.map((p) => [p.id, p]));
    this.folded = corpus.passages.map((p) => foldForSearch(p.text));
  }

  private static documents(corpus: Corpus): Doc[] {
    const sources = new Map(corpus.sources.map((s) => [s.id, s]));
    const people = new Map(corpus.people.map((p) => [p.id, p]));
    return corpus.passages.map((passage, id) => {
      const source = sources.get(passage.sourceId);
      const person = passage.voice.personId ? people.get(passage.voice.personId) : undefined;
      return {
        id,
        text: passage.text,
        voice: [passage.voice.name, ...(person?.aliases ?? [])].join(' '),
        where: [source?.title, source?.publication].filter(Boolean).join(' '),
      };
    });
  }

  /** Builds the index in one go (fine for small corpora and tests). */
  static build(corpus: Corpus): QuoteIndex {
    const mini = newMiniSearch();
    mini.addAll(QuoteIndex.documents(corpus));
    return new QuoteIndex(corpus, mini);
  }

  /** Builds the index in slices, yielding to the event loop, so a reload never stalls the bot. */
  static async buildAsync(corpus: Corpus): Promise<QuoteIndex> {
    const mini = newMiniSearch();
    const docs = QuoteIndex.documents(corpus);
    const chunk = 500;
    for (let i = 0; i < docs.length; i += chunk) {
      mini.addAll(docs.slice(i, i + chunk));
      await yieldToEventLoop();
    }
    return new QuoteIndex(corpus, mini);
  }

  get size(): number {
    return this.corpus.passages.length;
  }

  sourceOf(passage: Passage): Source {
    const source = this.sourcesById.get(passage.sourceId);
    if (!source) throw new Error(`passage ${passage.id} has no source ${passage.sourceId}`);
    return source;
  }

  private hit(passage: Passage, score: number): QuoteHit {
    const source = this.sourceOf(passage);
    return { passage, source, score, context: source.paragraphs[passage.paragraphIndex]?.text ?? passage.text };
  }

  /** Finds a source by id, or by words of its title or publication; null when nothing is close. */
  resolveSource(input: string): Source | null {
    const wanted = input.trim();
    const exact = this.sourcesById.get(wanted) ?? this.corpus.sources.find((s) => s.id === wanted.toLowerCase());
    if (exact) return exact;
    const fuse = new Fuse(this.corpus.sources as Source[], { keys: ['id', 'title', 'publication'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
    return fuse.search(wanted, { limit: 1 })[0]?.item ?? null;
  }

  /** Finds a speaker by person id, name or alias, or a non-person voice name; null when nothing is close. */
  resolveSpeaker(input: string): { personId: string | null; name: string } | null {
    const wanted = foldForSearch(input);
    for (const person of this.corpus.people) {
      if (person.id === wanted || [person.name, ...person.aliases].some((a) => foldForSearch(a) === wanted)) {
        return { personId: person.id, name: person.name };
      }
    }
    const voices = this.speakerChoices();
    const exactVoice = voices.find((v) => foldForSearch(v.name) === wanted);
    if (exactVoice) return this.speakerFromValue(exactVoice.value);
    const fuse = new Fuse(voices, { keys: ['name', 'aliases'], threshold: 0.35, ignoreLocation: true });
    const best = fuse.search(input.trim(), { limit: 1 })[0]?.item;
    return best ? this.speakerFromValue(best.value) : null;
  }

  private speakerFromValue(value: string): { personId: string | null; name: string } {
    const person = this.peopleById.get(value);
    return person ? { personId: person.id, name: person.name } : { personId: null, name: value };
  }

  private cachedSpeakers: { name: string; value: string; aliases: string[]; count: number }[] | null = null;

  /** Every voice that speaks in the corpus, people first, with how many passages each has. */
  private speakerChoices(): { name: string; value: string; aliases: string[]; count: number }[] {
    if (this.cachedSpeakers) return this.cachedSpeakers;
    const counts = new Map<string, { name: string; value: string; aliases: string[]; count: number }>();
    for (const passage of this.corpus.passages) {
      const key = passage.voice.personId ?? passage.voice.name;
      const person = passage.voice.personId ? this.peopleById.get(passage.voice.personId) : undefined;
      const entry = counts.get(key) ?? { name: passage.voice.name, value: key, aliases: [...(person?.aliases ?? [])], count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    this.cachedSpeakers = [...counts.values()].sort((a, b) => Number(this.peopleById.has(b.value)) - Number(this.peopleById.has(a.value)) || b.count - a.count);
    return this.cachedSpeakers;
  }

  private filterFor(query: Pick<QuoteQuery, 'source' | 'speaker'>): ((passage: Passage) => boolean) | 'no-source' | 'no-speaker' {
    let sourceId: string | null = null;
    let speaker: { personId: string | null; name: string } | null = null;
    if (query.source?.trim()) {
      sourceId = this.resolveSource(query.source)?.id ?? null;
      if (!sourceId) return 'no-source';
    }
    if (query.speaker?.trim()) {
      speaker = this.resolveSpeaker(query.speaker);
      if (!speaker) return 'no-speaker';
    }
    return (passage) =>
      (sourceId === null || passage.sourceId === sourceId) &&
      (speaker === null || (speaker.personId !== null ? passage.voice.personId === speaker.personId : passage.voice.name === speaker.name));
  }

  /**
   * Ranked, de-duplicated matches. Throws nothing: an unknown source or speaker filter gives `[]`;
   * use `resolveSource`/`resolveSpeaker` first to tell the user why.
   */
  search(query: QuoteQuery, candidates: number = O.candidates): QuoteHit[] {
    const limit = Math.max(1, Math.min(query.limit ?? 10, 50));
    const text = query.text.trim();
    const filter = this.filterFor(query);
    if (typeof filter === 'string') return [];
    if (text.startsWith(PASSAGE_ID_PREFIX)) {
      const wanted = text.slice(PASSAGE_ID_PREFIX.length).trim();
      const passage = this.corpus.passages.find((p) => p.id === wanted);
      return passage && filter(passage) ? [this.hit(passage, 0)] : [];
    }
    const terms = tokenize(text);
    if (terms.length === 0) return [];
    const meaningful = new Set(terms.filter((t) => !O.stopWords.has(t)));
    const counted = meaningful.size > 0 ? meaningful : new Set(terms);
    const raw = this.mini.search(terms.join(' '), {
      boost: { ...O.boost },
      fuzzy: (term) => O.fuzzy(term) / Math.max(term.length, 1),
      maxFuzzy: 2,
      prefix: (term) => term.length >= O.prefixMinLength,
      weights: { ...O.weights },
      combineWith: 'OR',
      filter: (result: SearchResult) => {
        const passage = this.corpus.passages[result['id'] as number];
        return passage !== undefined && filter(passage);
      },
    });
    return this.rank(raw.slice(0, candidates), text, counted, limit);
  }

  private rank(raw: readonly SearchResult[], text: string, counted: ReadonlySet<string>, limit: number): QuoteHit[] {
    if (raw.length === 0) return [];
    const top = raw[0]?.score ?? 1;
    const pattern = foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const docs = raw.map((r) => ({ id: r['id'] as number, text: this.folded[r['id'] as number] ?? '' }));
    const fuse = new Fuse(docs, this.fuseOptions);
    const fuseScores = new Map<number, number>();
    for (const result of fuse.search(pattern.slice(0, 256))) fuseScores.set(result.item.id, result.score ?? 1);
    const scored = raw.map((r) => {
      const id = r['id'] as number;
      const matched = new Set(r.queryTerms.filter((t) => counted.has(t)));
      const missing = 1 - matched.size / counted.size;
      const folded = this.folded[id] ?? '';
      const exact = pattern.length >= 6 && folded.replace(/[^\p{L}\p{N}]+/gu, ' ').includes(pattern);
      const score =
        O.mix.missingTerms * missing +
        O.mix.indexScore * (1 - r.score / top) +
        O.mix.fuseScore * (fuseScores.get(id) ?? 1) -
        (exact ? O.exactPhraseBonus : 0);
      return { id, score: Math.min(1, Math.max(0, score)) };
    });
    scored.sort((a, b) => a.score - b.score || a.id - b.id);
    const seen = new Set<string>();
    const hits: QuoteHit[] = [];
    for (const { id, score } of scored) {
      if (score > O.maxScore) break;
      const passage = this.corpus.passages[id];
      const key = this.folded[id];
      if (!passage || key === undefined || seen.has(key)) continue;
      seen.add(key);
      hits.push(this.hit(passage, Math.round(score * 1000) / 1000));
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /** A random passage (optionally filtered), skipping fragments and reader comments. */
  random(filter: Pick<QuoteQuery, 'source' | 'speaker'> = {}, rng: () => number = Math.random): QuoteHit | null {
    const keep = this.filterFor(filter);
    if (typeof keep === 'string') return null;
    const pool = this.corpus.passages.filter(
      (p) => keep(p) && p.text.length >= O.randomMinLength && this.sourceOf(p).kind !== 'reader-comments',
    );
    const pick = pool[Math.floor(rng() * pool.length)];
    return pick ? this.hit(pick, 0) : null;
  }

  /** Autocomplete for the query option: passages as choices, each choice selecting its passage by id. */
  suggestQueries(prefix: string, limit = 25): Choice[] {
    const size = Math.max(1, Math.min(limit, 25));
    const hits = prefix.trim()
      ? this.search({ text: prefix, limit: size }, O.autocompleteCandidates)
      : this.corpus.passages
          .filter((p) => p.voice.personId !== null && p.voice.basis === 'direct-quote')
          .slice(0, size)
          .map((p) => this.hit(p, 0));
    return hits.map((h) => ({ name: shorten(`${h.passage.voice.name}: ${h.passage.text}`, MAX_CHOICE), value: `${PASSAGE_ID_PREFIX}${h.passage.id}`.slice(0, MAX_CHOICE) }));
  }

  /** Autocomplete for the source option. */
  suggestSources(prefix: string, limit = 25): Choice[] {
    const size = Math.max(1, Math.min(limit, 25));
    const sources = prefix.trim()
      ? new Fuse(this.corpus.sources as Source[], { keys: ['id', 'title', 'publication'], ignoreLocation: true, threshold: 0.5 }).search(prefix.trim(), { limit: size }).map((r) => r.item)
      : this.corpus.sources.slice(0, size);
    return sources.map((s) => ({ name: shorten(`${s.publication ?? 'Unknown publication'} — ${s.title}`, MAX_CHOICE), value: s.id }));
  }

  /** Autocomplete for the speaker option. */
  suggestSpeakers(prefix: string, limit = 25): Choice[] {
    const size = Math.max(1, Math.min(limit, 25));
    const voices = this.speakerChoices();
    const picked = prefix.trim()
      ? new Fuse(voices, { keys: ['name', 'aliases'], ignoreLocation: true, threshold: 0.5 }).search(prefix.trim(), { limit: size }).map((r) => r.item)
      : voices.slice(0, size);
    return picked.map((v) => {
      const person = this.peopleById.get(v.value);
      return { name: shorten(person ? `${person.name} — ${person.role}` : v.name, MAX_CHOICE), value: v.value.slice(0, MAX_CHOICE) };
    });
  }
}

export { yieldToEventLoop };
