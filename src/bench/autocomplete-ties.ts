/**
 * `npm run bench:autocomplete-ties -- [passages]`: where the bench's autocomplete misses go, engine-independently.
 * For each half-typed prefix it counts the passages that hold the prefix's words (typos put right) at least as
 * tightly as the target does. When more than 25 do, the text alone cannot put the target in a 25-item list: any
 * engine picks among ties. The summary gives the hit rate a perfect ranker that breaks ties at random would
 * expect, which is the ceiling of issue 14's "target in 25" measure on the generated corpus.
 */
import { AUTOCOMPLETE_LIMIT } from './engines.ts';
import { generateCorpus } from './generate.ts';
import { normalizeWords, samplePrefixes, type LabelledQuery } from './queries.ts';
import { readSeedMaterial } from './seeds.ts';
import { QuoteIndex } from '../search/engine.ts';

/** The prefix's words as the user means them: whole words, and the word being typed (null after a space). */
export interface MeantWords {
  readonly complete: readonly string[];
  readonly partial: string | null;
}

/**
 * The words of `prefix` (of `query`) as meant: a typo query's words are put back to the anchor's (same positions),
 * and a last word cut short stays a prefix (of the anchor's word, cut to the typed length).
 */
export function meantWords(query: LabelledQuery, prefix: string): MeantWords {
  const typed = normalizeWords(prefix);
  const whole = normalizeWords(query.text);
  const fixed = typed.map((w, k) => (query.kind === 'typo' ? (query.anchor[k] ?? w) : w));
  const last = typed.at(-1);
  const cut = last !== undefined && !/\s$/.test(prefix) && last !== whole[typed.length - 1];
  if (!cut) return { complete: fixed, partial: null };
  const meant = query.kind === 'typo' ? (query.anchor[typed.length - 1] ?? last).slice(0, last.length) : last;
  return { complete: fixed.slice(0, -1), partial: meant };
}

/**
 * The length (in words) of the shortest run of `words` holding every complete word and a word starting with the
 * partial one; Infinity when `words` lacks any of them.
 */
export function tightestSpan(words: readonly string[], meant: MeantWords): number {
  const slots = meant.complete.length + (meant.partial === null ? 0 : 1);
  if (slots === 0) return 0;
  const slotsOf = (w: string): number[] => {
    const out: number[] = [];
    meant.complete.forEach((c, k) => {
      if (c === w) out.push(k);
    });
    if (meant.partial !== null && w.startsWith(meant.partial)) out.push(meant.complete.length);
    return out;
  };
  let best = Infinity;
  for (let start = 0; start < words.length; start++) {
    const held = new Set<number>();
    for (let end = start; end < words.length && end - start + 1 < best; end++) {
      for (const slot of slotsOf(words[end] as string)) held.add(slot);
      if (held.size === slots) best = end - start + 1;
    }
  }
  return best;
}

/** Passages holding `meant` at least as tightly as passage `target` (the target included). */
function countTies(
  words: readonly (readonly string[])[],
  byWord: Map<string, number[]>,
  meant: MeantWords,
  target: number,
) {
  const span = tightestSpan(words[target] as string[], meant);
  const rarest = [...meant.complete].sort((a, b) => (byWord.get(a)?.length ?? 0) - (byWord.get(b)?.length ?? 0))[0];
  const pool = rarest === undefined ? words.map((_, i) => i) : (byWord.get(rarest) ?? []);
  let ties = 0;
  for (const i of pool) if (tightestSpan(words[i] as string[], meant) <= span) ties++;
  return { span, ties };
}

function main(): void {
  const passages = Number(process.argv[2] ?? 100_000);
  const seed = 20150301;
  const synthetic = generateCorpus(readSeedMaterial('../shared/seeds'), { passages, targets: 40, seed });
  const index = QuoteIndex.build(synthetic.corpus);
  const words = synthetic.corpus.passages.map((p) => normalizeWords(p.text));
  const byWord = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of new Set(ws)) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  const position = new Map(synthetic.corpus.passages.map((p, i) => [p.id, i]));
  const queries = synthetic.queries.slice(0, 120);
  const queryOf = new Map(queries.map((q) => [q.id, q]));
  let half = 0;
  let hits = 0;
  let expected = 0;
  let withinLimit = 0;
  for (const { queryId, prefix } of samplePrefixes(queries, 2, seed)) {
    const query = queryOf.get(queryId) as LabelledQuery;
    if (prefix.length * 2 < query.text.length) continue;
    half++;
    const suggested = index.suggestQueries(prefix, AUTOCOMPLETE_LIMIT).map((h) => h.passage.id);
    const hit = suggested.includes(query.targetId);
    const meant = meantWords(query, prefix);
    const { span, ties } = countTies(words, byWord, meant, position.get(query.targetId) as number);
    if (hit) hits++;
    if (ties <= AUTOCOMPLETE_LIMIT) withinLimit++;
    expected += Math.min(1, AUTOCOMPLETE_LIMIT / ties);
    if (hit) continue;
    const rank = index
      .search({ text: prefix, limit: 50 })
      .map((h) => h.passage.id)
      .indexOf(query.targetId);
    const why = ties > AUTOCOMPLETE_LIMIT ? 'tied' : 'real miss';
    const meantText = [...meant.complete, meant.partial ?? ''].join(' ').trim();
    process.stdout.write(
      `miss (${why}) ${query.kind}: ${JSON.stringify(prefix)} as meant ${JSON.stringify(meantText)}: ${ties} passages hold it within ${span} words; /quote rank ${rank < 0 ? '> 50' : rank + 1}\n`,
    );
  }
  const pct = (x: number) => `${((x / half) * 100).toFixed(1)}%`;
  process.stdout.write(
    `${passages} passages, ${half} half-typed prefixes: target in ${AUTOCOMPLETE_LIMIT} for ${hits} (${pct(hits)}); ` +
      `${withinLimit} (${pct(withinLimit)}) have at most ${AUTOCOMPLETE_LIMIT} passages as tight as the target; ` +
      `a perfect ranker breaking ties at random expects ${expected.toFixed(1)} (${pct(expected)})\n`,
  );
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) main();
