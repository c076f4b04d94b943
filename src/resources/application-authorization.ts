/**
 * `ApplicationAuthorization`: grants one application to ONE principal — a user, a group or an
 * organizational unit (AuthorizeApplicationToUsers / …ToGroups / …ToOrganizationalUnits).
 * Read: ListUsersForApplication / ListGroupsForApplication / ListOrganizationalUnitsForApplication
 * filtered to the principal. Delete: RevokeApplicationFromUsers / …Groups / …OrganizationalUnits.
 * Nothing here changes the application itself; every input change replaces the grant.
 *
 * Id: `<instanceId>/<applicationId>/<user|group|organizationalUnit>/<principalId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import * as applicationAuthorizationProviderModule from './providers/application-authorization';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  compact,
  defineProvider,
  field,
  fieldTable,
  ID_KINDS,
  joinId,
  parseId,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** Kinds of principal an application can be granted to. */
export const PRINCIPAL_TYPES = ['user', 'group', 'organizationalUnit'] as const;
/** A kind of principal. */
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** The input naming the principal of each kind: the id part of its kind (`userId`, …). */
const PRINCIPAL_INPUT = Object.fromEntries(PRINCIPAL_TYPES.map((t) => [t, ID_KINDS[t].part])) as {
  readonly [T in PrincipalType]: (typeof ID_KINDS)[T]['part'];
};
const PRINCIPAL_INPUTS = PRINCIPAL_TYPES.map((t) => PRINCIPAL_INPUT[t]);

/** Arguments of an {@link ApplicationAuthorization}. Set exactly one of `userId`, `groupId`, `organizationalUnitId`. */
export interface ApplicationAuthorizationArgs {
  /** Instance of the application. Changing it replaces the grant. */
  readonly instanceId: pulumi.Input<string>;
  /** The application granted. Changing it replaces the grant. */
  readonly applicationId: pulumi.Input<string>;
  /** The user granted access. Changing the principal replaces the grant. */
  readonly userId?: pulumi.Input<string>;
  /** The group granted access (all its members). Changing the principal replaces the grant. */
  readonly groupId?: pulumi.Input<string>;
  /** The organizational unit granted access (its whole subtree). Changing the principal replaces the grant. */
  readonly organizationalUnitId?: pulumi.Input<string>;
}

/** Every field of a grant, once: every change makes a new grant. */
export const APPLICATION_AUTHORIZATION_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    applicationId: field.id('application', { required: true, action: 'replace' }),
    userId: field.id('user', { action: 'replace' }),
    groupId: field.id('group', { action: 'replace' }),
    organizationalUnitId: field.id('organizationalUnit', { action: 'replace' }),
  },
  outputs: {
    /** `user`, `group` or `organizationalUnit`. */
    principalType: field.enum(PRINCIPAL_TYPES, { required: true }),
    /** Id of the principal. */
    principalId: field.string({ required: true }),
  },
  rules: (c) => {
    const set = PRINCIPAL_INPUTS.filter((p) => c.present(p));
    if (set.length === 0) {
      c.fail('userId', 'exactly one of userId, groupId or organizationalUnitId is required; none is set');
    } else if (set.length > 1) {
      c.fail(
        set[1],
        `exactly one of userId, groupId or organizationalUnitId may be set; ${set.join(' and ')} are set`,
      );
    }
  },
});
argsMatchTable<ApplicationAuthorizationArgs, typeof APPLICATION_AUTHORIZATION_FIELDS>();

/** Checked inputs of a grant. */
export type ApplicationAuthorizationInputs = InputsOf<typeof APPLICATION_AUTHORIZATION_FIELDS>;
/** Outputs of a grant. */
export type ApplicationAuthorizationOutputs = OutputsOf<typeof APPLICATION_AUTHORIZATION_FIELDS>;

/** What a change to each input means: every change makes a new grant. */
export const APPLICATION_AUTHORIZATION_DIFF = APPLICATION_AUTHORIZATION_FIELDS.diffTable;

