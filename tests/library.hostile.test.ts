/**
 * Hostile corpus edits through the real loader (Library over a copy of the real corpus): each is refused with
 * the file and the limit or reason, the old corpus keeps answering, and the next reload is not blocked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type CorpusLimits } from '../src/corpus/limits.ts';
import { buildState, Library, type ReloadReport } from '../src/library.ts';
import { copyCorpus, editFile, IDS } from './helpers/corpus.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function libraryOnCopy(limits: Partial<CorpusLimits> = {}) {
  const { dir, cleanup } = await copyCorpus();
  cleanups.push(cleanup);
  const library = await Library.open(dir, { limits: { ...DEFAULT_LIMITS, ...limits } });
  return { dir, library };
}

/** Hostile variants refused with the old corpus still serving, printed for the README's "Reliability" figures. */
let refusedVariants = 0;
afterAll(() => {
  process.stdout.write(`hostile corpus: ${refusedVariants} variants refused, the old corpus answering after each\n`);
});

/** The reload was refused, the serving corpus is the one from before, and it still answers. */
function expectRefused(report: ReloadReport, library: Library, before: Library['state']) {
  refusedVariants += 1;
  expect(report.ok).toBe(false);
  expect(library.state).toBe(before);
  expect(library.state.index.search({ text: 'zero sum mentality' })[0]?.passage.text).toContain('zero-sum');
  if (report.ok) throw new Error('unreachable');
  for (const p of report.problems) expect(JSON.stringify(p)).not.toContain(library.root);
  return report.problems;
}

const source = (id: string, body: string) =>
  `---\nid: ${id}\ntitle: Probe\ntitleIsDescriptive: true\nkind: essay\n---\n\n${body}\n`;

