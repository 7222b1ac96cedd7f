/**
 * Loading pro/con topics from `corpus/topics/*.yaml`, validating them, and verifying that every excerpt is in its
 * source. Any problem rejects the whole set, so the caller keeps serving the topics it had (build-then-swap).
 */
import { listFiles, readOrReport } from '../corpus/files.ts';
import { yamlErrorLine } from '../corpus/frontmatter.ts';
import { ownVoiceOf } from '../corpus/voice.ts';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Source, SourceMeta } from '../corpus/types.ts';
import {
  zTopicFile,
  type CorpusProblem,
  type Elsewhere,
  type Evidence,
  type EvidenceEntry,
  type Point,
  type PointFile,
  type Topic,
  type TopicFile,
} from './types.ts';
import { findMatchingPrefix, findVerbatim, foldText, type FoldedText } from './verbatim.ts';

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
      problems.push(...parsed.error.issues.map((issue) => describeIssue(file, issue)));
      continue;
    }
    const topic = verifyTopic(file, parsed.data, byId, foldedBody, problems);
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

/** `['pro', 2, 'evidence', 0]` → `pro[2].evidence[0]`. */
export function formatFieldPath(segments: readonly PropertyKey[]): string | null {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out || null;
}

/** What to write instead, by the name of the field that is wrong. */
const FIELD_FIXES: Record<string, string> = {
  id: 'write a slug such as `alliance` (lower-case letters, digits, hyphens) that matches the file name',
  question: 'write the question the topic answers, e.g. "Are China and Russia moving toward a formal alliance?"',
  aliases: 'write a list of other names users may type, or remove the key',
  source: 'write the id of a source in corpus/sources/ (the `id:` in its front matter)',
  sides: 'write `sides: { pro: { label, argumentBy }, con: { label, argumentBy } }`',
  label: 'write a short name for the side, e.g. "For an alliance"',
  argumentBy: 'write whose argument it is, e.g. "Yan Xuetong (Qinghua University), as reported by The Diplomat"',
  pro: 'write a list of points, each `{ claim, evidence: [excerpt, …] }`',
  con: 'write a list of points, each `{ claim, evidence: [excerpt, …] }`',
  bottomLine: "write the source's own conclusion as `{ claim, evidence: [excerpt, …] }`",
  elsewhere: 'write a list of `{ source, stance, claim, evidence }`, or remove the key',
  claim: 'write the point in a short line of plain words; the evidence carries the detail',
  stance: 'write the other source\'s position in a few words, e.g. "already forming"',
  voice: 'write whose words the excerpts are, e.g. "Huiyun Feng, as reported by ValueWalk", or remove the key',
  evidence: 'write a list of one or more excerpts copied exactly from the source',
  quote: 'copy at least a phrase exactly from the source',
};

