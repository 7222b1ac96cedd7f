import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy.ts';
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
});
