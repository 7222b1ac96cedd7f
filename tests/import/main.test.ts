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

  it('GIVEN CORPUS_DIR and no bot token THEN it previews a file and exits 0; a refusal exits 1 on stderr', async () => {
    const env = { ...process.env, CORPUS_DIR: corpus.dir, DISCORD_TOKEN: '' };
    const before = await readdir(path.join(corpus.dir, 'sources'));
    const ok = await run(
      process.execPath,
      ['--import', 'tsx', MAIN, path.join(IMPORT_FIXTURES, 'opengraph.html'), '--dry-run'],
      {
        env,
        cwd: REPO_ROOT,
      },
    );
    expect(ok.stdout).toContain('Publication: Coastline Weekly');
    expect(ok.stdout).toContain(`would write ${path.join(corpus.dir, 'sources')}`);
    const refused = await run(
      process.execPath,
      ['--import', 'tsx', MAIN, path.join(IMPORT_FIXTURES, 'non-article.html')],
      {
        env,
        cwd: REPO_ROOT,
      },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('No article was found');
    expect(await readdir(path.join(corpus.dir, 'sources'))).toEqual(before);
  });
});
