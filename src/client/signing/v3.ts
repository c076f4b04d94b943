/**
 * Alibaba Cloud signature V3 (`ACS3-HMAC-SHA256`), one canonicalization step per function.
 *
 * canonical request = METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
 *                     SignedHeaders \n HashedPayload
 * string to sign    = ACS3-HMAC-SHA256 \n hex(sha256(canonical request))
 * signature         = hex(hmac-sha256(AccessKeySecret, string to sign))
 */
import { hmacSha256Hex, sha256Hex } from './crypto';
import { percentDecode, percentEncode } from './percent-encode';
import { formatAcsTimestamp } from './timestamp';
import type { FlatParams, HeaderMap, SigningCredentials } from './types';

/** Algorithm name that prefixes the string to sign and the Authorization header. */
export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** Hex SHA-256 of the request body: the `x-acs-content-sha256` header and the hashed payload. */
export function hashPayload(body: string | Uint8Array): string {
  return sha256Hex(body);
}

/**
 * Canonical URI: each path segment percent-encoded (segments are decoded first, so an
 * already-encoded path from the wire canonicalizes the same as the path the client meant).
 * An empty path is `/`.
 */
export function canonicalUri(path: string): string {
  if (path === '') return '/';
  return path
    .split('/')
    .map((segment) => percentEncode(percentDecode(segment)))
    .join('/');
}

/**
 * Canonical query string: parameters sorted by name (UTF-16 code unit order, as the official
 * SDKs sort), each written `encode(name)=encode(value)` and joined with `&`.
 */
export function canonicalQueryString(query: FlatParams): string {
  return Object.keys(query)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(query[name] ?? '')}`)
    .join('&');
}

/** Whether a header takes part in the V3 signature by default: `host`, `content-type`, `x-acs-*`. */
export function isSignableHeader(lowerName: string): boolean {
  return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}

/** Values of a header map grouped by lower-cased name; repeated headers keep every value. */
function lowerCaseHeaders(headers: HeaderMap): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const values = typeof raw === 'string' ? [raw] : [...raw];
    const key = name.toLowerCase();
    grouped.set(key, [...(grouped.get(key) ?? []), ...values]);
  }
  return grouped;
}

/**
 * The signed-headers list: lower-cased, sorted names of the signable headers present.
 * A verifier should instead use the list the Authorization header declares.
 */
export function signedHeaderNames(headers: HeaderMap): string[] {
  return [...lowerCaseHeaders(headers).keys()].filter(isSignableHeader).sort();
}

/**
 * Canonical headers block: for each name in `signedHeaders` (lower-case, sorted), a line
 * `name:value\n` with the value trimmed; repeated headers are sorted and joined with `,`.
 */
export function canonicalHeaders(headers: HeaderMap, signedHeaders: readonly string[]): string {
  const grouped = lowerCaseHeaders(headers);
  return [...signedHeaders]
    .map((name) => name.toLowerCase())
    .sort()
    .map((name) => {
      const values = (grouped.get(name) ?? []).map((v) => v.trim()).sort();
      return `${name}:${values.join(',')}\n`;
    })
    .join('');
}

/** Everything the V3 canonical request is made of. */
export interface V3CanonicalInput {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Request path, `/` for RPC-style APIs. */
  readonly path: string;
  /** Query parameters (decoded). */
  readonly query: FlatParams;
  /** Request headers (any case). */
  readonly headers: HeaderMap;
  /** Names of the headers covered by the signature (lower case). */
  readonly signedHeaders: readonly string[];
  /** Hex SHA-256 of the body. */
  readonly hashedPayload: string;
}

/** Builds the V3 canonical request string. */
export function canonicalRequestV3(input: V3CanonicalInput): string {
  const signed = [...input.signedHeaders].map((n) => n.toLowerCase()).sort();
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    canonicalHeaders(input.headers, signed),
    signed.join(';'),
    input.hashedPayload,
  ].join('\n');
}

/** Builds the V3 string to sign from a canonical request. */
export function stringToSignV3(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** Computes the hex V3 signature of a canonical input under `accessKeySecret`. */
export function computeV3Signature(input: V3CanonicalInput, accessKeySecret: string): string {
  return hmacSha256Hex(accessKeySecret, stringToSignV3(canonicalRequestV3(input)));
}

/** Formats the `Authorization` header value. */
export function formatV3Authorization(
  accessKeyId: string,
  signedHeaders: readonly string[],
  signature: string,
): string {
  return `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
}

