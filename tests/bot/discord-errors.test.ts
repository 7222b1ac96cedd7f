import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../../src/bot/command.ts';
import { UserError } from '../../src/errors.ts';
import { MANAGE_GUILD_PERMISSIONS } from '../fake-discord/server.ts';
import { callbackData, type Harness, startHarness } from './harness.ts';

const UNKNOWN_INTERACTION = { message: 'Unknown interaction', code: 10062 };

describe('GIVEN Discord rejects or fails the bot’s answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  const callbackPath = /^\/interactions\/\d+\/[^/]+\/callback$/;

  it('WHEN a callback gets 10062 Unknown interaction THEN the bot logs it with context, does not crash, and answers the next one', async () => {
    h.fake.failNext({ method: 'POST', path: callbackPath, status: 404, body: UNKNOWN_INTERACTION, times: 2 });
    const call = h.fake.slashCommand('quote', { query: 'zero-sum mentality' });
    await h.fake.waitForRequest(
      (r) => r.path === `/interactions/${call.id}/${call.token}/callback` && h.fake.requestsFor(call.token).length >= 2,
    );
    await h.bot.idle();
    const failure = h.logs.find(
      (l) => l.msg === 'unexpected error while serving an interaction' && l.interactionId === call.id,
    );
    expect(failure).toMatchObject({ level: 'error', command: 'quote', userId: h.fake.member.id });
    expect((failure!.err as { code: number }).code).toBe(10062);
    expect(h.logs.some((l) => l.msg === 'could not tell the user about an error' && l.interactionId === call.id)).toBe(
      true,
    );

    const next = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('help')));
    expect(next.embeds[0].title).toContain('Verbatim');
  });

  it('WHEN a callback keeps failing with 500 THEN the bot gives up after its retries, logs, and keeps serving', async () => {
    h.fake.failNext({
      method: 'POST',
      path: callbackPath,
      status: 500,
      body: { message: 'Internal Server Error', code: 0 },
      times: 100,
    });
    const call = h.fake.slashCommand('sources');
    await h.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${call.id}/`));
    await h.bot.idle();
    expect(
      h.logs.some((l) => l.msg === 'unexpected error while serving an interaction' && l.interactionId === call.id),
    ).toBe(true);
    expect(h.fake.requestsFor(call.token).length).toBeGreaterThan(1);

    h.fake.clearFailures();
    const next = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('help')));
    expect(next.embeds[0].title).toContain('Verbatim');
  });

  it('WHEN the edit of a private deferred reply is rejected THEN the error path edits it again with the apology', async () => {
    h.fake.failNext({
      method: 'PATCH',
      path: /^\/webhooks\/\d+\/[^/]+\/messages\/(@|%40)original$/,
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035 },
    });
    const call = h.fake.slashCommand('reload', {}, { permissions: MANAGE_GUILD_PERMISSIONS });
    await h.fake.waitForRequest(
      (r) => r.method === 'PATCH' && h.fake.requestsFor(call.token).filter((x) => x.method === 'PATCH').length === 2,
    );
    await h.bot.idle();
    const edits = h.fake.requestsFor(call.token).filter((r) => r.method === 'PATCH');
    expect(edits[1]!.body.content).toContain('Something went wrong on our side');
    expect(edits[1]!.body.allowed_mentions).toEqual({ parse: [] });
  });
});

/** Commands that exist only in this test, to drive the error path through each interaction state. */
const failingCommands: Command[] = [
  {
    data: { name: 'fail-after-reply', description: 'replies, then fails' },
    async execute(interaction: ChatInputCommandInteraction) {
      await interaction.reply({ content: 'first', allowedMentions: { parse: [] } });
      throw new UserError('find.no-match');
    },
  },
  {
    data: { name: 'fail-after-public-defer', description: 'defers publicly, then fails' },
    async execute(interaction: ChatInputCommandInteraction) {
      await interaction.deferReply();
      throw new Error('boom');
    },
  },
];

describe('GIVEN a command fails after it has already answered', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ extraCommands: failingCommands });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('WHEN it had replied THEN the error goes out as a private follow-up', async () => {
    const call = h.fake.slashCommand('fail-after-reply');
    const followUp = await h.fake.waitForWebhook(call, 'POST');
    expect(followUp.body.flags).toBe(MessageFlags.Ephemeral);
    expect(followUp.body.content).toBe('Nothing in the corpus matches that message.');
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('WHEN it had deferred publicly THEN the public placeholder is deleted and the apology is private', async () => {
    const call = h.fake.slashCommand('fail-after-public-defer');
    const followUp = await h.fake.waitForWebhook(call, 'POST');
    await h.bot.idle();
    const methods = h.fake.requestsFor(call.token).map((r) => r.method);
    expect(methods).toEqual(['POST', 'DELETE', 'POST']);
    expect(followUp.body.flags).toBe(MessageFlags.Ephemeral);
    expect(followUp.body.content).toContain('Something went wrong on our side');
    const logged = h.logs.find(
      (l) => l.msg === 'unexpected error while serving an interaction' && l.interactionId === call.id,
    );
    expect((logged!.err as { message: string }).message).toBe('boom');
  });
});
