import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadedSource } from '../../src/corpus/comments.ts';
import { assembleCorpus, loadCorpus, type CorpusProblem } from '../../src/corpus/load.ts';
import type { Passage } from '../../src/corpus/types.ts';
import { foldTypography } from '../../src/text/fold.ts';
import { copyCorpus, CORPUS_DIR, editFile, IDS, realCorpus, SEEDS_DIR } from '../helpers/corpus.ts';

/** How many steps each sliced run took: the loader must cut a big file into many, not one. */
const slicedRuns = vi.hoisted(() => [] as number[]);
vi.mock('../../src/util/yield.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/util/yield.ts')>();
  function* counted<T>(steps: Generator<void, T>): Generator<void, T> {
    const run = slicedRuns.push(0) - 1;
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      slicedRuns[run]! += 1;
      yield;
    }
  }
  return { ...actual, runSliced: <T>(steps: Generator<void, T>) => actual.runSliced(counted(steps)) };
});

/** What each call of hashFiles was given: the loader must keep paths and hashes, not every file's text. */
const hashedLists = vi.hoisted(() => [] as object[][]);
vi.mock('../../src/corpus/files.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/corpus/files.ts')>();
  return {
    ...actual,
    hashFiles: (files: Parameters<typeof actual.hashFiles>[0]) => {
      hashedLists.push([...files]);
      return actual.hashFiles(files);
    },
  };
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function brokenCopy(rel: string, edit: (text: string) => string): Promise<CorpusProblem[]> {
  const { dir, cleanup } = await copyCorpus();
  cleanups.push(cleanup);
  await editFile(dir, rel, edit);
  const result = await loadCorpus(dir);
  if (result.ok) throw new Error('expected the broken corpus to be rejected');
  return result.problems;
}

const VW_FILE = `sources/${IDS.valuewalk}.md`;
const DIP_FILE = `sources/${IDS.diplomat}.md`;

describe('the real corpus', () => {
  it('loads four sources and the approved reader comments, with the facts SOURCES.md establishes and no more', async () => {
    const corpus = await realCorpus();
    expect(corpus.sources.map((s) => s.id).sort()).toEqual([IDS.diplomat, IDS.essay, IDS.russiaInsider, IDS.valuewalk, IDS.comments].sort());
    const byId = new Map(corpus.sources.map((s) => [s.id, s]));
    expect(byId.get(IDS.valuewalk)).toMatchObject({ publication: 'ValueWalk', author: null, date: '2015-03', dateInferred: true, urlVerified: true });
    expect(byId.get(IDS.diplomat)).toMatchObject({ publication: 'The Diplomat', author: null, urlVerified: false });
    expect(byId.get(IDS.russiaInsider)?.credit).toMatch(/Russia Insider/);
    expect(byId.get(IDS.essay)).toMatchObject({ publication: null, author: null, date: null, url: null, titleIsDescriptive: true });
  });

  it('keeps only the paths and hashes of the files it has loaded, not their texts, until the corpus is hashed', async () => {
    hashedLists.length = 0;
    const result = await loadCorpus(CORPUS_DIR);
    expect(result.ok).toBe(true);
    const files = hashedLists.at(-1) ?? [];
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) expect(Object.keys(file).sort()).toEqual(['hash', 'rel']);
  });

  it('has no passage twice: seeds 000 and 001 are one article', async () => {
    const corpus = await realCorpus();
    const texts = corpus.passages.map((p) => foldTypography(p.text));
    expect(new Set(texts).size).toBe(texts.length);
    expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(corpus.passages.length);
  });

  it('keeps site furniture out of every passage', async () => {
    const corpus = await realCorpus();
    const furniture = ['Updated on', 'Leave a Comment', 'Recent Features', 'Flashpoints', 'jobs board', 'Go Ad-Free', 'first appeared on Russia Insider', 'figcaption', 'commenting rules', 'Anyone is free to republish'];
    for (const passage of corpus.passages) for (const words of furniture) expect(passage.text).not.toContain(words);
  });

  it('loads only approved reader comments: the abusive ones (3–7) are in no source body', async () => {
    const corpus = await realCorpus();
    const everything = corpus.sources.map((s) => s.body).join('\n');
    for (const words of ['Nazis', 'Hitler', 'English named whites', 'molest', 'bomb America to bits', 'S.C.O is a structure']) {
      expect(everything).not.toContain(words);
    }
    const comments = corpus.sources.find((s) => s.id === IDS.comments);
    expect(comments?.paragraphs.map((p) => p.heading)).toEqual(['Comment 1', 'Comment 2', 'Comment 2']);
  });

  it('shows only words that are verbatim in the seed texts (whitespace aside)', async () => {
    const corpus = await realCorpus();
    const { readdir } = await import('node:fs/promises');
    const seeds = await Promise.all((await readdir(SEEDS_DIR)).map((f) => readFile(path.join(SEEDS_DIR, f), 'utf8')));
    const haystack = seeds.map((s) => s.replace(/\s+/g, ' ')).join('\n');
    for (const passage of corpus.passages) expect(haystack.includes(passage.text.replace(/\s+/g, ' ')), passage.id).toBe(true);
    for (const source of corpus.sources) {
      for (const paragraph of source.paragraphs) expect(haystack.includes(paragraph.text.replace(/\s+/g, ' ')), `${source.id} ¶${paragraph.index}`).toBe(true);
    }
  });

  it('locates every passage at its offset in the source body', async () => {
    const corpus = await realCorpus();
    const bodies = new Map(corpus.sources.map((s) => [s.id, s.body]));
    for (const p of corpus.passages) expect(bodies.get(p.sourceId)?.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  });
});

