/**
 * Proximity: how tightly a passage holds the query's words. Word order in a half-remembered query is often
 * noise ("than more are afraid russians"), but the quoted sentence still holds those words side by side,
 * where near-duplicates that share them (spliced sentences, the quote repeated in commentary) spread them out.
 */

/**
 * Query words (bits of `allBits`) found in the shortest run of the passage's terms that holds every query word
 * it has, over that run's length (1 = side by side, in any order), times the share of query words it has.
 * `terms` are the passage's term ids in text order; `wordsOfTerm` maps a term id to the query words it stands
 * for (one bit per query word, at most 31). With `from` and `to`, the passage's terms are `terms[from..to)` (search
 * passes the index's whole sequence rather than make a view per candidate).
 */
export function proximity(
  terms: Int32Array,
  wordsOfTerm: TermWords,
  allBits: number,
  from = 0,
  to = terms.length,
): number {
  const length = to - from;
  // Reused buffers: this runs for hundreds of candidates per query, and per-call arrays were young-GC churn.
  if (maskBuffer.length < length) maskBuffer = new Int32Array(Math.max(length, maskBuffer.length * 2));
  const masks = maskBuffer;
  let all = 0;
  for (let k = 0; k < length; k++) {
    const mask = wordsOfTerm.get(terms[from + k] ?? -1) ?? 0;
    masks[k] = mask;
    all |= mask;
  }
  const wanted = popcount(all);
  const share = wanted / Math.max(1, popcount(allBits));
  if (wanted <= 1) return share;
  const counts = COUNTS.fill(0);
  let covered = 0;
  let shortest = Infinity;
  let start = 0;
  for (let end = 0; end < length; end++) {
    covered += addMask(counts, masks[end] ?? 0, 1);
    while (covered === wanted) {
      shortest = Math.min(shortest, end - start + 1);
      covered -= addMask(counts, masks[start] ?? 0, -1);
      start++;
    }
  }
  return (wanted / shortest) * share;
}

/** Term id → the query words (one bit each) it stands for: a Map in tests, collect's `TermMasks` in search. */
export interface TermWords {
  get(term: number): number | undefined;
}

let maskBuffer = new Int32Array(256);
const COUNTS = new Int32Array(32);

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/** Adds (`delta` 1) or removes (-1) one term's query-word bits; returns how many words became (un)covered. */
function addMask(counts: Int32Array, mask: number, delta: 1 | -1): number {
  let changed = 0;
  for (let v = mask >>> 0; v !== 0; v &= v - 1) {
    const bit = 31 - Math.clz32(v & -v);
    const before = counts[bit] ?? 0;
    counts[bit] = before + delta;
    if ((delta === 1 && before === 0) || (delta === -1 && before === 1)) changed++;
  }
  return changed;
}
