/**
 * Parses a console line the way Discord presents a slash command: `/quote zero sum source:diplomat
 * speaker:feng private:true`. Words before the first `name:` belong to the command's main option.
 */

export interface ParsedLine {
  readonly command: string;
  readonly main: string;
  readonly options: Readonly<Record<string, string>>;
}

export type ParseResult = { ok: true; line: ParsedLine } | { ok: false; message: string };

/** The longest line the console accepts; Discord caps a string option at 6000 characters. */
export const MAX_LINE = 6000;

export function parseLine(input: string, knownOptions: ReadonlyMap<string, readonly string[]>): ParseResult {
  const line = input.trim();
  const characters = [...line].length;
  if (characters > MAX_LINE)
    return { ok: false, message: `that line is ${characters} characters; the most a command takes is ${MAX_LINE}` };
  const match = /^\/?([a-z][\w-]*)(?:\s+([\s\S]*))?$/i.exec(line);
  if (!match?.[1]) return { ok: false, message: 'type a command such as `/quote zero sum`, or `/help`' };
  const command = match[1].toLowerCase();
  const allowed = knownOptions.get(command);
  if (!allowed)
    return {
      ok: false,
      message: `unknown command "/${command}" — known: ${[...knownOptions.keys()].map((c) => `/${c}`).join(', ')}`,
    };
  const rest = match[2] ?? '';
  const optionPattern = new RegExp(
    `(?:^|\\s)(${allowed.map((o) => o.replace(/[^\w-]/g, '')).join('|') || '(?!)'}):`,
    'gi',
  );
  const marks = [...rest.matchAll(optionPattern)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    start: m.index,
    valueStart: m.index + m[0].length,
  }));
  const options: Record<string, string> = {};
  const main = (marks[0] ? rest.slice(0, marks[0].start) : rest).trim();
  marks.forEach((mark, i) => {
    const end = marks[i + 1]?.start ?? rest.length;
    options[mark.name] = rest.slice(mark.valueStart, end).trim();
  });
  return { ok: true, line: { command, main, options } };
}
