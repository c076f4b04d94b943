/**
 * The four ways the over-HTTP tests reach the local server: the project's own `EiamClient` and
 * Alibaba's generic `@alicloud/openapi-client` (`callApi`, style RPC), each signing with V3
 * (`ACS3-HMAC-SHA256`) and with the classic RPC signature (`HMAC-SHA1`).
 */
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import OpenApiUtil from '@alicloud/openapi-util';
import { RuntimeOptions } from '@alicloud/tea-util';
import { API_VERSION, type OperationName } from '../../../src/catalog';
import { EiamClient, type RequestOf } from '../../../src/client';
import type { LocalServer } from '../../../src/local-server';

/** A successful call as the client under test parsed it. */
export interface WireReply {
  /** The response body the client parsed (a JSON object). */
  readonly body: Record<string, unknown>;
  /** HTTP status, when the client exposes it. */
  readonly status?: number;
  /** `x-acs-request-id` header, when the client exposes headers. */
  readonly requestIdHeader?: string;
}

/** A client under test, bound to one server. */
export interface WireClient {
  /** Calls `action` with nested `request` parameters; rejects with the client's own error. */
  call(action: string, request: Readonly<Record<string, unknown>>): Promise<WireReply>;
  /** Releases connections. */
  close(): void;
}

/** One client and signature combination. */
export interface WireCombo {
  /** Test-name label, e.g. `own client, signature V3`. */
  readonly name: string;
  /** Which client library. */
  readonly library: 'own' | 'official';
  /** Which signature. */
  readonly signature: 'v3' | 'rpc';
  /** Creates the client for `server`. */
  connect(server: LocalServer): WireClient;
}

function ownClient(server: LocalServer, signatureVersion: 'v3' | 'rpc'): WireClient {
  const client = new EiamClient({
    endpoint: server.endpoint,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    signatureVersion,
    retry: { maxAttempts: 1 },
  });
  return {
    async call(action, request) {
      const op = action as OperationName;
      const body = await client.call(op, request as RequestOf<typeof op>);
      return { body: body as Record<string, unknown> };
    },
    close: () => client.close(),
  };
}

/** `callApi` parameters of an EIAM RPC operation, as a generated SDK would pass them. */
function rpcParams(action: string): Params {
  return new Params({
    action,
    version: API_VERSION,
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    bodyType: 'json',
    reqBodyType: 'formData',
  });
}

function officialClient(server: LocalServer, signature: 'v3' | 'rpc'): WireClient {
  const client = new OpenApiClient(
    new Config({
      accessKeyId: server.accessKeyId,
      accessKeySecret: server.accessKeySecret,
      endpoint: `${server.host}:${server.port}`,
      protocol: 'http',
      // The SDK signs V3 by default; `v2` selects the classic RPC signature (HMAC-SHA1).
      signatureAlgorithm: signature === 'rpc' ? 'v2' : undefined,
    }),
  );
  const runtime = new RuntimeOptions({ autoretry: false });
  return {
    async call(action, request) {
      // Generated SDKs flatten RPC parameters into the query with `OpenApiUtil.query`.
      const res = await client.callApi(
        rpcParams(action),
        new OpenApiRequest({ query: OpenApiUtil.query({ ...request }) }),
        runtime,
      );
      const header = res.headers?.['x-acs-request-id'];
      return {
        body: res.body as Record<string, unknown>,
        status: res.statusCode as number,
        requestIdHeader: typeof header === 'string' ? header : undefined,
      };
    },
    close: () => undefined,
  };
}

/** The four combinations every operation runs through. */
export const WIRE_COMBOS: readonly WireCombo[] = [
  { name: 'own client, signature V3', library: 'own', signature: 'v3', connect: (s) => ownClient(s, 'v3') },
  {
    name: 'own client, RPC signature',
    library: 'own',
    signature: 'rpc',
    connect: (s) => ownClient(s, 'rpc'),
  },
  {
    name: 'official client, signature V3',
    library: 'official',
    signature: 'v3',
    connect: (s) => officialClient(s, 'v3'),
  },
  {
    name: 'official client, RPC signature',
    library: 'official',
    signature: 'rpc',
    connect: (s) => officialClient(s, 'rpc'),
  },
];
