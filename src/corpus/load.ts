/**
 * Loads corpus/ into a `Corpus`: people.yaml, sources/*.md and comments/*.yaml. Every problem is
 * collected (file, field, fix) and a corpus with any problem is rejected whole, so the caller keeps
 * what it had. Each kind of file has its own module; this one only orders them.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buildNameMatchers } from './attribution/attribute.ts';
import { loadComments, type LoadedSource } from './comments.ts';
import { checkFileCount, fileHash, hashFiles, listFiles, readOrReport, type FileHash } from './files.ts';
import { DEFAULT_LIMITS, type CorpusLimits } from './limits.ts';
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
export async function loadCorpus(root: string, limits: CorpusLimits = DEFAULT_LIMITS): Promise<LoadResult> {
  const newer = await checkCorpusVersion(root, limits);
  if (newer.length > 0) return { ok: false, problems: newer };
  const problems: CorpusProblem[] = [];
  // Paths and hashes only: the files' texts (~30 MB at 100k passages) are garbage as soon as each is loaded,
  // while the old corpus still serves (see "Memory during a reload" in README.md).
  const fileHashes: FileHash[] = [];
  const people = await readPeople(root, fileHashes, problems, limits);
  const sourceFiles = await listFiles(root, 'sources', /\.md$/i);
  const commentFiles = await listFiles(root, 'comments', /\.ya?ml$/i);
  const topicFiles = await listFiles(root, 'topics', /\.ya?ml$/i);
  const counted = [
    checkFileCount('sources', sourceFiles, limits, problems),
    checkFileCount('comments', commentFiles, limits, problems),
    checkFileCount('topics', topicFiles, limits, problems),
  ];
  if (counted.includes(false)) return { ok: false, problems };
  if (sourceFiles.length === 0) {
    problems.push({
      file: 'sources/',
      field: null,
      // Relative to the corpus folder: reload reports reach Discord, and server paths are not theirs to see.
      message: 'no source files in sources/',
      fix: 'add at least one Markdown file per article (see "The corpus" in README.md), or point CORPUS_DIR at a corpus',
    });
  }
  const sources = await readSources(root, sourceFiles, people, fileHashes, problems, limits);
  await readComments(root, commentFiles, sourceFiles, sources, fileHashes, problems, limits);
  if (problems.length > 0) return { ok: false, problems };
  // Topic files are validated by src/procon; they are hashed here so the corpus hash covers every file.
  for (const rel of topicFiles) {
    const raw = await readOrReport(root, rel, problems, limits);
    if (raw) fileHashes.push(fileHash(raw));
  }
  if (problems.length > 0) return { ok: false, problems };
  await yieldToEventLoop(true);
  const hash = hashFiles(fileHashes);
  return { ok: true, corpus: await runSliced(assembleCorpus(root, people, sources, hash)) };
}

async function readPeople(
  root: string,
  fileHashes: FileHash[],
  problems: CorpusProblem[],
  limits: CorpusLimits,
): Promise<Person[]> {
  const exists = await readdir(root).then(
    (names) => names.includes('people.yaml'),
    () => false,
  );
  if (!exists) return loadPeople(null, problems);
  const file = await readOrReport(root, 'people.yaml', problems, limits);
  if (!file) return [];
  fileHashes.push(fileHash(file));
  return loadPeople(file, problems, limits);
}

async function readSources(
  root: string,
  files: readonly string[],
  people: readonly Person[],
  fileHashes: FileHash[],
  problems: CorpusProblem[],
  limits: CorpusLimits,
): Promise<Map<string, LoadedSource>> {
  const matchers = buildNameMatchers(people);
  const sources = new Map<string, LoadedSource>();
  for (const rel of files) {
    const raw = await readOrReport(root, rel, problems, limits);
    if (!raw) continue;
    fileHashes.push(fileHash(raw));
    const source = await runSliced(loadSource(raw, people, matchers, problems, limits));
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
  commentFiles: readonly string[],
  sourceFiles: readonly string[],
  sources: Map<string, LoadedSource>,
  fileHashes: FileHash[],
  problems: CorpusProblem[],
  limits: CorpusLimits,
): Promise<void> {
  for (const rel of commentFiles) {
    const raw = await readOrReport(root, rel, problems, limits);
    if (!raw) continue;
    fileHashes.push(fileHash(raw));
    const stems = sourceFiles.map((f) => path.posix.basename(f, '.md'));
    const brokenSources = new Set(stems.filter((stem) => !sources.has(stem)));
    const comments = await loadComments(raw, sources, brokenSources, problems, limits);
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

/** Sources gathered into the corpus between two yields, and passages of one source. */
const SOURCES_PER_STEP = 64;
const PASSAGES_PER_STEP = 4000;

/** The corpus from its loaded sources, a few sources per step (100k passages in one go held the loop ~15 ms). */
export function* assembleCorpus(
  root: string,
  people: Person[],
  sources: ReadonlyMap<string, LoadedSource>,
  hash: string,
): Generator<void, Corpus> {
  const passages: Passage[] = [];
  const plainSources: Source[] = [];
  for (const { passages: own, ...source } of sources.values()) {
    plainSources.push(source);
    // A few thousand passages per step too: a corpus in one file is one source of 1M passages.
    for (let i = 0; i < own.length; i++) {
      passages.push(own[i] as Passage);
      if ((i + 1) % PASSAGES_PER_STEP === 0) yield;
    }
    if (plainSources.length % SOURCES_PER_STEP === 0) yield;
  }
  return { root, sources: plainSources, people, passages, hash, loadedAt: new Date() };
}
