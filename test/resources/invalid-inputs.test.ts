/**
 * One table of invalid inputs across every resource kind, run through each provider's `check`
 * the way the engine calls it at preview: each must fail, name the field by its path and the rule,
 * keep secret values out of every message and out of the property the engine would print, and
 * the local server must receive no call at all.
 */
import type * as pulumi from '@pulumi/pulumi';
import { applicationAuthorizationProvider } from '../../src/resources/application-authorization';
import { applicationProvider } from '../../src/resources/application';
import { clientSecretProvider } from '../../src/resources/client-secret';
import { groupMembersProvider, groupMembershipProvider } from '../../src/resources/group-membership';
import { groupProvider } from '../../src/resources/group';
import { instanceProvider } from '../../src/resources/instance';
import { organizationalUnitProvider } from '../../src/resources/organizational-unit';
import { passwordPolicyProvider } from '../../src/resources/password-policy';
import { userProvider } from '../../src/resources/user';
import { PROVIDER_ENTRY, startHarness, type Harness } from './harness';

const I = 'idaas_check1';
const OU = 'ou_check1';
const USER = 'user_check1';
const GROUP = 'group_check1';
const APP = 'app_check1';
const DAY = 24 * 3600 * 1000;
/** Secret values used below; none may appear in any failure. */
const LONG_PASSWORD = `Secret-${'p'.repeat(70)}`;
const BAD_ENCRYPT_KEY = 'not-a-hex-key-but-secret-material';

type Inputs = Record<string, unknown>;
/** [kind, what is wrong, inputs, the field path the failure must name]. */
type Case = [string, string, Inputs, string];

const base = {
  Instance: { description: 'staff' },
  OrganizationalUnit: { instanceId: I, organizationalUnitName: 'Engineering' },
  User: { instanceId: I, username: 'alice' },
  Group: { instanceId: I, groupName: 'admins' },
  GroupMembership: { instanceId: I, groupId: GROUP, userId: USER },
  GroupMembers: { instanceId: I, groupId: GROUP, userIds: [USER] },
  ApplicationAuthorization: { instanceId: I, applicationId: APP, groupId: GROUP },
  ClientSecret: { instanceId: I, applicationId: APP },
  PasswordPolicy: { instanceId: I },
};
const SAML = { spEntityId: 'https://wiki.example.com/sp', spSsoAcsUrl: 'https://wiki.example.com/acs' };
const OIDC = { grantTypes: ['authorization_code'], redirectUris: ['https://app.example.com/callback'] };
const saml = (extra: Inputs = {}, block: Inputs = {}): Inputs => ({
  instanceId: I,
  applicationName: 'Wiki',
  ssoType: 'saml2',
  samlSsoConfig: { ...SAML, ...block },
  ...extra,
});
const oidc = (block: Inputs = {}, extra: Inputs = {}): Inputs => ({
  instanceId: I,
  applicationName: 'Portal',
  ssoType: 'oidc',
  oidcSsoConfig: { ...OIDC, ...block },
  ...extra,
});
const scim = (authn: Inputs): Inputs =>
  saml({
    provisioningConfig: {
      provisionProtocolType: 'scim2',
      scimProvisioningConfig: { scimBaseUrl: 'https://scim.example.com/v2', authnConfiguration: authn },
    },
  });
const callback = (block: Inputs): Inputs =>
  saml({
    provisioningConfig: {
      provisionProtocolType: 'idaas_callback',
      callbackProvisioningConfig: { callbackUrl: 'https://hooks.example.com/eiam', ...block },
    },
  });
const with_ = (kind: keyof typeof base, extra: Inputs): Inputs => ({ ...base[kind], ...extra });
const without = (kind: keyof typeof base, field: string): Inputs => {
  const copy: Inputs = { ...base[kind] };
  delete copy[field];
  return copy;
};

