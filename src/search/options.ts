/**
 * Every search tuning knob in one frozen place, each non-default value with its reason.
 * Measured against tests/search/labelled-queries.ts and `npm run bench`; change one, re-run both.
 */
export const SEARCH_OPTIONS = Object.freeze({
  /** Candidates the inverted index hands to fuse.js: enough that a typo'd query's target is among them,
   * few enough that fuse.js stays cheap however large the corpus. */
  candidates: 30,
  /** Fewer for autocomplete, which fires on every keystroke. */
  autocompleteCandidates: 12,
  /** Typos: one edit from 4 letters, two from 8. Shorter words must be exact (or a prefix). */
  maxEdits: (term: string): number => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
  /** Terms shorter than this get no fuzzy variants indexed. */
  minFuzzyLength: 4,
  /** Half-remembered words ("mental" → "mentality") and the word being typed: prefix-match from 3 letters. */
  prefixMinLength: 3,
  /** At most this many completions per prefix, closest in length first, so "co" cannot touch everything. */
  prefixLimit: 24,
  /** Worth of a match one edit away (two edits: squared) and the base worth of a prefix match. */
  weights: Object.freeze({ fuzzy: 0.6, prefix: 0.4 }),
  /** Worth of two query words found side by side, in order (times the pair's rarity): word order is
   * what tells the quoted sentence from others that merely share its words. */
  pairWeight: 0.5,
  /** Worth of a query word that names the passage's speaker or publication ("wang strategic coordination"). */
  facetWeight: 0.8,
  /** A speaker or publication with at most this many passages is searched whole when the query names it. */
  facetTouchLimit: 2000,
  /** fuse.js as the fuzzy re-ranker over candidates: location-free (a quote may sit anywhere in a
   * sentence), no field-length norm (long sentences are not worse quotes). A threshold below 1 lets
   * bitap give up early on hopeless candidates; those score 1. */
  fuse: Object.freeze({
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 0.6,
    minMatchCharLength: 2,
  }),
  /** The longest query text fuse.js sees: 32 characters (five or six words) already pin a sentence down,
   * and fit one bitap run; at 48 fuse.js ran twice per candidate, and a seed-corpus query allocated 146 KB
   * instead of 126 KB (more young-generation GC pauses in the latency tail), and accuracy gained nothing: 100k top-1 went
   * from 102/120 to 105/120, the labelled set stayed at 100%. */
  fusePatternMax: 32,
  /** Folded passage texts kept between queries (per index, oldest dropped first): re-folding the same
   * candidates was about a tenth of a seed-corpus query. A few MB at most, whatever the corpus size. */
  foldCacheSize: 8192,
  /** fuse.js scores only the candidates still in the running: at least 3, those whose index key is
   * within 0.25 of the best, at most 16 (the rest count as no character match). Where the index already
   * separates the passages (small corpora) fuse.js has little to do; where many tie (large ones) it
   * breaks the ties. Measured in the last bench run: seed-corpus p99 0.58 ms, 100k top-1 105/120. */
  fuseFinalists: 16,
  fuseFinalistsMin: 3,
  fuseFinalistMargin: 0.25,
  /** How the final score mixes the three signals (lower is better): the share of query words the
   * passage lacks, the inverted-index score, and fuse.js's character-level score. */
  mix: Object.freeze({ missingTerms: 0.45, indexScore: 0.25, fuseScore: 0.3, proximity: 0.5 }),
  /** The index's best `candidates × proximityPoolFactor` are re-sorted with proximity before the cut. */
  proximityPoolFactor: 4,
  /** Worth of proximity (0..1) in the candidate key, beside the share of words matched (0..1). */
  proximityKeyWeight: 0.5,
  /** Bonus (subtracted) when the folded query appears verbatim in the folded passage. */
  exactPhraseBonus: 0.15,
  /** Words too common to decide anything; they only count when a query has nothing else. */
  stopWords: Object.freeze(
    new Set([
      'the',
      'a',
      'an',
      'of',
      'and',
      'or',
      'to',
      'in',
      'on',
      'at',
      'is',
      'are',
      'be',
      'it',
      'its',
      'that',
      'this',
      'as',
      'by',
      'for',
      'with',
      'from',
      'was',
      'were',
      'has',
      'have',
    ]),
  ),
  /** Query words beyond this are ignored (a pasted paragraph should not cost a second). */
  maxQueryTerms: 24,
  /** Random quotes skip fragments shorter than this. */
  randomMinLength: 60,
  /** Results beyond this score are noise, not matches. */
  maxScore: 0.8,
});
