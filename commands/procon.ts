/**
 * /procon — both sides of a question from its source: the Pro and Con claims, the source's bottom line, where
 * the other sources stand, and the source's link. "Show the evidence" answers privately with every point's
 * verbatim excerpts, attributed and linked. An unknown topic gets the list of topics.
 */
import {
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { topicChoices } from '../src/bot/render/choices.ts';
import { toReply, toUpdate } from '../src/bot/render/message.ts';
import {
  parseProconCustomId,
  renderEvidenceMessages,
  renderTopicPage,
  renderUnknownTopicEmbed,
} from '../src/bot/render/procon.ts';
import { findTopic, suggestTopics } from '../src/procon/suggest.ts';
import { UserError } from '../src/errors.ts';

const data = new SlashCommandBuilder()
  .setName('procon')
  .setDescription('Both sides of a debate question from its source, with the bottom line and the evidence')
  .addStringOption((o) =>
    o
      .setName('topic')
      .setDescription('The question, e.g. alliance')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .toJSON();

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const typed = interaction.options.getString('topic', true);
  const found = findTopic(ctx.library.state.topics, typed);
  if (!found.ok) {
    await interaction.reply(toReply(renderUnknownTopicEmbed(typed, found.topics), { ephemeral: true }));
    return;
  }
  await interaction.reply(toReply(renderTopicPage(found.topic, 0), { ephemeral: false }));
  ctx.logger.info('procon answered', { topic: found.topic.id });
}

async function button(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const pressed = parseProconCustomId(interaction.customId);
  if (pressed === null) throw new UserError('procon.bad-button');
  const found = findTopic(ctx.library.state.topics, pressed.topicId);
  if (!found.ok) {
    // The topic was removed or renamed by a reload since the message was sent.
    await interaction.reply(toReply(renderUnknownTopicEmbed(pressed.topicId, found.topics), { ephemeral: true }));
    return;
  }
  if (pressed.kind === 'evidence') {
    const [first, ...rest] = renderEvidenceMessages(found.topic);
    if (!first) return;
    await interaction.reply(toReply(first, { ephemeral: true }));
    for (const message of rest) await interaction.followUp(toReply(message, { ephemeral: true }));
    return;
  }
  const page = renderTopicPage(found.topic, pressed.page);
  const invoker = interaction.message.interactionMetadata?.user.id;
  // Paging rewrites a public message: only its invoker may; anyone else gets the page privately.
  if (invoker === undefined || invoker === interaction.user.id) await interaction.update(toUpdate(page));
  else await interaction.reply(toReply(page, { ephemeral: true }));
}

async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).slice(0, 100);
  await interaction.respond(topicChoices(suggestTopics(ctx.library.state.topics, typed)));
}

export default { data, execute, autocomplete, button } satisfies Command;
