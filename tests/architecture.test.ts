/** The boundaries the code is built on, checked so a later change cannot quietly cross them. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/corpus.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(REPO_ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)));
}

describe('architecture', () => {
  it('GIVEN any file in src/ outside src/bot/ THEN it does not import discord.js', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('src')) {
      if (file.startsWith(`src${path.sep}bot${path.sep}`)) continue;
      const text = await readFile(path.join(REPO_ROOT, file), 'utf8');
      if (/from\s+['"]discord\.js['"]|require\(['"]discord\.js['"]\)/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('GIVEN any file outside src/config.ts, the console entry and tests THEN it does not read process.env', async () => {
    const allowed = new Set(['src/config.ts', 'src/console/main.ts']);
    const offenders: string[] = [];
    for (const file of [...(await sourceFiles('src')), ...(await sourceFiles('commands'))]) {
      if (allowed.has(file.split(path.sep).join('/')) || file.startsWith(`src${path.sep}bench`)) continue;
      if (/process\.env/.test(await readFile(path.join(REPO_ROOT, file), 'utf8'))) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
