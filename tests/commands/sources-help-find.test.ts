import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, type Harness, startHarness } from '../bot/harness.ts';

describe('/sources, /help and Find quotes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('/sources lists every source privately with publication, date, link status and passage count', async () => {
    const data = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('sources')));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const text = data.embeds.map((e) => e.description).join('\n');
    const { corpus } = h.library.state;
    for (const source of corpus.sources) {
      const count = corpus.passages.filter((p) => p.sourceId === source.id).length;
      const line = text
        .split('\n')
        .find((l: string) => l.includes(source.title.replace(/[[\]*_~`|\\]/g, (c) => `\\${c}`)));
      expect(line, source.id).toBeDefined();
      expect(line).toContain(`${count} passage`);
      if (source.url !== null) expect(line).toContain(source.url);
      else expect(line).toContain('no link known');
    }
    expect(text).toContain('The Diplomat · May 2014 (inferred) · link not verified');
    expect(text).toContain('publication unknown · date unknown · no link known');
  });

  it('/help explains every loaded command privately', async () => {
    const data = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('help')));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    const names = data.embeds[0].fields.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['/quote', '/sources', '/reload', '/help', 'Find quotes (message menu)']),
    );
    expect(data.embeds[0].fields.find((f) => f.name === '/quote')?.value).toContain('/quote query:');
    expect(data.embeds[0].fields.find((f) => f.name === '/procon')?.value).toContain('/procon topic: alliance');
    const cite = data.embeds[0].fields.find((f) => f.name === '/cite')?.value;
    expect(cite).toContain('/cite query: abandon the zero-sum mentality');
    expect(cite).toContain('ValueWalk 15');
  });

  it('Find quotes on a paraphrasing message answers privately with the source of the words', async () => {
    const call = h.fake.messageCommand(
      'Find quotes',
      'didnt some chinese ambassador tell the west to drop the zero sum mentality?? @everyone',
    );
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const first = data.embeds[0].fields[0];
    expect(first.name).toBe("1. Qu Xing — China's ambassador to Belgium");
    expect(first.value).toContain('abandon the zero-sum mentality');
    expect(first.value).toContain('https://www.valuewalk.com/2015/03/russia-and-china-vs-us/');
    expect(first.value).toContain('ValueWalk · March 2015 (inferred) · author not named');
    expect(data.embeds[0].footer.text).not.toContain('@everyone');
  });

  it('Find quotes on a message without words says so privately', async () => {
    const call = h.fake.messageCommand('Find quotes', '   ');
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('no text to search');
  });
});
