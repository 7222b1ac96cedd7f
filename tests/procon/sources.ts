/**
 * Small synthetic sources for the pro/con tests; the real corpus is loaded with src/corpus/load.ts.
 */
import { createHash } from 'node:crypto';
import type { Source } from '../../src/corpus/types.ts';

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
