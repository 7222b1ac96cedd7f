/**
 * /reload — corpus admins only (hidden by default_member_permissions, checked again here: Manage Server in a home
 * server, or BOT_ADMIN_IDS): reread the corpus; the new one serves only when whole. Every attempt is logged and
 * kept in the store's audit list.
 */
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { auditCorpusChange as audit } from '../src/bot/audit.ts';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { checkCorpusAdmin, corpusAdminRefusal } from '../src/bot/corpus-admin.ts';
import { toEdit } from '../src/bot/render/message.ts';
import { renderClusterReload } from '../src/bot/render/reload.ts';
import { createLocalCluster } from '../src/cluster/reload.ts';

const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Admins: reload the corpus from disk (a broken edit keeps the old corpus serving)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .toJSON();

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const who = {
    at: new Date().toISOString(),
    userId: interaction.user.id,
    userTag: interaction.user.tag,
    guildId: interaction.guildId,
  };
  const check = checkCorpusAdmin(interaction, ctx.config);
  if (check !== 'allowed') {
    await audit(ctx, { ...who, outcome: `refused-${check}`, hash: ctx.library.state.corpus.hash });
    throw corpusAdminRefusal(check);
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let result;
  try {
    result = await (ctx.cluster ?? createLocalCluster(ctx.library)).reload();
  } catch (err) {
    await audit(ctx, { ...who, outcome: 'failed', hash: ctx.library.state.corpus.hash });
    throw err;
  }
  const report = result.local;
  await audit(ctx, {
    ...who,
    outcome: report.ok ? 'reloaded' : 'rejected',
    hash: ctx.library.state.corpus.hash,
    ms: report.ms,
    ...(report.ok ? {} : { problems: report.problems.length }),
  });
  await interaction.editReply(toEdit(renderClusterReload(result)));
}

export default { data, execute } satisfies Command;
