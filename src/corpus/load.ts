/**
 * Loads corpus/ into a `Corpus`: people.yaml, sources/*.md and comments/*.yaml. Every problem is
 * collected (file, field, fix) and a corpus with any problem is rejected whole, so the caller keeps
 * what it had. Each kind of file has its own module; this one only orders them.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buildNameMatchers } from './attribution/attribute.ts';
import { loadComments, type LoadedSource } from './comments.ts';
import { hashFiles, listFiles, readOrReport, type RawFile } from './files.ts';
import { loadPeople } from './people.ts';
import type { CorpusProblem } from './problems.ts';
import { loadSource } from './source.ts';
import { checkCorpusVersion } from './version.ts';
import type { Corpus, Passage, Person, Source } from './types.ts';
import { runSliced, yieldToEventLoop } from '../util/yield.ts';

export { formatProblems, CorpusLoadError, type CorpusProblem } from './problems.ts';

export type LoadResult = { ok: true; corpus: Corpus } | { ok: false; problems: CorpusProblem[] };

/**
 * Reads and validates the corpus at `root`. Never throws for a bad corpus: problems come back as data.
 * Yields to the event loop between files so that a reload of a large corpus does not stall the bot.
 */
export async function loadCorpus(root: string): Promise<LoadResult> {
  const newer = await checkCorpusVersion(root);
  if (newer.length > 0) return { ok: false, problems: newer };
  const problems: CorpusProblem[] = [];
  const raws: RawFile[] = [];
  const people = await readPeople(root, raws, problems);
  const sourceFiles = await listFiles(root, 'sources', /\.md$/i);
  if (sourceFiles.length === 0) {
    problems.push({
      file: 'sources/',
      field: null,
      message: `no source files in ${path.join(root, 'sources')}`,
      fix: 'add at least one Markdown file per article (see "The corpus" in README.md), or point CORPUS_DIR at a corpus',
    });
  }
  const sources = await readSources(root, sourceFiles, people, raws, problems);
  await readComments(root, sourceFiles, sources, raws, problems);
  if (problems.length > 0) return { ok: false, problems };
  // Topic files are validated by src/procon; they are hashed here so the corpus hash covers every file.
  for (const rel of await listFiles(root, 'topics', /\.ya?ml$/i)) {
    const raw = await readOrReport(root, rel, problems);
    if (raw) raws.push(raw);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, corpus: assemble(root, people, sources, hashFiles(raws)) };
}

async function readPeople(root: string, raws: RawFile[], problems: CorpusProblem[]): Promise<Person[]> {
  const exists = await readdir(root).then(
    (names) => names.includes('people.yaml'),
    () => false,
  );
  if (!exists) return loadPeople(null, problems);
  const file = await readOrReport(root, 'people.yaml', problems);
  if (!file) return [];
  raws.push(file);
  return loadPeople(file, problems);
}

async function readSources(
  root: string,
  files: readonly string[],
  people: readonly Person[],
  raws: RawFile[],
  problems: CorpusProblem[],
): Promise<Map<string, LoadedSource>> {
  const matchers = buildNameMatchers(people);
  const sources = new Map<string, LoadedSource>();
  for (const rel of files) {
    const raw = await readOrReport(root, rel, problems);
    if (!raw) continue;
    raws.push(raw);
    const source = await runSliced(loadSource(raw, people, matchers, problems));
    if (!source) continue;
    const existing = sources.get(source.id);
    if (existing) {
      problems.push({
        file: rel,
        field: 'id',
        message: `duplicate id "${source.id}" (also in ${existing.file})`,
        fix: 'give each source a unique id',
      });
      continue;
    }
    sources.set(source.id, source);
    await yieldToEventLoop();
  }
  return sources;
}

/** Adds each comments file to `sources` as a source of its own. */
async function readComments(
  root: string,
  sourceFiles: readonly string[],
  sources: Map<string, LoadedSource>,
  raws: RawFile[],
  problems: CorpusProblem[],
): Promise<void> {
  for (const rel of await listFiles(root, 'comments', /\.ya?ml$/i)) {
    const raw = await readOrReport(root, rel, problems);
    if (!raw) continue;
    raws.push(raw);
    const stems = sourceFiles.map((f) => path.posix.basename(f, '.md'));
    const brokenSources = new Set(stems.filter((stem) => !sources.has(stem)));
    const comments = loadComments(raw, sources, brokenSources, problems);
    if (!comments) continue;
    const existing = sources.get(comments.id);
    if (existing) {
      problems.push({
        file: rel,
        field: 'id',
        message: `duplicate id "${comments.id}" (also in ${existing.file})`,
        fix: 'give the comments file its own id',
      });
      continue;
    }
    sources.set(comments.id, comments);
  }
}

function assemble(root: string, people: Person[], sources: ReadonlyMap<string, LoadedSource>, hash: string): Corpus {
  const passages: Passage[] = [];
  const plainSources: Source[] = [];
  for (const { passages: own, ...source } of sources.values()) {
    plainSources.push(source);
    for (const passage of own) passages.push(passage);
  }
  return { root, sources: plainSources, people, passages, hash, loadedAt: new Date() };
}
