/**
 * Discord allows 3 s for a command's first answer. A command that waits on the store before answering keeps
 * a budget: past it, the reply is deferred (Discord shows "thinking…") and the answer edits it in later.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { toEdit, toReply, type MessageBody } from './render/message.ts';

/** Time spent before answering after which the reply is deferred: well inside 3 s, with room for one more call. */
export const DEFER_AFTER_MS = 1200;

/** Tracks one interaction's time to its first answer, and answers the right way once deferred. */
export class DeferBudget {
  private readonly started = Date.now();
  private deferred = false;

  constructor(
    private readonly interaction: ChatInputCommandInteraction,
    private readonly ephemeral: boolean,
    private readonly afterMs: number = DEFER_AFTER_MS,
  ) {}

  /** Defers the reply if the budget is spent; call after each slow step. */
  async keepDeadline(): Promise<void> {
    if (this.deferred || Date.now() - this.started < this.afterMs) return;
    await this.interaction.deferReply(this.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    this.deferred = true;
  }

  /** Sends the answer: a reply, or an edit of the deferred reply. */
  async answer(body: MessageBody): Promise<void> {
    if (this.deferred) await this.interaction.editReply(toEdit(body));
    else await this.interaction.reply(toReply(body, { ephemeral: this.ephemeral }));
  }
}
