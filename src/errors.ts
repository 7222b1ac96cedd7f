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
  | 'quote.speaker-silent'
  | 'quote.empty-corpus'
  | 'paging.expired'
  | 'paging.not-yours'
  | 'paging.passage-gone'
  | 'procon.bad-button'
  | 'reload.not-admin'
  | 'find.empty-message'
  | 'find.no-match'
  | 'store.unavailable'
  | 'command.unknown';

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

  constructor(operation: string, reason: string) {
    super(`store ${operation} failed: ${reason}`);
    this.operation = operation;
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
