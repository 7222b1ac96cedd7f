/**
 * Property-based fuzzing of every command, option, autocomplete, button, select menu and the message command,
 * through the real discord.js client against the fake Discord. Each case must be answered (no silence), every
 * payload the bot sends must fit Discord's limits, nothing can ping (allowed_mentions empty and no live mention
 * syntax in the text), no error escapes to the generic apology, and a user's markdown comes back escaped.
 *
 * Seeded: FUZZ_SEED replays a run (fast-check prints the seed and the shrunk case on failure), FUZZ_RUNS sets the
 * number of cases (default 2000).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/bot/render/limits.ts';
import { MANAGE_GUILD_PERMISSIONS, type RecordedRequest } from '../fake-discord/server.ts';
import { type Harness, startHarness } from './harness.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED =
  process.env.FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.FUZZ_SEED);

/** Pieces that have broken chat bots: mentions, markdown, controls, bidi, astral characters, ids, corpus words. */
const FRAGMENTS = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '**',
  '__',
  '*',
  '_',
  '`',
  '```',
  '~~',
  '||',
  '> ',
  '# ',
  '-# ',
  '1. ',
  '\\',
  '[x](https://evil.example)',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u202e',
  '\u200b',
  '😀',
  '👨‍👩‍👧',
  '\ud800',
  'é',
  'İ',
  'ß',
  'zero sum',
  'China',
  'Russia',
  'alliance',
  'Qu Xing',
  'Yan',
  'id:',
  'valuewalk-2015-russia-china-alliance:',
  ':1.2',
  'the',
  ' ',
  '"',
  '“',
  '’',
  '%',
  '$&',
  '{seconds}',
  '{query}',
];

const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 60) }),
    fc
      .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 12 })
      .map((parts) => parts.join('')),
    fc
      .tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 400 }))
      .map(([f, n]) => f.repeat(n).slice(0, maxLength)),
  );

type Case =
  | { kind: 'slash'; name: string; options: Record<string, string | boolean>; admin: boolean }
  | { kind: 'autocomplete'; name: string; focused: string; value: string; others: Record<string, string> }
  | { kind: 'button'; customId: string; other: boolean }
  | { kind: 'select'; customId: string; values: string[] }
  | { kind: 'message'; content: string };

const optionalText = (max: number) => fc.option(text(max), { nil: undefined });
const defined = (o: Record<string, string | boolean | undefined>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string | boolean>;

const customId = fc.oneof(
  text(100),
  fc
    .tuple(
      fc.constantFrom('prev', 'next', 'ctx', 'nope'),
      fc.string({ maxLength: 40 }),
      fc.integer({ min: -2, max: 2000 }),
    )
    .map(([a, s, i]) => `quote:${a}:${s}:${i}`),
  fc
    .tuple(
      fc.constantFrom('evidence', 'page'),
      fc.constantFrom('alliance', 'missing', ''),
      fc.integer({ min: -1, max: 99999 }),
    )
    .map(([k, t, p]) => (k === 'evidence' ? `procon:evidence:${t}` : `procon:page:${t}:${p}`)),
  fc.constantFrom('procon:evidence:alliance', 'procon:page:alliance:1', 'procon:page:alliance:0', 'sources:x', 'help:'),
);

const cases: fc.Arbitrary<Case> = fc.oneof(
  fc
    .record({
      query: optionalText(320),
      source: optionalText(120),
      speaker: optionalText(120),
      priv: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ query, source, speaker, priv }): Case => ({
      kind: 'slash',
      name: 'quote',
      options: defined({ query, source, speaker, private: priv }),
      admin: false,
    })),
  text(120).map((topic): Case => ({ kind: 'slash', name: 'procon', options: { topic }, admin: false })),
  fc
    .constantFrom('sources', 'help', 'reload', 'no-such-command')
    .map((name): Case => ({ kind: 'slash', name, options: {}, admin: false })),
  fc
    .tuple(
      fc.constantFrom('quote:query', 'quote:source', 'quote:speaker', 'procon:topic', 'sources:x', 'nope:x'),
      text(320),
      optionalText(50),
    )
    .map(([target, value, other]): Case => {
      const [name, focused] = target.split(':') as [string, string];
      return {
        kind: 'autocomplete',
        name,
        focused,
        value,
        others: other === undefined || focused === 'query' ? {} : { query: other },
      };
    }),
  fc.tuple(customId, fc.boolean()).map(([id, other]): Case => ({ kind: 'button', customId: id, other })),
  fc
    .tuple(customId, fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }))
    .map(([id, values]): Case => ({ kind: 'select', customId: id, values })),
  text(2000).map((content): Case => ({ kind: 'message', content })),
);

const LIVE_MENTION = /@(everyone|here)|<@[!&]?\d+>|<#\d+>/;

