/**
 * The production entry point as a supervisor runs it: `tsc -p tsconfig.build.json` into a scratch dist/, then
 * exactly the command line the Dockerfile's CMD, the systemd unit's ExecStart and the PM2 file name, with the
 * signal sent to that process (no npm, no tsx in between).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { TEST_TOKEN } from '../bot/harness.ts';
import { freePort } from '../helpers/net.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = 'dist/src/bot/main.js';
/** Generous bounds for a loaded shared two-core machine, not claims about speed. */
const BUILD_BOUND_MS = 300_000;
const PROCESS_BOUND_MS = 180_000;

/** The command line each supervisor file starts, read from the files themselves. */
async function supervisedCommands(): Promise<Record<string, string[]>> {
  const dockerfile = await readFile(join(ROOT, 'Dockerfile'), 'utf8');
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
  const unit = await readFile(join(ROOT, 'deploy/verbatim.service'), 'utf8');
  const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1];
  const pm2 = createRequire(import.meta.url)(join(ROOT, 'deploy/ecosystem.config.cjs')) as {
    apps: { script: string; interpreter: string }[];
  };
  return {
    docker: JSON.parse(cmd ?? '[]') as string[],
    systemd: (execStart ?? '').split(' '),
    pm2: [pm2.apps[0]!.interpreter, pm2.apps[0]!.script],
  };
}

describe('the production start (node dist/src/bot/main.js)', () => {
  let fake: FakeDiscord;
  let out: string;
  beforeAll(async () => {
    // Inside the repository so the built files resolve node_modules as dist/ does; removed afterwards.
    out = await mkdtemp(join(ROOT, '.dist-test-'));
    await promisify(execFile)(process.execPath, [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(ROOT, 'tsconfig.build.json'),
      // Emit only: the types are checked by `npm run typecheck` and the Dockerfile's build. With the check, tsc took
      // about 2 minutes on two busy shared cores; without it, ~8 s (the same JavaScript, as isolatedModules holds).
      '--noCheck',
      '--outDir',
      out,
    ]);
    fake = await FakeDiscord.start();
  }, BUILD_BOUND_MS);
  afterAll(async () => {
    await fake?.close();
    await rm(out, { recursive: true, force: true });
  });

  function start(extraEnv: Record<string, string> = {}): {
    child: ChildProcess;
    output: () => string;
    lines: (msg: string) => Promise<void>;
  } {
    const child = spawn(process.execPath, [join(out, 'src/bot/main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        KEYV_URL: 'memory',
        QUOTE_COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'info',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const waiting: { msg: string; resolve: () => void }[] = [];
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const w of [...waiting])
        if (output.includes(`"msg":"${w.msg}"`)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve();
        }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    return {
      child,
      output: () => output,
      lines: (msg) =>
        output.includes(`"msg":"${msg}"`) ? Promise.resolve() : new Promise((r) => waiting.push({ msg, resolve: r })),
    };
  }

  it('GIVEN the Dockerfile, the systemd unit and the PM2 file THEN each starts node on the built entry point', async () => {
    const commands = await supervisedCommands();
    expect(commands.docker).toEqual(['node', ENTRY]);
    expect(commands.systemd).toEqual(['/usr/bin/node', ENTRY]);
    expect(commands.pm2).toEqual(['node', ENTRY]);
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:prod']).toBe(`node ${ENTRY}`);
    const dockerfile = await readFile(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\\\n\s+CMD \["node", "dist\/src\/cli\/healthcheck.js"\]$/m);
  });

  it(
    'WHEN SIGTERM arrives while a /quote answer is in flight THEN the answer finishes, the store closes, exit 0',
    async () => {
      const { child, output, lines } = start();
      const exited = once(child, 'exit');
      await lines('logged in');
      const held = fake.holdNext(/^\/interactions\/\d+\/[^/]+\/callback$/);
      const call = fake.slashCommand('quote', { query: 'abandon zero sum mentality' });
      const request = await held.arrived;
      expect(request.path).toContain(call.id);
      child.kill('SIGTERM');
      await lines('waiting for answers in flight');
      // The bot is still connected to the held request when it is answered: it waited instead of exiting.
      expect(held.release()).toBe(true);
      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      const log = output();
      expect(log).toContain('"msg":"shutting down","signal":"SIGTERM"');
      expect(log.indexOf('"msg":"disconnected from Discord"')).toBeGreaterThan(log.indexOf('"msg":"shutting down"'));
      expect(log).toContain('"msg":"store closed"');
      expect(log).toContain('"msg":"stopped"');
    },
    PROCESS_BOUND_MS,
  );

  it(
    'GIVEN HEALTH_PORT THEN the HEALTHCHECK probe passes; WHEN SIGINT arrives (PM2 stop, Ctrl-C) THEN a clean exit 0',
    async () => {
      const port = String(await freePort());
      const { child, output, lines } = start({ HEALTH_PORT: port });
      const exited = once(child, 'exit');
      await lines('logged in');
      const probe = await promisify(execFile)(process.execPath, [join(out, 'src/cli/healthcheck.js')], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HEALTH_PORT: port },
      });
      // The checks, then (#15) which process answered and the corpus it serves.
      expect(JSON.parse(probe.stdout)).toMatchObject({ status: 'ok', discord: 'ok', corpus: 'ok', store: 'ok' });
      expect(JSON.parse(probe.stdout)).toMatchObject({
        member: expect.stringMatching(/^process /),
        passages: expect.any(Number),
      });
      child.kill('SIGINT');
      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(output()).toContain('"msg":"shutting down","signal":"SIGINT"');
      expect(output()).toContain('"msg":"stopped"');
    },
    PROCESS_BOUND_MS,
  );
});
