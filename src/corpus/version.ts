/**
 * The corpus format version. A corpus says which format it is written in with `corpusVersion` in
 * `verbatim.yaml` at its root; a corpus without that file predates it and is version 1. A corpus from a newer
 * format is refused with one clear problem instead of a list of puzzling field errors.
 */
import { z } from 'zod';
import { parseYamlFile } from './frontmatter.ts';
import { DEFAULT_LIMITS, type CorpusLimits } from './limits.ts';
import type { CorpusProblem } from './problems.ts';
import { readCorpusFile } from './read-file.ts';

/** The newest corpus format this bot reads. Bump it (and say so in CHANGELOG.md) when the format changes. */
export const CORPUS_FORMAT_VERSION = 1;
export const CORPUS_MANIFEST = 'verbatim.yaml';

const zManifest = z.object({ corpusVersion: z.number().int().min(1) }).loose();

function problem(field: string | null, message: string, fix: string): CorpusProblem[] {
  return [{ file: CORPUS_MANIFEST, field, message, fix }];
}

/** Problems with the corpus's declared format version; empty when this bot can read it. */
export async function checkCorpusVersion(root: string, limits: CorpusLimits = DEFAULT_LIMITS): Promise<CorpusProblem[]> {
  // The guarded reader, as for every corpus file: a FIFO or a link here would otherwise hang or escape the corpus.
  const read = await readCorpusFile(root, CORPUS_MANIFEST, limits);
  if (!read.ok) return read.code === 'ENOENT' ? [] : [read.problem];
  const parsed = parseYamlFile(read.file.text);
  if (!parsed.ok) return problem(null, parsed.message, parsed.fix);
  const manifest = zManifest.safeParse(parsed.data);
  if (!manifest.success)
    return problem(
      'corpusVersion',
      'missing or not a whole number of at least 1',
      `write \`corpusVersion: ${CORPUS_FORMAT_VERSION}\` for a corpus in this bot's format`,
    );
  const version = manifest.data.corpusVersion;
  if (version > CORPUS_FORMAT_VERSION)
    return problem(
      'corpusVersion',
      `this corpus is in format version ${version}, newer than this bot reads (version ${CORPUS_FORMAT_VERSION})`,
      'upgrade Verbatim (CHANGELOG.md lists what each format version changed), or use a corpus written for ' +
        `version ${CORPUS_FORMAT_VERSION}`,
    );
  return [];
}
