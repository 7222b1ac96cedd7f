import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus, Source } from '../../src/corpus/types.ts';
import { loadTopics, parseTopics } from '../../src/procon/load.ts';
import type { Topic } from '../../src/procon/types.ts';
import { CORPUS_DIR, loadRealCorpus } from '../helpers/corpus.ts';
import { makeSource } from './sources.ts';

const DIPLOMAT = 'diplomat-2014-china-russia-formal-alliance';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** An independent, deliberately naive fold: the test must not trust the code it checks. */
function naiveFold(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

function allEvidence(topic: Topic) {
  return [
    ...topic.pro.flatMap((p) => p.evidence),
    ...topic.con.flatMap((p) => p.evidence),
    ...topic.bottomLine.evidence,
    ...topic.elsewhere.flatMap((e) => e.evidence),
  ];
}

describe('the alliance topic against the real corpus', () => {
  let corpus: Corpus;
  let alliance: Topic;
  let diplomat: Source;

  beforeAll(async () => {
    const loaded = await loadRealCorpus();
    corpus = loaded.corpus;
    const found = loaded.topics.find((t) => t.id === 'alliance');
    if (!found) throw new Error('no alliance topic');
    alliance = found;
    const source = corpus.sources.find((s) => s.id === DIPLOMAT);
    if (!source) throw new Error('no Diplomat source');
    diplomat = source;
  });

  it('GIVEN the corpus WHEN topics load THEN alliance summarises The Diplomat piece with ≥4 points a side', () => {
    expect(alliance.question).toBe('Are China and Russia moving toward a formal alliance?');
    expect(alliance.source.id).toBe(DIPLOMAT);
    expect(alliance.source.publication).toBe('The Diplomat');
    expect(alliance.source.url).toMatch(/^https:\/\/thediplomat\.com\//);
    expect(alliance.pro.length).toBeGreaterThanOrEqual(4);
    expect(alliance.con.length).toBeGreaterThanOrEqual(4);
    expect(alliance.sides.pro.argumentBy).toBe('Yan Xuetong (Qinghua University), as reported by The Diplomat');
    expect(alliance.sides.con.argumentBy).toBe('opponents of an alliance, as reported by The Diplomat');
  });

  it('THEN every pro, con and bottom-line excerpt is verbatim in The Diplomat piece, at the recorded offset', () => {
    const main = [
      ...alliance.pro.flatMap((p) => p.evidence),
      ...alliance.con.flatMap((p) => p.evidence),
      ...alliance.bottomLine.evidence,
    ];
    expect(main.length).toBeGreaterThanOrEqual(14);
    for (const e of main) {
      expect(e.sourceId).toBe(DIPLOMAT);
      expect(diplomat.body.slice(e.offset, e.offset + e.text.length)).toBe(e.text);
      expect(naiveFold(e.text)).toBe(naiveFold(e.quote));
      expect(e.paragraphIndex).not.toBeNull();
      expect(diplomat.paragraphs[e.paragraphIndex ?? -1]?.text).toContain(e.text);
    }
  });

  it('THEN the raw topic file quotes only words that are in the source (checked without the loader)', async () => {
    const raw = parse(await readFile(path.join(CORPUS_DIR, 'topics/alliance.yaml'), 'utf8')) as {
      pro: { evidence: string[] }[];
      con: { evidence: string[] }[];
      bottomLine: { evidence: string[] };
    };
    const excerpts = [...raw.pro, ...raw.con, raw.bottomLine].flatMap((p) => p.evidence);
    const body = naiveFold(diplomat.body);
    for (const excerpt of excerpts) expect(body, excerpt).toContain(naiveFold(excerpt));
  });

  it("THEN the shown text keeps the source's own characters (curly apostrophes) where the file typed straight ones", () => {
    const numberTwo = alliance.pro.flatMap((p) => p.evidence).find((e) => e.text.includes('number two'));
    expect(numberTwo?.quote).toContain("China's number two");
    expect(numberTwo?.text).toContain('China’s number two');
  });

  it("THEN the pro side is Yan's argument and the con side the opponents', point by point", () => {
    const pro = alliance.pro.flatMap((p) => p.evidence.map((e) => e.text)).join(' ');
    for (const phrase of [
      'shared strategic interests',
      'Western bloc',
      'the West would never trust Russia',
      'number two position',
      'offshore balancing strategy',
      '10 to 20 years',
      'another cold war',
    ])
      expect(pro).toContain(phrase);
    const con = alliance.con.flatMap((p) => p.evidence.map((e) => e.text)).join(' ');
    for (const phrase of [
      'abandonment and entrapment',
      'dragged into an unnecessary war',
      'junior partner',
      'will not side with China',
      'strategic partnership is more flexible',
      'historical mistrust',
    ])
      expect(con).toContain(phrase);
  });

  it("THEN the bottom line is the source's own: unlikely in the near future unless the U.S. threatens both", () => {
    expect(alliance.bottomLine.claim).toMatch(/unlikely in the near future/i);
    expect(alliance.bottomLine.claim).toMatch(/unless the U\.S\. militarily threatens both/);
    const text = alliance.bottomLine.evidence.map((e) => e.text).join(' ');
    expect(text).toContain('in the near future a formal alliance between China and Russia will not happen');
    expect(text).toContain('Unless the U.S. militarily threatens both China and Russia at the same time');
  });

  it('THEN elsewhere covers Russia Insider, ValueWalk and the essay, each verified in its own source', () => {
    expect(alliance.elsewhere.map((e) => [e.source.id, e.stance])).toEqual([
      ['russia-insider-2015-alliance-against-us-hegemony', 'already forming'],
      ['valuewalk-2015-russia-china-alliance', 'depends on U.S. policy'],
      ['essay-china-russia-relationship', 'likely to stay strong'],
    ]);
    for (const e of alliance.elsewhere) {
      const source = corpus.sources.find((s) => s.id === e.source.id);
      for (const x of e.evidence) {
        expect(x.sourceId).toBe(e.source.id);
        expect(source?.body.slice(x.offset, x.offset + x.text.length)).toBe(x.text);
      }
    }
  });

  it('THEN no evidence anywhere comes from reader comments', () => {
    const kinds = new Map(corpus.sources.map((s) => [s.id, s.kind]));
    for (const e of allEvidence(alliance)) expect(kinds.get(e.sourceId)).not.toBe('reader-comments');
  });
});

describe('a topic whose excerpt was edited', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'verbatim-procon-'));
    await cp(CORPUS_DIR, root, { recursive: true });
    const file = path.join(root, 'topics/alliance.yaml');
    const text = await readFile(file, 'utf8');
    const edited = text.replace('the West would never trust Russia', 'the West would always trust Russia');
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('WHEN topics load THEN it fails naming the file, the point and the source', async () => {
    const corpus = await loadCorpus(root);
    if (!corpus.ok) throw new Error('the copied corpus should load');
    const result = await loadTopics(root, corpus.corpus.sources);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem?.file).toBe('topics/alliance.yaml');
    expect(problem?.field).toBe('pro[2].evidence[0]');
    expect(problem?.message).toContain('topic "alliance", pro point 3');
    expect(problem?.message).toContain(`excerpt not found in source ${DIPLOMAT}`);
    expect(problem?.message).toContain('the source has "On the one hand, the West would" but then differs');
    expect(problem?.fix).toContain('copy the words exactly from the source');
  });
});