describe('GIVEN a hostile edit to a serving corpus', () => {
  it('WHEN a FIFO sits at topics/x.yaml or as people.yaml THEN the reload is refused at once, naming it; removed, the next reload works', async () => {
    const { dir, library } = await libraryOnCopy();
    const before = library.state;
    execFileSync('mkfifo', [path.join(dir, 'topics/x.yaml')]);
    expect(expectRefused(await library.reload(), library, before)).toContainEqual(
      expect.objectContaining({ file: 'topics/x.yaml', message: 'is a named pipe (FIFO), not a regular file' }),
    );
    await rm(path.join(dir, 'topics/x.yaml'));
    await rm(path.join(dir, 'people.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'people.yaml')]);
    expect(expectRefused(await library.reload(), library, before)).toContainEqual(
      expect.objectContaining({ file: 'people.yaml', message: 'is a named pipe (FIFO), not a regular file' }),
    );
    await rm(path.join(dir, 'people.yaml'));
    await writeFile(
      path.join(dir, 'people.yaml'),
      (await import('node:fs')).readFileSync(path.resolve('corpus/people.yaml')),
    );
    expect((await library.reload()).ok).toBe(true);
  });

  it('WHEN people.yaml or a source is a symbolic link THEN refused by name; nothing of the target is echoed', async () => {
    const { dir, library } = await libraryOnCopy();
    const before = library.state;
    const outside = await mkdtemp(path.join(tmpdir(), 'verbatim-outside-'));
    cleanups.push(() => rm(outside, { recursive: true, force: true }));
    await writeFile(path.join(outside, 'secrets.yaml'), 'db_password: hunter2\napi_key: abc\n');
    await rm(path.join(dir, 'people.yaml'));
    await symlink(path.join(outside, 'secrets.yaml'), path.join(dir, 'people.yaml'));
    await symlink(path.join(dir, `sources/${IDS.essay}.md`), path.join(dir, 'sources/linked.md'));
    const problems = expectRefused(await library.reload(), library, before);
    expect(problems.map((p) => [p.file, p.message])).toEqual(
      expect.arrayContaining([
        ['people.yaml', expect.stringContaining('symbolic link')],
        ['sources/linked.md', expect.stringContaining('symbolic link')],
      ]),
    );
    expect(JSON.stringify(problems)).not.toMatch(/hunter2|db_password|api_key/);
    expect(JSON.stringify(problems)).not.toContain(outside);
  });

  it('WHEN a source is saved as Windows-1252 THEN refused with the byte offset, never served with U+FFFD', async () => {
    const { dir, library } = await libraryOnCopy();
    const before = library.state;
    await writeFile(
      path.join(dir, 'sources/cp1252.md'),
      Buffer.from(source('cp1252', 'The caf\xe9 said \x93no\x94.'), 'latin1'),
    );
    const problems = expectRefused(await library.reload(), library, before);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'sources/cp1252.md',
        message: expect.stringMatching(/^is not valid UTF-8: byte 0xE9 at byte offset \d+ \(line 8\)$/),
      }),
    );
  });

  it('WHEN a 1 MB article is pasted without blank lines (one paragraph) THEN refused naming the file and the limit, quickly', async () => {
    const { dir, library } = await libraryOnCopy();
    const before = library.state;
    const sentence = 'China and Russia signed another agreement on energy and trade in Moscow this week.\n';
    await writeFile(
      path.join(dir, 'sources/pasted.md'),
      source('pasted', sentence.repeat(Math.ceil(1_000_000 / sentence.length))),
    );
    const problems = expectRefused(await library.reload(), library, before);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'sources/pasted.md',
        message: expect.stringMatching(
          /^paragraph 1 \(“China and Russia.*”\) is 1,000,\d{3} characters, over the limit of 10,000 \(CORPUS_MAX_PARAGRAPH_CHARS\)$/,
        ),
      }),
    );
  });

  it('WHEN a sentence, a comments file, people.yaml or a folder is past its limit THEN each is refused naming the limit', async () => {
    // The seed corpus has 8 people and 4 sources: limits just above it load, one more is refused.
    const { dir, library } = await libraryOnCopy({ maxSentenceChars: 400, maxPeople: 8, maxFiles: 5 });
    const before = library.state;
    await writeFile(path.join(dir, 'sources/long.md'), source('long', `${'word '.repeat(100)}end.`));
    let problems = expectRefused(await library.reload(), library, before);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'sources/long.md',
        message: expect.stringContaining('over the limit of 400 (CORPUS_MAX_SENTENCE_CHARS)'),
      }),
    );
    await rm(path.join(dir, 'sources/long.md'));

    await editFile(dir, 'people.yaml', (t) => `${t}- id: extra-one\n  name: Extra One\n  role: r\n  aliases: []\n`);
    problems = expectRefused(await library.reload(), library, before);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'people.yaml',
        message: 'lists 9 people, over the limit of 8 (CORPUS_MAX_PEOPLE)',
      }),
    );

    await editFile(dir, 'people.yaml', (t) => t.replace(/- id: extra-one[\s\S]*$/, ''));
    for (let i = 0; i < 2; i++)
      await writeFile(path.join(dir, `sources/extra-${i}.md`), source(`extra-${i}`, 'A sentence.'));
    problems = expectRefused(await library.reload(), library, before);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'sources/', message: 'holds 6 files, over the limit of 5 (CORPUS_MAX_FILES)' }),
    );
  });

  it('WHEN a comments file has more comments than allowed, or an id that is not its file name THEN refused', async () => {
    // The seed comments file has 7 comments: at the limit it loads, one more is refused.
    const { dir, library } = await libraryOnCopy({ maxComments: 7 });
    const before = library.state;
    const rel = 'comments/valuewalk-2015-russia-china-alliance-comments.yaml';
    await editFile(dir, rel, (t) => `${t.trimEnd()}\n  - number: 8\n    status: approved\n    text: One more.\n`);
    let problems = expectRefused(await library.reload(), library, before);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: rel,
        message: 'holds 8 comments, over the limit of 7 (CORPUS_MAX_COMMENTS)',
      }),
    );

    const { dir: dir2, library: library2 } = await libraryOnCopy();
    const before2 = library2.state;
    await editFile(dir2, rel, (t) =>
      t.replace('id: valuewalk-2015-russia-china-alliance-comments', 'id: other-comments'),
    );
    problems = expectRefused(await library2.reload(), library2, before2);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: rel, field: 'id', message: 'id "other-comments" does not match the file name' }),
    );
    expect(dir).not.toBe(dir2);
  });

  it('WHEN only a source is edited THEN the report does not call the untouched topic changed', async () => {
    const { dir, library } = await libraryOnCopy();
    await editFile(dir, `sources/${IDS.diplomat}.md`, (t) => `${t}\nOne more closing sentence for the record.\n`);
    const report = await library.reload();
    expect(report.ok && report.changed).toEqual([IDS.diplomat]);
  });

  it('WHEN a reload never finishes (a stalled mount) THEN it is refused after RELOAD_TIMEOUT_MS and the next reload is not blocked', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    // Built beforehand and handed over already resolved, so only the hanging build meets the 200 ms bound.
    const built = await buildState(dir);
    let hang = false;
    const library = await Library.open(dir, {
      limits: { ...DEFAULT_LIMITS, reloadTimeoutMs: 200 },
      build: () => (hang ? new Promise(() => undefined) : Promise.resolve(built)),
    });
    const before = library.state;
    hang = true;
    const refused = await library.reload();
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems[0]?.message).toBe(
        'the reload was still running after 200 ms (RELOAD_TIMEOUT_MS) and was abandoned',
      );
    expect(library.state).toBe(before);
    hang = false;
    expect((await library.reload()).ok).toBe(true);
  });
});
