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
