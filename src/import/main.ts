/** Entry point of `npm run import` (see cli.ts). */
import { loadImportConfigOrExit } from '../config.ts';
import { runImportCli } from './cli.ts';

const code = await runImportCli(process.argv.slice(2), loadImportConfigOrExit(), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
