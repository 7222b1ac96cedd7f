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
  'quote.speaker-never-speaks':
    '{speaker} is named in the corpus but never speaks in it: no passage is in their own words. To find passages that mention them, search without the speaker filter (`/quote {speaker}`).',
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
  'corpus.not-home':
    'The corpus is shared by every server this bot is in, so it can only be changed from its home server(s) (CORPUS_GUILD_IDS), by their admins or by people listed in BOT_ADMIN_IDS.',
  'import.bad-url': '“{url}” is not a link that can be imported. Paste the full address, starting with https://.',
  'import.bad-scheme': 'Only http:// and https:// links can be imported, not {scheme}:.',
  'import.blocked-address':
    'That link was refused: {host} points to a private, local or reserved network address ({address}). Only public web pages can be imported.',
  'import.unreachable':
    'The page at {host} could not be reached. Check the link, or save the page and import the file.',
  'import.too-many-redirects':
    'That link redirects more than {limit} times, so it was not followed. Import the address the page finally lives at.',
  'import.http-error': 'The site answered with HTTP {status} for {url}, so there is nothing to import.',
  'import.bad-type':
    'That link serves {type}, which cannot be imported. Links must serve a web page (HTML), plain text or a .docx file.',
  'import.too-large':
    'That page or file is larger than {limitMb} MB, the import limit. Import the article text alone as a file.',
  'import.timeout':
    'The site took longer than {seconds} s to send the page, so the import was abandoned. Try again later, or import a saved copy.',
  'import.not-article':
    'No article was found there (only {words} words of article text). Link to the article itself, not a front page, search or list of links.',
  'import.paywalled':
    'That article is behind a paywall (the page marks it as not free; only {words} words are public). Save the full text from your subscription and import the file instead.',
  'import.bad-docx':
    'That .docx file could not be read. Open it in a word processor and save it again as .docx, or paste the text into a .txt file.',
  'import.unsupported-file': '“{name}” cannot be imported: use an .html, .htm, .txt, .md or .docx file.',
  'import.id-taken':
    'A source with the id “{id}” is already in the corpus. Import it under another id (`--id` / `id:`), or remove the old one first.',
  'import.already-in-corpus': 'That article is already in the corpus as “{id}”.',
  'import.invalid': 'The new source “{id}” would not load, so nothing was written:\n{problems}',
  'import.no-input': 'Give a link (`url:`) or a file (`attachment:`) to import, not both and not neither.',
  'import.no-file':
    'There is no file at “{path}”. Give a link starting with https:// or the path of an .html, .txt, .md or .docx file.',
  'source.unknown-id': 'No source file has the id “{id}”. `/sources` lists the ids.',
  'source.not-removed': 'No removed source has the id “{id}” (removed sources are kept in corpus/.removed/).',
  'source.removed-exists':
    'A removed source with the id “{id}” is already kept in corpus/.removed/. Move or delete that file first, so nothing is lost.',
  'source.expired': 'This preview has expired (previews last 15 minutes). Run `/source add` again.',
  'find.empty-message': 'That message has no text to search for. Pick a message with words in it.',
  'find.no-match': 'Nothing in the corpus matches that message.',
  'store.unavailable':
    'The bot’s storage is not answering right now, so this cannot be done. Please try again shortly.',
  'option.too-long':
    'The `{option}` option is too long ({length} characters; at most {max}). Shorten it and try again.',
  'component.unknown':
    'This control is not one the running bot knows (it may come from an older version). Run the command again.',
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
    case 'speaker-never-speaks':
      return { id: 'quote.speaker-never-speaks', details: { speaker: truncate(miss.speaker, ECHO_MAX) } };
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
