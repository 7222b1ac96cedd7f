/**
 * The hostile corpus shapes of issue 16 as files: each shape is written into a copy of the real corpus, then the
 * probe (stall-probe.ts) reloads it and measures the longest event-loop stall. Shapes past a limit must be
 * refused; shapes at a limit must load; either way no stall over 50 ms.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../corpus/limits.ts';

export const STALL_SHAPES = [
  'huge-paragraph-1MB',
  'random-bytes-5MB',
  'comments-40000',
  `comments-${DEFAULT_LIMITS.maxComments}`,
  'people-10000',
  `people-${DEFAULT_LIMITS.maxPeople}`,
  'topics-200',
  `small-files-${DEFAULT_LIMITS.maxFiles}`,
] as const;
export type StallShape = (typeof STALL_SHAPES)[number];

const WORDS =
  'china russia alliance partnership moscow beijing sanctions energy pipeline border treaty summit trade security council strategy military cooperation economy influence diplomacy'.split(
    ' ',
  );

/** Deterministic prose: `n` characters of sentences ending with periods, no blank lines. */
function prose(n: number, salt: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const words = Array.from(
      { length: 8 + ((i * 7 + salt) % 9) },
      (_, k) => WORDS[(i * 31 + k * 17 + salt) % WORDS.length],
    );
    const sentence = `${words.join(' ').replace(/^./, (c) => c.toUpperCase())} ${salt}-${i}.`;
    out.push(sentence);
    length += sentence.length + 1;
  }
  return out.join(' ');
}

function source(id: string, body: string): string {
  return `---\nid: ${id}\ntitle: Probe ${id}\ntitleIsDescriptive: true\nkind: essay\n---\n\n${body}\n`;
}

function comments(n: number): string {
  const lines = ['commentsOn: valuewalk-2015-russia-china-alliance', 'id: probe-comments', 'comments:'];
  for (let i = 1; i <= n; i++)
    lines.push(`  - number: ${i}`, '    status: approved', '    text: |-', `      ${prose(420, i)}`);
  return `${lines.join('\n')}\n`;
}

/** Writes `shape` into the corpus copy at `root` (which already holds the real corpus). */
export async function writeShape(root: string, shape: StallShape): Promise<void> {
  if (shape === 'huge-paragraph-1MB') {
    // Real article text pasted with single newlines: one paragraph.
    await writeFile(
      join(root, 'sources/probe-huge.md'),
      source('probe-huge', prose(1_000_000, 1).replace(/\. /g, '.\n')),
    );
  } else if (shape === 'random-bytes-5MB') {
    let x = 0x2545f491;
    const bytes = Buffer.alloc(5_000_000, 0);
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    await writeFile(join(root, 'sources/probe-random.md'), bytes);
  } else if (shape.startsWith('comments-')) {
    await writeFile(join(root, 'comments/probe-comments.yaml'), comments(Number(shape.slice('comments-'.length))));
  } else if (shape.startsWith('people-')) {
    const real = await readFile(join(root, 'people.yaml'), 'utf8');
    const n = Number(shape.slice('people-'.length)) - (real.match(/^- id:/gm)?.length ?? 0);
    const extra = Array.from(
      { length: n },
      (_, i) =>
        `- id: probe-person-${i}\n  name: Probe Person ${i}\n  role: analyst number ${i}\n  aliases: [Probe ${i}]\n`,
    );
    await writeFile(join(root, 'people.yaml'), `${real}${extra.join('')}`);
  } else if (shape === 'topics-200') {
    const alliance = await readFile(join(root, 'topics/alliance.yaml'), 'utf8');
    for (let i = 0; i < 200; i++) {
      const text = alliance.replace(/^id: alliance$/m, `id: probe-topic-${i}`).replace(/^aliases: .*$/m, 'aliases: []');
      await writeFile(join(root, `topics/probe-topic-${i}.yaml`), text);
    }
  } else if (shape.startsWith('small-files-')) {
    const existing = 4;
    const n = Number(shape.slice('small-files-'.length)) - existing;
    await mkdir(join(root, 'sources'), { recursive: true });
    for (let i = 0; i < n; i++)
      await writeFile(join(root, `sources/probe-${i}.md`), source(`probe-${i}`, prose(600, i)));
  }
}

/** Copies the real corpus to `root`. */
export async function copyRealCorpus(from: string, root: string): Promise<void> {
  for (const dir of ['sources', 'comments', 'topics']) {
    await mkdir(join(root, dir), { recursive: true });
  }
  const { readdir } = await import('node:fs/promises');
  for (const dir of ['sources', 'comments', 'topics'])
    for (const name of await readdir(join(from, dir))) await copyFile(join(from, dir, name), join(root, dir, name));
  await copyFile(join(from, 'people.yaml'), join(root, 'people.yaml'));
}
