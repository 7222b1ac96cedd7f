/**
 * The optional HTTP endpoint for supervisors and Prometheus (HEALTH_PORT): `GET /healthz` answers 200 or 503 with
 * the reason as JSON; `GET /metrics` answers the Prometheus text format. Nothing else is served.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';
import type { HealthReport } from './check.ts';
import type { Metrics } from './metrics.ts';

export interface HealthServerOptions {
  readonly port: number;
  readonly host: string;
  readonly metrics: Metrics;
  readonly check: () => Promise<HealthReport>;
  readonly logger: Logger;
}

export interface HealthServer {
  /** The port actually bound (useful when `port` was 0). */
  readonly port: number;
  close(): Promise<void>;
}

/** The two answers an endpoint gives; each writes the whole response. */
export interface HealthAnswers {
  readonly health: (res: ServerResponse) => Promise<void>;
  readonly metrics: (res: ServerResponse) => Promise<void>;
}

/**
 * Serves GET/HEAD /healthz and /metrics with the given answers (405 for other methods, 404 for other paths, 500
 * and a log line when an answer throws). Used by the single process and by the shard manager.
 */
export async function serveHealthEndpoints(
  where: { readonly port: number; readonly host: string; readonly logger: Logger },
  answers: HealthAnswers,
): Promise<HealthServer> {
  const respond = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') res.writeHead(405, { allow: 'GET, HEAD' }).end();
    else if (path === '/healthz') await answers.health(res);
    else if (path === '/metrics') await answers.metrics(res);
    else
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: try /healthz or /metrics\n');
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    respond(req, res, path).catch((err: unknown) => {
      where.logger.error('health endpoint failed', { err, path });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.listen(where.port, where.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  where.logger.info('health endpoint listening', { host: where.host, port });
  return {
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  return serveHealthEndpoints(options, {
    async health(res) {
      const report = await options.check();
      res
        .writeHead(report.healthy ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify({ status: report.healthy ? 'ok' : 'unhealthy', ...report.checks, ...report.details }));
    },
    async metrics(res) {
      const body = await options.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': options.metrics.registry.contentType }).end(body);
    },
  });
}
