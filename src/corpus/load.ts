/**
 * Loads corpus/ into a `Corpus`: people.yaml, sources/*.md and comments/*.yaml. Every problem is
 * collected (file, field, fix) and a corpus with any problem is rejected whole, so the caller keeps
 * what it had.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFrontMatter, parseYamlFile } from './frontmatter.ts';
import { attributeParagraph, buildNameMatchers, type NameMatcher, type OverrideVoice } from './attribute.ts';
import { problemsFromZod, type CorpusProblem } from './problems.ts';
import { zCommentsFile, zPeopleFile, zSourceFrontMatter, type CommentsFile, type SourceFrontMatter } from './schema.ts';
import { splitSentences, type SentenceSpan } from './segment.ts';
import { BodyParagraph, BodyPassage } from './stored.ts';
import type { Corpus, Paragraph, Passage, Person, Source, Voice } from './types.ts';
import { foldTypography } from '../text/fold.ts';
import { runAtOnce, runSliced, yieldToEventLoop } from '../util/yield.ts';

export { formatProblems, CorpusLoadError, type CorpusProblem } from './problems.ts';

export type LoadResult = { ok: true; corpus: Corpus } | { ok: false; problems: CorpusProblem[] };

interface RawFile {
  readonly rel: string;
  readonly text: string;
  readonly hash: string;
}

async function listFiles(root: string, dir: string, extension: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && extension.test(e.name))
      .map((e) => path.posix.join(dir, e.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Bytes hashed and decoded between two yields: a large file must not hold the event loop in one go. */
const READ_CHUNK = 1 << 20;

async function readRaw(root: string, rel: string): Promise<RawFile> {
  const bytes = await readFile(path.join(root, rel));
  if (bytes.length <= READ_CHUNK) return { rel, text: bytes.toString('utf8'), hash: createHash('sha256').update(bytes).digest('hex') };
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += READ_CHUNK) {
    const chunk = bytes.subarray(at, at + READ_CHUNK);
    hash.update(chunk);
    parts.push(decoder.decode(chunk, { stream: at + READ_CHUNK < bytes.length }));
    await yieldToEventLoop();
  }
  return { rel, text: parts.join(''), hash: hash.digest('hex') };
}

/** Reads a corpus file; a file that cannot be read (a folder, no permission) becomes a problem, not a crash. */
async function readOrReport(root: string, rel: string, problems: CorpusProblem[]): Promise<RawFile | null> {
  try {
    return await readRaw(root, rel);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    problems.push({ file: rel, field: null, message: `cannot be read (${code})`, fix: 'make it a readable text file, or remove it' });
    return null;
  }
}

interface Block {
  readonly text: string;
  readonly heading: string | null;
}

/**
 * Joins paragraph blocks into the source's body and re-cuts every paragraph from that body. The body is
 * one flat string of its own, so paragraphs and passages are slices of it and nothing keeps the file's
 * raw text (front matter and all) alive after loading: a 100k-passage corpus is half the heap it would be.
 */
function* layOut(blocks: readonly Block[]): Generator<void, { paragraphs: Paragraph[]; body: string; offsets: number[] }> {
  // Joined a few hundred paragraphs at a time, then once more: one join over a book-length file would
  // hold the event loop for tens of milliseconds.
  const pieces: string[] = [];
  for (let i = 0; i < blocks.length; i += 256) {
    pieces.push(blocks.slice(i, i + 256).map((b) => b.text).join('\n\n'));
    yield;
  }
  const body = pieces.join('\n\n');
  yield;
  const paragraphs: Paragraph[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    paragraphs.push(new BodyParagraph(body, offset, offset + block.text.length, paragraphs.length, block.heading === null ? null : detached(block.heading)));
    offsets.push(offset);
    offset += block.text.length + 2;
    if (paragraphs.length % 1024 === 0) yield;
  }
  return { paragraphs, body, offsets };
}

/** A copy of `text` that shares no memory with the string it was cut from (V8 keeps slices' parents alive). */
function detached<T>(value: T): T {
  return structuredClone(value);
}

