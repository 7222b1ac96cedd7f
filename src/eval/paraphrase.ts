/**
 * `npm run eval:paraphrase`: top-1 / top-3 of the paraphrase set (tests/search/paraphrases.json: queries that say
 * what a seed passage says in other words, each with a verbatim fragment of that passage) over the real corpus,
 * without the second pass (the first pass alone) and with it (src/search/meaning.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { loadCorpus } from '../corpus/load.ts';
import type { Corpus } from '../corpus/types.ts';
import { QuoteIndex } from '../search/engine.ts';
import { foldForSearch, spacedWords } from '../text/fold.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const PARAPHRASES_FILE = path.join(ROOT, 'tests', 'search', 'paraphrases.json');

const zParaphrase = z.object({ query: z.string().min(1), expected: z.string().min(1) });
export type Paraphrase = z.infer<typeof zParaphrase>;

/** The paraphrase set, validated. */
export function loadParaphrases(file: string = PARAPHRASES_FILE): Paraphrase[] {
  return z.array(zParaphrase).parse(JSON.parse(readFileSync(file, 'utf8')));
}

const comparable = (text: string) => spacedWords(foldForSearch(text)).trim();

/** The id of the one passage holding `fragment` (compared folded); throws when none or several do. */
export function passageHolding(corpus: Corpus, fragment: string): string {
  const wanted = comparable(fragment);
  const holders = corpus.passages.filter((p) => comparable(p.text).includes(wanted));
  if (holders.length !== 1 || !holders[0])
    throw new Error(`"${fragment}" is in ${holders.length} passages; a paraphrase must name exactly one`);
  return holders[0].id;
}

export interface ParaphraseScore {
  readonly top1: number;
  readonly top3: number;
  readonly misses: readonly string[];
}

/** Top-1 and top-3 shares of `set` on `index` (whose corpus holds every expected fragment). */
export function scoreParaphrases(index: QuoteIndex, set: readonly Paraphrase[]): ParaphraseScore {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const { query, expected } of set) {
    const id = passageHolding(index.corpus, expected);
    const hits = index.search({ text: query, limit: 3 }).map((h) => h.passage);
    if (hits[0]?.id === id) top1 += 1;
    else misses.push(`${query} → ${hits[0]?.text.slice(0, 70) ?? 'nothing'}`);
    if (hits.some((h) => h.id === id)) top3 += 1;
  }
  return { top1: top1 / set.length, top3: top3 / set.length, misses };
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const loaded = await loadCorpus(path.join(ROOT, 'corpus'));
  if (!loaded.ok) throw new Error(`the corpus has problems: ${JSON.stringify(loaded.problems)}`);
  const set = loadParaphrases();
  const before = scoreParaphrases(QuoteIndex.build(loaded.corpus, { related: null }), set);
  const after = scoreParaphrases(QuoteIndex.build(loaded.corpus), set);
  console.log(`paraphrase set: ${set.length} queries over ${loaded.corpus.passages.length} passages`);
  console.log(`  first pass only:  top-1 ${percent(before.top1)}, top-3 ${percent(before.top3)}`);
  console.log(`  with second pass: top-1 ${percent(after.top1)}, top-3 ${percent(after.top3)}`);
  if (process.argv.includes('--misses')) for (const miss of after.misses) console.log(`  miss: ${miss}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
