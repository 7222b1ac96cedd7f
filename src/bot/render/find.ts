/**
 * "Find quotes": the best matches for a message's text, each with voice, source and link — the debater's "source?".
 */
import type { APIEmbed } from 'discord.js';
import { formatBylineAndKind } from '../../present.ts';
import type { QuoteHit } from '../../search/engine.ts';
import { isHttpUrl, LIMITS, truncate } from './limits.ts';
import { escapeMarkdown, maskedLink, neutraliseMentions } from './markdown.ts';
import type { MessageBody } from './message.ts';
import { formatLinkNote, formatVoice, formatWhere } from '../../present.ts';
import { blockquote } from './quote.ts';

const FIND_COLOUR = 0x7a5ea8;
/** Enough to be useful in a private answer without a wall of text. */
export const FIND_RESULTS = 5;

export function renderFindResults(hits: readonly QuoteHit[], searched: string): MessageBody {
  const fields = hits.slice(0, FIND_RESULTS).map((hit, i) => {
    const url = hit.source.url !== null && isHttpUrl(hit.source.url) ? hit.source.url : null;
    const note = formatLinkNote({ url, urlVerified: hit.source.urlVerified });
    const linked = url === null ? null : maskedLink('source', url);
    const link = `\n${linked === null ? note : note ? `${linked} (${note})` : linked}`;
    const where = escapeMarkdown(`${formatWhere(hit.source)} · ${formatBylineAndKind(hit.source)}`);
    const quote = blockquote(escapeMarkdown(hit.passage.text));
    const tail = `\n— ${where}${link}`;
    return {
      name: truncate(`${i + 1}. ${formatVoice(hit.passage.voice)}`, LIMITS.fieldName),
      value: `${truncate(quote, Math.max(40, LIMITS.fieldValue - tail.length))}${truncate(tail, LIMITS.fieldValue - 40)}`,
    };
  });
  const embed: APIEmbed = {
    color: FIND_COLOUR,
    title: `Best match${fields.length === 1 ? '' : 'es'} in the corpus`,
    fields,
    footer: { text: truncate(`searched for: ${neutraliseMentions(searched)}`, 300) },
  };
  return { embeds: [embed] };
}