/** The body's paragraphs (blank-line separated) and the crossheads above them; `body` has `\n` line ends. */
function* parseParagraphs(body: string): Generator<void, Block[]> {
  const blocks: Block[] = [];
  let heading: string | null = null;
  const separator = /\n[ \t]*\n/g;
  for (let start = 0, n = 1; start <= body.length; n++) {
    if (n % 64 === 0) yield;
    const found = separator.exec(body);
    const end = found ? found.index : body.length;
    const block = body.slice(start, end);
    start = found ? separator.lastIndex : body.length + 1;
    const text = block.trim();
    if (!text) continue;
    const headingMatch = /^#{1,6}\s+(.+)$/.exec(text);
    if (headingMatch?.[1] && !text.includes('\n')) {
      heading = headingMatch[1].trim();
      continue;
    }
    blocks.push({ text: text.replace(/[ \t]*\n[ \t]*/g, ' '), heading });
    heading = null;
  }
  return blocks;
}

function loadPeople(file: RawFile | null, problems: CorpusProblem[]): Person[] {
  if (!file) {
    problems.push({ file: 'people.yaml', field: null, message: 'the people registry is missing', fix: 'create corpus/people.yaml with a list of { id, name, role, aliases } (it may be an empty list: [])' });
    return [];
  }
  const parsed = parseYamlFile(file.text);
  if (!parsed.ok) {
    problems.push({ file: file.rel, field: null, message: parsed.message, fix: parsed.fix });
    return [];
  }
  const result = zPeopleFile.safeParse(parsed.data ?? []);
  if (!result.success) {
    problems.push(...problemsFromZod(file.rel, zPeopleFile, result.error));
    return [];
  }
  const seenIds = new Map<string, number>();
  const seenAliases = new Map<string, string>();
  result.data.forEach((person, i) => {
    if (seenIds.has(person.id)) {
      problems.push({ file: file.rel, field: `[${i}].id`, message: `duplicate person id "${person.id}" (also entry ${seenIds.get(person.id)})`, fix: 'give each person a unique id, or merge the two entries' });
    }
    seenIds.set(person.id, i);
    for (const alias of [person.name, ...person.aliases]) {
      const owner = seenAliases.get(alias.toLowerCase());
      if (owner && owner !== person.id) {
        problems.push({ file: file.rel, field: `[${i}].aliases`, message: `"${alias}" names both ${owner} and ${person.id}`, fix: 'an alias must name one person: use a fuller form such as the full name' });
      }
      seenAliases.set(alias.toLowerCase(), person.id);
    }
  });
  return result.data;
}

function ownVoiceOf(meta: SourceFrontMatter): Voice {
  if (meta.author) return { personId: null, name: meta.author, role: 'author', basis: 'own' };
  if (meta.publication) return { personId: null, name: meta.publication, role: 'publication (author not named)', basis: 'own' };
  return { personId: null, name: 'Unknown author', role: `unsigned ${meta.kind}`, basis: 'own' };
}

function* buildPassages(
  sourceId: string,
  laidOut: { readonly paragraphs: readonly Paragraph[]; readonly body: string; readonly offsets: readonly number[] },
  spansOf: readonly (readonly SentenceSpan[])[],
  voiceFor: (paragraph: Paragraph, sentences: readonly string[]) => Voice[],
): Generator<void, Passage[]> {
  const { paragraphs, body, offsets } = laidOut;
  const passages: Passage[] = [];
  for (const [p, paragraph] of paragraphs.entries()) {
    const spans = spansOf[p] ?? [];
    const paragraphOffset = offsets[p] ?? 0;
    const voices = voiceFor(paragraph, spans.map((s) => s.text));
    spans.forEach((span, i) => {
      const voice = voices[i];
      if (!voice) return;
      const offset = paragraphOffset + span.start;
      passages.push(new BodyPassage(body, sourceId, paragraph.index, i, offset, offset + span.text.length, voice));
    });
    yield;
  }
  return passages;
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
    if (folded.length % 256 === 0) yield;
  }
  meta.overrides.forEach((override, i) => {
    const field = `overrides[${i}]`;
    const wanted = foldTypography(override.passage);
    const target = folded.find(([, f]) => f.startsWith(wanted))?.[0];
    if (target === undefined) {
      problems.push({ file, field: `${field}.passage`, message: `no sentence starts with "${override.passage}"`, fix: 'copy the opening words of the sentence exactly from the body, or remove the override' });
      return;
    }
    if (override.voice === 'own' || override.voice === 'previous') {
      bySentence.set(target, override.voice);
      return;
    }
    const person = people.get(override.voice);
    if (person) bySentence.set(target, person);
    else problems.push({ file, field: `${field}.voice`, message: `unknown person "${override.voice}"`, fix: `use an id from people.yaml (${[...people.keys()].join(', ')}), \`own\` or \`previous\`, or add the person to people.yaml` });
  });
  return (sentence) => bySentence.get(sentence) ?? null;
}

