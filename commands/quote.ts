/**
 * /quote — the best match for half-remembered words, with who said it, where, when and the link;
 * ◀ ▶ page through further matches (invoker only) and Context shows the paragraph privately.
 */
import {
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { releaseCooldown, takeCooldown } from '../src/bot/cooldown.ts';
import { buttonsFor, decodeQuoteButton, loadPaging, MAX_PAGES, savePaging } from '../src/bot/paging.ts';
import { quoteChoices, sourceChoices, speakerChoices, type Choice } from '../src/bot/render/choices.ts';
import { truncate } from '../src/bot/render/limits.ts';
import { toEdit, toReply, toUpdate } from '../src/bot/render/message.ts';
import { renderContext, renderQuote } from '../src/bot/render/quote.ts';
import { StoreUnavailableError, UserError } from '../src/errors.ts';
import { formatSourceName, formatSpeakerName } from '../src/present.ts';
import { PASSAGE_ID_PREFIX, type QuoteHit } from '../src/search/engine.ts';
import { findSilentSpeaker } from '../src/search/silent-speaker.ts';

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

/** Time spent waiting on the store after which /quote defers its reply (Discord allows 3 s for the first answer). */
const DEFER_AFTER_MS = 1200;

function suggestionText(names: readonly string[]): string {
  return names.length === 0 ? '' : ` Did you mean: ${names.slice(0, 3).join('; ')}?`;
}

/** Where the filters point nowhere, say so with the closest names instead of an empty answer. */
function checkFilters(ctx: CommandContext, source: string | undefined, speaker: string | undefined): void {
  const index = ctx.library.state.index;
  if (source !== undefined && index.resolveSource(source) === null) {
    throw new UserError('quote.unknown-source', {
      source: truncate(source, 100),
      suggestions: suggestionText(index.suggestSources(source, 3).map(formatSourceName)),
    });
  }
  if (speaker !== undefined && index.resolveSpeaker(speaker) === null) {
    throw new UserError('quote.unknown-speaker', {
      speaker: truncate(speaker, 100),
      suggestions: suggestionText(index.suggestSpeakers(speaker, 3).map(formatSpeakerName)),
    });
  }
}

/** A filtered miss because the speaker never speaks is said as such, not as "no passage matches". */
function checkSilentSpeaker(ctx: CommandContext, speaker: string | undefined): void {
  const silent = speaker === undefined ? null : findSilentSpeaker(ctx.library.state.index, speaker);
  if (silent) throw new UserError('quote.speaker-silent', { speaker: silent.name });
}

function findHits(
  ctx: CommandContext,
  query: string,
  source: string | undefined,
  speaker: string | undefined,
): { hits: QuoteHit[]; note?: string } {
  const index = ctx.library.state.index;
  if (query === '') {
    const hit = index.random({ source, speaker });
    if (hit === null) {
      if (ctx.library.state.corpus.passages.length === 0) throw new UserError('quote.empty-corpus');
      checkSilentSpeaker(ctx, speaker);
      throw new UserError('quote.no-match', { query: 'a random quote with these filters', suggestions: '' });
    }
    return { hits: [hit], note: 'random pick' };
  }
  const hits = index.search({ text: query, source, speaker, limit: MAX_PAGES });
  if (hits.length > 0) return { hits };
  checkSilentSpeaker(ctx, speaker);
  const shown = query.startsWith(PASSAGE_ID_PREFIX) ? 'that passage' : truncate(query, 200);
  const correction = query.startsWith(PASSAGE_ID_PREFIX) ? null : index.suggestCorrection(query);
  let suggestions = correction ? ` Did you mean “${truncate(correction, 200)}”?` : '';
  if (source !== undefined || speaker !== undefined) {
    const unfiltered = index.search({ text: query, limit: MAX_PAGES }).length;
    if (unfiltered > 0)
      suggestions += ` Without the source/speaker filter there ${unfiltered === 1 ? 'is 1 match' : `are ${unfiltered} matches`}.`;
  }
  throw new UserError('quote.no-match', { query: shown, suggestions });
}

/** Look a passage up in the live corpus by id; null when a reload removed it. */
function hitById(ctx: CommandContext, passageId: string): QuoteHit | null {
  return ctx.library.state.index.search({ text: `${PASSAGE_ID_PREFIX}${passageId}` })[0] ?? null;
}

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

  // Up to three store calls come before the answer; a slow store that still answers (each call under
  // STORE_TIMEOUT_MS) could add up past Discord's 3-second deadline, so past a budget the reply is deferred.
  const started = Date.now();
  let deferred = false;
  const keepDeadline = async (): Promise<void> => {
    if (deferred || Date.now() - started < DEFER_AFTER_MS) return;
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    deferred = true;
  };

  let wait = 0;
  let cooling = false;
  try {
    wait = await takeCooldown(ctx.store, 'quote', interaction.user.id, ctx.config.quoteCooldownSeconds);
    cooling = wait === 0 && ctx.config.quoteCooldownSeconds > 0;
  } catch (err) {
    // A cooldown is a courtesy; a store outage should not stop quotes.
    if (!(err instanceof StoreUnavailableError)) throw err;
    ctx.logger.warn('cooldown skipped: store unavailable', { err });
  }
  await keepDeadline();
  if (wait > 0) throw new UserError('quote.cooldown', { seconds: wait });

  let found: { hits: QuoteHit[]; note?: string };
  try {
    checkFilters(ctx, source, speaker);
    found = findHits(ctx, query, source, speaker);
  } catch (err) {
    // The cooldown is taken up front (so two quick calls cannot both pass) and handed back when nothing was
    // found: a typo should cost a retry, not the wait.
    if (cooling && err instanceof UserError) await refundCooldown(ctx, interaction.user.id);
    throw err;
  }
  const { hits, note } = found;

  let buttons: ReturnType<typeof buttonsFor> | null = null;
  try {
    const stateId = await savePaging(ctx.store, {
      invokerId: interaction.user.id,
      passageIds: hits.map((h) => h.passage.id),
      query,
      ...(note !== undefined ? { note } : {}),
    });
    buttons = buttonsFor(stateId, 0);
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    ctx.logger.warn('answering without buttons: store unavailable', { err });
  }
  await keepDeadline();
  const page = { hit: hits[0]!, index: 0, total: hits.length, buttons, ...(note !== undefined ? { note } : {}) };
  if (deferred) await interaction.editReply(toEdit(renderQuote(page)));
  else await interaction.reply(toReply(renderQuote(page), { ephemeral }));
  ctx.logger.info('quote answered', { matches: hits.length, passageId: page.hit.passage.id, random: query === '' });
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
