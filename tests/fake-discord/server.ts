/**
 * A local stand-in for Discord: REST (HTTP) and gateway (WebSocket) on 127.0.0.1 at a random port.
 * It records every REST request, performs the gateway handshake (HELLO, IDENTIFY → READY + GUILD_CREATE,
 * heartbeats), lets a test inject INTERACTION_CREATE events and await the bot's answers, and can be told to
 * fail chosen requests (500, 10062 Unknown interaction) to test the bot's error handling.
 * Started with `shards: N` it hands out N shards (GET /gateway/bot), keeps one socket per shard id from IDENTIFY's
 * `shard: [id, count]`, gives each shard its own guild, and routes guild events by Discord's rule
 * `shard_id = (guild_id >> 22) % shard_count`.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  readonly method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/tok/callback`. */
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are inspected loosely by tests
  readonly body: any;
}

export interface FailureRule {
  readonly method?: string;
  readonly path: RegExp;
  readonly status: number;
  readonly body: unknown;
  /** How many matching requests to fail; default 1. */
  times?: number;
}

export interface FakeUser {
  readonly id: string;
  readonly username: string;
}

export interface InteractionOptions {
  readonly user?: FakeUser;
  /** The guild the interaction happens in (default `guildId`); it decides which shard receives it. */
  readonly guildId?: string;
  /** Member permissions in the channel, as a decimal string. Default: Send Messages + View Channel only. */
  readonly permissions?: string;
}

/** A file attached to a slash command option (type 11), served from `url`. */
export interface FakeAttachment {
  readonly option: string;
  readonly filename: string;
  readonly url: string;
  readonly size: number;
  readonly contentType?: string;
}

type Hold = {
  path: RegExp;
  arrived: Promise<RecordedRequest>;
  onArrive: (r: RecordedRequest) => void;
  res?: ServerResponse;
  release?: () => void;
};

type Waiter = {
  predicate: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
};

let snowflakeCounter = 0n;
/** Ids that look like real snowflakes and never repeat within a run. */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + snowflakeCounter).toString();
}

/** Discord's rule for which shard receives a guild's events. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A snowflake whose guild events go to `shard` of `shardCount`. */
export function snowflakeOnShard(shard: number, shardCount: number): string {
  snowflakeCounter += 1n;
  const ms = BigInt(Date.now()) - 1420070400000n;
  const count = BigInt(shardCount);
  const timestamp = ms - (ms % count) + BigInt(shard);
  return ((timestamp << 22n) + snowflakeCounter).toString();
}

export interface FakeDiscordOptions {
  /** Shards handed out by GET /gateway/bot; each gets its own guild. Default 1. */
  readonly shards?: number;
}

/** A file the bot uploaded with a message (multipart `files[n]` part). */
export interface UploadedFile {
  readonly field: string;
  readonly name: string;
  readonly text: string;
}

/**
 * A message with attachments arrives as multipart/form-data: the JSON in `payload_json`, the files in `files[n]`.
 * Recorded as that JSON with the files' text under `uploads`, so tests read it like any other body.
 */
async function parseMultipart(raw: Buffer, contentType: string): Promise<unknown> {
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const payload = form.get('payload_json');
  const body = (typeof payload === 'string' ? JSON.parse(payload) : {}) as Record<string, unknown>;
  const uploads: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json' || typeof value === 'string') continue;
    uploads.push({ field, name: value.name, text: await value.text() });
  }
  return { ...body, uploads };
}

export const MEMBER_PERMISSIONS = (1024n | 2048n).toString(); // View Channel + Send Messages
export const MANAGE_GUILD_PERMISSIONS = (1024n | 2048n | 32n).toString();

export class FakeDiscord {
  readonly applicationId = snowflake();
  readonly botUser = {
    id: this.applicationId,
    username: 'Verbatim',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };
  readonly shardCount: number;
  /** One guild per shard: `guildIds[i]` is routed to shard i. `guildId` is shard 0's. */
  readonly guildIds: readonly string[];
  readonly guildId: string;
  readonly channelId = snowflake();
  readonly member: FakeUser = { id: snowflake(), username: 'debater' };
  readonly otherMember: FakeUser = { id: snowflake(), username: 'heckler' };
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  /** Commands registered with PUT, by route. */
  readonly registered = new Map<string, unknown[]>();
  /**
   * When set, interactions go here instead of over the gateway: a test of HTTP interactions mode signs and POSTs
   * them to the bot's endpoint, as Discord does for an application with an Interactions Endpoint URL.
   */
  interactionSink: ((payload: { id: string; type: number }) => void) | null = null;

  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters = new Set<Waiter>();
  private readonly failures: FailureRule[] = [];
  private readonly holds: Hold[] = [];
  private sequence = 0;
  private port = 0;
  /** The identified socket of each shard id. */
  private readonly shardSockets = new Map<number, WebSocket>();
  private readonly identifyWaiters: { shard: number; resolve: () => void }[] = [];
  private identified: Promise<void>;
  private markIdentified!: () => void;

