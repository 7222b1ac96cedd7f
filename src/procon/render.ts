/**
 * A verified topic as the console shows it (text) and as `--json` prints it. Pure functions; the Discord view
 * is src/bot/render/procon.ts, and every source fact is worded by src/present.ts.
 */
import type { SourceMeta } from '../corpus/types.ts';
import { formatAuthor, formatLinkNote, formatShortName, formatWhere, sourceData } from '../present.ts';
import type { Evidence, Point, Topic } from './types.ts';

/** "“Title” · Publication · Date · Author" as plain text. */
export function describeSourcePlain(s: SourceMeta): string {
  return `${formatWhere(s, { quoted: true })} · ${formatAuthor(s)}`;
}

// ——— console text ————————————————————————————————————————————————————————————————————————————————

function textLink(s: SourceMeta): string {
  const note = formatLinkNote(s);
  if (s.url === null) return `(${note ?? ''})`;
  return note ? `<${s.url}> (${note})` : `<${s.url}>`;
}

function textEvidence(e: Evidence, indent: string): string[] {
  return [`${indent}“${e.text.replace(/\s*\n\s*/g, ' ')}”`, `${indent}  — ${e.voice}`];
}

function textPoints(points: readonly Point[], showEvidence: boolean): string[] {
  return points.flatMap((p, i) => [
    `  ${i + 1}. ${p.claim}`,
    ...(showEvidence ? p.evidence.flatMap((e) => textEvidence(e, '       ')) : []),
  ]);
}

/**
 * Console text for a topic: the claims, or with `evidence` every point followed by its excerpts, verbatim and
 * attributed.
 */
export function renderTopicText(topic: Topic, options: { evidence?: boolean } = {}): string {
  const ev = options.evidence ?? false;
  const s = topic.source;
  const lines = [
    topic.question,
    `Source: ${describeSourcePlain(s)}`,
    `        ${textLink(s)}`,
    '',
    `PRO — ${topic.sides.pro.label} (${topic.sides.pro.argumentBy})`,
    ...textPoints(topic.pro, ev),
    '',
    `CON — ${topic.sides.con.label} (${topic.sides.con.argumentBy})`,
    ...textPoints(topic.con, ev),
    '',
    `BOTTOM LINE — ${topic.bottomLine.claim}`,
    ...(ev ? topic.bottomLine.evidence.flatMap((e) => textEvidence(e, '       ')) : []),
  ];
  if (topic.elsewhere.length > 0) {
    lines.push('', 'ELSEWHERE IN THE CORPUS');
    for (const e of topic.elsewhere) {
      lines.push(`  • ${formatShortName(e.source)} — ${e.stance}: ${e.claim}`);
      lines.push(`    ${describeSourcePlain(e.source)} ${textLink(e.source)}`);
      if (e.source.credit) lines.push(`    ${e.source.credit}`);
      if (ev) lines.push(...e.evidence.flatMap((x) => textEvidence(x, '       ')));
    }
  }
  if (!ev) lines.push('', `Evidence for every point: /procon ${topic.id} evidence:true`);
  return lines.join('\n');
}

/** Console text when the topic is unknown: the list of topics to choose from. */
export function renderUnknownTopicText(query: string, topics: readonly Topic[]): string {
  if (topics.length === 0) return `No topic called “${query}”, and the corpus has no topics yet.`;
  return [`No topic called “${query}”. Topics:`, ...topics.map((t) => `  ${t.id} — ${t.question}`)].join('\n');
}

// ——— JSON —————————————————————————————————————————————————————————————————————————————————————————

export interface SourceJson {
  id: string;
  title: string;
  titleIsDescriptive: boolean;
  publication: string | null;
  author: string | null;
  date: string | null;
  dateInferred: boolean;
  url: string | null;
  urlVerified: boolean;
  credit: string | null;
}

export interface EvidenceJson {
  text: string;
  voice: string;
  sourceId: string;
  offset: number;
  paragraphIndex: number | null;
}

export interface PointJson {
  claim: string;
  evidence: EvidenceJson[];
}

export interface TopicJson {
  id: string;
  question: string;
  source: SourceJson;
  sides: { pro: { label: string; argumentBy: string }; con: { label: string; argumentBy: string } };
  pro: PointJson[];
  con: PointJson[];
  bottomLine: PointJson;
  elsewhere: (PointJson & { stance: string; source: SourceJson })[];
}

function sourceJson(s: SourceMeta): SourceJson {
  return { ...sourceData(s), titleIsDescriptive: s.titleIsDescriptive };
}

function pointJson(p: Point): PointJson {
  return {
    claim: p.claim,
    evidence: p.evidence.map((e) => ({
      text: e.text,
      voice: e.voice,
      sourceId: e.sourceId,
      offset: e.offset,
      paragraphIndex: e.paragraphIndex,
    })),
  };
}

/** The topic as plain JSON (for `--json`): evidence `text` is the source's own characters. */
export function renderTopicJson(topic: Topic): TopicJson {
  return {
    id: topic.id,
    question: topic.question,
    source: sourceJson(topic.source),
    sides: {
      pro: { label: topic.sides.pro.label, argumentBy: topic.sides.pro.argumentBy },
      con: { label: topic.sides.con.label, argumentBy: topic.sides.con.argumentBy },
    },
    pro: topic.pro.map(pointJson),
    con: topic.con.map(pointJson),
    bottomLine: pointJson(topic.bottomLine),
    elsewhere: topic.elsewhere.map((e) => ({
      stance: e.stance,
      source: sourceJson(e.source),
      ...pointJson(e),
    })),
  };
}
