/** The card in Discord: inside every limit, cut only between words, the passage always shown and marked. */
import type { APIEmbed } from 'discord.js';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedsLength, LIMITS } from '../../../src/bot/render/limits.ts';
import { toReply } from '../../../src/bot/render/message.ts';
import { cardFiles, CONTINUED_IN_FILE, renderCard, styledToMarkdown } from '../../../src/bot/render/card.ts';
import { buildCard, SPANS } from '../../../src/cite/card.ts';
import { loadCorpus } from '../../../src/corpus/load.ts';
import { plainPassage } from '../../../src/corpus/stored.ts';
import type { Corpus, Passage, Source } from '../../../src/corpus/types.ts';
import { REPO_ROOT } from '../../helpers/corpus.ts';

const LEDGER = 'ledger-2026-gas-grid';
let ledger: Corpus;

beforeAll(async () => {
  const loaded = await loadCorpus(path.join(REPO_ROOT, 'tests/fixtures/cite-corpus'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  ledger = loaded.corpus;
});

const BUTTONS = { before: 'cite:before:x:1.0.p', after: 'cite:after:x:0.1.p', post: 'cite:post:x:0.0.p' };

function sendable(card: ReturnType<typeof buildCard>): APIEmbed {
  const reply = toReply(renderCard(card, null, BUTTONS), { ephemeral: true }) as { embeds: APIEmbed[] };
  const embed = reply.embeds[0]!;
  expect(embedsLength(reply.embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
  expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
  for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  // Nothing was cut by the clamp after rendering: the renderer kept to the limits itself.
  expect(embed.description!.endsWith('…') && !embed.description!.endsWith(CONTINUED_IN_FILE)).toBe(false);
  return embed;
}

/** The card's words as shown: description after the cite, then each continued field. */
function pieces(embed: APIEmbed): string[] {
  const text = embed.description!.split('\n\n').slice(1).join('\n\n');
  return [text, ...(embed.fields ?? []).map((f) => f.value)];
}

/** Words with markdown bold marks and escapes taken out. */
function words(text: string): string[] {
  return text
    .replace(/\*\*/g, '')
    .replace(/\\(.)/g, '$1')
    .split(/\s+/)
    .filter((w) => w !== '');
}

function passageWith(words: string): Passage {
  const passage = ledger.passages.find((p) => p.sourceId === LEDGER && p.text.includes(words));
  if (passage === undefined) throw new Error(`no passage with ${words}`);
  return passage;
}

function ledgerSource(): Source {
  return ledger.sources.find((s) => s.id === LEDGER)!;
}

describe('a styled cite in Discord', () => {
  it('GIVEN citeproc HTML THEN italics become markdown italics, entities are decoded and the rest is escaped', () => {
    expect(styledToMarkdown('Okafor, M. (2026). Gas &#38; the *Grid*. <i>The Ledger</i>. https://x.org/a_b')).toBe(
      'Okafor, M. (2026). Gas & the \\*Grid\\*. *The Ledger*. https://x.org/a\\_b',
    );
  });

  it('GIVEN a Chicago card THEN the embed shows the publication in italics', () => {
    const passage = passageWith('Storage targets');
    const embed = sendable(buildCard({ passage, source: ledgerSource(), style: 'chicago' }));
    expect(embed.description).toContain(
      '**Okafor 26** — Okafor, Miriam. “Gas and the Grid.” *The Ledger*, March 14, 2026.',
    );
  });
});

describe('card rendering within Discord limits', () => {
  it('GIVEN a paragraph longer than an embed description THEN it continues across fields, cut only between words, with nothing lost', () => {
    const passage = passageWith('supergiantfieldsofcondensate');
    const paragraph = ledgerSource().paragraphs[passage.paragraphIndex]!.text;
    expect(paragraph.length).toBeGreaterThan(LIMITS.embedDescription);
    const embed = sendable(buildCard({ passage, source: ledgerSource() }));
    expect(embed.fields!.length).toBeGreaterThan(0);
    expect(embed.fields!.every((f) => f.name === '(continued)')).toBe(true);
    const shown = pieces(embed);
    // Every piece ends at a whole word of the paragraph: joined, the words are exactly the paragraph's words.
    expect(shown.flatMap(words)).toEqual(words(paragraph));
    for (const piece of shown) expect((piece.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect(shown.join(' ')).toContain(`**${passage.text}**`);
    expect(embed.footer!.text).toContain('.md and .html attached');
  });

  it('GIVEN more words than one message holds THEN the passage is still shown in bold and the cut is marked, never mid-word', () => {
    const passage = passageWith('supergiantfieldsofcondensate');
    const source = ledgerSource();
    const huge = `${'Storage economics were debated again and again by everyone in the room that day. '.repeat(150)}`;
    const body = `${huge}${source.paragraphs[passage.paragraphIndex]!.text}`;
    const big: Source = {
      ...source,
      body,
      paragraphs: [{ index: 0, heading: null, text: body }],
    };
    const moved: Passage = { ...plainPassage(passage), paragraphIndex: 0, offset: body.indexOf(passage.text) };
    const embed = sendable(buildCard({ passage: moved, source: big }));
    const shown = pieces(embed);
    expect(shown.join(' ')).toContain(`**${passage.text}**`);
    expect(shown[0]!.startsWith('… ')).toBe(true);
    expect(embed.footer!.text).toContain('the whole text is in the attached .md and .html');
    const allWords = words(body);
    const seen = shown.flatMap((p) => words(p.replace(/^… /, '').replace(CONTINUED_IN_FILE, '')));
    // The shown words are one unbroken run of the source's words.
    const at = allWords.indexOf(seen[0]!, allWords.length - seen.length - 1);
    expect(allWords.slice(at, at + seen.length)).toEqual(seen);
    // And the attached files hold all of it.
    expect(cardFiles(buildCard({ passage: moved, source: big }))[0]!.attachment.toString('utf8')).toContain(
      huge.trim(),
    );
  });

  it('GIVEN a single word longer than a field THEN it is not split: the text stops before it, marked as continued in the file', () => {
    const passage = passageWith('Storage targets');
    const source = ledgerSource();
    const word = 'x'.repeat(LIMITS.embedDescription + 100);
    const text = `${source.paragraphs[0]!.text} ${word} end.`;
    const big: Source = { ...source, body: text, paragraphs: [{ index: 0, heading: null, text }] };
    const moved: Passage = { ...plainPassage(passage), paragraphIndex: 0, offset: text.indexOf(passage.text) };
    const embed = sendable(buildCard({ passage: moved, source: big }));
    const shown = pieces(embed);
    expect(shown.join(' ')).toContain(`**${passage.text}**`);
    expect(shown.join(' ')).not.toContain('xxxxx');
    expect(shown[shown.length - 1]!.endsWith(CONTINUED_IN_FILE)).toBe(true);
  });

  it('GIVEN a card THEN its buttons are ＋ before, ＋ after and Post, disabled where the source ends', () => {
    const passage = passageWith('Storage targets');
    const body = renderCard(buildCard({ passage, source: ledgerSource(), span: SPANS.paragraph }), null, BUTTONS);
    const buttons = body.components![0]!.components as { label: string; disabled?: boolean }[];
    expect(buttons.map((b) => [b.label, b.disabled ?? false])).toEqual([
      ['＋ before', true],
      ['＋ after', false],
      ['Post to channel', false],
    ]);
    expect(renderCard(buildCard({ passage, source: ledgerSource() }), null, null).components).toEqual([]);
  });
});
