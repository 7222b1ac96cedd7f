import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, REPO_ROOT } from '../helpers/corpus.ts';
import { IMPORT_FIXTURES } from '../helpers/page-server.ts';

const run = promisify(execFile);
const MAIN = path.join(REPO_ROOT, 'src', 'import', 'main.ts');

describe('npm run import as a process', () => {
  let corpus: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    corpus = await copyCorpus();
  });
  afterAll(async () => {
    await corpus.cleanup();
  });

  // One process per test: each spawn loads tsx and the extraction stack, and on a shared two-core machine two of
  // them in one test took longer than the whole test may (seen at load average 11).
  it('GIVEN CORPUS_DIR and no bot token THEN it previews a file and exits 0, writing nothing', async () => {
    const before = await readdir(path.join(corpus.dir, 'sources'));
    const ok = await runImport([path.join(IMPORT_FIXTURES, 'opengraph.html'), '--dry-run']);
    expect(ok.stdout).toContain('Publication: Coastline Weekly');
    expect(ok.stdout).toContain(`would write ${path.join(corpus.dir, 'sources')}`);
    expect(await readdir(path.join(corpus.dir, 'sources'))).toEqual(before);
  });

  it('GIVEN a page with no article THEN it exits 1 with the reason on stderr and writes nothing', async () => {
    const before = await readdir(path.join(corpus.dir, 'sources'));
    const refused = await runImport([path.join(IMPORT_FIXTURES, 'non-article.html')]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('No article was found');
    expect(await readdir(path.join(corpus.dir, 'sources'))).toEqual(before);
  });

  /** `npm run import` with `args`, on the copy of the corpus and without a bot token. */
  function runImport(args: string[]) {
    const env = { ...process.env, CORPUS_DIR: corpus.dir, DISCORD_TOKEN: '' };
    return run(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, cwd: REPO_ROOT });
  }
});
