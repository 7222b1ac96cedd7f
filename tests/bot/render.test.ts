import type { APIEmbed } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { clampChoices, clampEmbeds, embedsLength, LIMITS, truncate } from '../../src/bot/render/limits.ts';
import { escapeMarkdown } from '../../src/bot/render/markdown.ts';
import { type MessageBody, toReply } from '../../src/bot/render/message.ts';
import { renderContext, renderQuote } from '../../src/bot/render/quote.ts';
import { renderFindResults } from '../../src/bot/render/find.ts';
import { renderReload } from '../../src/bot/render/reload.ts';
import { renderSources } from '../../src/bot/render/sources.ts';
import { buttonsFor } from '../../src/bot/paging.ts';
import { Library } from '../../src/library.ts';
import type { QuoteHit } from '../../src/search/engine.ts';
import { plainPassage } from '../../src/corpus/stored.ts';
import { REAL_CORPUS } from './harness.ts';

/** Every limit from DISCORD-FACTS.md, checked on a rendered message after the reply adapter. */
function expectWithinDiscordLimits(body: MessageBody): void {
  const reply = toReply(body, { ephemeral: false }) as unknown as {
    content?: string;
    embeds: APIEmbed[];
    components: { components: { custom_id?: string; label?: string }[] }[];
    allowedMentions: unknown;
  };
  if (reply.content !== undefined) expect(reply.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(embedsLength(reply.embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const embed of reply.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  for (const row of reply.components)
    for (const c of row.components) expect(c.custom_id?.length ?? 0).toBeLessThanOrEqual(LIMITS.customId);
  expect(reply.allowedMentions).toEqual({ parse: [] });
}

const HUGE = `*_~\`|> [x](y) @everyone <@123456789012345678> ${'word '.repeat(3000)}`;

describe('renderers keep every reply inside Discord limits', () => {
  let library: Library;
  let hit: QuoteHit;
  beforeAll(async () => {
    library = await Library.open(REAL_CORPUS);
    hit = library.state.index.search({ text: 'abandon the zero-sum mentality' })[0]!;
  });

  const huge = (): QuoteHit => ({
    ...hit,
    passage: {
      ...plainPassage(hit.passage),
      text: HUGE,
      voice: { ...hit.passage.voice, name: 'N'.repeat(300), role: 'R'.repeat(300) },
    },
    source: { ...hit.source, title: 'T'.repeat(400), credit: 'C'.repeat(2000) },
    context: `${'before '.repeat(2000)}${HUGE}${' after'.repeat(2000)}`,
  });

  it('GIVEN a real hit THEN the quote embed names the voice, the source line and links the source', () => {
    const body = renderQuote({ hit, index: 0, total: 3, buttons: buttonsFor('abc', 0) });
    expectWithinDiscordLimits(body);
    const embed = body.embeds[0]!;
    expect(embed.author?.name).toBe("Qu Xing — China's ambassador to Belgium");
    expect(embed.title).toBe(
      'Russia And China To Form Alliance Against United States? · ValueWalk · March 2015 (inferred)',
    );
    expect(embed.url).toBe('https://www.valuewalk.com/2015/03/russia-and-china-vs-us/');
    expect(embed.description).toBe(`> ${hit.passage.text}`);
    expect(embed.footer?.text).toBe('match 1 of 3 · link verified · author not named');
  });

  it('GIVEN an opinion piece and a blog post THEN the quote footer and Find quotes name the byline and the kind', () => {
    const diplomat = library.state.index.search({ text: 'formal alliance', source: 'diplomat' })[0]!;
    expect(renderQuote({ hit: diplomat, index: 0, total: 1, buttons: null }).embeds[0]!.footer?.text).toBe(
      'match 1 of 1 · link not verified · author not named · opinion',
    );
    const blog = library.state.index.search({ text: 'not confined to bilateral levels' })[0]!;
    const found = renderFindResults([blog], 'bilateral').embeds[0]!.fields![0]!.value;
    expect(found).toContain('author not named · blog post');
  });

  it('GIVEN a source with no link THEN there is no embed URL and the footer says so', () => {
    const essay = library.state.index.search({ text: 'Belt and Road Initiative' })[0]!;
    expect(essay.source.url).toBeNull();
    const embed = renderQuote({ hit: essay, index: 0, total: 1, buttons: null }).embeds[0]!;
    expect(embed.url).toBeUndefined();
    expect(embed.footer?.text).toContain('no link known');
    expect(embed.title).toContain('(descriptive title) · publication unknown · date unknown');
  });

  it('GIVEN a huge passage, voice, title and credit THEN the quote embed is clamped and escaped', () => {
    const body = renderQuote({ hit: huge(), index: 24, total: 25, buttons: buttonsFor('x'.repeat(12), 24) });
    expectWithinDiscordLimits(body);
    const embed = body.embeds[0]!;
    expect(embed.description!.endsWith('…')).toBe(true);
    expect(embed.description).toContain('\\*\\_\\~\\`\\|');
    expect(embed.description).not.toContain('@everyone');
  });

  it('GIVEN a huge paragraph THEN Context keeps the passage visible in bold and stays within limits', () => {
    const big = {
      ...hit,
      context: `${'lead-in words '.repeat(1000)}${hit.passage.text}${' trailing words'.repeat(1000)}`,
    };
    const body = renderContext(big);
    expectWithinDiscordLimits(body);
    expect(body.embeds[0]!.description).toContain(`**${escapeMarkdown(hit.passage.text)}**`);
    expectWithinDiscordLimits(renderContext(huge()));
  });

  it('GIVEN five huge hits THEN Find quotes fields and the footer stay within limits', () => {
    expectWithinDiscordLimits(renderFindResults(Array.from({ length: 8 }, huge), HUGE));
  });

  it('GIVEN 300 sources with long titles THEN /sources fills at most 10 embeds and counts what it left out', () => {
    const { corpus } = library.state;
    const many = {
      ...corpus,
      sources: Array.from({ length: 300 }, (_, i) => ({
        ...corpus.sources[0]!,
        id: `s${i}`,
        title: `${i} ${'Title '.repeat(60)}`,
      })),
    };
    const body = renderSources(many);
    expectWithinDiscordLimits(body);
    const footer = body.embeds.at(-1)!.footer!.text;
    expect(footer).toMatch(/^…and \d+ more not shown/);
  });

  it('GIVEN 500 corpus problems THEN the reload refusal is clamped and counts the rest', () => {
    const problems = Array.from({ length: 500 }, (_, i) => ({
      file: `sources/f${i}.md`,
      field: 'title',
      message: 'M'.repeat(300),
      fix: 'F'.repeat(300),
    }));
    const body = renderReload({
      ok: false,
      problems,
      ms: 12,
      kept: { sources: 4, passages: 100, people: 5, topics: 1 },
      hash: 'h',
    });
    expectWithinDiscordLimits(body);
    expect(body.embeds[0]!.description).toMatch(/…and \d+ more problems$/);
  });

  it('GIVEN a successful reload with hundreds of changed ids THEN the report is clamped', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `source-id-number-${i}`);
    const counts = { sources: 4, passages: 100, people: 5, topics: 1 };
    const body = renderReload({
      ok: true,
      before: counts,
      after: { ...counts, passages: 120 },
      added: ids,
      removed: [],
      changed: ids,
      ms: 5,
      hash: 'abcdef0123456789',
      previousHash: 'x',
      unattributed: ids.map((sourceId) => ({ sourceId, quotations: 9, unattributed: 3 })),
    });
    expectWithinDiscordLimits(body);
    expect(body.embeds[0]!.fields!.find((f) => f.name === 'Passages')!.value).toBe('100 → 120 (+20)');
    expect(body.embeds[0]!.fields!.find((f) => f.name === 'Removed')!.value).toBe('none');
  });
});

describe('limit helpers', () => {
  it('truncate never exceeds the limit, never splits a surrogate pair or leaves a dangling escape', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('abc\\*def', 5);
    expect(cut.length).toBeLessThanOrEqual(5);
    expect(cut).toBe('abc…');
    const emoji = truncate('ab😀cd', 4);
    expect(emoji).toBe('ab…');
  });

  it('clampEmbeds keeps 10 embeds and the 6000-character total', () => {
    const field = { name: 'n'.repeat(300), value: 'v'.repeat(2000) };
    const embeds = Array.from({ length: 12 }, () => ({
      title: 't'.repeat(300),
      description: 'd'.repeat(5000),
      fields: Array.from({ length: 30 }, () => field),
    }));
    const out = clampEmbeds(embeds);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(embedsLength(out)).toBeLessThanOrEqual(6000);
  });

  it('clampChoices gives at most 25 unique choices with names of 1–100 and values ≤ 100', () => {
    const choices = [
      { name: '   ', value: 'blank' },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${'n'.repeat(300)}`, value: `${i}${'v'.repeat(300)}` })),
      { name: 'dup', value: '0' },
    ];
    const out = clampChoices(choices);
    expect(out).toHaveLength(25);
    for (const c of out) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(out.some((c) => c.value === 'blank')).toBe(false);
  });

  it('escapeMarkdown escapes formatting but leaves ordinary prose readable', () => {
    expect(escapeMarkdown('zero-sum (S-400) U.S.')).toBe('zero-sum (S-400) U.S.');
    expect(escapeMarkdown('**bold** _it_ ~~s~~ `c` ||sp|| [l](u)')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\| \\[l\\](u)',
    );
    expect(escapeMarkdown('> quote\n# head\n- item\n1. one')).toBe('\\> quote\n\\# head\n\\- item\n1\\. one');
    expect(escapeMarkdown('@everyone @here <@123> <#456> <@&789>')).not.toMatch(
      /@everyone|@here|<@123>|<#456>|<@&789>/,
    );
  });
});
