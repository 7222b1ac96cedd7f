/**
 * Route each interaction to its command: slash and message commands by name, autocomplete to the command's
 * `autocomplete`, buttons by the `name:` prefix of their custom id. Every failure goes to the one error path.
 */
import type { Interaction } from 'discord.js';
import { ApplicationCommandType } from 'discord.js';
import { StoreUnavailableError, UserError } from '../errors.ts';
import type { InteractionOutcome } from '../health/metrics.ts';
import { type Command, type CommandContext, isMessageCommand, isSlashCommand } from './command.ts';
import { describeInteraction, handleInteractionError } from './respond.ts';

export type InteractionHandler = (interaction: Interaction) => Promise<void>;

/** Build the handler for `interactionCreate`. It resolves when the interaction has been answered; it never rejects. */
export function createInteractionRouter(ctx: CommandContext): InteractionHandler {
  const slash = new Map<string, Command>();
  const message = new Map<string, Command>();
  for (const command of ctx.commands) {
    if (isMessageCommand(command)) message.set(command.data.name, command);
    else if (isSlashCommand(command)) slash.set(command.data.name, command);
  }

  return async (interaction) => {
    const logger = ctx.logger.child(describeInteraction(interaction));
    const handlerCtx: CommandContext = { ...ctx, logger };
    const started = performance.now();
    let outcome: InteractionOutcome = 'ok';
    try {
      if (interaction.isChatInputCommand()) {
        const command = slash.get(interaction.commandName);
        if (command === undefined || !isSlashCommand(command)) throw new UserError('command.unknown');
        logger.debug('command');
        await command.execute(interaction, handlerCtx);
      } else if (interaction.isMessageContextMenuCommand()) {
        const command = message.get(interaction.commandName);
        if (command === undefined || !isMessageCommand(command)) throw new UserError('command.unknown');
        logger.debug('message command');
        await command.execute(interaction, handlerCtx);
      } else if (interaction.isAutocomplete()) {
        const command = slash.get(interaction.commandName);
        if (command?.autocomplete === undefined) {
          await interaction.respond([]);
          return;
        }
        await command.autocomplete(interaction, handlerCtx);
      } else if (interaction.isButton()) {
        const owner = interaction.customId.split(':', 1)[0] ?? '';
        const command = slash.get(owner);
        if (command?.button === undefined) throw new UserError('paging.expired');
        await command.button(interaction, handlerCtx);
      } else if (interaction.isCommand() && interaction.commandType === ApplicationCommandType.User) {
        throw new UserError('command.unknown');
      }
    } catch (err) {
      outcome =
        err instanceof UserError ? 'user-error' : err instanceof StoreUnavailableError ? 'store-unavailable' : 'error';
      await handleInteractionError(interaction, err, logger);
    } finally {
      ctx.metrics?.recordInteraction(metricName(interaction), outcome, (performance.now() - started) / 1000);
    }
  };
}

/** The command an interaction belongs to; buttons count under the command that owns them. */
function metricName(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent()) return interaction.customId.split(':', 1)[0] ?? 'unknown';
  return 'unknown';
}
