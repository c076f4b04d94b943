/**
 * Test fixture of the directory operations: a seeded service on a hand-driven clock and `call`,
 * which runs an operation handler as the HTTP dispatcher would (time pinned, no parsing) and checks
 * every successful body against the catalog's response shape.
 */
import type { OperationName } from '../../../src/catalog';
import { EiamError } from '../../../src/local-server/model/errors';
import { EiamService, type EiamServiceOptions } from '../../../src/local-server/model/service';
import { runOperation } from '../../../src/local-server/operations';
import { assertMatchesResponseSpec } from '../../helpers/shape';

/** 2024-01-01T00:00:00Z: start of the fixture clock. */
export const T0 = Date.UTC(2024, 0, 1);

// Response bodies are loosely typed in tests: the shape check above is what guards them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

/** A service with a controllable clock plus helpers; `withInstance` also creates a running instance. */
export function directoryFixture(opts: EiamServiceOptions = {}) {
  const clock = { now: T0 };
  const service = new EiamService({ seed: 'directory-tests', clock: () => clock.now, ...opts });

  /** Runs one operation; returns its body (shape-checked) or throws its `EiamError`. */
  function call(op: OperationName, params: Record<string, unknown> = {}): Body {
    const body = runOperation(service, op, params, { requestId: 'test', now: clock.now }) as Body;
    assertMatchesResponseSpec(op, body);
    return body;
  }

  /** The `EiamError` an operation throws (fails the test when it succeeds or throws anything else). */
  function callError(op: OperationName, params: Record<string, unknown> = {}): EiamError {
    try {
      call(op, params);
    } catch (err) {
      if (err instanceof EiamError) return err;
      throw err;
    }
    throw new Error(`${op} succeeded but an error was expected`);
  }

  /** Moves the clock forward. */
  function advance(ms: number): void {
    clock.now += ms;
  }

  return { service, clock, call, callError, advance };
}

/** A fixture with one running instance, its root OU and helpers to create directory entities. */
export function withInstance(opts: EiamServiceOptions = {}) {
  const fx = directoryFixture(opts);
  const instanceId = fx.call('CreateInstance', { Description: 'tests' }).InstanceId as string;
  fx.advance(fx.service.instanceCreationDelayMs);
  const rootOu = fx.call('GetRootOrganizationalUnit', { InstanceId: instanceId }).OrganizationalUnit
    .OrganizationalUnitId as string;

  const inInstance = (op: OperationName, params: Record<string, unknown> = {}) =>
    fx.call(op, { InstanceId: instanceId, ...params });
  const errorIn = (op: OperationName, params: Record<string, unknown> = {}) =>
    fx.callError(op, { InstanceId: instanceId, ...params });

  /** Creates an OU (under the root unless `parentId` is given) and returns its id. */
  function ou(name: string, parentId = rootOu): string {
    return inInstance('CreateOrganizationalUnit', { OrganizationalUnitName: name, ParentId: parentId })
      .OrganizationalUnitId;
  }

  /** Creates a user (primary OU the root unless given) and returns its id. */
  function user(username: string, extra: Record<string, unknown> = {}): string {
    return inInstance('CreateUser', { Username: username, PrimaryOrganizationalUnitId: rootOu, ...extra })
      .UserId;
  }

  /** Creates a group and returns its id. */
  function group(name: string, extra: Record<string, unknown> = {}): string {
    return inInstance('CreateGroup', { GroupName: name, ...extra }).GroupId;
  }

  /** The instance's live state (for assertions on indexes and stored data). */
  function state() {
    return fx.service.requireInstance(instanceId);
  }

  return { ...fx, instanceId, rootOu, call: inInstance, errorIn, ou, user, group, state, rawCall: fx.call };
}
