/**
 * Reading one corpus file without trusting it. A corpus file must be a regular file inside the corpus folder:
 * a symbolic link could read anything on the server (/etc/passwd was read once), and a FIFO or device never
 * finishes reading (a reload then hung forever). It is opened without following links and without blocking,
 * checked with fstat, bounded in size, and must be valid UTF-8: a Windows-1252 file would otherwise be served
 * with U+FFFD inside "verbatim" quotes.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { describeLimit, type CorpusLimits } from './limits.ts';
import type { CorpusProblem } from './problems.ts';
import { yieldToEventLoop } from '../util/yield.ts';

export interface RawFile {
  /** Path relative to the corpus root, with `/` separators: the only path a problem or report shows. */
  readonly rel: string;
  readonly text: string;
  /** SHA-256 of the bytes. */
  readonly hash: string;
}

/** Bytes hashed and decoded between two yields: a large file must not hold the event loop in one go. */
const READ_CHUNK = 1 << 20;

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

function problem(rel: string, message: string, fix: string): CorpusProblem {
  return { file: rel, field: null, message, fix };
}

/** The byte offset of the first byte that breaks UTF-8 in `bytes` (only called when `isUtf8` said no). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need > 0) {
      const second = bytes[i + 1];
      if (second === undefined) return i;
      // The second byte's range excludes overlongs and surrogates (E0, ED, F0, F4 leads).
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (second < lo || second > hi) return i;
      for (let k = 2; k <= need; k++) {
        const next = bytes[i + k];
        if (next === undefined || next < 0x80 || next > 0xbf) return i;
      }
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Line (1-based) of a byte offset, for the refusal: admins find a line faster than an offset. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/**
 * Reads `rel` under `root`, or returns the problem that refuses it. Never follows a symbolic link, never waits
 * on a FIFO or device, never reads past `limits.maxFileBytes`.
 */
export async function readCorpusFile(
  root: string,
  rel: string,
  limits: CorpusLimits,
): Promise<{ ok: true; file: RawFile } | { ok: false; problem: CorpusProblem; code?: string }> {
  let handle;
  try {
    handle = await open(path.join(root, rel), OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ELOOP' || code === 'EMLINK')
      return {
        ok: false,
        problem: problem(rel, 'is a symbolic link; corpus files must be regular files inside the corpus folder', 'copy the file into the corpus folder instead of linking to it'),
      };
    return {
      ok: false,
      code,
      problem: problem(rel, `cannot be read (${code})`, 'make it a readable text file, or remove it'),
    };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : stat.isDirectory() ? 'a folder' : 'a device';
      return { ok: false, problem: problem(rel, `is ${what}, not a regular file`, 'replace it with a plain text file, or remove it') };
    }
    if (stat.size > limits.maxFileBytes) {
      return {
        ok: false,
        problem: problem(rel, `is ${stat.size.toLocaleString('en-US')} bytes, over ${describeLimit(limits, 'maxFileBytes')}`, 'split it into several files, or raise the limit'),
      };
    }
    // One more byte than allowed is read, so a file that grew after fstat is still caught.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limits.maxFileBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, Math.min(READ_CHUNK, buffer.length - length), null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limits.maxFileBytes) {
      return { ok: false, problem: problem(rel, `grew past ${describeLimit(limits, 'maxFileBytes')} while being read`, 'reload once the file is written') };
    }
    const bytes = buffer.subarray(0, length);
    if (!isUtf8(bytes)) {
      const offset = firstInvalidUtf8(bytes);
      const byte = bytes[offset] ?? 0;
      return {
        ok: false,
        problem: problem(
          rel,
          `is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${offset} (line ${lineOf(bytes, offset)})`,
          'save the file as UTF-8 (most editors: Save with Encoding → UTF-8); Windows-1252 and Latin-1 are not read, so no quote gains a replacement character',
        ),
      };
    }
    const hash = createHash('sha256');
    const decoder = new TextDecoder('utf-8');
    const parts: string[] = [];
    for (let at = 0; at < length; at += READ_CHUNK) {
      const chunk = bytes.subarray(at, Math.min(length, at + READ_CHUNK));
      hash.update(chunk);
      parts.push(decoder.decode(chunk, { stream: at + READ_CHUNK < length }));
      if (length > READ_CHUNK) await yieldToEventLoop();
    }
    return { ok: true, file: { rel, text: parts.join(''), hash: hash.digest('hex') } };
  } finally {
    await handle.close();
  }
}