const cases: Case[] = [
  // Instance
  ['Instance', 'an unknown property (near miss)', with_('Instance', { descriptoin: 'x' }), 'descriptoin'],
  [
    'Instance',
    'an over-long description',
    with_('Instance', { description: 'd'.repeat(129) }),
    'description',
  ],
  [
    'Instance',
    'a zero creation timeout',
    with_('Instance', { creationTimeoutSeconds: 0 }),
    'creationTimeoutSeconds',
  ],
  [
    'Instance',
    'a timeout given as text',
    with_('Instance', { creationTimeoutSeconds: 'ten' }),
    'creationTimeoutSeconds',
  ],
  ['Instance', 'a description that is a number', with_('Instance', { description: 5 }), 'description'],
  // OrganizationalUnit
  ['OrganizationalUnit', 'no instanceId', without('OrganizationalUnit', 'instanceId'), 'instanceId'],
  [
    'OrganizationalUnit',
    'an instanceId of the wrong shape',
    with_('OrganizationalUnit', { instanceId: 'abc' }),
    'instanceId',
  ],
  [
    'OrganizationalUnit',
    'a unit id where the instance id belongs',
    with_('OrganizationalUnit', { instanceId: OU }),
    'instanceId',
  ],
  [
    'OrganizationalUnit',
    'a user id as parentId',
    with_('OrganizationalUnit', { parentId: USER }),
    'parentId',
  ],
  [
    'OrganizationalUnit',
    'a parentId with capitals',
    with_('OrganizationalUnit', { parentId: 'ou_ABC' }),
    'parentId',
  ],
  [
    'OrganizationalUnit',
    'an over-long name',
    with_('OrganizationalUnit', { organizationalUnitName: 'n'.repeat(65) }),
    'organizationalUnitName',
  ],
  [
    'OrganizationalUnit',
    'no name',
    without('OrganizationalUnit', 'organizationalUnitName'),
    'organizationalUnitName',
  ],
  [
    'OrganizationalUnit',
    'an empty external id',
    with_('OrganizationalUnit', { organizationalUnitExternalId: '' }),
    'organizationalUnitExternalId',
  ],
  [
    'OrganizationalUnit',
    'forceDeleteChildren as text',
    with_('OrganizationalUnit', { forceDeleteChildren: 'yes' }),
    'forceDeleteChildren',
  ],
  [
    'OrganizationalUnit',
    'an unknown property (case)',
    with_('OrganizationalUnit', { parentID: OU }),
    'parentID',
  ],
  [
    'OrganizationalUnit',
    'an over-long description',
    with_('OrganizationalUnit', { description: 'd'.repeat(257) }),
    'description',
  ],
  // User
  ['User', 'a username with a space', with_('User', { username: 'has space' }), 'username'],
  ['User', 'an over-long username', with_('User', { username: 'u'.repeat(257) }), 'username'],
  ['User', 'an invalid email', with_('User', { email: 'not-an-email', emailVerified: true }), 'email'],
  ['User', 'an email without emailVerified', with_('User', { email: 'a@example.com' }), 'emailVerified'],
  [
    'User',
    'a phone number without region',
    with_('User', { phoneNumber: '13800000000', phoneNumberVerified: true }),
    'phoneRegion',
  ],
  [
    'User',
    'a two-digit phone number',
    with_('User', { phoneNumber: '12', phoneRegion: '86', phoneNumberVerified: true }),
    'phoneNumber',
  ],
  ['User', 'a phone region with +', with_('User', { phoneRegion: '+86' }), 'phoneRegion'],
  ['User', 'an unknown status', with_('User', { status: 'paused' }), 'status'],
  ['User', 'a password over 64 characters', with_('User', { password: LONG_PASSWORD }), 'password'],
  ['User', 'an empty password', with_('User', { password: '' }), 'password'],
  [
    'User',
    'a user id as primary unit',
    with_('User', { primaryOrganizationalUnitId: USER }),
    'primaryOrganizationalUnitId',
  ],
  [
    'User',
    'a unit id given as a string, not a list',
    with_('User', { organizationalUnitIds: OU }),
    'organizationalUnitIds',
  ],
  [
    'User',
    'a group id among the units',
    with_('User', { organizationalUnitIds: [OU, GROUP] }),
    'organizationalUnitIds[1]',
  ],
  [
    'User',
    'more than 100 units',
    with_('User', { organizationalUnitIds: Array.from({ length: 101 }, (_, i) => `ou_n${i}`) }),
    'organizationalUnitIds',
  ],
  ['User', 'customFields not a list', with_('User', { customFields: { fieldName: 'a' } }), 'customFields'],
  [
    'User',
    'a custom field listed twice',
    with_('User', {
      customFields: [
        { fieldName: 'a', fieldValue: '1' },
        { fieldName: 'a', fieldValue: '2' },
      ],
    }),
    'customFields[1].fieldName',
  ],
  [
    'User',
    'a custom field without name',
    with_('User', { customFields: [{ fieldValue: '1' }] }),
    'customFields[0].fieldName',
  ],
  [
    'User',
    'a misspelt custom-field key',
    with_('User', { customFields: [{ fieldName: 'a', fieldVlaue: '1' }] }),
    'customFields[0].fieldVlaue',
  ],
  [
    'User',
    'an unknown password initialization type',
    with_('User', { passwordInitializationConfig: { passwordInitializationType: 'sequential' } }),
    'passwordInitializationConfig.passwordInitializationType',
  ],
  [
    'User',
    'an unknown notification channel',
    with_('User', { passwordInitializationConfig: { userNotificationChannels: ['fax'] } }),
    'passwordInitializationConfig.userNotificationChannels[0]',
  ],
  [
    'User',
    'an unknown key in passwordInitializationConfig',
    with_('User', { passwordInitializationConfig: { priority: 'global' } }),
    'passwordInitializationConfig.priority',
  ],
  ['User', 'an unknown property (case)', with_('User', { userName: 'alice' }), 'userName'],
  ['User', 'an over-long display name', with_('User', { displayName: 'd'.repeat(257) }), 'displayName'],
  ['User', 'an over-long external id', with_('User', { userExternalId: 'e'.repeat(129) }), 'userExternalId'],
  [
    'User',
    'emailVerified as text',
    with_('User', { email: 'a@example.com', emailVerified: 'true' }),
    'emailVerified',
  ],
  // Group
  ['Group', 'an over-long name', with_('Group', { groupName: 'g'.repeat(65) }), 'groupName'],
  ['Group', 'no name', without('Group', 'groupName'), 'groupName'],
  ['Group', 'an over-long description', with_('Group', { description: 'd'.repeat(257) }), 'description'],
  ['Group', 'an empty external id', with_('Group', { groupExternalId: '' }), 'groupExternalId'],
  ['Group', 'an unknown property', with_('Group', { name: 'admins' }), 'name'],
  ['Group', 'an application id as instanceId', with_('Group', { instanceId: APP }), 'instanceId'],
  // GroupMembership
  ['GroupMembership', 'a unit id as groupId', with_('GroupMembership', { groupId: OU }), 'groupId'],
  ['GroupMembership', 'a group id as userId', with_('GroupMembership', { userId: GROUP }), 'userId'],
  ['GroupMembership', 'no userId', without('GroupMembership', 'userId'), 'userId'],
  ['GroupMembership', 'an unknown property', with_('GroupMembership', { user: USER }), 'user'],
  [
    'GroupMembership',
    'a groupId that is no id',
    with_('GroupMembership', { groupId: 'not an id' }),
    'groupId',
  ],
  // GroupMembers
  ['GroupMembers', 'a string where the list belongs', with_('GroupMembers', { userIds: USER }), 'userIds'],
  ['GroupMembers', 'a unit id among the users', with_('GroupMembers', { userIds: [USER, OU] }), 'userIds[1]'],
  ['GroupMembers', 'no userIds', without('GroupMembers', 'userIds'), 'userIds'],
  ['GroupMembers', 'an unknown property', with_('GroupMembers', { members: [USER] }), 'members'],
  // Application: top level
  ['Application', 'an over-long name', saml({ applicationName: 'a'.repeat(129) }), 'applicationName'],
  ['Application', 'an unknown ssoType', saml({ ssoType: 'cas' }), 'ssoType'],
  ['Application', 'an unknown property (case)', saml({ ssotype: 'saml2' }), 'ssotype'],
  ['Application', 'SAML settings on an OIDC application', oidc({}, { samlSsoConfig: SAML }), 'samlSsoConfig'],
  ['Application', 'OIDC settings on a SAML application', saml({ oidcSsoConfig: OIDC }), 'oidcSsoConfig'],
  [
    'Application',
    'a user id among the owning groups',
    saml({ applicationOwner: { groupIds: [USER] } }),
    'applicationOwner.groupIds[0]',
  ],
  [
    'Application',
    'an unknown key in applicationOwner',
    saml({ applicationOwner: { users: [USER] } }),
    'applicationOwner.users',
  ],
  [
    'Application',
    'a user id in the provisioning scope groups',
    saml({ provisioningScope: { groupIds: [USER] } }),
    'provisioningScope.groupIds[0]',
  ],
  [
    'Application',
    'an unknown Developer API scope',
    saml({ grantScopes: ['urn:alibaba:idaas:scope:everything'] }),
    'grantScopes[0]',
  ],
  ['Application', 'an ftp logo URL', saml({ logoUrl: 'ftp://logo.example.com/x.png' }), 'logoUrl'],
  ['Application', 'an unknown initLoginType', saml({ initLoginType: 'never' }), 'initLoginType'],
  [
    'Application',
    'a template application without template id',
    saml({ applicationSourceType: 'urn:alibaba:idaas:app:source:template' }),
    'applicationTemplateId',
  ],
  [
    'Application',
    'an unknown authorizationType',
    saml({ authorizationType: 'everyone' }),
    'authorizationType',
  ],
  ['Application', 'enabled as text', saml({ enabled: 'yes' }), 'enabled'],
  ['Application', 'a group id as instanceId', saml({ instanceId: GROUP }), 'instanceId'],
  // Application: SAML
  ['Application', 'a relative ACS URL', saml({}, { spSsoAcsUrl: '/acs' }), 'samlSsoConfig.spSsoAcsUrl'],
  [
    'Application',
    'an unknown signature algorithm',
    saml({}, { signatureAlgorithm: 'MD5' }),
    'samlSsoConfig.signatureAlgorithm',
  ],
  [
    'Application',
    'an unknown NameID format',
    saml({}, { nameIdFormat: 'email' }),
    'samlSsoConfig.nameIdFormat',
  ],
  [
    'Application',
    'nothing signed',
    saml({}, { assertionSigned: false, responseSigned: false }),
    'samlSsoConfig.responseSigned',
  ],
  [
    'Application',
    'an attribute without name',
    saml(
      {},
      {
        attributeStatements: [
          { attributeName: 'a', attributeValueExpression: 'user.a' },
          { attributeName: 'b', attributeValueExpression: 'user.b' },
          { attributeValueExpression: 'user.c' },
        ],
      },
    ),
    'samlSsoConfig.attributeStatements[2].attributeName',
  ],
  [
    'Application',
    'a repeated attribute name',
    saml(
      {},
      {
        attributeStatements: [
          { attributeName: 'a', attributeValueExpression: 'x' },
          { attributeName: 'a', attributeValueExpression: 'y' },
        ],
      },
    ),
    'samlSsoConfig.attributeStatements[1].attributeName',
  ],
  [
    'Application',
    'relay states without a default',
    saml({}, { optionalRelayStates: [{ displayName: 'Home', relayState: 'https://wiki.example.com/' }] }),
    'samlSsoConfig.defaultRelayState',
  ],
  ['Application', 'a misspelt SAML field', saml({}, { spEntityID: 'x' }), 'samlSsoConfig.spEntityID'],
  [
    'Application',
    'a misspelt attribute key',
    saml({}, { attributeStatements: [{ attributeName: 'a', attributeValue: 'x' }] }),
    'samlSsoConfig.attributeStatements[0].attributeValue',
  ],
  // Application: OIDC
  [
    'Application',
    'a relative redirect URI',
    oidc({ redirectUris: ['/callback'] }),
    'oidcSsoConfig.redirectUris[0]',
  ],
  [
    'Application',
    'a redirect URI with a fragment',
    oidc({ redirectUris: ['https://app.example.com/cb#frag'] }),
    'oidcSsoConfig.redirectUris[0]',
  ],
  [
    'Application',
    'a redirect URI that is no URI',
    oidc({ redirectUris: ['https://ok.example.com/cb', 'not a uri'] }),
    'oidcSsoConfig.redirectUris[1]',
  ],
  [
    'Application',
    'a logout redirect with a fragment',
    oidc({ postLogoutRedirectUris: ['https://app.example.com/#/bye'] }),
    'oidcSsoConfig.postLogoutRedirectUris[0]',
  ],
  [
    'Application',
    'an unknown grant type',
    oidc({ grantTypes: ['authorization_code', 'magic'] }),
    'oidcSsoConfig.grantTypes[1]',
  ],
  [
    'Application',
    'an unknown grant scope',
    oidc({ grantScopes: ['openid', 'admin'] }),
    'oidcSsoConfig.grantScopes[1]',
  ],
  [
    'Application',
    'an access token living 10 s',
    oidc({ accessTokenEffectiveTime: 10 }),
    'oidcSsoConfig.accessTokenEffectiveTime',
  ],
  [
    'Application',
    'an access token living 12 days',
    oidc({ accessTokenEffectiveTime: 1_000_000 }),
    'oidcSsoConfig.accessTokenEffectiveTime',
  ],
  [
    'Application',
    'a fractional ID token lifetime',
    oidc({ idTokenEffectiveTime: 300.5 }),
    'oidcSsoConfig.idTokenEffectiveTime',
  ],
  [
    'Application',
    'a code living over 10 minutes',
    oidc({ codeEffectiveTime: 601 }),
    'oidcSsoConfig.codeEffectiveTime',
  ],
  [
    'Application',
    'a refresh token living 100 s',
    oidc({ refreshTokenEffective: 100 }),
    'oidcSsoConfig.refreshTokenEffective',
  ],
  [
    'Application',
    'response types without implicit',
    oidc({ responseTypes: ['token'] }),
    'oidcSsoConfig.responseTypes',
  ],
  [
    'Application',
    'a response type repeating a token',
    oidc({ grantTypes: ['implicit'], responseTypes: ['token token'] }),
    'oidcSsoConfig.responseTypes[0]',
  ],
  [
    'Application',
    'a reserved custom claim',
    oidc({ customClaims: [{ claimName: 'sub', claimValueExpression: 'user.id' }] }),
    'oidcSsoConfig.customClaims[0].claimName',
  ],
  [
    'Application',
    'a repeated custom claim',
    oidc({
      customClaims: [
        { claimName: 'dept', claimValueExpression: 'a' },
        { claimName: 'dept', claimValueExpression: 'b' },
      ],
    }),
    'oidcSsoConfig.customClaims[1].claimName',
  ],
  [
    'Application',
    'an unknown PKCE method',
    oidc({ pkceChallengeMethods: ['S512'] }),
    'oidcSsoConfig.pkceChallengeMethods[0]',
  ],
  [
    'Application',
    'a public client with client credentials only',
    oidc({ grantTypes: ['client_credentials'], redirectUris: [], allowedPublicClient: true }),
    'oidcSsoConfig.allowedPublicClient',
  ],
  [
    'Application',
    'the code grant without redirect URIs',
    oidc({ redirectUris: [] }),
    'oidcSsoConfig.redirectUris',
  ],
  [
    'Application',
    'a misspelt OIDC field (near miss)',
    oidc({ redirectUri: ['https://x.example.com/cb'] }),
    'oidcSsoConfig.redirectUri',
  ],
  [
    'Application',
    'a grant list given as a string',
    oidc({ grantTypes: 'authorization_code' }),
    'oidcSsoConfig.grantTypes',
  ],
  // Application: provisioning
  [
    'Application',
    'scim2 without SCIM settings',
    saml({ provisioningConfig: { provisionProtocolType: 'scim2' } }),
    'provisioningConfig.scimProvisioningConfig',
  ],
  [
    'Application',
    'an unknown protocol',
    saml({ provisioningConfig: { provisionProtocolType: 'ldap' } }),
    'provisioningConfig.provisionProtocolType',
  ],
  [
    'Application',
    'encrypted callbacks without key',
    callback({ encryptRequired: true }),
    'provisioningConfig.callbackProvisioningConfig.encryptKey',
  ],
  [
    'Application',
    'an encryption key that is not hex',
    callback({ encryptRequired: true, encryptKey: BAD_ENCRYPT_KEY }),
    'provisioningConfig.callbackProvisioningConfig.encryptKey',
  ],
  [
    'Application',
    'a relative callback URL',
    callback({ callbackUrl: 'hooks/eiam' }),
    'provisioningConfig.callbackProvisioningConfig.callbackUrl',
  ],
  [
    'Application',
    'a bearer grant without token',
    scim({ grantType: 'bearer_token' }),
    'provisioningConfig.scimProvisioningConfig.authnConfiguration.authnParam.accessToken',
  ],
  [
    'Application',
    'an unknown SCIM grant',
    scim({ grantType: 'password' }),
    'provisioningConfig.scimProvisioningConfig.authnConfiguration.grantType',
  ],
  [
    'Application',
    'a misspelt SCIM field',
    saml({
      provisioningConfig: {
        provisionProtocolType: 'scim2',
        scimProvisioningConfig: { scimBaseURL: 'https://s.example.com' },
      },
    }),
    'provisioningConfig.scimProvisioningConfig.scimBaseURL',
  ],
  // ApplicationAuthorization
  ['ApplicationAuthorization', 'no principal', without('ApplicationAuthorization', 'groupId'), 'userId'],
  [
    'ApplicationAuthorization',
    'two principals',
    with_('ApplicationAuthorization', { userId: USER }),
    'groupId',
  ],
  [
    'ApplicationAuthorization',
    'a user id as applicationId',
    with_('ApplicationAuthorization', { applicationId: USER }),
    'applicationId',
  ],
  [
    'ApplicationAuthorization',
    'a unit id as groupId',
    with_('ApplicationAuthorization', { groupId: OU }),
    'groupId',
  ],
  [
    'ApplicationAuthorization',
    'an unknown property',
    with_('ApplicationAuthorization', { principalId: USER }),
    'principalId',
  ],
  [
    'ApplicationAuthorization',
    'a group id as organizationalUnitId',
    { ...without('ApplicationAuthorization', 'groupId'), organizationalUnitId: GROUP },
    'organizationalUnitId',
  ],
  // ClientSecret
  [
    'ClientSecret',
    'an expiration in the past',
    with_('ClientSecret', { expirationTime: Date.now() - DAY }),
    'expirationTime',
  ],
  [
    'ClientSecret',
    'an expiration four years ahead',
    with_('ClientSecret', { expirationTime: Date.now() + 4 * 365 * DAY }),
    'expirationTime',
  ],
  [
    'ClientSecret',
    'an expiration in an hour',
    with_('ClientSecret', { expirationTime: Date.now() + 3600_000 }),
    'expirationTime',
  ],
  [
    'ClientSecret',
    'an expiration as text',
    with_('ClientSecret', { expirationTime: 'tomorrow' }),
    'expirationTime',
  ],
  [
    'ClientSecret',
    'a group id as applicationId',
    with_('ClientSecret', { applicationId: GROUP }),
    'applicationId',
  ],
  ['ClientSecret', 'enabled as text', with_('ClientSecret', { enabled: 'no' }), 'enabled'],
  ['ClientSecret', 'an unknown property', with_('ClientSecret', { expiresAt: 1 }), 'expiresAt'],
  // PasswordPolicy
  [
    'PasswordPolicy',
    'a minimum length of 2',
    with_('PasswordPolicy', { passwordComplexity: { passwordMinLength: 2 } }),
    'passwordComplexity.passwordMinLength',
  ],
  [
    'PasswordPolicy',
    'an unknown complexity rule',
    with_('PasswordPolicy', {
      passwordComplexity: { passwordMinLength: 8, passwordComplexityRules: ['no_such_rule'] },
    }),
    'passwordComplexity.passwordComplexityRules[0]',
  ],
  [
    'PasswordPolicy',
    'history enabled without a retention count',
    with_('PasswordPolicy', { passwordHistory: { passwordHistoryStatus: 'enabled' } }),
    'passwordHistory.passwordHistoryMaxRetention',
  ],
  [
    'PasswordPolicy',
    'a retention of 25',
    with_('PasswordPolicy', {
      passwordHistory: { passwordHistoryStatus: 'enabled', passwordHistoryMaxRetention: 25 },
    }),
    'passwordHistory.passwordHistoryMaxRetention',
  ],
  [
    'PasswordPolicy',
    'expiration enabled without a maximum age',
    with_('PasswordPolicy', {
      passwordExpiration: { passwordExpirationStatus: 'enabled', passwordExpirationAction: 'forbid_login' },
    }),
    'passwordExpiration.passwordValidMaxDay',
  ],
  [
    'PasswordPolicy',
    'an unknown expiration action',
    with_('PasswordPolicy', {
      passwordExpiration: { passwordExpirationStatus: 'disabled', passwordExpirationAction: 'ignore' },
    }),
    'passwordExpiration.passwordExpirationAction',
  ],
  [
    'PasswordPolicy',
    'notifications without a duration',
    with_('PasswordPolicy', {
      passwordExpiration: {
        passwordExpirationStatus: 'disabled',
        passwordExpirationNotificationStatus: 'enabled',
        passwordExpirationNotificationChannels: ['email'],
      },
    }),
    'passwordExpiration.passwordExpirationNotificationDuration',
  ],
  [
    'PasswordPolicy',
    'a forced update before the notice',
    with_('PasswordPolicy', {
      passwordExpiration: {
        passwordExpirationStatus: 'disabled',
        passwordExpirationNotificationDuration: 7,
        passwordForcedUpdateDuration: 3,
      },
    }),
    'passwordExpiration.passwordForcedUpdateDuration',
  ],
  [
    'PasswordPolicy',
    'a section given as text',
    with_('PasswordPolicy', { forgetPassword: 'on' }),
    'forgetPassword',
  ],
  [
    'PasswordPolicy',
    'an unknown recovery channel',
    with_('PasswordPolicy', {
      forgetPassword: { forgetPasswordStatus: 'enabled', authenticationChannels: ['pigeon'] },
    }),
    'forgetPassword.authenticationChannels[0]',
  ],
  [
    'PasswordPolicy',
    'a misspelt section (near miss)',
    with_('PasswordPolicy', { passwordHistroy: { passwordHistoryStatus: 'disabled' } }),
    'passwordHistroy',
  ],
  [
    'PasswordPolicy',
    'a misspelt field in a section',
    with_('PasswordPolicy', { passwordComplexity: { passwordMinLen: 8 } }),
    'passwordComplexity.passwordMinLen',
  ],
];

