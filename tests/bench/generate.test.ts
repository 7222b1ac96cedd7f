import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type SyntheticCorpus } from '../../src/bench/generate.ts';
import { labelExistingPassages, misspell, normalizeWords, samplePrefixes } from '../../src/bench/queries.ts';
import { createRng } from '../../src/bench/rng.ts';
import { BodyParagraph, BodyPassage } from '../../src/corpus/stored.ts';
import { PASSAGE_ID_PREFIX, QuoteIndex } from '../../src/search/engine.ts';
import { extractProse, readSeedMaterial, type SeedMaterial } from '../../src/bench/seeds.ts';

const seedsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');

describe('synthetic corpus generator', () => {
  let material: SeedMaterial;
  let synthetic: SyntheticCorpus;
  beforeAll(() => {
    material = readSeedMaterial(seedsDir);
    synthetic = generateCorpus(material, { passages: 2000, targets: 40, seed: 7 });
  });

  it('GIVEN the same seed WHEN generating twice THEN the corpus and queries are identical', () => {
    const again = generateCorpus(material, { passages: 2000, targets: 40, seed: 7 });
    expect(again.corpus.passages.map((p) => p.text)).toEqual(synthetic.corpus.passages.map((p) => p.text));
    expect(again.queries).toEqual(synthetic.queries);
    expect(again.corpus.hash).toBe(synthetic.corpus.hash);
  });

  it('GIVEN another seed THEN the corpus differs', () => {
    const other = generateCorpus(material, { passages: 2000, targets: 40, seed: 8 });
    expect(other.corpus.hash).not.toBe(synthetic.corpus.hash);
  });

  it('builds exactly the requested number of passages, each verbatim in its source body at its offset', () => {
    const { corpus } = synthetic;
    expect(corpus.passages).toHaveLength(2000);
    const sources = new Map(corpus.sources.map((s) => [s.id, s]));
    for (const p of corpus.passages) {
      const source = sources.get(p.sourceId);
      expect(source?.body.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
      expect(source?.paragraphs[p.paragraphIndex]?.text).toContain(p.text);
    }
    expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(2000);
  });

  it('lays passages and paragraphs out as the loader does: positions in the body, no string of their own', () => {
    for (const p of synthetic.corpus.passages) expect(p).toBeInstanceOf(BodyPassage);
    for (const s of synthetic.corpus.sources) for (const p of s.paragraphs) expect(p).toBeInstanceOf(BodyParagraph);
  });

  it('gives passages the ids the loader would, so an `id:` query (an autocomplete choice) selects each one', () => {
    const index = QuoteIndex.build(synthetic.corpus);
    for (const passage of synthetic.corpus.passages.filter((_, i) => i % 97 === 0)) {
      const hits = index.search({ text: `${PASSAGE_ID_PREFIX}${passage.id}` });
      expect(hits.map((h) => h.passage.id)).toEqual([passage.id]);
    }
  });

  it('plants distinct targets whose anchor phrase occurs verbatim in the target and in no other passage', () => {
    const ids = new Set(synthetic.targets.map((t) => t.passageId));
    expect(ids.size).toBe(40);
    const byId = new Map(synthetic.corpus.passages.map((p) => [p.id, p]));
    for (const t of synthetic.targets) {
      expect(byId.get(t.passageId)?.text).toBe(t.text);
      const anchor = ` ${t.anchor.join(' ')} `;
      expect(` ${normalizeWords(t.text).join(' ')} `).toContain(anchor);
      const others = synthetic.corpus.passages.filter(
        (p) => p.id !== t.passageId && ` ${normalizeWords(p.text).join(' ')} `.includes(anchor),
      );
      expect(others).toEqual([]);
    }
  });

  it('labels three queries per target: partial = the anchor, reordered = same words in another order', () => {
    expect(synthetic.queries).toHaveLength(120);
    for (const q of synthetic.queries.filter((x) => x.kind === 'partial')) expect(q.text).toBe(q.anchor.join(' '));
    for (const q of synthetic.queries.filter((x) => x.kind === 'reordered')) {
      expect([...q.text.split(' ')].sort()).toEqual([...q.anchor].sort());
    }
  });

  it('typo queries really differ from the target words: 1–2 words misspelt, the rest exact', () => {
    for (const q of synthetic.queries.filter((x) => x.kind === 'typo')) {
      const words = q.text.split(' ');
      expect(words).toHaveLength(q.anchor.length);
      const changed = words.filter((w, i) => w !== q.anchor[i]);
      expect(changed.length).toBeGreaterThanOrEqual(1);
      expect(changed.length).toBeLessThanOrEqual(2);
    }
  });

  it('samples autocomplete prefixes of three characters or more, each a prefix of its query', () => {
    const prefixes = samplePrefixes(synthetic.queries, 3, 7);
    const text = new Map(synthetic.queries.map((q) => [q.id, q.text]));
    expect(prefixes.length).toBe(synthetic.queries.length * 3);
    for (const p of prefixes) {
      expect(p.prefix.length).toBeGreaterThanOrEqual(3);
      expect(text.get(p.queryId)?.startsWith(p.prefix)).toBe(true);
    }
  });

  it('labels passages of an existing corpus with unique anchors', () => {
    const passages = synthetic.corpus.passages.slice(0, 300);
    const queries = labelExistingPassages(passages, 10, 3);
    expect(queries).toHaveLength(30);
    const byId = new Map(passages.map((p) => [p.id, p.text]));
    for (const q of queries) expect(normalizeWords(byId.get(q.targetId) ?? '').join(' ')).toContain(q.anchor.join(' '));
  });
});

describe('seed material', () => {
  it('drops the reader comments of seed 000 and the site furniture', () => {
    const text =
      'Article sentence one is long enough to count as prose here.\n\nLeave a Comment\n  1. A reader comment that is long enough to count as prose.\n';
    expect(extractProse('000_x.txt', text)).toEqual(['Article sentence one is long enough to count as prose here.']);
  });

  it('never takes a sentence from the comments of the real seeds', () => {
    const material = readSeedMaterial(seedsDir);
    expect(material.sentences.some((s) => s.includes('English named'))).toBe(false);
    expect(material.sentences.some((s) => s.includes('Luckily we have Russia'))).toBe(false);
  });
});

describe('misspell', () => {
  it('always returns a different word', () => {
    const rng = createRng(1);
    for (const word of ['russia', 'alliance', 'mentality', 'zero', 'aabb']) {
      for (let i = 0; i < 50; i++) expect(misspell(word, rng)).not.toBe(word);
    }
  });
});
