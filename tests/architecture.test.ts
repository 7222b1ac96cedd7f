/** The boundaries the code is built on, checked so a later change cannot quietly cross them. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/corpus.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(REPO_ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(REPO_ROOT, path.join(e.parentPath, e.name)));
}

describe('architecture', () => {
  it('GIVEN any file in src/ outside src/bot/ THEN it imports neither discord.js nor discord-api-types', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('src')) {
      if (file.startsWith(`src${path.sep}bot${path.sep}`)) continue;
      const text = await readFile(path.join(REPO_ROOT, file), 'utf8');
      if (/from\s+['"](discord\.js|discord-api-types[^'"]*)['"]|require\(['"]discord/.test(text)) offenders.push(file);
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

/** Every .ts file of src/ and commands/ with its code, comments removed (they may name a wording or a limit). */
async function codeFiles(): Promise<{ file: string; code: string }[]> {
  const files = [...(await sourceFiles('src')), ...(await sourceFiles('commands'))];
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(REPO_ROOT, file), 'utf8');
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      return { file: file.split(path.sep).join('/'), code };
    }),
  );
}

/** Files of `files` whose code matches `pattern`, outside `allowed`. */
function strays(files: readonly { file: string; code: string }[], pattern: RegExp, allowed: readonly string[]) {
  return files.filter(({ file, code }) => pattern.test(code) && !allowed.includes(file)).map(({ file }) => file);
}

describe('one way to say each thing', () => {
  let files: { file: string; code: string }[];
  beforeAll(async () => {
    files = await codeFiles();
  });

  it('GIVEN a source fact (date, title, publication, author, link status) THEN only src/present.ts words it', () => {
    const wordings =
      /link not verified|link verified|no link known|author not named|date unknown|publication unknown|descriptive title|Unknown publication/;
    // corpus/voice.ts holds the "author not named" constant that present.ts and the own voice's role share.
    expect(strays(files, wordings, ['src/present.ts', 'src/corpus/voice.ts'])).toEqual([]);
  });

  it('GIVEN markdown escaping THEN there is one escaper, in src/bot/render/markdown.ts', () => {
    const escaper = /function\s+escape(?!RegExp)\w*|=>\s*`\\\\\$\{/;
    // src/cite/export.ts writes card files, not Discord messages: CommonMark for .md and HTML for .html.
    expect(strays(files, escaper, ['src/bot/render/markdown.ts', 'src/cite/export.ts'])).toEqual([]);
  });

  it('GIVEN text to shorten THEN there is one truncation helper, in src/text/truncate.ts', () => {
    const truncator = /function\s+(truncate|shorten|clip|cut)\w*|lastIndexOf\(' '|…`/;
    const allowed = [
      'src/text/truncate.ts',
      // Marks split lines with "…" and delegates every cut to cutAtWord; clipHeading wraps truncate.
      'src/bot/render/fields.ts',
      // fitEscaped trims the context around a bold passage from either end, measured after escaping.
      'src/bot/render/quote.ts',
      // Finds how much of a misquoted excerpt matches, word by word: matching, not display.
      'src/procon/verbatim.ts',
    ];
    expect(strays(files, truncator, allowed)).toEqual([]);
  });

  it("GIVEN Discord's limits THEN they are in one table, src/bot/render/limits.ts", () => {
    const limits = /\b(1024|4096|6000)\b|\b(fieldValue|embedDescription|fieldName|embedTitle)\s*:/;
    // The console caps an input line at Discord's option length on its own; the bench counts bytes (1024 × 1024).
    // paragraphs.ts yields every 1024 paragraphs: a work interval, not a limit.
    const allowed = [
      'src/bot/render/limits.ts',
      'src/console/parse.ts',
      'src/bench/child.ts',
      'src/corpus/paragraphs.ts',
    ];
    expect(strays(files, limits, allowed)).toEqual([]);
  });
});

/** Lines from a node's first token (its doc comment excluded) to its last, both counted. */
function linesOf(node: ts.Node, source: ts.SourceFile): number {
  const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
  return last - first + 1;
}

/** A readable name for a function-like node: its own name, else the variable or property it is assigned to. */
function nameOf(node: ts.SignatureDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name) {
    return parent.name.getText(source);
  }
  return `(anonymous ${ts.SyntaxKind[node.kind]} at line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1})`;
}

/** Every function, arrow function and method with a body in `text` longer than `max` lines, as "name (lines)". */
export function longFunctions(file: string, text: string, max: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const lines = linesOf(node, source);
      if (lines > max) found.push(`${nameOf(node, source)} (${lines})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const MAX_FUNCTION_LINES = 60;
const MAX_FILE_LINES = 350;

describe('size', () => {
  it('GIVEN the function-length check THEN it finds a long arrow function and a long method, and passes short ones', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = [
      `export const long = () => {\n${body(60)}\n};`,
      `class C {\n  method() {\n${body(59)}\n  }\n}`,
      `function short() {\n${body(58)}\n}`,
    ].join('\n');
    expect(longFunctions('x.ts', text, MAX_FUNCTION_LINES)).toEqual(['long (62)', 'method (61)']);
  });

  it(`GIVEN src/ and commands/ THEN no function is over ${MAX_FUNCTION_LINES} lines outside the allow-list`, async () => {
    const allowed = new Set<string>([]);
    const offenders: string[] = [];
    for (const { file, text } of await readSources()) {
      for (const found of longFunctions(file, text, MAX_FUNCTION_LINES)) {
        const name = found.replace(/ \(\d+\)$/, '');
        if (!allowed.has(`${file}: ${name}`)) offenders.push(`${file}: ${found}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it(`GIVEN src/ and commands/ THEN no file is over ${MAX_FILE_LINES} lines unless the README's layout says why`, async () => {
    // Each of these must be named, with its reason, in the README's "Layout and design" section.
    const allowed = ['src/config.ts'];
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const layout = readme.slice(
      readme.indexOf('## Layout and design'),
      readme.indexOf('\n## ', readme.indexOf('## Layout and design') + 1),
    );
    expect(allowed.filter((file) => !layout.includes(`\`${file}\``))).toEqual([]);
    const offenders: string[] = [];
    for (const { file, text } of await readSources()) {
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      if (lines > MAX_FILE_LINES && !allowed.includes(file)) offenders.push(`${file} (${lines})`);
    }
    expect(offenders).toEqual([]);
  });
});

/** Every .ts file of src/ and commands/ with its text as written. */
async function readSources(): Promise<{ file: string; text: string }[]> {
  const files = [...(await sourceFiles('src')), ...(await sourceFiles('commands'))];
  return Promise.all(
    files.map(async (file) => ({
      file: file.split(path.sep).join('/'),
      text: await readFile(path.join(REPO_ROOT, file), 'utf8'),
    })),
  );
}
