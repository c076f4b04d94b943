import { errorOf, fixture } from './application-fixture';
import * as groups from '../../../src/local-server/model/groups';
import * as ous from '../../../src/local-server/model/organizational-units';

const KEY = 'a1'.repeat(32);
const CALLBACK = { CallbackUrl: 'https://app.example.com/events', EncryptRequired: true, EncryptKey: KEY };
const SCIM_BEARER = {
  ScimBaseUrl: 'https://app.example.com/scim/v2',
  AuthnConfiguration: {
    AuthnMode: 'oauth2',
    GrantType: 'bearer_token',
    AuthnParam: { AccessToken: 'tok_0123456789abcdef' },
  },
};

describe('provisioning configuration', () => {
  it('refuses to enable provisioning before it is configured', () => {
    const f = fixture();
    const id = f.createApp();
    expect(errorOf(() => f.call('EnableApplicationProvisioning', { ApplicationId: id }))).toMatchObject({
      code: 'OperationDenied.ProvisioningNotConfigured',
      httpStatus: 403,
    });
    f.call('DisableApplicationProvisioning', { ApplicationId: id });
  });

  it('requires the block matching ProvisionProtocolType and refuses the other one', () => {
    const f = fixture();
    const id = f.createApp();
    const set = (params: Record<string, unknown>) => () =>
      f.call('SetApplicationProvisioningConfig', { ApplicationId: id, ...params });
    expect(errorOf(set({ ProvisionProtocolType: 'idaas_callback' })).code).toBe(
      'InvalidParameter.CallbackProvisioningConfig',
    );
    expect(
      errorOf(
        set({
          ProvisionProtocolType: 'idaas_callback',
          CallbackProvisioningConfig: CALLBACK,
          ScimProvisioningConfig: SCIM_BEARER,
        }),
      ).code,
    ).toBe('InvalidParameter.ScimProvisioningConfig');
    expect(errorOf(set({ ProvisionProtocolType: 'scim2', CallbackProvisioningConfig: CALLBACK })).code).toBe(
      'InvalidParameter.CallbackProvisioningConfig',
    );
    expect(errorOf(set({ ProvisionProtocolType: 'ldap' })).code).toBe(
      'InvalidParameter.ProvisionProtocolType',
    );
  });

  it('validates the callback settings', () => {
    const f = fixture();
    const id = f.createApp();
    const set = (cfg: Record<string, unknown>) => () =>
      f.call('SetApplicationProvisioningConfig', {
        ApplicationId: id,
        ProvisionProtocolType: 'idaas_callback',
        CallbackProvisioningConfig: { ...CALLBACK, ...cfg },
      });
    expect(errorOf(set({ CallbackUrl: 'example.com' })).code).toBe(
      'InvalidParameter.CallbackProvisioningConfig.CallbackUrl',
    );
    expect(errorOf(set({ EncryptKey: undefined })).code).toBe(
      'InvalidParameter.CallbackProvisioningConfig.EncryptKey',
    );
    expect(errorOf(set({ EncryptKey: 'short' })).code).toBe(
      'InvalidParameter.CallbackProvisioningConfig.EncryptKey',
    );
    expect(errorOf(set({ ListenEventScopes: ['user.created'] })).code).toBe(
      'InvalidParameter.CallbackProvisioningConfig.ListenEventScopes',
    );
    set({
      EncryptRequired: false,
      EncryptKey: undefined,
      ListenEventScopes: ['urn:alibaba:idaas:app:event:ud:user:create'],
    })();
  });

  it('validates the SCIM authentication for each grant type', () => {
    const f = fixture();
    const id = f.createApp();
    const set = (cfg: Record<string, unknown>) => () =>
      f.call('SetApplicationProvisioningConfig', {
        ApplicationId: id,
        ProvisionProtocolType: 'scim2',
        ScimProvisioningConfig: cfg,
      });
    expect(errorOf(set({ ScimBaseUrl: 'https://x.example.com/scim' })).code).toBe(
      'InvalidParameter.ScimProvisioningConfig.AuthnConfiguration',
    );
    expect(errorOf(set({ ...SCIM_BEARER, AuthnConfiguration: { GrantType: 'bearer_token' } })).code).toBe(
      'InvalidParameter.ScimProvisioningConfig.AuthnConfiguration.AuthnParam.AccessToken',
    );
    expect(
      errorOf(
        set({
          ...SCIM_BEARER,
          AuthnConfiguration: {
            GrantType: 'client_credentials',
            AuthnParam: { ClientId: 'c', ClientSecret: 's' },
          },
        }),
      ).code,
    ).toBe('InvalidParameter.ScimProvisioningConfig.AuthnConfiguration.AuthnParam.TokenEndpoint');
    expect(
      errorOf(set({ ...SCIM_BEARER, ProvisioningActions: ['urn:alibaba:idaas:app:scim:User:MERGE'] })).code,
    ).toBe('InvalidParameter.ScimProvisioningConfig.ProvisioningActions');
  });

  it('returns the configuration with its secrets masked, and toggles the status', () => {
    const f = fixture();
    const id = f.createApp();
    f.call('SetApplicationProvisioningConfig', {
      ApplicationId: id,
      ProvisionProtocolType: 'scim2',
      ScimProvisioningConfig: SCIM_BEARER,
    });
    f.call('EnableApplicationProvisioning', { ApplicationId: id });
    const cfg = f.call('GetApplicationProvisioningConfig', {
      ApplicationId: id,
    }).ApplicationProvisioningConfig;
    expect(cfg).toMatchObject({
      ApplicationId: id,
      InstanceId: f.instanceId,
      Status: 'enabled',
      ProvisionProtocolType: 'scim2',
      ProvisionPassword: false,
      ConfigOperateMode: 'standard',
      ProvisionJwksEndpoint: `https://eiam-api-cn-hangzhou.aliyuncs.com/v2/${f.instanceId}/${id}/provisioning/jwks`,
      ScimProvisioningConfig: {
        ScimBaseUrl: SCIM_BEARER.ScimBaseUrl,
        ProvisioningActions: [
          'urn:alibaba:idaas:app:scim:User:CREATE',
          'urn:alibaba:idaas:app:scim:User:UPDATE',
          'urn:alibaba:idaas:app:scim:User:DELETE',
        ],
        AuthnConfiguration: {
          AuthnMode: 'oauth2',
          GrantType: 'bearer_token',
          AuthnParam: { AccessToken: 'tok_**************ef' },
        },
      },
    });
    expect(cfg.CallbackProvisioningConfig).toBeUndefined();

    f.call('SetApplicationProvisioningConfig', {
      ApplicationId: id,
      ProvisionProtocolType: 'idaas_callback',
      CallbackProvisioningConfig: CALLBACK,
      ProvisionPassword: true,
    });
    const cb = f.call('GetApplicationProvisioningConfig', {
      ApplicationId: id,
    }).ApplicationProvisioningConfig;
    expect(cb).toMatchObject({
      Status: 'enabled',
      ProvisionProtocolType: 'idaas_callback',
      ProvisionPassword: true,
    });
    expect(cb.ScimProvisioningConfig).toBeUndefined();
    expect(cb.CallbackProvisioningConfig.EncryptKey).toBe(`a1a1${'*'.repeat(58)}a1`);
    f.call('DisableApplicationProvisioning', { ApplicationId: id });
    expect(
      f.call('GetApplicationProvisioningConfig', { ApplicationId: id }).ApplicationProvisioningConfig.Status,
    ).toBe('disabled');
  });
});

