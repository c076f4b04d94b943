/**
 * The operation table of the local server: one handler per EIAM operation. A handler receives the
 * parameters already parsed by the HTTP layer (nested `Name.1.Field` unflattened, integers and
 * booleans coerced, required parameters checked), calls one model function and returns the response
 * body without `RequestId`, shaped exactly as the catalog declares it.
 */
import { OPERATIONS, type OperationName } from '../../catalog';
import { EiamError } from '../model/errors';
import type { ModelContext } from '../model/context';
import type { EiamService } from '../model/service';
import { applicationHandlers } from './applications';
import { customFieldHandlers } from './custom-fields';
import { directoryHandlers } from './directory';
import { identityProviderHandlers } from './identity-providers';
import { conditionalAccessHandlers } from './conditional-access';
import { networkZoneHandlers } from './network-zones';
import { untyped } from './typed';

/**
 * What every handler receives besides its parameters: the service as the model sees it (no
 * reset, snapshot or restore), the request id and the pinned request time.
 */
export type HandlerContext = { service: ModelContext; requestId: string; now: number };

/** `(ctx, params) => response fields` (synchronous; the HTTP layer adds `RequestId`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationHandler = (ctx: HandlerContext, params: Record<string, any>) => Record<string, unknown>;

const implemented: Partial<Record<OperationName, OperationHandler>> = {
  ...directoryHandlers,
  ...untyped(applicationHandlers),
  ...untyped(customFieldHandlers),
  ...untyped(identityProviderHandlers),
  ...untyped(networkZoneHandlers),
  ...untyped(conditionalAccessHandlers),
};

/** Operations of the catalog that have no handler yet (should be empty). */
export function missingOperations(): OperationName[] {
  return (Object.keys(OPERATIONS) as OperationName[]).filter((op) => !implemented[op]);
}

function notImplemented(op: OperationName): OperationHandler {
  return () => {
    throw new EiamError('UnsupportedOperation', `The local server does not implement ${op} yet.`, 501);
  };
}

/** The handler of every catalog operation (a uniform `UnsupportedOperation` error for any gap). */
export const handlers: Record<OperationName, OperationHandler> = Object.fromEntries(
  (Object.keys(OPERATIONS) as OperationName[]).map((op) => [op, implemented[op] ?? notImplemented(op)]),
) as Record<OperationName, OperationHandler>;

/**
 * Runs one operation against a service with the request time pinned, as the HTTP dispatcher does.
 * Convenient for tests and scripts that drive the model without HTTP.
 */
export function runOperation(
  service: EiamService,
  op: OperationName,
  params: Record<string, unknown>,
  opts: { requestId?: string; now?: number } = {},
): Record<string, unknown> {
  const now = opts.now ?? service.now();
  const ctx: HandlerContext = { service, requestId: opts.requestId ?? 'local-request', now };
  return service.withTime(now, () => handlers[op](ctx, params));
}
