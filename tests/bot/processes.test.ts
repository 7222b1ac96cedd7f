/**
 * The entry points as a user runs them (`npm start`, `npm run deploy-commands`), as child processes pointed at
 * the fake Discord through DISCORD_API_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/loader.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { TEST_TOKEN } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');

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

/** Resolves once the child's output so far contains `text` (checked on each chunk it writes). */
function outputContains(child: ChildProcess, output: () => string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!output().includes(text)) return;
      child.stdout?.off('data', check);
      resolve();
    };
    child.stdout?.on('data', check);
    child.once('exit', () => reject(new Error(`exited before writing ${text}:\n${output()}`)));
    check();
  });
}

describe('npm start and npm run deploy-commands as processes', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  const env = () => ({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    KEYV_URL: 'memory',
    QUOTE_COOLDOWN_SECONDS: '0',
  });

  it('GIVEN DISCORD_API_URL at the fake THEN the bot logs in, answers /quote without pinging, and exits 0 on SIGTERM', async () => {
    const { child, output } = run('src/bot/main.ts', env());
    const exited = once(child, 'exit');
    await fake.whenIdentified();
    const call = fake.slashCommand('quote', { query: 'abandon zero sum mentality' });
    const answer = await fake.waitForCallback(call, 20_000);
    expect(answer.body.data.embeds[0].author.name).toContain('Qu Xing');
    expect(answer.body.data.allowed_mentions).toEqual({ parse: [] });
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    const log = output();
    expect(log).toContain('"msg":"logged in"');
    expect(log).toContain('"msg":"stopped"');
    expect(log).not.toContain(TEST_TOKEN);
  });

  it('GIVEN the bot running WHEN Discord closes the gateway with 4004 (token reset) THEN it exits non-zero, saying why', async () => {
    const own = await FakeDiscord.start();
    try {
      const { child, output } = run('src/bot/main.ts', {
        ...env(),
        DISCORD_CLIENT_ID: own.applicationId,
        DISCORD_API_URL: own.apiUrl,
      });
      const exited = once(child, 'exit');
      await outputContains(child, output, '"msg":"logged in"');
      own.closeGateway(4004, 'Authentication failed.');
      const [code] = await exited;
      expect(code).toBe(1);
      expect(output()).toContain('"code":4004');
      expect(output()).toContain('set a valid DISCORD_TOKEN');
    } finally {
      await own.close();
    }
  });

  it('GIVEN no token THEN the bot refuses to start, naming DISCORD_TOKEN and the fix', async () => {
    const { DISCORD_TOKEN: _token, ...rest } = env();
    const { child, output } = run('src/bot/main.ts', rest);
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output()).toContain('DISCORD_TOKEN is missing');
    expect(output()).toContain('Developer Portal');
  });

  it('GIVEN deploy-commands with DISCORD_GUILD_ID THEN registers the commands in that server and says so', async () => {
    const { child, output } = run('src/bot/deploy.ts', { ...env(), DISCORD_GUILD_ID: fake.guildId });
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    const count = (await loadCommands()).length;
    expect(output()).toContain(`Registered ${count} commands in server ${fake.guildId}`);
    expect(fake.registered.get(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`)).toHaveLength(
      count,
    );
  });
});
