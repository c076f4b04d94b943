/**
 * The request log: one line per API call with the action, HTTP status, error code, duration
 * and request id. Parameters, headers and credentials are never written.
 */

/** Where log lines go: a function receiving each line (without trailing newline). */
export type LogSink = (line: string) => void;

/** The `log` option: `true` (stderr, the default), `false` (silent) or a custom sink. */
export type LogOption = boolean | LogSink;

/** One finished request, as logged. */
export interface RequestLogEntry {
  readonly action: string;
  readonly status: number;
  readonly code?: string;
  readonly durationMs: number;
  readonly requestId: string;
}

/** Resolves the `log` option into a sink (or `undefined` for silence). */
export function resolveLogSink(option: LogOption | undefined): LogSink | undefined {
  if (option === false) return undefined;
  if (typeof option === 'function') return option;
  return (line) => process.stderr.write(`${line}\n`);
}

/** Formats one log line: `<ISO time> <action> <status> <code|-> <ms>ms <requestId>`. */
export function formatRequestLine(entry: RequestLogEntry, at: Date = new Date()): string {
  return `${at.toISOString()} ${entry.action} ${entry.status} ${entry.code ?? '-'} ${entry.durationMs}ms ${entry.requestId}`;
}

/** One entry of the recent-request log: a logged line's fields plus when it finished. */
export interface RecentRequest extends RequestLogEntry {
  /** ISO time the call finished. */
  readonly time: string;
}

/**
 * The last `capacity` finished API calls, newest last, for the directory view. It holds exactly
 * what the log line holds (never parameters, headers or keys).
 */
export class RecentRequests {
  private readonly entries: RecentRequest[] = [];

  /** Keeps at most `capacity` entries (default 200). */
  constructor(private readonly capacity = 200) {}

  /** Records a finished call, dropping the oldest beyond the capacity. */
  add(entry: RequestLogEntry, at: Date = new Date()): void {
    this.entries.push({ ...entry, time: at.toISOString() });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** A copy of the entries, oldest first. */
  list(): RecentRequest[] {
    return [...this.entries];
  }
}
