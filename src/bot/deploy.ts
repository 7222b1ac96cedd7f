/**
 * `npm run deploy-commands`: register every command in commands/ with Discord — to one server when
 * DISCORD_GUILD_ID is set (instant, for testing), else globally. Honours DISCORD_API_URL.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { type Config, ConfigError, ENTRY_CONFIG, loadEnvironment, parseConfig } from '../config.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { Command } from './command.ts';
import { loadCommands } from './loader.ts';

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly route: string;
  readonly names: readonly string[];
}

/** PUT the commands (replacing what was registered before) and return where they went. */
export async function deployCommands(
  config: Config,
  commands: readonly Command[],
  logger: Logger,
): Promise<DeployResult> {
  if (config.clientId === null)
    throw new ConfigError([
      'DISCORD_CLIENT_ID is missing. Copy the Application ID from the Developer Portal (General Information) into .env.',
    ]);
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const route =
    config.guildId === null
      ? Routes.applicationCommands(config.clientId)
      : Routes.applicationGuildCommands(config.clientId, config.guildId);
  const body = commands.map((command) => command.data);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  const result: DeployResult = {
    scope: config.guildId === null ? 'global' : 'guild',
    route,
    names: registered.map((c) => c.name),
  };
  logger.info('commands deployed', { ...result, guildId: config.guildId });
  return result;
}

export interface DeployIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where log lines go; stdout by default. */
  readonly log?: (line: string) => void;
}

/** `npm run deploy-commands` from its environment; returns the exit code (1 for bad configuration or a failed PUT). */
export async function runDeploy(env: Readonly<Record<string, string | undefined>>, io: DeployIo): Promise<number> {
  let config: Config;
  try {
    config = parseConfig(env, ENTRY_CONFIG.deploy);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`${err.message}\n`);
    return 1;
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.token],
    ...(io.log ? { write: io.log } : {}),
  });
  try {
    const commands = await loadCommands(undefined, logger);
    const result = await deployCommands(config, commands, logger);
    const where =
      result.scope === 'guild'
        ? `server ${config.guildId}`
        : 'all servers (global commands can take up to an hour to appear)';
    io.out(`Registered ${result.names.length} commands in ${where}: ${result.names.join(', ')}\n`);
    return 0;
  } catch (err) {
    logger.error('deploying commands failed', { err });
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = await runDeploy(loadEnvironment(), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
