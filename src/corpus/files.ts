/**
 * Reading corpus files: listing a folder, reading a file safely and in slices (read-file.ts), and turning a
 * file that cannot be read into a problem instead of a crash. Shared by the corpus
 * loader and the topic loader.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS, describeLimit, type CorpusLimits } from './limits.ts';
import type { CorpusProblem } from './problems.ts';
import { readCorpusFile, type RawFile } from './read-file.ts';

export type { RawFile } from './read-file.ts';

/**
 * Entries of `root/dir` whose names match `extension`, as sorted `dir/name` paths; a missing folder has none.
 * Everything but folders is listed — links, pipes and devices included — so that the reader refuses each by
 * name instead of the loader skipping it without a word.
 */
export async function listFiles(root: string, dir: string, extension: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true });
    return entries
      .filter((e) => !e.isDirectory() && extension.test(e.name))
      .map((e) => path.posix.join(dir, e.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A problem when `dir` holds more files than `limits.maxFiles` (checked before any is read). */
export function checkFileCount(dir: string, files: readonly string[], limits: CorpusLimits, problems: CorpusProblem[]): boolean {
  if (files.length <= limits.maxFiles) return true;
  problems.push({
    file: `${dir}/`,
    field: null,
    message: `holds ${files.length.toLocaleString('en-US')} files, over ${describeLimit(limits, 'maxFiles')}`,
    fix: 'remove or merge files, or raise the limit',
  });
  return false;
}

/**
 * Reads a corpus file (see read-file.ts: regular files only, bounded, UTF-8); a file that cannot be read
 * becomes a problem, not a crash.
 */
export async function readOrReport(
  root: string,
  rel: string,
  problems: CorpusProblem[],
  limits: CorpusLimits = DEFAULT_LIMITS,
): Promise<RawFile | null> {
  const read = await readCorpusFile(root, rel, limits);
  if (read.ok) return read.file;
  problems.push(read.problem);
  return null;
}

/** What the corpus hash needs of a file: a loader keeps this, not the file's text, once the file is loaded. */
export type FileHash = Pick<RawFile, 'rel' | 'hash'>;

/** The path and hash of `file`, without its text. */
export function fileHash(file: RawFile): FileHash {
  return { rel: file.rel, hash: file.hash };
}

/** One hash over every file's hash, in path order: identifies a corpus version. */
export function hashFiles(files: readonly FileHash[]): string {
  const hash = createHash('sha256');
  for (const raw of [...files].sort((a, b) => a.rel.localeCompare(b.rel))) hash.update(`${raw.rel}\0${raw.hash}\n`);
  return hash.digest('hex');
}
