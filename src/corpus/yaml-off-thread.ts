/**
 * YAML parsing of people.yaml, comments and topics happens in one synchronous call of the `yaml` library, and
 * it is slow (10,000 people took 746 ms, 40,000 comments 6 s on the bot's thread). Texts past a small size are
 * parsed in a worker thread instead, which also counts the entries of the file's list, so an oversized list is
 * refused before its data is copied back to the bot's thread.
 */
import { Worker } from 'node:worker_threads';
import { parseYamlFile, yamlErrorLine } from './frontmatter.ts';

/** Below this, parsing inline costs less than starting a worker (and the stall is a few milliseconds). */
const INLINE_BELOW = 16_384;

export type YamlParse =
  | { ok: true; data: unknown }
  | { ok: false; message: string; fix: string }
  | { ok: 'too-many'; count: number };

export interface ListLimit {
  /** The key holding the list (`comments`), or null when the document itself is the list (people.yaml). */
  readonly listPath: string | null;
  readonly maxItems: number;
}

function countOf(data: unknown, limit: ListLimit): number {
  const list = limit.listPath === null ? data : (data as Record<string, unknown> | null)?.[limit.listPath];
  return Array.isArray(list) ? list.length : 0;
}

/** Parse `text` as YAML, off the main thread when it is large; a list longer than the limit is refused. */
export async function parseYamlOffThread(text: string, limit: ListLimit): Promise<YamlParse> {
  if (text.length < INLINE_BELOW) {
    const parsed = parseYamlFile(text);
    if (parsed.ok && countOf(parsed.data, limit) > limit.maxItems) return { ok: 'too-many', count: countOf(parsed.data, limit) };
    return parsed;
  }
  const worker = new Worker(new URL('./yaml-worker.mjs', import.meta.url), {
    workerData: { text, listPath: limit.listPath, maxItems: limit.maxItems },
  });
  try {
    const reply = await new Promise<Record<string, unknown>>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the YAML worker stopped (exit code ${code})`)));
    });
    if (reply.kind === 'ok') return { ok: true, data: reply.data };
    if (reply.kind === 'too-many') return { ok: 'too-many', count: Number(reply.count) };
    const firstLine = String(reply.message).split('\n')[0];
    if (reply.name === 'YAMLParseError' && Array.isArray(reply.pos)) {
      const line = yamlErrorLine(text, { pos: reply.pos as [number, number] });
      return { ok: false, message: `not valid YAML near line ${line}: ${firstLine}`, fix: 'check the colon, quotes and indentation on that line' };
    }
    return { ok: false, message: `the YAML cannot be read: ${firstLine}`, fix: 'write plain values: no anchors/aliases (&, *), no deeply nested structures' };
  } catch (error) {
    return { ok: false, message: `the YAML cannot be read: ${error instanceof Error ? error.message : String(error)}`, fix: 'write plain values, or split the file' };
  } finally {
    await worker.terminate();
  }
}
