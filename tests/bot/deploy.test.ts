import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands, runDeploy } from '../../src/bot/deploy.ts';
import { loadCommands } from '../../src/bot/loader.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { TEST_TOKEN } from './harness.ts';

describe('deploy-commands against the fake Discord', () => {
  let fake: FakeDiscord;
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', secrets: [TEST_TOKEN], write: (l) => lines.push(l) });
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
  });

  it('GIVEN DISCORD_GUILD_ID THEN PUTs every command to that server with the bot token', async () => {
    const config = parseConfig({ ...env(), DISCORD_GUILD_ID: fake.guildId });
    const result = await deployCommands(config, await loadCommands(), logger);
    expect(result.scope).toBe('guild');
    const put = await fake.waitForRequest(
      (r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    );
    expect(put.headers.authorization).toBe(`Bot ${TEST_TOKEN}`);
    const byName = new Map((put.body as { name: string }[]).map((c) => [c.name, c as Record<string, unknown>]));
    // Other modules in commands/ (e.g. /procon) are deployed too; these are this side's.
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(['Find quotes', 'help', 'quote', 'reload', 'sources', 'privacy', 'forget-me']),
    );
    expect(byName.size).toBe((await loadCommands()).length);
    expect(byName.get('Find quotes')!.type).toBe(3);
    expect(byName.get('reload')!.default_member_permissions).toBe('32');
    const quoteOptions = byName.get('quote')!.options as { name: string; autocomplete?: boolean }[];
    expect(quoteOptions.map((o) => [o.name, o.autocomplete ?? false])).toEqual([
      ['query', true],
      ['source', true],
      ['speaker', true],
      ['private', false],
    ]);
    expect(lines.join('\n')).not.toContain(TEST_TOKEN);
  });

  it('GIVEN no DISCORD_GUILD_ID THEN PUTs globally', async () => {
    const result = await deployCommands(parseConfig(env()), await loadCommands(), logger);
    expect(result.scope).toBe('global');
    expect(result.names).toEqual((await loadCommands()).map((c) => c.data.name));
    await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/commands`);
  });

  it('GIVEN npm run deploy-commands with DISCORD_GUILD_ID THEN it registers the commands in that server, says so, exits 0', async () => {
    const route = `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`;
    const puts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path === route);
    const before = puts().length;
    const out: string[] = [];
    const err: string[] = [];
    const log: string[] = [];
    const code = await runDeploy(
      { ...env(), DISCORD_GUILD_ID: fake.guildId },
      { out: (t) => out.push(t), err: (t) => err.push(t), log: (l) => log.push(l) },
    );
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const count = (await loadCommands()).length;
    expect(out.join('')).toContain(`Registered ${count} commands in server ${fake.guildId}: `);
    expect(puts()).toHaveLength(before + 1);
    expect(puts().at(-1)?.body).toHaveLength(count);
    expect(log.join('\n')).not.toContain(TEST_TOKEN);
  });

  it('GIVEN npm run deploy-commands without DISCORD_CLIENT_ID THEN exit 1 naming the variable, nothing registered', async () => {
    const { DISCORD_CLIENT_ID: _id, ...rest } = env();
    const out: string[] = [];
    const err: string[] = [];
    const before = fake.requests.length;
    const code = await runDeploy(rest, { out: (t) => out.push(t), err: (t) => err.push(t), log: () => {} });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('')).toContain('DISCORD_CLIENT_ID is missing');
    expect(fake.requests.length).toBe(before);
  });
});
