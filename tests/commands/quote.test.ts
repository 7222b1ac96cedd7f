import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGE_GUILD_PERMISSIONS, snowflake } from '../fake-discord/server.ts';
import { callbackData, type Harness, startHarness } from '../bot/harness.ts';

const VALUEWALK_URL = 'https://www.valuewalk.com/2015/03/russia-and-china-vs-us/';

describe('/quote against the real corpus', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN a misspelt half-remembered phrase THEN answers publicly with the exact sentence, its speaker, the source link and no mentions', async () => {
    const call = h.fake.slashCommand('quote', { query: 'abandn zero sum mentalty' });
    const request = await h.fake.waitForCallback(call);
    expect(request.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = callbackData(request);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags ?? 0).toBe(0);
    const embed = data.embeds[0];
    expect(embed.description).toContain('zero-sum mentality');
    expect(embed.author.name).toMatch(/^Qu Xing — China's ambassador to Belgium/);
    expect(embed.url).toBe(VALUEWALK_URL);
    expect(embed.title).toContain('ValueWalk');
    expect(embed.footer.text).toMatch(/^match 1 of \d+/);
    const labels = data.components[0].components.map((b) => b.label);
    expect(labels).toEqual(['◀', '▶', 'Context', 'Card']);
  });

  it('GIVEN private:true THEN the answer is ephemeral', async () => {
    const call = h.fake.slashCommand('quote', { query: 'zero-sum mentality', private: true });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.embeds[0].author.name).toContain('Qu Xing');
  });

  it('GIVEN no query THEN answers with a random pick that still carries attribution and source', async () => {
    const call = h.fake.slashCommand('quote', { speaker: 'Wang Yi' });
    const data = callbackData(await h.fake.waitForCallback(call));
    const embed = data.embeds[0];
    expect(embed.footer.text).toContain('random pick');
    expect(embed.author.name).toContain('Wang Yi');
    expect(embed.title).toContain('Russia Insider');
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a query that matches nothing THEN answers privately with a helpful message', async () => {
    const call = h.fake.slashCommand('quote', { query: 'qwxzv plorkt' });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('No passage matches');
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a misspelling too far off to match THEN the private answer asks "Did you mean"', async () => {
    const call = h.fake.slashCommand('quote', { query: 'muxtial' });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('Did you mean “mutual”?');
  });

  it('GIVEN an unknown speaker THEN says so privately and lists close names', async () => {
    const call2 = h.fake.slashCommand('quote', { query: 'alliance', speaker: 'Zbigniew Brzezinski' });
    const data2 = callbackData(await h.fake.waitForCallback(call2));
    expect(data2.flags).toBe(MessageFlags.Ephemeral);
    expect(data2.content).toContain('Nobody called “Zbigniew Brzezinski”');
  });

  it('GIVEN a speaker the corpus names but who never speaks THEN says exactly that, privately, with or without words', async () => {
    for (const options of [{ query: 'alliance', speaker: 'Putin' }, { speaker: 'Vladimir Putin' }]) {
      const data = callbackData(await h.fake.waitForCallback(h.fake.slashCommand('quote', options)));
      expect(data.flags).toBe(MessageFlags.Ephemeral);
      expect(data.content).toContain('Vladimir Putin is named in the corpus but never speaks in it');
      expect(data.content).not.toContain('No passage matches');
    }
  });

  it('GIVEN a query echoing mentions and markdown THEN the echo is escaped and pings nobody', async () => {
    const call = h.fake.slashCommand('quote', { query: '@everyone **zzqx** <@123456789012345678>' });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).not.toContain('@everyone');
    expect(data.content).toContain('\\*\\*zzqx\\*\\*');
  });

  it('GIVEN the invoker presses ▶ THEN the message shows match 2; another member pressing it is refused privately', async () => {
    const call = h.fake.slashCommand('quote', { query: 'China Russia alliance' });
    const first = callbackData(await h.fake.waitForCallback(call));
    const total = Number(/match 1 of (\d+)/.exec(first.embeds[0].footer.text)?.[1]);
    expect(total).toBeGreaterThan(1);
    const [prev, next, context] = first.components[0].components as { custom_id: string; disabled?: boolean }[];
    expect(prev!.disabled).toBe(true);
    expect(next!.disabled).toBe(false);

    const press = h.fake.button(next!.custom_id, first);
    const update = await h.fake.waitForCallback(press);
    expect(update.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(update.body.data.embeds[0].footer.text).toMatch(`match 2 of ${total}`);
    expect(update.body.data.embeds[0].description).not.toBe(first.embeds[0].description);
    expect(update.body.data.allowed_mentions).toEqual({ parse: [] });

    const intruder = h.fake.button(next!.custom_id, first, { user: h.fake.otherMember });
    const refusal = await h.fake.waitForCallback(intruder);
    expect(refusal.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(refusal.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(refusal.body.data.content).toContain('Only the person who ran this');

    const ctxPress = h.fake.button(context!.custom_id, first, { user: h.fake.otherMember });
    const shown = await h.fake.waitForCallback(ctxPress);
    expect(shown.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(shown.body.data.embeds[0].title).toMatch(/^Context — /);
    expect(shown.body.data.embeds[0].description).toContain('**');
  });

  it('GIVEN a button whose paging state is gone THEN explains privately that it expired', async () => {
    const press = h.fake.button('quote:next:doesnotexist:1', { content: '' });
    const data = callbackData(await h.fake.waitForCallback(press));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('expired');
  });

  it('GIVEN a forged option far past its declared max_length THEN a private refusal naming the option and limit, and autocomplete offers nothing', async () => {
    const call = h.fake.slashCommand('quote', { query: 'zero sum', source: 'x'.repeat(90_000) });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toContain('`source` option is too long (90000 characters; at most 100)');
    const ac = await h.fake.waitForCallback(h.fake.autocomplete('quote', 'speaker', 'y'.repeat(90_000)));
    expect(ac.body.data.choices).toEqual([]);
  });

  it('GIVEN a select-menu interaction carrying a quote: id THEN it is answered privately, not left to time out', async () => {
    const pick = h.fake.selectMenu('quote:next:abc:1', ['x'], { content: '' });
    const request = await h.fake.waitForCallback(pick);
    expect(request.body.type).toBe(4);
    expect(request.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(request.body.data.content).toContain('Run the command again');
  });

  it('GIVEN autocomplete on query THEN offers at most 25 choices with names of 1–100 characters, and a choice selects its passage', async () => {
    const ac = h.fake.autocomplete('quote', 'query', 'zero sum');
    const request = await h.fake.waitForCallback(ac);
    expect(request.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = request.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    const quoted = choices.find((c) => c.name.startsWith('Qu Xing'));
    expect(quoted).toBeDefined();
    const call = h.fake.slashCommand('quote', { query: quoted!.value });
    const data = callbackData(await h.fake.waitForCallback(call));
    expect(data.embeds[0].author.name).toContain('Qu Xing');
    expect(data.embeds[0].footer.text).toMatch(/^match 1 of 1/);
  });

  it('GIVEN autocomplete on source and speaker THEN offers source ids and speakers', async () => {
    const src = callbackData(
      await h.fake.waitForCallback(h.fake.autocomplete('quote', 'source', 'diplomat')),
      'autocomplete',
    );
    expect(src.choices[0].value).toBe('diplomat-2014-china-russia-formal-alliance');
    const spk = callbackData(
      await h.fake.waitForCallback(h.fake.autocomplete('quote', 'speaker', 'wang')),
      'autocomplete',
    );
    expect(spk.choices.map((c) => c.value)).toContain('wang-yi');
    const long = callbackData(
      await h.fake.waitForCallback(h.fake.autocomplete('quote', 'query', 'x'.repeat(400))),
      'autocomplete',
    );
    expect(long.choices.length).toBeLessThanOrEqual(25);
  });

  it('GIVEN an admin runs /quote THEN nothing differs (permissions are irrelevant to quoting)', async () => {
    const call = h.fake.slashCommand(
      'quote',
      { query: 'zero-sum mentality' },
      { permissions: MANAGE_GUILD_PERMISSIONS },
    );
    expect(callbackData(await h.fake.waitForCallback(call)).embeds[0].author.name).toContain('Qu Xing');
  });
});

describe('/quote cooldown', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { QUOTE_COOLDOWN_SECONDS: '60' } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GIVEN a member quoted just now THEN a second /quote is refused privately with the wait, while another member may quote', async () => {
    const first = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'zero-sum mentality' })),
    );
    expect(first.embeds).toHaveLength(1);
    const second = callbackData(
      await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'zero-sum mentality' })),
    );
    expect(second.flags).toBe(MessageFlags.Ephemeral);
    expect(second.content).toMatch(/another quote in \d+ s/);
    const other = callbackData(
      await h.fake.waitForCallback(
        h.fake.slashCommand('quote', { query: 'zero-sum mentality' }, { user: h.fake.otherMember }),
      ),
    );
    expect(other.embeds).toHaveLength(1);
  });

  it('GIVEN a typo that finds nothing THEN it costs no wait: the next /quote answers, and only that one starts the cooldown', async () => {
    const user = { id: snowflake(), username: 'typist' };
    const ask = async (query: string) =>
      callbackData(await h.fake.waitForCallback(h.fake.slashCommand('quote', { query }, { user })));
    expect((await ask('qwxzv plorkt')).content).toContain('No passage matches');
    expect((await ask('zero-sum mentality')).embeds).toHaveLength(1);
    const third = await ask('zero-sum mentality');
    expect(third.flags).toBe(MessageFlags.Ephemeral);
    expect(third.content).toMatch(/another quote in \d+ s/);
  });

  it('GIVEN a speaker filter that finds nothing THEN that miss costs no wait either', async () => {
    const user = { id: snowflake(), username: 'filterer' };
    const ask = async (options: Record<string, string>) =>
      callbackData(await h.fake.waitForCallback(h.fake.slashCommand('quote', options, { user })));
    expect((await ask({ query: 'alliance', speaker: 'Putin' })).content).toContain('never speaks in it');
    expect((await ask({ query: 'alliance', speaker: 'Zbigniew Brzezinski' })).content).toContain('Nobody called');
    expect((await ask({ query: 'zero-sum mentality' })).embeds).toHaveLength(1);
    expect((await ask({ query: 'zero-sum mentality' })).content).toMatch(/another quote in \d+ s/);
  });
});
