/**
 * A read-only overview of everything the service holds, for the local server's directory view
 * (`GET /_local/overview`, the page at `/_local/view`). It exists for a developer to see what a
 * `pulumi up` did; it is not an EIAM operation.
 *
 * Rules:
 * - it never changes state (not even the `creating` → `running` promotion reads make);
 * - fields are copied one by one into new objects, so nothing secret can slip through with a
 *   whole entity: no password hashes, no client secret values, no provisioning credentials
 *   (`accessToken`, `clientSecret`, `encryptKey`);
 * - units form a tree (children in creation order), everything else keeps its listing order.
 */
import type { EiamService } from './service';
import type { ApplicationState, InstanceState, OrganizationalUnitState, UserState } from './state';

/** One organizational unit with its child units. */
export interface OverviewUnit {
  readonly organizationalUnitId: string;
  readonly organizationalUnitName: string;
  readonly description?: string;
  /** Accounts directly in this unit (primary or not). */
  readonly memberCount: number;
  readonly children: OverviewUnit[];
}

/** One account, without anything password-related beyond whether one is set. */
export interface OverviewUser {
  readonly userId: string;
  readonly username: string;
  readonly displayName?: string;
  readonly email?: string;
  readonly phoneNumber?: string;
  readonly status: string;
  readonly locked: boolean;
  readonly passwordSet: boolean;
  readonly primaryOrganizationalUnitId: string;
  readonly organizationalUnitIds: string[];
  readonly groupIds: string[];
}

/** One group and its members. */
export interface OverviewGroup {
  readonly groupId: string;
  readonly groupName: string;
  readonly description?: string;
  readonly memberUserIds: string[];
}

/** One application: identity, SSO settings and who may use it. Client secrets by id only. */
export interface OverviewApplication {
  readonly applicationId: string;
  readonly applicationName: string;
  readonly clientId: string;
  readonly ssoType: string;
  readonly status: string;
  readonly authorizationType: string;
  readonly apiInvokeStatus: string;
  readonly grantScopes: string[];
  readonly sso: {
    readonly initLoginType?: string;
    readonly initLoginUrl?: string;
    readonly saml?: Record<string, unknown>;
    readonly oidc?: Record<string, unknown>;
  };
  readonly authorizations: {
    readonly userIds: string[];
    readonly groupIds: string[];
    readonly organizationalUnitIds: string[];
  };
  readonly clientSecrets: { readonly secretId: string; readonly status: string }[];
  readonly provisioning: { readonly status: string; readonly protocolType?: string };
}

/** One instance and its directory. */
export interface OverviewInstance {
  readonly instanceId: string;
  readonly description?: string;
  readonly status: string;
  readonly createTime: number;
  readonly rootOrganizationalUnit: OverviewUnit;
  readonly users: OverviewUser[];
  readonly groups: OverviewGroup[];
  readonly applications: OverviewApplication[];
}

/** What {@link overviewOf} returns. */
export interface Overview {
  readonly instances: OverviewInstance[];
}

function bySeq<T extends { seq: number }>(values: Iterable<T>): T[] {
  return [...values].sort((a, b) => a.seq - b.seq);
}

function unitTree(inst: InstanceState, ou: OrganizationalUnitState, depth = 0): OverviewUnit {
  const childIds = inst.index.ouChildren.get(ou.organizationalUnitId)?.toArray() ?? [];
  // Units nest at most a few levels; the guard only stops a corrupted parent cycle.
  const children =
    depth > 64
      ? []
      : childIds.flatMap((id) => {
          const child = inst.organizationalUnits.get(id);
          return child ? [unitTree(inst, child, depth + 1)] : [];
        });
  return {
    organizationalUnitId: ou.organizationalUnitId,
    organizationalUnitName: ou.organizationalUnitName,
    description: ou.description,
    memberCount: inst.index.ouMembers.get(ou.organizationalUnitId)?.size ?? 0,
    children,
  };
}

function userView(user: UserState, now: number): OverviewUser {
  return {
    userId: user.userId,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    phoneNumber: user.phoneNumber,
    status: user.status,
    locked: user.lockExpireTime !== undefined && user.lockExpireTime > now,
    passwordSet: user.password !== undefined,
    primaryOrganizationalUnitId: user.primaryOrganizationalUnitId,
    organizationalUnitIds: [...user.organizationalUnitIds],
    groupIds: [...user.groupIds],
  };
}

function applicationView(app: ApplicationState): OverviewApplication {
  const { saml, oidc } = app.sso;
  return {
    applicationId: app.applicationId,
    applicationName: app.applicationName,
    clientId: app.clientId,
    ssoType: app.ssoType,
    status: app.status,
    authorizationType: app.authorizationType,
    apiInvokeStatus: app.apiInvokeStatus,
    grantScopes: [...app.grantScopes],
    // The SAML and OIDC blocks hold URLs, expressions and switches, never credentials.
    sso: {
      initLoginType: app.sso.initLoginType,
      initLoginUrl: app.sso.initLoginUrl,
      saml: saml && structuredClone({ ...saml }),
      oidc: oidc && structuredClone({ ...oidc }),
    },
    authorizations: {
      userIds: [...app.authorizations.users.keys()],
      groupIds: [...app.authorizations.groups.keys()],
      organizationalUnitIds: [...app.authorizations.organizationalUnits.keys()],
    },
    clientSecrets: [...app.clientSecrets.values()].map((s) => ({ secretId: s.secretId, status: s.status })),
    provisioning: { status: app.provisioning.status, protocolType: app.provisioning.protocolType },
  };
}

/** The overview of every instance `service` holds, in creation order. */
export function overviewOf(service: EiamService): Overview {
  const now = service.now();
  const instances = bySeq(service.state.instances.values()).map((inst): OverviewInstance => {
    const root = inst.organizationalUnits.get(inst.rootOrganizationalUnitId);
    return {
      instanceId: inst.instanceId,
      description: inst.description,
      // Computed, not promoted: the overview never writes, not even the status promotion.
      status: inst.status === 'creating' && now >= inst.runningAt ? 'running' : inst.status,
      createTime: inst.createTime,
      rootOrganizationalUnit: root
        ? unitTree(inst, root)
        : {
            organizationalUnitId: inst.rootOrganizationalUnitId,
            organizationalUnitName: '',
            memberCount: 0,
            children: [],
          },
      users: bySeq(inst.users.values()).map((u) => userView(u, now)),
      groups: bySeq(inst.groups.values()).map((g) => ({
        groupId: g.groupId,
        groupName: g.groupName,
        description: g.description,
        memberUserIds: inst.index.groupMembers.get(g.groupId)?.toArray() ?? [],
      })),
      applications: bySeq(inst.applications.values()).map(applicationView),
    };
  });
  return { instances };
}
