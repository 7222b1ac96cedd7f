/**
 * Validating a long YAML list (people.yaml, a comments file's comments) an entry at a time. One `safeParse` of
 * 5,000 comments or 2,000 people held the event loop for 50–60 ms; checked entry by entry, with a step between
 * entries, a reload hands the loop back as often as it needs to. Problems read exactly as a whole-file parse
 * would report them: each entry's issues get the entry's path in front.
 */
import { z } from 'zod';
import { problemsFromZod, type CorpusProblem } from './problems.ts';

/** Entries checked between two steps: a zod parse of one entry is a few microseconds. */
const ENTRIES_PER_STEP = 64;

/**
 * `items` checked against `item`, a step every few entries; the parsed entries, or null after adding a problem per
 * issue to `problems`. `at` is the list's path in the file (`['comments']`, or `[]` when the file is the list);
 * `schema` is the whole file's schema, whose descriptions give each problem its fix.
 */
export function* validateEntries<T extends z.ZodType>(
  file: string,
  schema: z.ZodType,
  at: readonly PropertyKey[],
  item: T,
  items: readonly unknown[],
  problems: CorpusProblem[],
): Generator<void, z.infer<T>[] | null> {
  const parsed: z.infer<T>[] = [];
  const issues: z.core.$ZodIssue[] = [];
  for (const [i, entry] of items.entries()) {
    if (i % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const result = item.safeParse(entry);
    if (result.success) parsed.push(result.data as z.infer<T>);
    else for (const issue of result.error.issues) issues.push({ ...issue, path: [...at, i, ...issue.path] });
  }
  if (issues.length === 0) return parsed;
  problems.push(...problemsFromZod(file, schema, new z.ZodError(issues)));
  return null;
}
