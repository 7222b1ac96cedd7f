import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommand } from '../../src/bot/command.ts';
import { loadCommands } from '../../src/bot/loader.ts';
import { createLogger } from '../../src/logger.ts';

describe('isCommand', () => {
  const execute = async () => undefined;
  it.each([
    ['a slash command', { data: { name: 'quote', description: 'd' }, execute }, true],
    ['a message command', { data: { name: 'Find quotes', type: 3 }, execute }, true],
    ['a user command (not supported here)', { data: { name: 'Profile', type: 2 }, execute }, false],
    ['an upper-case slash name', { data: { name: 'Quote', description: 'd' }, execute }, false],
    ['a name over 32 characters', { data: { name: 'q'.repeat(33), description: 'd' }, execute }, false],
    ['a description over 100 characters', { data: { name: 'quote', description: 'd'.repeat(101) }, execute }, false],
    ['no execute', { data: { name: 'quote', description: 'd' } }, false],
    [
      'autocomplete that is not a function',
      { data: { name: 'quote', description: 'd' }, execute, autocomplete: 1 },
      false,
    ],
    ['null', null, false],
  ])('%s → %s', (_label, value, expected) => {
    expect(isCommand(value)).toBe(expected);
  });
});

describe('loadCommands', () => {
  it('GIVEN a folder with valid, invalid and helper modules THEN keeps only the valid ones and reports the rest', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    const commands = await loadCommands(resolve(import.meta.dirname, '../fixtures/bot-commands'), logger);
    expect(commands.map((c) => c.data.name)).toEqual(['ping']);
    const skipped = lines.map((l) => (JSON.parse(l) as { file: string }).file).sort();
    expect(skipped).toEqual(['bad-name.ts', 'no-execute.ts']);
  });

  it('GIVEN the real commands/ folder THEN this side’s commands are all there', async () => {
    const names = (await loadCommands()).map((c) => c.data.name);
    expect(names).toEqual(
      expect.arrayContaining(['quote', 'sources', 'reload', 'help', 'Find quotes', 'privacy', 'forget-me']),
    );
  });
});
