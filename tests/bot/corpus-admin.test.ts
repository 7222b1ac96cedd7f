import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { checkCorpusAdmin } from '../../src/bot/corpus-admin.ts';

const HOME = '111111111111111111';
const OTHER = '222222222222222222';
const LISTED = '333333333333333333';
const config = { adminIds: [LISTED], corpusGuildIds: [HOME] };

const who = (userId: string, guildId: string | null, manage: boolean) => ({
  user: { id: userId } as never,
  guildId,
  memberPermissions: new PermissionsBitField(manage ? PermissionFlagsBits.ManageGuild : 0n) as never,
});

describe('checkCorpusAdmin', () => {
  it('GIVEN Manage Server in a home server THEN allowed; without it THEN not-admin', () => {
    expect(checkCorpusAdmin(who('1', HOME, true), config)).toBe('allowed');
    expect(checkCorpusAdmin(who('1', HOME, false), config)).toBe('not-admin');
  });

  it('GIVEN Manage Server in another server, or no server THEN not-home', () => {
    expect(checkCorpusAdmin(who('1', OTHER, true), config)).toBe('not-home');
    expect(checkCorpusAdmin(who('1', null, true), config)).toBe('not-home');
  });

  it('GIVEN a BOT_ADMIN_IDS user THEN allowed anywhere; with no home server THEN only they are', () => {
    expect(checkCorpusAdmin(who(LISTED, OTHER, false), config)).toBe('allowed');
    const noHome = { adminIds: [LISTED], corpusGuildIds: [] };
    expect(checkCorpusAdmin(who('1', HOME, true), noHome)).toBe('not-home');
    expect(checkCorpusAdmin(who(LISTED, HOME, false), noHome)).toBe('allowed');
  });
});
