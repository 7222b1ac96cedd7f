/**
 * /quote — the best match for half-remembered words, with who said it, where, when and the link;
 * ◀ ▶ page through further matches (invoker only), Context shows the paragraph privately and Card cuts a debate card.
 */
import {
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { replyWithCard } from '../src/bot/card-reply.ts';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { releaseCooldown, takeCooldown } from '../src/bot/cooldown.ts';
import { replyDeadline, type DeadlineGuard } from '../src/bot/deadline.ts';
import { buttonsFor, decodeQuoteButton, loadPaging, MAX_PAGES, savePaging } from '../src/bot/paging.ts';
import { quoteChoices, sourceChoices, speakerChoices, type Choice } from '../src/bot/render/choices.ts';
import { toReply, toUpdate } from '../src/bot/render/message.ts';
import { renderContext, renderQuote } from '../src/bot/render/quote.ts';
import { SPANS } from '../src/cite/card.ts';
import { StoreUnavailableError, UserError } from '../src/errors.ts';
import { quoteMissError } from '../src/messages.ts';
import { PASSAGE_ID_PREFIX, type QuoteHit } from '../src/search/engine.ts';
import { findQuotes } from '../src/search/find.ts';

const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Find an exact, attributed quote in the corpus (typos and half-remembered words are fine)')
  .addStringOption((o) =>
    o
      .setName('query')
      .setDescription('Words you remember; leave empty for a random quote')
      .setAutocomplete(true)
      .setMaxLength(300),
  )
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('Only this source (title, publication or id)')
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .addStringOption((o) =>
    o.setName('speaker').setDescription('Only this speaker (name or alias)').setAutocomplete(true).setMaxLength(100),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Show the answer only to you'))
  .toJSON();

/** Look a passage up in the live corpus by id; null when a reload removed it. */
function hitById(ctx: CommandContext, passageId: string): QuoteHit | null {
  return ctx.library.state.index.search({ text: `${PASSAGE_ID_PREFIX}${passageId}` })[0] ?? null;
}

/** Hands back the cooldown a call took; a store outage keeps it (the wait then stands, nothing breaks). */
async function refundCooldown(ctx: CommandContext, userId: string): Promise<void> {
  try {
    await releaseCooldown(ctx.store, 'quote', userId);
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    ctx.logger.warn('cooldown kept: store unavailable', { err });
  }
}

function optional(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const query = interaction.options.getString('query')?.trim() ?? '';
  const source = optional(interaction.options.getString('source'));
  const speaker = optional(interaction.options.getString('speaker'));
  const ephemeral = interaction.options.getBoolean('private') ?? false;

  // Up to three store calls come before the answer, each allowed STORE_TIMEOUT_MS (up to 2.5 s): whichever
  // is still waiting when the budget runs out defers the reply, so Discord's 3-second deadline always holds.
  const deadline = replyDeadline(interaction, ephemeral);
  let wait = 0;
  let cooling = false;
  try {
    wait = await deadline.within(
      takeCooldown(ctx.store, 'quote', interaction.user.id, ctx.config.quoteCooldownSeconds),
    );
    cooling = wait === 0 && ctx.config.quoteCooldownSeconds > 0;
  } catch (err) {
    // A cooldown is a courtesy; a store outage should not stop quotes.
    if (!(err instanceof StoreUnavailableError)) throw err;
    ctx.logger.warn('cooldown skipped: store unavailable', { err });
  }
  if (wait > 0) throw new UserError('quote.cooldown', { seconds: wait });

  await deadline.deferIfLate();
  const outcome = findQuotes(ctx.library.state.index, { text: query, source, speaker, limit: MAX_PAGES });
  if (!outcome.ok) {
    // The cooldown is taken up front (so two quick calls cannot both pass) and handed back on any miss:
    // a typo or a filter that finds nothing should cost a retry, not the wait.
    if (cooling) await deadline.within(refundCooldown(ctx, interaction.user.id));
    const { id, details } = quoteMissError(outcome.miss);
    throw new UserError(id, details);
  }
  const { hits } = outcome;
  const note = outcome.random ? 'random pick' : undefined;
  const buttons = await savePagingOrSkip(ctx, deadline, interaction.user.id, hits, query, note);
  const page = { hit: hits[0]!, index: 0, total: hits.length, buttons, ...(note !== undefined ? { note } : {}) };
  await deadline.answer(renderQuote(page));
  ctx.logger.info('quote answered', { matches: hits.length, passageId: page.hit.passage.id, random: query === '' });
}

/** Saves the paging state for the buttons; without a store the answer simply has no buttons. */
async function savePagingOrSkip(
  ctx: CommandContext,
  deadline: DeadlineGuard,
  invokerId: string,
  hits: readonly QuoteHit[],
  query: string,
  note: string | undefined,
): Promise<ReturnType<typeof buttonsFor> | null> {
  try {
    const passageIds = hits.map((h) => h.passage.id);
    const stateId = await deadline.within(
      savePaging(ctx.store, { invokerId, passageIds, query, ...(note !== undefined ? { note } : {}) }),
    );
    return buttonsFor(stateId, 0);
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    ctx.logger.warn('answering without buttons: store unavailable', { err });
    return null;
  }
}

async function button(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const pressed = decodeQuoteButton(interaction.customId);
  if (pressed === null) throw new UserError('paging.expired');
  const state = await loadPaging(ctx.store, pressed.stateId);
  if (state === undefined) throw new UserError('paging.expired');
  const index = Math.min(Math.max(0, pressed.index), state.passageIds.length - 1);
  const passageId = state.passageIds[index];
  const hit = passageId === undefined ? null : hitById(ctx, passageId);

  if (pressed.action === 'ctx') {
    if (hit === null) throw new UserError('paging.passage-gone');
    await interaction.reply(toReply(renderContext(hit), { ephemeral: true }));
    return;
  }
  if (pressed.action === 'card') {
    // Anyone may cut a card from a shown quote; the card is theirs, private, and only they can widen or post it.
    if (hit === null) throw new UserError('paging.passage-gone');
    await replyWithCard(interaction, ctx, { ...hit, tag: null, style: 'card', span: SPANS.paragraph });
    return;
  }
  if (interaction.user.id !== state.invokerId) throw new UserError('paging.not-yours');
  if (hit === null) throw new UserError('paging.passage-gone');
  const page = {
    hit,
    index,
    total: state.passageIds.length,
    buttons: buttonsFor(pressed.stateId, index),
    ...(state.note !== undefined ? { note: state.note } : {}),
  };
  await interaction.update(toUpdate(renderQuote(page)));
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const index = ctx.library.state.index;
  const typed = String(focused.value).slice(0, 300);
  let choices: Choice[];
  if (focused.name === 'source') choices = sourceChoices(index.suggestSources(typed));
  else if (focused.name === 'speaker') choices = speakerChoices(index.suggestSpeakers(typed));
  else choices = quoteChoices(index.suggestQueries(typed));
  await interaction.respond(choices);
}

export default { data, execute, autocomplete, button } satisfies Command;