/** Every limit and mention rule a message body must keep; returns what it broke. */
function messageViolations(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > LIMITS.content) out.push(`content ${content.length} > ${LIMITS.content}`);
  const embeds = (body.embeds ?? []) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (embeds.length > LIMITS.embedsPerMessage) out.push(`${embeds.length} embeds`);
  let total = 0;
  const texts = [content];
  for (const e of embeds) {
    const parts: [string, string | undefined, number][] = [
      ['title', e.title, LIMITS.embedTitle],
      ['description', e.description, LIMITS.embedDescription],
      ['footer', e.footer?.text, LIMITS.footer],
      ['author', e.author?.name, LIMITS.authorName],
    ];
    const fields = (e.fields ?? []) as { name: string; value: string }[];
    if (fields.length > LIMITS.embedFields) out.push(`${fields.length} fields`);
    for (const f of fields) {
      parts.push(['field name', f.name, LIMITS.fieldName], ['field value', f.value, LIMITS.fieldValue]);
      if (f.name === '' || f.value === '') out.push('empty field');
    }
    for (const [what, value, max] of parts) {
      if (value === undefined) continue;
      total += value.length;
      texts.push(value);
      if (value.length > max) out.push(`${what} ${value.length} > ${max}`);
    }
  }
  if (total > LIMITS.embedsTotal) out.push(`embeds total ${total} > ${LIMITS.embedsTotal}`);
  for (const row of (body.components ?? []) as { components: { custom_id?: string; label?: string }[] }[]) {
    if (row.components.length > 5) out.push('more than 5 components in a row');
    for (const c of row.components) {
      if ((c.custom_id?.length ?? 0) > LIMITS.customId) out.push('custom_id too long');
      if ((c.label?.length ?? 0) > LIMITS.buttonLabel) out.push('label too long');
    }
  }
  if ((content !== '' || embeds.length > 0) && JSON.stringify(body.allowed_mentions) !== '{"parse":[]}')
    out.push(`allowed_mentions ${JSON.stringify(body.allowed_mentions)}`);
  for (const t of texts) if (LIVE_MENTION.test(t)) out.push(`live mention in ${JSON.stringify(t.slice(0, 80))}`);
  return out;
}

function requestViolations(r: RecordedRequest): string[] {
  if (r.method === 'DELETE' || r.method === 'GET') return [];
  const body = (r.body ?? {}) as Record<string, unknown>;
  if (r.path.endsWith('/callback')) {
    const data = (body.data ?? {}) as Record<string, unknown>;
    if (body.type === 8) {
      const choices = (data.choices ?? []) as { name: string; value: string }[];
      const out = choices.length > LIMITS.choices ? [`${choices.length} choices`] : [];
      for (const c of choices) {
        if (c.name.length < 1 || c.name.length > LIMITS.choiceName) out.push(`choice name ${c.name.length}`);
        if (c.value.length > LIMITS.choiceValue) out.push(`choice value ${c.value.length}`);
      }
      return out;
    }
    if (body.type === 4 || body.type === 7) return messageViolations(data);
    return [];
  }
  return messageViolations(body);
}

/** The texts Discord renders as markdown in what the bot sent: message content, embed titles, descriptions, fields. */
function renderedTexts(requests: readonly RecordedRequest[]): string[] {
  const out: string[] = [];
  for (const r of requests) {
    const body = (r.body ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const message = r.path.endsWith('/callback') ? (body.data ?? {}) : body;
    if (typeof message.content === 'string') out.push(message.content);
    for (const e of message.embeds ?? []) {
      out.push(e.title ?? '', e.description ?? '');
      for (const f of e.fields ?? []) out.push(f.name, f.value);
    }
  }
  return out;
}

/** Markdown a user typed must come back escaped: the raw input never appears unless preceded by a backslash. */
function unescapedEcho(input: string, requests: readonly RecordedRequest[]): boolean {
  if (input.length < 6 || !/[*_`~|]/.test(input)) return false;
  for (const text of renderedTexts(requests)) {
    for (let at = text.indexOf(input); at !== -1; at = text.indexOf(input, at + 1)) {
      if (text[at - 1] !== '\\') return true;
    }
  }
  return false;
}

describe('fuzzing every interaction the bot accepts', () => {
  let h: Harness;
  let seedMessage: Record<string, unknown>;
  beforeAll(async () => {
    h = await startHarness({ env: { LOG_LEVEL: 'info' } });
    // A real /quote answer, so pressed buttons can also be attached to a real message with real ids.
    const first = await h.fake.waitForCallback(h.fake.slashCommand('quote', { query: 'China Russia alliance' }));
    seedMessage = first.body.data as Record<string, unknown>;
  });
  afterAll(async () => {
    await h.stop();
  });

  it(`answers ${RUNS} seeded random interactions within Discord's limits, without pings or escaped errors`, async () => {
    let cased = 0;
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        cased += 1;
        const { fake } = h;
        const who = c.kind === 'button' && c.other ? { user: fake.otherMember } : {};
        const sent =
          c.kind === 'slash'
            ? fake.slashCommand(c.name, c.options, c.admin ? { permissions: MANAGE_GUILD_PERMISSIONS } : {})
            : c.kind === 'autocomplete'
              ? fake.autocomplete(c.name, c.focused, c.value, c.others)
              : c.kind === 'button'
                ? fake.button(c.customId, seedMessage, who)
                : c.kind === 'select'
                  ? fake.selectMenu(c.customId, c.values, { content: '' })
                  : fake.messageCommand('Find quotes', c.content);
        await fake.waitForCallback(sent);
        await h.bot.idle();
        const requests = fake.requestsFor(sent.token);
        const violations = requests.flatMap(requestViolations);
        const escaped = h.logs.filter(
          (l) =>
            l.interactionId === sent.id && (l.level === 'error' || l.msg === 'could not tell the user about an error'),
        );
        const inputs =
          c.kind === 'slash'
            ? Object.values(c.options).filter((v): v is string => typeof v === 'string')
            : c.kind === 'message'
              ? []
              : c.kind === 'autocomplete'
                ? []
                : [c.customId];
        const echoes = inputs.filter((input) => unescapedEcho(input, requests));
        expect({ violations, escaped: escaped.map((l) => l.msg), echoes }).toEqual({
          violations: [],
          escaped: [],
          echoes: [],
        });
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(cased).toBeGreaterThanOrEqual(RUNS);
    process.stdout.write(`fuzz: ${RUNS} interactions answered within limits (seed ${SEED})\n`);
  }, 600_000);
});
