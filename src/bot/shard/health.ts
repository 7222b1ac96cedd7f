/**
 * Health and metrics for a sharded deployment. Shards are separate processes that cannot all bind HEALTH_PORT,
 * so the manager serves it and asks each shard over IPC (src/bot/shard/status.ts). `GET /healthz` is 200 only when
 * every shard answers healthy, and lists each shard's checks (Discord, corpus, store), gateway ping, corpus hash
 * and passages; a dead, respawning or stuck shard is listed as down. `GET /metrics` merges every shard's
 * Prometheus metrics, each labelled with its `shard`, through prom-client's AggregatorRegistry.
 */
import type { ServerResponse } from 'node:http';
import type { ShardingManager } from 'discord.js';
import {
  AggregatorRegistry,
  Gauge,
  type MetricObjectWithValues,
  type MetricValue,
  type PrometheusContentType,
  Registry,
} from 'prom-client';
import type { HealthReport } from '../../health/check.ts';
import type { Metrics } from '../../health/metrics.ts';
import { serveHealthEndpoints } from '../../health/server.ts';
import type { Logger } from '../../logger.ts';
import { answerStatusRequests, collectShardStatuses } from './status.ts';

/** A shard that has not answered within this long is reported down: a probe or scrape must not hang. */
export const SHARD_ANSWER_TIMEOUT_MS = 2000;

/** What a shard answers: its health report, and its metrics when asked for them. */
interface ShardReport {
  readonly report: HealthReport;
  readonly metrics?: MetricObjectWithValues<MetricValue<string>>[];
}

/** In a shard process: label this shard's metrics and answer the manager's health and metrics requests. */
export function answerShardStatusRequests(shardId: number, check: () => Promise<HealthReport>, metrics: Metrics): void {
  metrics.registry.setDefaultLabels({ shard: String(shardId) });
  answerStatusRequests(async (kind): Promise<ShardReport> => ({
    report: await check(),
    ...(kind === 'metrics' ? { metrics: await metrics.registry.getMetricsAsJSON() } : {}),
  }));
}

export interface ShardsHealthServer {
  readonly port: number;
  close(): Promise<void>;
}

interface ShardsHealthOptions {
  readonly port: number;
  readonly host: string;
  readonly manager: ShardingManager;
  readonly logger: Logger;
  readonly timeoutMs?: number;
}

/** GET /healthz: 200 only when every shard answered healthy; each shard's checks, or why it is down. */
async function answerHealth(options: ShardsHealthOptions, timeoutMs: number, res: ServerResponse): Promise<void> {
  const answers = await collectShardStatuses<ShardReport>(options.manager, timeoutMs, 'health');
  const shards = answers.map((a) =>
    a.up
      ? {
          shard: a.shard,
          status: a.status.report.healthy ? 'ok' : 'unhealthy',
          ...a.status.report.checks,
          ...a.status.report.details,
        }
      : { shard: a.shard, status: 'down', reason: a.reason },
  );
  const healthy = shards.length > 0 && shards.every((s) => s.status === 'ok');
  res
    .writeHead(healthy ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ status: healthy ? 'ok' : 'unhealthy', shards }));
}

/** GET /metrics: every shard's metrics merged (each labelled with its shard), plus how many shards answered. */
function createMetricsAnswer(options: ShardsHealthOptions, timeoutMs: number) {
  const own = new Registry();
  const shardsGauge = new Gauge({
    name: 'verbatim_shards',
    help: 'Shards by whether they answered the manager just now (up) or not (down: dead, respawning or stuck).',
    labelNames: ['state'] as const,
    registers: [own],
  });
  return async (res: ServerResponse): Promise<void> => {
    const answers = await collectShardStatuses<ShardReport>(options.manager, timeoutMs, 'metrics');
    const up = answers.filter((a) => a.up).length;
    shardsGauge.set({ state: 'up' }, up);
    shardsGauge.set({ state: 'down' }, answers.length - up);
    const fromShards = AggregatorRegistry.aggregate<PrometheusContentType>(
      answers.flatMap((a) => (a.up ? [a.status.metrics ?? []] : [])),
    );
    const registry = Registry.merge([fromShards, own]);
    res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
  };
}

/** In the manager: serve /healthz and /metrics for every shard. */
export async function startShardsHealthServer(options: ShardsHealthOptions): Promise<ShardsHealthServer> {
  const timeoutMs = options.timeoutMs ?? SHARD_ANSWER_TIMEOUT_MS;
  return serveHealthEndpoints(options, {
    health: (res) => answerHealth(options, timeoutMs, res),
    metrics: createMetricsAnswer(options, timeoutMs),
  });
}
