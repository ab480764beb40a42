/** Severities, lowest first; `silent` writes nothing. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Extra keys of one log line. Never pass bodies, tokens, cookies or client addresses. */
export type LogFields = Record<string, unknown>;

/** Writes one JSON object per line: `{ time, level, msg, ...fields }`. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line, e.g. `{ component: 'outbox' }`. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  /** Lines below this level are dropped. */
  level?: LogLevel;
  /** Where a finished line goes; stdout by default (one write per line, so lines never interleave). */
  write?: (line: string, level?: LogLevel) => void;
  clock?: () => Date;
}

let pending = '';

/**
 * Writes what is pending to stdout now (synchronous to a file; to a pipe, as much as it has
 * room for at once, the rest queued, which an exit right after may lose).
 */
export function flushStdout(): void {
  if (pending === '') return;
  const out = pending;
  pending = '';
  process.stdout.write(out);
}

/**
 * Writes what is pending, then waits until stdout has taken it all, or `ms` at most: to a pipe
 * whose reader lags (a log shipper, a full 64 KB buffer) Node queues the rest, and an exit
 * before it is written loses the last lines, those that say how the process stopped.
 */
export function drainStdout(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const out = pending;
    pending = '';
    // Its callback comes once this write, and every one queued before it, has gone out.
    process.stdout.write(out, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Lines to stdout, gathered into one write per event-loop turn: at thousands of requests a
 * second a write per access line cost more than the requests (a third of a cached config
 * read, measured with --cpu-prof). Errors, and the exit, flush at once.
 */
function stdoutLines(line: string, level?: LogLevel): void {
  if (pending === '') setImmediate(flushStdout).unref();
  pending += `${line}\n`;
  if (level === 'error' || pending.length > 64 * 1024) flushStdout();
}
process.once('exit', flushStdout);

/** A JSON-lines logger; `level: 'silent'` for tests. */
export function createLogger({
  level = 'info',
  write = stdoutLines,
  clock = () => new Date(),
}: LoggerOptions = {}): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const make = (base: LogFields): Logger => {
    const emit = (at: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
      if (LOG_LEVELS.indexOf(at) < threshold) return;
      // Written out key by key: one access line per request made the object spreads and the
      // whole-line stringify a tenth of a cached config read (--cpu-prof).
      let line = `{"time":"${clock().toISOString()}","level":"${at}","msg":${JSON.stringify(msg)}`;
      for (const key in base) {
        if (fields === undefined || !(key in fields)) line += member(key, base[key]);
      }
      for (const key in fields) line += member(key, fields[key]);
      write(`${line}}`, at);
    };
    return {
      debug: (msg, fields) => emit('debug', msg, fields),
      info: (msg, fields) => emit('info', msg, fields),
      warn: (msg, fields) => emit('warn', msg, fields),
      error: (msg, fields) => emit('error', msg, fields),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return make({});
}

const OWN_KEYS = new Set(['time', 'level', 'msg']);

/** `,"key":value`, or nothing for an undefined value or a key of the line's own. */
function member(key: string, value: unknown): string {
  if (value === undefined || OWN_KEYS.has(key)) return '';
  // The replacer runs for every nested key: only for a value that may hold an error.
  const text = JSON.stringify(value, typeof value === 'object' ? errorsAsObjects : undefined);
  return text === undefined ? '' : `,${JSON.stringify(key)}:${text}`;
}

// JSON.stringify turns an Error into {}: keep what an operator needs to find the bug.
function errorsAsObjects(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return {
    name: value.name,
    message: value.message,
    stack: value.stack,
    ...(value.cause !== undefined && { cause: value.cause }),
  };
}
