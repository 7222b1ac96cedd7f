import { describe, expect, it, vi } from 'vitest';
import { loadComments } from '../../src/corpus/comments.ts';
import { loadPeople } from '../../src/corpus/people.ts';
import { problemsFromZod, type CorpusProblem } from '../../src/corpus/problems.ts';
import { zCommentsFile, zPeopleFile, zPerson } from '../../src/corpus/schema.ts';
import type { Source } from '../../src/corpus/types.ts';
import { validateEntries } from '../../src/corpus/validate-list.ts';
import { realCorpus } from '../helpers/corpus.ts';

/** Steps of each sliced run: the loaders must hand long lists to `runSliced` in many steps. */
const slicedRuns = vi.hoisted(() => [] as number[]);
vi.mock('../../src/util/yield.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/util/yield.ts')>();
  function* counted<T>(steps: Generator<void, T>): Generator<void, T> {
    const run = slicedRuns.push(0) - 1;
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      slicedRuns[run]! += 1;
      yield;
    }
  }
  return { ...actual, runSliced: <T>(steps: Generator<void, T>) => actual.runSliced(counted(steps)) };
});

const person = (i: number) => ({ id: `person-${i}`, name: `Person Number ${i}`, role: 'analyst', aliases: [] });

/** Runs a generator to its end, counting the steps it hands back. */
function stepsOf<T>(steps: Generator<void, T>): { value: T; steps: number } {
  let count = 0;
  for (let step = steps.next(); ; step = steps.next(), count++) if (step.done) return { value: step.value, steps: count };
}

const sorted = (problems: readonly CorpusProblem[]) =>
  [...problems].sort((a, b) => `${a.field}${a.message}`.localeCompare(`${b.field}${b.message}`));

describe('validateEntries (long YAML lists checked an entry at a time)', () => {
  it('GIVEN 2,000 valid people WHEN validated THEN the work is cut into many steps, not one synchronous parse', () => {
    const people = Array.from({ length: 2000 }, (_, i) => person(i));
    const problems: CorpusProblem[] = [];
    const { value, steps } = stepsOf(validateEntries('people.yaml', zPeopleFile, [], zPerson, people, problems));
    expect(problems).toEqual([]);
    expect(value).toHaveLength(2000);
    expect(steps).toBeGreaterThanOrEqual(30);
  });

  it('GIVEN 2,000 people and 2,000 comments WHEN loaded THEN each list is validated in many sliced steps', async () => {
    slicedRuns.length = 0;
    const people = Array.from({ length: 2000 }, (_, i) => person(i));
    expect(await loadPeople({ rel: 'people.yaml', text: JSON.stringify(people), hash: 'h' }, [])).toHaveLength(2000);
    expect(Math.max(...slicedRuns)).toBeGreaterThanOrEqual(30);

    slicedRuns.length = 0;
    const corpus = await realCorpus();
    const sources = new Map<string, Source>(corpus.sources.map((s) => [s.id, s]));
    const comments = Array.from({ length: 2000 }, (_, i) => ({ number: i + 1, status: 'hidden', text: `Comment ${i}.` }));
    const data = { id: 'probe', commentsOn: corpus.sources[0]!.id, comments };
    const problems: CorpusProblem[] = [];
    await loadComments({ rel: 'comments/probe.yaml', text: JSON.stringify(data), hash: 'h' }, sources, new Set(), problems);
    expect(problems).toEqual([]);
    // Validation, then splitting the (all hidden) comments into paragraphs: both cut into steps.
    expect(slicedRuns.filter((n) => n >= 30).length).toBeGreaterThanOrEqual(2);
  });

  it('GIVEN bad entries deep in people.yaml WHEN loaded THEN the problems are those a whole-file parse reports, with the entry path', async () => {
    const people: unknown[] = Array.from({ length: 300 }, (_, i) => person(i));
    people[70] = { id: 'Not A Slug', name: 'X', role: 'analyst' };
    people[250] = { id: 'person-250', role: 'analyst', aliases: [], nickname: 'x' };
    const text = JSON.stringify(people);
    const problems: CorpusProblem[] = [];
    const loaded = await loadPeople({ rel: 'people.yaml', text, hash: 'h' }, problems);
    expect(loaded).toEqual([]);
    const whole = zPeopleFile.safeParse(people);
    expect(whole.success).toBe(false);
    expect(sorted(problems)).toEqual(sorted(problemsFromZod('people.yaml', zPeopleFile, whole.error!)));
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['[70].id', '[250].name', '[250].nickname']));
  });

  it('GIVEN a comments file with a bad field and a bad comment WHEN loaded THEN both are reported as a whole-file parse would', async () => {
    const corpus = await realCorpus();
    const sources = new Map<string, Source>(corpus.sources.map((s) => [s.id, s]));
    const article = corpus.sources.find((s) => s.kind !== 'reader-comments')!;
    const comments: unknown[] = Array.from({ length: 200 }, (_, i) => ({ number: i + 1, status: 'approved', text: `Comment ${i}.` }));
    comments[150] = { number: -1, status: 'approved' };
    const data = { id: 'probe', commentsOn: article.id, extra: true, comments };
    const problems: CorpusProblem[] = [];
    const loaded = await loadComments({ rel: 'comments/probe.yaml', text: JSON.stringify(data), hash: 'h' }, sources, new Set(), problems);
    expect(loaded).toBeNull();
    const whole = zCommentsFile.safeParse(data);
    expect(sorted(problems)).toEqual(sorted(problemsFromZod('comments/probe.yaml', zCommentsFile, whole.error!)));
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['extra', 'comments[150].number', 'comments[150].text']),
    );
    expect(problems.find((p) => p.field === 'comments[150].text')?.message).toBe('is missing');
  });

  it('GIVEN a comments file with an empty list WHEN loaded THEN it is refused as before', async () => {
    const corpus = await realCorpus();
    const sources = new Map<string, Source>(corpus.sources.map((s) => [s.id, s]));
    const data = { id: 'probe', commentsOn: corpus.sources[0]!.id, comments: [] };
    const problems: CorpusProblem[] = [];
    const loaded = await loadComments({ rel: 'comments/probe.yaml', text: JSON.stringify(data), hash: 'h' }, sources, new Set(), problems);
    expect(loaded).toBeNull();
    expect(problems.map((p) => p.field)).toEqual(['comments']);
  });
});
