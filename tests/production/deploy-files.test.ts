/**
 * The deployment files say what the README promises: compose runs the bot on Redis with persistence, restarts,
 * log rotation and the health check; the systemd unit restarts on failure as a dedicated, hardened user.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';

interface Service {
  environment?: Record<string, string>;
  volumes?: string[];
  restart?: string;
  logging?: { driver: string; options: Record<string, string> };
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
}

describe('compose.yaml', () => {
  it('runs the bot against the Redis service, with persistence, restarts, log rotation and the health check', async () => {
    const compose = parse(await readFile(join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as {
      services: Record<string, Service>;
      volumes: Record<string, unknown>;
    };
    const { bot, redis } = compose.services;
    expect(bot?.environment?.KEYV_URL).toBe('redis://redis:6379');
    expect(bot?.environment?.HEALTH_PORT).toBe('8080');
    expect(bot?.depends_on?.redis?.condition).toBe('service_healthy');
    expect(bot?.healthcheck?.test).toEqual(['CMD', 'node', 'dist/src/cli/healthcheck.js']);
    expect(bot?.volumes).toContain('./corpus:/data/corpus:ro');
    expect(redis?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(redis?.volumes).toEqual(['redis-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['redis-data']);
    for (const service of [bot, redis]) {
      expect(service?.restart).toBe('unless-stopped');
      expect(service?.logging).toEqual({ driver: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } });
    }
  });
});

describe('deploy/verbatim.service', () => {
  it('restarts on failure, reads the environment file, runs as its own user with hardening', async () => {
    const unit = await readFile(join(ROOT, 'deploy/verbatim.service'), 'utf8');
    for (const line of [
      'Restart=on-failure',
      'EnvironmentFile=/etc/verbatim/verbatim.env',
      'User=verbatim',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'StateDirectory=verbatim',
    ])
      expect(unit.split('\n')).toContain(line);
  });

  it.skipIf(!existsSync(SYSTEMD_ANALYZE))('passes systemd-analyze verify without a warning', async () => {
    const { stdout, stderr } = await promisify(execFile)(SYSTEMD_ANALYZE, [
      'verify',
      join(ROOT, 'deploy/verbatim.service'),
    ]);
    expect(stdout + stderr).toBe('');
  });
});
