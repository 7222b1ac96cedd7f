/**
 * `npm start`: load config, corpus, store and commands, connect to Discord, and shut down cleanly on
 * SIGINT/SIGTERM (answers in flight finish, client destroyed, store closed).
 */
import { resolve } from 'node:path';
import { type Config, loadConfigOrExit } from '../config.ts';
import { CorpusLoadError, formatProblems } from '../corpus/load.ts';
import { memberName, openCluster } from '../cluster/reload.ts';
import { Library } from '../library.ts';
import { createLogger } from '../logger.ts';
import { describeStoreUrl, openStore } from '../store/store.ts';
import { startBot } from './client.ts';
import { loadCommands } from './loader.ts';

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

const store = await openStore({ url: config.keyvUrl, timeoutMs: config.storeTimeoutMs, logger });
logger.info('store opened', { store: describeStoreUrl(config.keyvUrl) });
const commands = await loadCommands(undefined, logger);
const cluster = await openCluster({ config, library, logger, member: memberName(config, 'gateway') });

let bot: Awaited<ReturnType<typeof startBot>>;
try {
  bot = await startBot({ config, library, store, logger, commands, cluster });
} catch (err) {
  logger.error('could not connect to Discord', { err });
  await cluster.close();
  await store.close();
  process.exit(1);
}

let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals | 'manager gone'): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('shutting down', { signal });
  await bot.stop();
  await cluster.close();
  await store.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
// A shard spawned by the sharding manager must not outlive it (its IPC channel closes when the manager dies).
if (config.shardId !== null && process.send !== undefined)
  process.on('disconnect', () => void shutdown('manager gone'));
