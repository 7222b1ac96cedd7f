/**
 * /reload — admins only (hidden by default_member_permissions, checked again here): reread the corpus; the new
 * one serves only when whole. Every attempt is logged and kept in the store's audit list.
 */
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { recordReloadAttempt, type ReloadAuditEntry } from '../src/bot/audit.ts';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { toEdit } from '../src/bot/render/message.ts';
import { renderReload } from '../src/bot/render/reload.ts';
import { UserError } from '../src/errors.ts';

const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Admins: reload the corpus from disk (a broken edit keeps the old corpus serving)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .toJSON();

/** Manage Server in this server, or named in BOT_ADMIN_IDS. */
export function isReloadAdmin(interaction: ChatInputCommandInteraction, ctx: CommandContext): boolean {
  return (
    interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true ||
    ctx.config.adminIds.includes(interaction.user.id)
  );
}

async function audit(ctx: CommandContext, entry: ReloadAuditEntry): Promise<void> {
  ctx.logger.info('reload attempt', { ...entry });
  ctx.metrics?.recordReload(entry.outcome, entry.ms === undefined ? null : entry.ms / 1000);
  try {
    await recordReloadAttempt(ctx.store, entry);
  } catch (err) {
    ctx.logger.error('reload attempt not saved to the audit list', { err });
  }
}

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const who = {
    at: new Date().toISOString(),
    userId: interaction.user.id,
    userTag: interaction.user.tag,
    guildId: interaction.guildId,
  };
  if (!isReloadAdmin(interaction, ctx)) {
    await audit(ctx, { ...who, outcome: 'refused-not-admin', hash: ctx.library.state.corpus.hash });
    throw new UserError('reload.not-admin');
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let report;
  try {
    report = await ctx.library.reload();
  } catch (err) {
    await audit(ctx, { ...who, outcome: 'failed', hash: ctx.library.state.corpus.hash });
    throw err;
  }
  await audit(ctx, {
    ...who,
    outcome: report.ok ? 'reloaded' : 'rejected',
    hash: ctx.library.state.corpus.hash,
    ms: report.ms,
    ...(report.ok ? {} : { problems: report.problems.length }),
  });
  await interaction.editReply(toEdit(renderReload(report)));
}

export default { data, execute } satisfies Command;
