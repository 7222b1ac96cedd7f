/**
 * Verifying a parsed topic against the corpus: its sources exist and are articles, the file name is its id,
 * and every excerpt is found verbatim in its source. Each verifier reports into one context and returns
 * what it could verify.
 */
import path from 'node:path';
import type { Source, SourceMeta } from '../corpus/types.ts';
import { formatOwnVoice } from '../present.ts';
import { truncate } from '../text/truncate.ts';
import type { CorpusProblem, Elsewhere, Evidence, EvidenceEntry, Point, PointFile, Topic, TopicFile } from './types.ts';
import { findMatchingPrefix, findVerbatim, type FoldedText } from './verbatim.ts';

/** What every verifier of one topic file needs, and where it reports. */
export interface VerifyContext {
  readonly file: string;
  readonly topicId: string;
  readonly byId: ReadonlyMap<string, Source>;
  readonly foldedBody: (s: Source) => FoldedText;
  readonly problems: CorpusProblem[];
}

/** Where a point sits in the file, how a problem names it, and whose voice its excerpts default to. */
interface PointPlace {
  readonly field: string;
  readonly label: string;
  readonly voice: string;
}

/** The topic with every excerpt located in its source, or undefined when any check failed (all are reported). */
export function verifyTopic(ctx: VerifyContext, data: TopicFile): Topic | undefined {
  const before = ctx.problems.length;
  verifyFileName(ctx, data.id);
  const main = resolveSource(ctx, 'source', data.source);
  const elsewhere = verifyElsewhere(ctx, data.elsewhere);
  if (!main) return undefined;
  const sidePoints = (side: 'pro' | 'con'): Point[] =>
    data[side].map((p, i) =>
      verifyPoint(ctx, main, p, {
        field: `${side}[${i}]`,
        label: `${side} point ${i + 1} ("${truncate(p.claim, 60)}")`,
        voice: data.sides[side].argumentBy,
      }),
    );
  const bottomLine = { field: 'bottomLine', label: 'the bottom line', voice: formatOwnVoice(main) };
  const topic: Topic = {
    id: data.id,
    file: ctx.file,
    question: data.question,
    aliases: data.aliases,
    source: pickMeta(main),
    sides: data.sides,
    pro: sidePoints('pro'),
    con: sidePoints('con'),
    bottomLine: verifyPoint(ctx, main, data.bottomLine, bottomLine),
    elsewhere,
  };
  return ctx.problems.length === before ? topic : undefined;
}

function verifyFileName(ctx: VerifyContext, id: string): void {
  const stem = path.basename(ctx.file).replace(/\.ya?ml$/i, '');
  if (stem === id) return;
  ctx.problems.push({
    file: ctx.file,
    field: 'id',
    message: `id "${id}" does not match the file name "${path.basename(ctx.file)}"`,
    fix: `rename the file to ${id}.yaml or set id: ${stem}`,
  });
}

function verifyElsewhere(ctx: VerifyContext, entries: TopicFile['elsewhere']): Elsewhere[] {
  const elsewhere: Elsewhere[] = [];
  entries.forEach((e, i) => {
    const field = `elsewhere[${i}]`;
    const other = resolveSource(ctx, `${field}.source`, e.source);
    if (!other) return;
    const place = { field, label: `elsewhere ${i + 1} (${other.id})`, voice: formatOwnVoice(other) };
    elsewhere.push({ ...verifyPoint(ctx, other, e, place), source: pickMeta(other), stance: e.stance });
  });
  return elsewhere;
}

/** An article of the corpus by id; an unknown id or a reader-comments source is a problem. */
function resolveSource(ctx: VerifyContext, field: string, id: string): Source | undefined {
  const source = ctx.byId.get(id);
  if (!source) {
    const known = [...ctx.byId.values()].filter((s) => s.kind !== 'reader-comments').map((s) => s.id);
    ctx.problems.push({
      file: ctx.file,
      field,
      message: `unknown source "${id}"`,
      fix: known.length
        ? `use the id of a source in corpus/sources/: ${known.join(', ')}`
        : 'add the source to corpus/sources/ first',
    });
    return undefined;
  }
  if (source.kind === 'reader-comments') {
    ctx.problems.push({
      file: ctx.file,
      field,
      message: `"${id}" is reader comments, not an article`,
      fix: "summarise an article; reader comments are never presented as a source's argument",
    });
    return undefined;
  }
  return source;
}

function verifyPoint(ctx: VerifyContext, source: Source, point: PointFile, place: PointPlace): Point {
  const voice = point.voice ?? place.voice;
  const evidence: Evidence[] = [];
  point.evidence.forEach((entry, i) => {
    const at = { field: `${place.field}.evidence[${i}]`, label: `${place.label}, excerpt ${i + 1}`, voice };
    const found = verifyEvidence(ctx, source, entry, at);
    if (found) evidence.push(found);
  });
  return { claim: point.claim, evidence };
}

function verifyEvidence(
  ctx: VerifyContext,
  source: Source,
  entry: EvidenceEntry,
  place: PointPlace,
): Evidence | undefined {
  const quote = typeof entry === 'string' ? entry : entry.quote;
  const body = ctx.foldedBody(source);
  const span = findVerbatim(body, quote);
  if (!span) {
    const matching = findMatchingPrefix(body, quote);
    ctx.problems.push({
      file: ctx.file,
      field: place.field,
      message:
        `topic "${ctx.topicId}", ${place.label}: excerpt not found in source ${source.id}: "${truncate(quote.trim(), 90)}"` +
        (matching ? ` (the source has "${truncate(matching, 90)}" but then differs)` : ''),
      fix: 'copy the words exactly from the source; only quote styles, dashes and spacing may differ',
    });
    return undefined;
  }
  return {
    quote,
    text: source.body.slice(span.offset, span.offset + span.length),
    sourceId: source.id,
    offset: span.offset,
    paragraphIndex: paragraphAt(source, span.offset),
    voice: (typeof entry === 'string' ? undefined : entry.voice) ?? place.voice,
  };
}

/** The source's metadata without its text, so a topic carries what it shows and nothing more. */
function pickMeta(s: Source): SourceMeta {
  const { file: _file, body: _body, paragraphs: _paragraphs, hash: _hash, subtitle: _subtitle, ...meta } = s;
  return meta;
}

/** Index of the paragraph holding body offset `offset`, or null before the first paragraph. */
function paragraphAt(s: Source, offset: number): number | null {
  let found: number | null = null;
  let cursor = 0;
  for (const p of s.paragraphs) {
    const at = s.body.indexOf(p.text, cursor);
    if (at < 0) continue;
    if (at > offset) break;
    found = p.index;
    cursor = at + p.text.length;
  }
  return found;
}
