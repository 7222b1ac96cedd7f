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
import {
  InteractionResponseType,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APICommandAutocompleteInteractionResponseCallbackData,
  type APIInteractionResponseCallbackData,
  type ButtonStyle,
  type ComponentType,
} from 'discord-api-types/v10';
import { FakeDiscord, type RecordedRequest } from '../fake-discord/server.ts';
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
  /** Wrap the store the bot uses (e.g. to hold its calls at a gate). */
  readonly wrapStore?: (store: Store) => Store;
  /** Prometheus metrics the bot records into (tests/health). */
  readonly metrics?: Metrics;
}

/** discord.js's REST timeout against the in-process fake: a bound, not a claim about speed. */
const REST_BOUND_MS = 300_000;

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
  const library = await Library.open(config.corpusDir, { limits: config.corpusLimits });
  const opened = await openStore({ url: config.keyvUrl, timeoutMs: config.storeTimeoutMs, logger });
  const store = options.wrapStore?.(opened) ?? opened;
  const commands = [...(await loadCommands(undefined, logger)), ...(options.extraCommands ?? [])];
  const bot = await startBot({
    config,
    library,
    store,
    logger,
    commands,
    ...(options.metrics !== undefined ? { metrics: options.metrics } : {}),
  });
  // The fake Discord answers from this process's event loop, which the bot shares: on a loaded machine (a burst of
  // 600 searches on two busy cores) its reply to a request can come later than discord.js's 15 s REST timeout, and
  // discord.js then sends the same request again, a duplicate callback that Discord, on its own machines, would
  // not see (seen under a CPU hog: 186 of 600 interactions with two identical deferrals). A generous bound instead.
  bot.client.rest.options.timeout = REST_BOUND_MS;
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

/**
 * Recorded JSON as assertions read it. A field the bot left out reads as undefined and fails the assertion that
 * reads it, so every field is typed as present, and the first few items of a list are typed as there too.
 */
export type Recorded<T> = T extends readonly (infer U)[]
  ? RecordedList<Recorded<U>>
  : T extends object
    ? { -readonly [K in keyof T]-?: Recorded<Exclude<T[K], undefined>> }
    : T;
type RecordedList<U> = U[] & { 0: U; 1: U; 2: U; 3: U };

/** A button as the bot sends it: a custom id or, for a link, a URL. */
type SentButton = Omit<APIButtonComponentWithCustomId, 'style'> &
  Omit<APIButtonComponentWithURL, 'style' | 'custom_id'> & { style: ButtonStyle };

/** A message as the bot sends it: its components are action rows of buttons (no select menus, no Components V2). */
type SentMessage = Omit<APIInteractionResponseCallbackData, 'components'> & {
  components?: { type: ComponentType.ActionRow; components: SentButton[] }[];
};

/** What a recorded callback's `data` holds, by the kind of answer the test expects. */
export interface CallbackDataKinds {
  /** Reply (4), deferred reply (5), deferred update (6) or update (7): a message. */
  readonly message: Recorded<SentMessage>;
  /** Autocomplete result (8). */
  readonly autocomplete: Recorded<APICommandAutocompleteInteractionResponseCallbackData>;
}

const CALLBACK_TYPES: Readonly<Record<keyof CallbackDataKinds, readonly InteractionResponseType[]>> = {
  message: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
  autocomplete: [InteractionResponseType.ApplicationCommandAutocompleteResult],
};

/**
 * The JSON `data` of a recorded interaction callback, typed by the kind of answer expected (a message unless
 * said otherwise). Throws when the callback is another kind, so a test never reads fields that cannot be there.
 */
export function callbackData<K extends keyof CallbackDataKinds = 'message'>(
  request: RecordedRequest,
  kind: K = 'message' as K,
): CallbackDataKinds[K] {
  const body = request.body as { type?: unknown; data?: unknown };
  if (!CALLBACK_TYPES[kind].includes(body.type as InteractionResponseType)) {
    throw new Error(
      `expected ${kind === 'autocomplete' ? 'an' : 'a'} ${kind} callback, got type ${String(body.type)} on ${request.path}`,
    );
  }
  return (body.data ?? {}) as CallbackDataKinds[K];
}
