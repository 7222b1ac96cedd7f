/** The /reload answer with several processes: one line per shard or replica, and a warning when they differ. */
import { describe, expect, it } from 'vitest';
import { renderClusterReload, renderReload } from '../../../src/bot/render/reload.ts';
import type { ClusterReload, MemberOutcome } from '../../../src/cluster/reload.ts';
import type { ReloadReport } from '../../../src/library.ts';

const counts = { sources: 9, passages: 900, people: 20, topics: 1 };
const local: ReloadReport = {
  ok: true,
  before: counts,
  after: { ...counts, sources: 10, passages: 902 },
  added: ['notes'],
  removed: [],
  changed: [],
  ms: 120,
  hash: 'aaaaaaaaaaaaaaaa',
  previousHash: 'bbbbbbbbbbbbbbbb',
  unattributed: [],
};
const member = (name: string, hash = 'aaaaaaaaaaaaaaaa', ok = true): MemberOutcome => ({
  member: name,
  ok,
  hash,
  passages: 902,
  ms: 118,
  problems: ok ? 0 : 2,
});
const fieldOf = (result: ClusterReload, name: RegExp) =>
  renderClusterReload(result).embeds[0]!.fields!.find((f) => name.test(f.name));

describe('renderClusterReload', () => {
  it('GIVEN this process alone THEN the answer is exactly the single-process one', () => {
    const result = { local, members: [member('this process')], silent: 0, unreachable: null };
    expect(renderClusterReload(result)).toEqual(renderReload(local));
  });

  it('GIVEN two shards on one corpus THEN one line each with outcome, short hash and passages', () => {
    const field = fieldOf(
      { local, members: [member('shard 0'), member('shard 1')], silent: 0, unreachable: null },
      /Every/,
    );
    expect(field?.name).toBe('Every process');
    expect(field?.value.split('\n')).toEqual([
      'shard 0: reloaded · corpus aaaaaaaaaaaa · 902 passages · 118 ms',
      'shard 1: reloaded · corpus aaaaaaaaaaaa · 902 passages · 118 ms',
    ]);
  });

  it('GIVEN a refusing replica, a silent one and different hashes THEN the answer says the corpora differ and why', () => {
    const field = fieldOf(
      {
        local,
        members: [member('replica a'), member('replica b', 'cccccccccccccccc', false)],
        silent: 1,
        unreachable: null,
      },
      /Every/,
    );
    expect(field?.name).toBe('Every process — corpora differ!');
    expect(field?.value).toContain('replica b: refused (2 problems), kept · corpus cccccccccccc');
    expect(field?.value).toContain('1 more did not answer in time');
  });

  it('GIVEN Redis unreachable THEN the answer says only this process reloaded', () => {
    const field = fieldOf(
      { local, members: [member('shard 0')], silent: 0, unreachable: 'Redis is not connected' },
      /Every/,
    );
    expect(field?.value).toContain(
      'Only this process reloaded: the others could not be reached (Redis is not connected)',
    );
  });

  it('GIVEN 40 shards, one of them refusing THEN the answer groups them by outcome and names the odd one out', () => {
    const members = Array.from({ length: 40 }, (_, i) =>
      i === 17 ? member(`shard ${i}`, 'cccccccccccccccc', false) : member(`shard ${i}`),
    );
    const field = fieldOf({ local, members, silent: 0, unreachable: null }, /Every/);
    expect(field?.value.split('\n')).toEqual([
      '39 of 40: reloaded · corpus aaaaaaaaaaaa',
      '1 of 40: refused, kept · corpus cccccccccccc (shard 17)',
    ]);
  });
});
