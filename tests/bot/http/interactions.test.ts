/**
 * HTTP interactions mode end to end: two replicas (each a real discord.js client that never connects to the
 * gateway, the real router and commands, its own Library) behind their own ports, sharing one real redis-server.
 * The fake Discord signs each interaction with a key pair made here and POSTs it to a replica, as Discord does;
 * edits and follow-ups reach the fake's webhook routes. Forged, stale, oversized and malformed requests are refused.
 */
import type { ChildProcess } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpBridge, type HttpBridge } from '../../../src/bot/http/bridge.ts';
import { type InteractionsServer, MAX_BODY_BYTES, startInteractionsServer } from '../../../src/bot/http/server.ts';
import { publicKeyFromHex } from '../../../src/bot/http/verify.ts';
import { loadCommands } from '../../../src/bot/loader.ts';
import { openRedisCluster } from '../../../src/cluster/redis.ts';
import type { Cluster } from '../../../src/cluster/reload.ts';
import { parseConfig } from '../../../src/config.ts';
import { Library } from '../../../src/library.ts';
import { createLogger } from '../../../src/logger.ts';
import { openStore, type Store } from '../../../src/store/store.ts';
import { FakeDiscord, MANAGE_GUILD_PERMISSIONS } from '../../fake-discord/server.ts';
import { describeWithRedis, startRedis } from '../../helpers/redis.ts';
import { REAL_CORPUS, TEST_TOKEN } from '../harness.ts';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/bot-extra-source/bot-test-debate-notes.md');
const EPHEMERAL = 64;

interface Replica {
  readonly name: string;
  readonly server: InteractionsServer;
  readonly bridge: HttpBridge;
  readonly library: Library;
  readonly store: Store;
  readonly cluster: Cluster;
  readonly logs: Record<string, unknown>[];
}

interface HttpAnswer {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are inspected loosely by tests
  readonly body: any;
}

