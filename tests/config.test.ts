import { DEFAULT_LIMITS } from '../src/corpus/limits.ts';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENTRY_CONFIG, healthPortFrom, parseConfig, parseImportConfig } from '../src/config.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-part.do-not-print';
const CLIENT = '123456789012345678';

function problemsOf(env: Record<string, string | undefined>, options = {}): readonly string[] {
  try {
    parseConfig(env, options);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('parseConfig', () => {
  it('GIVEN only a token THEN fills every default', () => {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN });
    expect(config).toEqual({
      token: TOKEN,
      clientId: null,
      guildId: null,
      apiUrl: 'https://discord.com/api',
      corpusDir: 'corpus',
      corpusGuildIds: [],
      importAllowLoopback: false,
      keyvUrl: 'sqlite://data/verbatim.sqlite',
      adminIds: [],
      logLevel: 'info',
      quoteCooldownSeconds: 5,
      storeTimeoutMs: 1000,
      corpusLimits: DEFAULT_LIMITS,
      shardCount: 'auto',
      shardSpawnDelayMs: 5500,
      publicKey: null,
      interactionsPort: 8080,
      shardId: null,
      healthPort: null,
      healthHost: '127.0.0.1',
    });
  });

  it('GIVEN HEALTH_PORT THEN the health endpoint is on that port; a bad one names the variable and the fix', () => {
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: '8080', HEALTH_HOST: '0.0.0.0' })).toMatchObject({
      healthPort: 8080,
      healthHost: '0.0.0.0',
    });
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: 'http' })).toEqual([
      'HEALTH_PORT must be a TCP port number such as 8080, or empty to turn the endpoint off.',
    ]);
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: '70000' })).toEqual([
      'HEALTH_PORT must be between 1 and 65535, or empty to turn the endpoint off.',
    ]);
  });

  it('GIVEN only HEALTH_PORT (the HEALTHCHECK probe) THEN it is read without a token; unset or bad is null', () => {
    expect(healthPortFrom({ HEALTH_PORT: '8080' })).toBe(8080);
    expect(healthPortFrom({})).toBeNull();
    expect(healthPortFrom({ HEALTH_PORT: 'x' })).toBeNull();
  });

  it('GIVEN every variable THEN parses lists, ids, URLs and numbers', () => {
    const config = parseConfig({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_CLIENT_ID: CLIENT,
      DISCORD_GUILD_ID: '234567890123456789',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
      CORPUS_DIR: '/srv/corpus',
      KEYV_URL: 'redis://:pw@localhost:6379',
      BOT_ADMIN_IDS: '345678901234567890, 456789012345678901,',
      LOG_LEVEL: 'DEBUG',
      QUOTE_COOLDOWN_SECONDS: '0',
      STORE_TIMEOUT_MS: '500',
    });
    expect(config.token).toBe(TOKEN);
    expect(config.apiUrl).toBe('http://127.0.0.1:9999/api');
    expect(config.adminIds).toEqual(['345678901234567890', '456789012345678901']);
    expect(config.logLevel).toBe('debug');
    expect(config.quoteCooldownSeconds).toBe(0);
    expect(config.storeTimeoutMs).toBe(500);
    expect(config.guildId).toBe('234567890123456789');
    // The corpus's home server defaults to the deploy server.
    expect(config.corpusGuildIds).toEqual(['234567890123456789']);
  });

  it('GIVEN CORPUS_GUILD_IDS THEN it lists the home servers, and a bad id or loopback value is named with its fix', () => {
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: '234567890123456789',
      CORPUS_GUILD_IDS: '345678901234567890 , 456789012345678901',
      IMPORT_ALLOW_LOOPBACK: 'TRUE',
    });
    expect(config.corpusGuildIds).toEqual(['345678901234567890', '456789012345678901']);
    expect(config.importAllowLoopback).toBe(true);
    const problems = problemsOf({ DISCORD_TOKEN: TOKEN, CORPUS_GUILD_IDS: 'home', IMPORT_ALLOW_LOOPBACK: 'yes' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^CORPUS_GUILD_IDS must be a Discord id .*Copy Server ID/);
    expect(problems[1]).toMatch(/^IMPORT_ALLOW_LOOPBACK must be true or false/);
  });

  it('GIVEN the import command line THEN it needs no token and reads CORPUS_DIR and IMPORT_ALLOW_LOOPBACK', () => {
    expect(parseImportConfig({})).toEqual({ corpusDir: 'corpus', importAllowLoopback: false });
    expect(parseImportConfig({ CORPUS_DIR: '/srv/c', IMPORT_ALLOW_LOOPBACK: 'true' })).toEqual({
      corpusDir: '/srv/c',
      importAllowLoopback: true,
    });
    expect(() => parseImportConfig({ IMPORT_ALLOW_LOOPBACK: 'maybe' })).toThrow(ConfigError);
  });

  it('GIVEN empty optional values THEN treats them as unset', () => {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '', DISCORD_API_URL: ' ', LOG_LEVEL: '' });
    expect(config.guildId).toBeNull();
    expect(config.apiUrl).toBe('https://discord.com/api');
    expect(config.logLevel).toBe('info');
  });

  it('GIVEN no token THEN names DISCORD_TOKEN and where to get it', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DISCORD_TOKEN is missing\. .*Developer Portal/);
  });

  it('GIVEN several bad values THEN reports each variable with its fix, and never echoes the token', () => {
    const problems = problemsOf({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: 'my-bot',
      DISCORD_API_URL: 'ftp://example.com',
      KEYV_URL: 'mongodb://x',
      BOT_ADMIN_IDS: '12,abc',
      LOG_LEVEL: 'loud',
      QUOTE_COOLDOWN_SECONDS: '-3',
    });
    const text = problems.join('\n');
    for (const variable of [
      'DISCORD_CLIENT_ID',
      'DISCORD_API_URL',
      'KEYV_URL',
      'BOT_ADMIN_IDS',
      'LOG_LEVEL',
      'QUOTE_COOLDOWN_SECONDS',
    ]) {
      expect(text).toContain(variable);
    }
    expect(text).toContain('Application ID');
    expect(text).toContain('sqlite://');
    expect(text).not.toContain(TOKEN);
    expect(() => parseConfig({ DISCORD_TOKEN: TOKEN, LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL must be one of[\s\S]*See \.env\.example/,
    );
  });

  it('GIVEN deploy needs the client id THEN its absence is reported', () => {
    expect(problemsOf({ DISCORD_TOKEN: TOKEN }, { requireClientId: true })[0]).toMatch(/^DISCORD_CLIENT_ID is missing/);
  });

  it('GIVEN the scale-out variables THEN SHARD_COUNT is auto or a number, and the public key is 64 hex digits', () => {
    const key = 'AB'.repeat(32);
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      SHARD_COUNT: '4',
      SHARD_SPAWN_DELAY_MS: '0',
      DISCORD_PUBLIC_KEY: key,
      INTERACTIONS_PORT: '0',
      SHARDS: '3',
    });
    expect(config).toMatchObject({
      shardCount: 4,
      shardSpawnDelayMs: 0,
      publicKey: key.toLowerCase(),
      interactionsPort: 0,
      shardId: 3,
    });
    expect(parseConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: ' AUTO ' }).shardCount).toBe('auto');
    const problems = problemsOf({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: 'many', DISCORD_PUBLIC_KEY: 'xyz' }).join('\n');
    expect(problems).toContain('SHARD_COUNT must be "auto"');
    expect(problems).toContain('DISCORD_PUBLIC_KEY must be the 64 hex characters');
    expect(problemsOf({ DISCORD_TOKEN: TOKEN }, { requirePublicKey: true })[0]).toMatch(
      /^DISCORD_PUBLIC_KEY is missing/,
    );
  });
});

describe('ENTRY_CONFIG: what each entry point refuses to start without', () => {
  it('GIVEN each entry point without its one required variable THEN the first problem names it and where to find it', () => {
    expect(problemsOf({}, ENTRY_CONFIG.gateway)[0]).toMatch(/^DISCORD_TOKEN is missing\. .*Developer Portal/);
    expect(problemsOf({ DISCORD_TOKEN: TOKEN }, ENTRY_CONFIG.gateway)).toEqual([]);
    expect(problemsOf({ DISCORD_TOKEN: TOKEN }, ENTRY_CONFIG.http)).toEqual([
      expect.stringMatching(/^DISCORD_PUBLIC_KEY is missing\. .*Developer Portal/),
    ]);
    expect(problemsOf({ DISCORD_TOKEN: TOKEN }, ENTRY_CONFIG.deploy)).toEqual([
      expect.stringMatching(/^DISCORD_CLIENT_ID is missing\. .*Developer Portal/),
    ]);
  });
});
