/** people.yaml: who is quoted. Ids are unique and an alias names one person, or the registry is refused. */
import { parseYamlFile } from './frontmatter.ts';
import type { RawFile } from './files.ts';
import { problemsFromZod, type CorpusProblem } from './problems.ts';
import { zPeopleFile } from './schema.ts';
import type { Person } from './types.ts';

/** The registry's people; `file` is null when people.yaml does not exist (a problem: it may be `[]`, not absent). */
export function loadPeople(file: RawFile | null, problems: CorpusProblem[]): Person[] {
  if (!file) {
    problems.push({
      file: 'people.yaml',
      field: null,
      message: 'the people registry is missing',
      fix: 'create corpus/people.yaml with a list of { id, name, role, aliases } (it may be an empty list: [])',
    });
    return [];
  }
  const parsed = parseYamlFile(file.text);
  if (!parsed.ok) {
    problems.push({ file: file.rel, field: null, message: parsed.message, fix: parsed.fix });
    return [];
  }
  const result = zPeopleFile.safeParse(parsed.data ?? []);
  if (!result.success) {
    problems.push(...problemsFromZod(file.rel, zPeopleFile, result.error));
    return [];
  }
  problems.push(...findClashes(file.rel, result.data));
  return result.data;
}

/** Duplicate ids, and names or aliases that would name two people. */
function findClashes(file: string, people: readonly Person[]): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const seenIds = new Map<string, number>();
  const seenAliases = new Map<string, string>();
  people.forEach((person, i) => {
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
  });
  return problems;
}
