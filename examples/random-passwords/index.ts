/**
 * Accounts with their own random initial passwords, for an existing EIAM instance.
 *
 * Each account gets a `random.RandomPassword` (from `@pulumi/random`) that satisfies the
 * instance's password policy; the passwords exist only as Pulumi secrets (in the state,
 * encrypted) and are handed to the people by whatever channel you trust, e.g.
 * `pulumi stack output initialPasswords --show-secrets`.
 *
 * Needs the `random` provider plugin (`pulumi install`, or the plugin on PATH), so it runs
 * against Alibaba Cloud or anywhere the plugin can be installed; the repository tests it with
 * `pulumi.runtime.setMocks` (test/examples/random-passwords.test.ts).
 *
 * Config: `instanceId` (required), `organizationalUnitId` (optional; default: the root unit),
 * and the provider's `eiam:*` settings.
 */
import * as pulumi from '@pulumi/pulumi';
import * as random from '@pulumi/random';
import * as eiam from 'pulumi-alicloud-eiam';

const config = new pulumi.Config();
const instanceId = config.require('instanceId');
const organizationalUnitId = config.get('organizationalUnitId');

/** The people to create, by username. */
const people: Record<string, string> = {
  mia: 'Mia Rossi',
  noah: 'Noah Weber',
  olivia: 'Olivia Smith',
};

const passwords: Record<string, pulumi.Output<string>> = {};
const userIds: Record<string, pulumi.Output<string>> = {};
for (const [username, displayName] of Object.entries(people)) {
  // 20 characters with every class the default policies ask for. `keepers` would force a new
  // password when they change; none here, so a password is generated once per account.
  const password = new random.RandomPassword(`${username}-password`, {
    length: 20,
    minUpper: 2,
    minLower: 2,
    minNumeric: 2,
    minSpecial: 2,
    overrideSpecial: '!#%*+-=?_',
  });
  const user = new eiam.User(username, {
    instanceId,
    username,
    displayName,
    email: `${username}@example.com`,
    emailVerified: true,
    primaryOrganizationalUnitId: organizationalUnitId,
    password: password.result,
  });
  passwords[username] = password.result;
  userIds[username] = user.userId;
}

export const accountIds = userIds;
/** Secret: `pulumi stack output initialPasswords --show-secrets`. */
export const initialPasswords = pulumi.secret(passwords);
