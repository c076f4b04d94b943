/**
 * A loopback HTTP proxy in front of the local server that can lose answers: it forwards every
 * request unchanged, and for the calls `lose` picks it lets the server apply the call, reads the
 * whole answer, and then destroys the client's connection instead of relaying it. The client sees
 * a connection closed before a response (`ECONNRESET`), exactly like an answer lost on the way
 * back after the service acted.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Decides, per forwarded call (1-based sequence), whether its successful answer is lost. */
export type LosePredicate = (action: string, seq: number) => boolean;

/** A started proxy. */
export interface LostAnswerProxy {
  /** `http://127.0.0.1:<port>`: point the client or the stack at it. */
  readonly endpoint: string;
  /** Actions whose answers were lost, in order. */
  readonly lost: string[];
  /** Replaces the predicate (e.g. to stop losing answers). */
  setLose(lose: LosePredicate): void;
  /** Stops the proxy. */
  stop(): Promise<void>;
}

function actionOf(req: http.IncomingMessage): string {
  const header = req.headers['x-acs-action'];
  if (typeof header === 'string') return header;
  return new URL(req.url ?? '/', 'http://x').searchParams.get('Action') ?? '';
}

/** Starts a proxy on a free loopback port forwarding to `target` (an `http://` origin). */
export async function startLostAnswerProxy(target: string, lose: LosePredicate): Promise<LostAnswerProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const lost: string[] = [];
  let predicate = lose;
  let seq = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const action = actionOf(req);
      const n = ++seq;
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            if (answer.statusCode === 200 && action !== '' && predicate(action, n)) {
              lost.push(action);
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      forward.on('error', () => req.socket.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    lost,
    setLose: (next) => (predicate = next),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
