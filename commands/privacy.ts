/** /privacy — what the bot stores about a member, for how long, and where. Private. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { toReply } from '../src/bot/render/message.ts';
import { renderPrivacy } from '../src/bot/render/privacy.ts';

const data = new SlashCommandBuilder()
  .setName('privacy')
  .setDescription('What Verbatim stores about you, for how long, and where')
  .toJSON();

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const facts = { storeKind: ctx.store.kind, cooldownSeconds: ctx.config.quoteCooldownSeconds };
  await interaction.reply(toReply(renderPrivacy(facts), { ephemeral: true }));
}

export default { data, execute } satisfies Command;
