/**
 * /source — corpus admins only (Manage Server in a home server, or BOT_ADMIN_IDS; hidden by
 * default_member_permissions and checked again here):
 *   add url:|attachment: [id:]  fetch and extract an article, answer privately with a preview, Add / Cancel;
 *   remove id:                  move the file into corpus/.removed/ and reload;
 *   restore id:                 move it back and reload.
 * Every change is kept in the reload audit with who and when.
 */
import { randomBytes } from 'node:crypto';
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { auditCorpusChange, type ReloadAuditEntry } from '../src/bot/audit.ts';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { checkCorpusAdmin, corpusAdminRefusal } from '../src/bot/corpus-admin.ts';
import { toEdit } from '../src/bot/render/message.ts';
import { renderReload } from '../src/bot/render/reload.ts';
import { PREVIEW_TTL_MS, renderCancelled, renderSourcePreview } from '../src/bot/render/source.ts';
import { userTextFor } from '../src/bot/respond.ts';
import { UserError } from '../src/errors.ts';
import { FETCH_LIMITS, tooLarge } from '../src/import/fetch.ts';
import { commitImport, prepareImport, removeSource, restoreSource, type ImportInput } from '../src/import/import.ts';

interface PendingImport {
  readonly userId: string;
  readonly file: string;
  readonly text: string;
  readonly draftId: string;
  readonly title: string;
  readonly from: string;
}

const pendingKey = (token: string) => `source:pending:${token}`;

const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('Admins: add an article to the corpus from a link or a file, or remove one')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('add')
      .setDescription('Preview an article from a link or a file, then add it')
      .addStringOption((o) => o.setName('url').setDescription('Link to the article (https://…)').setMaxLength(2000))
      .addAttachmentOption((o) => o.setName('attachment').setDescription('An .html, .txt, .md or .docx file'))
      .addStringOption((o) =>
        o.setName('id').setDescription('Slug to use instead of publication-year-headline').setMaxLength(64),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('remove')
      .setDescription('Move a source out of the corpus (kept in corpus/.removed/) and reload')
      .addStringOption((o) => o.setName('id').setDescription('The source id, as /sources lists it').setRequired(true)),
  )
  .addSubcommand((sub) =>
    sub
      .setName('restore')
      .setDescription('Move a removed source back into the corpus and reload')
      .addStringOption((o) => o.setName('id').setDescription('The id of the removed source').setRequired(true)),
  )
  .toJSON();

function whoOf(interaction: ChatInputCommandInteraction | ButtonInteraction) {
  return {
    at: new Date().toISOString(),
    userId: interaction.user.id,
    userTag: interaction.user.tag,
    guildId: interaction.guildId,
  };
}

/** Refuses (and audits) anyone who may not change the corpus here. */
async function guard(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  ctx: CommandContext,
  action: NonNullable<ReloadAuditEntry['action']>,
): Promise<void> {
  const check = checkCorpusAdmin(interaction, ctx.config);
  if (check === 'allowed') return;
  await auditCorpusChange(ctx, {
    ...whoOf(interaction),
    action,
    outcome: `refused-${check}`,
    hash: ctx.library.state.corpus.hash,
  });
  throw corpusAdminRefusal(check);
}

function inputOf(interaction: ChatInputCommandInteraction): { input: ImportInput; from: string } {
  const url = interaction.options.getString('url');
  const attachment = interaction.options.getAttachment('attachment');
  if ((url === null) === (attachment === null)) throw new UserError('import.no-input');
  if (url !== null) return { input: { kind: 'url', url }, from: url };
  const file = attachment!;
  if (file.size > FETCH_LIMITS.maxBytes) {
    throw tooLarge();
  }
  return { input: { kind: 'remote-file', name: file.name, url: file.url }, from: `attachment ${file.name}` };
}

async function add(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const { input, from } = inputOf(interaction);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const prepared = await prepareImport(input, {
    corpusDir: ctx.library.root,
    id: interaction.options.getString('id'),
    fetch: { allowLoopback: ctx.config.importAllowLoopback },
  });
  const token = randomBytes(8).toString('hex');
  const pending: PendingImport = {
    userId: interaction.user.id,
    file: prepared.file,
    text: prepared.text,
    draftId: prepared.draft.id,
    title: prepared.draft.title,
    from,
  };
  await ctx.store.set(pendingKey(token), pending, PREVIEW_TTL_MS);
  await interaction.editReply(toEdit(renderSourcePreview(prepared.preview, token)));
}

/** Moves a source out of (or back into) the corpus, reloads, audits, and answers with the reload report. */
async function move(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  action: 'source-remove' | 'source-restore',
): Promise<void> {
  const id = interaction.options.getString('id', true).trim();
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const moved =
    action === 'source-remove' ? await removeSource(ctx.library.root, id) : await restoreSource(ctx.library.root, id);
  const report = await ctx.library.reload();
  await auditCorpusChange(ctx, {
    ...whoOf(interaction),
    action,
    sourceId: id,
    outcome: report.ok ? 'reloaded' : 'rejected',
    hash: ctx.library.state.corpus.hash,
    ms: report.ms,
  });
  const done =
    action === 'source-remove'
      ? `Removed \`${id}\`: the file is now \`${moved}\`. \`/source restore id:${id}\` moves it back.`
      : `Restored \`${id}\` to \`${moved}\`.`;
  await interaction.editReply(toEdit({ ...renderReload(report), content: done }));
}

async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const sub = interaction.options.getSubcommand(true);
  const action = sub === 'add' ? 'source-add' : sub === 'remove' ? 'source-remove' : 'source-restore';
  await guard(interaction, ctx, action);
  if (action === 'source-add') await add(interaction, ctx);
  else await move(interaction, ctx, action);
}

async function button(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const [, choice, token = ''] = interaction.customId.split(':');
  await guard(interaction, ctx, 'source-add');
  const pending = await ctx.store.get<PendingImport>(pendingKey(token));
  if (pending === undefined) throw new UserError('source.expired');
  await ctx.store.delete(pendingKey(token));
  if (choice !== 'add') {
    await interaction.update(toEdit(renderCancelled(pending.title)));
    return;
  }
  await interaction.deferUpdate();
  const who = { ...whoOf(interaction), action: 'source-add' as const, sourceId: pending.draftId, from: pending.from };
  try {
    await commitImport(ctx.library.root, { file: pending.file, text: pending.text, draft: { id: pending.draftId } });
  } catch (err) {
    // The preview is replaced by the reason, so its buttons cannot be pressed again.
    await auditCorpusChange(ctx, { ...who, outcome: 'refused', hash: ctx.library.state.corpus.hash });
    if (!(err instanceof UserError)) throw err;
    await interaction.editReply(toEdit({ content: userTextFor(err), embeds: [], components: [] }));
    return;
  }
  const report = await ctx.library.reload();
  await auditCorpusChange(ctx, {
    ...who,
    outcome: report.ok ? 'reloaded' : 'rejected',
    hash: ctx.library.state.corpus.hash,
    ms: report.ms,
  });
  await interaction.editReply(
    toEdit({ ...renderReload(report), content: `Added \`${pending.draftId}\` (\`${pending.file}\`).`, components: [] }),
  );
}

export default { data, execute, button } satisfies Command;
