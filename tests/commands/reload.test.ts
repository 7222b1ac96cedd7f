import { InteractionResponseType, MessageFlags } from 'discord.js';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReloadAudit } from '../../src/bot/audit.ts';
import { MANAGE_GUILD_PERMISSIONS, snowflake } from '../fake-discord/server.ts';
import { callbackData, type Harness, REAL_CORPUS, startHarness } from '../bot/harness.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/bot-extra-source/bot-test-debate-notes.md');
const VALUEWALK = 'sources/valuewalk-2015-russia-china-alliance.md';

describe('/reload on a copy of the real corpus', () => {
  let h: Harness;
  let dir: string;
  const allowListed = { id: snowflake(), username: 'listed-admin' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-reload-'));
    await cp(REAL_CORPUS, dir, { recursive: true });
    h = await startHarness({ corpusDir: dir, env: { BOT_ADMIN_IDS: allowListed.id } });
  });
  afterAll(async () => {
    await h.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function reloadAs(who: Parameters<Harness['fake']['slashCommand']>[2]) {
    const call = h.fake.slashCommand('reload', {}, who);
    const callback = await h.fake.waitForCallback(call);
    return { call, callback };
  }

  it('GIVEN a member without Manage Server THEN the reload is refused privately, nothing reloads, and the attempt is audited', async () => {
    const hashBefore = h.library.state.corpus.hash;
    const { callback } = await reloadAs({});
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toContain('Only server admins');
    await h.bot.idle();
    expect(h.library.state.corpus.hash).toBe(hashBefore);
    const audit = await readReloadAudit(h.store);
    expect(audit[0]).toMatchObject({ userId: h.fake.member.id, outcome: 'refused-not-admin', hash: hashBefore });
  });

  it('GIVEN an admin adds a source THEN the deferred private reply lists it with new counts, and /quote finds it', async () => {
    const before = h.library.state.corpus.passages.length;
    await cp(FIXTURE, join(dir, 'sources', 'bot-test-debate-notes.md'));
    const { call, callback } = await reloadAs({ permissions: MANAGE_GUILD_PERMISSIONS });
    expect(callback.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    const edit = await h.fake.waitForWebhook(call, 'PATCH');
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('Corpus reloaded');
    const field = (name: string) => embed.fields.find((f: { name: string }) => f.name === name)?.value as string;
    expect(field('Added')).toContain('bot-test-debate-notes');
    expect(field('Passages')).toContain(`${before} → ${before + 2}`);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });

    const quote = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'lighthouse keepers treaty' })),
    );
    expect(quote.embeds[0].description).toContain('Lighthouse keepers rarely debate');
    const audit = await readReloadAudit(h.store);
    expect(audit[0]).toMatchObject({
      outcome: 'reloaded',
      userId: h.fake.member.id,
      hash: h.library.state.corpus.hash,
    });
  });

  it('GIVEN a broken edit THEN an admin sees file, field and fix, and the old corpus keeps answering', async () => {
    const hashBefore = h.library.state.corpus.hash;
    const path = join(dir, VALUEWALK);
    const original = await readFile(path, 'utf8');
    await writeFile(path, original.replace(/^title: .*$/m, 'title: ""'));
    const { call } = await reloadAs({ user: allowListed });
    const edit = await h.fake.waitForWebhook(call, 'PATCH');
    const embed = edit.body.embeds[0];
    expect(embed.title).toMatch(/^Reload refused: \d+ problem/);
    expect(embed.description).toContain('valuewalk-2015-russia-china-alliance.md');
    expect(embed.description).toContain('title');
    expect(embed.fields[0].name).toBe('Still serving');
    expect(h.library.state.corpus.hash).toBe(hashBefore);

    const quote = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'abandon the zero-sum mentality' })),
    );
    expect(quote.embeds[0].author.name).toContain('Qu Xing');
    const audit = await readReloadAudit(h.store);
    expect(audit[0]).toMatchObject({ outcome: 'rejected', userId: allowListed.id, hash: hashBefore });
    expect(audit[0]!.problems).toBeGreaterThan(0);
    expect(h.logs.some((l) => l.msg === 'reload attempt' && l.outcome === 'rejected')).toBe(true);
    await writeFile(path, original);
  });

  it('THEN /reload is registered hidden from non-admins (Manage Server) and only in servers', async () => {
    const { loadCommands } = await import('../../src/bot/loader.ts');
    const reload = (await loadCommands()).find((c) => c.data.name === 'reload');
    expect(reload?.data.default_member_permissions).toBe('32');
    expect('contexts' in reload!.data ? reload!.data.contexts : null).toEqual([0]);
  });
});
