/**
 * `npm run start:sharded`: the ShardingManager entry. SHARD_COUNT=auto asks Discord how many shards to run.
 * Shards are separate processes, so they need Redis (KEYV_URL=redis://…) to share state and reloads.
 * SIGTERM/SIGINT stop every shard cleanly, then the manager exits 0.
 */
import { loadConfigOrExit } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { describeStoreUrl, storeKindOf } from '../../store/store.ts';
import { type ShardsHealthServer, startShardsHealthServer } from './health.ts';
import { type RunningShards, startShards } from './manager.ts';

const config = loadConfigOrExit();
const logger = createLogger({ level: config.logLevel, secrets: [config.token] }, { component: 'shard-manager' });

if (storeKindOf(config.keyvUrl) !== 'redis') {
  process.stderr.write(
    `npm run start:sharded needs KEYV_URL=redis://… (it is ${describeStoreUrl(config.keyvUrl)}): each shard is its own ` +
      'process, and they share paging state, cooldowns and /reload through Redis. Use npm start for one process.\n',
  );
  process.exit(1);
}

let shards: RunningShards;
try {
  shards = await startShards(config, logger);
} catch (err) {
  logger.error('could not start the shards', { err });
  process.exit(1);
}

// After every shard is up: a probe sees no answer while they start, as with one process before its login.
let health: ShardsHealthServer | null = null;
if (config.healthPort !== null) {
  health = await startShardsHealthServer({
    port: config.healthPort,
    host: config.healthHost,
    manager: shards.manager,
    logger,
  });
}

let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info('stopping every shard', { signal });
  await health?.close();
  await shards.stop();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
