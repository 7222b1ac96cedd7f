/**
 * Cards end to end: the real bot against the fake Discord. Card on a /quote answer, widening, posting to the
 * channel, /cite with a tag and a style, and who may press what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, type Harness, startHarness } from '../bot/harness.ts';
import type { UploadedFile } from '../fake-discord/server.ts';

const EPHEMERAL = 64;
const QU_XING =
  'China’s ambassador to Belgium, Qu Xing, asked the West to “abandon the zero-sum mentality” with Russia.';

interface Button {
  custom_id: string;
  label: string;
  disabled?: boolean;
}

function buttonsOf(data: { components: { components: Button[] }[] }): Record<string, Button> {
  return Object.fromEntries((data.components[0]?.components ?? []).map((b) => [b.label, b]));
}

/** Everything a reader sees of the card's words: description and continued fields. */
function shownText(embed: { description: string; fields?: { value: string }[] }): string {
  return [embed.description, ...(embed.fields ?? []).map((f) => f.value)].join('\n');
}

describe('debate cards against the fake Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN a /quote answer WHEN the debater presses Card, widens after and posts THEN the channel gets the widened card with the passage in bold and its files', async () => {
    const quote = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'zero-sum mentality' })),
    );
    expect(quote.embeds[0].footer.text).toContain('author not named');
    const card = buttonsOf(quote)['Card'];
    expect(card).toBeDefined();

    // Card: private, tag left to fill, cite, the paragraph with the passage in bold, files attached.
    const pressed = await h.fake.waitForCallback(h.fake.button(card!.custom_id, quote));
    expect(pressed.body.type).toBe(4);
    const first = callbackData(pressed);
    expect(first.flags).toBe(EPHEMERAL);
    expect(first.allowed_mentions).toEqual({ parse: [] });
    const embed = first.embeds[0];
    expect(embed.title).toBe('[TAG: write the claim this card proves]');
    expect(embed.description).toContain(
      "**ValueWalk 15** — Qu Xing, China's ambassador to Belgium, quoted in ValueWalk",
    );
    expect(embed.description).toContain('accessed: date not recorded');
    expect(embed.description).toContain(`**${QU_XING}**`);
    expect(embed.description).toContain('Last week, a top Chinese diplomat');
    expect(embed.description).not.toContain('So, a big question');
    const files = pressed.body.uploads as UploadedFile[];
    expect(files.map((f) => f.name)).toEqual(['valuewalk-15-card.md', 'valuewalk-15-card.html']);
    expect(files[1]!.text).toContain(`<b><u>${QU_XING}</u></b>`);
    const buttons = buttonsOf(first);
    expect(Object.keys(buttons)).toEqual(['＋ before', '＋ after', 'Post to channel']);
    expect(buttons['＋ before']!.disabled).toBe(true); // the passage is in the source's first paragraph
    expect(buttons['＋ after']!.disabled).toBe(false);

    // Anyone may cut their own card from a public quote; it is private to them.
    const other = callbackData(
      await h.fake.waitForCallback(h.fake.button(card!.custom_id, quote, { user: h.fake.otherMember })),
    );
    expect(other.flags).toBe(EPHEMERAL);
    expect(other.embeds[0].description).toContain(`**${QU_XING}**`);

    // Only the card's maker may widen it.
    const intruder = callbackData(
      await h.fake.waitForCallback(
        h.fake.button(buttons['＋ after']!.custom_id, { ...first, flags: EPHEMERAL }, { user: h.fake.otherMember }),
      ),
    );
    expect(intruder.flags).toBe(EPHEMERAL);
    expect(intruder.content).toContain('Only the person who made this card');

    // ＋ after: the same private message now holds the next paragraph too.
    const widened = await h.fake.waitForCallback(
      h.fake.button(buttons['＋ after']!.custom_id, { ...first, flags: EPHEMERAL }),
    );
    expect(widened.body.type).toBe(7);
    const wide = callbackData(widened);
    expect(shownText(wide.embeds[0])).toContain('So, a big question is how likely');
    expect(shownText(wide.embeds[0])).toContain(`**${QU_XING}**`);
    expect(wide.embeds[0].footer.text).toContain('paragraphs 1–2');
    expect((widened.body.uploads as UploadedFile[])[0]!.text).toContain('So, a big question is how likely');

    // Another member cannot post it either.
    const post = buttonsOf(wide)['Post to channel']!;
    const refused = callbackData(
      await h.fake.waitForCallback(
        h.fake.button(post.custom_id, { ...wide, flags: EPHEMERAL }, { user: h.fake.otherMember }),
      ),
    );
    expect(refused.content).toContain('Only the person who made this card');

    // Post: a public message in the channel with the widened card, no buttons, and the files.
    const posted = await h.fake.waitForCallback(h.fake.button(post.custom_id, { ...wide, flags: EPHEMERAL }));
    expect(posted.body.type).toBe(4);
    const message = callbackData(posted);
    expect(message.flags ?? 0).toBe(0);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.components).toEqual([]);
    expect(message.embeds[0].title).toBe('[TAG: write the claim this card proves]');
    expect(shownText(message.embeds[0])).toContain(`**${QU_XING}**`);
    expect(shownText(message.embeds[0])).toContain('So, a big question is how likely');
    expect(message.embeds[0].url).toBe('https://www.valuewalk.com/2015/03/russia-and-china-vs-us/');
    const postedFiles = posted.body.uploads as UploadedFile[];
    expect(postedFiles.map((f) => f.name)).toEqual(['valuewalk-15-card.md', 'valuewalk-15-card.html']);
    expect(postedFiles[0]!.text).toContain(`**${QU_XING}**`);
  });

  it('GIVEN /cite with a tag and style:mla THEN the private card is headed by the tag and cites in MLA, marking what is unknown', async () => {
    const call = h.fake.slashCommand('cite', {
      query: 'not confined to bilateral levels',
      tag: 'China and Russia coordinate',
      style: 'mla',
    });
    const deferred = await h.fake.waitForCallback(call);
    expect(deferred.body.type).toBe(5);
    expect(deferred.body.data.flags).toBe(EPHEMERAL);
    const edit = await h.fake.waitForWebhook(call, 'PATCH');
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('China and Russia coordinate');
    expect(embed.description).toContain('**Russia Insider 15** — “An Alliance Against US Hegemony');
    expect(embed.description).toContain('*Russia Insider*, 14 Apr. 2015');
    expect(embed.description).toContain("Words of: Wang Yi, China's Foreign Minister, quoted.");
    expect(embed.description).toContain('Note: author not named; date inferred; access date not recorded.');
    expect(embed.description).toContain('First appeared on Russia Insider');
    expect((edit.body.uploads as UploadedFile[]).map((f) => f.name)).toEqual([
      'russia-insider-15-card.md',
      'russia-insider-15-card.html',
    ]);
  });

  it('GIVEN /cite span:sentence THEN only the passage is shown and either button grows it to its paragraph', async () => {
    const call = h.fake.slashCommand('cite', { query: 'zero-sum mentality', span: 'sentence' });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.embeds[0].description.endsWith(`**${QU_XING}**`)).toBe(true);
    expect(data.embeds[0].description).not.toContain('Last week');
    const before = buttonsOf(data)['＋ before']!;
    expect(before.disabled).toBe(false);
    const grown = callbackData(
      await h.fake.waitForCallback(h.fake.button(before.custom_id, { ...data, flags: EPHEMERAL })),
    );
    expect(grown.embeds[0].description).toContain('Last week, a top Chinese diplomat');
  });

  it('GIVEN a card button whose state is gone THEN explains privately that it expired', async () => {
    const data = callbackData(
      await h.fake.waitForCallback(h.fake.button('cite:post:nosuchstate:0.0.p', { content: '' })),
    );
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toContain('expired');
  });
});
