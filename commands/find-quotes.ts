/**
 * "Find quotes" (message context menu) — search the corpus with a message's text and answer privately with
 * the best matches: the debater's "source?".
 */
import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, CommandContext } from '../src/bot/command.ts';
import { FIND_RESULTS, renderFindResults } from '../src/bot/render/find.ts';
import { toReply } from '../src/bot/render/message.ts';
import { UserError } from '../src/errors.ts';

const data = new ContextMenuCommandBuilder()
  .setName('Find quotes')
  .setType(ApplicationCommandType.Message)
  .toJSON() as RESTPostAPIContextMenuApplicationCommandsJSONBody & {
  type: ApplicationCommandType.Message;
};

/** Long messages are searched by their opening; the search ranks a sentence, not an essay. */
const MAX_SEARCH_CHARS = 600;

/** The words to search for: the message text, else the text of its embeds (e.g. a quote another bot posted). */
export function searchableText(message: MessageContextMenuCommandInteraction['targetMessage']): string {
  const parts = [message.content, ...message.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])];
  const text = message.content.trim() !== '' ? message.content : parts.join('\n');
  return text
    .replace(/<a?:\w+:\d+>|<[@#][!&]?\d+>|https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_SEARCH_CHARS);
}

async function execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void> {
  const text = searchableText(interaction.targetMessage);
  if (text === '') throw new UserError('find.empty-message');
  const hits = ctx.library.state.index.search({ text, limit: FIND_RESULTS });
  if (hits.length === 0) throw new UserError('find.no-match');
  await interaction.reply(toReply(renderFindResults(hits, text), { ephemeral: true }));
  ctx.logger.info('find quotes answered', { matches: hits.length });
}

export default { data, execute } satisfies Command;
