/**
 * Ranking: the candidates the index collected are ordered by a mix of four signals (query words
 * missing, index score, fuse.js's character-level score of the best finalists, proximity), with a bonus
 * for the exact phrase; duplicates of the same sentence collapse to the best one.
 */
import Fuse from 'fuse.js';
import type { Passage } from '../corpus/types.ts';
import { foldForSearch, spacedWords } from '../text/fold.ts';
import { BoundedCache } from './cache.ts';
import { candidateKey, type Candidate } from './collect.ts';
import { SEARCH_OPTIONS as O } from './options.ts';

/** A candidate's final place: lower scores are better (0 perfect, 1 worst). */
export interface Ranked {
  readonly index: number;
  readonly score: number;
}

/** The query as ranking sees it. */
interface Pattern {
  /** The folded query, one space between words. */
  readonly full: string;
  /** What fuse.js matches: the first `fusePatternMax` characters. */
  readonly fuse: string;
  /** Query words that place the fuse.js window. */
  readonly anchors: readonly string[];
}

/** Ranks candidates for one index; keeps the folded forms of recent candidates between queries. */
export class Ranker {
  private readonly fuseOptions = { ...O.fuse, keys: ['text'] };
  /** Folded forms of recently ranked passages: the same candidates come back query after query. */
  private readonly foldedCache = new BoundedCache<number, string>(O.foldCacheSize);
  private readonly spacedCache = new BoundedCache<number, string>(O.foldCacheSize);

  constructor(private readonly passages: readonly Passage[]) {}

  /**
   * The best `limit` distinct passages among `scored`, best first, none worse than `maxScore`; `adjust` (the
   * second pass's re-rank) may change each candidate's score before the order is decided.
   */
  rank(
    scored: readonly Candidate[],
    text: string,
    counted: number,
    limit: number,
    adjust?: (index: number, score: number) => number,
  ): Ranked[] {
    if (scored.length === 0) return [];
    const top = Math.max(...scored.map((c) => c.score), 1e-9);
    const pattern = patternOf(text);
    const folded = scored.map((c) => this.folded(c.index));
    const fuseScores = this.fuseScores(scored, folded, pattern, counted, top);
    const ranked = scored.map((c, i) => {
      const text = folded[i] ?? '';
      const exact = pattern.full.length >= O.exactPhraseMinLength && this.spaced(c.index, text).includes(pattern.full);
      const mixed =
        O.mix.missingTerms * (1 - c.matched / counted) +
        O.mix.indexScore * (1 - c.score / top) +
        O.mix.fuseScore * (fuseScores.get(c.index) ?? 1) +
        O.mix.proximity * (1 - c.proximity) -
        (exact ? O.exactPhraseBonus : 0);
      const score = adjust ? adjust(c.index, mixed) : mixed;
      return { index: c.index, folded: text, score: Math.min(1, Math.max(0, score)) };
    });
    ranked.sort((a, b) => a.score - b.score || a.index - b.index);
    return distinctBest(ranked, limit);
  }

  private folded(index: number): string {
    return this.foldedCache.get(index, () => foldForSearch((this.passages[index] as Passage).text));
  }

  private spaced(index: number, folded: string): string {
    return this.spacedCache.get(index, () => spacedWords(folded));
  }

  /** A passage's folded text with one space between words (cached; phrase checks read it too). */
  spacedOf(index: number): string {
    return this.spaced(index, this.folded(index));
  }

  /** fuse.js scores of the finalists (by passage index), each matched within its best window. */
  private fuseScores(
    scored: readonly Candidate[],
    folded: readonly string[],
    pattern: Pattern,
    counted: number,
    top: number,
  ): Map<number, number> {
    const finalists = chooseFinalists(scored, counted, top);
    const windows: { index: number; text: string }[] = [];
    scored.forEach((c, i) => {
      if (finalists.has(c.index))
        windows.push({ index: c.index, text: windowAround(folded[i] ?? '', pattern.anchors, pattern.fuse.length) });
    });
    const scores = new Map<number, number>();
    for (const result of new Fuse(windows, this.fuseOptions).search(pattern.fuse))
      scores.set(result.item.index, result.score ?? 1);
    return scores;
  }
}

function patternOf(text: string): Pattern {
  const full = spacedWords(foldForSearch(text)).trim();
  const anchors = full.split(' ').filter((w) => w.length >= O.anchorMinLength && !O.stopWords.has(w));
  return { full, fuse: full.slice(0, O.fusePatternMax), anchors };
}

/**
 * The candidates fuse.js scores: at least `fuseFinalistsMin`, those whose key is within
 * `fuseFinalistMargin` of the best, at most `fuseFinalists`.
 */
function chooseFinalists(scored: readonly Candidate[], counted: number, top: number): Set<number> {
  const keyOf = (c: Candidate) => candidateKey(c.matched, c.score, counted, top, c.proximity);
  const byKey = [...scored].sort((a, b) => keyOf(b) - keyOf(a) || a.index - b.index);
  const bestKey = byKey[0] ? keyOf(byKey[0]) : 0;
  return new Set(
    byKey
      .filter((c, i) => i < O.fuseFinalistsMin || keyOf(c) >= bestKey - O.fuseFinalistMargin)
      .slice(0, O.fuseFinalists)
      .map((c) => c.index),
  );
}

/** Best first, one per distinct folded sentence, stopping at `maxScore` or `limit`. */
function distinctBest(ranked: readonly { index: number; folded: string; score: number }[], limit: number): Ranked[] {
  const seen = new Set<string>();
  const out: Ranked[] = [];
  for (const { index, folded, score } of ranked) {
    if (score > O.maxScore) break;
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push({ index, score: Math.round(score * 1000) / 1000 });
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The part of a folded passage where the query most likely sits: the stretch, about twice the pattern's
 * length, that holds the most distinct query words. fuse.js's bitap cost grows with text length, and with
 * `ignoreLocation` the rest of a long sentence only adds cost, not information.
 */
export function windowAround(text: string, anchors: readonly string[], patternLength: number): string {
  const span = patternLength * 2 + O.window.padding;
  if (text.length <= span) return text;
  const hits: { at: number; word: number }[] = [];
  anchors.forEach((anchor, word) => {
    for (
      let at = text.indexOf(anchor);
      at !== -1 && hits.length < O.window.maxAnchorHits;
      at = text.indexOf(anchor, at + 1)
    )
      hits.push({ at, word });
  });
  let bestStart = 0;
  let bestCount = -1;
  for (const { at } of hits) {
    const start = Math.max(0, Math.min(at - O.window.lead, text.length - span));
    const covered = new Set(hits.filter((h) => h.at >= start && h.at < start + span).map((h) => h.word)).size;
    if (covered > bestCount) {
      bestCount = covered;
      bestStart = start;
    }
  }
  return text.slice(bestStart, bestStart + span);
}
