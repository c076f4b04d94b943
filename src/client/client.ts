/**
 * The EIAM API client: typed operation → validate → encode → sign → send → retry.
 */
import { randomUUID } from 'node:crypto';
import { API_VERSION, OPERATIONS, type OperationName, type OperationTypes } from '../catalog';
import { resolveCredentials, type ResolvedCredentials } from './credentials';
import { EiamApiError, EiamRequestValidationError, EiamTransportError } from './errors';
import { flatten, formEncode, type FlatParamMap } from './encoding';
import { listAll, paginate, type PaginateOptions } from './pagination';
import { resolveRetryPolicy, shouldRetry, withRetry, type RetryOptions, type RetryPolicy } from './retry';
import { signRpc, signV3 } from './signing';
import { Transport, type TransportResponse } from './transport';
import {
  DEFAULT_REQUESTS_PER_SECOND,
  parseRequestsPerSecond,
  REQUESTS_PER_SECOND_ENV,
  sharedGovernor,
  type RateGovernor,
} from './governor';

/** Request type of an operation. */
export type RequestOf<A extends OperationName> = OperationTypes[A]['request'];
/** Response type of an operation. */
export type ResponseOf<A extends OperationName> = OperationTypes[A]['response'];
/** Names of the array-valued fields of a response type. */
export type ListFieldOf<R> = {
  [K in keyof R]-?: NonNullable<R[K]> extends readonly unknown[] ? K : never;
}[keyof R] &
  string;
/** Item type of the list field `K` of response type `R`. */
export type ListItemOf<R, K extends keyof R> = NonNullable<R[K]> extends readonly (infer E)[] ? E : never;

/** Which signature scheme the client signs with. */
export type ClientSignatureVersion = 'v3' | 'rpc';

