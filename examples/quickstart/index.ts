/**
 * Quickstart: a small company directory in Alibaba Cloud IDaaS EIAM.
 *
 * - one EIAM instance with a password policy,
 * - an organizational-unit tree: Example Corp → Engineering → Platform / Web, Sales, Support,
 * - a dozen accounts placed in those units,
 * - groups (engineers as a managed member list, admins as single memberships),
 * - a SAML application (the team wiki) and an OIDC application (the ops dashboard) with a
 *   client secret,
 * - who may use which application.
 *
 * `npm run demo` runs it against the bundled local server (`eiam-local`); the root Pulumi.yaml
 * points the `eiam:*` provider config there. Against the cloud, set `eiam:region` and your own
 * `eiam:accessKeyId` / `eiam:accessKeySecret` (with `--secret`) and remove `eiam:endpoint`.
 */
import * as pulumi from '@pulumi/pulumi';
import * as eiam from 'pulumi-alicloud-eiam';

const config = new pulumi.Config();

// Every account starts with this password (a secret in the stack config:
// `pulumi config set --secret initialPassword '…'`), and must change it at first logon.
// In the cloud, give each account its own random password instead, e.g.
//   import * as random from '@pulumi/random';
//   const password = new random.RandomPassword(`${username}-password`, { length: 20, special: true }).result;
// (the random provider plugin is then installed by `pulumi install`).
const initialPassword = config.requireSecret('initialPassword');
const emailDomain = config.get('emailDomain') ?? 'example.com';

// ---------------------------------------------------------------------------------------------
// Instance and password policy
// ---------------------------------------------------------------------------------------------

const directory = new eiam.Instance('directory', { description: 'Example Corp staff directory' });
const instanceId = directory.instanceId;

const passwordPolicy = new eiam.PasswordPolicy('password-policy', {
  instanceId,
  passwordComplexity: {
    passwordMinLength: 12,
    passwordComplexityRules: [
      'inclusion_upper_case',
      'inclusion_lower_case',
      'inclusion_number',
      'inclusion_special_case',
      'exclusion_username',
    ],
  },
  passwordHistory: { passwordHistoryStatus: 'enabled', passwordHistoryMaxRetention: 5 },
  passwordExpiration: {
    passwordExpirationStatus: 'enabled',
    passwordValidMaxDay: 180,
    passwordExpirationAction: 'force_update_password',
  },
});

// ---------------------------------------------------------------------------------------------
// Organizational units
// ---------------------------------------------------------------------------------------------

function unit(name: string, displayName: string, parent?: eiam.OrganizationalUnit, description?: string) {
  return new eiam.OrganizationalUnit(name, {
    instanceId,
    organizationalUnitName: displayName,
    description,
    // Without a parent, a unit goes under the instance's root unit.
    parentId: parent?.organizationalUnitId,
  });
}

const company = unit('company', 'Example Corp', undefined, 'Everyone at Example Corp');
const engineering = unit('engineering', 'Engineering', company);
const platform = unit('platform', 'Platform', engineering, 'Infrastructure and developer tooling');
const web = unit('web', 'Web', engineering, 'Customer-facing web applications');
const sales = unit('sales', 'Sales', company);
const support = unit('support', 'Support', company);
const units = { company, engineering, platform, web, sales, support };

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

interface Person {
  readonly username: string;
  readonly displayName: string;
  readonly unit: eiam.OrganizationalUnit;
  readonly description?: string;
}

const people: Person[] = [
  { username: 'alice', displayName: 'Alice Chen', unit: platform, description: 'Platform lead' },
  { username: 'bob', displayName: 'Bob Martin', unit: platform },
  { username: 'carol', displayName: 'Carol Diaz', unit: platform },
  { username: 'dan', displayName: 'Dan Okafor', unit: web, description: 'Web lead' },
  { username: 'erin', displayName: 'Erin Walsh', unit: web },
  { username: 'frank', displayName: 'Frank Li', unit: web },
  { username: 'grace', displayName: 'Grace Kim', unit: engineering, description: 'VP Engineering' },
  { username: 'heidi', displayName: 'Heidi Novak', unit: sales, description: 'Sales lead' },
  { username: 'ivan', displayName: 'Ivan Petrov', unit: sales },
  { username: 'judy', displayName: 'Judy Sato', unit: sales },
  { username: 'ken', displayName: 'Ken Adams', unit: support, description: 'Support lead' },
  { username: 'lena', displayName: 'Lena Berg', unit: support },
];

