/**
 * Test support for the local server: start it on 127.0.0.1:0, send signed API calls (signed
 * with the client's own signer), send raw HTTP for malformed-input tests.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { API_VERSION, OPERATIONS, type OperationName } from '../../../src/catalog';
import { flatten, formEncode } from '../../../src/client/encoding';
import { signRpc, signV3 } from '../../../src/client/signing';
import type { HandlerTable } from '../../../src/local-server/http/dispatcher';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../../src/local-server';

/** A parsed HTTP response. */
export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  /** The JSON body (`undefined` when it is not JSON). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

/** Raw request description. */
export interface RawRequest {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Reuse connections (default: a fresh agent-less connection). */
  readonly agent?: http.Agent;
}

/** Sends one raw HTTP request to `server`. */
export function rawRequest(server: Pick<LocalServer, 'host' | 'port'>, req: RawRequest = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body =
      req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
    const r = http.request(
      {
        host: server.host,
        port: server.port,
        method: req.method ?? 'POST',
        path: req.path ?? '/',
        headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...req.headers },
        agent: req.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

/** How to sign a test call. */
export interface CallOptions {
  readonly scheme?: 'v3' | 'rpc';
  readonly date?: Date;
  readonly nonce?: string;
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  readonly securityToken?: string;
  readonly method?: 'GET' | 'POST';
  readonly version?: string;
  readonly agent?: http.Agent;
}

/** Sends a correctly signed API call with nested `params` flattened onto the wire. */
export function callApi(
  server: LocalServer,
  action: string,
  params: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<Reply> {
  return rawRequest(server, signedRequest(server, action, flatten(params), options));
}

/** Builds (without sending) a signed request for already-flat `params`. */
export function signedRequest(
  server: LocalServer,
  action: string,
  flat: Record<string, string>,
  options: CallOptions = {},
): RawRequest {
  const credentials = {
    accessKeyId: options.accessKeyId ?? server.accessKeyId,
    accessKeySecret: options.accessKeySecret ?? server.accessKeySecret,
    securityToken: options.securityToken,
  };
  const date = options.date ?? new Date();
  const nonce = options.nonce ?? randomUUID();
  const version = options.version ?? API_VERSION;
  const method = options.method ?? 'POST';
  if ((options.scheme ?? 'v3') === 'v3') {
    const host = `${server.host}:${server.port}`;
    if (method === 'GET') {
      const signed = signV3({ method, host, action, version, query: flat, credentials, date, nonce });
      return { method, path: `/?${formEncode(flat)}`, headers: signed.headers, agent: options.agent };
    }
    const body = formEncode(flat);
    const contentType = 'application/x-www-form-urlencoded';
    const signed = signV3({ method, host, action, version, body, contentType, credentials, date, nonce });
    return { method, path: '/', headers: signed.headers, body, agent: options.agent };
  }
  const signed = signRpc({ method, action, version, params: flat, credentials, date, nonce });
  if (method === 'GET') {
    return { method, path: `/?${formEncode({ ...flat, ...signed.commonParams })}`, agent: options.agent };
  }
  return {
    method,
    path: `/?${formEncode(signed.commonParams)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: formEncode(flat),
    agent: options.agent,
  };
}

/** A handler table that echoes the parameters back, for HTTP-layer tests. */
export function echoHandlers(overrides: Partial<HandlerTable> = {}): HandlerTable {
  const table = {} as Record<OperationName, HandlerTable[OperationName]>;
  for (const op of Object.keys(OPERATIONS) as OperationName[]) {
    table[op] = overrides[op] ?? ((_ctx, params) => ({ Echo: params }));
  }
  return table;
}

const started = new Set<LocalServer>();

/** Starts a quiet server on a free port with `instanceCreationDelayMs: 0`. */
export async function startTestServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const server = await startLocalServer({ port: 0, log: false, instanceCreationDelayMs: 0, ...options });
  started.add(server);
  return server;
}

/** Stops every server {@link startTestServer} started and that is still running (use in `afterEach`). */
export async function stopTestServers(): Promise<void> {
  const servers = [...started];
  started.clear();
  await Promise.all(servers.map((s) => s.stop()));
}
