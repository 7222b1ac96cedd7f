import { InteractionResponseType, MessageFlags } from 'discord.js';
/** /procon end to end: the real bot and discord.js client against the local fake Discord, real corpus. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackData, type Harness, startHarness } from '../bot/harness.ts';

const DIPLOMAT_URL = 'https://thediplomat.com/2014/05/are-china-and-russia-moving-toward-a-formal-alliance/';

interface Field {
  name: string;
  value: string;
}

describe('/procon through the fake Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN /procon alliance THEN one public embed: question, ≥3 Pro and ≥3 Con claims, bottom line, link, evidence button', async () => {
    const call = h.fake.slashCommand('procon', { topic: 'alliance' });
    const request = await h.fake.waitForCallback(call);
    expect(request.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = callbackData(request);
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds).toHaveLength(1);
    const embed = data.embeds[0];
    expect(embed.title).toBe('Are China and Russia moving toward a formal alliance?');
    expect(embed.url).toBe(DIPLOMAT_URL);
    expect(embed.description).toContain('The Diplomat · May 2014 (inferred)');
    const fields = embed.fields as Field[];
    const field = (prefix: string) => fields.find((f) => f.name.startsWith(prefix))?.value ?? '';
    expect(field('Pro — ').match(/^\*\*\d+\.\*\* /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(field('Con — ').match(/^\*\*\d+\.\*\* /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(field('Pro — ')).toContain('Yan Xuetong');
    expect(field('Bottom line')).toMatch(/unlikely in the near future, unless the U\.S\. militarily threatens both/);
    expect(field('Elsewhere in the corpus')).toContain('Russia Insider');
    expect(data.components[0].components[0]).toMatchObject({
      custom_id: 'procon:evidence:alliance',
      label: 'Show the evidence',
    });
  });

  it('GIVEN the evidence button THEN every excerpt privately, verbatim, attributed and linked, in as many messages as needed', async () => {
    const topic = h.library.state.topics.find((t) => t.id === 'alliance');
    if (!topic) throw new Error('no alliance topic');
    const press = h.fake.button('procon:evidence:alliance', { content: '' }, { user: h.fake.otherMember });
    const reply = await h.fake.waitForCallback(press);
    expect(reply.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.body.data.allowed_mentions).toEqual({ parse: [] });
    const followUp = await h.fake.waitForWebhook(press, 'POST');
    expect(followUp.body.flags).toBe(MessageFlags.Ephemeral);
    const embeds = [...reply.body.data.embeds, ...followUp.body.embeds] as { fields: Field[] }[];
    const text = embeds
      .flatMap((e) => e.fields.map((f) => f.value))
      .join('\n')
      .replace(/\\(.)/g, '$1');
    const excerpts = [
      ...topic.pro.flatMap((p) => p.evidence),
      ...topic.con.flatMap((p) => p.evidence),
      ...topic.bottomLine.evidence,
      ...topic.elsewhere.flatMap((e) => e.evidence),
    ];
    for (const e of excerpts) expect(text).toContain(`“${e.text}”`);
    expect(text).toContain(
      `— Yan Xuetong (Qinghua University), as reported by The Diplomat · [The Diplomat](${DIPLOMAT_URL})`,
    );
  });

  it('GIVEN an unknown topic THEN the list of topics, privately', async () => {
    const call = h.fake.slashCommand('procon', { topic: 'nato expansion' });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.embeds[0].title).toBe('No topic called “nato expansion”');
    expect(data.embeds[0].fields).toEqual([
      { name: 'alliance', value: 'Are China and Russia moving toward a formal alliance?' },
    ]);
  });

  it('GIVEN an unknown topic written in markdown THEN the title echoes it literally (escaped), pinging nobody', async () => {
    const call = h.fake.slashCommand('procon', { topic: '**nato** `x` @everyone' });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.embeds[0].title).toBe('No topic called “\\*\\*nato\\*\\* \\`x\\` @\u200beveryone”');
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN the topic option is typed THEN autocomplete offers matching topics by id', async () => {
    const data = callbackData(
      await h.fake.waitForCallback(h.fake.autocomplete('procon', 'topic', 'alli')),
      'autocomplete',
    );
    expect(data.choices).toEqual([
      { name: 'alliance — Are China and Russia moving toward a formal alliance?', value: 'alliance' },
    ]);
    const none = callbackData(
      await h.fake.waitForCallback(h.fake.autocomplete('procon', 'topic', 'qwxz')),
      'autocomplete',
    );
    expect(none.choices).toEqual([]);
  });
});
