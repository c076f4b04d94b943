/**
 * `ApplicationAuthorizations`: the grants of one application to MANY users, groups and
 * organizational units, in one resource (AuthorizeApplicationTo* / RevokeApplicationFrom* /
 * List*ForApplication, 100 principals per call).
 *
 * Rules:
 * - Each list (`userIds`, `groupIds`, `organizationalUnitIds`) is managed only when set. A set
 *   list is authoritative over the principals it lists, and only those: a principal removed
 *   from the list loses its grant; grants made by anything else are never touched.
 * - Batches run concurrently, paced by the client's request-rate governor.
 * - Refresh reads the recorded principals back with the list operations filtered to them: one
 *   call per 100 principals. A grant revoked outside Pulumi drops out of the outputs, so the
 *   next `up` grants it again.
 * - Partial failure: when some batches fail, the grants that were made are recorded and the step
 *   fails; when none could be made, nothing is recorded.
 *
 * Id: `<instanceId>/<applicationId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import * as applicationAuthorizationsProviderModule from './providers/application-authorizations';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  chunked,
  classMatchesTable,
  compact,
  defineProvider,
  describeError,
  field,
  fieldTable,
  joinId,
  parseId,
  ResourceInitError,
  settleConcurrently,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type PropertyBag,
  type ProviderContext,
} from './provider-kit';

/** Arguments of an {@link ApplicationAuthorizations}. */
export interface ApplicationAuthorizationsArgs {
  /** Instance of the application. Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** The application granted. Changing it replaces the resource. */
  readonly applicationId: pulumi.Input<string>;
  /** Users granted access (unset: users are not managed). Order and duplicates do not matter. */
  readonly userIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Groups granted access, i.e. all their members (unset: not managed). */
  readonly groupIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Organizational units granted access, with their subtrees (unset: not managed). */
  readonly organizationalUnitIds?: pulumi.Input<pulumi.Input<string>[]>;
}

type ListInput = 'userIds' | 'groupIds' | 'organizationalUnitIds';
const LISTS: readonly ListInput[] = ['userIds', 'groupIds', 'organizationalUnitIds'];

/** Every field of the grants, once. */
export const APPLICATION_AUTHORIZATIONS_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    applicationId: field.id('application', { required: true, action: 'replace' }),
    userIds: field.idSet('user'),
    groupIds: field.idSet('group'),
    organizationalUnitIds: field.idSet('organizationalUnit'),
  },
  rules: (c) => {
    if (LISTS.every((l) => !c.present(l))) {
      c.fail('userIds', 'at least one of userIds, groupIds or organizationalUnitIds is required');
    }
  },
});
argsMatchTable<ApplicationAuthorizationsArgs, typeof APPLICATION_AUTHORIZATIONS_FIELDS>();

/** Checked inputs (and outputs: the live grants among the managed principals). */
export type ApplicationAuthorizationsInputs = InputsOf<typeof APPLICATION_AUTHORIZATIONS_FIELDS>;
/** Outputs of the grants. */
export type ApplicationAuthorizationsOutputs = OutputsOf<typeof APPLICATION_AUTHORIZATIONS_FIELDS>;

/** What a change to each input means. */
export const APPLICATION_AUTHORIZATIONS_DIFF = APPLICATION_AUTHORIZATIONS_FIELDS.diffTable;

const ID_PARTS = ['instanceId', 'applicationId'] as const;
/** Most principals per call of every operation used here. */
const BATCH = 100;

interface Target {
  readonly instanceId: string;
  readonly applicationId: string;
}

function grant(ctx: ProviderContext, t: Target, list: ListInput, ids: string[]): Promise<unknown> {
  const base = { InstanceId: t.instanceId, ApplicationId: t.applicationId };
  if (list === 'userIds') return ctx.client.call('AuthorizeApplicationToUsers', { ...base, UserIds: ids });
  if (list === 'groupIds') return ctx.client.call('AuthorizeApplicationToGroups', { ...base, GroupIds: ids });
  return ctx.client.call('AuthorizeApplicationToOrganizationalUnits', {
    ...base,
    OrganizationalUnitIds: ids,
  });
}

function revoke(ctx: ProviderContext, t: Target, list: ListInput, ids: string[]): Promise<unknown> {
  const base = { InstanceId: t.instanceId, ApplicationId: t.applicationId };
  if (list === 'userIds') return ctx.client.call('RevokeApplicationFromUsers', { ...base, UserIds: ids });
  if (list === 'groupIds') return ctx.client.call('RevokeApplicationFromGroups', { ...base, GroupIds: ids });
  return ctx.client.call('RevokeApplicationFromOrganizationalUnits', { ...base, OrganizationalUnitIds: ids });
}

