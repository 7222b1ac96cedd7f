/**
 * /sources: every source with publication, date, link and passage count, packed into as many embeds as the
 * 6000-character message budget allows; what does not fit is counted rather than silently dropped.
 */
import type { APIEmbed } from 'discord.js';
import type { Corpus } from '../../corpus/types.ts';
import { isHttpUrl, LIMITS, truncate } from './limits.ts';
import { escapeMarkdown, maskedLink } from './markdown.ts';
import { packLines } from './fields.ts';
import { formatDate, formatLinkStatus, formatPublication, formatTitle } from '../../present.ts';
import type { MessageBody } from './message.ts';

const SOURCES_COLOUR = 0x5a7d5a;
/** Leaves room for titles, footers and the "and N more" line inside Discord's 6000 total. */
const BUDGET = LIMITS.embedsTotal - 400;

/** One line per source: linked title — publication · date · link status · passages. */
export function describeSourceLine(source: Corpus['sources'][number], passages: number): string {
  const title = escapeMarkdown(truncate(formatTitle(source), 200));
  const named = source.url !== null && isHttpUrl(source.url) ? maskedLink(title, source.url) : title;
  const parts = [
    escapeMarkdown(formatPublication(source)),
    escapeMarkdown(formatDate(source)),
    formatLinkStatus(source),
  ];
  parts.push(`${passages} passage${passages === 1 ? '' : 's'}`);
  return `**${named}** — ${parts.join(' · ')}`;
}

export function renderSources(corpus: Corpus): MessageBody {
  const counts = new Map<string, number>();
  for (const passage of corpus.passages) counts.set(passage.sourceId, (counts.get(passage.sourceId) ?? 0) + 1);
  const lines = corpus.sources.map((source) => describeSourceLine(source, counts.get(source.id) ?? 0));

  const { descriptions, shown } = packLines(lines, {
    lineMax: 1000,
    descriptionMax: LIMITS.embedDescription,
    maxDescriptions: LIMITS.embedsPerMessage,
    budget: BUDGET,
  });

  const total = corpus.sources.length;
  const embeds: APIEmbed[] = descriptions.map((description, i) => ({
    color: SOURCES_COLOUR,
    ...(i === 0 ? { title: `Sources in the corpus (${total})` } : {}),
    description,
  }));
  if (embeds.length === 0)
    embeds.push({ color: SOURCES_COLOUR, title: 'Sources in the corpus (0)', description: 'The corpus is empty.' });
  const passages = corpus.passages.length;
  const footer =
    shown < total
      ? `…and ${total - shown} more not shown · ${passages} passages in all`
      : `${passages} passages in all`;
  embeds[embeds.length - 1] = { ...embeds[embeds.length - 1]!, footer: { text: footer } };
  return { embeds };
}
