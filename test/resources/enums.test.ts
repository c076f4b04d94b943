/**
 * The enum-like inputs are string-literal unions: a typo does not compile (checked by `tsc`
 * over this file in `npm run lint` and by ts-jest here), and the lists behind the types agree
 * with what the providers' `check` and the local server accept.
 */
import * as eiam from '../../src';
import {
  OIDC_GRANT_TYPES as SERVER_GRANT_TYPES,
  PKCE_CHALLENGE_METHODS as SERVER_PKCE,
} from '../../src/local-server/model/application-sso';
import { applicationImplementation } from '../../src/resources/application';

test('enum inputs accept their values and reject typos at compile time', () => {
  const ok: eiam.ApplicationArgs = {
    instanceId: 'idaas_x',
    applicationName: 'Portal',
    ssoType: 'oidc',
    authorizationType: 'default_all',
    initLoginType: 'idaas_or_app_init_sso',
    applicationIdentityType: 'agent',
    applicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    oidcSsoConfig: { grantTypes: ['authorization_code', 'refresh_token'], pkceChallengeMethods: ['S256'] },
    provisioningConfig: {
      provisionProtocolType: 'scim2',
      scimProvisioningConfig: {
        scimBaseUrl: 'https://scim.example.com',
        authnConfiguration: { authnMode: 'oauth2', grantType: 'bearer_token' },
      },
    },
  };
  const user: eiam.UserArgs = { instanceId: 'idaas_x', username: 'a', status: 'disabled' };
  // @ts-expect-error a typo in ssoType
  const typo: eiam.ApplicationArgs = { instanceId: 'i', applicationName: 'n', ssoType: 'odic' };
  // @ts-expect-error not a user status
  const badStatus: eiam.UserArgs = { instanceId: 'i', username: 'u', status: 'active' };
  // @ts-expect-error not a grant type
  const badGrant: eiam.OidcGrantType = 'authorisation_code';
  expect([ok.ssoType, user.status, typo.ssoType, badStatus.status, badGrant]).toHaveLength(5);
});

test('the type lists agree with the local server and with check', async () => {
  expect([...eiam.OIDC_GRANT_TYPES]).toEqual([...SERVER_GRANT_TYPES]);
  expect([...eiam.PKCE_CHALLENGE_METHODS]).toEqual([...SERVER_PKCE]);
  const sso: eiam.SsoType[] = ['saml2', 'oidc'];
  for (const ssoType of sso) {
    const res = await applicationImplementation.check(
      {},
      { instanceId: 'idaas_x', applicationName: 'n', ssoType },
    );
    expect(res.failures ?? []).toEqual([]);
  }
  const bad = await applicationImplementation.check(
    {},
    { instanceId: 'idaas_x', applicationName: 'n', ssoType: 'cas' },
  );
  expect(bad.failures?.[0]?.property).toBe('ssoType');
});
