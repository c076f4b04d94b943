/** The secret material a request is signed with. */
export interface SigningCredentials {
  /** AccessKey ID; travels in the clear (Authorization header or `AccessKeyId`). */
  readonly accessKeyId: string;
  /** AccessKey secret; only ever used as an HMAC key. */
  readonly accessKeySecret: string;
  /** STS security token, when the key pair is temporary. */
  readonly securityToken?: string;
}

/** Header map as Node's `IncomingMessage.headers` delivers it (names may be in any case). */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Flat string parameters: a decoded query string or form body. */
export type FlatParams = Readonly<Record<string, string>>;

/** The parts of a received HTTP request that signature verification needs. */
export interface ReceivedRequest {
  /** HTTP method, e.g. `POST`. */
  readonly method: string;
  /** Request path without the query string, e.g. `/`. */
  readonly path: string;
  /** Decoded query parameters (see `parseFormEncoded` in the encoding module). */
  readonly query: FlatParams;
  /** Request headers. */
  readonly headers: HeaderMap;
  /** The raw body bytes exactly as received (empty when there is none). */
  readonly body: Uint8Array | string;
}
