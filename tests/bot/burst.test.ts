import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireBurst, wasAnswered } from '../helpers/burst.ts';
import { type Harness, startHarness } from './harness.ts';

/** Interactions in the burst: every one is sent before the first is answered. */
const BURST = 600;

describe('GIVEN a burst of interactions against the real client', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it(`WHEN ${BURST} members run /quote at once THEN every one gets exactly one answer, none lost`, async () => {
    const answers = await fireBurst(h.fake, BURST);
    const lost = answers.filter((a) => !wasAnswered(a));
    expect(lost.map((a) => ({ query: a.query, callbacks: a.callbacks, type: a.callback?.body?.type ?? null }))).toEqual(
      [],
    );
    expect(answers).toHaveLength(BURST);
    await h.bot.idle();
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([]);
  }, 300_000);
});
