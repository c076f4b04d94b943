/**
 * Errors the client raises and the classifiers retry and resource code decide by.
 * No error message ever includes request parameters.
 */

/** Fields of an error the EIAM service returned. */
export interface EiamApiErrorFields {
  /** Action that failed, e.g. `CreateUser`. */
  readonly action: string;
  /** Service error code, e.g. `EntityNotExists.User`. */
  readonly code: string;
  /** Service error message. */
  readonly message: string;
  /** HTTP status of the response. */
  readonly httpStatus: number;
  /** Request ID for support tickets. */
  readonly requestId?: string;
  /** Host ID the service reported. */
  readonly hostId?: string;
  /** Diagnosis link the service recommended. */
  readonly recommend?: string;
}

/** Error returned by the EIAM service (a non-2xx response, or a body carrying `Code`). */
export class EiamApiError extends Error {
  override readonly name = 'EiamApiError';
  /** Action that failed. */
  readonly action: string;
  /** Service error code. */
  readonly code: string;
  /** Service error message, without the decoration of `message`. */
  readonly serviceMessage: string;
  /** HTTP status of the response. */
  readonly httpStatus: number;
  /** Request ID, when the service returned one. */
  readonly requestId?: string;
  /** Host ID, when the service returned one. */
  readonly hostId?: string;
  /** Diagnosis link, when the service returned one. */
  readonly recommend?: string;
  /** How many attempts were made before giving up (set by the client). */
  attempts = 1;

  constructor(fields: EiamApiErrorFields) {
    const requestId = fields.requestId ? ` (RequestId: ${fields.requestId})` : '';
    super(`EIAM ${fields.action} failed: ${fields.code}: ${fields.message}${requestId}`);
    this.action = fields.action;
    this.code = fields.code;
    this.serviceMessage = fields.message;
    this.httpStatus = fields.httpStatus;
    this.requestId = fields.requestId;
    this.hostId = fields.hostId;
    this.recommend = fields.recommend;
  }
}

/** What went wrong below HTTP. */
export type TransportFailureKind = 'timeout' | 'connection' | 'dns' | 'other';

/** Fields of a network-level failure. */
export interface EiamTransportErrorFields {
  /** Action being called. */
  readonly action: string;
  /** Endpoint URL (no query string). */
  readonly endpoint: string;
  /** System or library error code, e.g. `ECONNRESET`, `ETIMEDOUT`. */
  readonly code: string;
  /** Failure category. */
  readonly kind: TransportFailureKind;
  /** Short description of the failure. */
  readonly detail: string;
  /** Whether the request may already have reached the server. */
  readonly maybeSent: boolean;
  /** Underlying error. */
  readonly cause?: unknown;
}

/** A request that failed without an HTTP response: refused, reset, timed out, DNS failure. */
export class EiamTransportError extends Error {
  override readonly name = 'EiamTransportError';
  /** Action being called. */
  readonly action: string;
  /** Endpoint URL. */
  readonly endpoint: string;
  /** System or library error code. */
  readonly code: string;
  /** Failure category. */
  readonly kind: TransportFailureKind;
  /** Whether the request may already have reached the server (false for a refused connection). */
  readonly maybeSent: boolean;
  /** How many attempts were made before giving up (set by the client). */
  attempts = 1;

  constructor(fields: EiamTransportErrorFields) {
    super(`EIAM ${fields.action} request to ${fields.endpoint} failed: ${fields.detail} (${fields.code})`, {
      cause: fields.cause,
    });
    this.action = fields.action;
    this.endpoint = fields.endpoint;
    this.code = fields.code;
    this.kind = fields.kind;
    this.maybeSent = fields.maybeSent;
  }
}

/** A request the client refused to send: a required parameter is missing. */
export class EiamRequestValidationError extends Error {
  override readonly name = 'EiamRequestValidationError';
  /** Action that was called. */
  readonly action: string;
  /** Names of the missing required parameters. */
  readonly missing: readonly string[];

  constructor(action: string, missing: readonly string[]) {
    const noun = missing.length === 1 ? 'parameter' : 'parameters';
    super(`EIAM ${action}: missing required ${noun} ${missing.join(', ')}`);
    this.action = action;
    this.missing = missing;
  }
}

/** No usable credentials were found; the message lists where the client looked. */
export class EiamCredentialsError extends Error {
  override readonly name = 'EiamCredentialsError';
}

