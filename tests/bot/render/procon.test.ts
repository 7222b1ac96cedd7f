import { beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import { splitAtWords } from '../../../src/bot/render/fields.ts';
import { embedsLength, LIMITS } from '../../../src/bot/render/limits.ts';
import {
  buildProconCustomId,
  parseProconCustomId,
  renderEvidenceMessages,
  renderTopicPage,
  renderTopicPages,
  renderUnknownTopicEmbed,
  type ProconMessage,
} from '../../../src/bot/render/procon.ts';
import type { Topic } from '../../../src/procon/types.ts';
import { loadRealCorpus } from '../../helpers/corpus.ts';
import { makeTopic, words } from '../../procon/topics.ts';

/** Asserts every Discord limit on a message, with the numbers in the failure. */
function expectWithinLimits(message: ProconMessage): void {
  expect(message.embeds.length).toBeGreaterThan(0);
  expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
  }
  expect(embedsLength(message.embeds)).toBeLessThanOrEqual(6000);
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of row.components) {
      if ('custom_id' in button) expect(button.custom_id.length).toBeLessThanOrEqual(100);
      if ('label' in button) expect(button.label?.length ?? 0).toBeLessThanOrEqual(80);
    }
  }
}

/** Field values of the given heading (and its continuations), rejoined where they were split. */
function rejoin(embeds: readonly APIEmbed[], heading: string): string {
  return embeds
    .flatMap((e) => e.fields ?? [])
    .filter((f) => f.name === heading || f.name.startsWith(`${heading} (cont.)`) || f.name.startsWith(heading))
    .map((f) => f.value)
    .join('\n')
    .replace(/ …\n… /g, ' ');
}

describe('the alliance topic, rendered', () => {
  let alliance: Topic;
  beforeAll(async () => {
    const { topics } = await loadRealCorpus();
    const found = topics.find((t) => t.id === 'alliance');
    if (!found) throw new Error('no alliance topic');
    alliance = found;
  });

  it('WHEN shown in Discord THEN one embed has the question, Pro, Con, bottom line, elsewhere and the link', () => {
    const pages = renderTopicPages(alliance);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    if (!page) throw new Error('no page');
    expectWithinLimits(page);
    expect(page.embeds).toHaveLength(1);
    const [embed] = page.embeds;
    expect(embed?.title).toBe('Are China and Russia moving toward a formal alliance?');
    expect(embed?.url).toBe('https://thediplomat.com/2014/05/are-china-and-russia-moving-toward-a-formal-alliance/');
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      'Pro — For an alliance',
      'Con — Against an alliance',
      'Bottom line',
      'Elsewhere in the corpus',
    ]);
    const [pro, con, bottom, elsewhere] = embed?.fields ?? [];
    expect(pro?.value.match(/^\*\*\d+\.\*\* /gm)).toHaveLength(alliance.pro.length);
    expect(con?.value.match(/^\*\*\d+\.\*\* /gm)).toHaveLength(alliance.con.length);
    expect(bottom?.value).toMatch(/unlikely in the near future, unless the U\.S\. militarily threatens both/);
    expect(elsewhere?.value).toContain('Russia Insider');
    expect(elsewhere?.value).toContain('ValueWalk');
    expect(elsewhere?.value).toContain('likely to stay strong');
    expect(embed?.description).toContain('The Diplomat · May 2014 (inferred) · author not named');
    expect(embed?.description).toContain('(link not verified)');
    expect(page.components[0]?.components[0]).toMatchObject({
      custom_id: 'procon:evidence:alliance',
      label: 'Show the evidence',
    });
  });

  it('WHEN the evidence is shown THEN every excerpt appears verbatim, attributed and linked, within limits', () => {
    const messages = renderEvidenceMessages(alliance);
    messages.forEach(expectWithinLimits);
    const values = messages
      .flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []))
      .map((f) => f.value)
      .join('\n');
    const unescaped = values.replace(/\\(.)/g, '$1');
    const excerpts = [
      ...alliance.pro.flatMap((p) => p.evidence),
      ...alliance.con.flatMap((p) => p.evidence),
      ...alliance.bottomLine.evidence,
      ...alliance.elsewhere.flatMap((e) => e.evidence),
    ];
    for (const e of excerpts) expect(unescaped).toContain(`“${e.text}”`);
    expect(unescaped).toContain(
      '— Yan Xuetong (Qinghua University), as reported by The Diplomat · [The Diplomat](https://thediplomat.com/',
    );
    expect(unescaped).toContain('— The Diplomat (author not verified)');
    expect(unescaped).toContain("— Wang Yi, China's Foreign Minister, as quoted by Russia Insider");
    expect(unescaped).toContain('First appeared on Russia Insider');
    expect(unescaped).toContain('unsigned essay, no publication named · no link known');
  });
});

