/**
 * Answering with a card, shared by /cite and the Card button under every /quote answer: the card is private,
 * with the .md and .html files attached and buttons to widen it or post it to the channel.
 */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { buildCard, type CardStyle, type Span } from '../cite/card.ts';
import type { Passage, Source } from '../corpus/types.ts';
import { StoreUnavailableError } from '../errors.ts';
import { cardButtonsFor, saveCard } from './card-state.ts';
import type { CommandContext } from './command.ts';
import { cardFiles, renderCard } from './render/card.ts';
import { toEdit, toReply } from './render/message.ts';

export interface CardOrder {
  readonly passage: Passage;
  readonly source: Source;
  readonly tag: string | null;
  readonly style: CardStyle;
  readonly span: Span;
}

/** The link a card's title points to: only a verified one. */
export function cardUrl(source: Source): string | null {
  return source.url !== null && source.urlVerified ? source.url : null;
}

/** Reply privately with a new card for `order`, its state saved so that its buttons work for 15 minutes. */
export async function replyWithCard(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  ctx: CommandContext,
  order: CardOrder,
): Promise<void> {
  // A bibliography style's first use builds its citeproc engine (up to a second or so): answer "thinking" first.
  const deferred = order.style !== 'card';
  if (deferred) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const card = buildCard(order);
  let buttons: ReturnType<typeof cardButtonsFor> | null = null;
  try {
    const stateId = await saveCard(ctx.store, {
      invokerId: interaction.user.id,
      passageId: order.passage.id,
      tag: card.tag,
      style: card.style,
    });
    buttons = cardButtonsFor(stateId, card.span);
  } catch (err) {
    // Without stored state the card still answers, with its files, but cannot be widened or posted.
    if (!(err instanceof StoreUnavailableError)) throw err;
    ctx.logger.warn('card without buttons: store unavailable', { err });
  }
  const body = renderCard(card, cardUrl(order.source), buttons);
  if (deferred) await interaction.editReply({ ...toEdit(body), files: cardFiles(card) });
  else await interaction.reply({ ...toReply(body, { ephemeral: true }), files: cardFiles(card) });
  ctx.logger.info('card answered', { passageId: order.passage.id, style: card.style });
}
