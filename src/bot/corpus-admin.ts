/**
 * Who may change the corpus. It is shared by every server the bot is in, so only the home servers'
 * admins (Manage Server in a CORPUS_GUILD_IDS server) may reload or edit it, and BOT_ADMIN_IDS anywhere.
 * Used by /reload and /source at run time, on top of their default_member_permissions.
 */
import { PermissionFlagsBits, type Interaction } from 'discord.js';
import type { Config } from '../config.ts';
import { UserError } from '../errors.ts';

export type CorpusAdminCheck = 'allowed' | 'not-home' | 'not-admin';

export function checkCorpusAdmin(
  interaction: Pick<Interaction, 'guildId' | 'memberPermissions' | 'user'>,
  config: Pick<Config, 'adminIds' | 'corpusGuildIds'>,
): CorpusAdminCheck {
  if (config.adminIds.includes(interaction.user.id)) return 'allowed';
  if (interaction.guildId === null || !config.corpusGuildIds.includes(interaction.guildId)) return 'not-home';
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true ? 'allowed' : 'not-admin';
}

/** The UserError for a refused check. */
export function corpusAdminRefusal(check: Exclude<CorpusAdminCheck, 'allowed'>): UserError {
  return new UserError(check === 'not-home' ? 'corpus.not-home' : 'reload.not-admin');
}
