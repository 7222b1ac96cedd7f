/**
 * Configuration, parsed once from `.env` (via dotenv) and `process.env` by one zod schema.
 * Every failure names the variable and says what to write instead; the token's value is never echoed.
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

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

export type LogLevel = Env['LOG_LEVEL'];

/** The bot's configuration, with Discord ids and lists already parsed. */
export interface Config {
  readonly token: string;
  readonly clientId: string | null;
  readonly guildId: string | null;
  readonly apiUrl: string;
  readonly corpusDir: string;
  readonly keyvUrl: string;
  readonly adminIds: readonly string[];
  readonly logLevel: LogLevel;
  readonly quoteCooldownSeconds: number;
  readonly storeTimeoutMs: number;
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
}

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
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const env2 = result.data;
  return Object.freeze({
    token: env2.DISCORD_TOKEN,
    clientId: env2.DISCORD_CLIENT_ID ?? null,
    guildId: env2.DISCORD_GUILD_ID ?? null,
    apiUrl: env2.DISCORD_API_URL.replace(/\/+$/, ''),
    corpusDir: env2.CORPUS_DIR,
    keyvUrl: env2.KEYV_URL,
    adminIds: Object.freeze([...env2.BOT_ADMIN_IDS]),
    logLevel: env2.LOG_LEVEL,
    quoteCooldownSeconds: env2.QUOTE_COOLDOWN_SECONDS,
    storeTimeoutMs: env2.STORE_TIMEOUT_MS,
    healthPort: env2.HEALTH_PORT ?? null,
    healthHost: env2.HEALTH_HOST,
  });
}

let cached: Config | undefined;

/** Load `.env` (without overriding variables already set) and parse `process.env`, once per process. */
export function loadConfig(options: ParseOptions = {}): Config {
  if (cached === undefined || options.requireClientId) {
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
