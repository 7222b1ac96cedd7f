/**
 * `npm run eval:attribution [FILE] [--examples N] [--rule RULE]`: scores attribution on a labelled news file in
 * the format of shared/attribution (PolNeAR converted: articles with their quotations and gold speakers).
 *
 * Every article is written into a temporary copy of the project's corpus as a source of its own, with NO
 * people.yaml entry for anyone it quotes, and the whole corpus is loaded by the real loader. For each gold
 * quotation the passage holding its first words must carry the gold speaker. Three outcomes: right, wrong
 * (someone else named, the byline or publication included: the worst error) and unattributed. Article text
 * is read from the file at run time and never written anywhere but the temporary directory.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadCorpus } from '../corpus/load.ts';
import type { Passage, Source } from '../corpus/types.ts';
import { NAME_RUN, sameSpeaker } from '../corpus/attribution/names.ts';

const zQuote = z.object({
  fragment: z.string(),
  fragmentStart: z.number().int().nonnegative(),
  speaker: z.string(),
  basis: z.string(),
  source: z.string().optional(),
  cue: z.string().optional(),
});
const zArticle = z.object({
  polnear: z.string(),
  publisher: z.string(),
  date: z.string().nullable(),
  author: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  quotes: z.array(zQuote),
});
const zFile = z.object({ compartment: z.string(), articles: z.array(zArticle) });
type Article = z.infer<typeof zArticle>;
type Quote = z.infer<typeof zQuote>;

/** Publisher keys of the labelled files, as the publications name themselves. */
const PUBLICATIONS: Readonly<Record<string, string>> = {
  breitbart: 'Breitbart',
  'huff-post': 'HuffPost',
  nyt: 'The New York Times',
  politico: 'Politico',
  'usa-today': 'USA Today',
  'wash-post': 'The Washington Post',
  'west-journal': 'Western Journalism',
};

type Outcome = 'right' | 'wrong' | 'unattributed';