describe('a huge topic', () => {
  const huge = makeTopic('huge', {
    question: `Is this ${words(80, 1)} the question?`,
    points: 120,
    claimWords: 230,
    excerpts: 3,
    excerptWords: 400,
  });

  it('WHEN shown THEN it is split over pages, each within every limit, and no claim is lost', () => {
    const pages = renderTopicPages(huge);
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach(expectWithinLimits);
    const embeds = pages.flatMap((p) => p.embeds);
    const pro = rejoin(embeds, 'Pro — For');
    const con = rejoin(embeds, 'Con — Against');
    for (const point of huge.pro) expect(pro).toContain(point.claim.replace(/[\\*_~`|[\]<>#]/g, (c) => `\\${c}`));
    for (const point of huge.con) expect(con).toContain(point.claim);
    expect(embeds.some((e) => e.fields?.some((f) => f.name === 'Pro — For (cont.)'))).toBe(true);
  });

  it('THEN the long question is shortened at a word boundary in the title, in full in the description, with a note', () => {
    const [first] = renderTopicPages(huge);
    const embed = first?.embeds[0];
    expect(huge.question.length).toBeGreaterThan(256);
    expect(embed?.title?.endsWith('…')).toBe(true);
    expect(huge.question.startsWith((embed?.title ?? '').slice(0, -1))).toBe(true);
    expect(huge.question.charAt((embed?.title?.length ?? 1) - 1)).toBe(' ');
    expect(embed?.description).toContain(huge.question);
    expect(embed?.footer?.text).toContain('Some headings were shortened (…)');
  });

  it('THEN pages have Previous/Next buttons and out-of-range pages are clamped', () => {
    const last = renderTopicPage(huge, 10_000);
    expect(last.page).toBe(last.pageCount - 1);
    expect(last.embeds[0]?.footer?.text).toContain(`Page ${last.pageCount}/${last.pageCount}`);
    const buttons = last.components[0]?.components ?? [];
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'procon:evidence:huge',
      `procon:page:huge:${last.pageCount - 2}`,
      `procon:page:huge:${last.pageCount}`,
    ]);
    expect(buttons[2]).toMatchObject({ disabled: true });
    expect(renderTopicPage(huge, -3).page).toBe(0);
  });

  it('WHEN its evidence is shown THEN every excerpt is there in full across messages, each within limits', () => {
    const messages = renderEvidenceMessages(huge);
    expect(messages.length).toBeGreaterThan(20);
    messages.forEach(expectWithinLimits);
    const all = messages
      .flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []))
      .map((f) => f.value)
      .join('\n')
      .replace(/ …\n… /g, ' ');
    for (const point of [...huge.pro, ...huge.con])
      for (const e of point.evidence) expect(all).toContain(`“${e.text.replace(/[\\*_~`|[\]<>#]/g, (c) => `\\${c}`)}”`);
    expect(all).toContain('Credit line required by the licence.');
  });
});

describe('text helpers', () => {
  it('GIVEN a long line WHEN split THEN pieces fit, break between words, and rejoin to the original', () => {
    const line = words(500, 2);
    const pieces = splitAtWords(line, 1024);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1024);
    expect(pieces.join('\n').replace(/ …\n… /g, ' ')).toBe(line);
  });

  it('GIVEN escaped markdown at a cut WHEN split THEN no piece ends with a lone backslash', () => {
    const line = '\\*'.repeat(700);
    for (const piece of splitAtWords(line, 100)) expect(/(^|[^\\])(\\\\)*\\ …$/.test(piece)).toBe(false);
  });

  it('custom ids round-trip and foreign ids are refused', () => {
    expect(parseProconCustomId(buildProconCustomId({ kind: 'evidence', topicId: 'alliance' }))).toEqual({
      kind: 'evidence',
      topicId: 'alliance',
    });
    expect(parseProconCustomId(buildProconCustomId({ kind: 'page', topicId: 'a-b', page: 3 }))).toEqual({
      kind: 'page',
      topicId: 'a-b',
      page: 3,
    });
    expect(parseProconCustomId('quote:page:1')).toBeNull();
  });

  it('GIVEN an unknown topic WHEN answered in Discord THEN the topics are listed within limits', () => {
    const topics = Array.from({ length: 40 }, (_, i) => makeTopic(`t${i}`));
    const message = renderUnknownTopicEmbed('nato', topics);
    expectWithinLimits(message);
    expect(message.embeds[0]?.fields).toHaveLength(25);
    expect(message.embeds[0]?.footer?.text).toBe('…and 15 more');
  });
});

describe('one escaper for every reply', () => {
  it('GIVEN a /procon claim starting with "- " THEN it is not rendered as a bullet, and "C#" is left alone', () => {
    const topic = makeTopic('t', {});
    const claim = '- a dash that must stay a dash, about C# and zero-sum';
    const pages = renderTopicPages({ ...topic, bottomLine: { ...topic.bottomLine, claim } });
    const bottom = pages[0]?.embeds[0]?.fields?.find((f) => f.name === 'Bottom line')?.value;
    expect(bottom).toBe('\\- a dash that must stay a dash, about C# and zero-sum');
  });
});
