import { access, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReloadAudit } from '../../src/bot/audit.ts';
import { MANAGE_GUILD_PERMISSIONS, snowflake, type InteractionOptions } from '../fake-discord/server.ts';
import { callbackData, type Harness, REAL_CORPUS, startHarness } from '../bot/harness.ts';
import { startPageServer, type PageServer } from '../helpers/page-server.ts';

const EPHEMERAL = 64;
const ADMIN: InteractionOptions = { permissions: MANAGE_GUILD_PERMISSIONS };
const JSONLD_ID = 'the-northern-ledger-2025-grid-deal-signed-after-night-talks';

describe('/source against the fake Discord', () => {
  let h: Harness;
  let pages: PageServer;
  let dir: string;
  const listed = { id: snowflake(), username: 'listed-admin' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-source-'));
    await cp(REAL_CORPUS, dir, { recursive: true });
    pages = await startPageServer();
    h = await startHarness({ corpusDir: dir, env: { IMPORT_ALLOW_LOOPBACK: 'true', BOT_ADMIN_IDS: listed.id } });
  });
  afterAll(async () => {
    await h.stop();
    await pages.close();
    await rm(dir, { recursive: true, force: true });
  });

  const sources = async () => (await readdir(join(dir, 'sources'))).sort();
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );

  /** Runs `/source add` and returns the private preview message the bot edited in. */
  async function preview(
    options: Record<string, string>,
    attachments: Parameters<Harness['fake']['subcommand']>[4] = [],
  ) {
    const call = h.fake.subcommand('source', 'add', options, ADMIN, attachments);
    const callback = await h.fake.waitForCallback(call);
    expect(callback.body.type).toBe(5);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    return (await h.fake.waitForWebhook(call, 'PATCH')).body;
  }

  function buttonIds(message: { components: { components: { custom_id: string; label: string }[] }[] }) {
    const buttons = message.components[0]!.components;
    return {
      add: buttons.find((b) => b.label === 'Add')!.custom_id,
      cancel: buttons.find((b) => b.label === 'Cancel')!.custom_id,
    };
  }

  it('GIVEN an admin adds a link THEN the preview shows the metadata, Add writes and reloads, and /quote answers from it', async () => {
    const message = await preview({ url: `${pages.origin}/pages/jsonld.html` });
    const embed = message.embeds[0];
    expect(embed.title).toBe('Preview: Grid deal signed after a night of talks');
    const field = (name: string) =>
      embed.fields.find((f: { name: string }) => f.name.startsWith(name))?.value as string;
    expect(field('Author')).toBe('Ilse Marrow');
    expect(field('Publication')).toBe('The Northern Ledger');
    expect(field('Date')).toBe('2025-03-14');
    expect(field('Passages')).toBe('7 in 6 paragraphs');
    expect(field('Speakers found')).toBe('• Anton Veselov — Deputy Energy Minister (not in people.yaml, 1 passage)');
    expect(field('Quotations left unattributed')).toContain('• "Nobody here will believe it until the first cable');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(await exists(join(dir, 'sources', `${JSONLD_ID}.md`))).toBe(false);

    const ids = buttonIds(message);
    const press = h.fake.button(ids.add, { ...message, flags: EPHEMERAL }, ADMIN);
    expect((await h.fake.waitForCallback(press)).body.type).toBe(6);
    const done = (await h.fake.waitForWebhook(press, 'PATCH')).body;
    expect(done.content).toContain(`Added \`${JSONLD_ID}\``);
    expect(done.embeds[0].title).toBe('Corpus reloaded');
    expect(done.components).toEqual([]);
    expect(await exists(join(dir, 'sources', `${JSONLD_ID}.md`))).toBe(true);

    const quote = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'keeps the lights on and the bills down' })),
    );
    expect(quote.embeds[0].description).toContain('keeps the lights on and the bills down for every household');
    expect(quote.embeds[0].author.name).toContain('Anton Veselov');
    expect(quote.embeds[0].author.name).toContain('Deputy Energy Minister');
    const audit = await readReloadAudit(h.store);
    expect(audit[0]).toMatchObject({
      action: 'source-add',
      sourceId: JSONLD_ID,
      outcome: 'reloaded',
      userId: h.fake.member.id,
      from: `${pages.origin}/pages/jsonld.html`,
      hash: h.library.state.corpus.hash,
    });
    expect(typeof audit[0]!.at).toBe('string');
  });

  it('GIVEN a preview THEN Cancel writes nothing and its buttons stop working', async () => {
    const before = await sources();
    const hash = h.library.state.corpus.hash;
    const message = await preview({ url: `${pages.origin}/pages/opengraph.html` });
    const ids = buttonIds(message);
    const cancel = h.fake.button(ids.cancel, { ...message, flags: EPHEMERAL }, ADMIN);
    const update = await h.fake.waitForCallback(cancel);
    expect(update.body.type).toBe(7);
    expect(update.body.data.content).toContain('Nothing was written');
    expect(await sources()).toEqual(before);
    expect(h.library.state.corpus.hash).toBe(hash);

    const late = h.fake.button(ids.add, { ...message, flags: EPHEMERAL }, ADMIN);
    expect(callbackData(await h.fake.waitForCallback(late)).content).toContain('This preview has expired');
    expect(await sources()).toEqual(before);
  });

  it('GIVEN a member, or an admin of a server that is not a home server THEN /source and /reload are refused and audited', async () => {
    const before = await sources();
    const url = `${pages.origin}/pages/byline-only.html`;
    const member = callbackData(await h.fake.waitForCallback(h.fake.subcommand('source', 'add', { url })));
    expect(member.content).toContain('Only server admins');
    expect(member.flags).toBe(EPHEMERAL);

    const elsewhere: InteractionOptions = { permissions: MANAGE_GUILD_PERMISSIONS, guildId: snowflake() };
    const add = callbackData(await h.fake.waitForCallback(h.fake.subcommand('source', 'add', { url }, elsewhere)));
    expect(add.content).toContain('home server');
    const reload = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('reload', {}, elsewhere)));
    expect(reload.content).toContain('home server');
    expect(await sources()).toEqual(before);
    const audit = await readReloadAudit(h.store);
    expect(audit[0]).toMatchObject({ outcome: 'refused-not-home', guildId: elsewhere.guildId });
    expect(audit[1]).toMatchObject({ outcome: 'refused-not-home', action: 'source-add' });
    expect(audit[2]).toMatchObject({ outcome: 'refused-not-admin', action: 'source-add' });

    // BOT_ADMIN_IDS may change the corpus from any server: the command runs (and here finds no such source).
    const anywhere = h.fake.subcommand(
      'source',
      'remove',
      { id: 'no-such-source' },
      { user: listed, guildId: snowflake() },
    );
    await h.fake.waitForCallback(anywhere);
    expect((await h.fake.waitForWebhook(anywhere, 'PATCH')).body.content).toContain('No source file has the id');
  });

  it('GIVEN an added source THEN remove moves it to .removed/ and reloads, and restore brings it back', async () => {
    const remove = h.fake.subcommand('source', 'remove', { id: JSONLD_ID }, ADMIN);
    const removed = (await h.fake.waitForWebhook(remove, 'PATCH')).body;
    expect(removed.content).toContain(`Removed \`${JSONLD_ID}\``);
    const field = (body: typeof removed, name: string) =>
      body.embeds[0].fields.find((f: { name: string }) => f.name === name)?.value as string;
    expect(field(removed, 'Removed')).toContain(JSONLD_ID);
    expect(await exists(join(dir, '.removed', `${JSONLD_ID}.md`))).toBe(true);
    expect(h.library.state.corpus.sources.some((s) => s.id === JSONLD_ID)).toBe(false);
    expect((await readReloadAudit(h.store))[0]).toMatchObject({ action: 'source-remove', sourceId: JSONLD_ID });

    const restore = h.fake.subcommand('source', 'restore', { id: JSONLD_ID }, ADMIN);
    const restored = (await h.fake.waitForWebhook(restore, 'PATCH')).body;
    expect(field(restored, 'Added')).toContain(JSONLD_ID);
    expect(await exists(join(dir, 'sources', `${JSONLD_ID}.md`))).toBe(true);
    expect(h.library.state.corpus.sources.some((s) => s.id === JSONLD_ID)).toBe(true);
    expect((await readReloadAudit(h.store))[0]).toMatchObject({ action: 'source-restore', outcome: 'reloaded' });
  });

  it('GIVEN a source a topic cites THEN remove is refused and the file stays', async () => {
    const cited = 'valuewalk-2015-russia-china-alliance';
    const call = h.fake.subcommand('source', 'remove', { id: cited }, ADMIN);
    const answer = (await h.fake.waitForWebhook(call, 'PATCH')).body;
    expect(answer.content).toContain('would not load, so nothing was written');
    expect(await exists(join(dir, 'sources', `${cited}.md`))).toBe(true);
  });

  it('GIVEN an attached .txt file THEN the preview comes from the file', async () => {
    const message = await preview({}, [
      { option: 'attachment', filename: 'plain.txt', url: `${pages.origin}/pages/plain.txt`, size: 600 },
    ]);
    expect(message.embeds[0].title).toBe('Preview: Imported file plain.txt (descriptive title)');
    expect(message.embeds[0].description).toContain('No headline was found');
  });

  it('GIVEN a link into the metadata service THEN the admin is told privately why, and nothing is written', async () => {
    const before = await sources();
    const call = h.fake.subcommand('source', 'add', { url: 'http://169.254.169.254/latest/meta-data/' }, ADMIN);
    const answer = (await h.fake.waitForWebhook(call, 'PATCH')).body;
    expect(answer.content).toContain('private, local or reserved network address');
    expect(await sources()).toEqual(before);
  });
});
