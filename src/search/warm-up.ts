/**
 * The warm-up a new index runs on itself before it answers anyone. A fresh process answers its first queries from
 * code not yet compiled or specialized: each search path (typos of one and two edits, a word cut short, reordered
 * words, fuse.js's windows, proximity, quoted phrases, the second pass and its table) is slow the first times a
 * query reaches it (at load ~5, the first search took 24 ms, the first quoted phrase 22 ms, the first second-pass
 * query 33 ms, against ~0.4 ms warm). So the index asks itself, from its own passages, every kind of query users
 * send before it is handed out: those costs land in the build, not in a user's first /quote. It cannot make V8
 * finish optimizing (the largest functions are re-optimized after hundreds more queries, on V8's schedule; README,
 * "At 1k and 10k, third round"). Nothing it keeps depends on which queries it asked, so answers are unchanged.
 */
import type { Passage } from '../corpus/types.ts';
import { plainWords } from './pair-index.ts';

/** One warm-up call: a /quote search, or an autocomplete of what has been typed so far. */
export interface WarmUpCall {
  readonly kind: 'search' | 'suggest';
  readonly text: string;
}

/**
 * What the warm-up did (`QuoteIndex.warmUpReport`): calls made, of how many planned, how long they took, and how
 * many passages it folded ahead (all of them when the fold cache holds the corpus whole, else 0).
 */
export interface WarmUpReport {
  readonly calls: number;
  readonly planned: number;
  readonly ms: number;
  readonly folded: number;
}

/** How a warm-up is bounded: at most `rounds` passages' worth of calls, and no longer than `budgetMs`. */
export interface WarmUpLimits {
  readonly rounds: number;
  readonly budgetMs: number;
}

/**
 * The first index a process builds: 40 passages' worth of calls (about 440), or 250 ms, whichever ends first. On the
 * shared 2-core machine the budget ended them after 20–80 calls at 1k passages (load 2–6; all 440 took 0.4–0.7 s at
 * load 1–2), the first ones several ms each; at 100k it is a fifth of a quiet build, inside the 3 s target.
 */
export const FIRST_WARM_UP: WarmUpLimits = Object.freeze({ rounds: 40, budgetMs: 250 });

/**
 * Every later index (a reload): compiled code is the process's, shared by every index, so what a new index lacks
 * is only its own state (its vocabulary-sized query arrays, the second pass's table view, recently folded
 * passages), which a few passages' calls fill.
 */
export const NEXT_WARM_UP: WarmUpLimits = Object.freeze({ rounds: 3, budgetMs: 50 });

let processWarmed = false;

/** The limits of the default warm-up (`FIRST_WARM_UP` once per process, then `NEXT_WARM_UP`), marking it taken. */
export function defaultWarmUp(): WarmUpLimits {
  const limits = processWarmed ? NEXT_WARM_UP : FIRST_WARM_UP;
  processWarmed = true;
  return limits;
}

/** What a warm-up calls: the index's own /quote search and autocomplete. */
export interface WarmUpTarget {
  search(query: { text: string }): unknown;
  suggestQueries(prefix: string): unknown;
}

/**
 * The planned calls in order, one per step (a sliced build hands the event loop back between them), until they are
 * done or `budgetMs` has passed (checked before each call, so at least one runs); `report` hears after each call.
 */
export function* warmUpSteps(
  target: WarmUpTarget,
  passages: readonly Passage[],
  limits: WarmUpLimits,
  report: (progress: WarmUpReport) => void,
  now: () => number = () => performance.now(),
): Generator<void, void> {
  const calls = planWarmUp(passages, limits.rounds);
  const start = now();
  let made = 0;
  for (const call of calls) {
    if (made > 0 && now() - start > limits.budgetMs) break;
    if (call.kind === 'search') target.search({ text: call.text });
    else target.suggestQueries(call.text);
    made++;
    report({ calls: made, planned: calls.length, ms: now() - start, folded: 0 });
    yield;
  }
}

/** Words a passage must have for its queries to look like users' (five-word queries, as the labelled set). */
const WINDOW = 5;

/**
 * The calls of one round, made from five of one passage's words: as written, with a one-edit and a two-edit typo,
 * with a word cut short, reordered, with a quoted phrase, with two words it does not hold (the second
 * pass), and autocompletes of the words as typed. Empty when the passage is too short.
 */
export function callsFrom(passage: Passage, stranger: Passage): WarmUpCall[] {
  const words = plainWords(passage.text);
  if (words.length < WINDOW) return [];
  const start = Math.floor((words.length - WINDOW) / 2);
  const window = words.slice(start, start + WINDOW);
  const exact = window.join(' ');
  const longest = window.reduce((a, b) => (b.length > a.length ? b : a));
  const typo = (edits: number) => window.map((w) => (w === longest ? misspell(w, edits) : w)).join(' ');
  // A half-remembered word ("mental" for "mentality"): the longest cut to a prefix of it.
  const cut = longest.slice(0, Math.max(4, Math.ceil(longest.length * 0.6)));
  const partial = window.map((w) => (w === longest ? cut : w)).join(' ');
  const others = plainWords(stranger.text).filter((w) => w.length >= 5 && !window.includes(w));
  const search = (text: string): WarmUpCall => ({ kind: 'search', text });
  const calls = [
    search(exact),
    search(typo(1)),
    search(typo(2)),
    search(partial),
    search([...window].reverse().join(' ')),
    search(`"${window.slice(0, 2).join(' ')}" ${window.slice(2).join(' ')}`),
  ];
  if (others.length >= 2) calls.push(search([...window.slice(0, 3), ...others.slice(0, 2)].join(' ')));
  for (const length of [4, 9, 15, 22])
    if (length < exact.length) calls.push({ kind: 'suggest', text: exact.slice(0, length) });
  return calls;
}

/**
 * `edits` edits to a word: the first swaps two letters after the first, the second drops a letter near the end
 * (as typing fast does). A word too short for them comes back with what it could take.
 */
export function misspell(word: string, edits: number): string {
  let out = word;
  if (edits >= 1 && out.length >= 4) out = out.slice(0, 1) + out[2] + out[1] + out.slice(3);
  if (edits >= 2 && out.length >= 6) out = out.slice(0, -2) + out.slice(-1);
  return out;
}

/**
 * The planned calls, `rounds` passages spread evenly over the corpus (the first passage, then every
 * `passages / rounds`-th), each paired with a passage half the corpus away for the words it does not hold.
 */
export function planWarmUp(passages: readonly Passage[], rounds: number): WarmUpCall[] {
  const n = passages.length;
  if (n === 0 || rounds <= 0) return [];
  const step = Math.max(1, Math.floor(n / rounds));
  const calls: WarmUpCall[] = [];
  for (let r = 0, i = 0; r < rounds && i < n; r++, i += step)
    calls.push(...callsFrom(passages[i] as Passage, passages[(i + Math.floor(n / 2)) % n] as Passage));
  return calls;
}
