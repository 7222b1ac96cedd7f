import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

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
      keyvUrl: 'sqlite://data/verbatim.sqlite',
      adminIds: [],
      logLevel: 'info',
      quoteCooldownSeconds: 5,
      storeTimeoutMs: 1000,
      healthPort: null,
      healthHost: '127.0.0.1',
    });
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
});
