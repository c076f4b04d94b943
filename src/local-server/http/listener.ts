/**
 * The HTTP request pipeline of the local server:
 * read body → decode → authenticate → resolve action/version → faults → parse params →
 * dispatch → JSON response; plus the unauthenticated `/_local/*` control paths, among them the
 * read-only directory view (`/_local/view`, `/_local/overview`), answered to loopback peers only.
 *
 * Every API call produces exactly one log line and one counter update; every failure goes
 * through `renderError`, the single mapping from thrown values to the wire.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_VERSION, OPERATIONS, type OperationName } from '../../catalog';
import type { FaultInjector } from '../faults';
import type { Authenticator } from './auth';
import { ClientAbortedError, readBody } from './body';
import { Counters, NO_ACTION } from './counters';
import type { Dispatcher } from './dispatcher';
import { GatewayError, gatewayErrors, renderError } from './errors';
import { checkUrlEncoded, decodeJsonBody, decodeUrlEncoded } from './form';
import { parseOperationParams } from './params';
import { formatRequestLine, type LogSink, type RecentRequests } from './request-log';
import { VIEW_PAGE_HTML } from './view-page';

/** Path prefix of the local control endpoints (never authenticated, never faulted). */
export const CONTROL_PREFIX = '/_local/';

/** Everything the pipeline needs; owned by the server. */
export interface PipelineContext {
  readonly authenticator: Authenticator;
  readonly dispatcher: Dispatcher;
  readonly counters: Counters;
  readonly faults?: FaultInjector;
  readonly log?: LogSink;
  readonly clock: () => number;
  readonly bodyLimitBytes: number;
  /** Latency added to every API call, in ms. */
  readonly latencyMs: number;
  /** True once the server is stopping: late requests are not dispatched any more. */
  readonly isStopping: () => boolean;
  /** The last finished calls, for the directory view. */
  readonly recent?: RecentRequests;
  /** The read-only overview of the service's state, for the directory view. */
  readonly overview?: () => unknown;
}

const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

function isOperation(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, name);
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', JSON_CONTENT_TYPE);
  res.setHeader('content-length', Buffer.byteLength(payload));
  res.setHeader('x-acs-request-id', requestId);
  if (close) res.setHeader('connection', 'close');
  res.end(payload);
}

function hostIdOf(req: IncomingMessage): string {
  const host = req.headers.host;
  return typeof host === 'string' && /^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? host : 'eiam.local';
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase();
}

/** State of one API call as it moves through the pipeline, for the log line and counters. */
interface CallRecord {
  action: string;
  readonly requestId: string;
  readonly startedAt: number;
}

/**
 * Counts and logs a finished call. `status` 0 means no response was sent: `dropped` for a fault
 * injection drop (counted apart), otherwise `code` says why (`ClientAborted`, `ServerStopping`).
 */
function finish(
  ctx: PipelineContext,
  call: CallRecord,
  status: number,
  code?: string,
  dropped = false,
): void {
  if (dropped) ctx.counters.recordDrop(call.action);
  else ctx.counters.record(call.action, code);
  const entry = {
    action: call.action,
    status,
    code: dropped ? 'ConnectionDropped' : code,
    durationMs: Math.round(performance.now() - call.startedAt),
    requestId: call.requestId,
  };
  ctx.recent?.add(entry);
  ctx.log?.(formatRequestLine(entry));
}

/** Resolves and checks the action and version of an authenticated call. */
function resolveOperation(action: string | undefined, version: string | undefined): OperationName {
  if (!action) throw gatewayErrors.missing('Action');
  if (!version) throw gatewayErrors.missing('Version');
  if (version !== API_VERSION) throw gatewayErrors.invalidVersion();
  if (!isOperation(action)) throw gatewayErrors.actionNotFound();
  return action;
}

async function handleApiCall(
  ctx: PipelineContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  rawQuery: string,
  call: CallRecord,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST') throw gatewayErrors.methodNotAllowed(req.method ?? '');
  const body = await readBody(req, ctx.bodyLimitBytes);
  const query = decodeUrlEncoded(rawQuery, 'query string');
  const claimed = req.headers['x-acs-action'] ?? query.Action;
  if (typeof claimed === 'string' && isOperation(claimed)) call.action = claimed;
  const type = mediaType(req);
  const bodyText = body.length > 0 ? body.toString('utf8') : '';
  let jsonParams: Record<string, string> | undefined;
  if (bodyText.length > 0) {
    if (type === 'application/x-www-form-urlencoded') checkUrlEncoded(bodyText, 'body');
    else if (type === 'application/json') jsonParams = decodeJsonBody(bodyText);
    else throw gatewayErrors.malformedRequest(`unsupported body content type "${type.slice(0, 64)}"`);
  }
  const auth = ctx.authenticator.authenticate({
    method: req.method,
    path,
    query,
    headers: req.headersDistinct,
    body,
  });
  if (jsonParams !== undefined && auth.scheme !== 'v3') {
    throw gatewayErrors.malformedRequest('a JSON body is only accepted with signature V3, which covers it');
  }
  const action = resolveOperation(auth.action, auth.version);
  call.action = action;

  const fault = ctx.faults?.decide();
  const delayMs = ctx.latencyMs + (fault?.delayMs ?? 0);
  if (delayMs > 0) await sleep(delayMs, undefined, { ref: false });
  if (ctx.isStopping()) {
    res.destroy();
    return finish(ctx, call, 0, 'ServerStopping');
  }
  if (fault?.kind === 'drop') {
    req.socket.destroy();
    return finish(ctx, call, 0, undefined, true);
  }
  if (fault?.kind === 'error') throw fault.error;

  const params = parseOperationParams(OPERATIONS[action], { ...auth.params, ...jsonParams });
  const result = ctx.dispatcher.execute(action, params, call.requestId, ctx.clock());
  send(res, 200, { ...result, RequestId: call.requestId }, call.requestId);
  finish(ctx, call, 200);
}

