/**
 * comments/<id>.yaml: reader comments kept apart from their article. Only approved comments load, as a
 * source of their own that speaks as "Anonymous reader", never as the article or its author.
 */
import path from 'node:path';
import { checkParagraphLengths, checkSentenceLengths, DEFAULT_LIMITS, describeLimit, type CorpusLimits } from './limits.ts';
import { parseYamlOffThread } from './yaml-off-thread.ts';
import type { RawFile } from './files.ts';
import { buildPassages, detached, joinLines, layOut, type Block } from './paragraphs.ts';
import { problemsFromZod, type CorpusProblem } from './problems.ts';
import { zComment, zCommentsFile, type CommentsFile } from './schema.ts';
import { validateEntries } from './validate-list.ts';
import { z } from 'zod';
import { splitSentences, type SentenceSpan } from './segment.ts';
import type { Passage, Source, Voice } from './types.ts';
import { runSliced } from '../util/yield.ts';

/** A loaded source with its passages, before the corpus gathers every passage in one list. */
export type LoadedSource = Source & { passages: Passage[] };

/**
 * The approved comments of one comments file as a source, or null with problems. `brokenSources` are ids
 * whose own file failed to load: their comments are skipped without a second problem.
 */
export async function loadComments(
  file: RawFile,
  sources: ReadonlyMap<string, Source>,
  brokenSources: ReadonlySet<string>,
  problems: CorpusProblem[],
  limits: CorpusLimits = DEFAULT_LIMITS,
): Promise<LoadedSource | null> {
  const data = await parseCommentsFile(file, problems, limits);
  if (!data) return null;
  const stem = path.posix.basename(file.rel).replace(/\.ya?ml$/i, '');
  if (data.id !== stem) {
    problems.push({
      file: file.rel,
      field: 'id',
      message: `id "${data.id}" does not match the file name`,
      fix: `rename the file to ${data.id}.yaml or set id: ${stem}`,
    });
    return null;
  }
  const article = sources.get(data.commentsOn);
  if (!article) {
    if (brokenSources.has(data.commentsOn)) return null;
    problems.push({
      file: file.rel,
      field: 'commentsOn',
      message: `no source with id "${data.commentsOn}"`,
      fix: `use the id of a file in sources/ (${[...sources.keys()].join(', ')})`,
    });
    return null;
  }
  const { blocks, commentOf } = await runSliced(approvedBlocks(data));
  if (!checkParagraphLengths(file.rel, blocks, limits, problems)) return null;
  const laidOut = await runSliced(layOut(blocks));
  const id = detached(data.id);
  const spans = await runSliced(splitEach(laidOut.paragraphs));
  if (!checkSentenceLengths(file.rel, spans.flat().map((s) => s.text), limits, problems)) return null;
  const passages = await runSliced(
    buildPassages(id, laidOut, spans, (paragraph, sentences) =>
      sentences.map(() => readerVoice(commentOf[paragraph.index], article)),
    ),
  );
  const { body, paragraphs } = laidOut;
  return { ...commentsSourceMeta(id, article), file: file.rel, body, paragraphs, hash: file.hash, passages };
}

/** Each paragraph's sentence spans, a paragraph per step. */
function* splitEach(paragraphs: readonly { readonly text: string }[]): Generator<void, SentenceSpan[][]> {
  const spans: SentenceSpan[][] = [];
  for (const paragraph of paragraphs) {
    spans.push(splitSentences(paragraph.text));
    yield;
  }
  return spans;
}

async function parseCommentsFile(
  file: RawFile,
  problems: CorpusProblem[],
  limits: CorpusLimits,
): Promise<CommentsFile | null> {
  const parsed = await parseYamlOffThread(file.text, { listPath: 'comments', maxItems: limits.maxComments });
  if (parsed.ok === 'too-many') {
    problems.push({
      file: file.rel,
      field: 'comments',
      message: `holds ${parsed.count.toLocaleString('en-US')} comments, over ${describeLimit(limits, 'maxComments')}`,
      fix: 'split the comments into several files (one per article), or raise the limit',
    });
    return null;
  }
  if (!parsed.ok) {
    problems.push({ file: file.rel, field: null, message: parsed.message, fix: parsed.fix });
    return null;
  }
  return runSliced(validateCommentsFile(file.rel, parsed.data, problems));
}

/** The file's fields but its comments, which `validateCommentsFile` checks one at a time. */
const zCommentsEnvelope = zCommentsFile.extend({ comments: z.array(z.unknown()).min(1) });

/** `zCommentsFile`'s checks, with the comments checked entry by entry (see validate-list.ts); same problems. */
function* validateCommentsFile(
  rel: string,
  data: unknown,
  problems: CorpusProblem[],
): Generator<void, CommentsFile | null> {
  const envelope = zCommentsEnvelope.safeParse(data);
  if (!envelope.success) problems.push(...problemsFromZod(rel, zCommentsFile, envelope.error));
  const list = (data as { comments?: unknown } | null)?.comments;
  const comments = yield* validateEntries(rel, zCommentsFile, ['comments'], zComment, Array.isArray(list) ? list : [], problems);
  if (!envelope.success || comments === null) return null;
  return { ...envelope.data, comments };
}

/** Comments split into paragraphs between two steps. */
const COMMENTS_PER_STEP = 64;

/** Each approved comment's paragraphs, headed "Comment N", and the comment number of each paragraph. */
function* approvedBlocks(data: CommentsFile): Generator<void, { blocks: Block[]; commentOf: number[] }> {
  const blocks: Block[] = [];
  const commentOf: number[] = [];
  for (const [i, comment] of data.comments.entries()) {
    if (i % COMMENTS_PER_STEP === COMMENTS_PER_STEP - 1) yield;
    if (comment.status !== 'approved') continue;
    for (const block of comment.text.split(/\n[ \t]*\n/)) {
      const text = joinLines(block);
      if (!text) continue;
      blocks.push({ text, heading: `Comment ${comment.number}` });
      commentOf.push(comment.number);
    }
  }
  return { blocks, commentOf };
}

function readerVoice(commentNumber: number | undefined, article: Source): Voice {
  const where = article.publication ? `${article.publication}'s article` : 'the article';
  return {
    personId: null,
    name: `Anonymous reader (comment ${commentNumber ?? '?'})`,
    role: `reader comment under ${where}, not the article's words`,
    basis: 'own',
    rule: 'reader-comment',
  };
}

function commentsSourceMeta(id: string, article: Source): Omit<Source, 'file' | 'body' | 'paragraphs' | 'hash'> {
  return {
    id,
    title: `Reader comments under “${article.title}”`,
    titleIsDescriptive: true,
    subtitle: null,
    publication: null,
    author: null,
    date: null,
    dateInferred: false,
    url: article.url,
    urlVerified: article.urlVerified,
    accessed: article.accessed ?? null,
    kind: 'reader-comments',
    credit: null,
    licence: null,
    notes: `Anonymous reader comments posted under ${article.id}; only approved comments are loaded.`,
  };
}
