/** /procon in the offline console: the session runs in this process (tests/helpers/console.ts), lines fed in. */
import { afterEach, describe, expect, it } from 'vitest';
import { copyCorpus, editFile } from '../helpers/corpus.ts';
import { consoleSession } from '../helpers/console.ts';

/** A --json session over `lines`; `between(i)` runs after the answer to line `i`, before line i+1 is read. */
function runConsole(lines: string[], args: string[], between?: (i: number) => Promise<void>) {
  return consoleSession(lines, ['--json', ...args], {}, between);
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
