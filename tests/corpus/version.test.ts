import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { Library } from '../../src/library.ts';
import { checkCorpusVersion, CORPUS_FORMAT_VERSION } from '../../src/corpus/version.ts';
import { copyCorpus, CORPUS_DIR } from '../helpers/corpus.ts';

describe('the corpus format version (verbatim.yaml)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-version-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN the shipped corpus THEN it declares the version this bot reads', async () => {
    expect(await checkCorpusVersion(CORPUS_DIR)).toEqual([]);
    expect(CORPUS_FORMAT_VERSION).toBe(1);
  });

  it('GIVEN no verbatim.yaml (a corpus older than the manifest) THEN it is read as version 1', async () => {
    expect(await checkCorpusVersion(dir)).toEqual([]);
  });

  it('GIVEN a corpus from a newer format THEN one problem says so and what to do', async () => {
    await writeFile(join(dir, 'verbatim.yaml'), 'corpusVersion: 2\n');
    expect(await checkCorpusVersion(dir)).toEqual([
      {
        file: 'verbatim.yaml',
        field: 'corpusVersion',
        message: 'this corpus is in format version 2, newer than this bot reads (version 1)',
        fix: 'upgrade Verbatim (CHANGELOG.md lists what each format version changed), or use a corpus written for version 1',
      },
    ]);
  });

  it('GIVEN a version that is not a whole number, or broken YAML THEN the problem names the fix', async () => {
    await writeFile(join(dir, 'verbatim.yaml'), 'corpusVersion: "one"\n');
    const [bad] = await checkCorpusVersion(dir);
    expect(bad).toMatchObject({ field: 'corpusVersion', fix: "write `corpusVersion: 1` for a corpus in this bot's format" });
    await writeFile(join(dir, 'verbatim.yaml'), 'corpusVersion: [1\n');
    const [broken] = await checkCorpusVersion(dir);
    expect(broken?.message).toMatch(/^not valid YAML near line/);
  });

  it('GIVEN a copy of the real corpus marked version 2 WHEN loaded THEN the loader refuses it with that one problem', async () => {
    const copy = await copyCorpus();
    try {
      await writeFile(join(copy.dir, 'verbatim.yaml'), 'corpusVersion: 2\n');
      const loaded = await loadCorpus(copy.dir);
      expect(loaded.ok).toBe(false);
      if (!loaded.ok) expect(loaded.problems.map((p) => p.file)).toEqual(['verbatim.yaml']);
    } finally {
      await copy.cleanup();
    }
  });

  it('GIVEN a FIFO nobody writes to as verbatim.yaml WHEN reloaded THEN refused at once, naming it; removed, the next reload works', async () => {
    const copy = await copyCorpus();
    try {
      const library = await Library.open(copy.dir);
      await rm(join(copy.dir, 'verbatim.yaml'), { force: true });
      execFileSync('mkfifo', [join(copy.dir, 'verbatim.yaml')]);
      const refused = await library.reload();
      expect(refused.ok).toBe(false);
      if (!refused.ok)
        expect(refused.problems).toEqual([expect.objectContaining({ file: 'verbatim.yaml', message: 'is a named pipe (FIFO), not a regular file' })]);
      await rm(join(copy.dir, 'verbatim.yaml'));
      await writeFile(join(copy.dir, 'verbatim.yaml'), `corpusVersion: ${CORPUS_FORMAT_VERSION}\n`);
      expect((await library.reload()).ok).toBe(true);
    } finally {
      await copy.cleanup();
    }
  });

  it('GIVEN verbatim.yaml is a link to a file outside the corpus THEN it is refused, not followed', async () => {
    const outside = join(dir, 'outside.yaml');
    await writeFile(outside, 'corpusVersion: 1\n');
    const corpus = await mkdtemp(join(tmpdir(), 'verbatim-version-link-'));
    try {
      await symlink(outside, join(corpus, 'verbatim.yaml'));
      expect(await checkCorpusVersion(corpus)).toEqual([expect.objectContaining({ file: 'verbatim.yaml', message: expect.stringContaining('symbolic link') })]);
    } finally {
      await rm(corpus, { recursive: true, force: true });
    }
  });
});
