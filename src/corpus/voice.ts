/** The source speaking for itself: the one place that decides whose voice a source's own prose is. */
import type { SourceMeta, Voice } from './types.ts';

/** How an unnamed author is worded everywhere (src/present.ts words the rest of a source's facts). */
export const AUTHOR_NOT_NAMED = 'author not named';

/** The source's own voice: its author, else its publication, else an unknown author of an unsigned text. */
export function ownVoiceOf(meta: Pick<SourceMeta, 'author' | 'publication' | 'kind'>): Voice {
  if (meta.author) return { personId: null, name: meta.author, role: 'author', basis: 'own' };
  if (meta.publication)
    return { personId: null, name: meta.publication, role: `publication (${AUTHOR_NOT_NAMED})`, basis: 'own' };
  return { personId: null, name: 'Unknown author', role: `unsigned ${meta.kind}`, basis: 'own' };
}
