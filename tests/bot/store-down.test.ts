import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/net.ts';
import { callbackData, type Harness, startHarness } from './harness.ts';

describe('GIVEN the store (Redis) is down', () => {
  let h: Harness;
  beforeAll(async () => {
    const port = await freePort();
    h = await startHarness({
      env: { KEYV_URL: `redis://127.0.0.1:${port}`, STORE_TIMEOUT_MS: '200', QUOTE_COOLDOWN_SECONDS: '5' },
    });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('WHEN someone runs /quote THEN they still get the quote, without paging buttons, and the outage is logged', async () => {
    const data = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'zero-sum mentality' })),
    );
    expect(data.embeds[0].author.name).toContain('Qu Xing');
    expect(data.components).toEqual([]);
    await h.bot.idle();
    expect(h.logs.some((l) => l.msg === 'cooldown skipped: store unavailable')).toBe(true);
    expect(h.logs.some((l) => l.msg === 'answering without buttons: store unavailable')).toBe(true);
  });

  it('WHEN someone presses an old paging button THEN they are told privately that storage is not answering', async () => {
    const data = callbackData(await h.fake.waitForCallback(h.fake.button('quote:next:abcdefgh:1', { content: '' })));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('storage is not answering');
  });

  it('WHEN someone runs /cite THEN they still get the card privately, with its files but no buttons', async () => {
    const request = await h.fake.waitForCallback(h.fake.slashCommand('cite', { query: 'zero-sum mentality' }));
    const data = callbackData(request);
    expect(data.flags).toBe(64);
    expect(data.embeds[0].description).toContain('**ValueWalk 15**');
    expect(data.components).toEqual([]);
    expect(request.body.uploads).toHaveLength(2);
    await h.bot.idle();
    expect(h.logs.some((l) => l.msg === 'card without buttons: store unavailable')).toBe(true);
  });

  it('WHEN an admin reloads THEN the reload still happens and the unsaved audit entry is logged', async () => {
    const call = h.fake.slashCommand('reload', {}, { permissions: (1024n | 2048n | 32n).toString() });
    const edit = await h.fake.waitForWebhook(call, 'PATCH');
    expect(edit.body.embeds[0].title).toBe('Corpus reloaded');
    await h.bot.idle();
    expect(h.logs.some((l) => l.msg === 'reload attempt not saved to the audit list')).toBe(true);
  });
});
