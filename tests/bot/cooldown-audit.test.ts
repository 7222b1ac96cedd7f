/**
 * Simultaneous requests against the store's get-then-set: ten /quote from one member within a cooldown, ten
 * reload attempts. Every call is made before the store answers any (the gate holds them), which is the
 * interleaving that lost updates before.
 */
import { describe, expect, it } from 'vitest';
import { readReloadAudit, recordReloadAttempt, type ReloadAuditEntry } from '../../src/bot/audit.ts';
import { takeCooldown } from '../../src/bot/cooldown.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore } from '../../src/store/store.ts';
import { gateStore } from '../helpers/gated-store.ts';

const logger = createLogger({ level: 'silent' });

describe('GIVEN ten simultaneous calls and a store that answers only after all were made', () => {
  it('WHEN one member asks ten times within a 5 s cooldown THEN exactly one passes', async () => {
    const store = gateStore(await openStore({ url: 'memory', timeoutMs: 1000, logger }));
    const now = Date.now();
    const waits = Array.from({ length: 10 }, () => takeCooldown(store, 'quote', 'member-1', 5, now));
    store.open();
    const results = await Promise.all(waits);
    expect(results.filter((w) => w === 0)).toHaveLength(1);
    expect(results.filter((w) => w === 5)).toHaveLength(9);
    expect(await takeCooldown(store, 'quote', 'member-2', 5, now)).toBe(0);
  });

  it('WHEN ten reload attempts are recorded at once THEN the audit keeps all ten', async () => {
    const store = gateStore(await openStore({ url: 'memory', timeoutMs: 1000, logger }));
    const entry = (i: number): ReloadAuditEntry => ({
      at: new Date(0).toISOString(),
      userId: `user-${i}`,
      userTag: `user#${i}`,
      guildId: null,
      outcome: 'refused-not-admin',
      hash: null,
    });
    const writes = Array.from({ length: 10 }, (_, i) => recordReloadAttempt(store, entry(i)));
    store.open();
    await Promise.all(writes);
    const audit = await readReloadAudit(store);
    expect(audit.map((e) => e.userId)).toEqual(Array.from({ length: 10 }, (_, i) => `user-${9 - i}`));
  });

  it('WHEN one write fails THEN later writes still run', async () => {
    const inner = await openStore({ url: 'memory', timeoutMs: 1000, logger });
    let failNext = true;
    const flaky = {
      ...inner,
      kind: inner.kind,
      async get<T>(key: string): Promise<T | undefined> {
        if (failNext) {
          failNext = false;
          throw new Error('store down');
        }
        return inner.get<T>(key);
      },
    };
    const first = recordReloadAttempt(flaky, {
      at: '',
      userId: 'a',
      userTag: 'a',
      guildId: null,
      outcome: 'failed',
      hash: null,
    });
    const second = recordReloadAttempt(flaky, {
      at: '',
      userId: 'b',
      userTag: 'b',
      guildId: null,
      outcome: 'failed',
      hash: null,
    });
    await expect(first).rejects.toThrow('store down');
    await second;
    expect((await readReloadAudit(flaky)).map((e) => e.userId)).toEqual(['b']);
  });
});