const ID_PARTS = ['instanceId', 'applicationId', 'principalType', 'principalId'] as const;

/** The principal named by checked inputs. */
function principalOf(inputs: ApplicationAuthorizationInputs): { type: PrincipalType; id: string } {
  for (const type of PRINCIPAL_TYPES) {
    const id = inputs[PRINCIPAL_INPUT[type]];
    if (id) return { type, id };
  }
  throw new Error('ApplicationAuthorization: one of userId, groupId or organizationalUnitId is required');
}

function outputsOf(
  instanceId: string,
  applicationId: string,
  type: PrincipalType,
  id: string,
): ApplicationAuthorizationOutputs {
  return compact({
    instanceId,
    applicationId,
    principalType: type,
    principalId: id,
    [PRINCIPAL_INPUT[type]]: id,
  } as ApplicationAuthorizationOutputs);
}

interface Grant {
  readonly instanceId: string;
  readonly applicationId: string;
  readonly type: PrincipalType;
  readonly id: string;
}

function authorize(ctx: ProviderContext, g: Grant): Promise<unknown> {
  const base = { InstanceId: g.instanceId, ApplicationId: g.applicationId };
  if (g.type === 'user') return ctx.client.call('AuthorizeApplicationToUsers', { ...base, UserIds: [g.id] });
  if (g.type === 'group')
    return ctx.client.call('AuthorizeApplicationToGroups', { ...base, GroupIds: [g.id] });
  return ctx.client.call('AuthorizeApplicationToOrganizationalUnits', {
    ...base,
    OrganizationalUnitIds: [g.id],
  });
}

function revoke(ctx: ProviderContext, g: Grant): Promise<unknown> {
  const base = { InstanceId: g.instanceId, ApplicationId: g.applicationId };
  if (g.type === 'user') return ctx.client.call('RevokeApplicationFromUsers', { ...base, UserIds: [g.id] });
  if (g.type === 'group')
    return ctx.client.call('RevokeApplicationFromGroups', { ...base, GroupIds: [g.id] });
  return ctx.client.call('RevokeApplicationFromOrganizationalUnits', {
    ...base,
    OrganizationalUnitIds: [g.id],
  });
}

/** True when the grant exists; `undefined` when the application itself is gone. */
async function grantExists(ctx: ProviderContext, g: Grant): Promise<boolean | undefined> {
  const base = { InstanceId: g.instanceId, ApplicationId: g.applicationId };
  let ids: (string | undefined)[] | undefined;
  if (g.type === 'user') {
    const res = await unlessNotFound(
      ctx.client.call('ListUsersForApplication', { ...base, UserIds: [g.id] }),
    );
    ids = res && (res.Users ?? []).map((u) => u.UserId);
  } else if (g.type === 'group') {
    const res = await unlessNotFound(
      ctx.client.call('ListGroupsForApplication', { ...base, GroupIds: [g.id] }),
    );
    ids = res && (res.Groups ?? []).map((x) => x.GroupId);
  } else {
    const res = await unlessNotFound(
      ctx.client.call('ListOrganizationalUnitsForApplication', { ...base, OrganizationalUnitIds: [g.id] }),
    );
    ids = res && (res.OrganizationalUnits ?? []).map((x) => x.OrganizationalUnitId);
  }
  return ids === undefined ? undefined : ids.includes(g.id);
}

function parseGrantId(id: string): Grant {
  const parts = parseId('ApplicationAuthorization', id, ID_PARTS);
  if (!(PRINCIPAL_TYPES as readonly string[]).includes(parts.principalType)) {
    throw new Error(
      `invalid ApplicationAuthorization id "${id}": the third part must be one of ${PRINCIPAL_TYPES.join(', ')}`,
    );
  }
  return {
    instanceId: parts.instanceId,
    applicationId: parts.applicationId,
    type: parts.principalType as PrincipalType,
    id: parts.principalId,
  };
}

