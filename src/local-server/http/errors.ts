/**
 * Errors raised by the gateway part of the local server (authentication, request parsing,
 * dispatch) and the single function that turns any thrown value into the wire error body.
 *
 * Alibaba Cloud's API gateway answers every failure with a JSON body of the shape
 * `{RequestId, HostId, Code, Message, Recommend}` and an HTTP status that depends on the code.
 * Domain errors thrown by the model (`EiamError`) carry their own code and status; this module
 * recognises them structurally so the HTTP layer needs no import cycle with the model.
 */

/** An error produced before an operation reaches the model: auth, parsing, routing. */
export class GatewayError extends Error {
  /** The wire error code, e.g. `SignatureDoesNotMatch`. */
  readonly code: string;
  /** The HTTP status sent with the error. */
  readonly httpStatus: number;

  /** Creates a gateway error with its wire code, HTTP status and message. */
  constructor(code: string, httpStatus: number, message: string) {
    super(message);
    this.name = 'GatewayError';
    this.code = code;
    this.httpStatus = httpStatus;
  }
}

/** Body of every error response, as the Alibaba Cloud gateway renders it. */
export interface WireErrorBody {
  readonly RequestId: string;
  readonly HostId: string;
  readonly Code: string;
  readonly Message: string;
  readonly Recommend: string;
}

/** An error ready to be written: status, body, and whether it was unexpected (to be logged). */
export interface RenderedError {
  readonly status: number;
  readonly body: WireErrorBody;
  /** True when the thrown value was not a known error type (a bug); the caller logs it. */
  readonly unexpected: boolean;
}

/** Anything carrying a wire code and HTTP status: `GatewayError` and the model's `EiamError`. */
interface CodedError {
  readonly code: string;
  readonly httpStatus: number;
  readonly message: string;
}

function isCodedError(err: unknown): err is CodedError {
  if (!(err instanceof Error)) return false;
  const candidate = err as Error & { code?: unknown; httpStatus?: unknown };
  return (
    typeof candidate.code === 'string' &&
    candidate.code.length > 0 &&
    typeof candidate.httpStatus === 'number' &&
    Number.isInteger(candidate.httpStatus) &&
    candidate.httpStatus >= 400 &&
    candidate.httpStatus <= 599
  );
}

/** The troubleshooting link Alibaba Cloud puts in `Recommend`, pointing at this code. */
export function recommendUrl(code: string, requestId: string): string {
  const q = encodeURIComponent(code);
  return `https://api.aliyun.com/troubleshoot?q=${q}&product=Eiam&requestId=${encodeURIComponent(requestId)}`;
}

/**
 * Maps any thrown value to the wire: coded errors (gateway or domain) keep their code, status and
 * message; anything else becomes `InternalError` 500 with a generic message (the original is
 * reported through `unexpected` so the caller can log it, never sent to the client).
 */
export function renderError(err: unknown, requestId: string, hostId: string): RenderedError {
  if (isCodedError(err)) {
    return {
      status: err.httpStatus,
      unexpected: false,
      body: {
        RequestId: requestId,
        HostId: hostId,
        Code: err.code,
        Message: err.message,
        Recommend: recommendUrl(err.code, requestId),
      },
    };
  }
  return {
    status: 500,
    unexpected: true,
    body: {
      RequestId: requestId,
      HostId: hostId,
      Code: 'InternalError',
      Message: 'The request processing has failed due to some unknown error, exception or failure.',
      Recommend: recommendUrl('InternalError', requestId),
    },
  };
}

/**
 * Factories for the gateway's own error codes (signature verification failures come with their
 * code from the client's verifier, see `auth/`). Codes and statuses follow Alibaba Cloud's public
 * OpenAPI common error table (POP gateway): `Missing{Name}` 400 for an absent mandatory
 * parameter, `SignatureNonceUsed` 400, `Throttling.User` 400, `InvalidAction.NotFound` 404,
 * `InvalidVersion` 400.
 */
export const gatewayErrors = {
  /** A mandatory parameter (or authentication field) is absent or empty. */
  missing(name: string): GatewayError {
    return new GatewayError(`Missing${name}`, 400, `${name} is mandatory for this action.`);
  },
  /** A parameter is present but not acceptable (type, size, shape). */
  invalidParameter(name: string, reason: string): GatewayError {
    return new GatewayError(
      `InvalidParameter.${name}`,
      400,
      `The specified parameter "${name}" is not valid: ${reason}.`,
    );
  },
  /** The request as a whole is malformed (encoding, body syntax, too many parameters). */
  malformedRequest(reason: string): GatewayError {
    return new GatewayError('InvalidParameter', 400, `The request is malformed: ${reason}.`);
  },
  /** The body is larger than the server accepts. */
  bodyTooLarge(limit: number): GatewayError {
    return new GatewayError(
      'RequestBodyTooLarge',
      413,
      `The request body exceeds the limit of ${limit} bytes.`,
    );
  },
  /** The V3 Authorization header or the RPC signature fields are malformed or unsupported. */
  incompleteSignature(reason: string): GatewayError {
    return new GatewayError(
      'IncompleteSignature',
      400,
      `The request signature does not conform to Aliyun standards: ${reason}.`,
    );
  },
  /** The nonce was already seen within the validity window. */
  nonceUsed(): GatewayError {
    return new GatewayError('SignatureNonceUsed', 400, 'Specified signature nonce was used already.');
  },
  /** The action is not an operation of this API. */
  actionNotFound(): GatewayError {
    return new GatewayError(
      'InvalidAction.NotFound',
      404,
      'Specified api is not found, please check your url and method.',
    );
  },
  /** The version is not the one this API speaks. */
  invalidVersion(): GatewayError {
    return new GatewayError('InvalidVersion', 400, 'Specified parameter Version is not valid.');
  },
  /** The HTTP method is neither GET nor POST. */
  methodNotAllowed(method: string): GatewayError {
    return new GatewayError('UnsupportedHTTPMethod', 405, `The HTTP method ${method} is not supported.`);
  },
  /** Injected fault: flow control. The gateway answers throttling with HTTP 400. */
  throttled(): GatewayError {
    return new GatewayError('Throttling.User', 400, 'Request was denied due to user flow control.');
  },
  /** The service is temporarily unavailable (an injected fault, or the data directory failed). */
  serviceUnavailable(): GatewayError {
    return new GatewayError(
      'ServiceUnavailable',
      503,
      'The request has failed due to a temporary failure of the server.',
    );
  },
  /** Injected fault: an internal failure. */
  internalError(): GatewayError {
    return new GatewayError(
      'InternalError',
      500,
      'The request processing has failed due to some unknown error, exception or failure.',
    );
  },
};
