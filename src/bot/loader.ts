/**
 * Load every module in commands/ whose default export passes the Command guard. New commands (e.g. /procon)
 * are picked up by dropping a file in; a module that fails the guard is reported, not registered.
 */
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from '../logger.ts';
import { type Command, isCommand } from './command.ts';

/** The repository's commands/ folder, wherever the process was started from. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

const LOADABLE = new Set(['.ts', '.js', '.mjs', '.mts']);

function isModuleFile(name: string): boolean {
  return (
    LOADABLE.has(extname(name)) &&
    !name.endsWith('.d.ts') &&
    !/\.(test|spec)\.[cm]?[jt]s$/.test(name) &&
    !name.startsWith('_')
  );
}

/** Import the command modules in `dir` in name order. Throws on duplicate names (Discord would reject them). */
export async function loadCommands(dir: string = COMMANDS_DIR, logger?: Logger): Promise<Command[]> {
  const names = (await readdir(dir)).filter(isModuleFile).sort();
  const commands: Command[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const module = (await import(pathToFileURL(join(dir, name)).href)) as { default?: unknown };
    if (!isCommand(module.default)) {
      logger?.warn('skipped a module in commands/ that is not a valid command', { file: name });
      continue;
    }
    const commandName = module.default.data.name;
    const key = `${module.default.data.type ?? 1}:${commandName}`;
    const clash = seen.get(key);
    if (clash !== undefined)
      throw new Error(`Two command modules are both named "${commandName}": ${clash} and ${name}. Rename one.`);
    seen.set(key, name);
    commands.push(module.default);
  }
  return commands;
}