const users: Record<string, eiam.User> = {};
for (const p of people) {
  users[p.username] = new eiam.User(
    p.username,
    {
      instanceId,
      username: p.username,
      displayName: p.displayName,
      description: p.description,
      email: `${p.username}@${emailDomain}`,
      emailVerified: true,
      primaryOrganizationalUnitId: p.unit.organizationalUnitId,
      password: initialPassword,
    },
    // Passwords are checked against the policy in force when they are set.
    { dependsOn: [passwordPolicy] },
  );
}

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

const engineers = new eiam.Group('engineers', {
  instanceId,
  groupName: 'Engineers',
  description: 'Everyone who ships code',
});
// GroupMembers owns the whole member list: anyone added by hand is removed on the next `up`.
new eiam.GroupMembers('engineers-members', {
  instanceId,
  groupId: engineers.groupId,
  userIds: people
    .filter((p) => [platform, web, engineering].includes(p.unit))
    .map((p) => users[p.username].userId),
});

const admins = new eiam.Group('admins', {
  instanceId,
  groupName: 'Directory Admins',
  description: 'May manage the directory',
});
// GroupMembership manages one membership each: other members of the group are left alone.
for (const username of ['alice', 'grace']) {
  new eiam.GroupMembership(`admins-${username}`, {
    instanceId,
    groupId: admins.groupId,
    userId: users[username].userId,
  });
}

const onCall = new eiam.Group('on-call', { instanceId, groupName: 'On-call', description: 'Pager rotation' });
new eiam.GroupMembers('on-call-members', {
  instanceId,
  groupId: onCall.groupId,
  userIds: ['bob', 'erin', 'ken'].map((u) => users[u].userId),
});

// ---------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------

// The team wiki signs users in with SAML 2.0.
const wiki = new eiam.Application('wiki', {
  instanceId,
  applicationName: 'Team Wiki',
  ssoType: 'saml2',
  description: 'Engineering and company wiki',
  samlSsoConfig: {
    spEntityId: 'https://wiki.example.com/saml/metadata',
    spSsoAcsUrl: 'https://wiki.example.com/saml/acs',
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    nameIdValueExpression: 'user.email',
    attributeStatements: [
      { attributeName: 'displayName', attributeValueExpression: 'user.displayName' },
      { attributeName: 'username', attributeValueExpression: 'user.username' },
    ],
  },
});

// The ops dashboard is an OIDC client with a client secret.
const dashboard = new eiam.Application('dashboard', {
  instanceId,
  applicationName: 'Ops Dashboard',
  ssoType: 'oidc',
  description: 'Service health and on-call tooling',
  oidcSsoConfig: {
    grantTypes: ['authorization_code', 'refresh_token'],
    grantScopes: ['openid', 'email', 'profile'],
    redirectUris: ['https://dashboard.example.com/oauth2/callback'],
    postLogoutRedirectUris: ['https://dashboard.example.com/'],
    pkceRequired: true,
    pkceChallengeMethods: ['S256'],
    accessTokenEffectiveTime: 1200,
  },
});
const dashboardSecret = new eiam.ClientSecret('dashboard-secret', {
  instanceId,
  applicationId: dashboard.applicationId,
});

// Who may sign in where: the wiki for the whole company, the dashboard for engineers, admins
// and the support lead.
new eiam.ApplicationAuthorization('wiki-company', {
  instanceId,
  applicationId: wiki.applicationId,
  organizationalUnitId: company.organizationalUnitId,
});
new eiam.ApplicationAuthorization('dashboard-engineers', {
  instanceId,
  applicationId: dashboard.applicationId,
  groupId: engineers.groupId,
});
new eiam.ApplicationAuthorization('dashboard-admins', {
  instanceId,
  applicationId: dashboard.applicationId,
  groupId: admins.groupId,
});
new eiam.ApplicationAuthorization('dashboard-ken', {
  instanceId,
  applicationId: dashboard.applicationId,
  userId: users.ken.userId,
});

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

export const directoryInstanceId = instanceId;
export const directoryEndpoint = directory.defaultEndpoint;
export const organizationalUnitIds = Object.fromEntries(
  Object.entries(units).map(([name, u]) => [name, u.organizationalUnitId]),
);
export const userIds = Object.fromEntries(Object.entries(users).map(([name, u]) => [name, u.userId]));
export const groupIds = { engineers: engineers.groupId, admins: admins.groupId, onCall: onCall.groupId };
export const wikiApplicationId = wiki.applicationId;
export const wikiSamlMetadataUrl = wiki.samlMetaEndpoint;
export const wikiSamlSsoUrl = wiki.samlSsoEndpoint;
export const dashboardApplicationId = dashboard.applicationId;
export const dashboardClientId = dashboard.clientId;
export const dashboardIssuer = dashboard.oidcIssuer;
// A secret output: `pulumi stack output dashboardClientSecret --show-secrets` reveals it.
export const dashboardClientSecret = dashboardSecret.clientSecret;