/** The fields of a V3 `Authorization` header. */
export interface V3Authorization {
  /** Always {@link V3_ALGORITHM} for a header this module accepts. */
  readonly algorithm: string;
  /** The AccessKey ID from `Credential=`. */
  readonly accessKeyId: string;
  /** Lower-cased names from `SignedHeaders=`. */
  readonly signedHeaders: string[];
  /** Hex signature from `Signature=`. */
  readonly signature: string;
}

/**
 * Parses a V3 `Authorization` header. Returns `undefined` when the header is not a complete
 * `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` value.
 */
export function parseV3Authorization(header: string | undefined): V3Authorization | undefined {
  if (!header) return undefined;
  const match = /^\s*(\S+)\s+(.*)$/.exec(header);
  if (!match || match[1] !== V3_ALGORITHM) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[2].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || signedHeaders === undefined || !signature) return undefined;
  return {
    algorithm: match[1],
    accessKeyId,
    signedHeaders: signedHeaders
      .split(';')
      .map((n) => n.trim().toLowerCase())
      .filter((n) => n !== ''),
    signature,
  };
}

/** What {@link signV3} needs to sign one request. */
export interface V3SignInput {
  /** HTTP method; default `POST`. */
  readonly method?: string;
  /** Request path; default `/`. */
  readonly path?: string;
  /** Value of the `host` header that will be sent (host, plus `:port` when not the default). */
  readonly host: string;
  /** API action, e.g. `CreateUser`. */
  readonly action: string;
  /** API version, e.g. `2021-12-01`. */
  readonly version: string;
  /** Query parameters (flat, decoded); default none. */
  readonly query?: FlatParams;
  /** Exact body bytes that will be sent; default empty. */
  readonly body?: string | Uint8Array;
  /** `content-type` of the body; omitted from the headers when undefined. */
  readonly contentType?: string;
  /** Keys to sign with. */
  readonly credentials: SigningCredentials;
  /** Signing instant (injected; becomes `x-acs-date`). */
  readonly date: Date;
  /** Unique nonce (injected; becomes `x-acs-signature-nonce`). */
  readonly nonce: string;
  /** Extra headers to send; `x-acs-*` ones are signed too. */
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

/** The result of {@link signV3}: every header to send, and the pieces for debugging. */
export interface V3Signed {
  /** Headers to send, lower-case names, including `authorization`. */
  readonly headers: Record<string, string>;
  /** The canonical request that was signed. */
  readonly canonicalRequest: string;
  /** Hex signature. */
  readonly signature: string;
}

/**
 * Signs a request with signature V3: adds `host`, `content-type`, `x-acs-action`,
 * `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256`, the STS
 * headers when there is a token, and `authorization`. Pure: time and nonce come from the input.
 */
export function signV3(input: V3SignInput): V3Signed {
  const body = input.body ?? '';
  const hashed = hashPayload(body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.extraHeaders ?? {})) headers[name.toLowerCase()] = value;
  headers['host'] = input.host;
  if (input.contentType !== undefined) headers['content-type'] = input.contentType;
  headers['x-acs-action'] = input.action;
  headers['x-acs-version'] = input.version;
  headers['x-acs-date'] = formatAcsTimestamp(input.date);
  headers['x-acs-signature-nonce'] = input.nonce;
  headers['x-acs-content-sha256'] = hashed;
  if (input.credentials.securityToken) {
    headers['x-acs-accesskey-id'] = input.credentials.accessKeyId;
    headers['x-acs-security-token'] = input.credentials.securityToken;
  }
  const signedHeaders = signedHeaderNames(headers);
  const canonical: V3CanonicalInput = {
    method: input.method ?? 'POST',
    path: input.path ?? '/',
    query: input.query ?? {},
    headers,
    signedHeaders,
    hashedPayload: hashed,
  };
  const canonicalRequest = canonicalRequestV3(canonical);
  const signature = hmacSha256Hex(input.credentials.accessKeySecret, stringToSignV3(canonicalRequest));
  headers['authorization'] = formatV3Authorization(input.credentials.accessKeyId, signedHeaders, signature);
  return { headers, canonicalRequest, signature };
}
