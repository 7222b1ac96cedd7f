/**
 * Structured logs: one JSON object per line with `time`, `level`, `msg` and context fields.
 * Secrets given at creation (the bot token) are replaced wherever they appear, and fields named like credentials
 * are masked, so neither a stray error message nor a logged request can leak them.
 */
import type { LogLevel } from './config.ts';

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Strings that must never be written (the token). Short strings are ignored to avoid masking ordinary words. */
  readonly secrets?: readonly string[];
  /** Where lines go; defaults to stdout. Tests pass an array collector. */
  readonly write?: (line: string) => void;
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SENSITIVE_KEY = /^(token|authorization|password|secret|discord_token)$/i;
const REDACTED = '[REDACTED]';
/**
 * Interaction tokens (valid 15 minutes, enough to answer as the bot) sit in the path of every callback and
 * webhook URL, which discord.js puts in `err.url` of a failed REST call: mask the path segment after the id.
 */
const INTERACTION_TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#"\s\\]+/g;

/** Turn an Error (and its cause chain) into plain JSON; everything else passes through. */
function serialise(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: value.message };
    if (value.stack !== undefined) out.stack = value.stack;
    const extra = value as unknown as Record<string, unknown>;
    for (const key of ['code', 'status', 'method', 'url', 'id', 'operation']) {
      if (extra[key] !== undefined && typeof extra[key] !== 'object') out[key] = extra[key];
    }
    if (value.cause !== undefined && depth < 3) out.cause = serialise(value.cause, depth + 1);
    return out;
  }
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Create the process logger. */
export function createLogger(options: LoggerOptions, base: LogFields = {}): Logger {
  const threshold = RANK[options.level];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  const secretPattern = secrets.length > 0 ? new RegExp(secrets.map(escapeRegExp).join('|'), 'g') : null;

  const emit = (level: Exclude<LogLevel, 'silent'>, msg: string, fields: LogFields = {}) => {
    if (RANK[level] < threshold) return;
    const record = { time: new Date().toISOString(), level, msg, ...base, ...fields };
    let line: string;
    try {
      line = JSON.stringify(record, (key, value: unknown) =>
        key !== '' && SENSITIVE_KEY.test(key) && typeof value === 'string' ? REDACTED : serialise(value),
      );
    } catch {
      line = JSON.stringify({ time: record.time, level, msg, note: 'fields could not be serialised' });
    }
    line = line.replace(INTERACTION_TOKEN_IN_PATH, `$1${REDACTED}`);
    write(secretPattern === null ? line : line.replace(secretPattern, REDACTED));
  };

  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}
