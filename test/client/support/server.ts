import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFormEncoded } from '../../../src/client';

/** One request as the test server received it. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly query: Record<string, string>;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** Query and form fields merged. */
  readonly params: Record<string, string>;
}

/** Handler of the test server: answer with `res`, or destroy `req.socket`. */
export type Handler = (
  received: Received,
  res: http.ServerResponse,
  req: http.IncomingMessage,
) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 with an ephemeral port. */
export interface TestServer {
  readonly url: string;
  readonly requests: Received[];
  close(): Promise<void>;
}

/** Starts a server that records every request and hands it to `handler`. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const rawQuery = q < 0 ? '' : url.slice(q + 1);
      const body = Buffer.concat(chunks);
      const query = parseFormEncoded(rawQuery);
      const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
        ? parseFormEncoded(body.toString('utf8'))
        : {};
      const received: Received = {
        method: req.method ?? 'GET',
        path: q < 0 ? url : url.slice(0, q),
        rawQuery,
        query,
        headers: req.headers,
        body,
        params: { ...query, ...form },
      };
      requests.push(received);
      Promise.resolve(handler(received, res, req)).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ Code: 'TestHandlerError', Message: String(err) }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON response. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
