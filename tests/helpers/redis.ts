/** A real redis-server on 127.0.0.1 for tests (`.ci/run` installs Debian's redis-server). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server } from 'node:net';
import { once } from 'node:events';
import { describe } from 'vitest';
import { freePort } from './net.ts';

export const HAS_REDIS = spawnSync('redis-server', ['--version']).status === 0;
/** Where redis-server is missing locally, the suite is skipped; in CI (which installs it) it must run. */
export const describeWithRedis = HAS_REDIS || process.env['CI'] ? describe : describe.skip;

export async function startRedis(): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Waits for the server's own "ready" line (or its exit), however long a loaded machine takes to start it.
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (/Ready to accept connections/i.test(output)) resolve();
    });
    child.once('error', reject);
    child.once('exit', () => reject(new Error(`redis-server did not start: ${output}`)));
  });
  return { port, process: child };
}

/** A TCP proxy to `port` that holds every client→server chunk for `delayMs`: a store that is slow but answers. */
export async function startSlowProxy(
  port: number,
  delayMs: number,
): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    client.on('data', (chunk) => setTimeout(() => upstream.write(chunk), delayMs));
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as { port: number };
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
