/**
 * Importing one article: fetch or read it, extract the text and metadata, draft the corpus file, load it with
 * the rest of the corpus on a copy, and preview it. Nothing is written to the corpus until `writeImport`.
 */
import { access, copyFile, link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { draftFrom, renderSourceFile, type ImportDraft } from './draft.ts';
import { extractDocx, extractHtml, extractText, type Extracted } from './extract.ts';
import { fetchForImport, type FetchOptions } from './fetch.ts';
import { previewOf, type ImportPreview } from './preview.ts';
import { expectLoaded, loadWithChange, REMOVED_DIR } from './stage.ts';

export type ImportInput =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Buffer }
  /** A file uploaded elsewhere (a Discord attachment): fetched as safely as a page, read by its name. */
  | { readonly kind: 'remote-file'; readonly name: string; readonly url: string };

export interface ImportOptions {
  readonly corpusDir: string;
  /** The slug to use instead of the one made from publication, year and headline. */
  readonly id?: string | null;
  readonly fetch?: FetchOptions;
  /** Today as YYYY-MM-DD (the `accessed` date); the real date by default. */
  readonly today?: string;
}

export interface PreparedImport {
  readonly draft: ImportDraft;
  /** The corpus file's full text. */
  readonly text: string;
  /** `sources/<id>.md`, relative to the corpus folder. */
  readonly file: string;
  readonly preview: ImportPreview;
}

/** What writing needs of a prepared import (a Discord preview keeps only this between its two clicks). */
export interface WritableImport {
  readonly file: string;
  readonly text: string;
  readonly draft: Pick<ImportDraft, 'id'>;
}

/** The file kinds an import reads, by extension. */
const FILE_KINDS: Readonly<Record<string, 'html' | 'text' | 'markdown' | 'docx'>> = {
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
};

/** The charset a page names in its first bytes (`<meta charset>` or http-equiv), used when the header names none. */
function declaredCharset(bytes: Buffer): string | null {
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1] ?? null;
}

function decode(bytes: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? declaredCharset(bytes) ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function extract(
  input: ImportInput,
  options: ImportOptions,
): Promise<{ extracted: Extracted; fetchedUrl: string | null }> {
  if (input.kind === 'url') {
    const fetched = await fetchForImport(input.url, options.fetch);
    const extracted =
      fetched.kind === 'docx'
        ? await extractDocx(fetched.bytes)
        : fetched.kind === 'text'
          ? extractText(decode(fetched.bytes, fetched.charset), false)
          : extractHtml(decode(fetched.bytes, fetched.charset), { url: fetched.url, fetched: true });
    return { extracted, fetchedUrl: fetched.url };
  }
  const kind = FILE_KINDS[path.extname(input.name).toLowerCase()];
  if (kind === undefined) throw new UserError('import.unsupported-file', { name: input.name });
  const bytes =
    input.kind === 'file' ? input.bytes : (await fetchForImport(input.url, { ...options.fetch, anyType: true })).bytes;
  const extracted =
    kind === 'docx'
      ? await extractDocx(bytes)
      : kind === 'html'
        ? extractHtml(decode(bytes, null), { url: null, fetched: false })
        : extractText(decode(bytes, null), kind === 'markdown');
  return { extracted, fetchedUrl: null };
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/**
 * Fetches or reads `input` and prepares its corpus file, validated with the whole corpus on a copy.
 * Throws UserError for every refusal (unsafe or unreachable link, wrong type, too large, no article,
 * id taken, already imported, a file the loader would reject). Writes nothing.
 */
export async function prepareImport(input: ImportInput, options: ImportOptions): Promise<PreparedImport> {
  const { extracted, fetchedUrl } = await extract(input, options);
  const draft = draftFrom(
    extracted,
    {
      fetchedUrl,
      fileName: input.kind === 'url' ? null : path.basename(input.name),
      today: options.today ?? todayIso(),
    },
    options.id ?? null,
  );
  const file = path.posix.join('sources', `${draft.id}.md`);
  if (await exists(path.join(options.corpusDir, file))) throw new UserError('import.id-taken', { id: draft.id });
  const text = renderSourceFile(draft);
  const corpus = expectLoaded(
    await loadWithChange(options.corpusDir, (copy) => writeFile(path.join(copy, file), text)),
    draft.id,
  );
  const same = draft.url === null ? undefined : corpus.sources.find((s) => s.id !== draft.id && s.url === draft.url);
  if (same !== undefined) throw new UserError('import.already-in-corpus', { id: same.id });
  return { draft, text, file, preview: previewOf(draft, corpus) };
}

/**
 * Writes a prepared file after checking once more, on a copy, that the corpus loads with it: the corpus may
 * have changed since the preview. Returns the path written.
 */
export async function commitImport(corpusDir: string, prepared: WritableImport): Promise<string> {
  if (await exists(path.join(corpusDir, prepared.file)))
    throw new UserError('import.id-taken', { id: prepared.draft.id });
  expectLoaded(
    await loadWithChange(corpusDir, (copy) => writeFile(path.join(copy, prepared.file), prepared.text)),
    prepared.draft.id,
  );
  return writeImport(corpusDir, prepared);
}

/**
 * Writes a prepared file into the corpus, atomically and without overwriting: the text goes to a hidden
 * temporary file (the loader reads only `*.md`), then is linked to its name, which fails if the name exists.
 */
export async function writeImport(corpusDir: string, prepared: WritableImport): Promise<string> {
  const target = path.join(corpusDir, prepared.file);
  const temporary = path.join(path.dirname(target), `.${prepared.draft.id}.${randomBytes(6).toString('hex')}.tmp`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(temporary, prepared.text, { flag: 'wx' });
  try {
    await link(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UserError('import.id-taken', { id: prepared.draft.id });
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  return target;
}

/** A source file's path from its id, or a UserError when the id names no file in sources/. */
function sourceFile(id: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new UserError('source.unknown-id', { id });
  return path.posix.join('sources', `${id}.md`);
}

/**
 * Moves `sources/<id>.md` into `.removed/` (nothing is lost: moving it back restores it), after checking on a
 * copy that the corpus still loads without it (a topic or comments file may cite it).
 */
export async function removeSource(corpusDir: string, id: string): Promise<string> {
  const file = sourceFile(id);
  const from = path.join(corpusDir, file);
  if (!(await exists(from))) throw new UserError('source.unknown-id', { id });
  expectLoaded(await loadWithChange(corpusDir, (copy) => unlink(path.join(copy, file))), id);
  const to = path.join(corpusDir, REMOVED_DIR, `${id}.md`);
  if (await exists(to)) throw new UserError('source.removed-exists', { id });
  await mkdir(path.dirname(to), { recursive: true });
  await rename(from, to);
  return path.posix.join(REMOVED_DIR, `${id}.md`);
}

/** Moves `.removed/<id>.md` back into sources/, after checking on a copy that the corpus loads with it. */
export async function restoreSource(corpusDir: string, id: string): Promise<string> {
  const file = sourceFile(id);
  const from = path.join(corpusDir, REMOVED_DIR, `${id}.md`);
  const to = path.join(corpusDir, file);
  if (!(await exists(from))) throw new UserError('source.not-removed', { id });
  if (await exists(to)) throw new UserError('import.id-taken', { id });
  expectLoaded(await loadWithChange(corpusDir, (copy) => copyFile(from, path.join(copy, file))), id);
  await rename(from, to);
  return file;
}
