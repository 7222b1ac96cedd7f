/**
 * `npm run start:sharded` as a user runs it: the ShardingManager entry as a process, spawning two shard processes
 * against the fake Discord (which hands out 2 shards and routes each guild by (guild_id >> 22) % 2) and a real
 * redis-server shared through KEYV_URL. Paging and cooldowns started on one shard hold on the other, /reload on
 * one shard reloads both, and a shard that dies is respawned and serves again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord, MANAGE_GUILD_PERMISSIONS, shardOf, snowflake } from '../../fake-discord/server.ts';
import { freePort } from '../../helpers/net.ts';
import { describeWithRedis, startRedis } from '../../helpers/redis.ts';
import { REAL_CORPUS, TEST_TOKEN } from '../harness.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
/**
 * Child processes load tsx and the whole bot (~25 s each on a loaded shared two-core machine): generous bounds, not
 * claims about speed.
 */
const PROCESS_BOUND_MS = 180_000;
/** The manager and its two shards start at once. */
const START_BOUND_MS = 300_000;
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/bot-extra-source/bot-test-debate-notes.md');
const EPHEMERAL = 64;

const user = (name: string) => ({ user: { id: snowflake(), username: name } });

describeWithRedis('npm run start:sharded: two shards on one Redis', () => {
  let redis: ChildProcess;
  let fake: FakeDiscord;
  let manager: ChildProcess;
  let managerExit: Promise<unknown[]>;
  let corpusDir: string;
  let output = '';
  let guild0: string;
  let guild1: string;
  let healthPort: number;
  const health = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${healthPort}${path}`);
    return { status: res.status, text: await res.text() };
  };

  /** Every JSON log line written so far by the manager and its shards. */
  const logs = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const pidsOf = (shard: number) =>
    logs()
      .filter((l) => l.msg === 'shard spawned' && l.shard === shard)
      .map((l) => l.pid as number);

  beforeAll(async () => {
    const started = await startRedis();
    redis = started.process;
    corpusDir = await mkdtemp(join(tmpdir(), 'verbatim-sharded-'));
    await cp(REAL_CORPUS, corpusDir, { recursive: true });
    fake = await FakeDiscord.start({ shards: 2 });
    [guild0, guild1] = fake.guildIds as [string, string];
    healthPort = await freePort();
    manager = spawn(process.execPath, ['--import', 'tsx', 'src/bot/shard/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        KEYV_URL: `redis://127.0.0.1:${started.port}`,
        CORPUS_DIR: corpusDir,
        SHARD_COUNT: 'auto',
        SHARD_SPAWN_DELAY_MS: '0',
        QUOTE_COOLDOWN_SECONDS: '60',
        LOG_LEVEL: 'info',
        HEALTH_PORT: String(healthPort),
        CORPUS_GUILD_IDS: fake.guildIds.join(','),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    managerExit = once(manager, 'exit');
    manager.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    manager.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await fake.whenIdentified();
    // The manager serves health once every shard is ready.
    while (!logs().some((l) => l.msg === 'health endpoint listening'))
      await new Promise((resolve) => manager.stdout?.once('data', resolve));
  }, START_BOUND_MS);

  afterAll(async () => {
    if (manager.exitCode === null && manager.signalCode === null) {
      manager.kill('SIGKILL');
      for (const pid of [...pidsOf(0), ...pidsOf(1)]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    await fake.close();
    redis.kill('SIGKILL');
    await rm(corpusDir, { recursive: true, force: true });
  });

  it(
    'GIVEN SHARD_COUNT=auto THEN the manager asks Discord, spawns 2 shards, and each identifies as [id, 2]',
    () => {
      expect(logs().find((l) => l.msg === 'spawning shards')).toMatchObject({ totalShards: 2 });
      expect(fake.identifies.map((d) => (d as { shard: number[] }).shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect([shardOf(guild0, 2), shardOf(guild1, 2)]).toEqual([0, 1]);
      expect(output).not.toContain(TEST_TOKEN);
    },
    PROCESS_BOUND_MS,
  );

  it(
    'GIVEN a /quote answered by shard 0 THEN its ▶ button works when the press arrives at shard 1, and the cooldown holds there too',
    async () => {
      const debater = user('pager');
      const first = (
        await fake.waitForCallback(
          fake.slashCommand('quote', { query: 'China Russia alliance' }, { ...debater, guildId: guild0 }),
          20_000,
        )
      ).body.data;
      const total = Number(/match 1 of (\d+)/.exec(first.embeds[0].footer.text)?.[1]);
      expect(total).toBeGreaterThan(1);
      const next = first.components[0].components[1] as { custom_id: string };

      const press = fake.button(next.custom_id, first, { ...debater, guildId: guild1 });
      const update = await fake.waitForCallback(press, PROCESS_BOUND_MS);
      expect(update.body.type).toBe(7);
      expect(update.body.data.embeds[0].footer.text).toMatch(`match 2 of ${total}`);

      const again = await fake.waitForCallback(
        fake.slashCommand('quote', { query: 'zero-sum mentality' }, { ...debater, guildId: guild1 }),
        20_000,
      );
      expect(again.body.data.flags).toBe(EPHEMERAL);
      expect(again.body.data.content).toMatch(/another quote in \d+ s/);
    },
    PROCESS_BOUND_MS,
  );

  it(
    'GIVEN an admin runs /reload on shard 1 after adding a source THEN both shards reload to one hash, and shard 0 finds the new text',
    async () => {
      await cp(FIXTURE, join(corpusDir, 'sources', 'bot-test-debate-notes.md'));
      const call = fake.slashCommand('reload', {}, { permissions: MANAGE_GUILD_PERMISSIONS, guildId: guild1 });
      const edit = await fake.waitForWebhook(call, 'PATCH', PROCESS_BOUND_MS);
      const embed = edit.body.embeds[0];
      expect(embed.title).toBe('Corpus reloaded');
      const every = embed.fields.find((f: { name: string }) => f.name.startsWith('Every process'));
      expect(every.name).toBe('Every process');
      const lines = (every.value as string).split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^shard 0: reloaded · corpus (\w{12}) · \d+ passages/);
      expect(lines[1]).toMatch(/^shard 1: reloaded · corpus (\w{12}) · \d+ passages/);
      const hashOf = (line: string) => /corpus (\w{12})/.exec(line)?.[1];
      expect(hashOf(lines[0]!)).toBe(hashOf(lines[1]!));
      expect(embed.footer.text).toContain(`corpus ${hashOf(lines[0]!)}`);

      const found = await fake.waitForCallback(
        fake.slashCommand('quote', { query: 'lighthouse keepers treaty' }, { ...user('finder'), guildId: guild0 }),
        20_000,
      );
      expect(found.body.data.embeds[0].description).toContain('Lighthouse keepers rarely debate');
    },
    PROCESS_BOUND_MS,
  );

  it(
    'GIVEN HEALTH_PORT THEN the manager reports each shard (checks, corpus hash, passages) and merges their metrics by shard',
    async () => {
      const res = await health('/healthz');
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text) as { status: string; shards: Record<string, unknown>[] };
      expect(body.status).toBe('ok');
      expect(body.shards.map((s) => [s.shard, s.member, s.status, s.discord, s.corpus, s.store])).toEqual([
        [0, 'shard 0', 'ok', 'ok', 'ok', 'ok'],
        [1, 'shard 1', 'ok', 'ok', 'ok', 'ok'],
      ]);
      expect(body.shards[0]!.corpusHash).toBe(body.shards[1]!.corpusHash);
      expect(body.shards[0]!.passages).toBeGreaterThan(0);
      expect(body.shards.every((s) => 'gatewayPingMs' in s)).toBe(true);

      const metrics = await health('/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.text).toMatch(/verbatim_corpus_passages\{shard="0"\} \d+/);
      expect(metrics.text).toMatch(/verbatim_corpus_passages\{shard="1"\} \d+/);
      expect(metrics.text).toMatch(/verbatim_interactions_total\{command="quote",outcome="ok",shard="0"\} \d+/);
      expect(metrics.text).toContain('verbatim_shards{state="up"} 2');
    },
    PROCESS_BOUND_MS,
  );

  it(
    'GIVEN shard 1 stops answering (SIGSTOP) THEN /healthz is 503 naming it, and 200 again once it continues',
    async () => {
      const pid = pidsOf(1).at(-1)!;
      process.kill(pid, 'SIGSTOP');
      try {
        const res = await health('/healthz');
        expect(res.status).toBe(503);
        const body = JSON.parse(res.text) as { status: string; shards: Record<string, unknown>[] };
        expect(body.shards[0]).toMatchObject({ shard: 0, status: 'ok' });
        expect(body.shards[1]).toMatchObject({ shard: 1, status: 'down' });
        expect(body.shards[1]!.reason).toMatch(/no answer within \d+ ms/);
      } finally {
        process.kill(pid, 'SIGCONT');
      }
      expect((await health('/healthz')).status).toBe(200);
    },
    PROCESS_BOUND_MS,
  );

  it(
    'GIVEN shard 0 is killed THEN the manager respawns it, it identifies again, and answers /quote',
    async () => {
      const [pid] = pidsOf(0);
      expect(pid).toBeGreaterThan(0);
      const reidentified = fake.nextIdentify(0);
      process.kill(pid!, 'SIGKILL');
      await reidentified;
      expect(fake.identifiedShards.filter((s) => s === 0)).toHaveLength(2);
      const answer = await fake.waitForCallback(
        fake.slashCommand(
          'quote',
          { query: 'abandon zero sum mentality' },
          { ...user('after-respawn'), guildId: guild0 },
        ),
        20_000,
      );
      expect(answer.body.data.embeds[0].author.name).toContain('Qu Xing');
      expect(pidsOf(0)).toHaveLength(2);
      expect(pidsOf(0)[1]).not.toBe(pid);
    },
    PROCESS_BOUND_MS,
  );

  it(
    'GIVEN SIGTERM to the manager THEN every shard stops cleanly and the manager exits 0',
    async () => {
      manager.kill('SIGTERM');
      const [code] = await managerExit;
      expect(code).toBe(0);
      const stopped = logs().filter((l) => l.msg === 'stopped');
      expect(stopped.map((l) => l.shard ?? 'manager').sort()).toEqual([0, 1, 'manager']);
      for (const pid of [pidsOf(0).at(-1)!, pidsOf(1).at(-1)!]) expect(() => process.kill(pid, 0)).toThrow();
    },
    PROCESS_BOUND_MS,
  );
});
