import { InteractionResponseType } from 'discord.js';
/**
 * A store that is slow but answers (each call under STORE_TIMEOUT_MS): /quote's store calls could add up
 * past Discord's 3-second deadline, so the bot must defer, then edit the deferred reply with the quote.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, startRedis, startSlowProxy } from '../helpers/redis.ts';
import { type Harness, startHarness } from './harness.ts';

describeWithRedis('GIVEN a Redis that takes 700 ms per call', () => {
  let h: Harness;
  let redis: ChildProcess;
  let proxy: { port: number; close: () => Promise<void> };

  beforeAll(async () => {
    const started = await startRedis();
    redis = started.process;
    proxy = await startSlowProxy(started.port, 700);
    h = await startHarness({
      env: { KEYV_URL: `redis://127.0.0.1:${proxy.port}`, STORE_TIMEOUT_MS: '2500', QUOTE_COOLDOWN_SECONDS: '5' },
    });
  });
  afterAll(async () => {
    await h.stop();
    await proxy.close();
    redis.kill('SIGKILL');
  });

  it('WHEN /quote runs THEN the first answer is a deferral and the quote arrives as an edit of it', async () => {
    const call = h.fake.slashCommand('quote', { query: 'abandn zero sum mentalty' });
    const callback = await h.fake.waitForCallback(call, 20_000);
    expect((callback.body as { type: number }).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await h.fake.waitForWebhook(call, 'PATCH', 20_000);
    const body = edit.body as { embeds: { author: { name: string }; url: string }[]; allowed_mentions: unknown };
    expect(body.embeds[0]?.author.name).toContain('Qu Xing');
    expect(body.embeds[0]?.url).toBe('https://www.valuewalk.com/2015/03/russia-and-china-vs-us/');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  }, 30_000);
});
