/**
 * The one error path. Expected failures (UserError) are explained; anything else is logged with context and
 * gets a generic apology. The answer is always private and uses whichever call the interaction's state allows:
 * reply when nothing was sent, editReply after a private deferral, followUp after a reply.
 * Nothing here throws: a failing Discord call (expired token, 500) is logged and swallowed.
 */
import type { Interaction, RepliableInteraction } from 'discord.js';
import { StoreUnavailableError, UserError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { describeError, UNEXPECTED_ERROR_MESSAGE } from '../messages.ts';
import { escapeMarkdown } from './render/markdown.ts';
import { textBody, toEdit, toReply } from './render/message.ts';

/** Context fields that identify an interaction in logs (never its token). */
export function describeInteraction(interaction: Interaction): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    interactionId: interaction.id,
    type: interaction.type,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
  if (interaction.isCommand() || interaction.isAutocomplete()) fields.command = interaction.commandName;
  if (interaction.isMessageComponent()) fields.customId = interaction.customId;
  return fields;
}

/** The words a user reads for `err`; user-supplied details are escaped so they render literally. */
export function userTextFor(err: unknown): string {
  if (err instanceof UserError) {
    const details: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(err.details))
      details[key] = typeof value === 'string' ? escapeMarkdown(value) : value;
    return describeError({ id: err.id, details });
  }
  if (err instanceof StoreUnavailableError) return describeError({ id: 'store.unavailable', details: {} });
  return UNEXPECTED_ERROR_MESSAGE;
}

/** Send `text` privately, choosing reply / editReply / followUp from the interaction's state. */
export async function answerPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const body = textBody(text);
  if (interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral === true) {
      await interaction.editReply(toEdit(body));
      return;
    }
    // A public "thinking…" must not turn into a public error: remove it and answer privately instead.
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(toReply(body, { ephemeral: true }));
    return;
  }
  if (interaction.replied) {
    await interaction.followUp(toReply(body, { ephemeral: true }));
    return;
  }
  await interaction.reply(toReply(body, { ephemeral: true }));
}

/** Handle any error thrown while serving `interaction`. Never throws. */
export async function handleInteractionError(interaction: Interaction, err: unknown, logger: Logger): Promise<void> {
  const context = describeInteraction(interaction);
  if (err instanceof UserError) {
    logger.info('user error', { ...context, errorId: err.id });
  } else if (err instanceof StoreUnavailableError) {
    logger.error('store unavailable while serving an interaction', { ...context, err });
  } else {
    logger.error('unexpected error while serving an interaction', { ...context, err });
  }
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    await answerPrivately(interaction, userTextFor(err));
  } catch (sendError) {
    logger.warn('could not tell the user about an error', { ...context, err: sendError });
  }
}