function describeIssue(file: string, issue: z.core.$ZodIssue): CorpusProblem {
  const field = formatFieldPath(issue.path);
  const name = [...issue.path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  const inEvidence = issue.path.includes('evidence');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return {
      file,
      field,
      message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`,
      fix: 'remove it or correct its spelling ("Pro/con topics" in README.md lists the fields)',
    };
  }
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const message = missing ? `${name || 'value'} is missing` : issue.message;
  const fix = inEvidence
    ? (FIELD_FIXES['quote'] ?? '')
    : (FIELD_FIXES[name] ?? 'see "Pro/con topics" in README.md for this field');
  return { file, field, message, fix };
}

/** The source's metadata without its text, so a topic carries what it shows and nothing more. */
function pickMeta(s: Source): SourceMeta {
  const { file: _file, body: _body, paragraphs: _paragraphs, hash: _hash, subtitle: _subtitle, ...meta } = s;
  return meta;
}

/** The source speaking for itself (`ownVoiceOf`) as one line: "Author, Publication", "Publication (author not named)". */
export function describeOwnVoice(meta: SourceMeta): string {
  const voice = ownVoiceOf(meta);
  if (meta.author) return meta.publication ? `${voice.name}, ${meta.publication}` : voice.name;
  if (meta.publication) return `${voice.name} (author not named)`;
  return `${voice.role}, no publication named`;
}

function paragraphStarts(s: Source): { index: number; start: number }[] {
  const out: { index: number; start: number }[] = [];
  let cursor = 0;
  for (const p of s.paragraphs) {
    const at = s.body.indexOf(p.text, cursor);
    if (at < 0) continue;
    out.push({ index: p.index, start: at });
    cursor = at + p.text.length;
  }
  return out;
}

function paragraphAt(s: Source, offset: number): number | null {
  let found: number | null = null;
  for (const p of paragraphStarts(s)) {
    if (p.start <= offset) found = p.index;
    else break;
  }
  return found;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function resolveSource(
  file: string,
  field: string,
  id: string,
  byId: ReadonlyMap<string, Source>,
  problems: CorpusProblem[],
): Source | undefined {
  const source = byId.get(id);
  if (!source) {
    const known = [...byId.values()].filter((s) => s.kind !== 'reader-comments').map((s) => s.id);
    problems.push({
      file,
      field,
      message: `unknown source "${id}"`,
      fix: known.length
        ? `use the id of a source in corpus/sources/: ${known.join(', ')}`
        : 'add the source to corpus/sources/ first',
    });
    return undefined;
  }
  if (source.kind === 'reader-comments') {
    problems.push({
      file,
      field,
      message: `"${id}" is reader comments, not an article`,
      fix: "summarise an article; reader comments are never presented as a source's argument",
    });
    return undefined;
  }
  return source;
}

function verifyTopic(
  file: string,
  data: TopicFile,
  byId: ReadonlyMap<string, Source>,
  foldedBody: (s: Source) => FoldedText,
  problems: CorpusProblem[],
): Topic | undefined {
  const before = problems.length;
  const stem = path.basename(file).replace(/\.ya?ml$/i, '');
  if (stem !== data.id) {
    problems.push({
      file,
      field: 'id',
      message: `id "${data.id}" does not match the file name "${path.basename(file)}"`,
      fix: `rename the file to ${data.id}.yaml or set id: ${stem}`,
    });
  }

  const verifyPoint = (source: Source, point: PointFile, field: string, label: string, voice: string): Point => ({
    claim: point.claim,
    evidence: point.evidence
      .map((entry, i) =>
        verifyEvidence(source, entry, point.voice ?? voice, `${field}.evidence[${i}]`, `${label}, excerpt ${i + 1}`),
      )
      .filter((e): e is Evidence => e !== undefined),
  });

  const verifyEvidence = (
    source: Source,
    entry: EvidenceEntry,
    voice: string,
    field: string,
    where: string,
  ): Evidence | undefined => {
    const quote = typeof entry === 'string' ? entry : entry.quote;
    const body = foldedBody(source);
    const span = findVerbatim(body, quote);
    if (!span) {
      const matching = findMatchingPrefix(body, quote);
      problems.push({
        file,
        field,
        message:
          `topic "${data.id}", ${where}: excerpt not found in source ${source.id}: "${shorten(quote.trim(), 90)}"` +
          (matching ? ` (the source has "${shorten(matching, 90)}" but then differs)` : ''),
        fix: 'copy the words exactly from the source; only quote styles, dashes and spacing may differ',
      });
      return undefined;
    }
    return {
      quote,
      text: source.body.slice(span.offset, span.offset + span.length),
      sourceId: source.id,
      offset: span.offset,
      paragraphIndex: paragraphAt(source, span.offset),
      voice: (typeof entry === 'string' ? undefined : entry.voice) ?? voice,
    };
  };

  const main = resolveSource(file, 'source', data.source, byId, problems);
  const elsewhere: Elsewhere[] = [];
  data.elsewhere.forEach((e, i) => {
    const field = `elsewhere[${i}]`;
    const other = resolveSource(file, `${field}.source`, e.source, byId, problems);
    if (!other) return;
    const point = verifyPoint(other, e, field, `elsewhere ${i + 1} (${other.id})`, describeOwnVoice(other));
    elsewhere.push({ ...point, source: pickMeta(other), stance: e.stance });
  });
  if (!main) return undefined;

  const sidePoints = (side: 'pro' | 'con'): Point[] =>
    data[side].map((p, i) =>
      verifyPoint(
        main,
        p,
        `${side}[${i}]`,
        `${side} point ${i + 1} ("${shorten(p.claim, 60)}")`,
        data.sides[side].argumentBy,
      ),
    );
  const topic: Topic = {
    id: data.id,
    file,
    question: data.question,
    aliases: data.aliases,
    source: pickMeta(main),
    sides: data.sides,
    pro: sidePoints('pro'),
    con: sidePoints('con'),
    bottomLine: verifyPoint(main, data.bottomLine, 'bottomLine', 'the bottom line', describeOwnVoice(main)),
    elsewhere,
  };
  return problems.length === before ? topic : undefined;
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
