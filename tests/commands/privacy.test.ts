import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_KEY, type ReloadAuditEntry } from '../../src/bot/audit.ts';
import type { CardState } from '../../src/bot/card-state.ts';
import type { PagingState } from '../../src/bot/paging.ts';
import { callbackData, type Harness, startHarness } from '../bot/harness.ts';

const EPHEMERAL = 64;

describe('/privacy and /forget-me (SQLite store, cooldown on)', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-privacy-'));
    h = await startHarness({
      env: { KEYV_URL: `sqlite://${join(dir, 'state.sqlite')}`, QUOTE_COOLDOWN_SECONDS: '600' },
    });
  });
  afterAll(async () => {
    await h.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('/privacy says privately what is kept, for how long and where, with this bot’s cooldown', async () => {
    const data = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('privacy')));
    expect(data.flags).toBe(EPHEMERAL);
    const text = JSON.stringify(data.embeds[0]);
    expect(text).toContain('in an SQLite file');
    expect(text).toContain('for 600 s after each /quote');
    expect(text).toContain('the words you searched for and the ids of the matching passages, for 15 minutes');
    expect(text).toContain('last 200 reload attempts');
    expect(text).toContain('A /source add preview (your id, the link, the prepared article) for 15 minutes');
    expect(text).toContain('/forget-me');
  });

  it('GIVEN a member with a cooldown, a paging state and a refused /reload WHEN /forget-me THEN theirs go, others stay', async () => {
    const { member, otherMember } = h.fake;
    const mine = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'zero sum mentality' }, { user: member })),
    );
    await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'S-400' }, { user: otherMember }));
    await h.fake.waitForCallback(h.fake.slashCommand('reload', {}, { user: member }));
    await h.fake.waitForCallback(h.fake.slashCommand('reload', {}, { user: otherMember }));
    const pagingBefore = await h.store.scan<PagingState>('paging:');
    expect(pagingBefore.map(([, s]) => s.invokerId).sort()).toEqual([member.id, otherMember.id].sort());

    const call = h.fake.slashCommand('forget-me', {}, { user: member });
    const deferred = await h.fake.waitForCallback(call);
    expect(deferred.body.type).toBe(5);
    expect(deferred.body.data.flags).toBe(EPHEMERAL);
    const edit = await h.fake.waitForWebhook(call, 'PATCH');
    expect(edit.body.content).toContain(
      'Deleted 1 cooldown. Deleted 1 stored /quote result (with the words you searched for). Anonymised 1 /reload audit entry.',
    );

    const paging = await h.store.scan<PagingState>('paging:');
    expect(paging.map(([, s]) => s.invokerId)).toEqual([otherMember.id]);
    const cooldowns = (await h.store.scan<number>('cooldown:')).map(([key]) => key);
    expect(cooldowns).toEqual([`cooldown:quote:${otherMember.id}`]);
    const audit = (await h.store.get<ReloadAuditEntry[]>(AUDIT_KEY)) ?? [];
    expect(audit.map((e) => e.userId)).toEqual([otherMember.id, 'forgotten']);
    expect(audit[1]).toMatchObject({ userTag: 'forgotten', outcome: 'refused-not-admin' });
    expect(JSON.stringify(audit)).not.toContain(member.username);

    // The member's old buttons no longer find their query; and the cooldown is gone.
    const next = mine.components[0].components[1].custom_id as string;
    const pressed = callbackData(await h.fake.waitForCallback(h.fake.button(next, mine, { user: member })));
    expect(pressed.content).toContain('expired');
    const again = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'zero sum' }, { user: member })),
    );
    expect(again.content ?? '').not.toMatch(/another quote in/);
    expect(again.embeds[0].description).toBeDefined();
  });

  it('GIVEN a member who cut a card with a tag WHEN /forget-me THEN the card state (and its tag) is deleted, and its buttons expire', async () => {
    const { member } = h.fake;
    const card = callbackData(
      await h.fake.waitForCallback(
        h.fake.slashCommand('cite', { query: 'zero sum mentality', tag: 'my private claim' }, { user: member }),
      ),
    );
    expect((await h.store.scan<CardState>('card:')).map(([, s]) => s.tag)).toContain('my private claim');
    const call = h.fake.slashCommand('forget-me', {}, { user: member });
    const edit = await h.fake.waitForWebhook(call, 'PATCH');
    expect(edit.body.content).toContain('Deleted 1 stored card (with your tags).');
    expect((await h.store.scan<CardState>('card:')).filter(([, s]) => s.invokerId === member.id)).toEqual([]);
    const after = card.components[0].components[1].custom_id as string;
    const pressed = callbackData(
      await h.fake.waitForCallback(h.fake.button(after, { ...card, flags: EPHEMERAL }, { user: member })),
    );
    expect(pressed.content).toContain('expired');
  });

  it('GIVEN a member with nothing stored WHEN /forget-me THEN it says nothing was there', async () => {
    const stranger = { id: '123456789012345678', username: 'stranger' };
    const call = h.fake.slashCommand('forget-me', {}, { user: stranger });
    const edit = await h.fake.waitForWebhook(call, 'PATCH');
    expect(edit.body.content).toContain('Deleted 0 cooldowns. Deleted 0 stored /quote results');
    expect(edit.body.content).toContain('Anonymised 0 /reload audit entries.');
  });
});
