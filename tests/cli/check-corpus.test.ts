import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../../src/cli/check-corpus.ts';
import { copyCorpus, CORPUS_DIR, editFile } from '../helpers/corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The child loads tsx (~25 s on a loaded shared two-core machine): a generous bound, not a claim about speed. */
const PROCESS_BOUND_MS = 180_000;

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await checkCorpus(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('npm run check-corpus [DIR]', () => {
  it('GIVEN the shipped corpus THEN exit 0 with what it holds', async () => {
    const { code, out, err } = await check([CORPUS_DIR]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/: OK — \d+ sources, \d+ passages, \d+ people, 1 topic \(corpus [0-9a-f]{64}\)\.\n$/);
  });

  it('GIVEN a source with a bad date THEN exit 2 naming the file, the field and the fix', async () => {
    const { dir, cleanup } = await copyCorpus();
    try {
      await editFile(dir, 'sources/valuewalk-2015-russia-china-alliance.md', (t) =>
        t.replace('date: "2015-03"', 'date: "March 2015"'),
      );
      const { code, out, err } = await check([dir]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toContain('the bot would refuse this corpus');
      expect(err).toMatch(/sources\/valuewalk-2015-russia-china-alliance\.md.*date/);
    } finally {
      await cleanup();
    }
  });

  it('GIVEN a folder that is not a corpus THEN exit 2 saying what is missing', async () => {
    const { code, err } = await check([resolve(ROOT, 'tests/cli')]);
    expect(code).toBe(2);
    expect(err).toContain('people.yaml');
  });

  it('GIVEN two folders or an option THEN exit 1 with the usage line', async () => {
    expect((await check(['a', 'b'])).code).toBe(1);
    const { code, err } = await check(['--help']);
    expect(code).toBe(1);
    expect(err).toContain('Usage: npm run check-corpus [DIR]');
  });

  it(
    'GIVEN a broken corpus THEN the process itself exits 2 (what a CI job sees)',
    async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/check-corpus-main.ts', 'tests/cli'], {
        cwd: ROOT,
        stdio: 'ignore',
      });
      const [code] = await once(child, 'exit');
      expect(code).toBe(2);
    },
    PROCESS_BOUND_MS,
  );
});
