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
  /** Resolves when every interaction received so far has been answered (or failed and been logged). */
  idle(): Promise<void>;
  /** Wait up to `graceMs` for answers in flight, then disconnect. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

/** Create the client without connecting; exposed so tests can inspect options. */
export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiUrl },
    allowedMentions: { parse: [] },
  });
}

/** Log in and resolve once the gateway says READY and the guilds have arrived. */
export async function startBot(deps: BotDependencies): Promise<RunningBot> {
  const { config, logger } = deps;
  const client = createClient(config);
  const ctx: CommandContext = {
    config,
    library: deps.library,
    store: deps.store,
    logger,
    commands: deps.commands,
    ...(deps.cluster === undefined ? {} : { cluster: deps.cluster }),
    ...(deps.metrics !== undefined ? { metrics: deps.metrics } : {}),
  };
  const route = createInteractionRouter(ctx);
  const inFlight = new Set<Promise<void>>();

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const handled = route(interaction).finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });
  client.on(Events.Error, (err) => logger.error('discord client error', { err }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { detail: message }));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn('gateway disconnected', { shardId, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info('gateway reconnecting', { shardId }));
  client.rest.on('rateLimited', (info) =>
    logger.warn('rate limited by Discord', { route: info.route, retryAfter: info.retryAfter, global: info.global }),
  );

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  const readyClient = client as Client<true>;
  logger.info('logged in', {
    user: readyClient.user.tag,
    userId: readyClient.user.id,
    guilds: readyClient.guilds.cache.size,
    commands: deps.commands.map((c) => c.data.name),
  });

  let stopped: Promise<void> | null = null;
  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    client: readyClient,
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