/** Which of `ids` hold a grant (one call per 100); undefined when the application is gone. */
async function granted(
  ctx: ProviderContext,
  t: Target,
  list: ListInput,
  ids: readonly string[],
): Promise<Set<string> | undefined> {
  const base = { InstanceId: t.instanceId, ApplicationId: t.applicationId, PageNumber: 1, PageSize: BATCH };
  const found = new Set<string>();
  for (const batch of chunked([...new Set(ids)], BATCH)) {
    let rows: (string | undefined)[] | undefined;
    if (list === 'userIds') {
      const res = await unlessNotFound(
        ctx.client.call('ListUsersForApplication', { ...base, UserIds: batch }),
      );
      rows = res && (res.Users ?? []).map((u) => u.UserId);
    } else if (list === 'groupIds') {
      const res = await unlessNotFound(
        ctx.client.call('ListGroupsForApplication', { ...base, GroupIds: batch }),
      );
      rows = res && (res.Groups ?? []).map((g) => g.GroupId);
    } else {
      const res = await unlessNotFound(
        ctx.client.call('ListOrganizationalUnitsForApplication', { ...base, OrganizationalUnitIds: batch }),
      );
      rows = res && (res.OrganizationalUnits ?? []).map((o) => o.OrganizationalUnitId);
    }
    if (rows === undefined) return undefined;
    for (const id of rows) if (id && batch.includes(id)) found.add(id);
  }
  return found;
}

/** One batch of work for {@link applyChanges}. */
interface Step {
  readonly list: ListInput;
  readonly verb: 'grant' | 'revoke';
  readonly ids: string[];
}

/**
 * Grants `add` and revokes `remove` per list, concurrently in batches of 100, starting from the
 * recorded grants `have`; returns the grants that now exist and the failures.
 */
async function applyChanges(
  ctx: ProviderContext,
  t: Target,
  have: Partial<Record<ListInput, string[]>>,
  add: Partial<Record<ListInput, string[]>>,
  remove: Partial<Record<ListInput, string[]>>,
): Promise<{ now: Partial<Record<ListInput, Set<string>>>; failures: string[] }> {
  const now: Partial<Record<ListInput, Set<string>>> = {};
  for (const list of LISTS)
    if (have[list] || add[list] || remove[list]) now[list] = new Set(have[list] ?? []);
  const steps: Step[] = [];
  for (const list of LISTS) {
    for (const ids of chunked(add[list] ?? [], BATCH)) steps.push({ list, verb: 'grant', ids });
    for (const ids of chunked(remove[list] ?? [], BATCH)) steps.push({ list, verb: 'revoke', ids });
  }
  const settled = await settleConcurrently(steps, (s) =>
    s.verb === 'grant' ? grant(ctx, t, s.list, s.ids) : unlessNotFound(revoke(ctx, t, s.list, s.ids)),
  );
  const failures: string[] = [];
  settled.forEach((r, i) => {
    const s = steps[i];
    if (!r.ok) {
      failures.push(`${s.verb} ${s.ids.length} of ${s.list} (${describeError(r.error)})`);
      return;
    }
    const set = now[s.list]!;
    for (const id of s.ids) {
      if (s.verb === 'grant') set.add(id);
      else set.delete(id);
    }
  });
  return { now, failures };
}

function outputsOf(
  t: Target,
  now: Partial<Record<ListInput, Set<string>>>,
): ApplicationAuthorizationsOutputs {
  const out: PropertyBag = { instanceId: t.instanceId, applicationId: t.applicationId };
  for (const list of LISTS) if (now[list]) out[list] = [...now[list]!].sort();
  return compact(out) as ApplicationAuthorizationsOutputs;
}

function failIfAny(
  id: string,
  outs: ApplicationAuthorizationsOutputs,
  failures: string[],
): ApplicationAuthorizationsOutputs {
  if (!failures.length) return outs;
  throw new ResourceInitError(
    id,
    outs,
    `ApplicationAuthorizations ${id}: ${failures.join('; ')}. The grants that exist are recorded in the stack;` +
      ' run `pulumi up` again to finish.',
  );
}

const unique = (ids: readonly string[] | undefined) => (ids ? [...new Set(ids)] : undefined);