/** Paths of the directory view: read-only, and only for peers on this machine. */
const VIEW_PATHS = new Set(['/_local/view', '/_local/overview']);

/** True for a peer address on the loopback network (127.0.0.0/8, ::1, IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * The directory view. It is unauthenticated, so it answers only loopback peers (a server
 * listening on another interface must not show its directory to the network) and only reads.
 */
function handleView(ctx: PipelineContext, req: IncomingMessage, res: ServerResponse, path: string): void {
  const requestId = randomUUID().toUpperCase();
  const refuse = (status: number, code: string, message: string) => {
    const rendered = renderError(new GatewayError(code, status, message), requestId, hostIdOf(req));
    send(res, rendered.status, rendered.body, requestId);
  };
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return refuse(
      403,
      'Forbidden.NotLoopback',
      'The directory view answers requests from this machine only.',
    );
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return refuse(405, 'MethodNotAllowed', 'The directory view is read-only: use GET.');
  }
  res.setHeader('cache-control', 'no-store');
  if (path === '/_local/overview') {
    const overview = (ctx.overview?.() ?? { instances: [] }) as object;
    return send(
      res,
      200,
      { ...overview, requests: ctx.recent?.list() ?? [], generatedAt: new Date(ctx.clock()).toISOString() },
      requestId,
    );
  }
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html;charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(VIEW_PAGE_HTML));
  // Everything is inline; nothing may be loaded from elsewhere.
  res.setHeader(
    'content-security-policy',
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
  );
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(req.method === 'HEAD' ? undefined : VIEW_PAGE_HTML);
}

function handleControl(ctx: PipelineContext, req: IncomingMessage, res: ServerResponse, path: string): void {
  if (VIEW_PATHS.has(path)) return handleView(ctx, req, res, path);
  const requestId = randomUUID().toUpperCase();
  const route = `${req.method ?? ''} ${path}`;
  switch (route) {
    case 'GET /_local/health':
      return send(res, 200, { Status: 'ok', RequestId: requestId }, requestId);
    case 'GET /_local/counters':
      return send(res, 200, { Counters: ctx.counters.snapshot(), RequestId: requestId }, requestId);
    case 'POST /_local/counters/reset':
      ctx.counters.reset();
      return send(res, 200, { RequestId: requestId }, requestId);
    case 'POST /_local/reset':
      ctx.dispatcher.reset();
      return send(res, 200, { RequestId: requestId }, requestId);
    default: {
      const error = new GatewayError(
        'InvalidAction.NotFound',
        404,
        `No control endpoint ${route.slice(0, 80)}.`,
      );
      const rendered = renderError(error, requestId, hostIdOf(req));
      return send(res, rendered.status, rendered.body, requestId);
    }
  }
}

/** Builds the `request` listener of the HTTP server. */
export function createRequestListener(
  ctx: PipelineContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const rawQuery = q === -1 ? '' : url.slice(q + 1);
    if (path.startsWith(CONTROL_PREFIX)) {
      try {
        handleControl(ctx, req, res, path);
      } catch (err) {
        const rendered = renderError(err, 'control', hostIdOf(req));
        send(res, rendered.status, rendered.body, 'control');
      }
      return;
    }
    const call: CallRecord = {
      action: NO_ACTION,
      requestId: randomUUID().toUpperCase(),
      startedAt: performance.now(),
    };
    const run =
      path === '/'
        ? handleApiCall(ctx, req, res, path, rawQuery, call)
        : Promise.reject(gatewayErrors.actionNotFound());
    run.catch((err: unknown) => {
      if (err instanceof ClientAbortedError) {
        res.destroy();
        return finish(ctx, call, 0, 'ClientAborted');
      }
      const rendered = renderError(err, call.requestId, hostIdOf(req));
      if (rendered.unexpected) {
        ctx.log?.(
          `unexpected error in ${call.action} (request ${call.requestId}): ${(err as Error)?.stack ?? String(err)}`,
        );
      }
      const close = rendered.status === 413;
      send(res, rendered.status, rendered.body, call.requestId, close);
      finish(ctx, call, rendered.status, rendered.body.Code);
    });
  };
}