// Plain arrays, not Sets: when a provider is serialized by value, Pulumi's closure serializer
// turns a captured Set into a plain object and `.has` would throw.
/** System error codes meaning the connection broke or could not be made. */
const CONNECTION_CODES: readonly string[] = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
];
const TIMEOUT_CODES: readonly string[] = ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'];
/** Service codes meaning "try again later". */
const RETRYABLE_CODES: readonly string[] = [
  'ServiceUnavailable',
  'InternalError',
  'ServiceTimeout',
  'RequestTimeout',
];

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * True when the object does not exist: codes `EntityNotExists*` / `EntityNotExist*`, any code
 * ending `.NotFound` or `NotFound` (e.g. `InvalidInstanceId.NotFound`), or HTTP 404.
 */
export function isNotFound(err: unknown): boolean {
  if (!(err instanceof EiamApiError)) return false;
  return err.httpStatus === 404 || err.code.startsWith('EntityNotExist') || err.code.endsWith('NotFound');
}

/** True when the service throttled the call: codes starting `Throttling`, or HTTP 429. */
export function isThrottling(err: unknown): boolean {
  return err instanceof EiamApiError && (err.httpStatus === 429 || err.code.startsWith('Throttling'));
}

/**
 * True when trying the same request again may succeed: throttling, HTTP 5xx,
 * `ServiceUnavailable` / `InternalError`, and network failures (reset, refused, timed out,
 * temporary DNS failure).
 */
export function isRetryable(err: unknown): boolean {
  if (err instanceof EiamApiError) {
    return isThrottling(err) || err.httpStatus >= 500 || RETRYABLE_CODES.includes(err.code);
  }
  if (err instanceof EiamTransportError) return err.kind !== 'other';
  const code = codeOf(err);
  return (
    code !== undefined &&
    (CONNECTION_CODES.includes(code) || TIMEOUT_CODES.includes(code) || code === 'EAI_AGAIN')
  );
}

/**
 * True when the error proves the service never acted on the request, so even a
 * non-idempotent call can be repeated safely: throttling, or a refused connection.
 */
export function isNeverExecuted(err: unknown): boolean {
  if (isThrottling(err)) return true;
  return err instanceof EiamTransportError && !err.maybeSent;
}

/**
 * True when the outcome of the failed call is unknown: the failure is transient (a 5xx answer,
 * a connection that broke or timed out after the request went out) and does not prove the
 * service never acted on it. A create that fails so may have made its object.
 */
export function isAmbiguous(err: unknown): boolean {
  return isRetryable(err) && !isNeverExecuted(err);
}

/** True when the service refused a create because the object's unique key is taken. */
export function isAlreadyExists(err: unknown): boolean {
  return err instanceof EiamApiError && err.code.startsWith('EntityAlreadyExists');
}

/**
 * Wraps a low-level network error (from Node or axios) as an {@link EiamTransportError}
 * naming the endpoint and action. `timedOutAfterMs` marks a client-side timeout.
 */
export function wrapTransportError(
  err: unknown,
  action: string,
  endpoint: string,
  timedOutAfterMs?: number,
): EiamTransportError {
  if (err instanceof EiamTransportError) return err;
  const code = codeOf(err) ?? 'EUNKNOWN';
  const base = { action, endpoint, cause: err };
  if (timedOutAfterMs !== undefined) {
    return new EiamTransportError({
      ...base,
      code: 'ETIMEDOUT',
      kind: 'timeout',
      detail: `no response within ${timedOutAfterMs} ms`,
      maybeSent: true,
    });
  }
  if (TIMEOUT_CODES.includes(code)) {
    return new EiamTransportError({
      ...base,
      code,
      kind: 'timeout',
      detail: 'the connection timed out',
      maybeSent: true,
    });
  }
  if (code === 'ECONNREFUSED') {
    return new EiamTransportError({
      ...base,
      code,
      kind: 'connection',
      detail: 'connection refused',
      maybeSent: false,
    });
  }
  if (CONNECTION_CODES.includes(code) || /socket hang up/i.test(String((err as Error)?.message))) {
    return new EiamTransportError({
      ...base,
      code: code === 'EUNKNOWN' ? 'ECONNRESET' : code,
      kind: 'connection',
      detail: 'the connection was closed before a response arrived',
      maybeSent: true,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new EiamTransportError({
      ...base,
      code,
      kind: code === 'EAI_AGAIN' ? 'dns' : 'other',
      detail: 'the endpoint host name could not be resolved',
      maybeSent: false,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new EiamTransportError({ ...base, code, kind: 'other', detail: message, maybeSent: true });
}
