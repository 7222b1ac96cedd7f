/**
 * The last step of candidate collection (collect.ts): the touched passages with the best keys, re-sorted with
 * proximity, in working arrays kept from query to query.
 */
import type { Candidate } from './collect.ts';
import { SEARCH_OPTIONS as O } from './options.ts';
import type { Scratch } from './scratch.ts';
import { KeyedMinHeap } from './top-k.ts';

/**
 * How promising a candidate is (higher is better): the share of query words it matched, then its index
 * score, then (once measured) its proximity.
 */
export function candidateKey(matched: number, score: number, words: number, best: number, near = 0): number {
  return matched / words + (O.candidateScoreShare * score) / (best || 1) + O.proximityKeyWeight * near;
}

/**
 * The `take` touched passages with the best key. The index score cannot see word order or distance;
 * among near-duplicates that share the query's words (spliced sentences, a quote repeated in commentary)
 * the one holding them closest together is the quote. So a wider pool is re-sorted with proximity before
 * the cut. Proximity is measured best key first, and a candidate is not measured when its key plus the most
 * proximity could add (`proximity.bound`) stays below the `take`-th best final key so far: it cannot be among
 * the `take`, so the result is the same as measuring all (at 1k passages most of the pool was measured).
 */
export function topCandidates(
  s: Scratch,
  best: number,
  words: number,
  take: number,
  proximity: { of: (p: number) => number; bound: (p: number) => number; widest: number },
): Candidate[] {
  const b = buffers;
  const keyOf = (p: number) => candidateKey(s.matched(p), s.score(p), words, best);
  const size = b.pool.select(s.count, (k) => s.touched(k), keyOf, take * O.proximityPoolFactor);
  const { items, keys } = b.pool;
  // Pool places, best key first (keys computed once, by the heap, not in every comparison of the sort).
  const order = b.order(size);
  for (let k = 0; k < size; k++) order[k] = k;
  order.sort((x, y) => byKeyThenItem(keys, items, x, y));
  const measured = b.measured(size);
  let count = 0;
  /** The best final keys so far, best first, at most `take`. */
  const leaders = b.leaders(take);
  let leading = 0;
  for (let k = 0; k < size; k++) {
    const at = order[k] as number;
    const p = items[at] as number;
    const key = keys[at] as number;
    const floor = leading >= take ? (leaders[take - 1] as number) : -Infinity;
    if (key + O.proximityKeyWeight * proximity.widest < floor) break;
    if (key + O.proximityKeyWeight * proximity.bound(p) < floor) continue;
    const near = proximity.of(p);
    const final = candidateKey(s.matched(p), s.score(p), words, best, near);
    measured.index[count] = p;
    measured.proximity[count] = near;
    measured.key[count++] = final;
    if (leading >= take && final <= floor) continue;
    if (leading >= take) leading--;
    let to = leading;
    while (to > 0 && (leaders[to - 1] as number) < final) {
      leaders[to] = leaders[to - 1] as number;
      to--;
    }
    leaders[to] = final;
    leading++;
  }
  const byFinal = b.order(count);
  for (let k = 0; k < count; k++) byFinal[k] = k;
  const { index, key } = measured;
  byFinal.sort((x, y) => byKeyThenItem(key, index, x, y));
  const out: Candidate[] = [];
  for (let k = 0; k < Math.min(take, count); k++) {
    const at = byFinal[k] as number;
    const p = index[at] as number;
    out.push({ index: p, score: s.score(p), matched: s.matched(p), proximity: measured.proximity[at] as number });
  }
  return out;
}

/**
 * Places `x` and `y` by key, highest first, then by item, lowest first. The sign only, never the difference: a
 * comparator called by the sort builtin returns a boxed number when it is not a small integer.
 */
function byKeyThenItem(keys: Float64Array, items: Int32Array, x: number, y: number): number {
  const d = (keys[y] as number) - (keys[x] as number);
  return d > 0 ? 1 : d < 0 ? -1 : (items[x] as number) - (items[y] as number);
}

/**
 * `topCandidates`'s working arrays, kept from query to query (search is synchronous: one set serves every index):
 * the pool and its order were hundreds of objects per query, the young-generation churn that collections inside
 * queries came from.
 */
class CandidateBuffers {
  readonly pool = new KeyedMinHeap();
  private orderData = new Int32Array(0);
  private leaderData = new Float64Array(0);
  private measuredData = { index: new Int32Array(0), proximity: new Float64Array(0), key: new Float64Array(0) };

  /** A scratch order of `size` places (a view: valid until the next call). */
  order(size: number): Int32Array {
    if (this.orderData.length < size) this.orderData = new Int32Array(Math.max(size, this.orderData.length * 2));
    return this.orderData.subarray(0, size);
  }

  leaders(take: number): Float64Array {
    if (this.leaderData.length < take) this.leaderData = new Float64Array(take);
    return this.leaderData;
  }

  /** Room for `size` measured candidates: passage, proximity and final key, by place. */
  measured(size: number): { index: Int32Array; proximity: Float64Array; key: Float64Array } {
    if (this.measuredData.index.length < size) {
      const n = Math.max(size, this.measuredData.index.length * 2);
      this.measuredData = { index: new Int32Array(n), proximity: new Float64Array(n), key: new Float64Array(n) };
    }
    return this.measuredData;
  }
}

const buffers = new CandidateBuffers();
