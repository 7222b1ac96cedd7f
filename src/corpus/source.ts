/** sources/<id>.md: one article's front matter and text, cut into paragraphs and sentences, and attributed. */
import path from 'node:path';
import { createSourceAttributor, type NameMatcher, type OverrideVoice } from './attribution/attribute.ts';
import type { LoadedSource } from './comments.ts';
import type { RawFile } from './files.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { buildPassages, detached, layOut, parseParagraphs } from './paragraphs.ts';
import { problemsFromZod, type CorpusProblem } from './problems.ts';
import { zSourceFrontMatter, type SourceFrontMatter } from './schema.ts';
import { splitSentences, type SentenceSpan } from './segment.ts';
import type { Paragraph, Person } from './types.ts';
import { ownVoiceOf } from './voice.ts';
import { checkParagraphLengths, checkSentenceLengths, DEFAULT_LIMITS, type CorpusLimits } from './limits.ts';
import { foldTypography } from '../text/fold.ts';

/** Sentences folded between two yields while matching overrides. */
const SENTENCES_PER_YIELD = 256;

/** One source file, parsed, segmented and attributed; a generator so a very large file is loaded in slices. */
export function* loadSource(
  file: RawFile,
  people: readonly Person[],
  matchers: NameMatcher,
  problems: CorpusProblem[],
  limits: CorpusLimits = DEFAULT_LIMITS,
): Generator<void, LoadedSource | null> {
  const parsed = parseSourceFile(file, problems);
  if (!parsed) return null;
  const { meta } = parsed;
  const blocks = yield* parseParagraphs(parsed.body);
  if (blocks.length === 0) {
    problems.push({
      file: file.rel,
      field: 'body',
      message: 'the body is empty',
      fix: 'paste the article text below the closing `---`, paragraphs separated by a blank line',
    });
    return null;
  }
  if (!checkParagraphLengths(file.rel, blocks, limits, problems)) return null;
  const laidOut = yield* layOut(blocks);
  const { spans, sentences } = yield* splitParagraphs(laidOut.paragraphs);
  if (!checkSentenceLengths(file.rel, sentences, limits, problems)) return null;
  const byId = new Map(people.map((p) => [p.id, p]));
  const overrideFor = yield* resolveOverrides(file.rel, meta, sentences, byId, problems);
  const ctx = { people, ownVoice: ownVoiceOf(meta), reporter: meta.publication ?? 'the source' };
  const attributor = createSourceAttributor(ctx, matchers, overrideFor);
  const passages = yield* buildPassages(meta.id, laidOut, spans, (paragraph, sentences) =>
    attributor.paragraph(paragraph.text, sentences, laidOut.paragraphs[paragraph.index + 1]?.text),
  );
  const { overrides: _overrides, ...rest } = meta;
  return { ...rest, file: file.rel, body: laidOut.body, paragraphs: laidOut.paragraphs, hash: file.hash, passages };
}

/** The validated front matter (id checked against the file name) and the body; null (with problems) when invalid. */
function parseSourceFile(file: RawFile, problems: CorpusProblem[]): { meta: SourceFrontMatter; body: string } | null {
  const fm = parseFrontMatter(file.text);
  if (!fm.ok) {
    problems.push({ file: file.rel, field: null, message: fm.message, fix: fm.fix });
    return null;
  }
  const result = zSourceFrontMatter.safeParse(fm.data);
  if (!result.success) {
    problems.push(...problemsFromZod(file.rel, zSourceFrontMatter, result.error));
    return null;
  }
  const meta = detached(result.data);
  const stem = path.posix.basename(file.rel, '.md');
  if (meta.id !== stem) {
    problems.push({
      file: file.rel,
      field: 'id',
      message: `id "${meta.id}" does not match the file name`,
      fix: `rename the file to ${meta.id}.md or set id: ${stem}`,
    });
  }
  return { meta, body: fm.body };
}

/** Each paragraph's sentence spans, and every sentence's text in order (for matching overrides). */
function* splitParagraphs(
  paragraphs: readonly Paragraph[],
): Generator<void, { spans: SentenceSpan[][]; sentences: string[] }> {
  const spans: SentenceSpan[][] = [];
  const sentences: string[] = [];
  for (const paragraph of paragraphs) {
    const list = splitSentences(paragraph.text);
    spans.push(list);
    for (const span of list) sentences.push(span.text);
    yield;
  }
  return { spans, sentences };
}

/**
 * Resolves a source's overrides to a lookup by sentence. An override that matches no sentence, or names
 * nobody in the registry, is a problem: a stale override would silently stop doing its job.
 */
function* resolveOverrides(
  file: string,
  meta: SourceFrontMatter,
  sentences: readonly string[],
  people: ReadonlyMap<string, Person>,
  problems: CorpusProblem[],
): Generator<void, (sentence: string) => OverrideVoice | null> {
  const bySentence = new Map<string, OverrideVoice>();
  if (meta.overrides.length === 0) return () => null;
  const folded: (readonly [string, string])[] = [];
  for (const sentence of sentences) {
    folded.push([sentence, foldTypography(sentence)]);
    if (folded.length % SENTENCES_PER_YIELD === 0) yield;
  }
  meta.overrides.forEach((override, i) => {
    const field = `overrides[${i}]`;
    const wanted = foldTypography(override.passage);
    const target = folded.find(([, f]) => f.startsWith(wanted))?.[0];
    if (target === undefined) {
      problems.push({
        file,
        field: `${field}.passage`,
        message: `no sentence starts with "${override.passage}"`,
        fix: 'copy the opening words of the sentence exactly from the body, or remove the override',
      });
      return;
    }
    if (override.voice === 'own' || override.voice === 'previous') {
      bySentence.set(target, override.voice);
      return;
    }
    const person = people.get(override.voice);
    if (person) bySentence.set(target, person);
    else
      problems.push({
        file,
        field: `${field}.voice`,
        message: `unknown person "${override.voice}"`,
        fix: `use an id from people.yaml (${[...people.keys()].join(', ')}), \`own\` or \`previous\`, or add the person to people.yaml`,
      });
  });
  return (sentence) => bySentence.get(sentence) ?? null;
}
