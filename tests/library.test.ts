import { describe, expect, it } from 'vitest';
import { CorpusLoadError } from '../src/corpus/problems.ts';
import { unattributedCounts } from '../src/corpus/attribution/report.ts';
import type { Corpus, Passage } from '../src/corpus/types.ts';
import { buildState, countUnattributed, diffSources, Library, type LibraryState } from '../src/library.ts';
import { copyCorpus, editFile, IDS } from './helpers/corpus.ts';
import { turnsDuring } from './helpers/turns.ts';
import { drain } from './helpers/steps.ts';

describe('Library', () => {
  it('GIVEN a broken corpus at start-up THEN open throws with every problem', async () => {
    const { dir, cleanup } = await copyCorpus();
    try {
      await editFile(dir, `sources/${IDS.essay}.md`, (t) =>
        t.replace(/^title: .*\n/m, '').replace('kind: essay', 'kind: poem'),
      );
      const error = await Library.open(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorpusLoadError);
      expect((error as CorpusLoadError).problems.map((p) => p.field).sort()).toEqual(['kind', 'title']);
    } finally {
      await cleanup();
    }
  });

  it('GIVEN a broken edit THEN reload refuses it and the old corpus keeps answering; GIVEN the fix THEN it swaps and reports the change', async () => {
    const { dir, cleanup } = await copyCorpus();
    try {
      const library = await Library.open(dir);
      const before = library.state;
      await editFile(dir, `sources/${IDS.valuewalk}.md`, (t) => t.replace(/^title: .*\n/m, ''));
      const refused = await library.reload();
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.problems[0]).toMatchObject({ file: `sources/${IDS.valuewalk}.md`, field: 'title' });
        expect(refused.kept.sources).toBe(before.corpus.sources.length);
      }
      expect(library.state).toBe(before);
      expect(library.state.index.search({ text: 'zero sum' })[0]?.passage.text).toContain(
        'abandon the zero-sum mentality',
      );

      await editFile(dir, `sources/${IDS.valuewalk}.md`, (t) =>
        t
          .replace('id: valuewalk', 'title: Russia And China To Form Alliance Against United States?\nid: valuewalk')
          .replace(
            'So, it is largely in the hands of the U.S. policymakers.',
            'So, it is largely in the hands of the U.S. policymakers.\n\nA new closing paragraph about the Arctic.',
          ),
      );
      const { writeFile } = await import('node:fs/promises');
      await writeFile(
        `${dir}/sources/example-2016-added.md`,
        '---\nid: example-2016-added\ntitle: Added\nkind: article\n---\n\nAn added sentence about pipelines.\n',
      );
      const done = await library.reload();
      expect(done.ok).toBe(true);
      if (done.ok) {
        expect(done.added).toEqual(['example-2016-added']);
        expect(done.changed).toEqual([IDS.valuewalk]);
        expect(done.removed).toEqual([]);
        expect(done.after.passages).toBe(done.before.passages + 2);
        expect(done.hash).not.toBe(done.previousHash);
      }
      expect(library.state).not.toBe(before);
      expect(library.state.index.search({ text: 'arctic closing paragraph' })[0]?.passage.text).toBe(
        'A new closing paragraph about the Arctic.',
      );
    } finally {
      await cleanup();
    }
  });

  it('GIVEN only a topic file changed THEN the hash changes and the report names the topic', async () => {
    const { dir, cleanup } = await copyCorpus();
    try {
      const library = await Library.open(dir);
      await editFile(dir, 'topics/alliance.yaml', (t) =>
        t.replace(/^question: .*$/m, 'question: Will China and Russia become formal allies?'),
      );
      const report = await library.reload();
      expect(report.ok).toBe(true);
      if (report.ok) {
        expect(report.changed).toEqual(['topic:alliance']);
        expect(report.hash).not.toBe(report.previousHash);
      }
      expect(library.state.topics[0]?.question).toBe('Will China and Russia become formal allies?');
    } finally {
      await cleanup();
    }
  });

  it('GIVEN reloads while one runs THEN they share one more reload, which sees edits made meanwhile', async () => {
    const { dir, cleanup } = await copyCorpus();
    try {
      // The first reload is held open after it has read the files, so the calls below arrive while it runs
      // whatever the machine's load: the ordering is explicit, not a race against the clock.
      const entered = deferred();
      const gate = deferred();
      let builds = 0;
      const library = await Library.open(dir, {
        build: async (root) => {
          builds += 1;
          const built = await buildState(root);
          if (builds === 2) {
            entered.resolve();
            await gate.promise;
          }
          return built;
        },
      });
      const first = library.reload();
      await entered.promise;
      await editFile(dir, `sources/${IDS.essay}.md`, (t) => `${t}\nA sentence added while the first reload ran.\n`);
      const second = library.reload();
      const third = library.reload();
      gate.resolve();
      const [a, b, c] = await Promise.all([first, second, third]);
      // The first reload read the files before the edit; the two calls made meanwhile share one more
      // reload, which sees it.
      expect(a).toMatchObject({ ok: true, changed: [] });
      expect(b).toMatchObject({ ok: true, changed: [IDS.essay] });
      expect(c).toEqual(b);
      expect(builds).toBe(3);
      expect(b.ok && b.hash).toBe(library.state.corpus.hash);
      expect(library.state.index.search({ text: 'sentence added while the first reload ran' })[0]?.passage.text).toBe(
        'A sentence added while the first reload ran.',
      );
    } finally {
      await cleanup();
    }
  });
});

