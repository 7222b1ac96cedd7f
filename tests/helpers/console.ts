/** The console session in this process (src/console/session.ts), fed lines the way `npm run console` reads stdin. */
import { CONSOLE_COMMANDS } from '../../src/console/commands.ts';
import { parseLine } from '../../src/console/parse.ts';
import { runConsole } from '../../src/console/session.ts';
import type { Library } from '../../src/library.ts';

export interface ConsoleRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a non-interactive session over `input` (one command per line). `between(i)` runs once the answer to line `i`
 * has been written and before line i+1 is read: the place to edit the corpus under a running console.
 */
export async function consoleSession(
  input: string | readonly string[],
  args: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
  between: (i: number) => Promise<void> = async () => {},
): Promise<ConsoleRun> {
  const lines =
    typeof input === 'string' ? input.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1) : input;
  let stdout = '';
  let stderr = '';
  async function* feed(): AsyncGenerator<string> {
    for (const [i, line] of lines.entries()) {
      if (i > 0) await between(i - 1);
      yield line;
    }
  }
  const code = await runConsole(args, env, {
    lines: feed(),
    interactive: false,
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

/** One console line through the console's own parser and command registry (main.ts would read stdin). */
export async function runCommandLine(line: string, library: Library) {
  const parsed = parseLine(line, new Map(CONSOLE_COMMANDS.map((c) => [c.name, c.options])));
  if (!parsed.ok) throw new Error(parsed.message);
  const command = CONSOLE_COMMANDS.find((c) => c.name === parsed.line.command)!;
  return command.run(parsed.line.main, parsed.line.options, { library });
}
