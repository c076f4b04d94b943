/**
 * A small directory made through the real API (signed calls over HTTP): a unit tree three
 * levels deep, accounts with passwords, a group, a SAML and an OIDC application with a client
 * secret, grants, and provisioning credentials. Its secrets are listed so that tests can assert
 * the directory view never shows them.
 */
import { EiamClient } from '../../../src/client';
import type { LocalServer } from '../../../src/local-server';

/** What {@link makeSampleDirectory} made. */
export interface SampleDirectory {
  readonly instanceId: string;
  readonly units: { engineering: string; platform: string; sales: string };
  readonly users: { alice: string; bob: string };
  readonly groupId: string;
  readonly oidcApplicationId: string;
  readonly samlApplicationId: string;
  /** Values that must never appear in the view. */
  readonly secrets: string[];
}

/** Builds the sample directory on `server`. */
export async function makeSampleDirectory(server: LocalServer): Promise<SampleDirectory> {
  const client = new EiamClient({
    endpoint: server.endpoint,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    region: 'cn-hangzhou',
  });
  try {
    const { InstanceId } = await client.call('CreateInstance', { Description: 'view test' });
    const instanceId = InstanceId!;
    const root = await client.call('GetRootOrganizationalUnit', { InstanceId: instanceId });
    const rootId = root.OrganizationalUnit!.OrganizationalUnitId!;
    const unit = async (name: string, parentId: string) =>
      (
        await client.call('CreateOrganizationalUnit', {
          InstanceId: instanceId,
          OrganizationalUnitName: name,
          ParentId: parentId,
        })
      ).OrganizationalUnitId!;
    const engineering = await unit('Engineering', rootId);
    const platform = await unit('Platform', engineering);
    const sales = await unit('Sales', rootId);
    const password = 'View-Test-Passw0rd!';
    const user = async (username: string, ou: string) =>
      (
        await client.call('CreateUser', {
          InstanceId: instanceId,
          Username: username,
          DisplayName: `${username} (view test)`,
          Email: `${username}@example.com`,
          EmailVerified: true,
          PrimaryOrganizationalUnitId: ou,
          Password: password,
        })
      ).UserId!;
    const alice = await user('alice', platform);
    const bob = await user('bob', sales);
    const { GroupId } = await client.call('CreateGroup', { InstanceId: instanceId, GroupName: 'admins' });
    await client.call('AddUsersToGroup', {
      InstanceId: instanceId,
      GroupId: GroupId!,
      UserIds: [alice, bob],
    });

    const oidc = await client.call('CreateApplication', {
      InstanceId: instanceId,
      ApplicationName: 'Dashboard',
      SsoType: 'oidc',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    });
    const oidcApplicationId = oidc.ApplicationId!;
    await client.call('SetApplicationSsoConfig', {
      InstanceId: instanceId,
      ApplicationId: oidcApplicationId,
      OidcSsoConfig: {
        GrantTypes: ['authorization_code'],
        RedirectUris: ['https://dashboard.example.com/callback'],
      },
    });
    const secret = await client.call('CreateApplicationClientSecret', {
      InstanceId: instanceId,
      ApplicationId: oidcApplicationId,
    });
    await client.call('AuthorizeApplicationToGroups', {
      InstanceId: instanceId,
      ApplicationId: oidcApplicationId,
      GroupIds: [GroupId!],
    });
    const encryptKey = 'a1'.repeat(32);
    await client.call('SetApplicationProvisioningConfig', {
      InstanceId: instanceId,
      ApplicationId: oidcApplicationId,
      ProvisionProtocolType: 'idaas_callback',
      CallbackProvisioningConfig: {
        CallbackUrl: 'https://hooks.example.com/idaas',
        EncryptRequired: true,
        EncryptKey: encryptKey,
      },
    });

    const saml = await client.call('CreateApplication', {
      InstanceId: instanceId,
      ApplicationName: 'Wiki',
      SsoType: 'saml2',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    });
    const samlApplicationId = saml.ApplicationId!;
    await client.call('SetApplicationSsoConfig', {
      InstanceId: instanceId,
      ApplicationId: samlApplicationId,
      SamlSsoConfig: { SpEntityId: 'https://wiki.example.com', SpSsoAcsUrl: 'https://wiki.example.com/acs' },
    });
    await client.call('AuthorizeApplicationToOrganizationalUnits', {
      InstanceId: instanceId,
      ApplicationId: samlApplicationId,
      OrganizationalUnitIds: [engineering],
    });

    return {
      instanceId,
      units: { engineering, platform, sales },
      users: { alice, bob },
      groupId: GroupId!,
      oidcApplicationId,
      samlApplicationId,
      secrets: [password, secret.ApplicationClientSecret!.ClientSecret!, encryptKey, server.accessKeySecret],
    };
  } finally {
    client.close();
  }
}
