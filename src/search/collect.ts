/**
 * Candidate collection: the inverted index scores the passages that share words (or speaker and
 * publication names) with the query, and the best few go on to ranking. Each step below reads and
 * writes one `Scratch`, reused by every query (search is synchronous, so one per index is enough).
 */
import type { Facet } from './facets.ts';
import { frequentAbove, SEARCH_OPTIONS as O } from './options.ts';
import type { PairIndex } from './pair-index.ts';
import { proximity } from './proximity.ts';
import type { WeightedWord } from './meaning.ts';
import type { Expansion, TermIndex } from './term-index.ts';
import type { Scratch, TermMasks } from './scratch.ts';
import { topCandidates } from './top-candidates.ts';

export { Scratch } from './scratch.ts';
export { candidateKey } from './top-candidates.ts';

/** A passage the index found, with its index score and how many query words it matched. */
export interface Candidate {
  readonly index: number;
  readonly score: number;
  readonly matched: number;
  /** How tightly it holds the query's words (see proximity.ts): 1 when they stand side by side. */
  readonly proximity: number;
}

/** Term id → the query words (one bit each, counted words first, then stop words) it stands for. */
type WordsOfTerm = TermMasks;

/** What collection needs to know about one query. */
export interface CollectRequest {
  /** The words that count: the query's words less stop words (or all of them when all are stop words). */
  readonly words: readonly string[];
  /** Stop words, which only add weight to passages the other words found. */
  readonly minor: readonly string[];
  /** The query's words in order, for side-by-side pairs. */
  readonly sequence: readonly string[];
  /** The word being typed: it may be a prefix even when short. */
  readonly lastWord: string | undefined;
  readonly allowed: (index: number) => boolean;
  /** How many candidates to hand on. */
  readonly take: number;
  /** Second pass only (meaning.ts): the related words each query word also matches, with their weights. */
  readonly related?: ((word: string) => readonly WeightedWord[]) | undefined;
}

/** The index data collection reads. */
export interface CollectSources {
  readonly terms: TermIndex;
  readonly pairs: PairIndex;
  readonly voices: readonly Facet[];
  readonly publications: readonly Facet[];
  readonly voiceWords: ReadonlyMap<string, number[]>;
  readonly publicationWords: ReadonlyMap<string, number[]>;
  readonly passageVoice: Int32Array;
  readonly passagePublication: Int32Array;
}

/** Scores passages sharing words (or speaker/publication names) with the query; returns the best `take`. */
export function collect(index: CollectSources, s: Scratch, request: CollectRequest, passageCount: number): Candidate[] {
  s.beginQuery(request.allowed);
  const wordsOfTerm = s.wordsOfTerm.begin(index.terms.terms.length);
  const facetHits = namedFacets(index, request.words);
  const plans = planWords(index.terms, request, wordsOfTerm, passageCount);
  for (const plan of plans) if (plan.touches) creditWord(index.terms, s, plan, request, wordsOfTerm);
  touchNamedFacets(s, facetHits.voices, index.voices);
  touchNamedFacets(s, facetHits.publications, index.publications);
  // Frequent words only add to the passages the rarer words found, unless those found too few to choose from.
  const deferredTouch = s.count < request.take;
  for (const plan of plans) if (!plan.touches) creditWord(index.terms, s, plan, request, wordsOfTerm, deferredTouch);
  if (s.count === 0) return [];
  if (s.count > O.frequent.touchBudget && !named(facetHits))
    s.dropMatchedBelow(2, request.take * O.proximityPoolFactor);
  addMinorWords(index.terms, s, request.minor, request.words.length, wordsOfTerm);
  addPairs(index.pairs, s, request.sequence, passageCount);
  const best = addFacetMatches(index, s, facetHits, request.words.length);
  const allBits = 2 ** (request.words.length + request.minor.length) - 1;
  // Proximity is at most the share of query words a passage holds (the words credited to it, the stop words, and
  // the word being typed, whose completions are credited only to the passages holding the most words), times the
  // most query words one term stands for (a run of terms can hold more words than terms).
  const total = request.words.length + request.minor.length;
  const shareBound = (p: number) => Math.min(1, (s.matched(p) + request.minor.length + 1) / total) * wordsOfTerm.widest;
  return topCandidates(s, best, request.words.length, request.take, {
    of: (p) => proximity(index.terms.allTerms, wordsOfTerm, allBits, index.terms.termsFrom(p), index.terms.termsTo(p)),
    bound: shareBound,
    widest: wordsOfTerm.widest,
  });
}

