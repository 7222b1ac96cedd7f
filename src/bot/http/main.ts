/**
 * `npm run start:http`: serve Discord's interactions endpoint on INTERACTIONS_PORT with no gateway connection.
 * Run any number of these replicas on any machines behind a load balancer; with KEYV_URL=redis://… they share
 * paging state, cooldowns and the reload audit, and /reload on one reaches all. SIGTERM/SIGINT stop taking
 * requests, finish those in flight, close the store and exit 0.
 */
import { ENTRY_CONFIG, loadConfigOrExit } from '../../config.ts';
import { openCluster } from '../../cluster/redis.ts';
import { memberName } from '../../cluster/reload.ts';
import { createLogger } from '../../logger.ts';
import { checkHealth } from '../../health/check.ts';
import { withMemberDetails } from '../../health/member.ts';
import { type HealthServer, startHealthServer } from '../../health/server.ts';
import { openRuntime } from '../runtime.ts';
import { createHttpBridge } from './bridge.ts';
import { startInteractionsServer } from './server.ts';
import { publicKeyFromHex } from './verify.ts';

const config = loadConfigOrExit(ENTRY_CONFIG.http);
const logger = createLogger({ level: config.logLevel, secrets: [config.token] }, { mode: 'http' });
process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection', { err: reason }));

const { library, metrics, store, commands } = await openRuntime(config, logger);
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