describeWithRedis('npm run start:http: signed interactions served by two replicas sharing Redis', () => {
  let redis: ChildProcess;
  let redisUrl: string;
  let fake: FakeDiscord;
  let corpusDir: string;
  let privateKey: KeyObject;
  let publicHex: string;
  const replicas: Replica[] = [];
  /** Where the fake delivers the next interactions, and the HTTP answers it got, by interaction id. */
  let target: Replica;
  const answers = new Map<string, Promise<HttpAnswer>>();

  async function startReplica(name: string): Promise<Replica> {
    const config = parseConfig({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: publicHex,
      CORPUS_DIR: corpusDir,
      KEYV_URL: redisUrl,
      QUOTE_COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'debug',
      CORPUS_GUILD_IDS: fake.guildId,
    });
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({
      level: 'debug',
      secrets: [TEST_TOKEN],
      write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
    });
    const library = await Library.open(corpusDir);
    const store = await openStore({ url: redisUrl, timeoutMs: 2000, logger });
    const cluster = await openRedisCluster({ url: redisUrl, library, member: name, logger, timeoutMs: 2000 });
    const commands = await loadCommands(undefined, logger);
    const bridge = createHttpBridge({ config, library, store, logger, commands, cluster });
    const server = await startInteractionsServer({
      publicKey: publicKeyFromHex(publicHex),
      bridge,
      logger,
      port: 0,
      host: '127.0.0.1',
    });
    return { name, server, bridge, library, store, cluster, logs };
  }

  /** POST `body` to a replica's endpoint, signed (or not) as told. */
  async function post(
    replica: Replica,
    body: string,
    options: { timestamp?: number; key?: KeyObject; unsigned?: boolean; path?: string; method?: string } = {},
  ): Promise<HttpAnswer> {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), options.key ?? privateKey).toString('hex');
    const response = await fetch(`http://127.0.0.1:${replica.server.port}${options.path ?? '/interactions'}`, {
      method: options.method ?? 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.unsigned ? {} : { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp }),
      },
      ...(options.method === 'GET' ? {} : { body }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  }

  const answerTo = (call: { id: string }) => answers.get(call.id)!;

  beforeAll(async () => {
    const started = await startRedis();
    redis = started.process;
    redisUrl = `redis://127.0.0.1:${started.port}`;
    corpusDir = await mkdtemp(join(tmpdir(), 'verbatim-http-'));
    await cp(REAL_CORPUS, corpusDir, { recursive: true });
    const pair = generateKeyPairSync('ed25519');
    privateKey = pair.privateKey;
    publicHex = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
    fake = await FakeDiscord.start();
    fake.interactionSink = (payload) => answers.set(payload.id, post(target, JSON.stringify(payload)));
    replicas.push(await startReplica('replica a'), await startReplica('replica b'));
  }, 60_000);

  afterAll(async () => {
    for (const replica of replicas) {
      await replica.server.stop();
      await replica.bridge.stop();
      await replica.cluster.close();
      await replica.store.close();
    }
    await fake.close();
    redis.kill('SIGKILL');
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('GIVEN a signed PING THEN PONG; and the gateway is never contacted', async () => {
    const answer = await post(replicas[0]!, JSON.stringify({ id: '1', type: 1, application_id: fake.applicationId }));
    expect(answer).toEqual({ status: 200, body: { type: 1 } });
    expect(fake.requests.filter((r) => r.path.startsWith('/gateway'))).toEqual([]);
    expect(fake.identifies).toEqual([]);
  });

  it('GIVEN forged, tampered, unsigned, stale or future requests THEN 401 and nothing is served', async () => {
    const replica = replicas[0]!;
    const ping = JSON.stringify({ id: '2', type: 1 });
    const other = generateKeyPairSync('ed25519').privateKey;
    expect((await post(replica, ping, { key: other })).status).toBe(401);
    expect((await post(replica, ping, { unsigned: true })).status).toBe(401);
    const now = Math.floor(Date.now() / 1000);
    expect((await post(replica, ping, { timestamp: now - 3600 })).status).toBe(401);
    expect((await post(replica, ping, { timestamp: now + 3600 })).status).toBe(401);
    // A genuine signature over one body, sent with another.
    const timestamp = String(now);
    const signature = sign(null, Buffer.from(timestamp + ping), privateKey).toString('hex');
    const tampered = await fetch(`http://127.0.0.1:${replica.server.port}/interactions`, {
      method: 'POST',
      headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body: ping.replace('"type":1', '"type":2'),
    });
    expect(tampered.status).toBe(401);
    const reasons = replica.logs.filter((l) => l.msg === 'refused an interactions request').map((l) => l.reason);
    expect(reasons).toEqual(['bad-signature', 'missing-headers', 'stale', 'stale', 'bad-signature']);
  });

  it('GIVEN an oversized, a non-JSON, a wrong-path or a GET request THEN 413, 400, 404 and 405', async () => {
    const replica = replicas[0]!;
    const huge = JSON.stringify({ id: '3', type: 2, padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await post(replica, huge)).status).toBe(413);
    expect((await post(replica, 'not json')).status).toBe(400);
    expect((await post(replica, '{}', { path: '/other' })).status).toBe(404);
    expect((await post(replica, '', { method: 'GET' })).status).toBe(405);
  });

  it('GIVEN /quote served by replica a THEN the answer is the HTTP response; ▶ pressed through replica b shows match 2', async () => {
    target = replicas[0]!;
    const call = fake.slashCommand('quote', { query: 'China Russia alliance' });
    const first = await answerTo(call);
    expect(first.status).toBe(200);
    expect(first.body.type).toBe(4);
    expect(first.body.data.allowed_mentions).toEqual({ parse: [] });
    const total = Number(/match 1 of (\d+)/.exec(first.body.data.embeds[0].footer.text)?.[1]);
    expect(total).toBeGreaterThan(1);
    // The first answer went back over HTTP, not to the callback route.
    expect(fake.requestsFor(call.token)).toEqual([]);

    target = replicas[1]!;
    const next = first.body.data.components[0].components[1] as { custom_id: string };
    const press = await answerTo(fake.button(next.custom_id, first.body.data));
    expect(press.status).toBe(200);
    expect(press.body.type).toBe(7);
    expect(press.body.data.embeds[0].footer.text).toMatch(`match 2 of ${total}`);
  });

  it('GIVEN autocomplete and the Find quotes message command over HTTP THEN each answers in the HTTP response', async () => {
    target = replicas[1]!;
    const choices = await answerTo(fake.autocomplete('quote', 'source', 'diplomat'));
    expect(choices.status).toBe(200);
    expect(choices.body.type).toBe(8);
    expect(choices.body.data.choices.length).toBeGreaterThan(0);

    const found = await answerTo(
      fake.messageCommand(
        'Find quotes',
        'didnt some chinese ambassador tell the west to drop the zero sum mentality??',
      ),
    );
    expect(found.status).toBe(200);
    expect(found.body.type).toBe(4);
    expect(found.body.data.flags).toBe(EPHEMERAL);
    expect(found.body.data.embeds[0].fields[0].name).toBe("1. Qu Xing — China's ambassador to Belgium");
  });

  it('GIVEN an admin runs /reload on replica b THEN it defers over HTTP, both replicas reload, and the edit lists both', async () => {
    await cp(FIXTURE, join(corpusDir, 'sources', 'bot-test-debate-notes.md'));
    target = replicas[1]!;
    const call = fake.slashCommand('reload', {}, { permissions: MANAGE_GUILD_PERMISSIONS });
    const deferred = await answerTo(call);
    expect(deferred).toEqual({ status: 200, body: { type: 5, data: { flags: EPHEMERAL } } });
    const edit = await fake.waitForWebhook(call, 'PATCH', 60_000);
    const embed = edit.body.embeds[0];
    expect(embed.title).toBe('Corpus reloaded');
    const every = embed.fields.find((f: { name: string }) => f.name === 'Every process');
    const lines = (every.value as string).split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['replica a', 'replica b']);
    expect(replicas[0]!.library.state.corpus.hash).toBe(replicas[1]!.library.state.corpus.hash);
    expect(lines.every((l) => l.includes(`corpus ${replicas[0]!.library.state.corpus.hash.slice(0, 12)}`))).toBe(true);

    target = replicas[0]!;
    const found = await answerTo(fake.slashCommand('quote', { query: 'lighthouse keepers treaty' }));
    expect(found.body.data.embeds[0].description).toContain('Lighthouse keepers rarely debate');
  });
});
