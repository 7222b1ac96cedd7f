/**
 * Loading pro/con topics from `corpus/topics/*.yaml`, validating them, and verifying that every excerpt is in its
 * source. Any problem rejects the whole set, so the caller keeps serving the topics it had (build-then-swap).
 */
import { parseDocument } from 'yaml';
import { listFiles, readOrReport } from '../corpus/files.ts';
import { yamlErrorLine } from '../corpus/frontmatter.ts';
import { problemsFromZod } from '../corpus/problems.ts';
import type { Source } from '../corpus/types.ts';
import { zTopicFile, type CorpusProblem, type Topic } from './types.ts';
import { foldText, type FoldedText } from './verbatim.ts';
import { verifyTopic } from './verify.ts';

export type TopicsLoadResult = { ok: true; topics: Topic[] } | { ok: false; problems: CorpusProblem[] };

/** Folder of topic files, relative to the corpus root. */
export const TOPICS_DIR = 'topics';

/**
 * Reads every `topics/*.yaml` under `root`, validates it and verifies each excerpt against `sources`.
 * A missing topics folder is not an error (a corpus may have no topics). Never throws for a broken topic file.
 */
export async function loadTopics(root: string, sources: readonly Source[]): Promise<TopicsLoadResult> {
  let names: string[];
  try {
    names = await listFiles(root, TOPICS_DIR, /\.ya?ml$/i);
  } catch (err) {
    const problem = { file: TOPICS_DIR, field: null, message: `cannot read the folder: ${String(err)}` };
    return { ok: false, problems: [{ ...problem, fix: 'check its permissions' }] };
  }
  const problems: CorpusProblem[] = [];
  const files: { file: string; text: string }[] = [];
  for (const rel of names) {
    const raw = await readOrReport(root, rel, problems);
    if (raw) files.push({ file: raw.rel, text: raw.text });
  }
  if (problems.length > 0) return { ok: false, problems };
  return parseTopics(files, sources);
}

/** The pure part of `loadTopics`: topic files' text in, verified topics or every problem out. */
export function parseTopics(
  files: readonly { file: string; text: string }[],
  sources: readonly Source[],
): TopicsLoadResult {
  const problems: CorpusProblem[] = [];
  const topics: Topic[] = [];
  const byId = new Map(sources.map((s) => [s.id, s]));
  const folded = new Map<string, FoldedText>();
  const foldedBody = (s: Source): FoldedText => {
    let f = folded.get(s.id);
    if (!f) folded.set(s.id, (f = foldText(s.body)));
    return f;
  };

  for (const { file, text } of files) {
    const raw = parseYaml(file, text, problems);
    if (raw === undefined) continue;
    const parsed = zTopicFile.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsFromZod(file, zTopicFile, parsed.error, raw));
      continue;
    }
    const topic = verifyTopic({ file, topicId: parsed.data.id, byId, foldedBody, problems }, parsed.data);
    if (topic) topics.push(topic);
  }
  problems.push(...findNameClashes(topics));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, topics };
}

function parseYaml(file: string, text: string, problems: CorpusProblem[]): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = yamlErrorLine(text, e);
      problems.push({
        file,
        field: null,
        message: `YAML syntax error near line ${line}: ${e.message.split('\n')[0] ?? e.code}`,
        fix: 'check the indentation there; put an excerpt that contains ": " or starts with a quote mark in a `>-` block',
      });
    }
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    problems.push({
      file,
      field: null,
      message: `the YAML cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      fix: 'write plain values: no anchors/aliases (&, *), no deeply nested structures',
    });
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      file,
      field: null,
      message: 'the file is not a topic (a YAML mapping)',
      fix: 'start from corpus/topics/alliance.yaml ("Pro/con topics" in README.md lists the fields)',
    });
    return undefined;
  }
  return value;
}

/** Normalises a typed topic name so `China Russia`, `china-russia` and ` China–Russia ` are one name. */
export function normalizeTopicName(name: string): string {
  return foldText(name.toLowerCase()).text.replace(/[\s_-]+/g, '-');
}

function findNameClashes(topics: readonly Topic[]): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const owner = new Map<string, Topic>();
  for (const t of topics) {
    const names: [string, string][] = [
      [t.id, 'id'],
      ...t.aliases.map((a, i): [string, string] => [a, `aliases[${i}]`]),
    ];
    for (const [name, field] of names) {
      const key = normalizeTopicName(name);
      const first = owner.get(key);
      if (first && first !== t) {
        problems.push({
          file: t.file,
          field,
          message: `"${name}" is already the id or an alias of topic "${first.id}" (${first.file})`,
          fix: 'give each topic a name of its own',
        });
      } else owner.set(key, t);
    }
  }
  return problems;
}
