/**
 * The directory the resilience scenarios declare (about fifty objects: an instance, a password
 * policy, a unit tree, users, groups with members, two applications with a client secret and
 * authorizations), and what the server must hold once it is applied: exactly these objects, no
 * more (an orphan or a duplicate shows as an extra name) and no fewer.
 */
import type { EiamClient } from '../../src/client';
import type { Spec, SpecResource } from './directory-spec';

const INSTANCE = '${main.instanceId}';
const DEPARTMENTS = ['Engineering', 'Sales', 'Operations'];
const TEAMS_PER_DEPARTMENT = 2;
const USERS_PER_TEAM = 2;
const GROUPS = ['g-alpha', 'g-beta', 'g-gamma', 'g-delta', 'g-epsilon'];

/** What the server must hold for the stack's instance, as sorted comparable lines. */
export interface Inventory {
  /** `parentName/name` of every unit (the root unit's name is `(root)`). */
  readonly units: string[];
  /** Usernames. */
  readonly users: string[];
  /** Group names. */
  readonly groups: string[];
  /** `group: user` member lines. */
  readonly members: string[];
  /** `ssoType name` of every application. */
  readonly applications: string[];
  /** `application: n secrets`. */
  readonly secrets: string[];
  /** `application: kind name` authorization lines. */
  readonly authorizations: string[];
}

function ouKey(dept: number, team?: number): string {
  return team === undefined ? `dept${dept}` : `team${dept}-${team}`;
}

/** The spec and the inventory it declares. */
export function resilienceSpec(): { spec: Spec; expected: Inventory } {
  const resources: SpecResource[] = [
    { type: 'Instance', name: 'main', args: { description: 'e2e resilience directory' } },
    {
      type: 'PasswordPolicy',
      name: 'policy',
      args: { instanceId: INSTANCE, passwordComplexity: { passwordMinLength: 10 } },
    },
    {
      type: 'OrganizationalUnit',
      name: 'company',
      args: { instanceId: INSTANCE, organizationalUnitName: 'Company' },
    },
  ];
  const units = ['(root)/Company'];
  const users: string[] = [];
  const teamOf = new Map<string, string>();
  DEPARTMENTS.forEach((dept, d) => {
    resources.push({
      type: 'OrganizationalUnit',
      name: ouKey(d),
      args: {
        instanceId: INSTANCE,
        organizationalUnitName: dept,
        parentId: '${company.organizationalUnitId}',
      },
    });
    units.push(`Company/${dept}`);
    for (let t = 0; t < TEAMS_PER_DEPARTMENT; t++) {
      const team = `${dept} Team ${t + 1}`;
      resources.push({
        type: 'OrganizationalUnit',
        name: ouKey(d, t),
        args: {
          instanceId: INSTANCE,
          organizationalUnitName: team,
          parentId: `\${${ouKey(d)}.organizationalUnitId}`,
        },
      });
      units.push(`${dept}/${team}`);
      for (let u = 0; u < USERS_PER_TEAM; u++) {
        const username = `${dept.toLowerCase()}-${t + 1}-${u + 1}`;
        resources.push({
          type: 'User',
          name: username,
          args: {
            instanceId: INSTANCE,
            username,
            displayName: `User ${username}`,
            email: `${username}@example.com`,
            emailVerified: true,
            primaryOrganizationalUnitId: `\${${ouKey(d, t)}.organizationalUnitId}`,
          },
        });
        users.push(username);
        teamOf.set(username, team);
      }
    }
  });
  const members: string[] = [];
  GROUPS.forEach((group, g) => {
    resources.push({ type: 'Group', name: group, args: { instanceId: INSTANCE, groupName: group } });
    // Two single memberships per group; the first group's list is also managed as a whole.
    const chosen = [users[(2 * g) % users.length], users[(2 * g + 5) % users.length]];
    if (g === 0) {
      resources.push({
        type: 'GroupMembers',
        name: `${group}-members`,
        args: {
          instanceId: INSTANCE,
          groupId: `\${${group}.groupId}`,
          userIds: chosen.map((u) => `\${${u}.userId}`),
        },
      });
    } else {
      for (const user of chosen) {
        resources.push({
          type: 'GroupMembership',
          name: `${group}-${user}`,
          args: { instanceId: INSTANCE, groupId: `\${${group}.groupId}`, userId: `\${${user}.userId}` },
        });
      }
    }
    for (const user of chosen) members.push(`${group}: ${user}`);
  });
  resources.push(
    {
      type: 'Application',
      name: 'portal',
      args: {
        instanceId: INSTANCE,
        applicationName: 'Resilient Portal',
        ssoType: 'oidc',
        oidcSsoConfig: {
          grantTypes: ['authorization_code'],
          redirectUris: ['https://portal.example.com/callback'],
        },
      },
    },
    {
      type: 'Application',
      name: 'wiki',
      args: {
        instanceId: INSTANCE,
        applicationName: 'Resilient Wiki',
        ssoType: 'saml2',
        samlSsoConfig: {
          spEntityId: 'https://wiki.example.com/saml/metadata',
          spSsoAcsUrl: 'https://wiki.example.com/saml/acs',
        },
      },
    },
    {
      type: 'ClientSecret',
      name: 'portal-secret',
      args: { instanceId: INSTANCE, applicationId: '${portal.applicationId}' },
    },
    {
      type: 'ApplicationAuthorization',
      name: 'portal-alpha',
      args: { instanceId: INSTANCE, applicationId: '${portal.applicationId}', groupId: '${g-alpha.groupId}' },
    },
    {
      type: 'ApplicationAuthorization',
      name: 'portal-sales',
      args: {
        instanceId: INSTANCE,
        applicationId: '${portal.applicationId}',
        organizationalUnitId: '${dept1.organizationalUnitId}',
      },
    },
    {
      type: 'ApplicationAuthorization',
      name: 'wiki-beta',
      args: { instanceId: INSTANCE, applicationId: '${wiki.applicationId}', groupId: '${g-beta.groupId}' },
    },
    {
      type: 'ApplicationAuthorization',
      name: 'wiki-user',
      args: {
        instanceId: INSTANCE,
        applicationId: '${wiki.applicationId}',
        userId: `\${${users[0]}.userId}`,
      },
    },
  );
  const expected: Inventory = {
    units: units.sort(),
    users: [...users].sort(),
    groups: [...GROUPS].sort(),
    members: members.sort(),
    applications: ['oidc Resilient Portal', 'saml2 Resilient Wiki'],
    secrets: ['Resilient Portal: 1 secrets', 'Resilient Wiki: 0 secrets'],
    authorizations: [
      'Resilient Portal: group g-alpha',
      'Resilient Portal: organizationalUnit Sales',
      'Resilient Wiki: group g-beta',
      `Resilient Wiki: user ${users[0]}`,
    ].sort(),
  };
  return { spec: { resources, exports: { instanceId: INSTANCE } }, expected };
}

