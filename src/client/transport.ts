/**
 * HTTP transport: one axios instance over keep-alive agents, a per-request timeout, a rate
 * governor spacing request starts (see `governor.ts`), and a semaphore bounding requests in
 * flight (a safety bound on sockets, not the throughput limit). It sends what it is given
 * (signing happens before) and turns the response into parsed JSON or an error.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { EiamApiError, isThrottling, wrapTransportError } from './errors';
import type { RateGovernor } from './governor';

/** A counting semaphore: at most `limit` holders at a time, the rest wait in FIFO order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  /** Creates a semaphore admitting `limit` holders (at least one). */
  constructor(readonly limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  /** Number of current holders. */
  get inUse(): number {
    return this.active;
  }

  /** Waits for a free slot; resolves to the function that gives it back (call it once). */
  async acquire(): Promise<() => void> {
    if (this.active < this.limit) {
      this.active++;
    } else {
      // The releasing holder hands its slot over directly, so `active` stays the same.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }

  /** Runs `task` while holding a slot. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}

/** How long a pooled keep-alive socket may sit idle before it is closed. */
export const IDLE_SOCKET_MS = 4_000;

/** Settings of a {@link Transport}. */
export interface TransportOptions {
  /** Time allowed for one request, from leaving the queue to the last body byte. */
  readonly timeoutMs: number;
  /** Most requests in flight at once. */
  readonly maxConcurrency: number;
  /** Spaces request starts to a rate budget; every attempt passes it. None: no rate limit. */
  readonly governor?: RateGovernor;
  /** `user-agent` header value. */
  readonly userAgent: string;
}

/** One HTTP request, fully built and signed. */
export interface TransportRequest {
  /** Action, for error messages. */
  readonly action: string;
  /** Endpoint origin, e.g. `https://eiam.cn-hangzhou.aliyuncs.com`, for error messages. */
  readonly endpoint: string;
  /** Full URL including any query string. */
  readonly url: string;
  /** Headers to send (the signed ones included). */
  readonly headers: Readonly<Record<string, string>>;
  /** Body to send. */
  readonly body: string;
}

/** A successful (2xx, no `Code`) response. */
export interface TransportResponse {
  /** HTTP status. */
  readonly status: number;
  /** Request ID from the body or the `x-acs-request-id` header. */
  readonly requestId?: string;
  /** Parsed JSON body. */
  readonly body: Record<string, unknown>;
}

function stringField(body: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = body?.[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Interprets a response: 2xx JSON without `Code` is success; anything else becomes an
 * {@link EiamApiError} (bodies that are not JSON get code `HTTP<status>` or `InvalidResponse`).
 */
export function interpretResponse(
  action: string,
  status: number,
  text: string,
  headerRequestId?: string,
): TransportResponse {
  const body = parseJsonObject(text);
  const requestId = stringField(body, 'RequestId') ?? headerRequestId;
  const code = stringField(body, 'Code');
  const ok = status >= 200 && status < 300;
  if (ok && body && !code) return { status, requestId, body };
  if (ok && !body) {
    throw new EiamApiError({
      action,
      code: 'InvalidResponse',
      message: `The service answered HTTP ${status} with a body that is not a JSON object.`,
      httpStatus: status,
      requestId,
    });
  }
  throw new EiamApiError({
    action,
    code: code ?? `HTTP${status}`,
    message:
      stringField(body, 'Message') ?? `The service answered HTTP ${status} without an error description.`,
    httpStatus: status,
    requestId,
    hostId: stringField(body, 'HostId'),
    recommend: stringField(body, 'Recommend'),
  });
}

/** Sends signed requests over pooled keep-alive connections. */
export class Transport {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly axios: AxiosInstance;
  /** The concurrency limit, shared by every request of this transport. */
  readonly semaphore: Semaphore;

  /** Creates the agents and the axios instance. */
  constructor(private readonly options: TransportOptions) {
    // Idle pooled sockets close after IDLE_SOCKET_MS, before a typical server's keep-alive
    // timeout (Node's default is 5 s), so a request rarely lands on a socket the server is
    // closing. The agent timeout only reaps idle sockets; requests have their own timeout.
    this.httpAgent = new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
    this.httpsAgent = new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
    this.semaphore = new Semaphore(options.maxConcurrency);
    this.axios = axios.create({
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      // Signed requests go straight to the endpoint: no proxy rewriting, no redirects.
      proxy: false,
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
    });
  }

  /**
   * Sends one request. Resolves with the parsed body of a successful response; rejects with
   * an `EiamApiError` for a service error or an `EiamTransportError` for a network failure.
   */
  send(request: TransportRequest): Promise<TransportResponse> {
    return this.semaphore.run(async () => {
      const governor = this.options.governor;
      if (!governor) return this.sendNow(request);
      await governor.acquire();
      try {
        return await this.sendNow(request);
      } catch (err) {
        // The budget was more than the service allows right now: slow every caller down.
        if (isThrottling(err)) governor.throttled();
        throw err;
      }
    });
  }

  private async sendNow(request: TransportRequest): Promise<TransportResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    try {
      const response = await this.axios.request<string>({
        method: 'POST',
        url: request.url,
        headers: { 'user-agent': this.options.userAgent, accept: 'application/json', ...request.headers },
        data: request.body,
        signal: controller.signal,
      });
      const headerRequestId = response.headers['x-acs-request-id'];
      return interpretResponse(
        request.action,
        response.status,
        typeof response.data === 'string' ? response.data : String(response.data ?? ''),
        typeof headerRequestId === 'string' ? headerRequestId : undefined,
      );
    } catch (err) {
      if (err instanceof EiamApiError) throw err;
      throw wrapTransportError(
        sanitize(err),
        request.action,
        request.endpoint,
        timedOut ? this.options.timeoutMs : undefined,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes idle keep-alive sockets and stops pooling. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/**
 * Strips an axios error down to its message and code: axios errors carry the request
 * config, body included, which must not travel on as an error `cause`.
 */
function sanitize(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const clean = new Error(message) as Error & { code?: string };
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') clean.code = code;
  return clean;
}
