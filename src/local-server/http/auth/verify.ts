/**
 * Server-side verification of both signature schemes, built from the same pure canonicalization
 * functions the client signs with (`client/signing`); only the local server verifies, so this
 * lives with its authentication. The local server hands over the request parts as received
 * and a way to look up secrets; it gets back who signed, which action was asked for and the
 * flat business parameters, or an Alibaba-style error code to render.
 */
import { parseFormEncoded } from '../../../client/encoding';
import { signaturesEqual } from '../../../client/signing/crypto';
import {
  computeRpcSignature,
  RPC_COMMON_PARAMS,
  RPC_SIGNATURE_METHOD,
  RPC_SIGNATURE_VERSION,
} from '../../../client/signing/rpc';
import { parseAcsTimestamp } from '../../../client/signing/timestamp';
import type { FlatParams, HeaderMap, ReceivedRequest } from '../../../client/signing/types';
import {
  computeV3Signature,
  hashPayload,
  parseV3Authorization,
  V3_ALGORITHM,
} from '../../../client/signing/v3';

/** Which signature scheme a request used. */
export type SignatureVersion = 'v3' | 'rpc';

/** What a secret lookup returns for a known AccessKey ID. */
export interface KnownAccessKey {
  /** The secret the request must have been signed with. */
  readonly accessKeySecret: string;
  /** When set, the request must carry exactly this STS token. */
  readonly securityToken?: string;
}

/** Finds the secret for an AccessKey ID; `undefined` when the key is unknown. */
export type AccessKeyLookup = (accessKeyId: string) => KnownAccessKey | string | undefined;

/** Knobs for {@link verifyRequest}. */
export interface VerifyOptions {
  /** Reference "now" for the timestamp window; the check is skipped when omitted. */
  readonly now?: Date;
  /** Allowed distance between the request's timestamp and `now`; default 15 minutes. */
  readonly maxClockSkewMs?: number;
}

/** Error codes {@link verifyRequest} reports, named as Alibaba Cloud names them. */
export type VerifyFailureCode =
  | 'MissingSignature'
  | 'IncompleteSignature'
  | 'InvalidTimeStamp.Format'
  | 'InvalidTimeStamp.Expired'
  | 'InvalidAccessKeyId.NotFound'
  | 'InvalidSecurityToken.MismatchWithAccessKey'
  | 'SignatureDoesNotMatch';

/** A request whose signature checked out. */
export interface VerifySuccess {
  readonly ok: true;
  /** Scheme the request was signed with. */
  readonly signatureVersion: SignatureVersion;
  /** The signer's AccessKey ID. */
  readonly accessKeyId: string;
  /** The STS token the request carried, if any. */
  readonly securityToken?: string;
  /** Action from `x-acs-action` (V3) or `Action` (RPC). */
  readonly action?: string;
  /** API version from `x-acs-version` (V3) or `Version` (RPC). */
  readonly version?: string;
  /** Signing time from `x-acs-date` (V3) or `Timestamp` (RPC). */
  readonly timestamp?: Date;
  /** Nonce from `x-acs-signature-nonce` (V3) or `SignatureNonce` (RPC), for replay checks. */
  readonly nonce?: string;
  /** Business parameters: query and form body merged (body wins), RPC common ones removed. */
  readonly params: Record<string, string>;
}

/** A request that failed verification; `code` and `message` are fit for the wire. */
export interface VerifyFailure {
  readonly ok: false;
  /** Scheme the request appeared to use, when it could be told. */
  readonly signatureVersion?: SignatureVersion;
  /** Alibaba-style error code. */
  readonly code: VerifyFailureCode;
  /** Human-readable reason; never contains secrets. */
  readonly message: string;
  /** The AccessKey ID the request claimed, when known. */
  readonly accessKeyId?: string;
}

/** Outcome of {@link verifyRequest}. */
export type VerifyResult = VerifySuccess | VerifyFailure;

