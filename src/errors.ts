/**
 * Expected failures carry an identifier, never user-facing words: src/messages.ts turns the identifier into text.
 * Anything thrown that is not a UserError is a bug and gets a generic apology plus a log line with context.
 */

/** Every expected failure the bot can report. Add an id here and its words in src/messages.ts. */
export type ErrorId =
  | 'quote.cooldown'
  | 'quote.no-match'
  | 'quote.unknown-source'
  | 'quote.unknown-speaker'
  | 'quote.speaker-never-speaks'
  | 'quote.empty-corpus'
  | 'quote.no-random'
  | 'paging.expired'
  | 'paging.not-yours'
  | 'paging.passage-gone'
  | 'card.expired'
  | 'card.not-yours'
  | 'procon.bad-button'
  | 'reload.not-admin'
  | 'corpus.not-home'
  | 'import.bad-url'
  | 'import.bad-scheme'
  | 'import.blocked-address'
  | 'import.unreachable'
  | 'import.too-many-redirects'
  | 'import.http-error'
  | 'import.bad-type'
  | 'import.too-large'
  | 'import.timeout'
  | 'import.not-article'
  | 'import.paywalled'
  | 'import.bad-docx'
  | 'import.unsupported-file'
  | 'import.id-taken'
  | 'import.already-in-corpus'
  | 'import.invalid'
  | 'import.no-input'
  | 'import.no-file'
  | 'source.unknown-id'
  | 'source.not-removed'
  | 'source.removed-exists'
  | 'source.expired'
  | 'find.empty-message'
  | 'find.no-match'
  | 'store.unavailable'
  | 'command.unknown'
  | 'component.unknown'
  | 'option.too-long';

export type ErrorDetails = Readonly<Record<string, string | number>>;

/** An expected failure: the user did something the bot cannot serve, and can be told why. */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly id: ErrorId;
  readonly details: ErrorDetails;

  constructor(id: ErrorId, details: ErrorDetails = {}) {
    super(id);
    this.id = id;
    this.details = details;
  }
}

/** The key-value store did not answer in time or refused the call. Carries no connection string (it may hold a password). */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  readonly operation: string;
  /** Why, without the operation: for the one-line start-up report (src/store/store.ts `checkStore`). */
  readonly reason: string;

  constructor(operation: string, reason: string) {
    super(`store ${operation} failed: ${reason}`);
    this.operation = operation;
    this.reason = reason;
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