  private constructor(options: FakeDiscordOptions) {
    this.shardCount = options.shards ?? 1;
    this.guildIds = Array.from({ length: this.shardCount }, (_, shard) => snowflakeOnShard(shard, this.shardCount));
    this.guildId = this.guildIds[0]!;
    this.identified = new Promise((resolve) => (this.markIdentified = resolve));
    this.http = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.http.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws));
    });
  }

  /** Start on a random loopback port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.http.listen(0, '127.0.0.1');
    await once(fake.http, 'listening');
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  /** What to put in DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Resolves once every shard has identified and received READY. */
  whenIdentified(): Promise<void> {
    return this.identified;
  }

  /** Resolves at the next IDENTIFY for `shard` (e.g. a respawned shard process reconnecting). */
  nextIdentify(shard: number): Promise<void> {
    return new Promise((resolve) => this.identifyWaiters.push({ shard, resolve }));
  }

  /** The shard id that sent each IDENTIFY, in order (0 when the client did not say). */
  get identifiedShards(): number[] {
    return this.identifies.map((d) => shardIdOf(d));
  }

  /** Fail the next matching request(s) with `status` and a Discord-style JSON error. */
  failNext(rule: FailureRule): void {
    this.failures.push({ times: 1, ...rule });
  }

  /**
   * Hold the next request whose path matches: it is recorded but not answered until `release()`.
   * `arrived` resolves when it comes in; `release()` answers it and says whether the bot was still connected.
   */
  holdNext(path: RegExp): { arrived: Promise<RecordedRequest>; release(): boolean } {
    let resolveArrived!: (r: RecordedRequest) => void;
    const hold: Hold = { path, arrived: new Promise((r) => (resolveArrived = r)), onArrive: (r) => resolveArrived(r) };
    this.holds.push(hold);
    return {
      arrived: hold.arrived,
      release: () => {
        const open = hold.res !== undefined && !hold.res.destroyed && !hold.res.socket?.destroyed;
        hold.release?.();
        return open;
      },
    };
  }

  /** Forget every pending failure rule. */
  clearFailures(): void {
    this.failures.length = 0;
  }

  /** The first recorded request matching `predicate`, waiting for it if needed. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new Error(
              `fake Discord: no matching request within ${timeoutMs} ms; saw ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Requests made for one interaction: its callback and any webhook calls with its token. */
  requestsFor(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`));
  }

  /** Wait for the bot's callback (initial response) to interaction `id`. */
  waitForCallback(interaction: { id: string; token: string }, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
      timeoutMs,
    );
  }

  /** Wait for a webhook call (editReply, followUp, deleteReply) made with an interaction's token. */
  waitForWebhook(interaction: { token: string }, method: string, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) => r.method === method && r.path.startsWith(`/webhooks/${this.applicationId}/${interaction.token}`),
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('fake Discord closed'));
    }
    this.waiters.clear();
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---------- interactions a test can inject ----------

  private base(type: number, options: InteractionOptions) {
    const user = options.user ?? this.member;
    const guildId = options.guildId ?? this.guildId;
    const id = snowflake();
    const token = `itok-${id}`;
    return {
      id,
      token,
      payload: {
        id,
        application_id: this.applicationId,
        type,
        token,
        version: 1,
        guild_id: guildId,
        guild: { id: guildId, locale: 'en-US', features: [] },
        channel_id: this.channelId,
        channel: { id: this.channelId, type: 0, guild_id: guildId, name: 'debate' },
        member: {
          user: { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null },
          roles: [],
          joined_at: new Date(0).toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
          permissions: options.permissions ?? MEMBER_PERMISSIONS,
        },
        app_permissions: MEMBER_PERMISSIONS,
        locale: 'en-US',
        guild_locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': guildId },
        context: 0,
        attachment_size_limit: 8_388_608,
      },
    };
  }

  /** A slash command. `options` maps option names to values (strings, numbers, booleans). */
  slashCommand(name: string, options: Record<string, string | number | boolean> = {}, who: InteractionOptions = {}) {
    const { id, token, payload } = this.base(2, who);
    const typeOf = (v: unknown) => (typeof v === 'boolean' ? 5 : typeof v === 'number' ? 10 : 3);
    const data = {
      id: snowflake(),
      name,
      type: 1,
      guild_id: payload.guild_id,
      options: Object.entries(options).map(([optionName, value]) => ({ name: optionName, type: typeOf(value), value })),
    };
    this.dispatch('INTERACTION_CREATE', { ...payload, data });
    return { id, token };
  }

  /** A slash command's subcommand (`/name sub option:value`), with attachment options resolved like Discord does. */
  subcommand(
    name: string,
    sub: string,
    options: Record<string, string | number | boolean> = {},
    who: InteractionOptions = {},
    attachments: readonly FakeAttachment[] = [],
  ) {
    const { id, token, payload } = this.base(2, who);
    const typeOf = (v: unknown) => (typeof v === 'boolean' ? 5 : typeof v === 'number' ? 10 : 3);
    const resolved: Record<string, unknown> = {};
    const attachmentOptions = attachments.map((a) => {
      const attachmentId = snowflake();
      resolved[attachmentId] = {
        id: attachmentId,
        filename: a.filename,
        size: a.size,
        url: a.url,
        proxy_url: a.url,
        ...(a.contentType === undefined ? {} : { content_type: a.contentType }),
      };
      return { name: a.option, type: 11, value: attachmentId };
    });
    const data = {
      id: snowflake(),
      name,
      type: 1,
      guild_id: payload.guild_id,
      options: [
        {
          name: sub,
          type: 1,
          options: [
            ...Object.entries(options).map(([optionName, value]) => ({ name: optionName, type: typeOf(value), value })),
            ...attachmentOptions,
          ],
        },
      ],
      ...(attachments.length > 0 ? { resolved: { attachments: resolved } } : {}),
    };
    this.dispatch('INTERACTION_CREATE', { ...payload, data });
    return { id, token };
  }

  /** An autocomplete request with `focused` being the option being typed. */
  autocomplete(
    name: string,
    focused: string,
    value: string,
    others: Record<string, string> = {},
    who: InteractionOptions = {},
  ) {
    const { id, token, payload } = this.base(4, who);
    const options = [
      ...Object.entries(others).map(([n, v]) => ({ name: n, type: 3, value: v })),
      { name: focused, type: 3, value, focused: true },
    ];
    this.dispatch('INTERACTION_CREATE', {
      ...payload,
      data: { id: snowflake(), name, type: 1, guild_id: payload.guild_id, options },
    });
    return { id, token };
  }

  /** A button press on a message the bot sent (the message as the bot's callback or webhook sent it). */
  button(
    customId: string,
    message: { id?: string; content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number },
    who: InteractionOptions = {},
  ) {
    const { id, token, payload } = this.base(3, who);
    const fullMessage = this.messageObject({ id: message.id ?? snowflake(), ...message });
    this.dispatch('INTERACTION_CREATE', {
      ...payload,
      message: fullMessage,
      data: { custom_id: customId, component_type: 2 },
    });
    return { id, token };
  }

  /** The "Find quotes"-style message context command on a message with `content`. */
  messageCommand(name: string, content: string, who: InteractionOptions = {}) {
    const { id, token, payload } = this.base(2, who);
    const target = this.messageObject({
      id: snowflake(),
      content,
      author: {
        id: this.otherMember.id,
        username: this.otherMember.username,
        discriminator: '0',
        global_name: null,
        avatar: null,
      },
    });
    this.dispatch('INTERACTION_CREATE', {
      ...payload,
      data: {
        id: snowflake(),
        name,
        type: 3,
        guild_id: payload.guild_id,
        target_id: target.id,
        resolved: { messages: { [target.id]: target } },
      },
    });
    return { id, token };
  }

  // ---------- gateway ----------

  private onGateway(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (message.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (message.op === 2) {
        this.identifies.push(message.d);
        const shard = shardIdOf(message.d);
        this.shardSockets.set(shard, ws);
        ws.on('close', () => {
          if (this.shardSockets.get(shard) === ws) this.shardSockets.delete(shard);
        });
        const guilds = this.guildIds.filter((id) => shardOf(id, this.shardCount) === shard);
        this.sendTo(shard, 'READY', {
          v: 10,
          user: { ...this.botUser, verified: true, flags: 0, mfa_enabled: false },
          guilds: guilds.map((id) => ({ id, unavailable: true })),
          session_id: `session-${snowflake()}`,
          resume_gateway_url: this.gatewayUrl,
          application: { id: this.applicationId, flags: 0 },
          private_channels: [],
          presences: [],
        });
        for (const guildId of guilds) this.sendTo(shard, 'GUILD_CREATE', this.guildObject(guildId));
        for (const waiter of this.identifyWaiters.filter((w) => w.shard === shard)) {
          this.identifyWaiters.splice(this.identifyWaiters.indexOf(waiter), 1);
          waiter.resolve();
        }
        if (this.shardSockets.size === this.shardCount) this.markIdentified();
      }
    });
  }

  /**
   * Send a gateway dispatch (op 0) to the shard that owns the event's guild (`data.guild_id`), as Discord routes
   * it; events without a guild go to shard 0.
   */
  dispatch(event: string, data: unknown): void {
    if (event === 'INTERACTION_CREATE' && this.interactionSink !== null) {
      this.interactionSink(data as { id: string; type: number });
      return;
    }
    const guildId = (data as { guild_id?: unknown } | null)?.guild_id;
    this.sendTo(typeof guildId === 'string' ? shardOf(guildId, this.shardCount) : 0, event, data);
  }

  private sendTo(shard: number, event: string, data: unknown): void {
    const socket = this.shardSockets.get(shard);
    if (socket === undefined) throw new Error(`fake Discord: cannot send ${event}, shard ${shard} has not identified`);
    this.sequence += 1;
    socket.send(JSON.stringify({ op: 0, t: event, s: this.sequence, d: data }));
  }

  private guildObject(guildId: string) {
    return {
      id: guildId,
      name: 'Debate Club',
      icon: null,
      owner_id: this.otherMember.id,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: guildId,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: MEMBER_PERMISSIONS,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      members: [],
      channels: [
        {
          id: this.channelId,
          type: 0,
          guild_id: guildId,
          name: 'debate',
          position: 0,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ---------- REST ----------

  private messageObject(fields: Record<string, unknown>) {
    return {
      id: snowflake(),
      channel_id: this.channelId,
      author: this.botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...fields,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, '');
    let body: unknown = null;
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      body = await parseMultipart(Buffer.concat(chunks), contentType);
    } else if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.search,
      headers: req.headers,
      body,
    };
    this.requests.push(recorded);

    const send = (status: number, payload?: unknown) => {
      if (payload === undefined) {
        res.writeHead(status).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      }
      // Waiters resolve after the answer is on its way, so the bot sees a finished request.
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(recorded)) {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          waiter.resolve(recorded);
        }
      }
    };

    const failure = this.failures.find(
      (f) => f.path.test(path) && (f.method === undefined || f.method === recorded.method),
    );
    if (failure !== undefined) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      send(failure.status, failure.body);
      return;
    }
    const hold = this.holds.find((h) => h.path.test(path));
    if (hold !== undefined) {
      this.holds.splice(this.holds.indexOf(hold), 1);
      hold.res = res;
      hold.release = () => this.route(recorded, send);
      hold.onArrive(recorded);
      return;
    }
    this.route(recorded, send);
  }

  private route(r: RecordedRequest, send: (status: number, payload?: unknown) => void): void {
    const appCommands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(r.path);
    const webhookMessage = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/.exec(r.path);
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(r.path);

    if (r.method === 'GET' && r.path === '/gateway/bot') {
      send(200, {
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    } else if (r.method === 'GET' && r.path === '/gateway') {
      send(200, { url: this.gatewayUrl });
    } else if (r.method === 'GET' && r.path === '/users/@me') {
      send(200, this.botUser);
    } else if (appCommands !== null && r.method === 'PUT') {
      const body = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : [];
      const created = body.map((c) => ({
        id: snowflake(),
        application_id: appCommands[1],
        version: snowflake(),
        type: 1,
        ...c,
        ...(appCommands[2] ? { guild_id: appCommands[2] } : {}),
      }));
      this.registered.set(r.path, created);
      send(200, created);
    } else if (appCommands !== null && r.method === 'GET') {
      send(200, this.registered.get(r.path) ?? []);
    } else if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) {
      send(204);
    } else if (webhookMessage !== null && r.method === 'DELETE') {
      send(204);
    } else if (webhookMessage !== null && (r.method === 'PATCH' || r.method === 'GET')) {
      send(
        200,
        this.messageObject({
          id: webhookMessage[3] === '@original' ? snowflake() : webhookMessage[3],
          webhook_id: this.applicationId,
          application_id: this.applicationId,
          ...(r.body ?? {}),
        }),
      );
    } else if (webhook !== null && r.method === 'POST') {
      send(
        200,
        this.messageObject({ webhook_id: this.applicationId, application_id: this.applicationId, ...(r.body ?? {}) }),
      );
    } else {
      send(404, { message: '404: Not Found', code: 0 });
    }
  }
}

/** The shard id an IDENTIFY payload asks for (`shard: [id, count]`), 0 when absent. */
function shardIdOf(identify: unknown): number {
  const shard = (identify as { shard?: unknown } | null)?.shard;
  return Array.isArray(shard) && typeof shard[0] === 'number' ? shard[0] : 0;
}
