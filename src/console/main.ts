/**
 * `npm run console`: Verbatim without Discord. Type the same commands as in Discord and read the
 * answers as text, or pass `--json` for one JSON object per command. Reads one command per line when
 * stdin is not a terminal. `--corpus DIR` or CORPUS_DIR picks the corpus. The session itself is session.ts.
 */
import { config as loadDotenv } from 'dotenv';
import { createInterface } from 'node:readline';
import { runConsole } from './session.ts';

loadDotenv({ quiet: true });
const interactive = process.stdin.isTTY === true;
const rl = createInterface({
  input: process.stdin,
  output: interactive ? process.stdout : undefined,
  terminal: interactive,
});
if (interactive) rl.setPrompt('verbatim> ');
// Iterate from now on: lines that arrive while the corpus loads are buffered, not dropped.
const lines = rl[Symbol.asyncIterator]();
process.exitCode = await runConsole(process.argv.slice(2), process.env, {
  lines,
  interactive,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  prompt: interactive ? () => rl.prompt() : undefined,
});
rl.close();
