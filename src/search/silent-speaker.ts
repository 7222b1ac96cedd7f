/**
 * A speaker filter can name someone the corpus knows (people.yaml lists them, the texts mention them) who
 * never speaks in it: no passage is in their voice. The filter then selects nothing, and "nobody called …"
 * would send the user hunting for other spellings when the honest answer is about the person.
 */
import type { QuoteIndex } from './engine.ts';

export interface SilentSpeaker {
  readonly personId: string;
  readonly name: string;
}

/**
 * The person `speaker` names when they are in the corpus's people but no passage is in their voice; null when
 * the input names nobody known or the person does speak. Walks the passages once: call it on a miss only.
 */
export function findSilentSpeaker(index: QuoteIndex, speaker: string): SilentSpeaker | null {
  const resolved = index.resolveSpeaker(speaker);
  if (resolved?.personId == null) return null;
  const personId = resolved.personId;
  if (index.corpus.passages.some((p) => p.voice.personId === personId)) return null;
  return { personId, name: resolved.name };
}
