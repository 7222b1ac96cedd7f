/**
 * Facets: the speakers (voices) and publications passages belong to. A query word that names one counts
 * as a match for its passages, and the `source:`/`speaker:` filters resolve here, once per query.
 */
import Fuse from 'fuse.js';
import type { Corpus, Source } from '../corpus/types.ts';
import { foldForSearch, tokenize } from '../text/fold.ts';
import { SEARCH_OPTIONS as O } from './options.ts';

/** A speaker (voice) or publication: what a query word can name besides the passage's own words. */
export interface Facet {
  readonly index: number;
  /** Person id for people, else the voice or publication name. */
  readonly key: string;
  readonly name: string;
  readonly personId: string | null;
  readonly aliases: readonly string[];
  readonly passages: number[];
}

/** A speaker a filter resolved to. */
export interface Speaker {
  readonly personId: string | null;
  readonly name: string;
}

/** The passages a filter allows, or why it allows none. */
export type PassageFilter = ((index: number) => boolean) | 'no-source' | 'no-speaker';

/** Facets in first-seen order, found again by key. */
export class FacetList {
  readonly order: Facet[] = [];
  private readonly byKey = new Map<string, Facet>();

  /** The facet for `key`, created from `init` the first time. */
  facetOf(key: string, init: () => Omit<Facet, 'passages' | 'index'>): Facet {
    let facet = this.byKey.get(key);
    if (!facet) {
      facet = { ...init(), index: this.order.length, passages: [] };
      this.byKey.set(key, facet);
      this.order.push(facet);
    }
    return facet;
  }
}

/** Facets read between two yields of `facetWords`. */
const FACETS_PER_STEP = 256;

/**
 * Facet name words → facets, so a query word finds the speakers and publications it names. A generator (built
 * with the index, see build.ts): 5,000 reader comments are 5,000 voices, and tokenizing them all in one go held
 * a reload's event loop 15–25 ms.
 */
export function* facetWords(facets: readonly Facet[]): Generator<void, Map<string, number[]>> {
  const words = new Map<string, number[]>();
  for (const [i, facet] of facets.entries()) {
    if (i % FACETS_PER_STEP === FACETS_PER_STEP - 1) yield;
    for (const word of new Set([facet.name, ...facet.aliases].flatMap((n) => tokenize(n)))) {
      if (O.stopWords.has(word) || word.length < O.facetWordMinLength) continue;
      const list = words.get(word) ?? [];
      list.push(i);
      words.set(word, list);
    }
  }
  return words;
}

/** Resolves what a user typed as a source or speaker filter. */
export class FilterResolver {
  private speakers: Facet[] | null = null;

  constructor(
    private readonly corpus: Corpus,
    private readonly sourcesById: ReadonlyMap<string, Source>,
    private readonly voices: readonly Facet[],
    private readonly passageSource: Int32Array,
    private readonly passageVoice: Int32Array,
  ) {}

  /** Finds a source by id, or by words of its title or publication; null when nothing is close. */
  resolveSource(input: string): Source | null {
    const wanted = input.trim();
    const exact = this.sourcesById.get(wanted) ?? this.sourcesById.get(wanted.toLowerCase());
    if (exact) return exact;
    const fuse = new Fuse(this.corpus.sources as Source[], {
      keys: ['id', 'title', 'publication'],
      includeScore: true,
      ignoreLocation: true,
      threshold: O.sourceMatchThreshold,
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
    const fuse = new Fuse(this.speakerList(), {
      keys: ['name', 'aliases'],
      threshold: O.speakerMatchThreshold,
      ignoreLocation: true,
    });
    const best = fuse.search(input.trim(), { limit: 1 })[0]?.item;
    return best ? { personId: best.personId, name: best.name } : null;
  }

  /** Every voice that speaks in the corpus: people first, then by how much they say. */
  speakerList(): Facet[] {
    this.speakers ??= [...this.voices].sort(
      (a, b) => Number(b.personId !== null) - Number(a.personId !== null) || b.passages.length - a.passages.length,
    );
    return this.speakers;
  }

  /** The allowed-passage test for a filter, or why the filter matches nothing. */
  filterFor(query: { readonly source?: string | undefined; readonly speaker?: string | undefined }): PassageFilter {
    let sourceIndex = -1;
    let voiceIndex = -1;
    if (query.source?.trim()) {
      const source = this.resolveSource(query.source);
      if (!source) return 'no-source';
      sourceIndex = this.corpus.sources.indexOf(source);
    }
    if (query.speaker?.trim()) {
      const speaker = this.resolveSpeaker(query.speaker);
      voiceIndex = speaker ? this.voiceIndexOf(speaker) : -1;
      if (voiceIndex === -1) return 'no-speaker';
    }
    if (sourceIndex === -1 && voiceIndex === -1) return () => true;
    return (i) =>
      (sourceIndex === -1 || this.passageSource[i] === sourceIndex) &&
      (voiceIndex === -1 || this.passageVoice[i] === voiceIndex);
  }

  private voiceIndexOf(speaker: Speaker): number {
    return this.voices.findIndex((v) =>
      speaker.personId !== null ? v.personId === speaker.personId : v.personId === null && v.name === speaker.name,
    );
  }
}
