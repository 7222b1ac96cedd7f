/** Markdown files with YAML front matter: `---`, YAML, `---`, then the body. */
import { parse, YAMLParseError } from 'yaml';

export type FrontMatterResult =
  | { ok: true; data: unknown; body: string }
  | { ok: false; message: string; fix: string };

/** Splits and parses front matter; a missing fence or bad YAML is reported with its line. */
export function parseFrontMatter(text: string): FrontMatterResult {
  const unmarked = text.replace(/^\uFEFF/, '');
  // The check first: scanning a large file for a carriage return is far cheaper than a replace over it.
  const normalized = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  if (!normalized.startsWith('---\n')) {
    return { ok: false, message: 'no front matter: the file must start with a line `---`', fix: 'add a `---` line, the fields, and another `---` line before the text' };
  }
  const end = normalized.indexOf('\n---', 4);
  const after = end === -1 ? -1 : end + 4;
  if (end === -1 || (normalized[after] !== '\n' && after !== normalized.length)) {
    return { ok: false, message: 'the front matter is not closed', fix: 'add a line with only `---` after the last field' };
  }
  const yamlText = normalized.slice(4, end + 1);
  try {
    const data: unknown = parse(yamlText, { prettyErrors: false, uniqueKeys: true });
    return { ok: true, data: data ?? {}, body: normalized.slice(after + 1) };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // +1 for the opening `---`, so the number is the file's own line.
      const line = yamlErrorLine(yamlText, error) + 1;
      return { ok: false, message: `front matter is not valid YAML near line ${line}: ${error.message.split('\n')[0]}`, fix: 'check the colon, quotes and indentation on that line (quote values that contain ": ")' };
    }
    return unreadableYaml(error);
  }
}

/** Parses a whole YAML file, reporting the line of the first error. */
export function parseYamlFile(text: string): { ok: true; data: unknown } | { ok: false; message: string; fix: string } {
  try {
    return { ok: true, data: parse(text, { prettyErrors: false, uniqueKeys: true }) };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = yamlErrorLine(text, error);
      return { ok: false, message: `not valid YAML near line ${line}: ${error.message.split('\n')[0]}`, fix: 'check the colon, quotes and indentation on that line' };
    }
    return unreadableYaml(error);
  }
}

/** Anything else the YAML parser throws (an alias bomb, a too-deep document) is still a problem with the file. */
function unreadableYaml(error: unknown): { ok: false; message: string; fix: string } {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { ok: false, message: `the YAML cannot be read: ${reason}`, fix: 'write plain values: no anchors/aliases (&, *), no deeply nested structures' };
}

/** The 1-based line of a YAML error in `text` (the parser's own line numbers need its pretty-error mode). */
export function yamlErrorLine(text: string, error: Pick<YAMLParseError, 'pos'>): number {
  const offset = Math.max(0, Math.min(error.pos[0], text.length));
  return text.slice(0, offset).split('\n').length;
}
