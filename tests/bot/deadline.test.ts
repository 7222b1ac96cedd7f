/**
 * Discord's 3-second deadline whatever the store does: with every store call held (a store slower than any
 * allowed STORE_TIMEOUT_MS), the first answer to /quote and /reload is still a deferral, sent while the store
 * has not answered; the real answer follows as an edit once it does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDeadlineGuard } from '../../src/bot/deadline.ts';
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

describe('createDeadlineGuard, for an interaction that waited in a queue before it was handled', () => {
  it('GIVEN the budget already spent when the first wait starts THEN it defers before the (instant) wait is used', async () => {
    const order: string[] = [];
    const guard = createDeadlineGuard(
      async () => {
        order.push('deferred');
      },
      1200,
      Date.now() - 5000,
    );
    const value = await guard.within(Promise.resolve('cooldown read').then((v) => (order.push(v), v)));
    expect(value).toBe('cooldown read');
    expect(guard.deferred).toBe(true);
    expect(order[0]).toBe('deferred');
  });

  it('GIVEN budget left and a wait that settles at once THEN nothing is deferred', async () => {
    let defers = 0;
    const guard = createDeadlineGuard(async () => {
      defers += 1;
    }, 60_000);
    expect(await guard.within(Promise.resolve(1))).toBe(1);
    expect(guard.deferred).toBe(false);
    expect(defers).toBe(0);
  });

  it('GIVEN the budget spent before a search WHEN deferIfLate is called THEN it defers once; GIVEN budget left THEN it does not', async () => {
    let defers = 0;
    const late = createDeadlineGuard(
      async () => {
        defers += 1;
      },
      1200,
      Date.now() - 5000,
    );
    await late.deferIfLate();
    await late.deferIfLate();
    expect(late.deferred).toBe(true);
    expect(defers).toBe(1);

    const early = createDeadlineGuard(async () => {
      defers += 1;
    }, 60_000);
    await early.deferIfLate();
    expect(early.deferred).toBe(false);
    expect(defers).toBe(1);
  });
});
