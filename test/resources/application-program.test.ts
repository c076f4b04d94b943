/**
 * A Pulumi program using the application resources, run against `pulumi.runtime.setMocks`:
 * each resource registers under its stable type token with a serialized provider, asks the engine
 * to keep its secret outputs secret, and feeds its outputs to the next resource.
 */
import * as pulumi from '@pulumi/pulumi';

const registrations: Record<string, { type: string; inputs: Record<string, unknown> }> = {};
const secretOutputs: Record<string, string[]> = {};
const SCIM_TOKEN = 'scim-token-kept-secret';

pulumi.runtime.setMocks(
  {
    newResource(args) {
      registrations[args.name] = { type: args.type, inputs: args.inputs };
      const kind = args.type.split(':').pop();
      const i = args.inputs;
      if (kind === 'Application') {
        return {
          id: `${i.instanceId}/app_${args.name}`,
          state: { ...i, applicationId: `app_${args.name}`, clientId: `app_${args.name}` },
        };
      }
      if (kind === 'ClientSecret') {
        return {
          id: `${i.instanceId}/${i.applicationId}/sci_1`,
          state: { ...i, secretId: 'sci_1', clientSecret: 'CSplainvalue' },
        };
      }
      return { id: `${i.instanceId}/${i.applicationId}/group/${i.groupId}`, state: { ...i } };
    },
    call: (args) => args.inputs,
  },
  'eiam-application-program-test',
  'test',
  false,
);

// The mock API does not pass `additionalSecretOutputs` on; read it from the registration request.
const monitor = pulumi.runtime.getMonitor() as unknown as {
  registerResource(
    req: { getName(): string; getAdditionalsecretoutputsList(): string[] },
    cb: unknown,
  ): unknown;
};
const register = monitor.registerResource.bind(monitor);
monitor.registerResource = (req, cb) => {
  secretOutputs[req.getName()] = req.getAdditionalsecretoutputsList();
  return register(req, cb);
};

// Imported after the mocks are in place.
const eiam = require('../../src/resources') as typeof import('../../src/resources');

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}
function isSecret(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as unknown as { isSecret: Promise<boolean> }).isSecret;
}

describe('an application program', () => {
  const app = new eiam.Application('portal', {
    instanceId: 'idaas_mock',
    applicationName: 'Portal',
    ssoType: 'oidc',
    oidcSsoConfig: { redirectUris: ['https://portal.example.com/cb'] },
    provisioningConfig: {
      provisionProtocolType: 'scim2',
      scimProvisioningConfig: {
        scimBaseUrl: 'https://portal.example.com/scim',
        authnConfiguration: {
          grantType: 'bearer_token',
          authnParam: { accessToken: pulumi.secret(SCIM_TOKEN) },
        },
      },
    },
  });
  const grant = new eiam.ApplicationAuthorization('portal-devs', {
    instanceId: app.instanceId,
    applicationId: app.applicationId,
    groupId: 'group_devs',
  });
  const secret = new eiam.ClientSecret('portal-secret', {
    instanceId: app.instanceId,
    applicationId: app.applicationId,
  });

  test('registers under stable type tokens, outputs feeding inputs', async () => {
    expect(await value(grant.applicationId)).toBe('app_portal');
    expect(await value(secret.secretId)).toBe('sci_1');
    expect(registrations['portal-devs'].inputs).toMatchObject({
      applicationId: 'app_portal',
      groupId: 'group_devs',
    });
    expect(Object.fromEntries(Object.entries(registrations).map(([n, r]) => [n, r.type]))).toEqual({
      portal: eiam.APPLICATION_TYPE,
      'portal-devs': eiam.APPLICATION_AUTHORIZATION_TYPE,
      'portal-secret': eiam.CLIENT_SECRET_TYPE,
    });
    expect(eiam.APPLICATION_TYPE).toBe('pulumi-nodejs:dynamic/eiam:Application');
    for (const r of Object.values(registrations)) {
      expect(typeof r.inputs.__provider).toBe('string');
      expect(r.inputs.__provider as string).not.toContain(SCIM_TOKEN);
    }
  });

  test('keeps the provisioning configuration and the client secret secret', async () => {
    await value(secret.id);
    expect(secretOutputs.portal).toEqual([]);
    expect(secretOutputs['portal-secret']).toEqual(['clientSecret']);
    expect(secretOutputs['portal-devs']).toEqual([]);
    // The engine applies `additionalSecretOutputs` (above) to the stored state; the mocks do not, so
    // only a value that was secret on the way in is secret here.
    expect(await value(secret.clientSecret)).toBe('CSplainvalue');
    expect(await isSecret(app.provisioningConfig)).toBe(true);
    expect(await isSecret(app.clientId)).toBe(false);
  });
});
