/**
 * The console as a newcomer uses it. The session runs in this process (src/console/session.ts) with its lines fed
 * in; one test starts `npm run console` as a real child process, commands on stdin, to check the wiring to the
 * process (stdin, stdout, exit code).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyCorpus, editFile, IDS, REPO_ROOT } from '../helpers/corpus.ts';
import { consoleSession as runConsole } from '../helpers/console.ts';

/**
 * `npm run console` as a child process. tsx and the whole search stack load in it, which on a loaded shared
 * two-core machine has taken ~25 s: PROCESS_BOUND_MS is a generous bound, not a claim about speed.
 */
async function runConsoleProcess(input: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/console/main.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, CORPUS_DIR: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input);
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
const PROCESS_BOUND_MS = 180_000;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('npm run console', () => {
  it(
    'GIVEN the process, stdin "/quote abandn zero sum mentalty" and --json THEN exit 0 and Qu Xing comes first, with his role, ValueWalk and its link',
    async () => {
      const run = await runConsoleProcess('/quote abandn zero sum mentalty\n', ['--json']);
      expect(run.code).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const answer = JSON.parse(lines[0] ?? '{}');
      expect(answer.command).toBe('quote');
      expect(answer.query).toBe('abandn zero sum mentalty');
      const [top] = answer.results;
      expect(top.text).toBe(
        'China’s ambassador to Belgium, Qu Xing, asked the West to “abandon the zero-sum mentality” with Russia.',
      );
      expect(top.speaker).toEqual({ name: 'Qu Xing', role: "China's ambassador to Belgium" });
      expect(top.source).toMatchObject({
        id: IDS.valuewalk,
        title: 'Russia And China To Form Alliance Against United States?',
        publication: 'ValueWalk',
        author: null,
        date: '2015-03',
        url: 'https://www.valuewalk.com/2015/03/russia-and-china-vs-us/',
      });
      expect(top.context).toContain(top.text);
      expect(typeof top.score).toBe('number');
    },
    PROCESS_BOUND_MS,
  );

  it('GIVEN several commands on stdin THEN it answers each, one JSON object per line', async () => {
    const run = await runConsole('/quote offshore balancing speaker:yan\n/sources\n/quote source:essay\n/help\n', [
      '--json',
    ]);
    expect(run.code).toBe(0);
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.command)).toEqual(['quote', 'sources', 'quote', 'help']);
    expect(answers[0].results[0].speaker.name).toBe('Yan Xuetong');
    expect(answers[1].sources).toHaveLength(5);
    expect(answers[2].random).toBe(true);
    expect(answers[2].results[0].source.id).toBe(IDS.essay);
    const listed = answers[3].commands.map((c: { name: string }) => c.name);
    expect(listed.filter((name: string) => name === 'help')).toHaveLength(1);
    expect(listed).toEqual(expect.arrayContaining(['quote', 'sources', 'reload', 'procon', 'help']));
  });

  it('GIVEN text mode THEN the answer reads as a quote with voice, where and link', async () => {
    const run = await runConsole('/quote wang strategic coordination\n');
    expect(run.stdout).toContain('“As each other’s most important and prioritized partners');
    expect(run.stdout).toContain("— Wang Yi — China's Foreign Minister");
    expect(run.stdout).toContain('Russia Insider · 14 April 2015 (inferred)');
    expect(run.stdout).toContain('First appeared on Russia Insider');
  });

  it('GIVEN words that match nothing but resemble corpus words THEN the answer suggests them', async () => {
    const run = await runConsole('/quote muxtial\n');
    expect(run.code).toBe(0);
    // The same sentence as Discord's (src/messages.ts).
    expect(run.stdout).toContain('No passage matches “muxtial”. Did you mean “mutual”?');
  });

  it('GIVEN a speaker the corpus names but who never speaks THEN the answer says so instead of "no match"', async () => {
    const run = await runConsole('/quote alliance speaker:putin\n', ['--json']);
    const answer = JSON.parse(run.stdout.trim());
    expect(answer.error).toMatchObject({ id: 'quote.speaker-never-speaks' });
    expect(answer.error.message).toContain('Vladimir Putin is named in the corpus but never speaks in it');
  });

  it('GIVEN a bad option or unknown command THEN it says so clearly, carries on, and exits 1', async () => {
    const run = await runConsole('/quote alliance source:nowhere-at-all\n/frobnicate\n/quote zero sum\n', ['--json']);
    expect(run.code).toBe(1);
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers[0].error).toMatchObject({ id: 'quote.unknown-source' });
    expect(answers[1].error.message).toContain('unknown command "/frobnicate"');
    expect(answers[2].results[0].speaker.name).toBe('Qu Xing');
  });

  it('GIVEN a broken corpus (via --corpus or CORPUS_DIR) THEN it refuses to start, naming file, field and fix, and exits non-zero', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    await editFile(dir, `sources/${IDS.diplomat}.md`, (t) => t.replace(/^title: .*\n/m, ''));
    await editFile(dir, `sources/${IDS.essay}.md`, (t) => t.replace(/^---\n/, 'oops\n'));
    for (const run of [
      await runConsole('/quote x\n', ['--corpus', dir]),
      await runConsole('/quote x\n', [], { CORPUS_DIR: dir }),
    ]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`sources/${IDS.diplomat}.md › title: is missing — write the headline as printed`);
      expect(run.stderr).toContain(`sources/${IDS.essay}.md: no front matter`);
    }
  });

  it('GIVEN /reload after a bad edit THEN the console refuses it and still answers from the old corpus', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    const run = await runConsole(
      ['/quote zero sum', '/reload', '/quote zero sum'],
      ['--json', '--corpus', dir],
      {},
      async (i) => {
        if (i === 0)
          await editFile(dir, `sources/${IDS.valuewalk}.md`, (t) =>
            t.replace('url: https://www.valuewalk.com/2015/03/russia-and-china-vs-us/', 'url: not a link'),
          );
      },
    );
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers[1]).toMatchObject({ command: 'reload', ok: false });
    expect(answers[1].problems[0]).toMatchObject({ file: `sources/${IDS.valuewalk}.md`, field: 'url' });
    expect(answers[2].results[0].source.url).toBe('https://www.valuewalk.com/2015/03/russia-and-china-vs-us/');
  });

  it('GIVEN a new article with a quotation nobody can be credited with THEN start-up, /reload and /speakers say so; named speakers come with their role', async () => {
    const { dir, cleanup } = await copyCorpus();
    cleanups.push(cleanup);
    const article = [
      '---',
      'id: example-2026-gas-talks',
      'title: Gas talks stall',
      'publication: Example Times',
      'author: Miriam Okafor',
      'date: "2026-01-05"',
      'kind: article',
      '---',
      '',
      '“We are not in a hurry to sign,” Deputy Energy Minister Anton Veselov told reporters.',
      '',
      'The talks resumed on Monday. “Nobody expects a deal before the spring thaw.”',
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'sources', 'example-2026-gas-talks.md'), article);
    const run = await runConsole('/speakers source:example-2026-gas-talks\n/reload\n', [], { CORPUS_DIR: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('quotations without a speaker');
    expect(run.stderr).toContain('example-2026-gas-talks 1 of 2');
    expect(run.stdout).toContain('Anton Veselov (Deputy Energy Minister) · direct-quote · verb-after-name');
    expect(run.stdout).toContain('UNATTRIBUTED · unattributed · unattributed');
    expect(run.stdout).toMatch(
      /Reloaded in \d+ ms[\s\S]*Notice: quotations without a speaker[\s\S]*example-2026-gas-talks 1 of 2/,
    );
    const json = await runConsole('/speakers example-2026-gas-talks\n', ['--json'], { CORPUS_DIR: dir });
    const rows = (JSON.parse(json.stdout.trim()) as { passages: { speaker: string | null; basis: string }[] }).passages;
    expect(rows.map((r) => [r.speaker, r.basis])).toEqual([
      ['Anton Veselov', 'direct-quote'],
      [null, 'unattributed'],
    ]);
  });

  it('GIVEN --help THEN the usage line and exit 0; GIVEN an unknown option THEN the reason, the usage and exit 2', async () => {
    const help = await runConsole('', ['--help']);
    expect(help).toEqual({ code: 0, stdout: 'usage: npm run console -- [--json] [--corpus DIR]\n', stderr: '' });
    const bad = await runConsole('/quote x\n', ['--jsno']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("Unknown option '--jsno'");
    expect(bad.stderr).toContain('usage: npm run console');
  });

  it('GIVEN /speakers with no or an unknown source THEN a clear error names what to do', async () => {
    const run = await runConsole('/speakers\n/speakers source:nowhere-at-all\n');
    expect(run.stdout).toContain('name a source: /speakers source:<id>');
    expect(run.stdout).toContain('no source matches "nowhere-at-all"');
  });
});
