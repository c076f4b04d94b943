/**
 * The quickstart-like directory the end-to-end scenarios declare through the spec-driven program
 * (`program/index.js`): an instance, an organizational-unit tree, users with secret initial
 * passwords, groups (one managed as a member list, one as single memberships), a SAML and an
 * OIDC application, a client secret, authorizations to a group, a unit and a user, and a
 * password policy.
 */

/** One resource of the spec (see `program/index.js`). */
export interface SpecResource {
  /** Resource class exported by the package. */
  readonly type: string;
  /** Logical name, unique in the spec. */
  readonly name: string;
  /** Arguments; `${name.output}` strings refer to earlier resources. */
  readonly args: Record<string, unknown>;
  /** Id to adopt with the `import` resource option. */
  readonly import?: string;
}

/** The whole spec. */
export interface Spec {
  /** Resources in declaration order. */
  readonly resources: SpecResource[];
  /** Stack outputs. */
  readonly exports?: Record<string, unknown>;
}

/** Config key (in the program's namespace) holding the users' initial password. */
export const PASSWORD_CONFIG_KEY = 'initialPassword';
/** The initial password the tests set (satisfies the declared password policy). */
export const INITIAL_PASSWORD = 'E2e-Initial-Passw0rd!';

/** Variations of the directory. */
export interface DirectoryOptions {
  /** Username of `alice` (renamed in place). */
  readonly aliceUsername?: string;
  /** SSO type of the `wiki` application (a change replaces it). */
  readonly wikiSsoType?: 'saml2' | 'oidc';
  /** Resources appended to the directory. */
  readonly extra?: readonly SpecResource[];
  /** Overrides merged into one resource's args, by name. */
  readonly override?: Readonly<Record<string, Record<string, unknown>>>;
}

const INSTANCE = '${main.instanceId}';
const password = { $secretConfig: PASSWORD_CONFIG_KEY };

function user(name: string, displayName: string, unit: string): SpecResource {
  return {
    type: 'User',
    name,
    args: {
      instanceId: INSTANCE,
      username: name,
      displayName,
      email: `${name}@example.com`,
      emailVerified: true,
      primaryOrganizationalUnitId: `\${${unit}.organizationalUnitId}`,
      password,
    },
  };
}

function unit(name: string, ouName: string, parent?: string): SpecResource {
  return {
    type: 'OrganizationalUnit',
    name,
    args: {
      instanceId: INSTANCE,
      organizationalUnitName: ouName,
      ...(parent ? { parentId: `\${${parent}.organizationalUnitId}` } : {}),
    },
  };
}

/** SAML settings of the wiki. */
export const WIKI_SAML = {
  spEntityId: 'https://wiki.example.com/saml/metadata',
  spSsoAcsUrl: 'https://wiki.example.com/saml/acs',
  nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  nameIdValueExpression: 'user.email',
};

/** OIDC settings of the portal (and of the wiki once it switches to OIDC). */
export function oidcConfig(host: string): Record<string, unknown> {
  return {
    grantTypes: ['authorization_code', 'refresh_token'],
    grantScopes: ['openid', 'email', 'profile'],
    redirectUris: [`https://${host}/oauth/callback`],
  };
}

/** The directory spec. */
export function directorySpec(options: DirectoryOptions = {}): Spec {
  const wikiSso = options.wikiSsoType ?? 'saml2';
  const resources: SpecResource[] = [
    { type: 'Instance', name: 'main', args: { description: 'e2e quickstart directory' } },
    {
      type: 'PasswordPolicy',
      name: 'policy',
      args: {
        instanceId: INSTANCE,
        passwordComplexity: {
          passwordMinLength: 10,
          passwordComplexityRules: ['inclusion_upper_case', 'inclusion_lower_case', 'inclusion_number'],
        },
        passwordHistory: { passwordHistoryStatus: 'enabled', passwordHistoryMaxRetention: 5 },
      },
    },
    unit('company', 'Company'),
    unit('engineering', 'Engineering', 'company'),
    unit('platform', 'Platform', 'engineering'),
    unit('sales', 'Sales', 'company'),
    unit('marketing', 'Marketing', 'company'),
    user('alice', 'Alice Liddell', 'engineering'),
    user('bob', 'Bob Builder', 'platform'),
    user('carol', 'Carol Danvers', 'sales'),
    user('dave', 'Dave Grohl', 'platform'),
    {
      type: 'Group',
      name: 'developers',
      args: { instanceId: INSTANCE, groupName: 'Developers', description: 'All developers' },
    },
    {
      type: 'Group',
      name: 'admins',
      args: { instanceId: INSTANCE, groupName: 'Admins', description: 'Directory admins' },
    },
    {
      type: 'GroupMembers',
      name: 'developers-members',
      args: {
        instanceId: INSTANCE,
        groupId: '${developers.groupId}',
        userIds: ['${alice.userId}', '${bob.userId}', '${dave.userId}'],
      },
    },
    {
      type: 'GroupMembership',
      name: 'admins-alice',
      args: { instanceId: INSTANCE, groupId: '${admins.groupId}', userId: '${alice.userId}' },
    },
    {
      type: 'Application',
      name: 'wiki',
      args: {
        instanceId: INSTANCE,
        applicationName: 'Team Wiki',
        ssoType: wikiSso,
        description: 'Internal wiki',
        ...(wikiSso === 'saml2'
          ? { samlSsoConfig: WIKI_SAML }
          : { oidcSsoConfig: oidcConfig('wiki.example.com') }),
      },
    },
    {
      type: 'Application',
      name: 'portal',
      args: {
        instanceId: INSTANCE,
        applicationName: 'Customer Portal',
        ssoType: 'oidc',
        description: 'Customer portal',
        oidcSsoConfig: oidcConfig('portal.example.com'),
      },
    },
    {
      type: 'ClientSecret',
      name: 'portal-secret',
      args: { instanceId: INSTANCE, applicationId: '${portal.applicationId}', enabled: true },
    },
    {
      type: 'ApplicationAuthorization',
      name: 'wiki-developers',
      args: {
        instanceId: INSTANCE,
        applicationId: '${wiki.applicationId}',
        groupId: '${developers.groupId}',
      },
    },
    {
      type: 'ApplicationAuthorization',
      name: 'portal-sales',
      args: {
        instanceId: INSTANCE,
        applicationId: '${portal.applicationId}',
        organizationalUnitId: '${sales.organizationalUnitId}',
      },
    },
    {
      type: 'ApplicationAuthorization',
      name: 'portal-alice',
      args: { instanceId: INSTANCE, applicationId: '${portal.applicationId}', userId: '${alice.userId}' },
    },
    ...(options.extra ?? []),
  ];
  if (options.aliceUsername) {
    const alice = resources.find((r) => r.name === 'alice')!;
    alice.args.username = options.aliceUsername;
  }
  for (const [name, args] of Object.entries(options.override ?? {})) {
    const r = resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource ${name} in the directory spec`);
    Object.assign(r.args, args);
  }
  return {
    resources,
    exports: {
      instanceId: INSTANCE,
      rootOuId: '${company.parentId}',
      userIds: {
        alice: '${alice.userId}',
        bob: '${bob.userId}',
        carol: '${carol.userId}',
        dave: '${dave.userId}',
      },
      groupIds: { developers: '${developers.groupId}', admins: '${admins.groupId}' },
      applicationIds: { wiki: '${wiki.applicationId}', portal: '${portal.applicationId}' },
      portalClientId: '${portal.clientId}',
      portalIssuer: '${portal.oidcIssuer}',
      portalClientSecret: '${portal-secret.clientSecret}',
    },
  };
}
