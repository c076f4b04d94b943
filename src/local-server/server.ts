/**
 * `startLocalServer`: the EIAM-compatible local server, in-process. It wires the HTTP pipeline
 * (authentication, parsing, faults, request log, counters) to the model's `EiamService` through
 * the dispatcher, with memory or data-directory persistence.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, type FaultOptions } from './faults';
import { Authenticator } from './http/auth';
import { DEFAULT_BODY_LIMIT_BYTES } from './http/body';
import { Counters, type CountersSnapshot } from './http/counters';
import { Dispatcher, type HandlerTable, type RecoveryReport } from './http/dispatcher';
import { createRequestListener } from './http/listener';
import { RecentRequests, resolveLogSink, type LogOption, type RecentRequest } from './http/request-log';
import { overviewOf, type Overview } from './model/overview';
import { EiamService } from './model/service';
import { handlers } from './operations';
import { FileStore } from './store/file';
import { MemoryStore } from './store/memory';
import type { StateStore } from './store/types';

/** The local server's default AccessKey ID: a throw-away pair, valid only against this server. */
export const DEFAULT_ACCESS_KEY_ID = 'LTAI5tLocalEiamKey00001';

/** The local server's default AccessKey secret (see {@link DEFAULT_ACCESS_KEY_ID}). */
export const DEFAULT_ACCESS_KEY_SECRET = 'local-eiam-secret-do-not-use-in-cloud';

/** Default listening port (0 picks a free one). */
export const DEFAULT_PORT = 8848;

/** Default time a new instance stays `creating` before it reports `running`, in ms. */
export const DEFAULT_INSTANCE_CREATION_DELAY_MS = 1500;

/** Options of {@link startLocalServer}. Every field is optional. */
export interface LocalServerOptions {
  /** Interface to listen on (default `127.0.0.1`). */
  readonly host?: string;
  /** Port to listen on (default {@link DEFAULT_PORT}; 0 picks a free port). */
  readonly port?: number;
  /** The accepted AccessKey ID (default {@link DEFAULT_ACCESS_KEY_ID}). */
  readonly accessKeyId?: string;
  /** The accepted AccessKey secret (default {@link DEFAULT_ACCESS_KEY_SECRET}). */
  readonly accessKeySecret?: string;
  /** Directory that makes the state durable (write-ahead log + snapshot); memory only when unset. */
  readonly dataDir?: string;
  /** Latency added to every API call, in ms (default 0). */
  readonly latencyMs?: number;
  /** Deterministic fault injection (default none). */
  readonly faults?: FaultOptions;
  /** How long a new instance stays `creating` (default {@link DEFAULT_INSTANCE_CREATION_DELAY_MS}). */
  readonly instanceCreationDelayMs?: number;
  /** Request log: `true` = stderr (default), `false` = silent, or a function receiving each line. */
  readonly log?: LogOption;
  /** Clock in epoch ms, for the service and the timestamp check (default `Date.now`). */
  readonly clock?: () => number;
  /** Seed of the id generator, for reproducible ids (default random). */
  readonly seed?: number | string;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  readonly bodyLimitBytes?: number;
  /** Compact the data directory's log after this many writes (default 1000). */
  readonly compactEvery?: number;
  /** @internal Replaces the operation handlers (HTTP-layer tests). */
  readonly handlers?: HandlerTable;
}

/** A running local server. */
export interface LocalServer {
  /** Base URL, e.g. `http://127.0.0.1:8848`. */
  readonly endpoint: string;
  /** The interface listened on. */
  readonly host: string;
  /** The port listened on (the real one when 0 was asked for). */
  readonly port: number;
  /** The accepted AccessKey ID. */
  readonly accessKeyId: string;
  /** The accepted AccessKey secret. */
  readonly accessKeySecret: string;
  /** The data directory, when the state is durable. */
  readonly dataDir?: string;
  /** What the start applied from the data directory's journal (zero in memory mode). */
  readonly recovery: RecoveryReport;
  /** URL of the read-only directory view page (loopback peers only). */
  readonly viewUrl: string;
  /** Per-action call and error counts since start (or the last reset). */
  counters(): CountersSnapshot;
  /** What the directory view shows: every instance and its directory, without secrets. */
  overview(): Overview;
  /** The last finished API calls (what the request log holds), oldest first. */
  recentRequests(): RecentRequest[];
  /** Sets all counters back to zero. */
  resetCounters(): void;
  /** @internal The whole service state as plain JSON (durability tests compare it across restarts). */
  snapshot(): unknown;
  /** Wipes the service state (persisted too, with a data directory). */
  reset(): void;
  /** Stops listening, closes every connection (keep-alive ones included) and the store. */
  stop(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the local EIAM server and resolves once it listens. */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const accessKeyId = options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID;
  const accessKeySecret = options.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET;
  const clock = options.clock ?? Date.now;
  const log = resolveLogSink(options.log);
  const faults = options.faults ? new FaultInjector(options.faults) : undefined;
  const latencyMs = options.latencyMs ?? 0;
  if (!(latencyMs >= 0)) throw new RangeError('latencyMs must be a non-negative number');

  const service = new EiamService({
    clock,
    instanceCreationDelayMs: options.instanceCreationDelayMs ?? DEFAULT_INSTANCE_CREATION_DELAY_MS,
    seed: options.seed,
  });
  const store: StateStore = options.dataDir
    ? new FileStore(options.dataDir, { compactEvery: options.compactEvery })
    : new MemoryStore();
  const counters = new Counters();
  const recent = new RecentRequests();
  let stopping = false;
  try {
    const dispatcher = new Dispatcher({
      service,
      handlers: options.handlers ?? handlers,
      store,
    });
    const recovery = dispatcher.recover();
    const listener = createRequestListener({
      authenticator: new Authenticator({ credentials: [{ accessKeyId, accessKeySecret }], clock }),
      dispatcher,
      counters,
      faults: faults?.active ? faults : undefined,
      log,
      clock,
      bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
      latencyMs,
      isStopping: () => stopping,
      recent,
      overview: () => overviewOf(service),
    });
    const httpServer = http.createServer(listener);
    await listen(httpServer, options.port ?? DEFAULT_PORT, host);
    const port = (httpServer.address() as AddressInfo).port;
    let stopped: Promise<void> | undefined;
    const endpoint = `http://${formatHost(host)}:${port}`;
    return {
      endpoint,
      viewUrl: `${endpoint}/_local/view`,
      host,
      port,
      accessKeyId,
      accessKeySecret,
      dataDir: options.dataDir,
      recovery,
      counters: () => counters.snapshot(),
      overview: () => overviewOf(service),
      recentRequests: () => recent.list(),
      resetCounters: () => counters.reset(),
      snapshot: () => service.snapshot(),
      reset: () => dispatcher.reset(),
      stop: () => {
        stopped ??= new Promise<void>((resolve) => {
          stopping = true;
          httpServer.close(() => {
            store.close();
            resolve();
          });
          httpServer.closeAllConnections();
        });
        return stopped;
      },
    };
  } catch (err) {
    store.close();
    throw err;
  }
}
