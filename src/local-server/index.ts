/**
 * The EIAM-compatible local server: start it in-process with {@link startLocalServer}, or run
 * the `eiam-local` command. See `docs/local-server.md` for the wire behaviour.
 */
export {
  startLocalServer,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  DEFAULT_PORT,
  DEFAULT_INSTANCE_CREATION_DELAY_MS,
  type LocalServer,
  type LocalServerOptions,
} from './server';
export { FaultInjector, type FaultOptions, type FaultDecision } from './faults';
export type { ActionCounters, CountersSnapshot } from './http/counters';
export type { LogOption, LogSink } from './http/request-log';
export type { RecoveryReport } from './http/dispatcher';
export type { RecentRequest } from './http/request-log';
export type {
  Overview,
  OverviewApplication,
  OverviewGroup,
  OverviewInstance,
  OverviewUnit,
  OverviewUser,
} from './model/overview';
