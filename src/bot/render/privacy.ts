/**
 * /privacy and /forget-me replies. The facts (TTLs, limits, where the store is) come from the same constants
 * the code uses, so the statement cannot drift from what is kept. PRIVACY.md says the same for operators.
 */
import type { APIEmbed } from 'discord.js';
import type { StoreKind } from '../../store/store.ts';
import { AUDIT_LIMIT } from '../audit.ts';
import type { ForgetReport } from '../forget.ts';
import { PAGING_TTL_MS } from '../paging.ts';
import { PREVIEW_TTL_MS } from './source.ts';
import type { MessageBody } from './message.ts';

const PRIVACY_COLOUR = 0x4a6fa5;

const WHERE: Readonly<Record<StoreKind, string>> = {
  sqlite: 'in an SQLite file on the machine that runs the bot',
  redis: 'in the Redis server the bot’s operator configured',
  memory: 'in the bot’s memory only (lost when it restarts)',
};

export interface PrivacyFacts {
  readonly storeKind: StoreKind;
  readonly cooldownSeconds: number;
}

export function renderPrivacy(facts: PrivacyFacts): MessageBody {
  const minutes = PAGING_TTL_MS / 60_000;
  const cooldown =
    facts.cooldownSeconds > 0
      ? `Your user id and when you may next use /quote, for ${facts.cooldownSeconds} s after each /quote.`
      : 'Nothing: the /quote cooldown is off on this bot.';
  const embed: APIEmbed = {
    color: PRIVACY_COLOUR,
    title: 'What Verbatim keeps about you',
    description:
      `Verbatim reads only the commands you send it (no message content, no member list). It keeps the following ` +
      `${WHERE[facts.storeKind]}, and nothing else:`,
    fields: [
      { name: 'Cooldown', value: cooldown },
      {
        name: '/quote results (for ◀ ▶ and Context)',
        value:
          `Your user id, the words you searched for and the ids of the matching passages, for ${minutes} minutes. ` +
          `Expired entries are removed from disk within a few minutes after that.`,
      },
      {
        name: 'Cards (/cite and the Card button)',
        value:
          `Your user id, the passage's id, your tag and the cite style, for ${minutes} minutes, so that ＋ before, ` +
          `＋ after and Post to channel work.`,
      },
      {
        name: '/reload and /source (corpus admins only)',
        value:
          `Your user id and name, the server, the time, the outcome and the corpus version (for /source, the source ` +
          `and the link or file it came from), for the last ${AUDIT_LIMIT} reload attempts, so admins can see who ` +
          `changed the corpus. A /source add preview (your id, the link, the prepared article) for ` +
          `${PREVIEW_TTL_MS / 60_000} minutes or until Add or Cancel.`,
      },
      {
        name: 'Logs',
        value:
          'The bot’s log lines name your user id, server, channel, the command you ran and the passage or topic it ' +
          'answered (not your search words; Find quotes keeps nothing of the message); ' +
          'how long logs are kept is up to the operator.',
      },
      {
        name: 'Removing it',
        value:
          '`/forget-me` deletes your cooldown, /quote results and cards at once and anonymises your /reload entries.',
      },
    ],
  };
  return { embeds: [embed] };
}

export function renderForgotten(report: ForgetReport): MessageBody {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `Deleted ${plural(report.cooldowns, 'cooldown', 'cooldowns')}.`,
    `Deleted ${plural(report.pagingStates, 'stored /quote result', 'stored /quote results')} (with the words you searched for).`,
    `Anonymised ${plural(report.auditEntries, '/reload audit entry', '/reload audit entries')}.`,
    `Deleted ${plural(report.cardStates, 'stored card', 'stored cards')} (with your tags).`,
  ];
  return {
    content:
      `Done. ${lines.join(' ')} Nothing else about you is stored by Verbatim (log lines are kept by the operator; ` +
      'see `/privacy`).',
    embeds: [],
  };
}
