/**
 * The one place where error identifiers become the words a user reads.
 * Templates use `{name}` placeholders filled from UserError.details; unknown placeholders stay visible so a
 * missing detail is noticed in review rather than silently dropped.
 */
import type { ErrorId, UserError } from './errors.ts';

const MESSAGES: Readonly<Record<ErrorId, string>> = {
  'quote.cooldown': 'Slow down a little: you can ask for another quote in {seconds} s.',
  'quote.no-match':
    'No passage matches “{query}”.{suggestions} Try fewer or different words, or drop the source/speaker filter.',
  'quote.unknown-source': 'No source matches “{source}”.{suggestions} `/sources` lists them all.',
  'quote.unknown-speaker': 'Nobody called “{speaker}” is quoted in the corpus.{suggestions}',
  'quote.speaker-silent':
    '{speaker} is named in the corpus but never speaks in it: no passage is in their own words. To find passages that mention them, search without the speaker filter (`/quote {speaker}`).',
  'quote.empty-corpus': 'The corpus has no passages to quote yet. An admin can add sources and run `/reload`.',
  'paging.expired': 'These buttons have expired (they last 15 minutes). Run `/quote` again.',
  'paging.not-yours':
    'Only the person who ran this `/quote` can page through its results. Run `/quote` yourself to browse.',
  'paging.passage-gone': 'That passage is no longer in the corpus (it was reloaded). Run `/quote` again.',
  'procon.bad-button': 'This button no longer matches a topic view. Run `/procon` again.',
  'reload.not-admin':
    'Only server admins can reload the corpus (Manage Server permission, or listed in BOT_ADMIN_IDS).',
  'find.empty-message': 'That message has no text to search for. Pick a message with words in it.',
  'find.no-match': 'Nothing in the corpus matches that message.',
  'store.unavailable':
    'The bot’s storage is not answering right now, so this cannot be done. Please try again shortly.',
  'command.unknown':
    'This command is not known to the running bot. It may have been removed; ask an admin to redeploy the commands.',
};

/** The generic apology for anything that is not a UserError (details go to the log, never to the user). */
export const UNEXPECTED_ERROR_MESSAGE = 'Something went wrong on our side. It has been logged; please try again.';

/** Turn an expected failure into the sentence the user reads. */
export function describeError(err: Pick<UserError, 'id' | 'details'>): string {
  const template = MESSAGES[err.id];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = err.details[key];
    return value === undefined ? (key === 'suggestions' ? '' : whole) : String(value);
  });
}
