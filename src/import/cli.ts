/**
 * `npm run import -- <url | file.html | file.txt | file.md | file.docx> [--id slug] [--dry-run]`: turns a news
 * page or a file into corpus/sources/<slug>.md and prints a preview. Refusals are printed with what to do,
 * and nothing is written on a refusal or with --dry-run.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, type ImportConfig, parseImportConfig } from '../config.ts';
import { UserError } from '../errors.ts';
import { describeError } from '../messages.ts';
import { FETCH_LIMITS, tooLarge } from './fetch.ts';
import { prepareImport, writeImport, type ImportInput } from './import.ts';
import { formatPreviewText } from './preview.ts';

export const IMPORT_USAGE =
  'usage: npm run import -- <url | file.html | file.txt | file.md | file.docx> [--id slug] [--dry-run] [--corpus DIR]';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Today as YYYY-MM-DD; the real date by default. */
  readonly today?: string;
}

async function inputOf(target: string): Promise<ImportInput> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return { kind: 'url', url: target };
  const info = await stat(target).catch(() => null);
  if (info === null || !info.isFile()) throw new UserError('import.no-file', { path: target });
  if (info.size > FETCH_LIMITS.maxBytes) throw tooLarge();
  return { kind: 'file', name: path.basename(target), bytes: await readFile(target) };
}

/** Runs the import command line; returns the exit code (0 done, 1 refused, 2 bad usage). */
export async function runImportCli(argv: readonly string[], config: ImportConfig, io: CliIo): Promise<number> {
  let values: { id?: string; 'dry-run'?: boolean; corpus?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        id: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        corpus: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const target = positionals[0];
  if (target === undefined || positionals.length > 1) {
    io.err(IMPORT_USAGE);
    return 2;
  }
  const corpusDir = values.corpus ?? config.corpusDir;
  try {
    const prepared = await prepareImport(await inputOf(target), {
      corpusDir,
      id: values.id ?? null,
      fetch: { allowLoopback: config.importAllowLoopback },
      ...(io.today === undefined ? {} : { today: io.today }),
    });
    io.out(formatPreviewText(prepared.preview));
    if (values['dry-run']) {
      io.out(`\nDry run: nothing written. Without --dry-run this would write ${path.join(corpusDir, prepared.file)}.`);
      return 0;
    }
    const written = await writeImport(corpusDir, prepared);
    io.out(`\nWrote ${written}. Check it, then run /reload in Discord (or restart the bot).`);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`✗ ${describeError(error)}`);
      return 1;
    }
    throw error;
  }
}

/**
 * `npm run import` from its environment (main.ts passes the environment after loading .env): the configuration, whose
 * problems are printed with exit code 1, then the command line.
 */
export async function runImportMain(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
): Promise<number> {
  let config: ImportConfig;
  try {
    config = parseImportConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 1;
  }
  return runImportCli(argv, config, io);
}
