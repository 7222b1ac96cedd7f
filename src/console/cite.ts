/**
 * `/cite <words> [tag:] [style:card|mla|apa|chicago] [span:sentence|paragraph|wide] [source:] [--format
 * markdown|html|text]` in the console: the same card as in Discord, as a file's text; JSON carries the card and
 * its CSL-JSON record.
 */
import { buildCard, CARD_STYLES, isCardStyle, isSpanName, SPAN_NAMES, SPANS } from '../cite/card.ts';
import { EXPORT_FORMATS, exportCard, isExportFormat } from '../cite/export.ts';
import type { ConsoleCommand, ConsoleOutput } from './commands.ts';

function refuse(id: string, message: string, extra: Record<string, unknown> = {}): ConsoleOutput {
  return { json: { command: 'cite', error: { id, message }, ...extra }, text: `✗ ${message}`, failed: true };
}

/** `--format html` may be typed Unix-style after the words; it is taken out of them. */
function takeFormatFlag(main: string): { words: string; format: string | undefined } {
  const match = /(?:^|\s)--format(?:=|\s+)(\S+)/.exec(main);
  if (match === null) return { words: main, format: undefined };
  return {
    words: `${main.slice(0, match.index)} ${main.slice(match.index + match[0].length)}`.trim(),
    format: match[1],
  };
}

export const cite: ConsoleCommand = {
  name: 'cite',
  options: ['query', 'tag', 'style', 'span', 'source', 'format'],
  usage: '/cite <words> [tag:] [style:] [span:] [--format markdown|html|text]',
  summary: 'a debate card for the best match: tag, cite (card, mla, apa, chicago), passage marked',
  run(rawMain, rawOptions, { library }) {
    const index = library.state.index;
    // The flag ends up inside whichever value it was typed after: take it out of every one.
    let flagged: string | undefined;
    const strip = (value: string): string => {
      const taken = takeFormatFlag(value);
      flagged ??= taken.format;
      return taken.words;
    };
    const main = strip(rawMain);
    const options: Record<string, string> = {};
    for (const [name, value] of Object.entries(rawOptions)) options[name] = strip(value);
    const query = (options['query'] ?? main).trim();
    const format = (options['format'] ?? flagged ?? 'text').toLowerCase();
    const style = (options['style'] ?? 'card').toLowerCase();
    const span = (options['span'] ?? 'paragraph').toLowerCase();
    const source = options['source']?.trim() || undefined;
    if (!isExportFormat(format)) return refuse('cite.bad-format', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (!isCardStyle(style)) return refuse('cite.bad-style', `style must be one of ${CARD_STYLES.join(', ')}`);
    if (!isSpanName(span)) return refuse('cite.bad-span', `span must be one of ${SPAN_NAMES.join(', ')}`);
    if (!query) return refuse('cite.no-query', 'type the words of the passage to cite, e.g. /cite zero-sum mentality');
    if (source !== undefined && index.resolveSource(source) === null) {
      return refuse('quote.unknown-source', `no source matches "${source}"; /sources lists them`, { query });
    }
    const hit = index.search({ text: query, source, limit: 1 })[0];
    if (hit === undefined) {
      const correction = index.suggestCorrection(query);
      return refuse(
        'quote.no-match',
        `no passage matches "${query}"${correction ? ` — did you mean "${correction}"?` : ''}`,
        { query },
      );
    }
    const card = buildCard({ passage: hit.passage, source: hit.source, tag: options['tag'], style, span: SPANS[span] });
    const output = exportCard(card, format);
    const { csl, ...rest } = card;
    return { json: { command: 'cite', query, format, card: rest, csl, output }, text: output.trimEnd() };
  },
};