/** The grant provider's implementation (called through {@link applicationAuthorizationProvider}). */
export const applicationAuthorizationImplementation = defineProvider({
  kind: 'ApplicationAuthorization',
  table: APPLICATION_AUTHORIZATION_FIELDS,
  recordedOutput: 'principalType',
  idParts: ID_PARTS,

  async create(ctx, inputs) {
    const principal = principalOf(inputs);
    const grant: Grant = { instanceId: inputs.instanceId, applicationId: inputs.applicationId, ...principal };
    await authorize(ctx, grant);
    return {
      id: joinId(grant.instanceId, grant.applicationId, grant.type, grant.id),
      outs: outputsOf(grant.instanceId, grant.applicationId, grant.type, grant.id),
    };
  },

  async read(ctx, id, props) {
    const grant = parseGrantId(id);
    assertDeclaredMatches('ApplicationAuthorization', id, 'instanceId', props.instanceId, grant.instanceId);
    assertDeclaredMatches(
      'ApplicationAuthorization',
      id,
      'applicationId',
      props.applicationId,
      grant.applicationId,
    );
    assertDeclaredMatches(
      'ApplicationAuthorization',
      id,
      PRINCIPAL_INPUT[grant.type],
      props[PRINCIPAL_INPUT[grant.type]],
      grant.id,
    );
    for (const type of PRINCIPAL_TYPES) {
      const input = PRINCIPAL_INPUT[type];
      if (type !== grant.type && props[input] !== undefined && props[input] !== null) {
        throw new Error(
          `ApplicationAuthorization ${id}: the id names a ${grant.type}, but ${input} is declared`,
        );
      }
    }
    if (!(await grantExists(ctx, grant))) return {};
    const live = outputsOf(grant.instanceId, grant.applicationId, grant.type, grant.id);
    return { id, props: live };
  },

  async update(_ctx, id) {
    // Every input replaces; nothing is ever updated in place.
    const grant = parseGrantId(id);
    return { outs: outputsOf(grant.instanceId, grant.applicationId, grant.type, grant.id) };
  },

  async delete(ctx, id) {
    await unlessNotFound(revoke(ctx, parseGrantId(id)));
  },
});

/** The serializable provider of {@link ApplicationAuthorization}. */
export const applicationAuthorizationProvider: pulumi.dynamic.ResourceProvider =
  applicationAuthorizationProviderModule;

/**
 * Grants an application to one user, group or organizational unit.
 *
 * ```ts
 * new eiam.ApplicationAuthorization('portal-admins', {
 *   instanceId: instance.instanceId,
 *   applicationId: app.applicationId,
 *   groupId: admins.groupId,
 * });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/app_xxx/group/group_xxx' }`.
 */
export class ApplicationAuthorization extends EiamResource {
  /** Outputs marked secret in state (none). */
  static readonly secretOutputs: readonly string[] = APPLICATION_AUTHORIZATION_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Application id. */
  declare readonly applicationId: pulumi.Output<string>;
  /** The user granted, when the principal is a user. */
  declare readonly userId: pulumi.Output<string | undefined>;
  /** The group granted, when the principal is a group. */
  declare readonly groupId: pulumi.Output<string | undefined>;
  /** The organizational unit granted, when the principal is one. */
  declare readonly organizationalUnitId: pulumi.Output<string | undefined>;
  /** `user`, `group` or `organizationalUnit`. */
  declare readonly principalType: pulumi.Output<PrincipalType>;
  /** Id of the principal. */
  declare readonly principalId: pulumi.Output<string>;

  /** Declares a grant. */
  constructor(name: string, args: ApplicationAuthorizationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      applicationAuthorizationProvider,
      'ApplicationAuthorization',
      APPLICATION_AUTHORIZATION_FIELDS,
      name,
      args,
      opts,
    );
  }
}

classMatchesTable<ApplicationAuthorization, typeof APPLICATION_AUTHORIZATION_FIELDS>();

/** The type token of {@link ApplicationAuthorization}. */
export const APPLICATION_AUTHORIZATION_TYPE = typeToken('ApplicationAuthorization');
