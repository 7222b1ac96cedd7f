/** A shard process must not outlive its manager: when the IPC channel to the manager closes, the shard stops cleanly. */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fake-discord/server.ts';
import { TEST_TOKEN } from '../harness.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
/**
 * Child processes load tsx and the whole bot (~25 s each on a loaded shared two-core machine): generous bounds, not
 * claims about speed.
 */
const PROCESS_BOUND_MS = 180_000;

describe('a shard whose manager is gone', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it(
    'GIVEN the bot forked as shard 0 with an IPC channel WHEN the channel closes THEN it logs out, stops and exits 0',
    async () => {
      const child = fork(resolve(ROOT, 'src/bot/main.ts'), [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DISCORD_TOKEN: TEST_TOKEN,
          DISCORD_API_URL: fake.apiUrl,
          KEYV_URL: 'memory',
          LOG_LEVEL: 'info',
          // What the sharding manager sets for the shard it spawns.
          SHARDS: '0',
          SHARD_COUNT: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = once(child, 'exit');
      await fake.whenIdentified();
      child.disconnect();
      const [code] = await exited;
      expect(code).toBe(0);
      expect(output).toMatch(/"msg":"shutting down","shard":0,"signal":"manager gone"/);
      expect(output).toContain('"msg":"stopped"');
    },
    PROCESS_BOUND_MS,
  );
});
