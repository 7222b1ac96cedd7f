/**
 * `npm start` (tsx, for development) and `npm run start:prod` (`node dist/src/bot/main.js`, what Docker, systemd and
 * PM2 run): load config, corpus, store and commands, connect to Discord, and shut down cleanly on
 * SIGINT/SIGTERM (answers in flight finish, client destroyed, store closed).
 */
import { resolve } from 'node:path';
import { type Config, loadConfigOrExit } from '../config.ts';
import { unattributedCounts } from '../corpus/attribution/report.ts';
import { CorpusLoadError, formatProblems } from '../corpus/load.ts';
import { memberName, openCluster } from '../cluster/reload.ts';
import { checkHealth } from '../health/check.ts';
import { registerGatewayPing, withMemberDetails } from '../health/member.ts';
import { createMetrics } from '../health/metrics.ts';
import { type HealthServer, startHealthServer } from '../health/server.ts';
import { Library } from '../library.ts';
import { createLogger } from '../logger.ts';
import { describeStoreUrl, openStore } from '../store/store.ts';
import { startBot } from './client.ts';
import { loadCommands } from './loader.ts';
import { answerShardStatusRequests } from './shard/health.ts';

const config: Config = loadConfigOrExit();

const logger = createLogger(
  { level: config.logLevel, secrets: [config.token] },
  config.shardId === null ? {} : { shard: config.shardId },
);
process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection', { err: reason }));

let library: Library;
try {
  library = await Library.open(resolve(config.corpusDir));
} catch (err) {
  if (err instanceof CorpusLoadError) {
    logger.error('the corpus has problems; fix them and start again', {
      corpusDir: config.corpusDir,
      problems: err.problems.length,
    });
    process.stderr.write(`${formatProblems(err.problems)}\n`);
    process.exit(1);
  }
  throw err;
}
logger.info('corpus loaded', {
  corpusDir: config.corpusDir,
  sources: library.state.corpus.sources.length,
  passages: library.state.corpus.passages.length,
  hash: library.state.corpus.hash,
});
for (const count of unattributedCounts(library.state.corpus)) {
  logger.info('quotations without a speaker (an override or a people.yaml entry would help)', { ...count });
}

const metrics = createMetrics(() => ({
  passages: library.state.corpus.passages.length,
  hash: library.state.corpus.hash,
}));
const store = await openStore({
  url: config.keyvUrl,
  timeoutMs: config.storeTimeoutMs,
  logger,
  onError: (operation) => metrics.recordStoreError(operation),
});
logger.info('store opened', { store: describeStoreUrl(config.keyvUrl) });
const commands = await loadCommands(undefined, logger);
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
async function shutdown(signal: NodeJS.Signals | 'manager gone'): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('shutting down', { signal });
  await running.stop();
  await health?.close();
  await cluster.close();
  await store.close();
  logger.info('store closed');
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
// A shard spawned by the sharding manager must not outlive it (its IPC channel closes when the manager dies).
if (config.shardId !== null && process.send !== undefined)
  process.on('disconnect', () => void shutdown('manager gone'));
