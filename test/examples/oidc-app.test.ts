/**
 * examples/oidc-app under `pulumi.runtime.setMocks`, with its group lookup answered by a real
 * local server: the application, its secret and the group's authorization are wired together,
 * and the exported OIDC settings keep the client secret secret.
 */
import { EiamClient } from '../../src/client';
import { startLocalServer, type LocalServer } from '../../src/local-server';
import { checkFailures, installMocks, isSecret, settle, value, type Registrations } from './support';
import type * as pulumi from '@pulumi/pulumi';

jest.mock('pulumi-alicloud-eiam', () => jest.requireActual('../../src'), { virtual: true });

jest.setTimeout(300_000); // see settle()

let server: LocalServer;
let registrations: Registrations;
let program: Record<string, unknown>;
let instanceId = '';
let groupId = '';

beforeAll(async () => {
  server = await startLocalServer({ port: 0, log: false, instanceCreationDelayMs: 0 });
  const client = new EiamClient({
    endpoint: server.endpoint,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
  });
  instanceId = (await client.call('CreateInstance', { Description: 'existing directory' })).InstanceId ?? '';
  groupId =
    (await client.call('CreateGroup', { InstanceId: instanceId, GroupName: 'Engineers' })).GroupId ?? '';
  client.close();

  registrations = installMocks({
    project: 'eiam-oidc-app',
    config: {
      instanceId,
      'eiam:endpoint': server.endpoint,
      'eiam:accessKeyId': server.accessKeyId,
    },
    secretConfig: { 'eiam:accessKeySecret': server.accessKeySecret },
  });
  program = require('../../examples/oidc-app/index.ts') as Record<string, unknown>;
  await value(program.authorizedGroupId);
  await settle(registrations);
});

afterAll(async () => {
  await server?.stop();
});

test('the group is found by name through the lookup and authorized for the new application', () => {
  expect(registrations.get('grafana-group')?.inputs).toMatchObject({
    instanceId,
    applicationId: 'app_grafana',
    groupId,
  });
});

test('declares an OIDC application with PKCE and a client secret for it', () => {
  expect(registrations.get('grafana')?.inputs).toMatchObject({
    instanceId,
    applicationName: 'Grafana',
    ssoType: 'oidc',
    oidcSsoConfig: {
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['https://grafana.example.com/login/generic_oauth'],
      pkceRequired: true,
    },
  });
  expect(registrations.get('grafana-secret')?.inputs).toMatchObject({
    instanceId,
    applicationId: 'app_grafana',
  });
});

test("every declaration passes the providers' check", async () => {
  expect(await checkFailures(registrations)).toEqual({});
});

test('exports the OIDC client settings with the secret kept secret', async () => {
  const oidc = program.oidc as Record<string, pulumi.Output<string>>;
  expect(await value(oidc.clientId)).toBe('app_grafana');
  expect(await value(oidc.issuer)).toMatch(/\/oidc$/);
  expect(await isSecret(oidc.clientSecret)).toBe(true);
  expect(await value(program.authorizedGroupId)).toBe(groupId);
});
