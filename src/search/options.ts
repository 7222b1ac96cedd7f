/**
 * Every search tuning knob in one frozen place, each non-default value with its reason.
 * Measured against tests/search/labelled-queries.ts; change one, re-run `npm test` and `npm run bench`.
 */
export const SEARCH_OPTIONS = Object.freeze({
  /** Candidates the inverted index hands to fuse.js. Enough that a typo'd query's target is among them
   * (MiniSearch's BM25 already ranks it high), few enough that fuse.js stays cheap at 100k passages. */
  candidates: 40,
  /** Fewer for autocomplete, which fires on every keystroke. */
  autocompleteCandidates: 16,
  /** Field boosts: the words of the passage matter most; a speaker's name or a source title in the query
   * ("wang strategic coordination") should help, not dominate. */
  boost: Object.freeze({ text: 3, voice: 1.2, where: 0.6 }),
  /** Typos: one edit from 4 letters, two from 8 (MiniSearch counts fuzziness as a fraction of the term). */
  fuzzy: (term: string): number => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
  /** Half-remembered words ("mental" → "mentality"): prefix-match terms of 3+ letters. */
  prefixMinLength: 3,
  /** MiniSearch's weights for fuzzy and prefix hits relative to exact ones (defaults 0.45 / 0.375). */
  weights: Object.freeze({ fuzzy: 0.5, prefix: 0.4 }),
  /** fuse.js as the fuzzy re-ranker over candidates: location-free (a quote may sit anywhere in a
   * sentence) and without field-length norm (long sentences are not worse quotes). */
  fuse: Object.freeze({
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 1,
    minMatchCharLength: 2,
  }),
  /** How the final score mixes the three signals (lower is better): the share of query words the
   * passage lacks, the inverted-index rank score, and fuse.js's character-level score. */
  mix: Object.freeze({ missingTerms: 0.45, indexScore: 0.25, fuseScore: 0.3 }),
  /** Bonus (subtracted) when the folded query appears verbatim in the folded passage. */
  exactPhraseBonus: 0.15,
  /** Words too common to count for coverage; they still match inside phrases. */
  stopWords: Object.freeze(
    new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'is', 'are', 'be', 'it', 'its', 'that', 'this', 'as', 'by', 'for', 'with', 'from', 'was', 'were', 'has', 'have']),
  ),
  /** Random quotes skip fragments shorter than this. */
  randomMinLength: 60,
  /** Results beyond this score are noise, not matches. */
  maxScore: 0.8,
});
