/**
 * Labelled queries for the benchmark: an anchor is a run of a passage's words found in no other passage, and each
 * anchor gives three queries (typos, the plain phrase, the words reordered) that must find that passage, plus the
 * prefixes autocomplete sees as they are typed.
 */
import { createRng, deriveSeed, type Rng } from './rng.ts';

export type QueryKind = 'typo' | 'partial' | 'reordered';

export interface LabelledQuery {
  readonly id: string;
  readonly kind: QueryKind;
  /** What the user types. */
  readonly text: string;
  /** The passage this query must find. */
  readonly targetId: string;
  /** The exact target words the query was derived from (lower-cased, punctuation stripped). */
  readonly anchor: readonly string[];
}

export interface PlantedTarget {
  readonly passageId: string;
  readonly text: string;
  /** A run of the target's words that occurs in no other passage (normalised). */
  readonly anchor: readonly string[];
}

const ANCHOR_MIN = 4;
const ANCHOR_MAX = 6;
/** A word long enough to carry a typo and to mean something in a query. */
const CONTENT_WORD = /^[a-z0-9]{4,}$/;
/** A typed word: letters and digits, with inner apostrophes ("china's"). */
const WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;

/** Lower-cases and strips punctuation, the way people type a half-remembered phrase. */
export function normalizeWords(text: string): string[] {
  const lower = text.toLowerCase();
  return (lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower).match(WORD) ?? [];
}

/** Picks a run of ANCHOR_MIN..ANCHOR_MAX normalised words holding at least three content words, or null. */
export function pickAnchor(text: string, rng: Rng): string[] | null {
  const words = normalizeWords(text);
  for (let attempt = 0; attempt < 12; attempt++) {
    const len = rng.int(ANCHOR_MIN, ANCHOR_MAX);
    if (words.length < len) return null;
    const start = rng.int(0, words.length - len);
    const run = words.slice(start, start + len);
    if (run.filter((w) => CONTENT_WORD.test(w)).length >= 3) return run;
  }
  return null;
}

/**
 * Indices of anchors that also occur (as a contiguous normalised run) in a passage other than their own.
 * `anchorSubset` limits which anchors are looked for, `passageSubset` which passages are scanned.
 */
export function findAmbiguousAnchors(
  words: readonly (readonly string[])[],
  anchors: readonly (readonly string[])[],
  owners: readonly number[],
  anchorSubset: ReadonlySet<number> | null,
  passageSubset: readonly number[] | null,
): Set<number> {
  const byFirst = new Map<string, number[]>();
  anchors.forEach((a, i) => {
    if (anchorSubset && !anchorSubset.has(i)) return;
    const first = a[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(i);
    else byFirst.set(first, [i]);
  });
  const ambiguous = new Set<number>();
  const scan = (passageWords: readonly string[], passageIndex: number): void => {
    for (let p = 0; p < passageWords.length; p++) {
      const candidates = byFirst.get(passageWords[p] as string);
      if (!candidates) continue;
      for (const i of candidates) {
        if (owners[i] === passageIndex) continue;
        const anchor = anchors[i] as readonly string[];
        if (p + anchor.length > passageWords.length) continue;
        let same = true;
        for (let k = 1; k < anchor.length && same; k++) same = passageWords[p + k] === anchor[k];
        if (same) ambiguous.add(i);
      }
    }
  };
  if (passageSubset) for (const i of passageSubset) scan(words[i] as string[], i);
  else words.forEach(scan);
  return ambiguous;
}

/** Applies one random edit (substitute, delete, insert, transpose) that really changes the word. */
export function misspell(word: string, rng: Rng): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (;;) {
    const i = rng.int(0, word.length - 1);
    const op = rng.int(0, 3);
    let out: string;
    if (op === 0) out = word.slice(0, i) + rng.pick([...letters]) + word.slice(i + 1);
    else if (op === 1) out = word.slice(0, i) + word.slice(i + 1);
    else if (op === 2) out = word.slice(0, i) + rng.pick([...letters]) + word.slice(i);
    else out = i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
    if (out !== word && out.length >= 3) return out;
  }
}

/** The three labelled queries for one target: 1–2 typos in 1–2 words, the plain phrase, and the words reordered. */
export function makeQueries(target: PlantedTarget, index: number, rng: Rng): LabelledQuery[] {
  const anchor = target.anchor;
  const contentPositions = anchor.flatMap((w, i) => (CONTENT_WORD.test(w) ? [i] : []));
  const typoWords = anchor.slice();
  // One or two misspelt words; a single misspelt word gets one or two edits, two words get one each.
  const chosen = rng.shuffled(contentPositions).slice(0, rng.int(1, 2));
  const editsPerWord = chosen.length === 1 ? rng.int(1, 2) : 1;
  for (const pos of chosen) {
    const original = anchor[pos] as string;
    let w = original;
    for (let e = 0; e < editsPerWord; e++) w = misspell(w, rng);
    while (w === original) w = misspell(w, rng);
    typoWords[pos] = w;
  }

  let reordered = rng.shuffled(anchor);
  for (let tries = 0; tries < 8 && reordered.join(' ') === anchor.join(' '); tries++) reordered = rng.shuffled(anchor);

  const base = `q${String(index).padStart(4, '0')}`;
  return [
    { id: `${base}-typo`, kind: 'typo', text: typoWords.join(' '), targetId: target.passageId, anchor },
    { id: `${base}-partial`, kind: 'partial', text: anchor.join(' '), targetId: target.passageId, anchor },
    { id: `${base}-reordered`, kind: 'reordered', text: reordered.join(' '), targetId: target.passageId, anchor },
  ];
}

/**
 * Autocomplete inputs "as typed": prefixes of each query, with `perQuery` lengths sampled from every length
 * of three characters up to the whole query.
 */
export function samplePrefixes(
  queries: readonly LabelledQuery[],
  perQuery: number,
  seed: number,
): { queryId: string; prefix: string }[] {
  const rng = createRng(deriveSeed(seed, 'prefixes'));
  return queries.flatMap((q) => {
    const lengths = Array.from({ length: Math.max(0, q.text.length - 2) }, (_, i) => i + 3);
    return rng
      .shuffled(lengths)
      .slice(0, perQuery)
      .sort((x, y) => x - y)
      .map((len) => ({ queryId: q.id, prefix: q.text.slice(0, len) }));
  });
}

/**
 * Labelled queries (typo, partial, reordered) for passages of an existing corpus, e.g. the real seed corpus:
 * picks up to `count` passages that have a phrase no other passage shares, and derives queries from it.
 */
export function labelExistingPassages(
  passages: readonly { readonly id: string; readonly text: string }[],
  count: number,
  seed: number,
): LabelledQuery[] {
  const rng = createRng(deriveSeed(seed, 'existing'));
  const words = passages.map((p) => normalizeWords(p.text));
  const order = rng.shuffled(passages.map((_, i) => i));
  const owners: number[] = [];
  const anchors: string[][] = [];
  for (const i of order) {
    const anchor = pickAnchor((passages[i] as { text: string }).text, rng);
    if (!anchor) continue;
    owners.push(i);
    anchors.push(anchor);
  }
  const ambiguous = findAmbiguousAnchors(words, anchors, owners, null, null);
  const targets: PlantedTarget[] = [];
  anchors.forEach((anchor, k) => {
    if (ambiguous.has(k) || targets.length >= count) return;
    const passage = passages[owners[k] as number] as { id: string; text: string };
    targets.push({ passageId: passage.id, text: passage.text, anchor });
  });
  return targets.flatMap((t, k) => makeQueries(t, k, rng));
}
