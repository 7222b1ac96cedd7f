import Fuse from 'fuse.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/corpus/types.ts';
import { PASSAGE_ID_PREFIX, QuoteIndex } from '../../src/search/engine.ts';
import { IDS, realCorpus } from '../helpers/corpus.ts';
import { LABELLED_QUERIES } from './labelled-queries.ts';

let corpus: Corpus;
let index: QuoteIndex;
beforeAll(async () => {
  corpus = await realCorpus();
  index = QuoteIndex.build(corpus);
});

function accuracy(rank: (query: string) => string[]): { top1: number; top3: number; misses: string[] } {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const { query, expected } of LABELLED_QUERIES) {
    const ids = rank(query);
    if (ids[0] === expected) top1 += 1;
    else misses.push(`${query} → ${ids[0] ?? 'nothing'} (wanted ${expected})`);
    if (ids.slice(0, 3).includes(expected)) top3 += 1;
  }
  return { top1: top1 / LABELLED_QUERIES.length, top3: top3 / LABELLED_QUERIES.length, misses };
}

describe('the labelled query set', () => {
  it('has at least 40 queries of every kind, each naming a passage that exists', () => {
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LABELLED_QUERIES.map((q) => q.kind))).toEqual(
      new Set(['typo', 'partial', 'speaker', 'paraphrase', 'exact']),
    );
    const ids = new Set(corpus.passages.map((p) => p.id));
    for (const q of LABELLED_QUERIES) expect(ids.has(q.expected), q.expected).toBe(true);
  });

  it('finds the right passage first for ≥ 90% and in the top 3 for ≥ 97%, and beats a default fuse.js', () => {
    const ours = accuracy((q) => index.search({ text: q, limit: 3 }).map((h) => h.passage.id));
    const plainFuse = new Fuse([...corpus.passages], { keys: ['text'] });
    const baseline = accuracy((q) => plainFuse.search(q, { limit: 3 }).map((r) => r.item.id));
    console.info(
      `labelled set (${LABELLED_QUERIES.length} queries): Verbatim top-1 ${(ours.top1 * 100).toFixed(1)}%, top-3 ${(ours.top3 * 100).toFixed(1)}%; ` +
        `default fuse.js top-1 ${(baseline.top1 * 100).toFixed(1)}%, top-3 ${(baseline.top3 * 100).toFixed(1)}%` +
        (ours.misses.length ? `\n  misses: ${ours.misses.join('\n  ')}` : ''),
    );
    expect(ours.top1).toBeGreaterThanOrEqual(0.9);
    expect(ours.top3).toBeGreaterThanOrEqual(0.97);
    expect(ours.top1).toBeGreaterThan(baseline.top1);
  });
});

describe('QuoteIndex.search', () => {
  const first = (text: string, extra: { source?: string; speaker?: string } = {}) =>
    index.search({ text, ...extra, limit: 5 })[0]?.passage;

  it('GIVEN "zero sum", "zerosum" or “ZERO–SUM” THEN it finds “zero-sum”', () => {
    for (const q of ['zero sum', 'zerosum', '“ZERO–SUM”']) expect(first(q)?.id).toBe(`${IDS.valuewalk}:1.2`);
  });

  it('GIVEN "s400" or "S 400" THEN it finds passages about the S-400', () => {
    for (const q of ['s400', 'S 400']) expect(first(q)?.text).toContain('S-400');
  });

  it('GIVEN a source filter (id or words of the title) THEN every hit comes from it', () => {
    for (const source of [IDS.diplomat, 'diplomat', 'Formal Alliance']) {
      const hits = index.search({ text: 'alliance', source, limit: 10 });
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.source.id).toBe(IDS.diplomat);
    }
  });

  it('GIVEN a speaker filter by id, surname or title alias THEN every hit is theirs', () => {
    for (const speaker of ['wang-yi', 'Wang', 'the Chinese Foreign Minister']) {
      const hits = index.search({ text: 'strategic', speaker, limit: 10 });
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.passage.voice.personId).toBe('wang-yi');
    }
  });

  it('GIVEN a speaker who is a group or a publication THEN it filters by that voice', () => {
    const hits = index.search({ text: 'russia', speaker: 'opponents', limit: 10 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.passage.voice.name).toBe('Opponents of a China-Russia alliance');
  });

  it('GIVEN an unknown source or speaker THEN nothing is returned and resolve says null', () => {
    expect(index.search({ text: 'alliance', source: 'zzzz qqqq' })).toEqual([]);
    expect(index.resolveSource('zzzz qqqq')).toBeNull();
    expect(index.resolveSpeaker('Napoleon Bonaparte')).toBeNull();
  });

  it('ranks, scores between 0 and 1, and returns no passage text twice', () => {
    const hits = index.search({ text: 'china russia alliance', limit: 50 });
    expect(hits.length).toBeGreaterThan(10);
    const texts = hits.map((h) => h.passage.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (let i = 1; i < hits.length; i++) expect(hits[i]?.score).toBeGreaterThanOrEqual(hits[i - 1]?.score ?? 0);
    for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0);
  });

  it('gives each hit its paragraph as context, containing the passage', () => {
    const [hit] = index.search({ text: 'offshore balancing' });
    expect(hit?.context).toContain(hit?.passage.text);
    expect(hit?.context.length).toBeGreaterThan(hit?.passage.text.length ?? 0);
  });

  it('GIVEN an autocomplete suggestion THEN its id prefixed with id: selects exactly that passage', () => {
    const [hit] = index.suggestQueries('zero sum', 5);
    expect(hit?.passage.id).toBe(`${IDS.valuewalk}:1.2`);
    const value = `${PASSAGE_ID_PREFIX}${hit?.passage.id}`;
    expect(index.search({ text: value }).map((h) => h.passage.id)).toEqual([`${IDS.valuewalk}:1.2`]);
  });

  it('GIVEN any passage id as a choice value THEN it selects that passage, and an unknown id selects nothing', () => {
    for (const passage of index.corpus.passages) {
      expect(index.search({ text: `${PASSAGE_ID_PREFIX}${passage.id}` }).map((h) => h.passage)).toEqual([passage]);
    }
    for (const unknown of [
      `${IDS.valuewalk}:999.1`,
      `${IDS.valuewalk}:1.99`,
      'no-such-source:1.1',
      `${IDS.valuewalk}:0.0`,
      `${IDS.valuewalk}`,
    ]) {
      expect(index.search({ text: `${PASSAGE_ID_PREFIX}${unknown}` }), unknown).toEqual([]);
    }
  });

  it('GIVEN empty, punctuation-only, huge or odd input THEN it answers without throwing', () => {
    expect(index.search({ text: '' })).toEqual([]);
    expect(index.search({ text: '?!…' })).toEqual([]);
    expect(() => index.search({ text: 'alliance '.repeat(800) })).not.toThrow();
    expect(() => index.search({ text: '\u0000\u202e<@everyone> ﷽ 🇨🇳🇷🇺' })).not.toThrow();
    // One 6000-letter "word": typo look-up is skipped for such lengths (it grows with the cube of the length).
    expect(index.search({ text: 'ab'.repeat(3000) })).toEqual([]);
    expect(index.suggestQueries('á'.repeat(5000), 25)).toEqual([]);
    expect(index.suggestCorrection('ab'.repeat(3000))).toBeNull();
    expect(index.search({ text: 'zero sum', limit: 10_000 }).length).toBeLessThanOrEqual(50);
  });
});

