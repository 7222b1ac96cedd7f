/**
 * Configuration, parsed once from `.env` (via dotenv) and `process.env` by one zod schema.
 * Every failure names the variable and says what to write instead; the token's value is never echoed.
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_LIMITS, LIMIT_VARIABLES, type CorpusLimits } from './corpus/limits.ts';

const SNOWFLAKE = /^\d{17,20}$/;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const zSnowflake = (variable: string, fix: string) =>
  z
    .string()
    .trim()
    .regex(SNOWFLAKE, { message: `${variable} must be a Discord id (17–20 digits). ${fix}` });

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const zEnv = z.object({
  DISCORD_TOKEN: z
    .string({
      message: 'DISCORD_TOKEN is missing. Copy the bot token from the Developer Portal (Bot → Reset Token) into .env.',
    })
    .trim()
    .min(1, {
      message: 'DISCORD_TOKEN is empty. Copy the bot token from the Developer Portal (Bot → Reset Token) into .env.',
    }),
  DISCORD_CLIENT_ID: z.preprocess(
    emptyToUndefined,
    zSnowflake(
      'DISCORD_CLIENT_ID',
      'Copy the Application ID from the Developer Portal (General Information).',
    ).optional(),
  ),
  DISCORD_GUILD_ID: z.preprocess(
    emptyToUndefined,
    zSnowflake(
      'DISCORD_GUILD_ID',
      'Right-click the server with Developer Mode on → Copy Server ID, or leave it empty to deploy globally.',
    ).optional(),
  ),
  DISCORD_API_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({
        protocol: /^https?$/,
        message: 'DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, or left empty.',
      })
      .default('https://discord.com/api'),
  ),
  CORPUS_DIR: z.preprocess(emptyToUndefined, z.string().default('corpus')),
  CORPUS_GUILD_IDS: z.preprocess(
    (value) =>
      typeof value === 'string' && value.trim() !== ''
        ? value
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id !== '')
        : undefined,
    z
      .array(
        zSnowflake(
          'CORPUS_GUILD_IDS',
          'Write server ids separated by commas (right-click a server with Developer Mode on → Copy Server ID).',
        ),
      )
      .optional(),
  ),
  IMPORT_ALLOW_LOOPBACK: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
    z
      .enum(['true', 'false'], { message: 'IMPORT_ALLOW_LOOPBACK must be true or false (and false outside tests).' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  KEYV_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^(sqlite:\/\/.+|redis:\/\/.+|rediss:\/\/.+|memory:?\/*)$/, {
        message:
          'KEYV_URL must start with sqlite://, redis:// or rediss:// (or be "memory" for a throwaway store), e.g. sqlite://data/verbatim.sqlite.',
      })
      .default('sqlite://data/verbatim.sqlite'),
  ),
  BOT_ADMIN_IDS: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((id) => id.trim())
            .filter((id) => id !== '')
        : [],
    z.array(
      zSnowflake('BOT_ADMIN_IDS', 'Write user ids separated by commas, e.g. 123456789012345678,234567890123456789.'),
    ),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.` }).default('info'),
  ),
  QUOTE_COOLDOWN_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'QUOTE_COOLDOWN_SECONDS must be a number of seconds, e.g. 5 (0 turns the cooldown off).' })
      .int({ message: 'QUOTE_COOLDOWN_SECONDS must be a whole number of seconds, e.g. 5.' })
      .min(0, { message: 'QUOTE_COOLDOWN_SECONDS cannot be negative; use 0 to turn the cooldown off.' })
      .max(3600, { message: 'QUOTE_COOLDOWN_SECONDS is at most 3600 (one hour).' })
      .default(5),
  ),
  STORE_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'STORE_TIMEOUT_MS must be a number of milliseconds, e.g. 1000.' })
      .int({ message: 'STORE_TIMEOUT_MS must be a whole number of milliseconds.' })
      .min(50, { message: 'STORE_TIMEOUT_MS must be at least 50.' })
      .max(2500, { message: 'STORE_TIMEOUT_MS must be at most 2500: Discord needs an answer within 3 s.' })
      .default(1000),
  ),
  ...corpusLimitVariables(),
  SHARD_COUNT: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
    z
      .union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)], {
        message: 'SHARD_COUNT must be "auto" (ask Discord) or a whole number of shards from 1 to 1000.',
      })
      .default('auto'),
  ),
  SHARD_SPAWN_DELAY_MS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'SHARD_SPAWN_DELAY_MS must be a number of milliseconds, e.g. 5500.' })
      .int({ message: 'SHARD_SPAWN_DELAY_MS must be a whole number of milliseconds.' })
      .min(0, { message: 'SHARD_SPAWN_DELAY_MS cannot be negative.' })
      .max(60_000, { message: 'SHARD_SPAWN_DELAY_MS is at most 60000.' })
      .default(5500),
  ),
  // Set by discord.js's ShardingManager for each shard process it spawns (never by hand): this process's shard id.
  SHARDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0, { message: 'SHARDS is set by the sharding manager; unset it.' }).optional(),
  ),
  DISCORD_PUBLIC_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, {
        message:
          'DISCORD_PUBLIC_KEY must be the 64 hex characters of the Public Key in the Developer Portal (General Information).',
      })
      .optional(),
  ),
  INTERACTIONS_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'INTERACTIONS_PORT must be a TCP port number, e.g. 8080.' })
      .int({ message: 'INTERACTIONS_PORT must be a whole number.' })
      .min(0, { message: 'INTERACTIONS_PORT must be from 0 to 65535 (0 picks a free port).' })
      .max(65535, { message: 'INTERACTIONS_PORT must be from 0 to 65535.' })
      .default(8080),
  ),
  HEALTH_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'HEALTH_PORT must be a TCP port number such as 8080, or empty to turn the endpoint off.' })
      .int({ message: 'HEALTH_PORT must be a whole port number such as 8080.' })
      .min(1, { message: 'HEALTH_PORT must be between 1 and 65535, or empty to turn the endpoint off.' })
      .max(65535, { message: 'HEALTH_PORT must be between 1 and 65535, or empty to turn the endpoint off.' })
      .optional(),
  ),
  HEALTH_HOST: z.preprocess(emptyToUndefined, z.string().trim().default('127.0.0.1')),
});

export type Env = z.infer<typeof zEnv>;

/** One positive whole-number variable per corpus limit (src/corpus/limits.ts), defaulting to DEFAULT_LIMITS. */
function corpusLimitVariables() {
  const schema = (key: keyof CorpusLimits) => {
    const variable = LIMIT_VARIABLES[key];
    return z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: `${variable} must be a whole number, e.g. ${DEFAULT_LIMITS[key]}.` })
        .int({ message: `${variable} must be a whole number, e.g. ${DEFAULT_LIMITS[key]}.` })
        .min(1, { message: `${variable} must be at least 1.` })
        .max(1_000_000_000, { message: `${variable} is at most 1000000000.` })
        .default(DEFAULT_LIMITS[key]),
    );
  };
  return {
    CORPUS_MAX_FILE_BYTES: schema('maxFileBytes'),
    CORPUS_MAX_FILES: schema('maxFiles'),
    CORPUS_MAX_PARAGRAPH_CHARS: schema('maxParagraphChars'),
    CORPUS_MAX_SENTENCE_CHARS: schema('maxSentenceChars'),
    CORPUS_MAX_PEOPLE: schema('maxPeople'),
    CORPUS_MAX_COMMENTS: schema('maxComments'),
    RELOAD_TIMEOUT_MS: schema('reloadTimeoutMs'),
  };
}

