/**
 * What attribution decided, for admins: each quoted passage of a source with its speaker and the rule that chose
 * them, and per source how many quotations were left unattributed (where an override or a people.yaml entry
 * would help). Plain data; the console and /reload word it.
 */
import type { AttributionRule, Corpus, Passage } from '../types.ts';

export interface QuotedPassage {
  readonly id: string;
  readonly text: string;
  /** The speaker's name, or null for an unattributed quotation. */
  readonly speaker: string | null;
  readonly role: string;
  readonly personId: string | null;
  readonly basis: Passage['voice']['basis'];
  readonly rule: AttributionRule | null;
}

export interface UnattributedCount {
  readonly sourceId: string;
  readonly quotations: number;
  readonly unattributed: number;
}

/** A passage that holds someone's words: a direct quotation, attributed or not. */
function isQuotation(passage: Passage): boolean {
  return passage.voice.basis === 'direct-quote' || passage.voice.basis === 'unattributed';
}

/** Every quoted or reported passage of one source, in order, with who speaks and why. */
export function speakersOf(corpus: Corpus, sourceId: string): QuotedPassage[] {
  return corpus.passages
    .filter((p) => p.sourceId === sourceId && p.voice.basis !== 'own')
    .map((p) => ({
      id: p.id,
      text: p.text,
      speaker: p.voice.basis === 'unattributed' ? null : p.voice.name,
      role: p.voice.role,
      personId: p.voice.personId,
      basis: p.voice.basis,
      rule: p.voice.rule ?? null,
    }));
}

/** Per source with at least one unattributed quotation: how many of its quotations were left without a speaker. */
export function unattributedCounts(corpus: Corpus): UnattributedCount[] {
  const counts = new Map<string, { quotations: number; unattributed: number }>();
  for (const passage of corpus.passages) {
    if (!isQuotation(passage)) continue;
    const count = counts.get(passage.sourceId) ?? { quotations: 0, unattributed: 0 };
    count.quotations += 1;
    if (passage.voice.basis === 'unattributed') count.unattributed += 1;
    counts.set(passage.sourceId, count);
  }
  return [...counts]
    .filter(([, c]) => c.unattributed > 0)
    .map(([sourceId, c]) => ({ sourceId, ...c }))
    .sort((a, b) => b.unattributed - a.unattributed || a.sourceId.localeCompare(b.sourceId));
}
