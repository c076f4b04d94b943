/**
 * Domain errors of the emulated EIAM service. The model is the only place that raises them; the
 * HTTP layer turns one into the wire error (`Code`, `Message`, HTTP status) in a single place.
 *
 * Codes follow Alibaba Cloud's `Category.Entity[.Detail]` style. Where the real service's code is
 * not published, the code chosen here is listed in `docs/local-server.md`.
 */

/** A domain error with the code, message and HTTP status the service would answer with. */
export class EiamError extends Error {
  /** Wire error code, e.g. `EntityNotExists.User`. */
  readonly code: string;
  /** HTTP status of the error response. */
  readonly httpStatus: number;

  constructor(code: string, message: string, httpStatus = 400) {
    super(message);
    this.name = 'EiamError';
    this.code = code;
    this.httpStatus = httpStatus;
  }
}

/** True when `err` is a domain error (as opposed to a bug in the emulator). */
export function isEiamError(err: unknown): err is EiamError {
  return err instanceof EiamError;
}

/** Entity kinds that appear in `EntityNotExists.<Kind>` / `EntityAlreadyExists.<Kind>` codes. */
export type EntityKind =
  | 'Instance'
  | 'User'
  | 'OrganizationalUnit'
  | 'Group'
  | 'Application'
  | 'ApplicationClientSecret'
  | (string & {});

/** `EntityNotExists.<Kind>` (404): the referenced entity does not exist in the instance. */
export function notFound(kind: EntityKind, id: string): EiamError {
  return new EiamError(`EntityNotExists.${kind}`, `The specified ${kind} '${id}' does not exist.`, 404);
}

/**
 * `EntityAlreadyExists.<Kind>` (409). `kind` may carry a detail (`User.Username`) so the code says
 * which uniqueness rule was hit; `what` describes the clash for the message, e.g.
 * `alreadyExists('User.Username', "with username 'alice'")`.
 */
export function alreadyExists(kind: EntityKind, what: string): EiamError {
  const entity = kind.split('.')[0];
  return new EiamError(`EntityAlreadyExists.${kind}`, `A ${entity} ${what} already exists.`, 409);
}

/** `InvalidParameter.<Name>` (400): a parameter is present but its value is not acceptable. */
export function invalidParameter(name: string, why: string): EiamError {
  return new EiamError(`InvalidParameter.${name}`, `The parameter ${name} is invalid: ${why}`, 400);
}

/**
 * `Missing<Name>` (400): a value a rule requires is absent or blank. Same convention as the
 * gateway's missing required parameters (e.g. `MissingEmailVerified`), so clients see one form.
 */
export function missingParameter(name: string): EiamError {
  return new EiamError(`Missing${name.replace(/\./g, '')}`, `The parameter ${name} is required.`, 400);
}

/** A 409 conflict with the state of an entity (e.g. `OperationConflict.OrganizationalUnit.HasChildren`). */
export function conflict(code: string, message: string): EiamError {
  return new EiamError(code, message, 409);
}

/** `OperationDenied.<Reason>` (403): the request is well formed but a rule of the service forbids it. */
export function operationDenied(reason: string, message: string): EiamError {
  return new EiamError(`OperationDenied.${reason}`, message, 403);
}

/** `OperationDenied.InstanceStatus` (403): the instance exists but is not `running` yet. */
export function instanceNotRunning(instanceId: string, status = 'creating'): EiamError {
  return operationDenied(
    'InstanceStatus',
    `The instance '${instanceId}' is ${status}; it accepts requests once its status is running.`,
  );
}

/** `QuotaExceeded.<What>` (400): a per-instance or per-entity limit would be exceeded. */
export function quotaExceeded(code: string, message: string): EiamError {
  return new EiamError(code.startsWith('QuotaExceeded') ? code : `QuotaExceeded.${code}`, message, 400);
}

/** `InvalidPassword.<Rule>` (400): a password breaks the instance's password policy. */
export function invalidPassword(rule: string, message: string): EiamError {
  return new EiamError(`InvalidPassword.${rule}`, message, 400);
}
