/**
 * comments/<id>.yaml: reader comments kept apart from their article. Only approved comments load, as a
 * source of their own that speaks as "Anonymous reader", never as the article or its author.
 */
import { parseYamlFile } from './frontmatter.ts';
import type { RawFile } from './files.ts';
import { buildPassages, detached, joinLines, layOut, type Block } from './paragraphs.ts';
import { problemsFromZod, type CorpusProblem } from './problems.ts';
import { zCommentsFile, type CommentsFile } from './schema.ts';
import { splitSentences } from './segment.ts';
import type { Passage, Source, Voice } from './types.ts';
import { runAtOnce } from '../util/yield.ts';

/** A loaded source with its passages, before the corpus gathers every passage in one list. */
export type LoadedSource = Source & { passages: Passage[] };

/**
 * The approved comments of one comments file as a source, or null with problems. `brokenSources` are ids
 * whose own file failed to load: their comments are skipped without a second problem.
 */
export function loadComments(
  file: RawFile,
  sources: ReadonlyMap<string, Source>,
  brokenSources: ReadonlySet<string>,
  problems: CorpusProblem[],
): LoadedSource | null {
  const data = parseCommentsFile(file, problems);
  if (!data) return null;
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
  const { blocks, commentOf } = approvedBlocks(data);
  const laidOut = runAtOnce(layOut(blocks));
  const id = detached(data.id);
  const spans = laidOut.paragraphs.map((p) => splitSentences(p.text));
  const passages = runAtOnce(
    buildPassages(id, laidOut, spans, (paragraph, sentences) =>
      sentences.map(() => readerVoice(commentOf[paragraph.index], article)),
    ),
  );
  const { body, paragraphs } = laidOut;
  return { ...commentsSourceMeta(id, article), file: file.rel, body, paragraphs, hash: file.hash, passages };
}

function parseCommentsFile(file: RawFile, problems: CorpusProblem[]): CommentsFile | null {
  const parsed = parseYamlFile(file.text);
  if (!parsed.ok) {
    problems.push({ file: file.rel, field: null, message: parsed.message, fix: parsed.fix });
    return null;
  }
  const result = zCommentsFile.safeParse(parsed.data);
  if (!result.success) {
    problems.push(...problemsFromZod(file.rel, zCommentsFile, result.error));
    return null;
  }
  return result.data;
}

/** Each approved comment's paragraphs, headed "Comment N", and the comment number of each paragraph. */
function approvedBlocks(data: CommentsFile): { blocks: Block[]; commentOf: number[] } {
  const blocks: Block[] = [];
  const commentOf: number[] = [];
  for (const comment of data.comments) {
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
