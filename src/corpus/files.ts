/**
 * Reading corpus files: listing a folder, reading a file in slices (so a large file never holds the event
 * loop), and turning a file that cannot be read into a problem instead of a crash. Shared by the corpus
 * loader and the topic loader.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusProblem } from './problems.ts';
import { yieldToEventLoop } from '../util/yield.ts';

/** A file's text and the SHA-256 of its bytes, with its path relative to the corpus root. */
export interface RawFile {
  readonly rel: string;
  readonly text: string;
  readonly hash: string;
}

/** Files in `root/dir` whose names match `extension`, as sorted `dir/name` paths; a missing folder has none. */
export async function listFiles(root: string, dir: string, extension: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && extension.test(e.name))
      .map((e) => path.posix.join(dir, e.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Bytes hashed and decoded between two yields: a large file must not hold the event loop in one go. */
const READ_CHUNK = 1 << 20;

async function readRaw(root: string, rel: string): Promise<RawFile> {
  const bytes = await readFile(path.join(root, rel));
  if (bytes.length <= READ_CHUNK)
    return { rel, text: bytes.toString('utf8'), hash: createHash('sha256').update(bytes).digest('hex') };
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += READ_CHUNK) {
    const chunk = bytes.subarray(at, at + READ_CHUNK);
    hash.update(chunk);
    parts.push(decoder.decode(chunk, { stream: at + READ_CHUNK < bytes.length }));
    await yieldToEventLoop();
  }
  return { rel, text: parts.join(''), hash: hash.digest('hex') };
}

/** Reads a corpus file; a file that cannot be read (a folder, no permission) becomes a problem, not a crash. */
export async function readOrReport(root: string, rel: string, problems: CorpusProblem[]): Promise<RawFile | null> {
  try {
    return await readRaw(root, rel);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    problems.push({
      file: rel,
      field: null,
      message: `cannot be read (${code})`,
      fix: 'make it a readable text file, or remove it',
    });
    return null;
  }
}

/** One hash over every file's hash, in path order: identifies a corpus version. */
export function hashFiles(files: readonly RawFile[]): string {
  const hash = createHash('sha256');
  for (const raw of [...files].sort((a, b) => a.rel.localeCompare(b.rel))) hash.update(`${raw.rel}\0${raw.hash}\n`);
  return hash.digest('hex');
}