describe('fixture topics', () => {
  const sources = [
    makeSource('gazette-gas', [
      'The deal is a win–win for both countries, says the desk. It was signed on Monday.',
      'Critics say the buyer’s price is far too high — “a gift” to the seller.\nOthers disagree.',
      'On balance the deal is likely to hold for thirty years.',
    ]),
    makeSource('gazette-letters', ['I doubt the pipeline will ever be finished on time.'], { url: null }),
  ];

  it("GIVEN straight quotes and hyphens for curly quotes and dashes WHEN loading THEN it verifies and shows the source's characters", async () => {
    const result = await loadTopics(path.join(FIXTURES, 'procon-mini'), sources);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [gas] = result.topics;
    expect(gas?.pro[0]?.evidence[0]?.text).toBe('The deal is a win–win for both countries, says the desk.');
    expect(gas?.con[0]?.evidence[0]).toMatchObject({
      text: 'Critics say the buyer’s price is far too high — “a gift” to the seller.',
      voice: 'Critics quoted by the Gazette',
      paragraphIndex: 1,
    });
    expect(gas?.pro[0]?.evidence[0]?.voice).toBe("the Gazette's energy desk");
    expect(gas?.bottomLine.evidence[0]?.voice).toBe('The Test Gazette (author not named)');
    expect(gas?.elsewhere[0]?.source.id).toBe('gazette-letters');
  });

  it('GIVEN unknown source ids WHEN loading THEN both the topic source and the elsewhere source are named', async () => {
    const result = await loadTopics(path.join(FIXTURES, 'procon-unknown-source'), sources);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.file, p.field, p.message])).toEqual([
      ['topics/ghost.yaml', 'source', 'unknown source "no-such-source"'],
      ['topics/ghost.yaml', 'elsewhere[0].source', 'unknown source "gazette-lettres"'],
    ]);
    expect(result.problems[0]?.fix).toContain('gazette-gas, gazette-letters');
  });

  it('GIVEN no topics folder WHEN loading THEN there are simply no topics', async () => {
    expect(await loadTopics(path.join(FIXTURES, 'procon-no-such-dir'), sources)).toEqual({ ok: true, topics: [] });
  });
});

