/** /sources — every source in the corpus with publication, date, link and passage count, privately. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { toReply } from '../src/bot/render/message.ts';
import { renderSources } from '../src/bot/render/sources.ts';

const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('List every source in the corpus with its publication, date, link and passage count')
  .toJSON();

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await interaction.reply(toReply(renderSources(ctx.library.state.corpus), { ephemeral: true }));
}

export default { data, execute } satisfies Command;
