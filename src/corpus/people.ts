/** people.yaml: who is quoted. Ids are unique and an alias names one person, or the registry is refused. */
import { DEFAULT_LIMITS, describeLimit, type CorpusLimits } from './limits.ts';
import { parseYamlOffThread } from './yaml-off-thread.ts';
import type { RawFile } from './files.ts';
import { problemsFromZod, type CorpusProblem } from './problems.ts';
import { zPeopleFile, zPerson } from './schema.ts';
import { validateEntries } from './validate-list.ts';
import { runSliced } from '../util/yield.ts';
import type { Person } from './types.ts';

/** The registry's people; `file` is null when people.yaml does not exist (a problem: it may be `[]`, not absent). */
export async function loadPeople(
  file: RawFile | null,
  problems: CorpusProblem[],
  limits: CorpusLimits = DEFAULT_LIMITS,
): Promise<Person[]> {
  if (!file) {
    problems.push({
      file: 'people.yaml',
      field: null,
      message: 'the people registry is missing',
      fix: 'create corpus/people.yaml with a list of { id, name, role, aliases } (it may be an empty list: [])',
    });
    return [];
  }
  const parsed = await parseYamlOffThread(file.text, { listPath: null, maxItems: limits.maxPeople });
  if (parsed.ok === 'too-many') {
    problems.push({
      file: file.rel,
      field: null,
      message: `lists ${parsed.count.toLocaleString('en-US')} people, over ${describeLimit(limits, 'maxPeople')}`,
      fix: 'keep only people the sources quote, or raise the limit',
    });
    return [];
  }
  if (!parsed.ok) {
    problems.push({ file: file.rel, field: null, message: parsed.message, fix: parsed.fix });
    return [];
  }
  const data = parsed.data ?? [];
  if (!Array.isArray(data)) {
    const result = zPeopleFile.safeParse(data);
    if (!result.success) problems.push(...problemsFromZod(file.rel, zPeopleFile, result.error));
    return [];
  }
  const people = await runSliced(validateEntries(file.rel, zPeopleFile, [], zPerson, data, problems));
  if (people === null) return [];
  problems.push(...(await runSliced(findClashes(file.rel, people))));
  return people;
}

/** People checked for clashes between two steps. */
const PEOPLE_PER_STEP = 64;

/** Duplicate ids, and names or aliases that would name two people. */
function* findClashes(file: string, people: readonly Person[]): Generator<void, CorpusProblem[]> {
  const problems: CorpusProblem[] = [];
  const seenIds = new Map<string, number>();
  const seenAliases = new Map<string, string>();
  for (const [i, person] of people.entries()) {
    if (i % PEOPLE_PER_STEP === PEOPLE_PER_STEP - 1) yield;
    if (seenIds.has(person.id)) {
      problems.push({
        file,
        field: `[${i}].id`,
        message: `duplicate person id "${person.id}" (also entry ${seenIds.get(person.id)})`,
        fix: 'give each person a unique id, or merge the two entries',
      });
    }
    seenIds.set(person.id, i);
    for (const alias of [person.name, ...person.aliases]) {
      const owner = seenAliases.get(alias.toLowerCase());
      if (owner && owner !== person.id) {
        problems.push({
          file,
          field: `[${i}].aliases`,
          message: `"${alias}" names both ${owner} and ${person.id}`,
          fix: 'an alias must name one person: use a fuller form such as the full name',
        });
      }
      seenAliases.set(alias.toLowerCase(), person.id);
    }
  }
  return problems;
}
