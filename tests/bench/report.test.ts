import { describe, expect, it } from 'vitest';
import type { ChildResult, QueryRecord } from '../../src/bench/child.ts';
import type { EngineName } from '../../src/bench/engines.ts';
import { parseOptions, peerQueriesFor } from '../../src/bench/options.ts';
import { formatSizeTable, reportSize } from '../../src/bench/report.ts';
import { checkTargets } from '../../src/bench/targets.ts';

/** A child result where query i (kinds cycling typo/partial/reordered) has rank ranks[i], each taking `ms`. */
function result(engine: EngineName, ranks: readonly (number | null)[], ms: number): ChildResult {
  const kinds = ['typo', 'partial', 'reordered'];
  const queries: QueryRecord[] = ranks.map((rank, i) => ({
    id: `q${i}`,
    kind: kinds[i % 3] ?? 'typo',
    rank,
    ms: [ms],
  }));
  return {
    engine,
    corpusHash: 'same',
    passages: 1000,
    sources: 20,
    generateMs: 1,
    buildMs: 10,
    beforeBuild: { heapUsedMB: 10, rssMB: 50 },
    afterBuild: { heapUsedMB: 12, rssMB: 52 },
    queries,
    prefixes: ranks.map((_, i) => ({
      queryId: `q${i}`,
      length: i % 2 === 0 ? 20 : 5,
      queryLength: 30,
      ms: [ms],
      targetSuggested: i % 2 === 0,
    })),
  };
}

const allFirst = Array.from({ length: 60 }, () => 1);

describe('bench report: issue 14 targets', () => {
  it('GIVEN Verbatim first on every query and faster than each peer THEN the accuracy and peer lines PASS', () => {
    const size = reportSize(result('verbatim', allFirst, 1), null, [
      result(
        'minisearch',
        allFirst.slice(0, 30).map((_, i) => (i % 5 === 0 ? 2 : 1)),
        5,
      ),
      result('orama', allFirst.slice(0, 30), 9),
    ]);
    const checks = checkTargets([size], size, null, null, []);
    const byName = new Map(checks.map((c) => [c.name, c.pass]));
    expect(byName.get('top-1, all queries @1,000')).toBe(true);
    expect(byName.get('top-1, reordered @1,000')).toBe(true);
    // Only prefixes of at least half their query count: those are the suggested ones here.
    expect(byName.get('autocomplete target in 25, prefixes ≥ half @1,000')).toBe(true);
    expect(byName.get('ahead of every peer @1,000')).toBe(true);
    expect(formatSizeTable(size)).toMatch(/MiniSearch +Orama/);
  });

  it('GIVEN one kind below 95% or a peer as accurate but faster THEN those lines FAIL', () => {
    const ranks = allFirst.map((r, i) => (i % 3 === 2 && i < 12 ? 4 : r)); // 4 reordered misses of 20
    const size = reportSize(result('verbatim', ranks, 5), null, [result('flexsearch', ranks.slice(0, 30), 1)]);
    const byName = new Map(checkTargets([size], size, null, null, []).map((c) => [c.name, c.pass]));
    expect(byName.get('top-1, reordered @1,000')).toBe(false);
    expect(byName.get('top-1, typo @1,000')).toBe(true);
    expect(byName.get('top-1, all queries @1,000')).toBe(false);
    expect(byName.get('ahead of every peer @1,000')).toBe(false);
  });

  it('parses --peers and gives peers all queries up to 10k and 30 at 100k', () => {
    expect(parseOptions([]).peers).toEqual(['minisearch', 'flexsearch', 'orama']);
    expect(parseOptions(['--peers', 'none']).peers).toEqual([]);
    expect(parseOptions(['--peers', 'Orama,minisearch']).peers).toEqual(['orama', 'minisearch']);
    expect(() => parseOptions(['--peers', 'lunr'])).toThrow(/--peers/);
    const options = parseOptions([]);
    expect(peerQueriesFor(options, 10_000)).toBe(120);
    expect(peerQueriesFor(options, 100_000)).toBe(30);
  });
});
