/**
 * Corpus problems: what an admin reads when a corpus file is wrong. Every problem names the file,
 * the field (when there is one) and what to write instead.
 */
import type { z } from 'zod';

export interface CorpusProblem {
  readonly file: string;
  readonly field: string | null;
  readonly message: string;
  readonly fix: string;
}

/** Thrown by `Library.open` when the corpus cannot be loaded at start-up. */
export class CorpusLoadError extends Error {
  constructor(readonly problems: readonly CorpusProblem[]) {
    super(`the corpus has ${problems.length} problem(s):\n${formatProblems(problems)}`);
    this.name = 'CorpusLoadError';
  }
}

/** One line per problem: `file › field: message — fix`. */
export function formatProblems(problems: readonly CorpusProblem[]): string {
  return problems
    .map((p) => `${p.file}${p.field ? ` › ${p.field}` : ''}: ${p.message} — ${p.fix}`)
    .join('\n');
}

/** `['pro', 2, 'evidence', 0]` → `pro[2].evidence[0]`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Finds the `describe()` text of the schema node at `path`, which is the fix for that field. */
function describeAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  const node = describeNode(schema, path);
  if (node === undefined) return undefined;
  return (node as { description?: string }).description ?? (unwrap(node) as { description?: string } | undefined)?.description;
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && ['default', 'optional', 'nullable', 'pipe'].includes(current.def.type ?? '')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}

/** Turns zod issues into problems with a field path and a fix drawn from the schema's descriptions. */
export function problemsFromZod(
  file: string,
  schema: z.ZodType,
  error: z.ZodError,
  input?: unknown,
): CorpusProblem[] {
  return error.issues.map((issue) => {
    const field = formatFieldPath(issue.path) || null;
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(((unwrap(describeNode(schema, issue.path)) as { def?: { shape?: object } })?.def?.shape) ?? {});
      return {
        file,
        field: [field, issue.keys.join(', ')].filter(Boolean).join('.'),
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        fix: issue.keys
          .map((k) => {
            const guess = closest(k, known);
            return guess ? `did you mean "${guess}"?` : `remove it (known fields: ${known.join(', ')})`;
          })
          .join('; '),
      };
    }
    // A schema with its own error words ("claim must be text") hides "received undefined": look at the input.
    const missing =
      issue.code === 'invalid_type' &&
      (input === undefined ? /received undefined/.test(issue.message) : valueAt(input, issue.path) === undefined);
    const fix = describeAt(schema, issue.path);
    return {
      file,
      field,
      message: missing ? 'is missing' : issue.message,
      fix: fix ? `write ${fix}` : 'see the corpus reference in README.md',
    };
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The schema node at `path` (objects by key, arrays by index), or undefined where the path leaves the schema. */
function describeNode(schema: z.ZodType, path: readonly PropertyKey[]): unknown {
  let node: unknown = schema;
  for (const [i, key] of path.entries()) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof key === 'string') node = def.shape?.[key];
    else if (def?.type === 'array' && typeof key === 'number') node = def.element;
    else if (def?.type === 'union') return describeUnionNode(def as { options?: unknown[] }, path.slice(i));
    else return undefined;
  }
  return node;
}

/** The first option of a union that has a node at `path` (e.g. `evidence[0].quote` in the `{ quote, voice }` form). */
function describeUnionNode(def: { options?: unknown[] }, path: readonly PropertyKey[]): unknown {
  for (const option of def.options ?? []) {
    const node = describeNode(option as z.ZodType, path);
    if (node !== undefined) return node;
  }
  return undefined;
}
