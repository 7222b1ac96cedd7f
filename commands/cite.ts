/**
 * /cite — a debate card for the best match: tag, short cite, full cite, and the paragraph with the passage in
 * bold; privately, with .md/.html files, "＋ before"/"＋ after" to widen and "Post to channel" to share it.
 */
import {
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { decodeCardButton, cardButtonsFor, loadCard } from '../src/bot/card-state.ts';
import { cardUrl, replyWithCard } from '../src/bot/card-reply.ts';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { cardFiles, renderCard } from '../src/bot/render/card.ts';
import { quoteChoices, sourceChoices } from '../src/bot/render/choices.ts';
import { truncate } from '../src/bot/render/limits.ts';
import { toReply, toUpdate } from '../src/bot/render/message.ts';
import { buildCard, isCardStyle, isSpanName, SPANS } from '../src/cite/card.ts';
import { UserError } from '../src/errors.ts';
import { formatSourceName } from '../src/present.ts';
import { PASSAGE_ID_PREFIX } from '../src/search/engine.ts';

const data = new SlashCommandBuilder()
  .setName('cite')
  .setDescription('Cut a debate card: tag, cite (card, MLA, APA or Chicago) and the passage in bold')
  .addStringOption((o) =>
    o
      .setName('query')
      .setDescription('Words of the passage you want to cite')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(300),
  )
  .addStringOption((o) => o.setName('tag').setDescription('Your claim, shown as the card’s tag').setMaxLength(200))
  .addStringOption((o) =>
    o
      .setName('style')
      .setDescription('How to write the cite (default: debate card)')
      .addChoices(
        { name: 'debate card', value: 'card' },
        { name: 'MLA', value: 'mla' },
        { name: 'APA', value: 'apa' },
        { name: 'Chicago', value: 'chicago' },
      ),
  )
  .addStringOption((o) =>
    o
      .setName('span')
      .setDescription('How much text around the passage (default: its paragraph)')
      .addChoices(
        { name: 'the sentence only', value: 'sentence' },
        { name: 'its paragraph', value: 'paragraph' },
        { name: 'its paragraph ± 1 paragraph', value: 'wide' },
      ),
  )
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('Only this source (title, publication or id)')
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .toJSON();

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const query = interaction.options.getString('query', true).trim();
  const source = interaction.options.getString('source')?.trim() || undefined;
  const style = interaction.options.getString('style') ?? 'card';
  const spanName = interaction.options.getString('span') ?? 'paragraph';
  const index = ctx.library.state.index;
  if (source !== undefined && index.resolveSource(source) === null) {
    const names = index.suggestSources(source, 3).map(formatSourceName);
    throw new UserError('quote.unknown-source', {
      source: truncate(source, 100),
      suggestions: names.length === 0 ? '' : ` Did you mean: ${names.join('; ')}?`,
    });
  }
  const hit = index.search({ text: query, source, limit: 1 })[0];
  if (hit === undefined) {
    const correction = query.startsWith(PASSAGE_ID_PREFIX) ? null : index.suggestCorrection(query);
    throw new UserError('quote.no-match', {
      query: query.startsWith(PASSAGE_ID_PREFIX) ? 'that passage' : truncate(query, 200),
      suggestions: correction ? ` Did you mean “${truncate(correction, 200)}”?` : '',
    });
  }
  await replyWithCard(interaction, ctx, {
    passage: hit.passage,
    source: hit.source,
    tag: interaction.options.getString('tag'),
    style: isCardStyle(style) ? style : 'card',
    span: SPANS[isSpanName(spanName) ? spanName : 'paragraph'],
  });
}

async function button(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const pressed = decodeCardButton(interaction.customId);
  if (pressed === null) throw new UserError('card.expired');
  const state = await loadCard(ctx.store, pressed.stateId);
  if (state === undefined) throw new UserError('card.expired');
  if (interaction.user.id !== state.invokerId) throw new UserError('card.not-yours');
  const hit = ctx.library.state.index.search({ text: `${PASSAGE_ID_PREFIX}${state.passageId}` })[0];
  if (hit === undefined) throw new UserError('card.expired');
  const card = buildCard({
    passage: hit.passage,
    source: hit.source,
    tag: state.tag,
    style: state.style,
    span: pressed.span,
  });
  if (pressed.action === 'post') {
    await interaction.reply({
      ...toReply(renderCard(card, cardUrl(hit.source), null), { ephemeral: false }),
      files: cardFiles(card),
    });
    ctx.logger.info('card posted', { passageId: card.passageId });
    return;
  }
  const buttons = cardButtonsFor(pressed.stateId, card.span);
  await interaction.update({
    ...toUpdate(renderCard(card, cardUrl(hit.source), buttons)),
    files: cardFiles(card),
    attachments: [],
  });
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const index = ctx.library.state.index;
  const typed = String(focused.value).slice(0, 300);
  const choices =
    focused.name === 'source' ? sourceChoices(index.suggestSources(typed)) : quoteChoices(index.suggestQueries(typed));
  await interaction.respond(choices);
}

export default { data, execute, autocomplete, button } satisfies Command;