/** What the server holds for `instanceId`, in the shape of {@link Inventory}. */
export async function inventoryOf(client: EiamClient, instanceId: string): Promise<Inventory> {
  const InstanceId = instanceId;
  const ous = await client.listAll('ListOrganizationalUnits', { InstanceId });
  const ouName = new Map(ous.map((o) => [o.OrganizationalUnitId ?? '', o.OrganizationalUnitName ?? '']));
  const units = ous
    .filter((o) => o.ParentId)
    .map((o) => {
      const parent = ous.find((p) => p.OrganizationalUnitId === o.ParentId);
      const label = parent === undefined ? '?' : parent.ParentId ? parent.OrganizationalUnitName : '(root)';
      return `${label}/${o.OrganizationalUnitName}`;
    });
  const users = await client.listAll('ListUsers', { InstanceId });
  const username = new Map(users.map((u) => [u.UserId ?? '', u.Username ?? '']));
  const groups = await client.listAll('ListGroups', { InstanceId });
  const members: string[] = [];
  for (const g of groups) {
    for (const m of await client.listAll('ListUsersForGroup', { InstanceId, GroupId: g.GroupId ?? '' })) {
      members.push(`${g.GroupName}: ${username.get(m.UserId ?? '') ?? m.UserId}`);
    }
  }
  const groupName = new Map(groups.map((g) => [g.GroupId ?? '', g.GroupName ?? '']));
  const apps = await client.listAll('ListApplications', { InstanceId });
  const secrets: string[] = [];
  const authorizations: string[] = [];
  for (const a of apps) {
    const ApplicationId = a.ApplicationId ?? '';
    const list = await client.listAll('ListApplicationClientSecrets', { InstanceId, ApplicationId });
    secrets.push(`${a.ApplicationName}: ${list.length} secrets`);
    for (const x of await client.listAll('ListGroupsForApplication', { InstanceId, ApplicationId })) {
      authorizations.push(`${a.ApplicationName}: group ${groupName.get(x.GroupId ?? '') ?? x.GroupId}`);
    }
    for (const x of await client.listAll('ListOrganizationalUnitsForApplication', {
      InstanceId,
      ApplicationId,
    })) {
      authorizations.push(
        `${a.ApplicationName}: organizationalUnit ${ouName.get(x.OrganizationalUnitId ?? '') ?? x.OrganizationalUnitId}`,
      );
    }
    for (const x of await client.listAll('ListUsersForApplication', { InstanceId, ApplicationId })) {
      authorizations.push(`${a.ApplicationName}: user ${username.get(x.UserId ?? '') ?? x.UserId}`);
    }
  }
  return {
    units: units.sort(),
    users: [...username.values()].sort(),
    groups: [...groupName.values()].sort(),
    members: members.sort(),
    applications: apps.map((a) => `${a.SsoType} ${a.ApplicationName}`).sort(),
    secrets: secrets.sort(),
    authorizations: authorizations.sort(),
  };
}