describe('a broken corpus is rejected whole, with file, field and fix', () => {
  it('GIVEN front matter that is not closed THEN it names the file and says to add ---', async () => {
    const problems = await brokenCopy(VW_FILE, (t) => t.replace(/\n---\n/, '\n'));
    expect(problems).toContainEqual(expect.objectContaining({ file: VW_FILE, message: 'the front matter is not closed' }));
  });

  it('GIVEN broken YAML THEN the line is named', async () => {
    const problems = await brokenCopy(VW_FILE, (t) => t.replace('publication: ValueWalk', 'publication: [ValueWalk'));
    expect(problems[0]?.file).toBe(VW_FILE);
    // The broken value is on line 4 of the file; the parser notices the unclosed bracket on the next line.
    expect(problems[0]?.message).toMatch(/^front matter is not valid YAML near line [45]: /);
  });

  it('GIVEN a missing title THEN the field is "title" and the fix says what to write', async () => {
    const problems = await brokenCopy(VW_FILE, (t) => t.replace(/^title: .*\n/m, ''));
    expect(problems).toEqual([{ file: VW_FILE, field: 'title', message: 'is missing', fix: 'write the headline as printed' }]);
  });

  it('GIVEN a misspelt field THEN it suggests the right one', async () => {
    const problems = await brokenCopy(VW_FILE, (t) => t.replace('publication:', 'publicaton:'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'publicaton', fix: 'did you mean "publication"?' }));
  });

  it('GIVEN a bad URL THEN it asks for a full https:// link', async () => {
    const problems = await brokenCopy(VW_FILE, (t) => t.replace(/^url: .*$/m, 'url: www.valuewalk.com/x'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'url', fix: expect.stringContaining('https://') }));
  });

  it('GIVEN an empty body THEN the body is named', async () => {
    const problems = await brokenCopy(`sources/${IDS.essay}.md`, (t) => t.slice(0, t.indexOf('\n---\n') + 5));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'body', message: 'the body is empty' }));
  });

  it('GIVEN an override naming nobody in people.yaml THEN it lists who exists', async () => {
    const problems = await brokenCopy(VW_FILE, (t) => t.replace('voice: huiyun-feng', 'voice: hui-feng'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'overrides[0].voice', message: 'unknown person "hui-feng"', fix: expect.stringContaining('huiyun-feng') }));
  });

  it('GIVEN an override whose sentence was edited away THEN it is reported as stale', async () => {
    const problems = await brokenCopy(DIP_FILE, (t) => t.replace('passage: "China could be dragged', 'passage: "China might be dragged'));
    expect(problems).toContainEqual(expect.objectContaining({ file: DIP_FILE, field: 'overrides[0].passage' }));
  });

  it('GIVEN two sources with the same id THEN the duplicate is named', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    const { copyFile } = await import('node:fs/promises');
    await copyFile(path.join(dir, VW_FILE), path.join(dir, 'sources', 'copy.md'));
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual(expect.objectContaining({ file: 'sources/copy.md', field: 'id' }));
    }
  });

  it('GIVEN a comments file for an unknown article THEN commentsOn is named', async () => {
    const problems = await brokenCopy(`comments/${IDS.comments}.yaml`, (t) => t.replace(/^commentsOn: .*$/m, 'commentsOn: no-such-article'));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'commentsOn' }));
  });

  it('GIVEN a comment without a status THEN it stays hidden (fail-safe)', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    await editFile(dir, `comments/${IDS.comments}.yaml`, (t) => t.replace('  - number: 2\n    status: approved\n', '  - number: 2\n'));
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const comments = result.corpus.sources.find((s) => s.id === IDS.comments);
      expect(comments?.paragraphs.map((p) => p.heading)).toEqual(['Comment 1']);
    }
  });

  it('GIVEN a YAML alias bomb or an unreadable people.yaml THEN each is a problem with the file, not a crash', async () => {
    const bomb = 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    const problems = await brokenCopy(VW_FILE, (t) => t.replace('---\n', `---\n${bomb}`));
    expect(problems).toContainEqual(expect.objectContaining({ file: VW_FILE, message: expect.stringContaining('the YAML cannot be read') }));

    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    const { rm, mkdir } = await import('node:fs/promises');
    await rm(path.join(dir, 'people.yaml'));
    await mkdir(path.join(dir, 'people.yaml'));
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ file: 'people.yaml', message: 'is a folder, not a regular file' }));
  });

  it('GIVEN an alias that names two people THEN people.yaml is rejected', async () => {
    const problems = await brokenCopy('people.yaml', (t) => t.replace('aliases: [Keck]', 'aliases: [Keck, Feng]'));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'people.yaml', message: expect.stringContaining('"Feng" names both') }));
  });

  it('GIVEN a new article dropped into sources/ THEN it loads and its quotes are attributed by the rules', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      path.join(dir, 'sources', 'example-2016-new-piece.md'),
      '---\nid: example-2016-new-piece\ntitle: A new piece\npublication: Example Times\ndate: "2016-01"\nurl: https://example.org/new\nkind: article\n---\n\nTalks resumed in Beijing. “Our countries have never been closer than they are today,” Wang Yi said.\n\nAccording to Yan, an alliance is a matter of time. Moreover, both sides want it.\n',
    );
    const result = await loadCorpus(dir);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const voices = result.corpus.passages.filter((p) => p.sourceId === 'example-2016-new-piece').map((p) => `${p.voice.personId ?? p.voice.name}/${p.voice.basis}`);
      expect(voices).toEqual(['Example Times/own', 'wang-yi/direct-quote', 'yan-xuetong/reported', 'yan-xuetong/reported']);
    }
  });
});

