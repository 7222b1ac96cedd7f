/**
 * The optional HTTP endpoint for supervisors and Prometheus (HEALTH_PORT): `GET /healthz` answers 200 or 503 with
 * the reason as JSON; `GET /metrics` answers the Prometheus text format. Nothing else is served.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
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

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const respond = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
      } else if (path === '/healthz') {
        const report = await options.check();
        res
          .writeHead(report.healthy ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ status: report.healthy ? 'ok' : 'unhealthy', ...report.checks, ...report.details }));
      } else if (path === '/metrics') {
        const body = await options.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': options.metrics.registry.contentType }).end(body);
      } else {
        res
          .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Not found: try /healthz or /metrics\n');
      }
    };
    respond().catch((err: unknown) => {
      options.logger.error('health endpoint failed', { err, path });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  options.logger.info('health endpoint listening', { host: options.host, port });
  return {
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
