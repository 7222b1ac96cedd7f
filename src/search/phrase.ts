/**
 * Quoted phrases: `"cold war"` in a query means those words, side by side, in that order. The rest of the
 * query is searched as usual among the passages that hold every quoted phrase.
 */
import { foldForSearch } from '../text/fold.ts';
import { plainWordsFolded, type PairIndex } from './pair-index.ts';
import type { TermIndex } from './term-index.ts';

/** A straight or typographic pair of double quotation marks around at least one character. */
const QUOTED = /"([^"]+)"|“([^”]+)”|„([^“”]+)[“”]/g;

export interface ParsedQuery {
  /** Each quoted phrase as its folded words; phrases without words are dropped. */
  readonly phrases: readonly (readonly string[])[];
  /** The query with its quotation marks removed (the phrases' words stay, for ranking). */
  readonly text: string;
}

/** Splits off the quoted phrases of `text`. An unpaired quotation mark (a phrase still being typed) is plain text. */
export function parsePhrases(text: string): ParsedQuery {
  const phrases: string[][] = [];
  const unquoted = text.replace(QUOTED, (_whole, a?: string, b?: string, c?: string) => {
    const inner = a ?? b ?? c ?? '';
    const words = plainWordsFolded(foldForSearch(inner));
    if (words.length > 0) phrases.push(words);
    return ` ${inner} `;
  });
  return { phrases, text: phrases.length > 0 ? unquoted.replace(/\s+/g, ' ').trim() : text };
}

/** What phrase matching reads from the index. */
export interface PhraseSources {
  readonly terms: TermIndex;
  readonly pairs: PairIndex;
  /** The passage's folded text with every run of non-word characters as one space (see `spacedWords`). */
  spaced(index: number): string;
}

/**
 * The passages holding `words` side by side, in order (folded; punctuation between them ignored). The
 * rarest adjacent pair (or the word, for one) names the few passages worth reading; each is then checked.
 */
export function passagesWithPhrase(words: readonly string[], sources: PhraseSources): Set<number> {
  let holders: Int32Array | null = null;
  if (words.length === 1) {
    const term = sources.terms.idOf(words[0] ?? '');
    holders = term === undefined ? new Int32Array(0) : sources.terms.postings(term);
  } else {
    for (let i = 1; i < words.length; i++) {
      const list = sources.pairs.lookup(words[i - 1] ?? '', words[i] ?? '');
      if (holders === null || list.length < holders.length) holders = list;
      if (list.length === 0) break;
    }
  }
  const needle = ` ${words.join(' ')} `;
  const found = new Set<number>();
  for (const p of holders ?? []) if (` ${sources.spaced(p)} `.includes(needle)) found.add(p);
  return found;
}
