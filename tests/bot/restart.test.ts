import { InteractionResponseType } from 'discord.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, startHarness } from './harness.ts';

describe('GIVEN a /quote answered before the bot restarted (sqlite store)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-restart-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('WHEN the invoker presses ▶ on the new process THEN paging still works, and the cooldown survived too', async () => {
    const env = { KEYV_URL: `sqlite://${join(dir, 'state.sqlite')}`, QUOTE_COOLDOWN_SECONDS: '600' };
    const before = await startHarness({ env });
    const first = callbackData(
      await before.fake.waitForCallback(before.fake.slashCommand('quote', { query: 'China Russia alliance' })),
    );
    const invoker = before.fake.member;
    await before.stop();

    const after = await startHarness({ env });
    try {
      const next = first.components[0].components[1].custom_id as string;
      const update = await after.fake.waitForCallback(after.fake.button(next, first, { user: invoker }));
      expect(update.body.type).toBe(InteractionResponseType.UpdateMessage);
      expect(update.body.data.embeds[0].footer.text).toMatch(/^match 2 of /);
      const again = callbackData(
        await after.fake.waitForCallback(after.fake.slashCommand('quote', { query: 'zero-sum' }, { user: invoker })),
      );
      expect(again.content).toMatch(/another quote in \d+ s/);
    } finally {
      await after.stop();
    }
  });
});
