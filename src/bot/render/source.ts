/**
 * The /source answers: the private preview of an article about to be added (metadata, passages, speakers
 * found and quotations left unattributed) with its Add and Cancel buttons.
 */
import { ButtonStyle, ComponentType, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { ImportPreview } from '../../import/preview.ts';
import { formatSpeakerName, formatTitle } from '../../present.ts';
import { packLines } from './fields.ts';
import { LIMITS } from './limits.ts';
import { truncate } from '../../text/truncate.ts';
import { escapeMarkdown } from './markdown.ts';
import type { MessageBody } from './message.ts';

const PREVIEW_COLOUR = 0x2f6f9f;

/** How long a /source add preview's buttons work (its prepared file is kept that long). */
export const PREVIEW_TTL_MS = 15 * 60 * 1000;
const NOT_GIVEN = '*not given by the page (left empty)*';

function value(text: string | null): string {
  return text === null ? NOT_GIVEN : truncate(escapeMarkdown(text), LIMITS.fieldValue);
}

/** Lines packed into one field value, with a count of what did not fit. */
function listField(lines: readonly string[], empty: string): string {
  if (lines.length === 0) return empty;
  const room = LIMITS.fieldValue - 40;
  const { descriptions, shown } = packLines(lines, {
    lineMax: 300,
    descriptionMax: room,
    maxDescriptions: 1,
    budget: room,
  });
  const out = descriptions[0] ?? '';
  return shown < lines.length ? `${out}\n…and ${lines.length - shown} more` : out;
}

/** Custom ids of the preview's buttons: `source:add:<token>` and `source:cancel:<token>`. */
export function previewButtonIds(token: string): { add: string; cancel: string } {
  return { add: `source:add:${token}`, cancel: `source:cancel:${token}` };
}

export function renderSourcePreview(preview: ImportPreview, token: string): MessageBody {
  const speakers = preview.speakers.map(
    (s) =>
      `• ${escapeMarkdown(truncate(formatSpeakerName(s), 200))} (${s.personId === null ? 'not in people.yaml' : `\`${s.personId}\``}, ${s.passages} passage${s.passages === 1 ? '' : 's'})`,
  );
  const unattributed = preview.unattributed.map((text) => `• ${escapeMarkdown(truncate(text, 200))}`);
  const fields: APIEmbedField[] = [
    { name: 'Publication', value: value(preview.publication), inline: true },
    { name: 'Author', value: value(preview.author), inline: true },
    { name: 'Date', value: value(preview.date), inline: true },
    {
      name: 'Link',
      value: preview.url === null ? NOT_GIVEN : `${value(preview.url)}${preview.urlVerified ? '' : ' (not verified)'}`,
    },
    { name: 'Passages', value: `${preview.passages} in ${preview.paragraphs} paragraphs`, inline: true },
    { name: 'Kind', value: preview.kind, inline: true },
    { name: `Speakers found (${preview.speakers.length})`, value: listField(speakers, 'none') },
    {
      name: `Quotations left unattributed (${preview.unattributed.length})`,
      value: listField(
        unattributed.length === 0
          ? []
          : [...unattributed, '→ add the speaker to people.yaml or an override, then /reload'],
        'none',
      ),
    },
  ];
  const embed: APIEmbed = {
    color: PREVIEW_COLOUR,
    title: truncate(`Preview: ${formatTitle(preview)}`, LIMITS.embedTitle),
    description: `Will be written to \`${preview.file}\`${preview.titleIsDescriptive ? '\nNo headline was found: edit the title in the file.' : ''}`,
    fields,
    footer: {
      text: `Add writes the file and reloads the corpus; Cancel writes nothing. Expires in ${PREVIEW_TTL_MS / 60_000} minutes.`,
    },
  };
  const ids = previewButtonIds(token);
  return {
    embeds: [embed],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Success, custom_id: ids.add, label: 'Add' },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: ids.cancel, label: 'Cancel' },
        ],
      },
    ],
  };
}

/** What a Cancel leaves on the preview message. */
export function renderCancelled(title: string): MessageBody {
  return {
    content: `Cancelled: “${escapeMarkdown(truncate(title, 200))}” was not added. Nothing was written.`,
    embeds: [],
  };
}