function markTerm(wordsOfTerm: WordsOfTerm, term: number, bit: number): void {
  wordsOfTerm.add(term, bit);
}

/** One query word: the terms it expands to (typos, prefixes), best first, and whether it adds passages. */
interface WordPlan {
  readonly word: string;
  readonly bit: number;
  readonly expansions: readonly Expansion[];
  /** False for a word so frequent that it only adds to passages rarer words found (see `planWords`). */
  readonly touches: boolean;
}

/**
 * Each query word's expansions, and which words add passages. A word whose expansions hold more than
 * `frequent.share` of the corpus ("china", "russia" in a corpus about them) would touch a large part of it,
 * and at 1M passages walking those postings was most of a query; the sentence the user means holds the rarer
 * words too, so the frequent ones only add to the passages the rarer ones found. The words that add passages
 * are also held to `frequent.touchBudget` postings together (rarest first), so no corpus size makes them many.
 */
function planWords(terms: TermIndex, request: CollectRequest, wordsOfTerm: WordsOfTerm, n: number): WordPlan[] {
  const limit = frequentAbove(n);
  const plans = request.words.map((word, w) => {
    const prefix = word.length >= O.prefixMinLength && (word.length >= 4 || word === request.lastWord);
    const options = { maxEdits: O.maxEdits(word), prefix, prefixLimit: O.prefixLimit };
    const expansions = terms.expand(word, options, O.weights);
    // For proximity, a word the corpus knows stands for itself and its longer forms ("want", "wants"), not
    // for its one-letter neighbours: "than" must not find its place in "that russians are more afraid".
    const known = terms.idOf(word);
    for (const { term } of expansions)
      if (known === undefined || term === known || terms.terms[term]?.startsWith(word))
        markTerm(wordsOfTerm, term, 2 ** w);
    let postings = 0;
    for (const { term } of expansions) postings += terms.frequency(term);
    return { word, bit: 2 ** w, expansions, postings };
  });
  // With no rare word ("economic form an alliance against"), the two rarest words still find the sentence,
  // which holds them all; the rest only add to what those two found.
  const found = plans.filter((p) => p.expansions.length > 0);
  const rare = found.filter((p) => p.postings <= limit);
  const chosen = rare.length > 0 ? rare : found.sort((a, b) => a.postings - b.postings).slice(0, 2);
  const touchers = new Set(withinBudget(chosen));
  return plans.map((p) => ({
    word: p.word,
    bit: p.bit,
    expansions: p.expansions,
    touches: touchers.size === 0 || touchers.has(p),
  }));
}

/** The rarest of `plans` always; the next rarest while their postings together stay within `touchBudget`. */
function withinBudget<P extends { postings: number }>(plans: readonly P[]): P[] {
  const sorted = [...plans].sort((a, b) => a.postings - b.postings);
  const out: P[] = [];
  let total = 0;
  for (const p of sorted) {
    if (out.length > 0 && total + p.postings > O.frequent.touchBudget) break;
    out.push(p);
    total += p.postings;
  }
  return out;
}

/** Credits one word's expansions to their passages (touching them, or only those already touched). */
function creditWord(
  terms: TermIndex,
  s: Scratch,
  plan: WordPlan,
  request: CollectRequest,
  wordsOfTerm: WordsOfTerm,
  touch = plan.touches,
): void {
  s.beginTerm();
  for (const { term, weight } of plan.expansions) {
    const gain = weight * terms.idf(term);
    const postings = terms.postings(term);
    if (touch) for (let k = 0; k < postings.length; k++) s.creditWord(postings[k] ?? -1, gain);
    else s.creditHolders(postings, terms.bitmap(term), gain);
  }
  // The second pass's related words (meaning.ts) always add passages: finding sentences that lack the query's
  // own words is what that pass is for.
  for (const related of request.related?.(plan.word) ?? []) {
    const term = terms.idOf(related.word);
    if (term === undefined) continue;
    markTerm(wordsOfTerm, term, plan.bit);
    const gain = related.weight * terms.idf(term);
    const postings = terms.postings(term);
    for (let k = 0; k < postings.length; k++) s.creditWord(postings[k] ?? -1, gain);
  }
  if (plan.word === request.lastWord) completeLastWord(terms, s, plan.word, plan.bit, wordsOfTerm);
}

/** How many query words name each speaker and each publication. */
function namedFacets(
  index: CollectSources,
  words: readonly string[],
): { voices: Float64Array; publications: Float64Array } {
  const voices = new Float64Array(index.voices.length);
  const publications = new Float64Array(index.publications.length);
  for (const word of words) {
    for (const f of index.voiceWords.get(word) ?? []) voices[f] = (voices[f] ?? 0) + 1;
    for (const f of index.publicationWords.get(word) ?? []) publications[f] = (publications[f] ?? 0) + 1;
  }
  return { voices, publications };
}

