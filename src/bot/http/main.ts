/**
 * `npm run start:http`: serve Discord's interactions endpoint on INTERACTIONS_PORT with no gateway connection.
 * Run any number of these replicas on any machines behind a load balancer; with KEYV_URL=redis://… they share
 * paging state, cooldowns and the reload audit, and /reload on one reaches all. SIGTERM/SIGINT stop taking
 * requests, finish those in flight, close the store and exit 0.
 */
import { resolve } from 'node:path';
import { loadConfigOrExit } from '../../config.ts';
import { memberName, openCluster } from '../../cluster/reload.ts';
import { CorpusLoadError, formatProblems } from '../../corpus/load.ts';
import { Library } from '../../library.ts';
import { createLogger } from '../../logger.ts';
import { describeStoreUrl, openStore } from '../../store/store.ts';
import { checkHealth } from '../../health/check.ts';
import { withMemberDetails } from '../../health/member.ts';
import { createMetrics } from '../../health/metrics.ts';
import { type HealthServer, startHealthServer } from '../../health/server.ts';
import { loadCommands } from '../loader.ts';
import { createHttpBridge } from './bridge.ts';
import { startInteractionsServer } from './server.ts';
import { publicKeyFromHex } from './verify.ts';

const config = loadConfigOrExit({ requirePublicKey: true });
const logger = createLogger({ level: config.logLevel, secrets: [config.token] }, { mode: 'http' });
process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection', { err: reason }));

let library: Library;
try {
  library = await Library.open(resolve(config.corpusDir));
} catch (err) {
  if (err instanceof CorpusLoadError) {
    logger.error('the corpus has problems; fix them and start again', { corpusDir: config.corpusDir });
    process.stderr.write(`${formatProblems(err.problems)}\n`);
    process.exit(1);
  }
  throw err;
}
logger.info('corpus loaded', {
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
const member = memberName(config, 'http');
const cluster = await openCluster({ config, library, logger, member });
const bridge = createHttpBridge({ config, library, store, logger, commands, cluster, metrics });
const server = await startInteractionsServer({
  publicKey: publicKeyFromHex(config.publicKey ?? ''),
  bridge,
  logger,
  port: config.interactionsPort,
});

// A replica has no gateway: it is ready to serve once its endpoint listens.
const health: HealthServer | null =
  config.healthPort === null
    ? null
    : await startHealthServer({
        port: config.healthPort,
        host: config.healthHost,
        metrics,
        logger,
        check: withMemberDetails(
          async () => {
            const report = await checkHealth({
              discordReady: () => server.server.listening,
              corpusPassages: () => library.state.corpus.passages.length,
              store,
            });
            return {
              ...report,
              checks: {
                ...report.checks,
                discord:
                  report.checks.discord === 'ok' ? 'ok (HTTP interactions, no gateway)' : 'endpoint not listening',
              },
            };
          },
          { member, library, gatewayPing: () => null },
        ),
      });

let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('shutting down', { signal });
  await server.stop();
  await health?.close();
  await bridge.stop();
  await cluster.close();
  await store.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
