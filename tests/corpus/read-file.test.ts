import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/corpus/limits.ts';
import { firstInvalidUtf8, readCorpusFile } from '../../src/corpus/read-file.ts';

describe('readCorpusFile', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'verbatim-read-'));
    outside = await mkdtemp(path.join(tmpdir(), 'verbatim-outside-'));
    await mkdir(path.join(root, 'sources'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('GIVEN a UTF-8 file THEN its text and the SHA-256 of its bytes', async () => {
    await writeFile(path.join(root, 'sources/a.md'), 'Zero-sum “mentality”.');
    const read = await readCorpusFile(root, 'sources/a.md', DEFAULT_LIMITS);
    expect(read).toMatchObject({ ok: true, file: { rel: 'sources/a.md', text: 'Zero-sum “mentality”.' } });
  });

  it('GIVEN Windows-1252 bytes THEN refused with the byte offset and line, never decoded to U+FFFD', async () => {
    await writeFile(path.join(root, 'sources/cp1252.md'), Buffer.from('line one\nCaf\xe9 au lait', 'latin1'));
    const read = await readCorpusFile(root, 'sources/cp1252.md', DEFAULT_LIMITS);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem.file).toBe('sources/cp1252.md');
      expect(read.problem.message).toBe('is not valid UTF-8: byte 0xE9 at byte offset 12 (line 2)');
      expect(read.problem.fix).toContain('UTF-8');
    }
  });

  it('GIVEN a symbolic link to a file outside the corpus THEN refused without reading it', async () => {
    await writeFile(path.join(outside, 'secret.yaml'), 'password: hunter2\n');
    await symlink(path.join(outside, 'secret.yaml'), path.join(root, 'sources/link.md'));
    const read = await readCorpusFile(root, 'sources/link.md', DEFAULT_LIMITS);
    expect(read).toMatchObject({ ok: false, problem: { file: 'sources/link.md', message: expect.stringContaining('symbolic link') } });
    expect(JSON.stringify(read)).not.toContain('hunter2');
    expect(JSON.stringify(read)).not.toContain(outside);
  });

  it('GIVEN a FIFO nobody writes to THEN refused at once instead of waiting forever', async () => {
    execFileSync('mkfifo', [path.join(root, 'sources/pipe.md')]);
    const read = await readCorpusFile(root, 'sources/pipe.md', DEFAULT_LIMITS);
    expect(read).toMatchObject({ ok: false, problem: { message: 'is a named pipe (FIFO), not a regular file' } });
  });

  it('GIVEN a file over the size limit THEN refused naming the file, its size and the limit variable', async () => {
    await writeFile(path.join(root, 'sources/big.md'), 'x'.repeat(2_001));
    const read = await readCorpusFile(root, 'sources/big.md', { ...DEFAULT_LIMITS, maxFileBytes: 2_000 });
    expect(read).toMatchObject({
      ok: false,
      problem: { file: 'sources/big.md', message: 'is 2,001 bytes, over the limit of 2,000 (CORPUS_MAX_FILE_BYTES)' },
    });
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first bad byte: stray continuation, overlong, surrogate, truncated sequence', () => {
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('é😀', 'utf8'))).toBe(6);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xf0, 0x9f, 0x98]))).toBe(1);
  });
});