describe('topic file validation', () => {
  const source = makeSource('src', ['Alpha beta gamma delta epsilon zeta eta theta.']);
  const valid = {
    id: 't',
    question: 'Q?',
    source: 'src',
    sides: { pro: { label: 'P', argumentBy: 'a' }, con: { label: 'C', argumentBy: 'b' } },
    pro: [{ claim: 'p', evidence: ['Alpha beta gamma delta'] }],
    con: [{ claim: 'c', evidence: ['gamma delta epsilon zeta'] }],
    bottomLine: { claim: 'b', evidence: ['epsilon zeta eta theta.'] },
  };
  const run = (topic: unknown, file = 'topics/t.yaml', sources: Source[] = [source]) =>
    parseTopics([{ file, text: JSON.stringify(topic) }], sources);

  it('GIVEN a valid topic THEN it loads', () => {
    expect(run(valid).ok).toBe(true);
  });

  it('GIVEN a missing claim THEN the field and what to write are named', () => {
    const result = run({ ...valid, pro: [{ evidence: ['Alpha beta gamma delta'] }] });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ file: 'topics/t.yaml', field: 'pro[0].claim', message: 'is missing' }],
    });
    if (!result.ok) expect(result.problems[0]?.fix).toMatch(/^write the point in a short line of plain words/);
  });

  it('GIVEN a claim of the wrong type THEN it is not called missing', () => {
    const result = run({ ...valid, pro: [{ claim: 3, evidence: ['Alpha beta gamma delta'] }] });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'pro[0].claim', message: 'claim must be text' }] });
  });

  it('GIVEN a bad excerpt in the { quote, voice } form THEN the fix says to copy from the source', () => {
    const result = run({ ...valid, pro: [{ claim: 'p', evidence: [{ quote: 'gamma' }] }] });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'pro[0].evidence[0].quote' }] });
    if (!result.ok) expect(result.problems[0]?.fix).toBe('write at least a phrase copied exactly from the source');
  });

  it('GIVEN a misspelt key THEN it is reported rather than ignored', () => {
    const result = run({
      ...valid,
      bottomLine: { claim: 'b', evidense: ['x'], evidence: ['epsilon zeta eta theta.'] },
    });
    // The same words as a misspelt field in a source's front matter (src/corpus/problems.ts).
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { field: 'bottomLine.evidense', message: 'unknown field "evidense"', fix: 'did you mean "evidence"?' },
      ],
    });
  });

  it('GIVEN an excerpt too short to prove anything THEN it is refused', () => {
    const result = run({ ...valid, con: [{ claim: 'c', evidence: ['gamma'] }] });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'con[0].evidence[0]' }] });
  });

  it('GIVEN an excerpt that starts mid-word THEN it is not found', () => {
    const result = run({ ...valid, pro: [{ claim: 'p', evidence: ['lpha beta gamma delta epsilon'] }] });
    expect(result).toMatchObject({ ok: false, problems: [{ field: 'pro[0].evidence[0]' }] });
  });

  it('GIVEN a change of case THEN the excerpt is not verbatim', () => {
    const result = run({ ...valid, pro: [{ claim: 'p', evidence: ['alpha beta gamma delta'] }] });
    expect(result.ok).toBe(false);
  });

  it('GIVEN an id that differs from the file name THEN the rename is suggested', () => {
    expect(run(valid, 'topics/other.yaml')).toMatchObject({
      ok: false,
      problems: [{ field: 'id', fix: 'rename the file to t.yaml or set id: other' }],
    });
  });

  it('GIVEN reader comments as the source THEN the topic is refused', () => {
    const comments = makeSource('src', ['Alpha beta gamma delta epsilon zeta eta theta.'], { kind: 'reader-comments' });
    expect(run(valid, 'topics/t.yaml', [comments])).toMatchObject({
      ok: false,
      problems: [{ field: 'source', message: '"src" is reader comments, not an article' }],
    });
  });

  it('GIVEN broken YAML THEN the line is named', () => {
    const result = parseTopics([{ file: 'topics/t.yaml', text: 'id: t\nquestion: [unclosed\n' }], [source]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/YAML syntax error/);
  });

  it('GIVEN two topics claiming the same name THEN the clash is reported', () => {
    const result = parseTopics(
      [
        { file: 'topics/t.yaml', text: JSON.stringify(valid) },
        { file: 'topics/u.yaml', text: JSON.stringify({ ...valid, id: 'u', aliases: ['T'] }) },
      ],
      [source],
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        {
          file: 'topics/u.yaml',
          field: 'aliases[0]',
          message: '"T" is already the id or an alias of topic "t" (topics/t.yaml)',
        },
      ],
    });
  });
});
