import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.ghijklmnopqrstuvwxyz';

describe('createLogger', () => {
  it('GIVEN LOG_LEVEL warn THEN writes JSON lines for warn and error only, with context fields', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (l) => lines.push(l) }).child({ component: 'test' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w', { n: 1 });
    logger.error('e');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.level, r.msg, r.component])).toEqual([
      ['warn', 'w', 'test'],
      ['error', 'e', 'test'],
    ]);
    expect(records[0]!.n).toBe(1);
    expect(typeof records[0]!.time).toBe('string');
  });

  it('GIVEN the token inside a message, a field, an error and its cause THEN no line contains it', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', secrets: [TOKEN], write: (l) => lines.push(l) });
    logger.info(`login with ${TOKEN}`, {
      headers: { authorization: `Bot ${TOKEN}` },
      token: 'short',
      nested: { deep: [TOKEN] },
    });
    logger.error('failed', { err: new Error(`bad token ${TOKEN}`, { cause: new Error(TOKEN) }) });
    const all = lines.join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).toContain('[REDACTED]');
    const record = JSON.parse(lines[1]!) as { err: { message: string; stack: string; cause: { message: string } } };
    expect(record.err.message).toBe('bad token [REDACTED]');
    expect(record.err.cause.message).toBe('[REDACTED]');
    expect(JSON.parse(lines[0]!).token).toBe('[REDACTED]');
  });

  it('GIVEN level silent THEN writes nothing', () => {
    const lines: string[] = [];
    createLogger({ level: 'silent', write: (l) => lines.push(l) }).error('x');
    expect(lines).toEqual([]);
  });
});
