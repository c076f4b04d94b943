/**
 * An OpenID Connect application added to an existing EIAM directory: the application, its
 * client secret, and sign-in rights for one group, found by name with a lookup. The outputs are
 * what the application's own OIDC client configuration needs.
 *
 * Run it after the quickstart (`npm run demo`), against the same local server. The quickstart's
 * stack belongs to the root project, so read its output from the repository root:
 *   pulumi config set instanceId "$(cd ../.. && pulumi stack output directoryInstanceId --stack demo)"
 *
 * Config: `instanceId` (required), `groupName` (default `Engineers`), `appUrl` (default
 * `https://grafana.example.com`), and the provider's `eiam:*` settings.
 */
import * as pulumi from '@pulumi/pulumi';
import * as eiam from 'pulumi-alicloud-eiam';

const config = new pulumi.Config();
const instanceId = config.require('instanceId');
// An empty value (e.g. from a `$(…)` that failed) would only fail later, inside a lookup.
if (!/^idaas_[a-z0-9]+$/.test(instanceId)) {
  throw new pulumi.RunError(
    `config instanceId must be an EIAM instance id (idaas_…), but it is ${instanceId === '' ? 'empty' : `"${instanceId}"`}. ` +
      'Set it with: pulumi config set instanceId idaas_… (the quickstart prints it as directoryInstanceId).',
  );
}
const groupName = config.get('groupName') ?? 'Engineers';
const appUrl = config.get('appUrl') ?? 'https://grafana.example.com';

// A group the directory already has: read, not managed.
const group = eiam.getGroupOutput({ instanceId, groupName });

const app = new eiam.Application('grafana', {
  instanceId,
  applicationName: 'Grafana',
  ssoType: 'oidc',
  description: `Dashboards at ${appUrl}`,
  oidcSsoConfig: {
    grantTypes: ['authorization_code', 'refresh_token'],
    grantScopes: ['openid', 'email', 'profile'],
    redirectUris: [`${appUrl}/login/generic_oauth`],
    postLogoutRedirectUris: [`${appUrl}/login`],
    pkceRequired: true,
    pkceChallengeMethods: ['S256'],
    customClaims: [{ claimName: 'groups', claimValueExpression: 'user.groups' }],
  },
});

const secret = new eiam.ClientSecret('grafana-secret', {
  instanceId,
  applicationId: app.applicationId,
});

new eiam.ApplicationAuthorization('grafana-group', {
  instanceId,
  applicationId: app.applicationId,
  groupId: group.groupId,
});

/** Settings for Grafana's `[auth.generic_oauth]` section. */
export const oidc = {
  clientId: app.clientId,
  clientSecret: secret.clientSecret, // secret: --show-secrets to see it
  issuer: app.oidcIssuer,
  authUrl: app.oauth2AuthorizationEndpoint,
  tokenUrl: app.oauth2TokenEndpoint,
  apiUrl: app.oauth2UserinfoEndpoint,
  jwksUrl: app.oidcJwksEndpoint,
};
export const authorizedGroupId = group.apply((g) => g.groupId);
