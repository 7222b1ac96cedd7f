/**
 * `npm run import` from its environment: runImportMain (what main.ts runs) in this process, and once as a real child
 * process to check the wiring to the process (environment, stdout, exit code).
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportMain } from '../../src/import/cli.ts';
import { copyCorpus, REPO_ROOT } from '../helpers/corpus.ts';
import { IMPORT_FIXTURES } from '../helpers/page-server.ts';

const run = promisify(execFile);
const MAIN = path.join(REPO_ROOT, 'src', 'import', 'main.ts');
/**
 * The child process loads tsx and the extraction stack (jsdom, mammoth), which took ~25 s on a loaded shared
 * two-core machine: a generous bound, not a claim about speed.
 */
const PROCESS_BOUND_MS = 180_000;

describe('npm run import from its environment', () => {
  let corpus: { dir: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    corpus = await copyCorpus();
  });
  afterAll(async () => {
    await corpus.cleanup();
  });
  const sources = () => readdir(path.join(corpus.dir, 'sources'));

  it(
    'GIVEN the process, CORPUS_DIR and no bot token THEN it previews a file and exits 0, writing nothing',
    async () => {
      const before = await sources();
      const env = { ...process.env, CORPUS_DIR: corpus.dir, DISCORD_TOKEN: '' };
      const args = [path.join(IMPORT_FIXTURES, 'opengraph.html'), '--dry-run'];
      const ok = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, cwd: REPO_ROOT });
      expect(ok.stdout).toContain('Publication: Coastline Weekly');
      expect(ok.stdout).toContain(`would write ${path.join(corpus.dir, 'sources')}`);
      expect(await sources()).toEqual(before);
    },
    PROCESS_BOUND_MS,
  );

  it('GIVEN a page with no article THEN exit code 1 with the reason on stderr, and nothing written', async () => {
    const before = await sources();
    const result = await runMain([path.join(IMPORT_FIXTURES, 'non-article.html')], { CORPUS_DIR: corpus.dir });
    expect(result.code).toBe(1);
    expect(result.err).toContain('No article was found');
    expect(await sources()).toEqual(before);
  });

  it('GIVEN CORPUS_DIR THEN the file goes there; GIVEN a bad IMPORT_ALLOW_LOOPBACK THEN exit 1 naming it', async () => {
    const preview = await runMain([path.join(IMPORT_FIXTURES, 'opengraph.html'), '--dry-run'], {
      CORPUS_DIR: corpus.dir,
    });
    expect(preview.code).toBe(0);
    expect(preview.out).toContain(`would write ${path.join(corpus.dir, 'sources')}`);
    const refused = await runMain([path.join(IMPORT_FIXTURES, 'opengraph.html')], { IMPORT_ALLOW_LOOPBACK: 'yes' });
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: expect.stringContaining('IMPORT_ALLOW_LOOPBACK must be true or false'),
    });
  });

  async function runMain(argv: string[], env: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImportMain(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
});
