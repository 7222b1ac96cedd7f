/**
 * A card as a file a debater keeps: Markdown, HTML (the read part in <b><u>, so it pastes into a word processor
 * with its formatting) or plain text (the read part between [[ and ]]).
 */
import type { Card } from './card.ts';

export const EXPORT_FORMATS = ['markdown', 'html', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Shown where the debater has not written a tag yet. */
export const TAG_PLACEHOLDER = '[TAG: write the claim this card proves]';

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The cite line: the style's entry when a style was chosen, else the debate cite. */
export function citeLine(card: Card): string {
  return card.styled?.text ?? card.fullCite;
}

function caveatLine(card: Card): string | null {
  return card.caveats.length === 0 ? null : `Note: ${card.caveats.join('; ')}.`;
}

/** A style's entry cites the work; who is speaking is said on its own line. */
export function speakerNote(card: Card): string | null {
  return card.styled !== null && card.speaker !== null ? `Words of: ${card.speaker}.` : null;
}

/** CommonMark escaping for corpus text in a .md file, so every character shows as written. */
export function escapeCommonMark(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (ch) => `\\${ch}`).replace(/^(\s*)([-+]|\d+\.)(?=\s)/gm, '$1\\$2');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Put `open`/`close` around the read part, keeping surrounding spaces outside the marks. */
function marked(text: string, open: string, close: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  return core === '' ? text : `${lead}${open}${core}${close}${trail}`;
}

function toMarkdown(card: Card): string {
  const lines = [
    card.tag === null ? `*${escapeCommonMark(TAG_PLACEHOLDER)}*` : `**${escapeCommonMark(card.tag)}**`,
    '',
    `**${escapeCommonMark(card.shortCite)}** — ${escapeCommonMark(citeLine(card))}`,
  ];
  const speaker = speakerNote(card);
  if (speaker !== null) lines.push('', escapeCommonMark(speaker));
  const caveats = caveatLine(card);
  if (caveats !== null) lines.push('', `*${escapeCommonMark(caveats)}*`);
  if (card.credit !== null) lines.push('', `*${escapeCommonMark(card.credit)}*`);
  for (const paragraph of card.paragraphs) {
    lines.push(
      '',
      paragraph.segments
        .map((s) => (s.read ? marked(escapeCommonMark(s.text), '**', '**') : escapeCommonMark(s.text)))
        .join(''),
    );
  }
  return `${lines.join('\n')}\n`;
}

function toHtml(card: Card): string {
  const cite = card.styled?.html ?? escapeHtml(card.fullCite);
  const parts = [
    card.tag === null ? `<p><i>${escapeHtml(TAG_PLACEHOLDER)}</i></p>` : `<p><b>${escapeHtml(card.tag)}</b></p>`,
    `<p><b>${escapeHtml(card.shortCite)}</b> — ${cite}</p>`,
  ];
  const speaker = speakerNote(card);
  if (speaker !== null) parts.push(`<p>${escapeHtml(speaker)}</p>`);
  const caveats = caveatLine(card);
  if (caveats !== null) parts.push(`<p><i>${escapeHtml(caveats)}</i></p>`);
  if (card.credit !== null) parts.push(`<p><i>${escapeHtml(card.credit)}</i></p>`);
  for (const paragraph of card.paragraphs) {
    const body = paragraph.segments
      .map((s) => (s.read ? `<b><u>${escapeHtml(s.text)}</u></b>` : escapeHtml(s.text)))
      .join('');
    parts.push(`<p>${body}</p>`);
  }
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(card.shortCite)}</title></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`;
}

function toText(card: Card): string {
  const lines = [card.tag ?? TAG_PLACEHOLDER, '', `${card.shortCite} — ${citeLine(card)}`];
  const speaker = speakerNote(card);
  if (speaker !== null) lines.push(speaker);
  const caveats = caveatLine(card);
  if (caveats !== null) lines.push(caveats);
  if (card.credit !== null) lines.push(card.credit);
  for (const paragraph of card.paragraphs) {
    lines.push('', paragraph.segments.map((s) => (s.read ? marked(s.text, '[[', ']]') : s.text)).join(''));
  }
  return `${lines.join('\n')}\n`;
}

/** The card as a file's content in `format`. */
export function exportCard(card: Card, format: ExportFormat): string {
  if (format === 'markdown') return toMarkdown(card);
  if (format === 'html') return toHtml(card);
  return toText(card);
}

/** A file name for the card: "okafor-26-card.md". */
export function cardFileName(card: Card, format: 'markdown' | 'html'): string {
  const slug =
    card.shortCite
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'card';
  return `${slug}-card.${format === 'markdown' ? 'md' : 'html'}`;
}
