/**
 * Test sources for the pro/con tests.
 *
 * `readCorpusSources` reads corpus/sources/*.md with a deliberately small parser (front matter + paragraphs),
 * standing in for the lead's src/corpus/load.ts until it lands; `makeSource` builds a Source from plain text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parse } from 'yaml';
import type { Source, SourceKind } from '../../src/corpus/types.ts';

export const CORPUS_ROOT = path.resolve(import.meta.dirname, '../../corpus');

export function makeSource(id: string, paragraphs: readonly string[], meta: Partial<Omit<Source, 'id'>> = {}): Source {
  const body = paragraphs.join('\n\n');
  return {
    id,
    title: meta.title ?? `Title of ${id}`,
    titleIsDescriptive: meta.titleIsDescriptive ?? false,
    publication: meta.publication ?? 'The Test Gazette',
    author: meta.author ?? null,
    date: meta.date ?? '2014-05',
    dateInferred: meta.dateInferred ?? false,
    url: meta.url === undefined ? `https://example.org/${id}` : meta.url,
    urlVerified: meta.urlVerified ?? true,
    kind: meta.kind ?? 'article',
    credit: meta.credit ?? null,
    licence: meta.licence ?? null,
    notes: meta.notes ?? null,
    file: `sources/${id}.md`,
    body,
    paragraphs: paragraphs.map((text, index) => ({ index, text, heading: null })),
    hash: createHash('sha256').update(body).digest('hex'),
  };
}

export async function readCorpusSources(root = CORPUS_ROOT): Promise<Source[]> {
  const dir = path.join(root, 'sources');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(dir, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${name}: no front matter`);
      const fm = parse(match[1] ?? '') as Record<string, unknown>;
      const paragraphs = (match[2] ?? '')
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p.length > 0 && !p.startsWith('#'));
      const str = (k: string): string | null => (typeof fm[k] === 'string' ? (fm[k] as string) : null);
      return makeSource(String(fm['id']), paragraphs, {
        title: str('title') ?? '',
        titleIsDescriptive: fm['titleIsDescriptive'] === true,
        publication: str('publication'),
        author: str('author'),
        date: str('date'),
        dateInferred: fm['dateInferred'] === true,
        url: str('url'),
        urlVerified: fm['urlVerified'] !== false,
        kind: (str('kind') ?? 'article') as SourceKind,
        credit: str('credit'),
        licence: str('licence'),
      });
    }),
  );
}
