/**
 * Start the real bot (real discord.js Client, real Library over a corpus on disk, memory store) against the
 * fake Discord, with logs captured as parsed JSON for assertions.
 */
import type { Command } from '../../src/bot/command.ts';
import { loadCommands } from '../../src/bot/loader.ts';
import { startBot, type RunningBot } from '../../src/bot/client.ts';
import { type Config, parseConfig } from '../../src/config.ts';
import { Library } from '../../src/library.ts';
import type { Metrics } from '../../src/health/metrics.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { CORPUS_DIR } from '../helpers/corpus.ts';

/** The real corpus (one path for every test: tests/helpers/corpus.ts). */
export const REAL_CORPUS = CORPUS_DIR;
export const TEST_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake-token.for-tests-only';

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: RunningBot;
  readonly store: Store;
  readonly library: Library;
  readonly config: Config;
  readonly logger: Logger;
  /** Every log line the bot wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** Raw log lines, to check nothing secret was written. */
  readonly rawLogs: string[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly corpusDir?: string;
  readonly env?: Record<string, string>;
  /** Test-only commands added to those loaded from commands/. */
  readonly extraCommands?: readonly Command[];
  /** Prometheus metrics the bot records into (tests/health). */
  readonly metrics?: Metrics;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const config = parseConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: options.corpusDir ?? REAL_CORPUS,
    KEYV_URL: 'memory',
    QUOTE_COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'debug',
    // The fake's server is the corpus's home server unless a test says otherwise.
    CORPUS_GUILD_IDS: fake.guildId,
    ...options.env,
  });
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.token],
    write: (line) => {
      rawLogs.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const library = await Library.open(config.corpusDir);
  const store = await openStore({ url: config.keyvUrl, timeoutMs: config.storeTimeoutMs, logger });
  const commands = [...(await loadCommands(undefined, logger)), ...(options.extraCommands ?? [])];
  const bot = await startBot({
    config,
    library,
    store,
    logger,
    commands,
    ...(options.metrics !== undefined ? { metrics: options.metrics } : {}),
  });
  return {
    fake,
    bot,
    store,
    library,
    config,
    logger,
    logs,
    rawLogs,
    async stop() {
      await bot.stop(1000);
      await store.close();
      await fake.close();
    },
  };
}

/** The JSON `data` of an interaction callback (type 4 reply, type 7 update, type 8 autocomplete). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded JSON
export function callbackData(request: { body: any }): any {
  return request.body.data;
}