/** A promise with its resolve function: a gate a test opens when it chooses. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('countUnattributed', () => {
  /** 3,000 sources of five passages, some quoting someone the rules could not name. */
  function corpusWithQuotations(): Corpus {
    const basis = ['own', 'direct-quote', 'unattributed', 'reported', 'unattributed'] as const;
    const passages = Array.from({ length: 15_000 }, (_, i) => {
      const source = Math.floor(i / 5);
      const b = source % 7 === 0 ? 'direct-quote' : (basis[(i * 3 + source) % 5] as (typeof basis)[number]);
      return { sourceId: `s-${source % 10}-${source}`, voice: { basis: b } } as unknown as Passage;
    });
    return { root: 'x', sources: [], people: [], passages, hash: 'h', loadedAt: new Date(0) };
  }

  it('GIVEN 15,000 passages THEN it gives what unattributedCounts gives, in the same order, with turns of the event loop between batches', async () => {
    const corpus = corpusWithQuotations();
    const { value: counts, turns } = await turnsDuring(() => countUnattributed(corpus));
    expect(counts).toEqual(unattributedCounts(corpus));
    expect(counts.length).toBeGreaterThan(1000);
    // Four batches of ~4,000 passages, a forced yield after each.
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN one source of 15,000 passages (a corpus in one file) THEN it is counted in batches too, with the same result', async () => {
    const corpus = corpusWithQuotations();
    const oneSource = { ...corpus, passages: corpus.passages.map((p) => ({ ...p, sourceId: 'the-only-source' })) };
    const { value: counts, turns } = await turnsDuring(() => countUnattributed(oneSource));
    expect(counts).toEqual(unattributedCounts(oneSource));
    expect(counts).toHaveLength(1);
    expect(counts[0]?.quotations).toBeGreaterThan(counts[0]?.unattributed ?? Infinity);
    expect(turns).toBeGreaterThanOrEqual(3);
  });
});

describe('diffSources', () => {
  /** A state holding only sources (id → hash) and topics (id → hash): all that the comparison reads. */
  function stateOf(
    sources: readonly (readonly [string, string])[],
    topics: readonly (readonly [string, string])[] = [],
  ) {
    return {
      corpus: { sources: sources.map(([id, hash]) => ({ id, hash })) },
      topics: topics.map(([id, hash]) => ({ id, hash })),
    } as unknown as LibraryState;
  }

  it('GIVEN 5,000 sources on each side THEN it finds the added, removed and changed ones in corpus order, pausing between batches', () => {
    const before = Array.from({ length: 5000 }, (_, i) => [`s-${i}`, `h-${i}`] as const);
    // The new corpus drops s-0..s-9, changes every 100th, and adds n-0..n-9 at its end.
    const after = [
      ...before.slice(10).map(([id, hash], i) => [id, i % 100 === 0 ? `${hash}-edited` : hash] as const),
      ...Array.from({ length: 10 }, (_, i) => [`n-${i}`, `h-new-${i}`] as const),
    ];
    const { value: diff, pauses } = drain(
      diffSources(stateOf(before, [['alliance', 't1']]), stateOf(after, [['alliance', 't2']])),
    );
    expect(diff.added).toEqual(Array.from({ length: 10 }, (_, i) => `n-${i}`));
    expect(diff.removed).toEqual(Array.from({ length: 10 }, (_, i) => `s-${i}`));
    expect(diff.changed).toEqual([
      ...after.filter(([, hash]) => hash.endsWith('-edited')).map(([id]) => id),
      'topic:alliance',
    ]);
    // 20,000 fingerprints made or compared, a pause after each 1,000: the loop is never held for all of them.
    expect(pauses).toBeGreaterThanOrEqual(15);
  });
});
