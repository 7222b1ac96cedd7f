/**
 * Discord's 3-second deadline whatever the store does: with every store call held (a store slower than any
 * allowed STORE_TIMEOUT_MS), the first answer to /quote and /reload is still a deferral, sent while the store
 * has not answered; the real answer follows as an edit once it does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { gateStore, type GatedStore } from '../helpers/gated-store.ts';
import { type Harness, startHarness } from './harness.ts';

const EPHEMERAL = 64;

describe('GIVEN a store that does not answer until the test lets it', () => {
  let h: Harness | undefined;
  let gated: GatedStore;
  afterEach(async () => {
    gated.open();
    await h?.stop();
  });

  async function start(env: Record<string, string>) {
    h = await startHarness({
      env: { STORE_TIMEOUT_MS: '2500', ...env },
      wrapStore: (store) => (gated = gateStore(store)),
    });
    return h;
  }

  it('WHEN /quote runs THEN the first answer is a deferral sent while the store is still held, and the quote edits it', async () => {
    const { fake } = await start({ QUOTE_COOLDOWN_SECONDS: '5' });
    const call = fake.slashCommand('quote', { query: 'abandn zero sum mentalty' });
    const first = await fake.waitForCallback(call);
    expect(first.body.type).toBe(5);
    expect(gated.waiting).toBe(1); // the cooldown's read, still unanswered
    gated.open();
    const edit = await fake.waitForWebhook(call, 'PATCH');
    expect(edit.body.embeds[0].author.name).toContain('Qu Xing');
  });

  it('WHEN a non-admin runs /reload THEN the deferral goes out before the audit reaches the store, and the refusal edits it', async () => {
    const { fake } = await start({});
    const call = fake.slashCommand('reload');
    const first = await fake.waitForCallback(call);
    expect(first.body.type).toBe(5);
    expect(first.body.data.flags).toBe(EPHEMERAL);
    await gated.whenWaiting(1);
    gated.open();
    const edit = await fake.waitForWebhook(call, 'PATCH');
    expect(edit.body.content).toContain('Only server admins');
  });
});
