/**
 * The classic RPC signature (`SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`).
 *
 * canonicalized query = every parameter except `Signature` (common ones and business ones,
 *                       wherever they travel), sorted by name, `encode(name)=encode(value)`, `&`
 * string to sign      = METHOD & encode("/") & encode(canonicalized query)
 * signature           = base64(hmac-sha1(AccessKeySecret + "&", string to sign))
 */
import { hmacSha1Base64 } from './crypto';
import { percentEncode } from './percent-encode';
import { formatAcsTimestamp } from './timestamp';
import type { FlatParams, SigningCredentials } from './types';

/** The value of `SignatureMethod` this module signs and verifies. */
export const RPC_SIGNATURE_METHOD = 'HMAC-SHA1';
/** The value of `SignatureVersion` this module signs and verifies. */
export const RPC_SIGNATURE_VERSION = '1.0';

/** Names of the common parameters of the RPC signature (they travel in the query string). */
export const RPC_COMMON_PARAMS = [
  'AccessKeyId',
  'Action',
  'Format',
  'SecurityToken',
  'Signature',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'Timestamp',
  'Version',
] as const;

/**
 * Canonicalized query string of the RPC signature: all parameters but `Signature`, sorted by
 * name (UTF-16 code unit order), each `encode(name)=encode(value)`, joined with `&`.
 */
export function rpcCanonicalizedQuery(params: FlatParams): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

/** The RPC string to sign: `METHOD&%2F&encode(canonicalized query)`. */
export function rpcStringToSign(method: string, params: FlatParams): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(rpcCanonicalizedQuery(params))}`;
}

/**
 * Computes the base64 RPC signature of `params` (all signed parameters, flat; a `Signature`
 * entry is ignored) under `accessKeySecret`.
 */
export function computeRpcSignature(method: string, params: FlatParams, accessKeySecret: string): string {
  return hmacSha1Base64(`${accessKeySecret}&`, rpcStringToSign(method, params));
}

/** What {@link signRpc} needs to sign one request. */
export interface RpcSignInput {
  /** HTTP method; default `POST`. */
  readonly method?: string;
  /** API action, e.g. `CreateUser`. */
  readonly action: string;
  /** API version, e.g. `2021-12-01`. */
  readonly version: string;
  /** Business parameters, already flattened (they travel in the form body). */
  readonly params: FlatParams;
  /** Keys to sign with. */
  readonly credentials: SigningCredentials;
  /** Signing instant (injected; becomes `Timestamp`). */
  readonly date: Date;
  /** Unique nonce (injected; becomes `SignatureNonce`). */
  readonly nonce: string;
}

/** The result of {@link signRpc}. */
export interface RpcSigned {
  /** Common parameters including `Signature`: send them in the query string. */
  readonly commonParams: Record<string, string>;
  /** Base64 signature (also in `commonParams.Signature`). */
  readonly signature: string;
}

/**
 * Signs a request with the RPC signature. The returned common parameters go in the query
 * string; the business parameters (signed together with them) go in the form body.
 * Pure: time and nonce come from the input.
 */
export function signRpc(input: RpcSignInput): RpcSigned {
  const common: Record<string, string> = {
    AccessKeyId: input.credentials.accessKeyId,
    Action: input.action,
    Format: 'JSON',
    SignatureMethod: RPC_SIGNATURE_METHOD,
    SignatureNonce: input.nonce,
    SignatureVersion: RPC_SIGNATURE_VERSION,
    Timestamp: formatAcsTimestamp(input.date),
    Version: input.version,
  };
  if (input.credentials.securityToken) common.SecurityToken = input.credentials.securityToken;
  const signature = computeRpcSignature(
    input.method ?? 'POST',
    { ...input.params, ...common },
    input.credentials.accessKeySecret,
  );
  common.Signature = signature;
  return { commonParams: common, signature };
}