/** One source file, parsed, segmented and attributed; a generator so a very large file is loaded in slices. */
function* loadSource(file: RawFile, people: readonly Person[], matchers: NameMatcher, problems: CorpusProblem[]): Generator<void, (Source & { passages: Passage[] }) | null> {
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
    problems.push({ file: file.rel, field: 'id', message: `id "${meta.id}" does not match the file name`, fix: `rename the file to ${meta.id}.md or set id: ${stem}` });
  }
  const blocks = yield* parseParagraphs(fm.body);
  if (blocks.length === 0) {
    problems.push({ file: file.rel, field: 'body', message: 'the body is empty', fix: 'paste the article text below the closing `---`, paragraphs separated by a blank line' });
    return null;
  }
  const ownVoice = ownVoiceOf(meta);
  const ctx = { people, ownVoice, reporter: meta.publication ?? 'the source' };
  const laidOut = yield* layOut(blocks);
  const spans: SentenceSpan[][] = [];
  const allSentences: string[] = [];
  for (const paragraph of laidOut.paragraphs) {
    const list = splitSentences(paragraph.text);
    spans.push(list);
    for (const span of list) allSentences.push(span.text);
    yield;
  }
  const overrideFor = yield* resolveOverrides(file.rel, meta, allSentences, new Map(people.map((p) => [p.id, p])), problems);
  let lastPerson: Person | null = null;
  const passages = yield* buildPassages(meta.id, laidOut, spans, (_paragraph, sentences) => {
    const result = attributeParagraph(sentences, ctx, matchers, lastPerson, overrideFor);
    lastPerson = result.lastPerson;
    return result.voices;
  });
  const { overrides: _overrides, ...rest } = meta;
  return { ...rest, file: file.rel, body: laidOut.body, paragraphs: laidOut.paragraphs, hash: file.hash, passages };
}

function loadComments(
  file: RawFile,
  sources: ReadonlyMap<string, Source>,
  brokenSources: ReadonlySet<string>,
  problems: CorpusProblem[],
): (Source & { passages: Passage[] }) | null {
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
  const data: CommentsFile = result.data;
  const article = sources.get(data.commentsOn);
  if (!article) {
    // A source that failed to load has its own problem already; don't report the comments as well.
    if (brokenSources.has(data.commentsOn)) return null;
    problems.push({ file: file.rel, field: 'commentsOn', message: `no source with id "${data.commentsOn}"`, fix: `use the id of a file in sources/ (${[...sources.keys()].join(', ')})` });
    return null;
  }
  const blocks: Block[] = [];
  const commentOf: number[] = [];
  for (const comment of data.comments) {
    if (comment.status !== 'approved') continue;
    for (const block of comment.text.split(/\n[ \t]*\n/)) {
      const text = block.trim().replace(/[ \t]*\n[ \t]*/g, ' ');
      if (!text) continue;
      blocks.push({ text, heading: `Comment ${comment.number}` });
      commentOf.push(comment.number);
    }
  }
  const laidOut = runAtOnce(layOut(blocks));
  const { body, paragraphs } = laidOut;
  const where = article.publication ? `${article.publication}'s article` : 'the article';
  const id = detached(data.id);
  const passages = runAtOnce(buildPassages(id, laidOut, paragraphs.map((p) => splitSentences(p.text)), (paragraph, sentences) =>
    sentences.map(() => ({
      personId: null,
      name: `Anonymous reader (comment ${commentOf[paragraph.index] ?? '?'})`,
      role: `reader comment under ${where}, not the article's words`,
      basis: 'own' as const,
    })),
  ));
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
    file: file.rel,
    body,
    paragraphs,
    hash: file.hash,
    passages,
  };
}