/**
 * The word being typed ("whether china p", "russians are more afrai") stands for any of its completions, but
 * a short prefix has thousands, and crediting only the `prefixLimit` shortest ones ("pre" → "prey", "press")
 * left the sentence the user is typing towards ("pressures") one word short of sentences that merely share
 * the finished words. So the passages the other words found are checked for any term that completes it (a
 * range of the sorted vocabulary, one comparison per term); it never adds passages of its own.
 */
function completeLastWord(terms: TermIndex, s: Scratch, word: string, bit: number, wordsOfTerm: WordsOfTerm): void {
  const range = terms.prefixRange(word);
  if (range.to - range.from <= O.prefixLimit) return; // every completion was already expanded
  // Only passages holding as many finished words as the best can rise to the top by completing the last one;
  // checking the others too doubled the cost of autocomplete for no measured gain.
  let most = 0;
  for (let k = 0; k < s.count; k++) most = Math.max(most, s.matched(s.touched(k)));
  for (let k = 0; k < s.count; k++) {
    const p = s.touched(k);
    if (s.matched(p) < most || s.hasWord(p)) continue;
    const term = terms.firstTermInRange(p, range);
    if (term === -1) continue;
    s.creditWord(p, terms.prefixWeight(word, term, O.weights) * terms.idf(term));
    markTerm(wordsOfTerm, term, bit);
  }
}

/** A speaker or publication the query names is searched whole, when it is small enough. */
function touchNamedFacets(s: Scratch, hits: Float64Array, facets: readonly Facet[]): void {
  hits.forEach((count, f) => {
    const facet = facets[f];
    if (count === 0 || !facet || facet.passages.length > O.facetTouchLimit) return;
    for (const p of facet.passages) s.touch(p);
  });
}

/**
 * Stop words only add their small weight to passages the other words found: on their own they would
 * touch most of the corpus, but "this is" can still tell two near-identical sentences apart.
 */
function addMinorWords(
  terms: TermIndex,
  s: Scratch,
  minor: readonly string[],
  firstBit: number,
  wordsOfTerm: WordsOfTerm,
): void {
  for (const [m, word] of minor.entries()) {
    const term = terms.idOf(word);
    if (term === undefined) continue;
    markTerm(wordsOfTerm, term, 2 ** (firstBit + m));
    s.addToHolders(terms.postings(term), terms.bitmap(term), terms.idf(term));
  }
}

/** Two query words side by side, in order, add weight by the pair's rarity (an idf over passages). */
function addPairs(pairs: PairIndex, s: Scratch, sequence: readonly string[], n: number): void {
  for (let i = 1; i < sequence.length; i++) {
    const holders = pairs.lookupShared(sequence[i - 1] ?? '', sequence[i] ?? '');
    if (holders.length === 0) continue;
    const gain = O.pairWeight * Math.log(1 + (n - holders.length + 0.5) / (holders.length + 0.5));
    for (let k = 0; k < holders.length; k++) s.addIfTouched(holders[k] ?? -1, gain);
  }
}

/** Whether the query names any speaker or publication. */
function named(hits: { voices: Float64Array; publications: Float64Array }): boolean {
  return hits.voices.some((c) => c > 0) || hits.publications.some((c) => c > 0);
}

/** Query words naming a passage's speaker or publication count as matches; returns the best score. */
function addFacetMatches(
  index: CollectSources,
  s: Scratch,
  hits: { voices: Float64Array; publications: Float64Array },
  words: number,
): number {
  let best = 0;
  // Most queries name no speaker or publication: then only the best score is wanted (at 1M passages this loop
  // visits up to tens of thousands of candidates).
  if (!named(hits)) {
    for (let k = 0; k < s.count; k++) best = Math.max(best, s.score(s.touched(k)));
    return best;
  }
  for (let k = 0; k < s.count; k++) {
    const p = s.touched(k);
    const publication = index.passagePublication[p] ?? -1;
    const facetMatches =
      (hits.voices[index.passageVoice[p] ?? -1] ?? 0) +
      (publication === -1 ? 0 : (hits.publications[publication] ?? 0));
    if (facetMatches > 0) s.addMatches(p, facetMatches * O.facetWeight, facetMatches, words);
    if (s.score(p) > best) best = s.score(p);
  }
  return best;
}