interface Scored {
  readonly article: Article;
  readonly quote: Quote;
  readonly passage: Passage | null;
  readonly outcome: Outcome;
  /** Why: the rule that decided, with `own`/`byline` for the worst wrong answers. */
  readonly cause: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function frontMatter(id: string, article: Article): string {
  const date = article.date && /^\d{4}-\d{2}-\d{2}$/.test(article.date) ? article.date : null;
  const fields = {
    id,
    title: article.title.trim().slice(0, 256) || id,
    publication: PUBLICATIONS[article.publisher] ?? article.publisher,
    author: article.author?.trim() || null,
    date,
    kind: 'article',
    urlVerified: false,
  };
  // JSON is YAML: every value is quoted safely, whatever the headline holds.
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n`;
}

/** The article as a corpus source: one paragraph per line of the labelled body. */
function sourceText(id: string, article: Article): string {
  const paragraphs = article.body.split('\n').map((line) => line.trim());
  return frontMatter(id, article) + paragraphs.filter((p) => p.length > 0).join('\n\n') + '\n';
}

/** The loaded passage that holds the quotation's opening words (found in the body near where the label puts it). */
function passageFor(source: Source, passages: readonly Passage[], article: Article, quote: Quote): Passage | null {
  const probe = quote.fragment.slice(0, 40);
  const expected = (quote.fragmentStart / Math.max(1, article.body.length)) * source.body.length;
  let best = -1;
  for (let at = source.body.indexOf(probe); at >= 0; at = source.body.indexOf(probe, at + 1)) {
    if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  }
  if (best < 0) return null;
  return passages.find((p) => p.offset <= best && best < p.offset + p.text.length) ?? null;
}

/** What was left unattributed, by what the annotators marked as the source: a pronoun, or a name. */
function unattributedCause(quote: Quote): string {
  const source = (quote.source ?? '').trim().toLowerCase();
  if (/^(?:he|she|they|him|her)$/.test(source))
    return 'a pronoun the rules left unresolved (someone else it could mean was named since, or no gender is known)';
  if (source.length > 0 && source.split(/\s+/).length <= 3) return 'a name whose cue the rules did not read';
  return 'a name inside a long source description the rules did not read';
}

function score(article: Article, quote: Quote, source: Source, passage: Passage | null): Scored {
  if (!passage) return { article, quote, passage, outcome: 'unattributed', cause: 'passage not found' };
  const voice = passage.voice;
  const rule = voice.rule ?? voice.basis;
  if (voice.basis === 'unattributed')
    return { article, quote, passage, outcome: 'unattributed', cause: unattributedCause(quote) };
  if (voice.basis === 'own') {
    return {
      article,
      quote,
      passage,
      outcome: 'wrong',
      cause: source.author ? 'own voice (byline)' : 'own voice (publication)',
    };
  }
  if (sameSpeaker(voice.name, quote.speaker)) return { article, quote, passage, outcome: 'right', cause: rule };
  return { article, quote, passage, outcome: 'wrong', cause: rule };
}

/**
 * A wrong answer whose speaker the annotators' source span names before the gold speaker: "said Dr. Harold
 * Varmus, the former NIH director under President Bill Clinton" labelled Bill Clinton. Reported beside the
 * headline, never subtracted from it.
 */
const NAME_RUNS = new RegExp(NAME_RUN, 'gu');

function spanNamesOurSpeaker(s: Scored): boolean {
  if (s.outcome !== 'wrong' || !s.passage || !s.quote.source) return false;
  const span = s.quote.source;
  const names = [...span.matchAll(NAME_RUNS)].map((m) => ({ at: m.index, name: m[0] }));
  const ours = names.find((n) => sameSpeaker(n.name, s.passage?.voice.name ?? ''));
  const gold = names.find((n) => sameSpeaker(n.name, s.quote.speaker));
  return ours !== undefined && gold !== undefined && ours.at < gold.at;
}

function dumpRow(article: number, s: Scored): Record<string, unknown> {
  const { quote, passage } = s;
  return {
    article,
    outcome: s.outcome,
    cause: s.cause,
    gold: quote.speaker,
    basis: quote.basis,
    sourceSpan: quote.source ?? null,
    cue: quote.cue ?? null,
    got: passage ? passage.voice.name : null,
    passage: passage?.text ?? null,
  };
}

function percent(n: number, of: number): string {
  return of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`;
}

function printTable(title: string, rows: ReadonlyMap<string, number>, total: number): void {
  console.log(`\n${title}`);
  for (const [cause, n] of [...rows].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(n).padStart(5)}  ${percent(n, total).padStart(6)}  ${cause}`);
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

interface Args {
  readonly file: string;
  readonly examples: number;
  readonly only: string | null;
  /** Where to write every scored quotation as JSON lines, for analysis (article text stays out of the project). */
  readonly dump: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  let file = path.resolve(ROOT, '../shared/attribution/polnear-dev.json');
  let examples = 0;
  let only: string | null = null;
  let dump: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--examples') examples = Number(argv[++i] ?? '10');
    else if (arg === '--only') only = argv[++i] ?? null;
    else if (arg === '--dump') dump = path.resolve(argv[++i] ?? 'attribution-eval.jsonl');
    else if (arg === '--help') {
      console.log(
        'usage: npm run eval:attribution [FILE] [--examples N] [--only wrong|unattributed|right] [--dump OUT.jsonl]',
      );
      process.exit(0);
    } else file = path.resolve(arg);
  }
  return { file, examples, only, dump };
}

/** Reads a labelled file, or exits with what is wrong with it. */
function readLabelled(file: string): z.infer<typeof zFile> {
  const parsed = zFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data;
  console.error(`${file}: not a labelled attribution file (${parsed.error.issues[0]?.message ?? 'bad shape'})`);
  process.exit(2);
}

/** Loads the project's corpus plus every article (in a temporary copy) and scores each gold quotation. */
async function scoreArticles(articles: readonly Article[]): Promise<Scored[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-eval-'));
  try {
    await cp(path.join(ROOT, 'corpus'), dir, { recursive: true });
    const ids = articles.map((_, i) => `eval-${String(i).padStart(4, '0')}`);
    await Promise.all(
      articles.map((a, i) => writeFile(path.join(dir, 'sources', `${ids[i]}.md`), sourceText(ids[i] ?? '', a))),
    );
    const loaded = await loadCorpus(dir);
    if (!loaded.ok) {
      const problems = loaded.problems.map((p) => `  ${p.file} › ${p.field ?? ''}: ${p.message}`);
      console.error(`the evaluation corpus did not load:\n${problems.join('\n')}`);
      process.exit(2);
    }
    const { corpus } = loaded;
    const bySource = new Map<string, Passage[]>();
    for (const passage of corpus.passages)
      bySource.set(passage.sourceId, [...(bySource.get(passage.sourceId) ?? []), passage]);
    const sources = new Map(corpus.sources.map((s) => [s.id, s]));
    return articles.flatMap((article, i) => {
      const source = sources.get(ids[i] ?? '');
      const passages = bySource.get(ids[i] ?? '') ?? [];
      return source
        ? article.quotes.map((q) => score(article, q, source, passageFor(source, passages, article, q)))
        : [];
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function printHeadline(scored: readonly Scored[]): void {
  const total = scored.length;
  const by = countBy(scored, (s) => s.outcome);
  const [right, wrong, none] = [by.get('right') ?? 0, by.get('wrong') ?? 0, by.get('unattributed') ?? 0];
  const ownWrong = scored.filter((s) => s.outcome === 'wrong' && s.cause.startsWith('own voice')).length;
  const disputed = scored.filter(spanNamesOurSpeaker).length;
  console.log(`right         ${String(right).padStart(5)}  ${percent(right, total)}`);
  console.log(
    `wrong         ${String(wrong).padStart(5)}  ${percent(wrong, total)}  (of which the byline or publication: ${ownWrong})`,
  );
  console.log(
    `              of the wrong, ${disputed} name a speaker whom the annotated source span itself names first (the label took a later name in it; counted wrong all the same)`,
  );
  console.log(`unattributed  ${String(none).padStart(5)}  ${percent(none, total)}`);
}

function printCauses(scored: readonly Scored[]): void {
  const total = scored.length;
  const titles: readonly (readonly [Outcome, string])[] = [
    ['right', 'right, by rule:'],
    ['wrong', 'wrong, by cause:'],
    ['unattributed', 'unattributed, by cause:'],
  ];
  for (const [outcome, title] of titles) {
    const rows = countBy(
      scored.filter((s) => s.outcome === outcome),
      (s) => s.cause,
    );
    printTable(title, rows, total);
  }
  const basis = countBy(scored, (s) => `${s.quote.basis}: ${s.outcome}`);
  printTable('by gold label basis (coref labels are noisy):', basis, total);
}

function printExamples(
  scored: readonly Scored[],
  articles: readonly Article[],
  examples: number,
  only: string | null,
): void {
  const shown = scored.filter((s) => s.outcome !== 'right' && (only === null || s.outcome === only)).slice(0, examples);
  for (const s of shown) {
    const { quote } = s;
    console.log(
      `\n[${s.outcome} · ${s.cause}] #${articles.indexOf(s.article)} gold: ${quote.speaker} (source span "${quote.source ?? ''}", cue "${quote.cue ?? ''}")`,
    );
    console.log(`  got: ${s.passage ? `${s.passage.voice.name} — ${s.passage.voice.role}` : 'no passage'}`);
    console.log(`  passage: ${s.passage?.text.slice(0, 300) ?? quote.fragment.slice(0, 200)}`);
  }
}

async function main(): Promise<void> {
  const { file, examples, only, dump } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const { articles, compartment } = readLabelled(file);
  const scored = await scoreArticles(articles);
  if (dump) {
    const rows = scored.map((s) => JSON.stringify(dumpRow(articles.indexOf(s.article), s)));
    await writeFile(dump, rows.join('\n') + '\n');
  }
  console.log(
    `attribution eval: ${path.basename(file)} (${compartment}), ${articles.length} articles, ${scored.length} quotations, no people.yaml entries for them`,
  );
  printHeadline(scored);
  printCauses(scored);
  printExamples(scored, articles, examples, only);
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
