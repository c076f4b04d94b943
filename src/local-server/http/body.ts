/** Reading a request body with a size limit. */
import type { IncomingMessage } from 'node:http';
import { gatewayErrors } from './errors';

/** Default largest request body accepted: 1 MiB. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Raised when the client went away while its body was being read; nothing can be answered. */
export class ClientAbortedError extends Error {
  /** Creates the error. */
  constructor() {
    super('The client closed the connection before the request body was complete.');
    this.name = 'ClientAbortedError';
  }
}

/**
 * Reads the whole body of `req`. Past `limitBytes` it rejects with `RequestBodyTooLarge`
 * at once and discards the remainder (the connection is then closed by the response).
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  return new Promise<Buffer>((resolve, reject) => {
    if (Number.isFinite(declared) && declared > limitBytes) {
      req.resume();
      reject(gatewayErrors.bodyTooLarge(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer): void => {
      if (settled) return;
      size += chunk.length;
      if (size > limitBytes) {
        settled = true;
        chunks.length = 0;
        reject(gatewayErrors.bodyTooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.once('error', () => {
      if (settled) return;
      settled = true;
      reject(new ClientAbortedError());
    });
    req.once('close', () => {
      if (settled) return;
      if (!req.complete) {
        settled = true;
        reject(new ClientAbortedError());
      }
    });
  });
}
