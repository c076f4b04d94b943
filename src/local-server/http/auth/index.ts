/**
 * Request authentication as Alibaba Cloud's API gateway performs it for RPC-style APIs:
 * signature V3 (`Authorization: ACS3-HMAC-SHA256 …`) and the classic RPC signature
 * (`Signature`, `SignatureMethod=HMAC-SHA1`, … among the parameters).
 *
 * The signature itself is checked by `verifyRequest` (`./verify`, built on the canonicalization
 * the client signs with). This module adds what only a server can do: the timestamp window
 * against its own clock, the replay check on the nonce (recorded only once the signature is
 * valid, so forged requests cannot burn nonces), the rule that an STS token, when sent, is
 * covered by the signature, and the HTTP status of each failure.
 */
import { parseV3Authorization, type ReceivedRequest } from '../../../client/signing';
import { headerValue, verifyRequest, type SignatureVersion, type VerifyFailureCode } from './verify';
import { GatewayError, gatewayErrors } from '../errors';
import { NonceCache } from './nonce-cache';

/** How far a request timestamp may be from the server clock, either way: 15 minutes. */
export const TIMESTAMP_WINDOW_MS = 15 * 60 * 1000;

/** Longest nonce accepted. */
const MAX_NONCE_LENGTH = 256;

/**
 * HTTP status of each verification failure, after Alibaba Cloud's common error table:
 * an unknown AccessKey ID is 404, every other signature problem 400.
 */
const FAILURE_STATUS: Record<VerifyFailureCode, number> = {
  MissingSignature: 400,
  IncompleteSignature: 400,
  'InvalidTimeStamp.Format': 400,
  'InvalidTimeStamp.Expired': 400,
  'InvalidAccessKeyId.NotFound': 404,
  'InvalidSecurityToken.MismatchWithAccessKey': 400,
  SignatureDoesNotMatch: 400,
};

/** A key pair the server accepts. */
export interface Credential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** Who made an authenticated request, how, and what it asked for. */
export interface AuthResult {
  readonly accessKeyId: string;
  readonly scheme: SignatureVersion;
  /** The STS token, when one was sent (any token is accepted, but it must be signed). */
  readonly securityToken?: string;
  /** `x-acs-action` (V3) or `Action` (RPC), as signed. */
  readonly action?: string;
  /** `x-acs-version` (V3) or `Version` (RPC), as signed. */
  readonly version?: string;
  /** Query and form-body parameters (body wins), signature fields removed. */
  readonly params: Record<string, string>;
}

/** Options of an {@link Authenticator}. */
export interface AuthenticatorOptions {
  /** The key pairs accepted. */
  readonly credentials: readonly Credential[];
  /** The server clock, in epoch milliseconds. */
  readonly clock: () => number;
  /** Timestamp window in ms (default {@link TIMESTAMP_WINDOW_MS}). */
  readonly windowMs?: number;
}

/** Verifies signed requests against the configured key pairs and a bounded nonce memory. */
export class Authenticator {
  private readonly secrets: Map<string, string>;
  private readonly nonces: NonceCache;
  private readonly windowMs: number;

  /** Creates an authenticator for the given key pairs and clock. */
  constructor(private readonly options: AuthenticatorOptions) {
    this.secrets = new Map(options.credentials.map((c) => [c.accessKeyId, c.accessKeySecret]));
    this.windowMs = options.windowMs ?? TIMESTAMP_WINDOW_MS;
    this.nonces = new NonceCache(this.windowMs);
  }

  /** Number of nonces held in memory (bounded by the requests of one timestamp window). */
  get rememberedNonces(): number {
    return this.nonces.size;
  }

  /** Authenticates `req` or throws the gateway error the real service would answer with. */
  authenticate(req: ReceivedRequest): AuthResult {
    const authorization = headerValue(req.headers, 'authorization');
    if (authorization !== undefined && headerValue(req.headers, 'x-acs-security-token') !== undefined) {
      const signed = parseV3Authorization(authorization)?.signedHeaders ?? [];
      if (!signed.includes('x-acs-security-token')) {
        throw gatewayErrors.incompleteSignature('the x-acs-security-token header must be signed');
      }
    }
    const now = this.options.clock();
    const result = verifyRequest(req, (id) => this.secrets.get(id), {
      now: new Date(now),
      maxClockSkewMs: this.windowMs,
    });
    if (!result.ok) throw new GatewayError(result.code, FAILURE_STATUS[result.code], result.message);
    const nonce = result.nonce ?? '';
    if (nonce.length === 0) throw gatewayErrors.missing('SignatureNonce');
    if (nonce.length > MAX_NONCE_LENGTH) throw gatewayErrors.incompleteSignature('the nonce is too long');
    const timestamp = result.timestamp?.getTime() ?? now;
    if (!this.nonces.remember(result.accessKeyId, nonce, timestamp, now)) throw gatewayErrors.nonceUsed();
    return {
      accessKeyId: result.accessKeyId,
      scheme: result.signatureVersion,
      action: result.action,
      version: result.version,
      params: result.params,
      ...(result.securityToken ? { securityToken: result.securityToken } : {}),
    };
  }
}