/**
 * Reads and validates the corpus at `root`. Never throws for a bad corpus: problems come back as data.
 * Yields to the event loop between files so that a reload of a large corpus does not stall the bot.
 */
export async function loadCorpus(root: string): Promise<LoadResult> {
  const problems: CorpusProblem[] = [];
  const sourceFiles = await listFiles(root, 'sources', /\.md$/i);
  const commentFiles = await listFiles(root, 'comments', /\.ya?ml$/i);
  const peopleExists = await readdir(root).then((names) => names.includes('people.yaml'), () => false);
  const peopleFile = peopleExists ? await readOrReport(root, 'people.yaml', problems) : null;
  const people = peopleExists && !peopleFile ? [] : loadPeople(peopleFile, problems);
  if (sourceFiles.length === 0) {
    problems.push({ file: 'sources/', field: null, message: `no source files in ${path.join(root, 'sources')}`, fix: 'add at least one Markdown file per article (see "The corpus" in README.md), or point CORPUS_DIR at a corpus' });
  }
  const matchers = buildNameMatchers(people);
  const sources = new Map<string, Source & { passages: Passage[] }>();
  const raws: RawFile[] = peopleFile ? [peopleFile] : [];
  for (const rel of sourceFiles) {
    const raw = await readOrReport(root, rel, problems);
    if (!raw) continue;
    raws.push(raw);
    const source = await runSliced(loadSource(raw, people, matchers, problems));
    if (!source) continue;
    const existing = sources.get(source.id);
    if (existing) {
      problems.push({ file: rel, field: 'id', message: `duplicate id "${source.id}" (also in ${existing.file})`, fix: 'give each source a unique id' });
      continue;
    }
    sources.set(source.id, source);
    await yieldToEventLoop();
  }
  for (const rel of commentFiles) {
    const raw = await readOrReport(root, rel, problems);
    if (!raw) continue;
    raws.push(raw);
    const brokenSources = new Set(sourceFiles.map((f) => path.posix.basename(f, '.md')).filter((stem) => !sources.has(stem)));
    const comments = loadComments(raw, sources, brokenSources, problems);
    if (!comments) continue;
    if (sources.has(comments.id)) {
      problems.push({ file: rel, field: 'id', message: `duplicate id "${comments.id}" (also in ${sources.get(comments.id)?.file})`, fix: 'give the comments file its own id' });
      continue;
    }
    sources.set(comments.id, comments);
  }
  if (problems.length > 0) return { ok: false, problems };
  // Topic files are validated by src/procon; they are hashed here so the corpus hash covers every file.
  for (const rel of await listFiles(root, 'topics', /\.ya?ml$/i)) {
    const raw = await readOrReport(root, rel, problems);
    if (raw) raws.push(raw);
  }
  if (problems.length > 0) return { ok: false, problems };

  const passages: Passage[] = [];
  const plainSources: Source[] = [];
  for (const { passages: own, ...source } of sources.values()) {
    plainSources.push(source);
    for (const passage of own) passages.push(passage);
  }
  const hash = createHash('sha256');
  for (const raw of [...raws].sort((a, b) => a.rel.localeCompare(b.rel))) hash.update(`${raw.rel}\0${raw.hash}\n`);
  return {
    ok: true,
    corpus: { root, sources: plainSources, people, passages, hash: hash.digest('hex'), loadedAt: new Date() },
  };
}
