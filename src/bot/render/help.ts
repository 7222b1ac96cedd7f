/**
 * /help: what Verbatim does and how to use each loaded command, so commands added later (e.g. /procon) appear too.
 */
import type { APIEmbed } from 'discord.js';
import { ApplicationCommandType } from 'discord.js';
import { LIMITS, truncate } from './limits.ts';
import type { MessageBody } from './message.ts';

const HELP_COLOUR = 0x3b6ea5;

export interface HelpEntry {
  readonly name: string;
  readonly description: string;
  readonly type: ApplicationCommandType;
}

/** Worked examples for the commands this side ships; other commands show their own description. */
const EXAMPLES: Readonly<Record<string, string>> = {
  quote:
    '`/quote query: abandon zero sum mentality` — the best match, with ◀ ▶ for more and **Card** to cut a debate card.\n`/quote speaker: Wang Yi` — a random passage by him. `private: True` answers only you.',
  cite:
    '`/cite query: abandon the zero-sum mentality tag: China asks the West to drop zero-sum thinking` — a private card: ' +
    'the tag, "ValueWalk 15", the full cite (Qu Xing, quoted in ValueWalk, March 2015 as inferred, the link, no access date) ' +
    'and the paragraph with his words in bold. ＋ before / ＋ after widen it, Post to channel shares it; .md and .html attached. ' +
    '`style: MLA|APA|Chicago`, `span: sentence|paragraph|wide`.',
  sources: '`/sources` — every source with its publication, date, link and passage count.',
  reload: '`/reload` — admins: reread the corpus from disk; a broken edit keeps the old corpus serving.',
  procon:
    '`/procon topic: alliance` — both sides of a debate question from its source, with its bottom line; **Show the evidence** lists every excerpt, verbatim and linked, privately.',
  help: '`/help` — this message.',
  privacy: '`/privacy` — what Verbatim stores about you, for how long, and where.',
  'forget-me': '`/forget-me` — deletes your cooldown and stored /quote results; anonymises your /reload entries.',
  'Find quotes':
    'Right-click (or long-press) a message → Apps → **Find quotes**: finds where its words come from, privately.',
};

export function renderHelp(entries: readonly HelpEntry[]): MessageBody {
  const fields = entries.map((entry) => {
    const isMessage = entry.type === ApplicationCommandType.Message;
    const name = isMessage ? `${entry.name} (message menu)` : `/${entry.name}`;
    return {
      name: truncate(name, LIMITS.fieldName),
      value: truncate(EXAMPLES[entry.name] ?? entry.description, LIMITS.fieldValue),
    };
  });
  const embed: APIEmbed = {
    color: HELP_COLOUR,
    title: 'Verbatim — exact, attributed quotes for debate',
    description:
      'Verbatim searches a curated corpus of articles and answers with the exact sentence, who said it (or whose argument ' +
      'the source reports), where and when it was published, and a link. Half-remembered words and typos are fine. ' +
      'Unknown authors, dates and links are shown as unknown, never guessed.',
    fields: fields.slice(0, LIMITS.embedFields),
    footer: { text: 'Nothing the bot posts can ping anyone.' },
  };
  return { embeds: [embed] };
}
