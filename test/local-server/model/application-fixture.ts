/**
 * Test fixture of the application operations: a seeded service with a running instance, a small
 * directory (OU tree, users, a group), and `call`, which runs an operation handler as the HTTP
 * layer would (minus parsing), returning its body or throwing its domain error.
 */
import type { OperationName } from '../../../src/catalog';
import { EiamError } from '../../../src/local-server/model/errors';
import { EiamService } from '../../../src/local-server/model/service';
import { runOperation } from '../../../src/local-server/operations';
import { APPLICATION_OPERATIONS } from '../../../src/local-server/operations/applications';
import { assertMatchesResponseSpec } from '../../helpers/shape';
import * as groups from '../../../src/local-server/model/groups';
import * as instances from '../../../src/local-server/model/instances';
import * as ous from '../../../src/local-server/model/organizational-units';
import * as users from '../../../src/local-server/model/users';

/** Start of the fixture clock (2024-01-01T00:00:00Z). */
export const T0 = Date.UTC(2024, 0, 1);

/** A service with one instance and a small directory. */
export function fixture(seed = 'apps') {
  let now = T0;
  const service = new EiamService({ seed, clock: () => now });
  const instanceId = instances.createInstance(service, { description: 'apps' }).instanceId;
  const rootOu = ous.getRootOrganizationalUnit(service, instanceId).organizationalUnitId;
  const parentOu = ous.createOrganizationalUnit(service, instanceId, {
    organizationalUnitName: 'parent',
    parentId: rootOu,
  }).organizationalUnitId;
  const childOu = ous.createOrganizationalUnit(service, instanceId, {
    organizationalUnitName: 'child',
    parentId: parentOu,
  }).organizationalUnitId;
  const alice = users.createUser(service, instanceId, {
    username: 'alice',
    primaryOrganizationalUnitId: childOu,
  }).userId;
  const bob = users.createUser(service, instanceId, {
    username: 'bob',
    primaryOrganizationalUnitId: rootOu,
  }).userId;
  const group = groups.createGroup(service, instanceId, { groupName: 'team' }).groupId;
  groups.addUsersToGroup(service, instanceId, group, [bob]);

  /**
   * Runs one application operation through the dispatch table; returns its body (checked against
   * the catalog's response shape) or throws its `EiamError`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function call(op: OperationName, params: Record<string, unknown>): Record<string, any> {
    if (!APPLICATION_OPERATIONS.includes(op)) throw new Error(`${op} is not an application operation`);
    const body = runOperation(service, op, { InstanceId: instanceId, ...params }, { now });
    assertMatchesResponseSpec(op, body);
    // JSON round trip: what a client would see (undefined fields dropped).
    return JSON.parse(JSON.stringify(body));
  }

  /** Creates an application and returns its id. */
  function createApp(ssoType: 'saml2' | 'oidc' = 'oidc', extra: Record<string, unknown> = {}): string {
    return call('CreateApplication', {
      ApplicationName: `app-${ssoType}`,
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: ssoType,
      ...extra,
    }).ApplicationId as string;
  }

  return {
    service,
    instanceId,
    rootOu,
    parentOu,
    childOu,
    alice,
    bob,
    group,
    call,
    createApp,
    /** Moves the fixture clock forward. */
    advance(ms: number) {
      now += ms;
    },
    now: () => now,
  };
}

/** The error code `fn` throws (fails the test when it does not throw an `EiamError`). */
export function errorOf(fn: () => unknown): { code: string; httpStatus: number; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof EiamError) return { code: err.code, httpStatus: err.httpStatus, message: err.message };
    throw err;
  }
  throw new Error('expected an EiamError, but the call succeeded');
}
