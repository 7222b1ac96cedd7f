/** The `accessed` front-matter field: the day the text was taken from its link, or unknown. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';
import { copyCorpus, editFile, IDS, realCorpus, REPO_ROOT } from '../helpers/corpus.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const VW_FILE = `sources/${IDS.valuewalk}.md`;

describe('accessed in front matter', () => {
  it('GIVEN the seeds (SOURCES.md records no access dates) THEN every seed, comments included, has accessed null', async () => {
    const corpus = await realCorpus();
    expect(corpus.sources.map((s) => [s.id, s.accessed])).toEqual(corpus.sources.map((s) => [s.id, null]));
  });

  it('GIVEN accessed: "2026-03-20" THEN it loads, and the reader comments under that article share it', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    await editFile(dir, VW_FILE, (t) => t.replace('urlVerified: true\n', 'urlVerified: true\naccessed: "2026-03-20"\n'));
    const loaded = await loadCorpus(dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const byId = new Map(loaded.corpus.sources.map((s) => [s.id, s]));
    expect(byId.get(IDS.valuewalk)!.accessed).toBe('2026-03-20');
    expect(byId.get(IDS.comments)!.accessed).toBe('2026-03-20');
  });

  it('GIVEN accessed that is not a full day THEN the admin is told which field and how to write it', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    await editFile(dir, VW_FILE, (t) => t.replace('urlVerified: true\n', 'urlVerified: true\naccessed: "March 2026"\n'));
    const loaded = await loadCorpus(dir);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toContainEqual(
      expect.objectContaining({ file: VW_FILE, field: 'accessed', message: expect.stringContaining('YYYY-MM-DD') }),
    );
  });

  it('GIVEN the card fixture THEN its accessed date loads', async () => {
    const loaded = await loadCorpus(path.join(REPO_ROOT, 'tests/fixtures/cite-corpus'));
    expect(loaded.ok && loaded.corpus.sources[0]!.accessed).toBe('2026-03-20');
  });
});
