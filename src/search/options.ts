/** Passages a term or word must be held by, at most, not to count as frequent (see `frequent` below). */
export function frequentAbove(passages: number): number {
  return Math.max(SEARCH_OPTIONS.frequent.minPassages, SEARCH_OPTIONS.frequent.share * passages);
}

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
  /** A query word whose expansions hold more than this share of the passages (and at least `minPassages`)
   * only adds to the passages its rarer words found, when it has any (see collect.ts `planWords`).
   * `touchBudget` bounds the candidates, whatever the corpus size: the words that add passages are taken rarest
   * first while their postings together stay within it (the rarest always adds), and when more passages than
   * that were touched anyway, those holding only one query word are dropped (unless too few would remain). At
   * 1M bench passages every query word is frequent, the "two rarest" fallback touched up to 654,321 passages (33k
   * on average), and everything after collection walks the touched list; with the budget at most 44k (16k on
   * average), top-1 unchanged at 100k and 1M. At 100k a query's rare words rarely hold 30k postings together. */
  frequent: Object.freeze({ share: 0.02, minPassages: 1000, touchBudget: 30000 }),
  /** A frequent term (held by more than `frequentAbove` passages) also has a bitmap of its passages, and the
   * words that only add to the candidates test each candidate's bit instead of walking postings when the
   * candidates are fewer than the postings over `bitmapCost` (a bit test on a candidate costs more than a step
   * along a posting list, which reads memory in order). */
  bitmapCost: 1,
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
  /** The longest query text fuse.js sees: 32 characters (five or six words) already pin a sentence down
   * and fit one bitap run; a longer pattern made fuse.js run twice per candidate and allocate more (more
   * GC pauses in the latency tail) for no accuracy on the labelled set. Figures: README "Performance". */
  fusePatternMax: 32,
  /** Folded passage texts kept between queries (per index, oldest dropped first): re-folding the same
   * candidates was about a tenth of a seed-corpus query. A few MB at most, whatever the corpus size. */
  foldCacheSize: 8192,
  /** fuse.js scores only the candidates still in the running: at least 3, those whose index key is
   * within 0.25 of the best, at most 16 (the rest count as no character match). Where the index already
   * separates the passages (small corpora) fuse.js has little to do; where many tie (large ones) it
   * breaks the ties. Measured with `npm run bench`; the figures are in README "Performance". */
  fuseFinalists: 16,
  fuseFinalistsMin: 3,
  fuseFinalistMargin: 0.25,
  /** How the final score mixes the three signals (lower is better): the share of query words the
   * passage lacks, the inverted-index score, and fuse.js's character-level score. */
  mix: Object.freeze({ missingTerms: 0.45, indexScore: 0.25, fuseScore: 0.3, proximity: 0.5 }),
  /** The index's best `candidates × proximityPoolFactor` are re-sorted with proximity before the cut. At 100k
   * passages a half-typed prefix's target (which shares its words with thousands of passages) was below the
   * cut of a 4× pool for 3 of 132 prefixes that 16× keeps; 64× gained one more for twice the cost. */
  proximityPoolFactor: 16,
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
  /** Results per search when the caller names no limit, and the most it may ask for: a reply pages
   * through a handful of matches, and past a few dozen the scores are noise anyway. */
  defaultLimit: 10,
  maxLimit: 50,
  /** Suggestions (autocomplete, "did you mean") per list at most: a pick list, not a result page
   * (also Discord's cap on autocomplete choices). */
  maxSuggestions: 25,
  /** fuse.js thresholds for matching a typed filter to a source (id, title, publication) or a speaker
   * (name, aliases): strict enough that a wrong filter is reported rather than silently resolved. */
  sourceMatchThreshold: 0.4,
  speakerMatchThreshold: 0.35,
  /** Autocomplete is looser: it only proposes, the user picks. */
  suggestMatchThreshold: 0.5,
  /** Query-name words shorter than this do not name a speaker or publication ("Li" still does). */
  facetWordMinLength: 2,
  /** In the candidate key, the index score's weight next to the share of query words matched (which
   * counts 1): coverage decides, the score only orders candidates with the same coverage. */
  candidateScoreShare: 0.5,
  /** Query words shorter than this do not anchor the fuse.js window (they occur everywhere). */
  anchorMinLength: 3,
  /** The fuse.js window: twice the pattern plus this many characters, starting this many before the
   * first anchor, and looking at no more than this many anchor occurrences (a word repeated through
   * a long passage should not make windowing cost more than it saves). */
  window: Object.freeze({ padding: 16, lead: 12, maxAnchorHits: 64 }),
  /** The exact-phrase bonus needs at least this many query characters: "us" is in everything. */
  exactPhraseMinLength: 6,
  /** "Did you mean": words shorter than this are left alone; from this length one edit, from
   * `twoEditsFrom` two (as for `maxEdits`, a little stricter, since a correction replaces the word). */
  correction: Object.freeze({ minLength: 3, twoEditsFrom: 6 }),
  /** A random quote first tries this many random passages before listing every one that fits the
   * filter: cheap when most fit, and still exact when a filter leaves only a few. */
  randomAttempts: 64,
  /** Query words beyond this are ignored (a pasted paragraph should not cost a second). */
  maxQueryTerms: 24,
  /** Random quotes skip fragments shorter than this. */
  randomMinLength: 60,
  /** The second pass (meaning.ts), for queries remembered by their gist. It runs only when the first pass's best
   * match lacks at least `minMissing` of the query's counted words: one missing word is a typo or an extra
   * word, which the first pass handles, and every query whose words match keeps today's path and cost. A
   * related word is worth `relatedWeight` × its vector similarity (at most about 0.5, below a one-edit typo's
   * 0.6: the user's own word, even misspelt, says more than a synonym). The final order mixes the first-pass
   * score with the query's vector alignment to the passage, `alignmentShare` of it. In the alignment a query
   * word counts only through a passage word at least `minSimilarity` close: above what two random words of the
   * table reach 99 times in 100 (0.53, printed by `npm run build:related`), since a word's best match among a
   * passage's twenty-odd words is otherwise often noise (at the 0.4 first tried, "best chocolate cake recipe"
   * found a toast to the alliance). A passage aligned below `minAlignment` (less than half of the query said,
   * in its words or related ones) is not an answer: a query about something the corpus never discusses finds
   * nothing. */
  meaning: Object.freeze({
    minMissing: 2,
    relatedWeight: 0.5,
    alignmentShare: 0.5,
    minSimilarity: 0.55,
    minAlignment: 0.5,
  }),
  /** Results beyond this score are noise, not matches. */
  maxScore: 0.8,
});
