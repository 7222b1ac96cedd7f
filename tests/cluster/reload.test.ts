/**
 * The cluster-wide reload over a real redis-server: three members (as three shards or replicas would be) on one
 * Redis; a reload started by any of them reloads all and collects every outcome. Without Redis it says so and
 * reloads only itself.
 */
import type { ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisCluster } from '../../src/cluster/redis.ts';
import { type Cluster, createLocalCluster } from '../../src/cluster/reload.ts';
import { Library } from '../../src/library.ts';
import { createLogger } from '../../src/logger.ts';
import { freePort } from '../helpers/net.ts';
import { startCuttableProxy } from '../helpers/proxy.ts';
import { describeWithRedis, startRedis } from '../helpers/redis.ts';

const logger = createLogger({ level: 'silent', write: () => undefined });
const FIXTURE = resolve(import.meta.dirname, '../fixtures/bot-extra-source/bot-test-debate-notes.md');

/** A one-source corpus in a temp dir. */
async function smallCorpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'verbatim-cluster-'));
  await mkdir(join(dir, 'sources'));
  await writeFile(join(dir, 'people.yaml'), '[]\n');
  await cp(FIXTURE, join(dir, 'sources', 'bot-test-debate-notes.md'));
  return dir;
}

async function addSource(dir: string): Promise<void> {
  const text = await readFile(FIXTURE, 'utf8');
  await writeFile(
    join(dir, 'sources', 'second-notes.md'),
    text.replace('id: bot-test-debate-notes', 'id: second-notes').replace('Lighthouse', 'Harbour'),
  );
}

describeWithRedis('cluster reload over Redis pub/sub', () => {
  let redis: ChildProcess;
  let url: string;
  let dir: string;
  const libraries: Library[] = [];
  const members: Cluster[] = [];

  beforeAll(async () => {
    const started = await startRedis();
    redis = started.process;
    url = `redis://127.0.0.1:${started.port}`;
    dir = await smallCorpus();
    for (const name of ['shard 0', 'shard 1', 'shard 2']) {
      const library = await Library.open(dir);
      libraries.push(library);
      members.push(await openRedisCluster({ url, library, member: name, logger, timeoutMs: 2000 }));
    }
  });
  afterAll(async () => {
    await Promise.all(members.map((m) => m.close()));
    redis.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN three members and a new source THEN a reload from shard 1 reloads all three, each reporting the same new hash', async () => {
    const before = libraries[0]!.state.corpus.hash;
    await addSource(dir);
    const result = await members[1]!.reload();
    expect(result.unreachable).toBeNull();
    expect(result.silent).toBe(0);
    expect(result.local.ok).toBe(true);
    expect(result.members.map((m) => m.member)).toEqual(['shard 0', 'shard 1', 'shard 2']);
    const hashes = new Set(libraries.map((l) => l.state.corpus.hash));
    expect(hashes.size).toBe(1);
    const [after] = [...hashes];
    expect(after).not.toBe(before);
    for (const outcome of result.members) expect(outcome).toMatchObject({ ok: true, hash: after, problems: 0 });
    expect(result.members[0]!.passages).toBe(libraries[0]!.state.corpus.passages.length);
  });

  it('GIVEN a broken people.yaml THEN every member refuses the reload and keeps serving the same corpus', async () => {
    const serving = libraries[0]!.state.corpus.hash;
    await writeFile(join(dir, 'people.yaml'), 'not: [a list');
    try {
      const result = await members[2]!.reload();
      expect(result.members).toHaveLength(3);
      for (const outcome of result.members) expect(outcome).toMatchObject({ ok: false, hash: serving });
      expect(result.members.every((m) => m.problems > 0)).toBe(true);
      expect(libraries.map((l) => l.state.corpus.hash)).toEqual([serving, serving, serving]);
    } finally {
      await writeFile(join(dir, 'people.yaml'), '[]\n');
    }
  });
});

describeWithRedis('a member cut off from Redis during a cluster reload', () => {
  it('GIVEN member c is partitioned while a and b reload THEN c catches up with that reload once it reconnects', async () => {
    const started = await startRedis();
    const url = `redis://127.0.0.1:${started.port}`;
    const proxy = await startCuttableProxy(started.port);
    const dir = await smallCorpus();
    let caughtUp!: () => void;
    const caughtUpLogged = new Promise<void>((resolve) => (caughtUp = resolve));
    const cLogger = createLogger({
      level: 'info',
      write: (line) => {
        if (line.includes('reloaded to catch up')) caughtUp();
      },
    });
    const [a, b, c] = [await Library.open(dir), await Library.open(dir), await Library.open(dir)];
    const members = [
      await openRedisCluster({ url, library: a, member: 'a', logger, timeoutMs: 2000 }),
      await openRedisCluster({ url, library: b, member: 'b', logger, timeoutMs: 2000 }),
      await openRedisCluster({
        url: `redis://127.0.0.1:${proxy.port}`,
        library: c,
        member: 'c',
        logger: cLogger,
        timeoutMs: 2000,
      }),
    ];
    try {
      const before = c.state.corpus.hash;
      proxy.cut();
      // Redis must have seen c's subscription go before a publishes, or the request would count c as a listener.
      const observer = createClient({ url });
      await observer.connect();
      while ((await observer.pubSubNumSub('verbatim:cluster:reload'))['verbatim:cluster:reload'] !== 2)
        await new Promise((r) => setTimeout(r, 10));
      await observer.close();
      await addSource(dir);
      const result = await members[0]!.reload();
      expect(result.members.map((m) => m.member)).toEqual(['a', 'b']);
      expect(b.state.corpus.hash).toBe(a.state.corpus.hash);
      expect(c.state.corpus.hash).toBe(before);
      proxy.restore();
      await caughtUpLogged;
      expect(c.state.corpus.hash).toBe(a.state.corpus.hash);
    } finally {
      await Promise.all(members.map((m) => m.close()));
      await proxy.close();
      started.process.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('cluster reload without Redis', () => {
  it('GIVEN Redis is not running THEN the member still starts, and a reload reloads this process and says why only it', async () => {
    const dir = await smallCorpus();
    const library = await Library.open(dir);
    const cluster = await openRedisCluster({
      url: `redis://127.0.0.1:${await freePort()}`,
      library,
      member: 'replica a',
      logger,
      timeoutMs: 200,
    });
    try {
      await addSource(dir);
      const result = await cluster.reload();
      expect(result.unreachable).not.toBeNull();
      expect(result.members).toHaveLength(1);
      expect(result.local.ok).toBe(true);
      expect(result.members[0]).toMatchObject({ member: 'replica a', ok: true, hash: library.state.corpus.hash });
    } finally {
      await cluster.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN the one-process cluster THEN a reload reports this process only, with nothing unreachable', async () => {
    const dir = await smallCorpus();
    const library = await Library.open(dir);
    const result = await createLocalCluster(library).reload();
    expect(result.unreachable).toBeNull();
    expect(result.members).toEqual([
      expect.objectContaining({ member: 'this process', ok: true, hash: library.state.corpus.hash }),
    ]);
    await rm(dir, { recursive: true, force: true });
  });
});
