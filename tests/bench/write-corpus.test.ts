import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeedMaterial } from '../../src/bench/seeds.ts';
import { writeCorpusFiles } from '../../src/bench/write-corpus.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { CORPUS_DIR, SEEDS_DIR } from '../helpers/corpus.ts';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function written(oneFile: boolean) {
  const root = await mkdtemp(join(tmpdir(), 'verbatim-bench-test-'));
  roots.push(root);
  const result = await writeCorpusFiles(readSeedMaterial(SEEDS_DIR), {
    root,
    sentences: 1500,
    seed: 11,
    peopleFile: join(CORPUS_DIR, 'people.yaml'),
    oneFile,
  });
  const loaded = await loadCorpus(root);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  return { result, corpus: loaded.corpus, files: await readdir(join(root, 'sources')) };
}

describe("writeCorpusFiles (the reload probe's on-disk corpus)", () => {
  it('GIVEN article layout or one file THEN the real loader accepts both, with the same passages', async () => {
    const articles = await written(false);
    const single = await written(true);
    expect(articles.files.length).toBeGreaterThan(20);
    expect(articles.result.files).toBe(articles.files.length);
    expect(single.files).toEqual(['bench-source-00001.md']);
    expect(single.result.files).toBe(1);
    // The loader merges a few generated sentences into one passage; both layouts hold the same text.
    expect(single.corpus.passages.length).toBeGreaterThan(1400);
    expect(single.corpus.passages.map((p) => p.text)).toEqual(articles.corpus.passages.map((p) => p.text));
  });
});
