/**
 * A /reload that reaches every process serving the bot — each shard of `npm run start:sharded`, each replica of
 * `npm run start:http` — over Redis pub/sub, and collects each one's outcome and corpus hash for the reply.
 * Every member reloads from its own CORPUS_DIR when the request arrives, so members differ only while the reload
 * runs. Without Redis there is one process, and the cluster is just that process. This module holds what every
 * cluster shares; redis.ts the members that meet over Redis.
 */
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import type { Library, ReloadReport } from '../library.ts';

/** One member's answer to a cluster-wide reload. */
export interface MemberOutcome {
  /** `shard 0`, `replica host:pid`, … */
  readonly member: string;
  readonly ok: boolean;
  /** The corpus hash serving after the reload (the old one when the reload was refused). */
  readonly hash: string;
  readonly passages: number;
  readonly ms: number;
  readonly problems: number;
}

export interface ClusterReload {
  /** This process's full report (what changed, or every problem). */
  readonly local: ReloadReport;
  /** Every member that answered, this one included, sorted by name. */
  readonly members: readonly MemberOutcome[];
  /** Members that received the request but did not answer within the wait. */
  readonly silent: number;
  /** Set when the other members could not be reached: only this process reloaded. */
  readonly unreachable: string | null;
}

export interface Cluster {
  /** This process's name in replies and logs. */
  readonly member: string;
  /** Reload every member; resolves when each has answered or the wait is over. Never rejects for a bad corpus. */
  reload(): Promise<ClusterReload>;
  close(): Promise<void>;
}

/** How long a /reload waits for the other members: a whole-corpus reload takes seconds, a deferred reply 15 min. */
export const MEMBER_ANSWER_TIMEOUT_MS = 60_000;

/** The outcome line a member reports for `report`. */
export function outcomeOf(member: string, report: ReloadReport, library: Library): MemberOutcome {
  return {
    member,
    ok: report.ok,
    hash: report.hash,
    passages: library.state.corpus.passages.length,
    ms: report.ms,
    problems: report.ok ? 0 : report.problems.length,
  };
}

/** The one-process cluster: reload here and nowhere else. */
export function createLocalCluster(library: Library, member = 'this process'): Cluster {
  return {
    member,
    async reload() {
      const local = await library.reload();
      return { local, members: [outcomeOf(member, local, library)], silent: 0, unreachable: null };
    },
    async close() {},
  };
}

/** This process's name in the cluster: its shard id under the sharding manager, else host and pid. */
export function memberName(config: Config, kind: 'gateway' | 'http'): string {
  if (config.shardId !== null) return `shard ${config.shardId}`;
  return `${kind === 'http' ? 'replica' : 'process'} ${hostname()}:${process.pid}`;
}
