/**
 * One console session, from arguments to exit code, with its input and output passed in: `main.ts` wires it to the
 * process (stdin, stdout, stderr, environment), and tests call it directly without starting a process.
 */
import { parseArgs } from 'node:util';
import { unattributedCounts } from '../corpus/attribution/report.ts';
import { CorpusLoadError, formatProblems } from '../corpus/problems.ts';
import { Library } from '../library.ts';
import { CONSOLE_COMMANDS, unattributedNotice, type ConsoleContext, type ConsoleOutput } from './commands.ts';
import { parseLine } from './parse.ts';

export const USAGE = 'usage: npm run console -- [--json] [--corpus DIR]';

export interface ConsoleIo {
  /** The lines typed or piped in, one command each. */
  readonly lines: AsyncIterable<string>;
  /** True at a terminal: a banner and prompts, and a failed command does not fail the session. */
  readonly interactive: boolean;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Shows the prompt (terminal only). */
  readonly prompt?: (() => void) | undefined;
}

interface ConsoleArgs {
  readonly json: boolean;
  readonly corpus: string;
  readonly help: boolean;
}

/** `--json`, `--corpus DIR` (else CORPUS_DIR, else ./corpus) and `--help`; throws on anything else. */
function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ConsoleArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const corpus = values.corpus ?? (env['CORPUS_DIR']?.trim() || 'corpus');
  return { json: values.json ?? false, corpus, help: values.help ?? false };
}

/** Runs one console line and returns what to print, or null for a blank line or comment. */
export async function runLine(input: string, ctx: ConsoleContext): Promise<ConsoleOutput | null> {
  if (!input.trim() || input.trim().startsWith('#')) return null;
  const known = new Map(CONSOLE_COMMANDS.map((c) => [c.name, c.options]));
  const parsed = parseLine(input, known);
  if (!parsed.ok)
    return {
      json: { command: null, error: { id: 'console.bad-line', message: parsed.message } },
      text: `✗ ${parsed.message}`,
      failed: true,
    };
  const command = CONSOLE_COMMANDS.find((c) => c.name === parsed.line.command);
  if (!command) return null;
  return command.run(parsed.line.main, parsed.line.options, ctx);
}

/** The corpus, or null after saying on stderr why it cannot be used. */
async function openLibrary(corpus: string, io: ConsoleIo): Promise<Library | null> {
  try {
    // No warm-up (src/search/warm-up.ts): the console's first answer is what a newcomer waits for (`npm run bench`
    // measures it), and lines typed by hand do not need the sub-millisecond tail a bot serving many users does.
    return await Library.open(corpus, { index: { warmUp: null } });
  } catch (error) {
    if (!(error instanceof CorpusLoadError)) throw error;
    io.err(
      `Verbatim cannot start: the corpus in ${corpus} has ${error.problems.length} problem(s):\n${formatProblems(error.problems)}\n`,
    );
    return null;
  }
}

/** What one line prints; a bug is reported as a failed line and the session carries on. */
async function answer(line: string, ctx: ConsoleContext): Promise<ConsoleOutput | null> {
  return runLine(line, ctx).catch((error: unknown): ConsoleOutput => {
    const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
    return { json: { command: null, error: { id: 'console.internal', message } }, text: `✗ ${message}`, failed: true };
  });
}

/** Answers each line until the input ends or /exit; returns how many commands failed. */
async function serveLines(library: Library, json: boolean, io: ConsoleIo): Promise<number> {
  const ctx: ConsoleContext = { library };
  let failures = 0;
  io.prompt?.();
  for await (const line of io.lines) {
    if (/^\/?(exit|quit)\s*$/i.test(line.trim())) break;
    const output = await answer(line, ctx);
    if (output) {
      if (output.failed) failures += 1;
      io.out(json ? `${JSON.stringify(output.json)}\n` : `${output.text}\n\n`);
    }
    io.prompt?.();
  }
  return failures;
}

/**
 * The whole session; returns the exit code: 0, 1 when a piped command failed, 2 when the arguments or the corpus
 * are unusable.
 */
export async function runConsole(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: ConsoleIo,
): Promise<number> {
  let cli: ConsoleArgs;
  try {
    cli = parseCli(argv, env);
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (cli.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const library = await openLibrary(cli.corpus, io);
  if (library === null) return 2;
  const notice = unattributedNotice(unattributedCounts(library.state.corpus));
  if (notice) io.err(`${notice.trim()}\n`);
  if (io.interactive && !cli.json) {
    const { corpus } = library.state;
    io.out(
      `Verbatim console — ${corpus.sources.length} sources, ${corpus.passages.length} passages. Type /help, or /exit to leave.\n`,
    );
  }
  const failures = await serveLines(library, cli.json, io);
  return failures > 0 && !io.interactive ? 1 : 0;
}