export type LogLevel = Env['LOG_LEVEL'];

/** The bot's configuration, with Discord ids and lists already parsed. */
export interface Config {
  readonly token: string;
  readonly clientId: string | null;
  readonly guildId: string | null;
  readonly apiUrl: string;
  readonly corpusDir: string;
  /**
   * Servers whose admins may change the corpus (/reload, /source): CORPUS_GUILD_IDS, else DISCORD_GUILD_ID,
   * else none (then only BOT_ADMIN_IDS may). The corpus is shared by every server the bot is in.
   */
  readonly corpusGuildIds: readonly string[];
  /** Test-only: imports may fetch from 127.0.0.1/::1. Never set in production. */
  readonly importAllowLoopback: boolean;
  readonly keyvUrl: string;
  readonly adminIds: readonly string[];
  readonly logLevel: LogLevel;
  readonly quoteCooldownSeconds: number;
  readonly storeTimeoutMs: number;
  /** Bounds on corpus input; past one, a reload is refused naming the file and the limit. */
  readonly corpusLimits: CorpusLimits;
  /** `npm run start:sharded`: how many shards, or 'auto' to ask Discord (GET /gateway/bot). */
  readonly shardCount: 'auto' | number;
  /** Pause between spawning two shards: Discord allows one IDENTIFY per 5 s per concurrency bucket. */
  readonly shardSpawnDelayMs: number;
  /** `npm run start:http`: the application's Ed25519 public key (hex) that signs interaction requests. */
  readonly publicKey: string | null;
  readonly interactionsPort: number;
  /** This process's shard id when the sharding manager spawned it, else null. */
  readonly shardId: number | null;
  /** Port for /healthz and /metrics; null = off. */
  readonly healthPort: number | null;
  readonly healthHost: string;
}

/** Thrown when the environment is unusable; `problems` holds one sentence per bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
    this.problems = problems;
  }
}

/** What a command-line entry point needs beyond the schema: `requireClientId` for deploy-commands. */
export interface ParseOptions {
  readonly requireClientId?: boolean;
  /** For `npm run start:http`, which cannot verify requests without it. */
  readonly requirePublicKey?: boolean;
}

/** What each entry point requires beyond the token: the options it parses its configuration with. */
export const ENTRY_CONFIG = {
  /** `npm start`, a shard, `npm run start:prod`. */
  gateway: {},
  /** `npm run start:http`. */
  http: { requirePublicKey: true },
  /** `npm run deploy-commands`. */
  deploy: { requireClientId: true },
} as const satisfies Readonly<Record<string, ParseOptions>>;

