import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, TEST_TOKEN } from './harness.ts';

describe('GIVEN the bot started against the fake Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('THEN it asked for the gateway, identified with the Guilds intent only and became ready in the guild', () => {
    expect(h.fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(h.fake.identifies).toHaveLength(1);
    const identify = h.fake.identifies[0] as { token: string; intents: number };
    expect(identify.token).toBe(TEST_TOKEN);
    expect(identify.intents).toBe(1);
    expect(h.bot.client.user.id).toBe(h.fake.applicationId);
    expect(h.bot.client.guilds.cache.has(h.fake.guildId)).toBe(true);
    expect(h.logs.some((l) => l.msg === 'logged in')).toBe(true);
  });

  it('THEN the token never appears in the logs', () => {
    expect(h.rawLogs.length).toBeGreaterThan(0);
    expect(h.rawLogs.join('\n')).not.toContain(TEST_TOKEN);
  });
});