describe('abusive reader comments', () => {
  const ABUSE = [
    'nazis',
    'hitler',
    'english named whites',
    'white americans',
    'racists',
    'molest',
    'bomb america to bits',
    'ugly white losers',
    'saint hitler',
    'wheelchairs',
  ];

  it('GIVEN words from the hidden comments THEN no search returns any of their text', () => {
    for (const query of ABUSE) {
      for (const hit of index.search({ text: query, limit: 50 })) {
        for (const words of ['Nazi', 'Hitler', 'whites', 'molest', 'racist', 'losers', 'bomb America'])
          expect(hit.passage.text).not.toContain(words);
      }
    }
  });

  it('GIVEN any query THEN a comment hit is never attributed to ValueWalk or given its article as title', () => {
    for (const hit of index.search({ text: 'russia china us nato submarines satellites', limit: 50 })) {
      if (hit.source.kind !== 'reader-comments') continue;
      expect(hit.passage.voice.name).not.toBe('ValueWalk');
      expect(hit.source.publication).toBeNull();
      expect(hit.source.title).toMatch(/^Reader comments under/);
    }
  });

  it('never picks a reader comment as the random quote', () => {
    let seed = 1;
    const rng = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 200; i++) expect(index.random({}, rng)?.source.kind).not.toBe('reader-comments');
  });
});

describe('suggestCorrection', () => {
  it('GIVEN misspelt words THEN it proposes the corpus words they are closest to', () => {
    expect(index.suggestCorrection('abandn zero sum mentalty')).toBe('abandon zero sum mentality');
    expect(index.suggestCorrection('ofshore balansing')).toBe('offshore balancing');
  });
  it('GIVEN known words, or words nothing resembles THEN there is no suggestion', () => {
    expect(index.suggestCorrection('zero sum mentality')).toBeNull();
    expect(index.suggestCorrection('qqqqzzzz')).toBeNull();
  });
});

describe('random and autocomplete', () => {
  it('GIVEN filters THEN the random quote respects them, and an unknown filter gives null', () => {
    for (let i = 0; i < 20; i++) expect(index.random({ speaker: 'yan' })?.passage.voice.personId).toBe('yan-xuetong');
    expect(index.random({ source: 'qqqq zzzz' })).toBeNull();
  });

  it('GIVEN any prefix THEN at most 25 suggestions come back, as data (the bot words them)', () => {
    for (const list of [
      index.suggestQueries('china', 50),
      index.suggestQueries('', 25),
      index.suggestSources('', 25),
      index.suggestSpeakers('w', 25),
      index.suggestQueries('x'.repeat(500), 25),
    ]) {
      expect(list.length).toBeLessThanOrEqual(25);
    }
    expect(index.suggestQueries('', 25).every((h) => h.passage.voice.basis === 'direct-quote')).toBe(true);
    expect(index.suggestSpeakers('feng', 5)[0]).toMatchObject({ key: 'huiyun-feng', name: 'Huiyun Feng' });
    expect(index.suggestSources('insider', 5)[0]?.id).toBe(IDS.russiaInsider);
  });
});
