/**
 * `npm start` (tsx, for development) and `npm run start:prod` (`node dist/src/bot/main.js`, what Docker, systemd and
 * PM2 run): load config, corpus, store and commands, connect to Discord, and shut down cleanly on
 * SIGINT/SIGTERM (answers in flight finish, client destroyed, store closed).
 */
import { type Config, ENTRY_CONFIG, loadConfigOrExit } from '../config.ts';
import { openCluster } from '../cluster/redis.ts';
import { memberName } from '../cluster/reload.ts';
import { checkHealth } from '../health/check.ts';
import { registerGatewayPing, withMemberDetails } from '../health/member.ts';
import { type HealthServer, startHealthServer } from '../health/server.ts';
import { createLogger } from '../logger.ts';
import { startBot } from './client.ts';
import { openRuntime } from './runtime.ts';
import { answerShardStatusRequests } from './shard/health.ts';

const config: Config = loadConfigOrExit(ENTRY_CONFIG.gateway);

const logger = createLogger(
  { level: config.logLevel, secrets: [config.token] },
  config.shardId === null ? {} : { shard: config.shardId },
);
process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection', { err: reason }));

const { library, metrics, store, commands } = await openRuntime(config, logger);
const member = memberName(config, 'gateway');
const cluster = await openCluster({ config, library, logger, member });

let bot: Awaited<ReturnType<typeof startBot>> | undefined;
/** discord.js reports -1 until the first heartbeat is acknowledged. */
const gatewayPing = () => {
  const ping = bot?.client.ws.ping;
  return ping === undefined || ping < 0 ? null : ping;
};
registerGatewayPing(metrics, gatewayPing);
const check = withMemberDetails(
  () =>
    checkHealth({
      discordReady: () => bot?.client.isReady() ?? false,
      corpusPassages: () => library.state.corpus.passages.length,
      store,
    }),
  { member, library, gatewayPing },
);
// Shards cannot all bind HEALTH_PORT: their manager serves it and asks each shard over IPC.
if (config.shardId !== null) answerShardStatusRequests(config.shardId, check, metrics);
// Up before login, so a supervisor sees 503 "not logged in" while the bot connects rather than no answer at all.
const health: HealthServer | null =
  config.healthPort === null || config.shardId !== null
    ? null
    : await startHealthServer({ port: config.healthPort, host: config.healthHost, metrics, logger, check });

try {
  bot = await startBot({ config, library, store, logger, commands, metrics, cluster });
} catch (err) {
  logger.error('could not connect to Discord', { err });
  await health?.close();
  await cluster.close();
  await store.close();
  process.exit(1);
}
const running = bot;

let shuttingDown = false;
async function shutdown(why: Readonly<Record<string, unknown>>, exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('shutting down', why);
  await running.stop();
  await health?.close();
  await cluster.close();
  await store.close();
  logger.info('store closed');
  logger.info('stopped', { exitCode });
  process.exit(exitCode);
}
process.on('SIGINT', (signal) => void shutdown({ signal }, 0));
process.on('SIGTERM', (signal) => void shutdown({ signal }, 0));
// A gateway Discord will not let us back into (token reset, …) must not look like a clean stop to a supervisor.
void running.lost.then(({ code }) => shutdown({ reason: 'gateway closed for good', code }, 1));
// A shard spawned by the sharding manager must not outlive it (its IPC channel closes when the manager dies).
if (config.shardId !== null && process.send !== undefined)
  process.on('disconnect', () => void shutdown({ signal: 'manager gone' }, 0));