/** Headers a V3 request must sign. */
const REQUIRED_V3_SIGNED = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce'];
const DEFAULT_SKEW_MS = 15 * 60 * 1000;

/** Reads one header (case-insensitively); repeated values are joined with `,`. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(',');
  }
  return undefined;
}

/** Decoded form fields of the body when its content type is `application/x-www-form-urlencoded`. */
export function formParamsOf(request: ReceivedRequest): Record<string, string> {
  const contentType = headerValue(request.headers, 'content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) return {};
  const text = typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8');
  return parseFormEncoded(text);
}

/** Tells which scheme a request claims: an `Authorization` header means V3, a `Signature` parameter RPC. */
export function detectSignatureVersion(request: ReceivedRequest): SignatureVersion | undefined {
  if (headerValue(request.headers, 'authorization') !== undefined) return 'v3';
  if (request.query.Signature !== undefined || formParamsOf(request).Signature !== undefined) return 'rpc';
  return undefined;
}

/**
 * Verifies the signature of a received request (either scheme) against the secret that
 * `lookup` returns for its AccessKey ID. Pure apart from calling `lookup`.
 */
export function verifyRequest(
  request: ReceivedRequest,
  lookup: AccessKeyLookup,
  options: VerifyOptions = {},
): VerifyResult {
  switch (detectSignatureVersion(request)) {
    case 'v3':
      return verifyV3Request(request, lookup, options);
    case 'rpc':
      return verifyRpcRequest(request, lookup, options);
    default:
      return {
        ok: false,
        code: 'MissingSignature',
        message: 'The request carries neither an Authorization header nor a Signature parameter.',
      };
  }
}

function fail(
  signatureVersion: SignatureVersion,
  code: VerifyFailureCode,
  message: string,
  accessKeyId?: string,
): VerifyFailure {
  return { ok: false, signatureVersion, code, message, accessKeyId };
}

function normalizeKey(found: KnownAccessKey | string | undefined): KnownAccessKey | undefined {
  return typeof found === 'string' ? { accessKeySecret: found } : found;
}

function checkTimestamp(
  version: SignatureVersion,
  raw: string,
  options: VerifyOptions,
  accessKeyId: string,
): Date | VerifyFailure {
  const timestamp = parseAcsTimestamp(raw);
  if (!timestamp) {
    return fail(
      version,
      'InvalidTimeStamp.Format',
      `The timestamp "${raw}" is not in YYYY-MM-DDTHH:mm:ssZ form.`,
      accessKeyId,
    );
  }
  if (options.now) {
    const skew = Math.abs(options.now.getTime() - timestamp.getTime());
    if (skew > (options.maxClockSkewMs ?? DEFAULT_SKEW_MS)) {
      return fail(
        version,
        'InvalidTimeStamp.Expired',
        `The timestamp ${raw} is outside the allowed window.`,
        accessKeyId,
      );
    }
  }
  return timestamp;
}

function checkToken(
  version: SignatureVersion,
  key: KnownAccessKey,
  sent: string | undefined,
  accessKeyId: string,
): VerifyFailure | undefined {
  if (key.securityToken !== undefined && key.securityToken !== sent) {
    return fail(
      version,
      'InvalidSecurityToken.MismatchWithAccessKey',
      'The security token does not match the AccessKey ID.',
      accessKeyId,
    );
  }
  return undefined;
}

/** Verifies an `ACS3-HMAC-SHA256` request (see {@link verifyRequest}). */
export function verifyV3Request(
  request: ReceivedRequest,
  lookup: AccessKeyLookup,
  options: VerifyOptions = {},
): VerifyResult {
  const auth = parseV3Authorization(headerValue(request.headers, 'authorization'));
  if (!auth) {
    return fail(
      'v3',
      'IncompleteSignature',
      `The Authorization header is not a well-formed ${V3_ALGORITHM} value.`,
    );
  }
  const { accessKeyId } = auth;
  const unsigned = REQUIRED_V3_SIGNED.filter(
    (name) => !auth.signedHeaders.includes(name) || headerValue(request.headers, name) === undefined,
  );
  if (unsigned.length > 0) {
    return fail(
      'v3',
      'IncompleteSignature',
      `These headers must be present and signed: ${unsigned.join(', ')}.`,
      accessKeyId,
    );
  }
  const timestamp = checkTimestamp(
    'v3',
    headerValue(request.headers, 'x-acs-date') ?? '',
    options,
    accessKeyId,
  );
  if (!(timestamp instanceof Date)) return timestamp;
  const key = normalizeKey(lookup(accessKeyId));
  if (!key) return fail('v3', 'InvalidAccessKeyId.NotFound', 'The AccessKey ID does not exist.', accessKeyId);
  const securityToken = headerValue(request.headers, 'x-acs-security-token');
  const tokenFailure = checkToken('v3', key, securityToken, accessKeyId);
  if (tokenFailure) return tokenFailure;
  const expected = computeV3Signature(
    {
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      signedHeaders: auth.signedHeaders,
      hashedPayload: hashPayload(request.body),
    },
    key.accessKeySecret,
  );
  if (!signaturesEqual(expected, auth.signature.toLowerCase())) {
    return fail(
      'v3',
      'SignatureDoesNotMatch',
      'The request signature does not match the one computed.',
      accessKeyId,
    );
  }
  return {
    ok: true,
    signatureVersion: 'v3',
    accessKeyId,
    securityToken,
    action: headerValue(request.headers, 'x-acs-action'),
    version: headerValue(request.headers, 'x-acs-version'),
    timestamp,
    nonce: headerValue(request.headers, 'x-acs-signature-nonce'),
    params: { ...request.query, ...formParamsOf(request) },
  };
}

/** Verifies a classic RPC (`HMAC-SHA1`) request (see {@link verifyRequest}). */
export function verifyRpcRequest(
  request: ReceivedRequest,
  lookup: AccessKeyLookup,
  options: VerifyOptions = {},
): VerifyResult {
  const all: FlatParams = { ...request.query, ...formParamsOf(request) };
  const accessKeyId = all.AccessKeyId;
  const missing = [
    'AccessKeyId',
    'Signature',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
  ].filter((name) => !all[name]);
  if (missing.length > 0) {
    return fail(
      'rpc',
      'IncompleteSignature',
      `Missing signature parameters: ${missing.join(', ')}.`,
      accessKeyId,
    );
  }
  if (all.SignatureMethod !== RPC_SIGNATURE_METHOD || all.SignatureVersion !== RPC_SIGNATURE_VERSION) {
    return fail(
      'rpc',
      'IncompleteSignature',
      `Only SignatureMethod=${RPC_SIGNATURE_METHOD} with SignatureVersion=${RPC_SIGNATURE_VERSION} is supported.`,
      accessKeyId,
    );
  }
  const timestamp = checkTimestamp('rpc', all.Timestamp, options, accessKeyId);
  if (!(timestamp instanceof Date)) return timestamp;
  const key = normalizeKey(lookup(accessKeyId));
  if (!key)
    return fail('rpc', 'InvalidAccessKeyId.NotFound', 'The AccessKey ID does not exist.', accessKeyId);
  const tokenFailure = checkToken('rpc', key, all.SecurityToken, accessKeyId);
  if (tokenFailure) return tokenFailure;
  const expected = computeRpcSignature(request.method, all, key.accessKeySecret);
  if (!signaturesEqual(expected, all.Signature)) {
    return fail(
      'rpc',
      'SignatureDoesNotMatch',
      'The request signature does not match the one computed.',
      accessKeyId,
    );
  }
  const params: Record<string, string> = { ...all };
  for (const name of RPC_COMMON_PARAMS) delete params[name];
  return {
    ok: true,
    signatureVersion: 'rpc',
    accessKeyId,
    securityToken: all.SecurityToken,
    action: all.Action,
    version: all.Version,
    timestamp,
    nonce: all.SignatureNonce,
    params,
  };
}