describe('a book-length source file', () => {
  /** A file of over 2 MB with Windows line ends, whose first 1 MB read boundary falls inside a multi-byte character. */
  function bookFile(): { text: string; paragraphs: string[] } {
    const paragraphs: string[] = [];
    for (let p = 0; p < 16000; p++) {
      const n = String(p).padStart(4, '0');
      paragraphs.push(`Paragraph ${n} says “Moscow’s entente is économique, ${'é'.repeat(30)}.” Résumé ${n} follows.\r\nIts second line ends here.`);
    }
    for (let pad = 0; ; pad++) {
      const text = ['---', 'id: a-book', `title: A book${'é'.repeat(pad)}`, 'titleIsDescriptive: true', 'kind: essay', '---', '', paragraphs.join('\r\n\r\n'), ''].join('\r\n');
      const bytes = Buffer.from(text, 'utf8');
      const splitsCharacters = ((bytes[2 ** 20] as number) & 0xc0) === 0x80;
      if (splitsCharacters) return { text, paragraphs: paragraphs.map((p) => p.replace('\r\n', ' ')) };
    }
  }

  it('GIVEN one file of over 2 MB THEN it loads verbatim, in thousands of slices', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    const book = bookFile();
    expect(Buffer.byteLength(book.text)).toBeGreaterThan(2 * 2 ** 20);
    await writeFile(path.join(dir, 'sources/a-book.md'), book.text);

    slicedRuns.length = 0;
    const result = await loadCorpus(dir);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const source = result.corpus.sources.find((s) => s.id === 'a-book');
    expect(source?.body).toBe(book.paragraphs.join('\n\n'));
    expect(source?.title).toBe(book.text.split('\r\n')[2]?.slice('title: '.length));
    const passages = result.corpus.passages.filter((p) => p.sourceId === 'a-book');
    expect(passages).toHaveLength(16000 * 3);
    for (const p of passages) expect(source?.body.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    // The one file was loaded as one sliced run of at least a step per paragraph, so runSliced could
    // hand the event loop back inside it (tests/util/yield.test.ts checks that it does).
    expect(Math.max(...slicedRuns)).toBeGreaterThanOrEqual(16000);
  });
});

describe('assembleCorpus', () => {
  it('GIVEN 200 loaded sources THEN it gathers their passages in order, handing a step back every 64 sources', () => {
    const sources = new Map<string, LoadedSource>();
    for (let s = 0; s < 200; s++) {
      const id = `source-${s}`;
      const passages = [0, 1, 2].map((k) => ({ id: `${id}:${k}`, sourceId: id }) as unknown as Passage);
      sources.set(id, { id, passages } as unknown as LoadedSource);
    }
    const steps = assembleCorpus('root', [], sources, 'hash');
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBe(3);
    expect(step.value.sources.map((s) => s.id)).toEqual([...sources.keys()]);
    expect(step.value.sources[0]).not.toHaveProperty('passages');
    expect(step.value.passages.map((p) => p.id)).toEqual([...sources.values()].flatMap((s) => s.passages.map((p) => p.id)));
  });

  it('GIVEN one source of 10,000 passages (a corpus in one file) THEN it hands a step back within the source too', () => {
    const passages = Array.from({ length: 10_000 }, (_, k) => ({ id: `only:${k}`, sourceId: 'only' }) as unknown as Passage);
    const sources = new Map([['only', { id: 'only', passages } as unknown as LoadedSource]]);
    const steps = assembleCorpus('root', [], sources, 'hash');
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // A step per 4,000 passages: two within the source.
    expect(yields).toBe(2);
    expect(step.value.passages).toEqual(passages);
  });
});
