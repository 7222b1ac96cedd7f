/**
 * `npm run start:http` as a process: answers a signed PING, reports its health, stops on SIGTERM. (That it refuses
 * to start without DISCORD_PUBLIC_KEY is ENTRY_CONFIG.http, in tests/config.test.ts.)
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/net.ts';
import { TEST_TOKEN } from '../harness.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
/**
 * The child loads tsx and the whole bot (~25 s on a loaded shared two-core machine): a generous bound, not a claim
 * about speed.
 */
const PROCESS_BOUND_MS = 180_000;

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot/http/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KEYV_URL: 'memory', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let wake: (() => void) | null = null;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    wake?.();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  /** Resolves with the first log line matching `msg`. */
  const waitForLog = async (msg: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const line = output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === msg);
      if (line !== undefined) return line;
      if (child.exitCode !== null) throw new Error(`exited before "${msg}": ${output}`);
      await new Promise<void>((r) => (wake = r));
    }
  };
  return { child, output: () => output, waitForLog };
}

describe('npm run start:http as a process', () => {
  it(
    'GIVEN a key THEN it listens without any gateway, answers a signed PING with PONG, reports its health, and exits 0 on SIGTERM',
    async () => {
      const healthPort = await freePort();
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const hex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
      const { child, output, waitForLog } = run({
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_PUBLIC_KEY: hex,
        INTERACTIONS_PORT: '0',
        // Nothing listens here: the HTTP mode must not need Discord's gateway or REST to start.
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
        HEALTH_PORT: String(healthPort),
      });
      const exited = once(child, 'exit');
      const listening = await waitForLog('interactions endpoint listening');
      const body = JSON.stringify({ id: '1', type: 1 });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(`http://127.0.0.1:${listening.port as number}/interactions`, {
        method: 'POST',
        headers: {
          'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'),
          'x-signature-timestamp': timestamp,
        },
        body,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ type: 1 });

      await waitForLog('health endpoint listening');
      const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
      expect(health.status).toBe(200);
      const report = (await health.json()) as Record<string, unknown>;
      expect(report).toMatchObject({
        status: 'ok',
        discord: 'ok (HTTP interactions, no gateway)',
        corpus: 'ok',
        store: 'ok',
        gatewayPingMs: null,
      });
      expect(report.member).toMatch(/^replica .+:\d+$/);
      expect(report.corpusHash).toMatch(/^[0-9a-f]{12,}$/);
      expect(report.passages).toBeGreaterThan(0);
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(output()).toContain('"msg":"stopped"');
      expect(output()).not.toContain(TEST_TOKEN);
    },
    PROCESS_BOUND_MS,
  );
});
