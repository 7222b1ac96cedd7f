/**
 * The plain JSON a renderer produces, and the adapters that turn it into discord.js reply options with
 * `allowed_mentions: { parse: [] }` always set — corpus text and user input must never ping anyone.
 */
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  InteractionUpdateOptions,
} from 'discord.js';
import { MessageFlags } from 'discord.js';
import { clampEmbeds, LIMITS, truncate } from './limits.ts';

export interface MessageBody {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIButtonComponent>[];
}

/** Mentions are never parsed from text; nobody is pinged by anything the bot sends. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [] });

function common(body: MessageBody) {
  return {
    ...(body.content !== undefined ? { content: truncate(body.content, LIMITS.content) } : {}),
    embeds: clampEmbeds(body.embeds),
    components: [...(body.components ?? [])],
    allowedMentions: { parse: [] },
  };
}

/** Options for `interaction.reply` / `followUp`; `ephemeral` answers only the invoker. */
export function toReply(body: MessageBody, options: { ephemeral: boolean }): InteractionReplyOptions {
  return { ...common(body), ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** Options for `interaction.editReply` (the ephemeral flag was fixed when the reply was deferred). */
export function toEdit(body: MessageBody): InteractionEditReplyOptions {
  return common(body);
}

/** Options for `interaction.update` (a button rewriting the message it is on). */
export function toUpdate(body: MessageBody): InteractionUpdateOptions {
  return common(body);
}

/** A short private text answer, used by the error path. */
export function textBody(text: string): MessageBody {
  return { content: truncate(text, LIMITS.content), embeds: [] };
}