/** The provider's implementation (called through {@link applicationAuthorizationsProvider}). */
export const applicationAuthorizationsImplementation = defineProvider({
  kind: 'ApplicationAuthorizations',
  table: APPLICATION_AUTHORIZATIONS_FIELDS,

  async create(ctx, inputs) {
    const t: Target = { instanceId: inputs.instanceId, applicationId: inputs.applicationId };
    const id = joinId(t.instanceId, t.applicationId);
    const add: Partial<Record<ListInput, string[]>> = {};
    for (const list of LISTS) if (inputs[list]) add[list] = unique(inputs[list]);
    const { now, failures } = await applyChanges(ctx, t, {}, add, {});
    const outs = outputsOf(t, now);
    if (failures.length && LISTS.every((l) => !outs[l]?.length)) {
      throw new Error(`ApplicationAuthorizations ${id}: no grant could be made: ${failures.join('; ')}`);
    }
    return { id, outs: failIfAny(id, outs, failures) };
  },

  async read(ctx, id, props) {
    const t = parseId('ApplicationAuthorizations', id, ID_PARTS);
    assertDeclaredMatches('ApplicationAuthorizations', id, 'instanceId', props.instanceId, t.instanceId);
    assertDeclaredMatches(
      'ApplicationAuthorizations',
      id,
      'applicationId',
      props.applicationId,
      t.applicationId,
    );
    const now: Partial<Record<ListInput, Set<string>>> = {};
    for (const list of LISTS) {
      const recorded = props[list] as string[] | undefined;
      if (!recorded) continue;
      const live = await granted(ctx, t, list, recorded);
      if (live === undefined) return {};
      now[list] = live;
    }
    const outs = outputsOf(t, now);
    const inputs: PropertyBag = { instanceId: t.instanceId, applicationId: t.applicationId };
    for (const list of LISTS) if (props[list]) inputs[list] = outs[list] ?? [];
    return { id, props: outs, inputs };
  },

  async update(ctx, id, olds, news) {
    const t = parseId('ApplicationAuthorizations', id, ID_PARTS);
    const have: Partial<Record<ListInput, string[]>> = {};
    const add: Partial<Record<ListInput, string[]>> = {};
    const remove: Partial<Record<ListInput, string[]>> = {};
    for (const list of LISTS) {
      const before = new Set(olds[list] ?? []);
      if (olds[list]) have[list] = [...before];
      // An unset list is not managed any more: its grants are left as they are, unrecorded.
      if (!news[list]) {
        delete have[list];
        continue;
      }
      const want = new Set(news[list]);
      add[list] = [...want].filter((p) => !before.has(p));
      remove[list] = [...before].filter((p) => !want.has(p));
    }
    const { now, failures } = await applyChanges(ctx, t, have, add, remove);
    return { outs: failIfAny(id, outputsOf(t, now), failures) };
  },

  async delete(ctx, id, props) {
    const t = parseId('ApplicationAuthorizations', id, ID_PARTS);
    const remove: Partial<Record<ListInput, string[]>> = {};
    for (const list of LISTS) if (props[list]?.length) remove[list] = props[list];
    const { failures } = await applyChanges(ctx, t, {}, {}, remove);
    if (failures.length) {
      throw new Error(
        `ApplicationAuthorizations ${id}: ${failures.join('; ')}. Run \`pulumi destroy\` again.`,
      );
    }
  },
});

/** The serializable provider of {@link ApplicationAuthorizations}. */
export const applicationAuthorizationsProvider: pulumi.dynamic.ResourceProvider =
  applicationAuthorizationsProviderModule;

/**
 * Grants one application to many users, groups and organizational units at once: the form for
 * large directories (one resource instead of one `ApplicationAuthorization` per principal).
 *
 * ```ts
 * new eiam.ApplicationAuthorizations('portal-access', {
 *   instanceId: instance.instanceId,
 *   applicationId: app.applicationId,
 *   userIds: staff.userIds.apply(Object.values),
 *   groupIds: [admins.groupId],
 * });
 * ```
 *
 * Never declare the same principal here and in an `ApplicationAuthorization`: deleting either
 * revokes the grant. Import: the resource option `{ import: 'idaas_xxx/app_xxx' }` with the
 * declared lists.
 */
export class ApplicationAuthorizations extends EiamResource {
  /** Outputs marked secret in state (none). */
  static readonly secretOutputs: readonly string[] = APPLICATION_AUTHORIZATIONS_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Application id. */
  declare readonly applicationId: pulumi.Output<string>;
  /** Users holding a grant (when managed). */
  declare readonly userIds: pulumi.Output<string[] | undefined>;
  /** Groups holding a grant (when managed). */
  declare readonly groupIds: pulumi.Output<string[] | undefined>;
  /** Organizational units holding a grant (when managed). */
  declare readonly organizationalUnitIds: pulumi.Output<string[] | undefined>;

  /** Declares the grants. */
  constructor(name: string, args: ApplicationAuthorizationsArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      applicationAuthorizationsProvider,
      'ApplicationAuthorizations',
      APPLICATION_AUTHORIZATIONS_FIELDS,
      name,
      args,
      opts,
    );
  }
}

classMatchesTable<ApplicationAuthorizations, typeof APPLICATION_AUTHORIZATIONS_FIELDS>();

/** The type token of {@link ApplicationAuthorizations}. */
export const APPLICATION_AUTHORIZATIONS_TYPE = typeToken('ApplicationAuthorizations');
