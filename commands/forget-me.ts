/** /forget-me — delete the member's stored state (cooldowns, /quote results) and anonymise their audit entries. */
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { forgetMember } from '../src/bot/forget.ts';
import { toEdit } from '../src/bot/render/message.ts';
import { renderForgotten } from '../src/bot/render/privacy.ts';

const data = new SlashCommandBuilder()
  .setName('forget-me')
  .setDescription('Delete what Verbatim has stored about you (cooldowns, /quote results, /reload audit names)')
  .toJSON();

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  // A full scan of the store can take longer than Discord's 3 s for a first answer.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const report = await forgetMember(ctx.store, interaction.user.id);
  ctx.logger.info('member data forgotten', { ...report });
  await interaction.editReply(toEdit(renderForgotten(report)));
}

export default { data, execute } satisfies Command;
