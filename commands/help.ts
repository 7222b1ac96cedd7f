/** /help — what Verbatim does and how to use each command the bot has loaded. */
import { ApplicationCommandType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { renderHelp } from '../src/bot/render/help.ts';
import { toReply } from '../src/bot/render/message.ts';

const data = new SlashCommandBuilder().setName('help').setDescription('What Verbatim does and how to use it').toJSON();

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const entries = [...ctx.commands]
    .sort((a, b) => (a.data.type ?? 1) - (b.data.type ?? 1))
    .map((command) => ({
      name: command.data.name,
      description:
        'description' in command.data && typeof command.data.description === 'string' ? command.data.description : '',
      type: command.data.type ?? ApplicationCommandType.ChatInput,
    }));
  await interaction.reply(toReply(renderHelp(entries), { ephemeral: true }));
}

export default { data, execute } satisfies Command;
