/** Entry point of `npm run import` (see cli.ts). */
import { loadEnvironment } from '../config.ts';
import { runImportMain } from './cli.ts';

process.exitCode = await runImportMain(process.argv.slice(2), loadEnvironment(), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
