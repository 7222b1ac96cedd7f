/**
 * `npm start` (tsx, for development) and `npm run start:prod` (`node dist/src/bot/main.js`, what Docker, systemd and
 * PM2 run): load config, corpus, store and commands, connect to Discord, and shut down cleanly on
 * SIGINT/SIGTERM (answers in flight finish, client destroyed, store closed).
 */
import { resolve } from 'node:path';
import { type Config, loadConfigOrExit } from '../config.ts';
import { CorpusLoadError, formatProblems } from '../corpus/load.ts';
import { checkHealth } from '../health/check.ts';
import { createMetrics } from '../health/metrics.ts';
import { type HealthServer, startHealthServer } from '../health/server.ts';
import { Library } from '../library.ts';
import { createLogger } from '../logger.ts';
import { describeStoreUrl, openStore } from '../store/store.ts';
import { startBot } from './client.ts';
import { loadCommands } from './loader.ts';

const config: Config = loadConfigOrExit();

const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
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

let bot: Awaited<ReturnType<typeof startBot>> | undefined;
// Up before login, so a supervisor sees 503 "not logged in" while the bot connects rather than no answer at all.
const health: HealthServer | null =
  config.healthPort === null
    ? null
    : await startHealthServer({
        port: config.healthPort,
        host: config.healthHost,
        metrics,
        logger,
        check: () =>
          checkHealth({
            discordReady: () => bot?.client.isReady() ?? false,
            corpusPassages: () => library.state.corpus.passages.length,
            store,
          }),
      });

try {
  bot = await startBot({ config, library, store, logger, commands, metrics });
} catch (err) {
  logger.error('could not connect to Discord', { err });
  await health?.close();
  await store.close();
  process.exit(1);
}
const running = bot;

let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('shutting down', { signal });
  await running.stop();
  await health?.close();
  await store.close();
  logger.info('store closed');
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
