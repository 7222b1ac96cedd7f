/**
 * What an admin checks before a new source goes live: its metadata (with the fields the page did not give),
 * how many passages it has, who the attribution found speaking and in what role, and the quotations it left
 * unattributed — each of which wants a people.yaml entry or an override before the reload.
 */
import type { Corpus, Voice } from '../corpus/types.ts';
import { formatSpeakerName, formatTitle } from '../present.ts';
import type { ImportDraft } from './draft.ts';

export interface SpeakerFound {
  readonly name: string;
  readonly role: string;
  /** The people.yaml id, or null for someone named only in the text. */
  readonly personId: string | null;
  readonly passages: number;
}

export interface ImportPreview {
  readonly id: string;
  /** Path of the file, relative to the corpus folder. */
  readonly file: string;
  readonly title: string;
  readonly titleIsDescriptive: boolean;
  readonly publication: string | null;
  readonly author: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly urlVerified: boolean;
  readonly kind: string;
  readonly paragraphs: number;
  readonly passages: number;
  readonly speakers: readonly SpeakerFound[];
  /** Sentences holding a quotation nobody could be found to have said, verbatim. */
  readonly unattributed: readonly string[];
  readonly missing: ImportDraft['missing'];
}

/** Voices the attribution gave to someone other than the source itself. */
function isSpeaker(voice: Voice): boolean {
  return voice.basis !== 'own' && !isUnattributed(voice);
}

/** `basis: 'unattributed'` (issue 9): a quotation whose speaker could not be determined. */
export function isUnattributed(voice: Voice): boolean {
  return voice.basis === 'unattributed';
}

/** The preview of `draft`, read from the corpus it was loaded into. */
export function previewOf(draft: ImportDraft, corpus: Corpus): ImportPreview {
  const source = corpus.sources.find((s) => s.id === draft.id);
  const passages = corpus.passages.filter((p) => p.sourceId === draft.id);
  const speakers = new Map<string, SpeakerFound>();
  for (const passage of passages) {
    const { voice } = passage;
    if (!isSpeaker(voice)) continue;
    const key = `${voice.personId ?? ''}\0${voice.name}\0${voice.role}`;
    const seen = speakers.get(key);
    speakers.set(key, {
      name: voice.name,
      role: voice.role,
      personId: voice.personId,
      passages: (seen?.passages ?? 0) + 1,
    });
  }
  return {
    id: draft.id,
    file: source?.file ?? `sources/${draft.id}.md`,
    title: draft.title,
    titleIsDescriptive: draft.titleIsDescriptive,
    publication: draft.publication,
    author: draft.author,
    date: draft.date,
    url: draft.url,
    urlVerified: draft.urlVerified,
    kind: draft.kind,
    paragraphs: source?.paragraphs.length ?? 0,
    passages: passages.length,
    speakers: [...speakers.values()],
    unattributed: passages.filter((p) => isUnattributed(p.voice)).map((p) => p.text),
    missing: draft.missing,
  };
}

const NOT_GIVEN = 'not given (null)';

/** The preview as plain text lines, for the command line. */
export function formatPreviewText(preview: ImportPreview): string {
  const lines = [
    `Title:       ${formatTitle(preview)}${preview.titleIsDescriptive ? ' — no headline was found; edit the title in the file' : ''}`,
    `Publication: ${preview.publication ?? NOT_GIVEN}`,
    `Author:      ${preview.author ?? NOT_GIVEN}`,
    `Date:        ${preview.date ?? NOT_GIVEN}`,
    `Link:        ${preview.url ?? NOT_GIVEN}${preview.url !== null && !preview.urlVerified ? ' (not verified)' : ''}`,
    `Kind:        ${preview.kind}`,
    `Passages:    ${preview.passages} in ${preview.paragraphs} paragraphs`,
    `Speakers found (${preview.speakers.length}):`,
    ...(preview.speakers.length === 0
      ? ['  none']
      : preview.speakers.map(
          (s) =>
            `  - ${formatSpeakerName(s)} (${s.personId === null ? 'not in people.yaml' : `people.yaml: ${s.personId}`}; ${s.passages} passage${s.passages === 1 ? '' : 's'})`,
        )),
    `Quotations left unattributed (${preview.unattributed.length}):`,
    ...(preview.unattributed.length === 0 ? ['  none'] : preview.unattributed.map((text) => `  - ${text}`)),
  ];
  if (preview.unattributed.length > 0) {
    lines.push('  → add the speaker to corpus/people.yaml or an override to the file, then reload.');
  }
  return lines.join('\n');
}
