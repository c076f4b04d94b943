/**
 * Watches the HTTP requests this process sends to one port (through Node's
 * `http.client.request.start` diagnostics channel, which both clients' HTTP stacks go through),
 * so a test can tell which signature scheme a client really used.
 */
import diagnostics_channel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** What a sent request looked like on the wire. */
export interface SentRequest {
  readonly method: string;
  /** Path with the query string. */
  readonly path: string;
  /** The `authorization` header, when there was one. */
  readonly authorization?: string;
}

const CHANNEL = 'http.client.request.start';

/** Records requests to `127.0.0.1:<port>` between {@link start} and {@link stop}. */
export class RequestRecorder {
  private sent: SentRequest[] = [];
  private readonly onRequest = (message: unknown): void => {
    const request = (message as { request: ClientRequest }).request;
    if (String(request.getHeader('host')) !== `127.0.0.1:${this.port}`) return;
    const authorization = request.getHeader('authorization');
    this.sent.push({
      method: request.method,
      path: request.path,
      authorization: authorization === undefined ? undefined : String(authorization),
    });
  };

  constructor(private readonly port: number) {}

  /** Starts recording. */
  start(): void {
    diagnostics_channel.subscribe(CHANNEL, this.onRequest);
  }

  /** Stops recording. */
  stop(): void {
    diagnostics_channel.unsubscribe(CHANNEL, this.onRequest);
  }

  /** Returns the requests recorded since the last call and forgets them. */
  take(): SentRequest[] {
    const sent = this.sent;
    this.sent = [];
    return sent;
  }
}

/** The signature scheme a recorded request carries: `v3`, `rpc`, or `none`. */
export function signatureSchemeOf(request: SentRequest): 'v3' | 'rpc' | 'none' {
  if (request.authorization?.startsWith('ACS3-HMAC-SHA256 ')) return 'v3';
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  if (
    query.get('SignatureMethod') === 'HMAC-SHA1' &&
    query.get('SignatureVersion') === '1.0' &&
    query.has('Signature')
  )
    return 'rpc';
  return 'none';
}
