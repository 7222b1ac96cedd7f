/**
 * `npm run console`: Verbatim without Discord. Type the same commands as in Discord and read the
 * answers as text, or pass `--json` for one JSON object per command. Reads one command per line when
 * stdin is not a terminal. `--corpus DIR` or CORPUS_DIR picks the corpus.
 */
import { config as loadDotenv } from 'dotenv';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CorpusLoadError, formatProblems } from '../corpus/problems.ts';
import { Library } from '../library.ts';
import { unattributedCounts } from '../corpus/attribution/report.ts';
import { CONSOLE_COMMANDS, unattributedNotice, type ConsoleContext, type ConsoleOutput } from './commands.ts';
import { parseLine } from './parse.ts';

const USAGE = 'usage: npm run console -- [--json] [--corpus DIR]';

function parseCli(argv: string[]): { json: boolean; corpus: string } {
  loadDotenv({ quiet: true });
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const corpus = values.corpus ?? (process.env['CORPUS_DIR']?.trim() || 'corpus');
  return { json: values.json ?? false, corpus };
}

/** Runs one console line and returns what to print. Exported for tests. */
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

async function main(): Promise<void> {
  let cli: { json: boolean; corpus: string };
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  let library: Library;
  try {
    library = await Library.open(cli.corpus);
  } catch (error) {
    if (error instanceof CorpusLoadError) {
      process.stderr.write(
        `Verbatim cannot start: the corpus in ${cli.corpus} has ${error.problems.length} problem(s):\n${formatProblems(error.problems)}\n`,
      );
      process.exit(2);
    }
    throw error;
  }
  const notice = unattributedNotice(unattributedCounts(library.state.corpus));
  if (notice) process.stderr.write(`${notice.trim()}\n`);
  const ctx: ConsoleContext = { library };
  const interactive = process.stdin.isTTY === true;
  if (interactive && !cli.json) {
    const { corpus } = library.state;
    process.stdout.write(
      `Verbatim console — ${corpus.sources.length} sources, ${corpus.passages.length} passages. Type /help, or /exit to leave.\n`,
    );
  }
  const rl = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  let failures = 0;
  if (interactive) {
    rl.setPrompt('verbatim> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (/^\/?(exit|quit)\s*$/i.test(line.trim())) break;
    const output = await runLine(line, ctx).catch((error: unknown): ConsoleOutput => {
      // A bug must not end the session: say what failed and keep reading commands.
      const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
      return {
        json: { command: null, error: { id: 'console.internal', message } },
        text: `✗ ${message}`,
        failed: true,
      };
    });
    if (output) {
      if (output.failed) failures += 1;
      process.stdout.write(cli.json ? `${JSON.stringify(output.json)}\n` : `${output.text}\n\n`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  process.exitCode = failures > 0 && !interactive ? 1 : 0;
}

await main();
