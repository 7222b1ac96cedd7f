/**
 * The raw material of the synthetic corpora: sentences, phrases and vocabulary read at run time from the seed
 * texts (../shared/seeds next to the repo), so the bench's text has the seeds' register without embedding them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SeedMaterial {
  /** Distinct article sentences (reader comments and site furniture excluded). */
  readonly sentences: readonly string[];
  /** Sentences as word arrays (whitespace-split, punctuation still attached). */
  readonly sentenceWords: readonly (readonly string[])[];
  /** Distinct lower-case alphabetic words of four letters or more: the substitution vocabulary. */
  readonly vocabulary: readonly string[];
}

/** Lines that are site furniture or licence boilerplate rather than article text (see ../shared/SOURCES.md). */
const FURNITURE_PREFIXES = [
  'Updated on',
  'Leave a Comment',
  'Flashpoints',
  'Recent Features',
  'Dreaming of a career',
  "Try The Diplomat's jobs board",
  'Find your Asia-Pacific job',
  'Support Russia Insider',
  'This post first appeared',
  '<figcaption>',
  'Anyone is free to republish',
  'Our commenting rules',
];

/** Seed 000 carries reader comments after its article; they start at the first line beginning "  1.". */
const COMMENTS_START = /^ {2}1\./;

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /\b(?:U\.S|U\.N|U\.K|E\.U|Mr|Mrs|Ms|Dr|Gen|St|Jr|Sr|vs|etc|e\.g|i\.e)\.$/;

/** Minimum words for a line to count as article prose rather than a heading or caption. */
const MIN_PROSE_WORDS = 8;

/** Splits prose into sentences; deliberately simple — the bench only needs plausible sentences. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const re = /[.!?]["”’)]?(?=\s+["“‘(]?[A-Z0-9])/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(paragraph)) !== null) {
    const end = m.index + m[0].length;
    const candidate = paragraph.slice(start, end);
    if (ABBREVIATIONS.test(candidate)) continue;
    out.push(candidate.trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest.length > 0) out.push(rest);
  return out.filter((s) => s.length > 0);
}

/** Returns the article prose of one seed file: furniture dropped, reader comments cut off. */
export function extractProse(fileName: string, text: string): string[] {
  const paragraphs: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (fileName.startsWith('000') && COMMENTS_START.test(line)) break;
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    if (FURNITURE_PREFIXES.some((p) => trimmed.startsWith(p))) continue;
    if (trimmed.split(/\s+/).length < MIN_PROSE_WORDS) continue;
    paragraphs.push(trimmed);
  }
  return paragraphs;
}

/** Reads every `*.txt` seed in `seedsDir` (sorted, so the material is the same on every machine). */
export function readSeedMaterial(seedsDir: string): SeedMaterial {
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`no seed texts (*.txt) in ${seedsDir}`);
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(seedsDir, file), 'utf8');
    for (const paragraph of extractProse(file, text)) {
      for (const sentence of splitSentences(paragraph)) {
        if (sentence.split(/\s+/).length < 5 || seen.has(sentence)) continue;
        seen.add(sentence);
        sentences.push(sentence);
      }
    }
  }
  const sentenceWords = sentences.map((s) => s.split(/\s+/));
  const vocab = new Set<string>();
  for (const words of sentenceWords) {
    for (const w of words) {
      if (/^[a-z]{4,}$/.test(w)) vocab.add(w);
    }
  }
  return { sentences, sentenceWords, vocabulary: [...vocab].sort() };
}
