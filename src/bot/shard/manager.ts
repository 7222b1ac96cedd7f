/**
 * The sharded deployment on discord.js's own ShardingManager: one child process per shard, each running the
 * ordinary bot entry (`src/bot/main.ts`, or `dist/src/bot/main.js` in production), which discord.js points at
 * its shard through the SHARDS / SHARD_COUNT variables the manager sets. A shard that dies is respawned by the
 * manager. Shards share paging state, cooldowns and the reload audit through the store (Redis), and /reload
 * reaches them all through the cluster (Redis pub/sub).
 */
import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';

/** Discord asks a bot to shard from 2,500 servers; it answers GET /gateway/bot with the count it recommends. */
export async function fetchRecommendedShards(config: Config): Promise<number> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  if (typeof gateway.shards !== 'number' || !Number.isInteger(gateway.shards) || gateway.shards < 1)
    throw new Error('Discord did not say how many shards to run (GET /gateway/bot had no shard count)');
  return gateway.shards;
}

/**
 * The script each shard runs and the node flags it needs: the bot entry beside this file, with the same
 * extension. Under tsx (`npm run start:sharded`) that is a .ts file, so the child loads tsx too; from dist/
 * it is plain JavaScript.
 */
export function shardScript(): { file: string; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  const extension = self.endsWith('.ts') ? '.ts' : '.js';
  const file = fileURLToPath(new URL(`../main${extension}`, import.meta.url));
  if (!existsSync(file)) throw new Error(`the bot entry ${file} is missing; run npm run build first`);
  return { file, execArgv: extension === '.ts' ? ['--import', import.meta.resolve('tsx')] : [] };
}

export interface RunningShards {
  readonly manager: ShardingManager;
  readonly totalShards: number;
  /** Stop respawning, send SIGTERM to every shard and wait until each has exited. */
  stop(): Promise<void>;
}

/** Spawn every shard and resolve once each has logged in (or reject if one cannot). */
export async function startShards(config: Config, logger: Logger): Promise<RunningShards> {
  const totalShards = config.shardCount === 'auto' ? await fetchRecommendedShards(config) : config.shardCount;
  const { file, execArgv } = shardScript();
  const manager = new ShardingManager(file, {
    totalShards,
    token: config.token,
    execArgv,
    respawn: true,
  });
  manager.on('shardCreate', (shard: Shard) => {
    const log = logger.child({ shard: shard.id });
    // Mode 'process' (the default) spawns ChildProcesses; the events are typed for workers too.
    const pidOf = (child: unknown) => (child instanceof ChildProcess ? child.pid : undefined);
    shard.on('spawn', (child) => log.info('shard spawned', { pid: pidOf(child) }));
    shard.on('ready', () => log.info('shard ready'));
    shard.on('death', (child) =>
      log.warn(manager.respawn ? 'shard exited; respawning it' : 'shard exited', {
        pid: pidOf(child),
        code: child instanceof ChildProcess ? child.exitCode : null,
        signal: child instanceof ChildProcess ? child.signalCode : null,
      }),
    );
    shard.on('error', (err: Error) => log.error('shard could not be respawned', { err }));
  });
  logger.info('spawning shards', { totalShards, script: file, delayMs: config.shardSpawnDelayMs });
  await manager.spawn({ amount: totalShards, delay: config.shardSpawnDelayMs, timeout: 60_000 });
  logger.info('every shard is ready', { totalShards });

  let stopping: Promise<void> | null = null;
  return {
    manager,
    totalShards,
    stop() {
      stopping ??= (async () => {
        manager.respawn = false;
        const exits: Promise<unknown>[] = [];
        for (const shard of manager.shards.values()) {
          const child = shard.process;
          if (child === null || child.exitCode !== null || child.signalCode !== null) continue;
          exits.push(once(child, 'exit'));
          child.kill('SIGTERM');
        }
        await Promise.all(exits);
      })();
      return stopping;
    },
  };
}
