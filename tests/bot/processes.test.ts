/**
 * `npm start` as a user runs it: one child process pointed at the fake Discord through DISCORD_API_URL. The rest of
 * what the entry points do is tested in this process: the configuration each refuses to start without in
 * tests/config.test.ts (ENTRY_CONFIG), `npm run deploy-commands` in tests/bot/deploy.test.ts (runDeploy), and the
 * clean exit 0 on SIGTERM/SIGINT on the built entry point in tests/production/signals.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.ts';
import { TEST_TOKEN } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * The child loads tsx and the whole bot (~25 s on a loaded shared two-core machine): a generous bound, not a claim
 * about speed.
 */
const PROCESS_BOUND_MS = 180_000;

function run(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    // A minimal environment; variables set here win over anything in a developer's .env.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

describe('npm start as a process', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it(
    'GIVEN DISCORD_API_URL at the fake THEN the bot logs in and answers /quote without pinging; WHEN Discord closes the gateway with 4004 (token reset) THEN it exits 1, saying why',
    async () => {
      const { child, output } = run('src/bot/main.ts', {
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        KEYV_URL: 'memory',
        QUOTE_COOLDOWN_SECONDS: '0',
      });
      const exited = once(child, 'exit');
      await fake.whenIdentified();
      const call = fake.slashCommand('quote', { query: 'abandon zero sum mentality' });
      const answer = await fake.waitForCallback(call, PROCESS_BOUND_MS);
      expect(answer.body.data.embeds[0].author.name).toContain('Qu Xing');
      expect(answer.body.data.allowed_mentions).toEqual({ parse: [] });
      fake.closeGateway(4004, 'Authentication failed.');
      const [code] = await exited;
      expect(code).toBe(1);
      const log = output();
      expect(log).toContain('"msg":"logged in"');
      expect(log).toContain('"code":4004');
      expect(log).toContain('set a valid DISCORD_TOKEN');
      expect(log).toContain('"msg":"stopped"');
      expect(log).not.toContain(TEST_TOKEN);
    },
    PROCESS_BOUND_MS,
  );
});
