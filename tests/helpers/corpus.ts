/** Shared test helpers: the real corpus, and throwaway copies of it to break. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { loadTopics } from '../../src/procon/load.ts';
import type { Topic } from '../../src/procon/types.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
/** The raw seed texts live beside the repository (../shared/seeds), as they do in CI. */
export const SEEDS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'seeds');

let cached: Promise<{ corpus: Corpus; topics: Topic[] }> | undefined;

/** Loads the real corpus and its topics once per test file; fails the test if either has problems. */
export function loadRealCorpus(): Promise<{ corpus: Corpus; topics: Topic[] }> {
  cached ??= (async () => {
    const loaded = await loadCorpus(CORPUS_DIR);
    if (!loaded.ok) throw new Error(`the real corpus has problems: ${JSON.stringify(loaded.problems, null, 2)}`);
    const topics = await loadTopics(CORPUS_DIR, loaded.corpus.sources);
    if (!topics.ok) throw new Error(`the real topics have problems: ${JSON.stringify(topics.problems, null, 2)}`);
    return { corpus: loaded.corpus, topics: topics.topics };
  })();
  return cached;
}

/** The real corpus alone (see `loadRealCorpus`). */
export async function realCorpus(): Promise<Corpus> {
  return (await loadRealCorpus()).corpus;
}

/** Copies the real corpus to a temp dir; returns its path and a cleanup. */
export async function copyCorpus(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'verbatim-corpus-'));
  await cp(CORPUS_DIR, dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Rewrites one file of a corpus copy. */
export async function editFile(dir: string, rel: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(dir, rel);
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

export const IDS = {
  valuewalk: 'valuewalk-2015-russia-china-alliance',
  diplomat: 'diplomat-2014-china-russia-formal-alliance',
  russiaInsider: 'russia-insider-2015-alliance-against-us-hegemony',
  essay: 'essay-china-russia-relationship',
  comments: 'valuewalk-2015-russia-china-alliance-comments',
} as const;

/**
 * The passage at a 1-based position written `sourceId:paragraph.sentence`, as tests name sentences they read in
 * a file. (Passage ids are derived from the text, not the position: src/corpus/stored.ts.)
 */
export function passageAt(corpus: Corpus, position: string): Corpus['passages'][number] | undefined {
  const match = /^(.+):(\d+)\.(\d+)$/.exec(position);
  if (!match) throw new Error(`not a position: ${position}`);
  const [, sourceId, paragraph, sentence] = match;
  return corpus.passages.find(
    (p) =>
      p.sourceId === sourceId && p.paragraphIndex === Number(paragraph) - 1 && p.sentenceIndex === Number(sentence) - 1,
  );
}

/** A one-source corpus of the given sentences, one passage each, in order (for search tests on made-up text). */
export function corpusOfSentences(texts: readonly string[]): Corpus {
  const voice = { personId: null, name: 'Test Review', role: 'publication', basis: 'own' as const };
  const body = texts.join(' ');
  let offset = 0;
  const passages = texts.map((text, i) => {
    const passage = {
      id: `test-source:1.${i + 1}`,
      sourceId: 'test-source',
      paragraphIndex: 0,
      sentenceIndex: i,
      text,
      offset,
      voice,
    };
    offset += text.length + 1;
    return passage;
  });
  return {
    root: 'test',
    people: [],
    hash: 'test',
    loadedAt: new Date(0),
    sources: [
      {
        id: 'test-source',
        title: 'Test',
        titleIsDescriptive: true,
        publication: 'Test Review',
        author: null,
        date: null,
        dateInferred: false,
        url: null,
        urlVerified: false,
        kind: 'article',
        credit: null,
        licence: null,
        notes: null,
        file: 'sources/test-source.md',
        body,
        paragraphs: [{ index: 0, text: body, heading: null }],
        hash: 'test',
      },
    ],
    passages,
  } as unknown as Corpus;
}