describe('provisioning scope', () => {
  it('stores OUs and groups that exist and reports the quota', () => {
    const f = fixture();
    const id = f.createApp();
    expect(
      errorOf(() =>
        f.call('SetApplicationProvisioningScope', {
          ApplicationId: id,
          OrganizationalUnitIds: ['ou_missing'],
        }),
      ).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
    expect(
      errorOf(() =>
        f.call('SetApplicationProvisioningScope', { ApplicationId: id, GroupIds: ['group_missing'] }),
      ).code,
    ).toBe('EntityNotExists.Group');
    f.call('SetApplicationProvisioningScope', {
      ApplicationId: id,
      OrganizationalUnitIds: [f.parentOu, f.childOu],
      GroupIds: [f.group],
    });
    expect(
      f.call('GetApplicationProvisioningScope', { ApplicationId: id }).ApplicationProvisioningScope,
    ).toEqual({
      OrganizationalUnitIds: [f.parentOu, f.childOu],
      GroupIds: [f.group],
      UsedQuota: 3,
      MaxQuota: 1000,
    });
  });

  it('drops deleted entities from the scope', () => {
    const f = fixture();
    const id = f.createApp();
    f.call('SetApplicationProvisioningScope', {
      ApplicationId: id,
      OrganizationalUnitIds: [f.parentOu, f.childOu],
      GroupIds: [f.group],
    });
    groups.deleteGroup(f.service, f.instanceId, f.group);
    ous.deleteOrganizationalUnitChildren(f.service, f.instanceId, f.childOu);
    expect(
      f.call('GetApplicationProvisioningScope', { ApplicationId: id }).ApplicationProvisioningScope,
    ).toEqual({
      OrganizationalUnitIds: [f.parentOu],
      GroupIds: [],
      UsedQuota: 1,
      MaxQuota: 1000,
    });
    const app = f.service.state.instances.get(f.instanceId)!.applications.get(id)!;
    expect(app.provisioning.scopeGroupIds).toEqual([]);
  });
});