/**
 * Parse an environment (pure: no dotenv, no process.env). Throws ConfigError listing every problem.
 * zod messages are used as written; the raw input value is never put in a message, so the token cannot leak.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, options: ParseOptions = {}): Config {
  const result = zEnv.safeParse(env);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      problems.push(issue.message.startsWith(variable) ? issue.message : `${variable}: ${issue.message}`);
    }
  }
  if (options.requireClientId && result.success && result.data.DISCORD_CLIENT_ID === undefined) {
    problems.push(
      'DISCORD_CLIENT_ID is missing. Copy the Application ID from the Developer Portal (General Information) into .env.',
    );
  }
  if (options.requirePublicKey && result.success && result.data.DISCORD_PUBLIC_KEY === undefined) {
    problems.push(
      'DISCORD_PUBLIC_KEY is missing. Copy the Public Key from the Developer Portal (General Information) into .env.',
    );
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const env2 = result.data;
  return Object.freeze({
    token: env2.DISCORD_TOKEN,
    clientId: env2.DISCORD_CLIENT_ID ?? null,
    guildId: env2.DISCORD_GUILD_ID ?? null,
    apiUrl: env2.DISCORD_API_URL.replace(/\/+$/, ''),
    corpusDir: env2.CORPUS_DIR,
    corpusGuildIds: Object.freeze(
      env2.CORPUS_GUILD_IDS ?? (env2.DISCORD_GUILD_ID === undefined ? [] : [env2.DISCORD_GUILD_ID]),
    ),
    importAllowLoopback: env2.IMPORT_ALLOW_LOOPBACK,
    keyvUrl: env2.KEYV_URL,
    adminIds: Object.freeze([...env2.BOT_ADMIN_IDS]),
    logLevel: env2.LOG_LEVEL,
    quoteCooldownSeconds: env2.QUOTE_COOLDOWN_SECONDS,
    storeTimeoutMs: env2.STORE_TIMEOUT_MS,
    corpusLimits: Object.freeze({
      maxFileBytes: env2.CORPUS_MAX_FILE_BYTES,
      maxFiles: env2.CORPUS_MAX_FILES,
      maxParagraphChars: env2.CORPUS_MAX_PARAGRAPH_CHARS,
      maxSentenceChars: env2.CORPUS_MAX_SENTENCE_CHARS,
      maxPeople: env2.CORPUS_MAX_PEOPLE,
      maxComments: env2.CORPUS_MAX_COMMENTS,
      reloadTimeoutMs: env2.RELOAD_TIMEOUT_MS,
    }),
    shardCount: env2.SHARD_COUNT,
    shardSpawnDelayMs: env2.SHARD_SPAWN_DELAY_MS,
    publicKey: env2.DISCORD_PUBLIC_KEY?.toLowerCase() ?? null,
    interactionsPort: env2.INTERACTIONS_PORT,
    shardId: env2.SHARDS ?? null,
    healthPort: env2.HEALTH_PORT ?? null,
    healthHost: env2.HEALTH_HOST,
  });
}

/** What `npm run import` needs: it runs without a bot token. */
export interface ImportConfig {
  readonly corpusDir: string;
  readonly importAllowLoopback: boolean;
}

const zImportEnv = zEnv.pick({ CORPUS_DIR: true, IMPORT_ALLOW_LOOPBACK: true });

/** Parse the variables `npm run import` reads (pure). Throws ConfigError listing every problem. */
export function parseImportConfig(env: Readonly<Record<string, string | undefined>>): ImportConfig {
  const result = zImportEnv.safeParse(env);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => issue.message));
  return Object.freeze({ corpusDir: result.data.CORPUS_DIR, importAllowLoopback: result.data.IMPORT_ALLOW_LOOPBACK });
}

/** `.env` loaded (without overriding variables already set), then the environment: for entry points that pass it on. */
export function loadEnvironment(): Readonly<Record<string, string | undefined>> {
  loadDotenv({ quiet: true });
  return process.env;
}

let cached: Config | undefined;

/** Load `.env` (without overriding variables already set) and parse `process.env`, once per process. */
export function loadConfig(options: ParseOptions = {}): Config {
  if (cached === undefined || options.requireClientId || options.requirePublicKey) {
    loadDotenv({ quiet: true });
    cached = parseConfig(process.env, options);
  }
  return cached;
}

/**
 * For command-line entry points: the configuration, or — when it is unusable — every problem on stderr
 * and exit code 1. Nothing else in the process needs to know about ConfigError.
 */
export function loadConfigOrExit(options: ParseOptions = {}): Config {
  try {
    return loadConfig(options);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * Only HEALTH_PORT, for the container HEALTHCHECK probe, which must not depend on the rest of the configuration
 * being valid. Returns null when it is unset or not a port.
 */
export function healthPortFrom(env: Readonly<Record<string, string | undefined>>): number | null {
  const parsed = zEnv.shape.HEALTH_PORT.safeParse(env.HEALTH_PORT);
  return parsed.success ? (parsed.data ?? null) : null;
}

/** healthPortFrom(process.env), for the HEALTHCHECK probe. */
export function healthPortFromEnvironment(): number | null {
  loadDotenv({ quiet: true });
  return healthPortFrom(process.env);
}
