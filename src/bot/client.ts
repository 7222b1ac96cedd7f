/**
 * The discord.js client: Guilds intent only (no privileged intents), REST pointed at config.apiUrl, mentions
 * disabled by default, every interaction routed through the one router. `stop` waits briefly for answers in
 * flight, then destroys the client.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type { Cluster } from '../cluster/reload.ts';
import type { Config } from '../config.ts';
import type { Library } from '../library.ts';
import type { Metrics } from '../health/metrics.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { Command, CommandContext } from './command.ts';
import { createInteractionRouter } from './router.ts';

export interface BotDependencies {
  readonly config: Config;
  readonly library: Library;
  readonly store: Store;
  readonly logger: Logger;
  readonly commands: readonly Command[];
  readonly cluster?: Cluster;
  readonly metrics?: Metrics;
}

export interface RunningBot {
  readonly client: Client<true>;
  /**
   * Resolves when Discord closed the gateway for good (4004 token reset, 4014 disallowed intents, …): discord.js
   * does not reconnect then, and nothing else keeps the bot alive, so the caller must exit with a failure code.
   */
  readonly lost: Promise<{ readonly code: number }>;
  /** Resolves when every interaction received so far has been answered (or failed and been logged). */
  idle(): Promise<void>;
  /** Wait up to `graceMs` for answers in flight, then disconnect. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

/** What an admin should do after each close code discord.js does not recover from. */
const FATAL_CLOSE_HINTS: Readonly<Record<number, string>> = {
  4004: 'Discord rejected the token (it was reset or revoked): set a valid DISCORD_TOKEN and start again',
  4010: 'invalid shard',
  4011: 'sharding required: the bot is in too many servers for one connection',
  4012: 'invalid gateway API version',
  4013: 'invalid intents',
  4014: 'disallowed intents: enable them in the Developer Portal or remove them',
};

/** Create the client without connecting; exposed so tests can inspect options. */
export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiUrl },
    allowedMentions: { parse: [] },
  });
}

/** The one context every command runs with (the gateway bot and the HTTP bridge alike). */
export function contextOf(deps: BotDependencies): CommandContext {
  return {
    config: deps.config,
    library: deps.library,
    store: deps.store,
    logger: deps.logger,
    commands: deps.commands,
    ...(deps.cluster === undefined ? {} : { cluster: deps.cluster }),
    ...(deps.metrics !== undefined ? { metrics: deps.metrics } : {}),
  };
}

/** Route every interaction, keeping each answer in `inFlight` until it settles. */
export function routeInteractions(client: Client, ctx: CommandContext, inFlight: Set<Promise<void>>): void {
  const route = createInteractionRouter(ctx);
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const handled = route(interaction).finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });
}

/** Log the client's errors, warnings, reconnects and rate limits; resolve `lost` when the gateway closes for good. */
function watchConnection(client: Client, logger: Logger): Promise<{ code: number }> {
  client.on(Events.Error, (err) => logger.error('discord client error', { err }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { detail: message }));
  // discord.js emits shardDisconnect only for close codes it will not recover from (see UNRECOVERABLE_CLOSE_CODES).
  let markLost: (event: { code: number }) => void = () => undefined;
  const lost = new Promise<{ code: number }>((resolve) => (markLost = resolve));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    logger.error('gateway closed for good; the bot cannot serve', {
      shardId,
      code: event.code,
      detail: FATAL_CLOSE_HINTS[event.code] ?? 'Discord will not accept a reconnect with this configuration',
    });
    markLost({ code: event.code });
  });
  client.on(Events.ShardReconnecting, (shardId) => logger.info('gateway reconnecting', { shardId }));
  client.rest.on('rateLimited', (info) =>
    logger.warn('rate limited by Discord', { route: info.route, retryAfter: info.retryAfter, global: info.global }),
  );
  return lost;
}

/** Log in and wait for READY; a failed login destroys the client before rethrowing. */
async function logIn(client: Client, deps: BotDependencies): Promise<Client<true>> {
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(deps.config.token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  const readyClient = client as Client<true>;
  deps.logger.info('logged in', {
    user: readyClient.user.tag,
    userId: readyClient.user.id,
    guilds: readyClient.guilds.cache.size,
    commands: deps.commands.map((c) => c.data.name),
  });
  return readyClient;
}

/** Log in and resolve once the gateway says READY and the guilds have arrived. */
export async function startBot(deps: BotDependencies): Promise<RunningBot> {
  const { logger } = deps;
  const client = createClient(deps.config);
  const inFlight = new Set<Promise<void>>();
  routeInteractions(client, contextOf(deps), inFlight);
  const lost = watchConnection(client, logger);
  const readyClient = await logIn(client, deps);

  let stopped: Promise<void> | null = null;
  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    client: readyClient,
    lost,
    idle,
    stop(graceMs = 5000) {
      stopped ??= (async () => {
        if (inFlight.size > 0) logger.info('waiting for answers in flight', { answers: inFlight.size, graceMs });
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
        await client.destroy();
        logger.info('disconnected from Discord');
      })();
      return stopped;
    },
  };
}
