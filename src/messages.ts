/**
 * The one place where error identifiers become the words a user reads.
 * Templates use `{name}` placeholders filled from UserError.details; unknown placeholders stay visible so a
 * missing detail is noticed in review rather than silently dropped.
 */
import type { ErrorDetails, ErrorId, UserError } from './errors.ts';
import { formatSourceName, formatSpeakerName } from './present.ts';
import type { QuoteMiss } from './search/find.ts';
import { truncate } from './text/truncate.ts';

const MESSAGES: Readonly<Record<ErrorId, string>> = {
  'quote.cooldown': 'Slow down a little: you can ask for another quote in {seconds} s.',
  'quote.no-match':
    'No passage matches “{query}”.{suggestions} Try fewer or different words, or drop the source/speaker filter.',
  'quote.unknown-source': 'No source matches “{source}”.{suggestions} `/sources` lists them all.',
  'quote.unknown-speaker': 'Nobody called “{speaker}” is quoted in the corpus.{suggestions}',
  'quote.empty-corpus': 'The corpus has no passages to quote yet. An admin can add sources and run `/reload`.',
  'quote.no-random':
    'No passage to pick at random with these filters. Try another source or speaker, or drop the filters.',
  'paging.expired': 'These buttons have expired (they last 15 minutes). Run `/quote` again.',
  'paging.not-yours':
    'Only the person who ran this `/quote` can page through its results. Run `/quote` yourself to browse.',
  'paging.passage-gone': 'That passage is no longer in the corpus (it was reloaded). Run `/quote` again.',
  'card.expired':
    'This card’s buttons have expired (they last 15 minutes) or its passage was reloaded away. Run `/cite` again, or press Card on a quote.',
  'card.not-yours':
    'Only the person who made this card can widen it or post it. Press Card on the quote, or run `/cite`, to make your own.',
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

/** How much of what the user typed is repeated back in an answer. */
const ECHO_MAX = 100;
const QUERY_ECHO_MAX = 200;

/** " Did you mean: a; b?" or nothing. */
export function didYouMean(names: readonly string[]): string {
  return names.length === 0 ? '' : ` Did you mean: ${names.join('; ')}?`;
}

/** " Did you mean “…”?" for a corrected query, and how many matches there are without the filters. */
export function noMatchHints(correction: string | null, unfiltered: number): string {
  let hints = correction ? ` Did you mean “${truncate(correction, QUERY_ECHO_MAX)}”?` : '';
  if (unfiltered > 0)
    hints += ` Without the source/speaker filter there ${unfiltered === 1 ? 'is 1 match' : `are ${unfiltered} matches`}.`;
  return hints;
}

/** A /quote miss as the error id and details every surface words the same way (`describeError`). */
export function quoteMissError(miss: QuoteMiss): { id: ErrorId; details: ErrorDetails } {
  switch (miss.kind) {
    case 'unknown-source':
      return {
        id: 'quote.unknown-source',
        details: {
          source: truncate(miss.source, ECHO_MAX),
          suggestions: didYouMean(miss.suggestions.map(formatSourceName)),
        },
      };
    case 'unknown-speaker':
      return {
        id: 'quote.unknown-speaker',
        details: {
          speaker: truncate(miss.speaker, ECHO_MAX),
          suggestions: didYouMean(miss.suggestions.map(formatSpeakerName)),
        },
      };
    case 'empty-corpus':
      return { id: 'quote.empty-corpus', details: {} };
    case 'no-random':
      return { id: 'quote.no-random', details: {} };
    case 'no-match':
      return {
        id: 'quote.no-match',
        details: {
          query: miss.byId ? 'that passage' : truncate(miss.query, QUERY_ECHO_MAX),
          suggestions: noMatchHints(miss.correction, miss.unfiltered),
        },
      };
  }
}