/** Settings of an {@link EiamClient}. Nothing is resolved until the first call. */
export interface EiamClientOptions {
  /** Region ID; see `resolveCredentials` for the fallbacks (default `cn-hangzhou`). */
  readonly region?: string;
  /** Endpoint URL; default `https://eiam.<region>.aliyuncs.com`. A bare host gets `https://`. */
  readonly endpoint?: string;
  /** AccessKey ID (with `accessKeySecret`). */
  readonly accessKeyId?: string;
  /** AccessKey secret (with `accessKeyId`). */
  readonly accessKeySecret?: string;
  /** STS token for temporary keys. */
  readonly securityToken?: string;
  /** aliyun CLI profile name. */
  readonly profile?: string;
  /** Signature scheme; default `v3`. */
  readonly signatureVersion?: ClientSignatureVersion;
  /** Timeout of one HTTP attempt in ms; default 30000. */
  readonly timeoutMs?: number;
  /**
   * Most HTTP requests in flight at once; default 64. A bound on sockets: throughput is set by
   * the request-rate budget.
   */
  readonly maxConcurrency?: number;
  /**
   * Request-rate budget, requests per second, shared with every client of the process that has
   * the same budget. Default: `EIAM_MAX_REQUESTS_PER_SECOND` from `env`, else 100.
   */
  readonly maxRequestsPerSecond?: number;
  /** The governor to use instead of the process's shared one (tests). */
  readonly governor?: RateGovernor;
  /** Retry tunables. */
  readonly retry?: RetryOptions;
  /**
   * Receives one debug line per call (action, request ID, status, error code, attempts,
   * duration; never parameters). Without it, lines go to stderr when `EIAM_DEBUG` is set
   * (to anything but `0`/`false`).
   */
  readonly logger?: (line: string) => void;
  /** `user-agent` header; default `pulumi-alicloud-eiam node/<version>`. */
  readonly userAgent?: string;
  /** Environment to read credentials and `EIAM_DEBUG` from; default `process.env` (for tests). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Home directory holding `.aliyun/config.json`; default the user's (for tests). */
  readonly homeDir?: string;
  /** Clock for signing and durations; default `() => new Date()` (for tests). */
  readonly clock?: () => Date;
  /** Nonce source for signing; default random UUIDs (for tests). */
  readonly nonce?: () => string;
  /** Random source of backoff jitter, in [0, 1); default `Math.random` (for tests). */
  readonly random?: () => number;
  /** Sleep used between retries; default a timer (for tests). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Connection settings resolved on first use. */
interface Resolved {
  readonly credentials: ResolvedCredentials;
  /** Origin of the endpoint, e.g. `https://eiam.cn-hangzhou.aliyuncs.com`. */
  readonly origin: string;
  /** `host` header value. */
  readonly host: string;
}

/** Default bound on requests in flight per client. */
export const DEFAULT_MAX_CONCURRENCY = 64;

/** The request-rate budget of a client: its option, else the environment, else the default. */
function budgetOf(options: EiamClientOptions): number {
  return (
    parseRequestsPerSecond(options.maxRequestsPerSecond, 'maxRequestsPerSecond') ??
    parseRequestsPerSecond((options.env ?? process.env)[REQUESTS_PER_SECOND_ENV], REQUESTS_PER_SECOND_ENV) ??
    DEFAULT_REQUESTS_PER_SECOND
  );
}

/** Default endpoint of a region. */
export function defaultEndpoint(region: string): string {
  return `https://eiam.${region}.aliyuncs.com`;
}

function parseEndpoint(endpoint: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  try {
    return new URL(withScheme);
  } catch {
    throw new Error(`Invalid EIAM endpoint: ${endpoint}`);
  }
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * Typed client of the EIAM API (`Eiam` 2021-12-01). Construction never throws for missing
 * credentials; they are resolved on the first call. Call {@link EiamClient.close} when done.
 */
export class EiamClient {
  private readonly options: EiamClientOptions;
  private readonly transport: Transport;
  private readonly retryPolicy: RetryPolicy;
  private readonly log?: (line: string) => void;
  private resolving?: Promise<Resolved>;
  /** Epoch ms after which resolved temporary credentials are resolved again. */
  private resolvedUntil?: number;
  private closed = false;

  /** Creates a client; no I/O happens until the first call. */
  constructor(options: EiamClientOptions = {}) {
    this.options = options;
    this.retryPolicy = resolveRetryPolicy(options.retry);
    this.transport = new Transport({
      timeoutMs: Math.max(1, options.timeoutMs ?? 30_000),
      maxConcurrency: Math.max(1, options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY),
      governor: options.governor ?? sharedGovernor(budgetOf(options)),
      userAgent: options.userAgent ?? `pulumi-alicloud-eiam node/${process.versions.node}`,
    });
    const debug = (options.env ?? process.env).EIAM_DEBUG;
    const debugOn = debug !== undefined && !['', '0', 'false'].includes(debug.toLowerCase());
    this.log = options.logger ?? (debugOn ? (line: string) => process.stderr.write(`${line}\n`) : undefined);
  }

  /**
   * Calls one operation. Required parameters are checked locally first; a `ClientToken` is
   * added when the operation takes one and the request has none. Rejects with
   * `EiamRequestValidationError`, `EiamCredentialsError`, `EiamApiError` or
   * `EiamTransportError` (the last two carry `attempts`).
   */
  async call<A extends OperationName>(action: A, request: RequestOf<A>): Promise<ResponseOf<A>> {
    if (this.closed) throw new Error('This EiamClient has been closed.');
    const spec = OPERATIONS[action];
    if (!spec) throw new Error(`Unknown EIAM operation: ${String(action)}`);
    const params: Record<string, unknown> = { ...(request as Record<string, unknown>) };
    const missing = spec.request.filter((p) => p.required && isMissing(params[p.name])).map((p) => p.name);
    if (missing.length > 0) throw new EiamRequestValidationError(action, missing);
    const takesToken = spec.clientToken;
    if (takesToken && isMissing(params.ClientToken)) params.ClientToken = randomUUID();
    const hasToken = takesToken || !isMissing(params.ClientToken);
    const flat = flatten(params);

    const clock = this.options.clock ?? (() => new Date());
    const started = clock().getTime();
    let resolved: Resolved;
    try {
      resolved = await this.resolve();
    } catch (err) {
      this.writeLog(action, undefined, err, 0, clock().getTime() - started);
      throw err;
    }
    const outcome = await withRetry(() => this.send(action, flat, resolved), {
      policy: this.retryPolicy,
      canRetry: (err) => shouldRetry(err, action, hasToken),
      random: this.options.random,
      sleep: this.options.sleep,
      now: () => clock().getTime(),
    });
    const duration = clock().getTime() - started;
    if (outcome.ok) {
      this.writeLog(action, outcome.value, undefined, outcome.attempts, duration);
      return outcome.value.body as ResponseOf<A>;
    }
    const error = outcome.error;
    if (error instanceof EiamApiError || error instanceof EiamTransportError) {
      error.attempts = outcome.attempts;
    }
    this.writeLog(action, undefined, error, outcome.attempts, duration);
    throw error;
  }

  /**
   * Iterates over every item of a list operation, page by page (`PageNumber`/`PageSize` or
   * `NextToken`/`MaxResults`, chosen from the request and the operation).
   */
  paginate<A extends OperationName, K extends ListFieldOf<ResponseOf<A>> = ListFieldOf<ResponseOf<A>>>(
    action: A,
    request: RequestOf<A>,
    options: PaginateOptions<K> = {},
  ): AsyncGenerator<ListItemOf<ResponseOf<A>, K>, void, undefined> {
    return paginate<ListItemOf<ResponseOf<A>, K>>(
      (page) => this.call(action, page as RequestOf<A>) as Promise<Record<string, unknown>>,
      request as Record<string, unknown>,
      { ...options, field: options.field ?? this.listFieldOf(action), paramNames: this.paramNamesOf(action) },
    );
  }

  /** Collects every item of a list operation into an array (see {@link EiamClient.paginate}). */
  listAll<A extends OperationName, K extends ListFieldOf<ResponseOf<A>> = ListFieldOf<ResponseOf<A>>>(
    action: A,
    request: RequestOf<A>,
    options: PaginateOptions<K> = {},
  ): Promise<Array<ListItemOf<ResponseOf<A>, K>>> {
    return listAll<ListItemOf<ResponseOf<A>, K>>(
      (page) => this.call(action, page as RequestOf<A>) as Promise<Record<string, unknown>>,
      request as Record<string, unknown>,
      { ...options, field: options.field ?? this.listFieldOf(action), paramNames: this.paramNamesOf(action) },
    );
  }

  /** Destroys the keep-alive connections; later calls are refused. */
  close(): void {
    this.closed = true;
    this.transport.close();
  }

  private paramNamesOf(action: OperationName): string[] {
    return OPERATIONS[action]?.request.map((p) => p.name) ?? [];
  }

  /** The single array field of the operation's response spec, if there is exactly one. */
  private listFieldOf(action: OperationName): string | undefined {
    const fields = Object.entries(OPERATIONS[action]?.response ?? {}).filter(([, s]) => s.type === 'array');
    return fields.length === 1 ? fields[0][0] : undefined;
  }

  private resolve(): Promise<Resolved> {
    // Temporary credentials (role assumption, credentials URI, ECS role) are resolved again
    // once their `refreshAfter` has passed.
    if (this.resolvedUntil !== undefined && this.nowMs() >= this.resolvedUntil) {
      this.resolving = undefined;
      this.resolvedUntil = undefined;
    }
    if (!this.resolving) {
      const resolving = this.resolveNow();
      this.resolving = resolving;
      // A failed resolution (e.g. credentials not yet in place) is retried on the next call.
      resolving.then(
        (r) => (this.resolvedUntil = r.credentials.refreshAfter),
        () => (this.resolving = undefined),
      );
    }
    return this.resolving;
  }

  /** The client's clock in epoch ms (the `clock` option, for tests). */
  private nowMs(): number {
    return (this.options.clock ?? (() => new Date()))().getTime();
  }

  private async resolveNow(): Promise<Resolved> {
    const o = this.options;
    const credentials = await resolveCredentials({
      accessKeyId: o.accessKeyId,
      accessKeySecret: o.accessKeySecret,
      securityToken: o.securityToken,
      region: o.region,
      profile: o.profile,
      env: o.env,
      homeDir: o.homeDir,
      now: () => this.nowMs(),
    });
    const url = parseEndpoint(o.endpoint ?? defaultEndpoint(credentials.region));
    return { credentials, origin: url.origin, host: url.host };
  }

  /** Signs and sends one attempt (fresh date and nonce each time). */
  private send(action: string, flat: FlatParamMap, resolved: Resolved): Promise<TransportResponse> {
    const date = (this.options.clock ?? (() => new Date()))();
    const nonce = (this.options.nonce ?? randomUUID)();
    const body = formEncode(flat);
    const contentType = 'application/x-www-form-urlencoded';
    const base = { action, endpoint: resolved.origin, body };
    if (this.options.signatureVersion === 'rpc') {
      const signed = signRpc({
        action,
        version: API_VERSION,
        params: flat,
        credentials: resolved.credentials,
        date,
        nonce,
      });
      return this.transport.send({
        ...base,
        url: `${resolved.origin}/?${formEncode(signed.commonParams)}`,
        headers: {
          host: resolved.host,
          'content-type': contentType,
          'x-acs-action': action,
          'x-acs-version': API_VERSION,
        },
      });
    }
    const signed = signV3({
      host: resolved.host,
      action,
      version: API_VERSION,
      body,
      contentType,
      credentials: resolved.credentials,
      date,
      nonce,
    });
    return this.transport.send({ ...base, url: `${resolved.origin}/`, headers: signed.headers });
  }

  private writeLog(
    action: string,
    response: TransportResponse | undefined,
    error: unknown,
    attempts: number,
    durationMs: number,
  ): void {
    if (!this.log) return;
    let status = response ? String(response.status) : '-';
    let requestId = response?.requestId ?? '-';
    let code = '-';
    if (error instanceof EiamApiError) {
      status = String(error.httpStatus);
      requestId = error.requestId ?? '-';
      code = error.code;
    } else if (error instanceof EiamTransportError) {
      code = error.code;
    } else if (error instanceof Error) {
      code = error.name;
    }
    try {
      this.log(
        `[eiam] action=${action} requestId=${requestId} status=${status} code=${code} attempts=${attempts} durationMs=${durationMs}`,
      );
    } catch {
      // A failing logger must not fail the call.
    }
  }
}
