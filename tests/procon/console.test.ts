/** /procon in the offline console, run as a real child process with commands on stdin. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyCorpus, editFile, REPO_ROOT } from '../helpers/corpus.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Feeds `lines` one at a time; `between` runs after the output of line `i` has arrived, before line i+1. */
function runConsole(
  lines: string[],
  args: string[],
  between: (i: number) => Promise<void> = async () => {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO_ROOT, 'src/console/main.ts'), '--json', ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, CORPUS_DIR: '' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let sent = 0;
    const sendNext = () => {
      const line = lines[sent];
      if (line === undefined) {
        child.stdin.end();
        return;
      }
      sent += 1;
      child.stdin.write(`${line}\n`);
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const answered = stdout.split('\n').length - 1;
      if (answered === sent && sent > 0) {
        between(sent - 1).then(sendNext, reject);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    sendNext();
  });
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('/procon in the console', () => {
  it('GIVEN "/procon alliance" --json THEN both sides, the bottom line and the link, with verbatim evidence', async () => {
    const run = await runConsole(['/procon alliance'], []);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout.trim()) as {
      command: string;
      topic: {
        question: string;
        source: { url: string; publication: string };
        pro: { claim: string; evidence: { text: string }[] }[];
        con: { claim: string; evidence: { text: string }[] }[];
        bottomLine: { claim: string };
      };
    };
    expect(out.command).toBe('procon');
    expect(out.topic.question).toBe('Are China and Russia moving toward a formal alliance?');
    expect(out.topic.pro.length).toBeGreaterThanOrEqual(3);
    expect(out.topic.con.length).toBeGreaterThanOrEqual(3);
    expect(out.topic.bottomLine.claim).toMatch(
      /unlikely in the near future.*unless the U\.S\. militarily threatens both/,
    );
    expect(out.topic.source).toMatchObject({
      publication: 'The Diplomat',
      url: 'https://thediplomat.com/2014/05/are-china-and-russia-moving-toward-a-formal-alliance/',
    });
    expect(out.topic.pro[2]?.evidence[0]?.text).toBe(
      'On the one hand, the West would never trust Russia, thus Russia has no better alternative to siding with China.',
    );
  });

  it('GIVEN an unknown topic THEN the list of topics, and a non-zero exit', async () => {
    const run = await runConsole(['/procon nato expansion'], []);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      command: 'procon',
      query: 'nato expansion',
      error: { id: 'procon.unknown-topic', message: 'No topic called “nato expansion”. Topics:' },
      topics: [{ id: 'alliance', question: 'Are China and Russia moving toward a formal alliance?' }],
    });
  });

  it('GIVEN an excerpt edited while running WHEN /reload THEN it is refused naming topic and point, and /procon keeps serving', async () => {
    const copy = await copyCorpus();
    cleanups.push(copy.cleanup);
    const run = await runConsole(
      ['/procon alliance', '/reload', '/procon alliance'],
      ['--corpus', copy.dir],
      async (i) => {
        if (i === 0) {
          await editFile(copy.dir, 'topics/alliance.yaml', (t) =>
            t.replace(
              'China could be dragged into an unnecessary war by Russia.',
              'China could be dragged into a necessary war by Russia.',
            ),
          );
        }
      },
    );
    const [first, reload, after] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(reload).toMatchObject({ command: 'reload', ok: false });
    const problems = (reload as { problems: { file: string; field: string; message: string }[] }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'topics/alliance.yaml', field: 'con[1].evidence[0]' });
    expect(problems[0]?.message).toContain(
      'topic "alliance", con point 2 ("Russia could drag China into an unnecessary war.")',
    );
    expect(after).toEqual(first);
    expect(run.code).toBe(1);
  });
});