const providers: Record<string, pulumi.dynamic.ResourceProvider> = {
  Instance: instanceProvider,
  OrganizationalUnit: organizationalUnitProvider,
  User: userProvider,
  Group: groupProvider,
  GroupMembership: groupMembershipProvider,
  GroupMembers: groupMembersProvider,
  Application: applicationProvider,
  ApplicationAuthorization: applicationAuthorizationProvider,
  ClientSecret: clientSecretProvider,
  PasswordPolicy: passwordPolicyProvider,
};
/** Inputs whose values are secret: the engine must not be told their names. */
const SECRET_PROPERTIES = ['password', 'provisioningConfig'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.configure(...Object.values(providers));
  h.server.resetCounters();
});
afterAll(async () => {
  // Not one call reached the server during all the checks.
  expect(h.calls()).toEqual({});
  await h.stop();
});

test('the table covers every resource kind with at least 100 invalid inputs', () => {
  expect(cases.length).toBeGreaterThanOrEqual(100);
  expect(new Set(cases.map(([kind]) => kind))).toEqual(new Set(Object.keys(providers)));
});

test.each(Object.entries(base))('the valid base inputs of %s pass', async (kind, inputs) => {
  const result = await providers[kind].check!({}, { ...inputs, __provider: PROVIDER_ENTRY });
  expect(result.failures ?? []).toEqual([]);
});

