/** The fake Discord itself, driven by a raw WebSocket and fetch, so the bot tests can trust it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord, shardOf, snowflakeOnShard } from './server.ts';

describe('FakeDiscord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('GIVEN GET /gateway/bot THEN returns its own ws URL and session limits; unknown routes get a Discord-style 404', async () => {
    const gateway = (await (await fetch(`${fake.apiUrl}/v10/gateway/bot`)).json()) as { url: string; shards: number };
    expect(gateway).toMatchObject({ url: fake.gatewayUrl, shards: 1 });
    const missing = await fetch(`${fake.apiUrl}/v10/channels/1/messages`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /gateway/bot',
      'POST /channels/1/messages',
    ]);
  });

  it('GIVEN a raw gateway client THEN sends HELLO, acks heartbeats, and answers IDENTIFY with READY then GUILD_CREATE', async () => {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    type GatewayMessage = { op: number; t: string | null; d: { heartbeat_interval?: number; id?: string } };
    // Buffer every frame: READY and GUILD_CREATE can arrive in one tick.
    const inbox: GatewayMessage[] = [];
    let wake: (() => void) | null = null;
    ws.on('message', (raw: Buffer) => {
      inbox.push(JSON.parse(raw.toString()) as GatewayMessage);
      wake?.();
    });
    const next = async (): Promise<GatewayMessage> => {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return inbox.shift()!;
    };
    expect((await next()).d.heartbeat_interval).toBeGreaterThan(0);
    ws.send(JSON.stringify({ op: 1, d: null }));
    expect((await next()).op).toBe(11);
    ws.send(JSON.stringify({ op: 2, d: { token: 'x', intents: 1, properties: {} } }));
    expect((await next()).t).toBe('READY');
    const guild = await next();
    expect(guild.t).toBe('GUILD_CREATE');
    expect(guild.d.id).toBe(fake.guildId);
    await fake.whenIdentified();
    ws.close();
  });

  it('GIVEN a failure rule THEN fails exactly that many matching requests', async () => {
    fake.failNext({ method: 'GET', path: /^\/users\/@me$/, status: 500, body: { message: 'boom', code: 0 }, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${fake.apiUrl}/v10/users/@me`)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });
});

describe('FakeDiscord with two shards', () => {
  type GatewayMessage = {
    op: number;
    t: string | null;
    d: { id?: string; guild_id?: string; guilds?: { id: string }[] };
  };

  /** A raw gateway client that identifies as `shard` of 2 and buffers every dispatch it receives. */
  async function connectShard(fake: FakeDiscord, shard: number) {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const inbox: GatewayMessage[] = [];
    let wake: (() => void) | null = null;
    ws.on('message', (raw: Buffer) => {
      inbox.push(JSON.parse(raw.toString()) as GatewayMessage);
      wake?.();
    });
    const next = async (): Promise<GatewayMessage> => {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return inbox.shift()!;
    };
    await next(); // HELLO
    ws.send(JSON.stringify({ op: 2, d: { token: 'x', intents: 1, properties: {}, shard: [shard, 2] } }));
    return { ws, next };
  }

  it("GIVEN Discord's rule THEN snowflakeOnShard makes ids that (id >> 22) % count puts on the asked shard", () => {
    for (const count of [1, 2, 3, 16])
      for (let shard = 0; shard < count; shard++) expect(shardOf(snowflakeOnShard(shard, count), count)).toBe(shard);
    // The rule on a known id: 175928847299117063 >> 22 = 41944705796, which is even.
    expect(shardOf('175928847299117063', 2)).toBe(0);
    expect(shardOf('175928847299117063', 3)).toBe(41944705796 % 3);
  });

  it('GIVEN two identified shards THEN /gateway/bot says 2, each READY lists its own guild, and events go by guild', async () => {
    const fake = await FakeDiscord.start({ shards: 2 });
    try {
      const gateway = (await (await fetch(`${fake.apiUrl}/v10/gateway/bot`)).json()) as { shards: number };
      expect(gateway.shards).toBe(2);
      expect(fake.guildIds.map((id) => shardOf(id, 2))).toEqual([0, 1]);
      const shard0 = await connectShard(fake, 0);
      const ready0 = await shard0.next();
      expect(ready0.t).toBe('READY');
      expect(ready0.d.guilds?.map((g) => g.id)).toEqual([fake.guildIds[0]]);
      expect((await shard0.next()).d.id).toBe(fake.guildIds[0]);
      const shard1 = await connectShard(fake, 1);
      expect((await shard1.next()).d.guilds?.map((g) => g.id)).toEqual([fake.guildIds[1]]);
      expect((await shard1.next()).d.id).toBe(fake.guildIds[1]);
      await fake.whenIdentified();
      expect(fake.identifiedShards).toEqual([0, 1]);

      fake.slashCommand('quote', { query: 'one' }, { guildId: fake.guildIds[1]! });
      fake.slashCommand('quote', { query: 'zero' }, { guildId: fake.guildIds[0]! });
      const onShard1 = await shard1.next();
      const onShard0 = await shard0.next();
      expect([onShard0.t, onShard0.d.guild_id]).toEqual(['INTERACTION_CREATE', fake.guildIds[0]]);
      expect([onShard1.t, onShard1.d.guild_id]).toEqual(['INTERACTION_CREATE', fake.guildIds[1]]);

      const again = fake.nextIdentify(1);
      shard1.ws.close();
      const reconnected = await connectShard(fake, 1);
      await again;
      expect(fake.identifiedShards).toEqual([0, 1, 1]);
      expect((await reconnected.next()).t).toBe('READY');
      shard0.ws.close();
      reconnected.ws.close();
    } finally {
      await fake.close();
    }
  });
});
