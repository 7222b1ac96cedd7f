/** The fake Discord itself, driven by a raw WebSocket and fetch, so the bot tests can trust it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord } from './server.ts';

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