test('the valid SAML and OIDC bases pass', async () => {
  for (const inputs of [saml(), oidc()]) {
    expect((await applicationProvider.check!({}, inputs)).failures ?? []).toEqual([]);
  }
});

test.each(cases)('%s: %s fails, naming %s', async (kind, _what, inputs, path) => {
  const result = await providers[kind].check!({}, { ...inputs, __provider: PROVIDER_ENTRY });
  const failures = result.failures ?? [];
  expect(failures.length).toBeGreaterThan(0);
  // The field is named by its path, in the reason (and as the property unless the engine would
  // print a value it must not).
  expect(failures.filter((f) => f.reason.includes(path)).map((f) => f.reason)).not.toEqual([]);
  for (const f of failures) {
    if (f.property !== '') expect(f.reason).toContain(f.property);
    // The engine prints the value of a top-level property a failure names: never an object, a
    // list or a secret.
    if (!/[.[]/.test(f.property) && f.property !== '') {
      expect(SECRET_PROPERTIES).not.toContain(f.property);
      const value = (inputs as Record<string, unknown>)[f.property];
      expect(value === null || typeof value !== 'object').toBe(true);
    }
  }
  const text = JSON.stringify(failures);
  expect(text).not.toContain(LONG_PASSWORD);
  expect(text).not.toContain(BAD_ENCRYPT_KEY);
});

test('a near miss suggests the property meant', async () => {
  const r = await groupProvider.check!({}, { ...base.Group, groupNmae: 'x' });
  expect(r.failures).toEqual([
    { property: '', reason: 'unknown property groupNmae; did you mean groupName?' },
  ]);
  const nested = await applicationProvider.check!({}, oidc({ redirectUri: ['https://x.example.com/cb'] }));
  expect(nested.failures?.map((f) => f.reason)).toContain(
    'unknown property oidcSsoConfig.redirectUri; did you mean oidcSsoConfig.redirectUris?',
  );
});

test('an id of the wrong kind is named as such', async () => {
  const r = await groupMembershipProvider.check!({}, { ...base.GroupMembership, userId: OU });
  expect(r.failures).toEqual([
    {
      property: 'userId',
      reason:
        'userId must be a user id (user_ followed by lowercase letters and digits); the value is an organizational unit id (ou_…)',
    },
  ]);
});

test('an expiration accepted when the secret was made is not checked again while unchanged', async () => {
  const soon = Date.now() + 3600_000;
  const r = await clientSecretProvider.check!(
    { ...base.ClientSecret, expirationTime: soon },
    {
      ...base.ClientSecret,
      expirationTime: soon,
    },
  );
  expect(r.failures ?? []).toEqual([]);
});
