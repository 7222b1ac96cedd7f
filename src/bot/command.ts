/**
 * What a module in commands/ exports, and the one context every handler receives.
 * A command is a thin adapter: read options, call the domain, render, answer.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { ApplicationCommandType } from 'discord.js';
import type { Cluster } from '../cluster/reload.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { Library } from '../library.ts';
import type { Metrics } from '../health/metrics.ts';

/** Passed explicitly to every handler; tests build one with a memory store and a fixture corpus. */
export interface CommandContext {
  readonly config: Config;
  readonly library: Library;
  readonly store: Store;
  readonly logger: Logger;
  /** The other loaded commands, for /help. */
  readonly commands: readonly Command[];
  /** Every process serving the bot (shards, replicas), for /reload; absent means this process alone. */
  readonly cluster?: Cluster;
  /** Prometheus metrics, when the bot runs with them (the console and most tests do not). */
  readonly metrics?: Metrics;
}

interface CommandHandlers<I> {
  execute(interaction: I, ctx: CommandContext): Promise<void>;
  /** Answers autocomplete for this command's options. Must respond within 3 s and cannot defer. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /**
   * Handles buttons whose custom_id starts with `${data.name}:`. Custom ids are routed by that prefix,
   * so a command owns its buttons.
   */
  button?(interaction: ButtonInteraction, ctx: CommandContext): Promise<void>;
}

/** A slash command: `data` is the plain JSON Discord registers (call `.toJSON()` on a builder). */
export interface SlashCommand extends CommandHandlers<ChatInputCommandInteraction> {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** A message context-menu command (right-click a message → Apps → name). */
export interface MessageCommand extends CommandHandlers<MessageContextMenuCommandInteraction> {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody & { readonly type: ApplicationCommandType.Message };
}

export type Command = SlashCommand | MessageCommand;

export function isMessageCommand(command: Command): command is MessageCommand {
  return command.data.type === ApplicationCommandType.Message;
}

export function isSlashCommand(command: Command): command is SlashCommand {
  return command.data.type === undefined || command.data.type === ApplicationCommandType.ChatInput;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * Runtime check for a module's default export. Keeps the loader from registering something Discord would
 * reject (bad name, missing description) or that cannot run (no execute).
 */
export function isCommand(value: unknown): value is Command {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.execute !== 'function') return false;
  if (candidate.autocomplete !== undefined && typeof candidate.autocomplete !== 'function') return false;
  if (candidate.button !== undefined && typeof candidate.button !== 'function') return false;
  const data = candidate.data;
  if (typeof data !== 'object' || data === null) return false;
  const { name, description, type } = data as Record<string, unknown>;
  if (typeof name !== 'string') return false;
  if (type === ApplicationCommandType.Message || type === ApplicationCommandType.User) {
    return type === ApplicationCommandType.Message && name.length >= 1 && name.length <= 32;
  }
  if (type !== undefined && type !== ApplicationCommandType.ChatInput) return false;
  return (
    COMMAND_NAME.test(name) &&
    name === name.toLowerCase() &&
    typeof description === 'string' &&
    description.length >= 1 &&
    description.length <= 100
  );
}
