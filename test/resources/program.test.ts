/**
 * A Pulumi program built from the directory resources, run against `pulumi.runtime.setMocks`:
 * outputs of one resource feed the inputs of the next, every resource registers under its
 * stable type token with a serialized provider, and secret outputs stay secret.
 */
import * as pulumi from '@pulumi/pulumi';

type Registration = { type: string; inputs: Record<string, unknown>; secretOutputs: string[] };
const registrations: Record<string, Registration> = {};
const secretOutputsByName: Record<string, string[]> = {};

/** Outputs the engine would compute for each resource type (ids, server-side attributes). */
function computed(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): { id: string; state: Record<string, unknown> } {
  const kind = type.split(':').pop();
  const instanceId = inputs.instanceId as string;
  switch (kind) {
    case 'Instance':
      return { id: 'idaas_mock', state: { ...inputs, instanceId: 'idaas_mock', status: 'running' } };
    case 'OrganizationalUnit':
      return { id: `${instanceId}/ou_${name}`, state: { ...inputs, organizationalUnitId: `ou_${name}` } };
    case 'User':
      return {
        id: `${instanceId}/user_${name}`,
        state: { ...inputs, userId: `user_${name}`, status: 'enabled' },
      };
    case 'Group':
      return { id: `${instanceId}/group_${name}`, state: { ...inputs, groupId: `group_${name}` } };
    case 'GroupMembership':
      return { id: `${instanceId}/${inputs.groupId}/${inputs.userId}`, state: { ...inputs } };
    case 'GroupMembers':
      return { id: `${instanceId}/${inputs.groupId}`, state: { ...inputs } };
    default:
      return { id: instanceId, state: { ...inputs } };
  }
}

pulumi.runtime.setMocks(
  {
    newResource(args) {
      registrations[args.name] = {
        type: args.type,
        inputs: args.inputs,
        secretOutputs: secretOutputsByName[args.name] ?? [],
      };
      return computed(args.type, args.name, args.inputs);
    },
    call(args) {
      return args.inputs;
    },
  },
  'eiam-program-test',
  'test',
  false,
);

// Record what each registration asks the engine to keep secret (the mock API does not pass it on).
const monitor = pulumi.runtime.getMonitor() as unknown as {
  registerResource(
    req: { getName(): string; getAdditionalsecretoutputsList(): string[] },
    cb: unknown,
  ): unknown;
};
const register = monitor.registerResource.bind(monitor);
monitor.registerResource = (req, cb) => {
  secretOutputsByName[req.getName()] = req.getAdditionalsecretoutputsList();
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

// By-value serialization of each provider (run from source) takes about a second apiece.
jest.setTimeout(60_000);

describe('a directory program', () => {
  const PASSWORD = 'Mock-Secret-Pass-1';
  const instance = new eiam.Instance('main', { description: 'staff' });
  const eng = new eiam.OrganizationalUnit('eng', {
    instanceId: instance.instanceId,
    organizationalUnitName: 'Engineering',
  });
  const web = new eiam.OrganizationalUnit('web', {
    instanceId: instance.instanceId,
    organizationalUnitName: 'Web',
    parentId: eng.organizationalUnitId,
  });
  const alice = new eiam.User('alice', {
    instanceId: instance.instanceId,
    username: 'alice',
    email: 'alice@example.com',
    emailVerified: true,
    primaryOrganizationalUnitId: eng.organizationalUnitId,
    organizationalUnitIds: [web.organizationalUnitId],
    password: pulumi.secret(PASSWORD),
  });
  const admins = new eiam.Group('admins', { instanceId: instance.instanceId, groupName: 'admins' });
  const membership = new eiam.GroupMembership('alice-admins', {
    instanceId: instance.instanceId,
    groupId: admins.groupId,
    userId: alice.userId,
  });
  const staff = new eiam.Group('staff', { instanceId: instance.instanceId, groupName: 'staff' });
  const members = new eiam.GroupMembers('staff-members', {
    instanceId: instance.instanceId,
    groupId: staff.groupId,
    userIds: [alice.userId],
  });
  const policy = new eiam.PasswordPolicy('policy', {
    instanceId: instance.instanceId,
    passwordComplexity: { passwordMinLength: 12 },
  });

  test('outputs feed inputs across the whole graph', async () => {
    expect(await value(membership.userId)).toBe('user_alice');
    expect(await value(membership.groupId)).toBe('group_admins');
    expect(await value(members.userIds)).toEqual(['user_alice']);
    expect(await value(policy.instanceId)).toBe('idaas_mock');
    expect(registrations.alice.inputs).toMatchObject({
      instanceId: 'idaas_mock',
      primaryOrganizationalUnitId: 'ou_eng',
      organizationalUnitIds: ['ou_web'],
    });
    expect(registrations.web.inputs.parentId).toBe('ou_eng');
    expect(registrations['alice-admins'].inputs).toMatchObject({
      groupId: 'group_admins',
      userId: 'user_alice',
    });
    expect(await value(alice.id)).toBe('idaas_mock/user_alice');
  });

  test('every resource registers under its stable type token with a serialized provider', async () => {
    await value(policy.id);
    const types = Object.fromEntries(Object.entries(registrations).map(([n, r]) => [n, r.type]));
    expect(types).toEqual({
      main: 'pulumi-nodejs:dynamic/eiam:Instance',
      eng: 'pulumi-nodejs:dynamic/eiam:OrganizationalUnit',
      web: 'pulumi-nodejs:dynamic/eiam:OrganizationalUnit',
      alice: 'pulumi-nodejs:dynamic/eiam:User',
      admins: 'pulumi-nodejs:dynamic/eiam:Group',
      'alice-admins': 'pulumi-nodejs:dynamic/eiam:GroupMembership',
      staff: 'pulumi-nodejs:dynamic/eiam:Group',
      'staff-members': 'pulumi-nodejs:dynamic/eiam:GroupMembers',
      policy: 'pulumi-nodejs:dynamic/eiam:PasswordPolicy',
    });
    expect(eiam.USER_TYPE).toBe('pulumi-nodejs:dynamic/eiam:User');
    for (const r of Object.values(registrations)) {
      expect(typeof r.inputs.__provider).toBe('string');
      expect(r.inputs.__provider as string).not.toContain(PASSWORD);
    }
  });

  test('the password stays secret; other outputs do not become secret', async () => {
    expect(await isSecret(alice.password)).toBe(true);
    expect(await value(alice.password)).toBe(PASSWORD);
    expect(await isSecret(alice.userId)).toBe(false);
    expect(await isSecret(membership.userId)).toBe(false);
    expect(registrations.alice.secretOutputs).toEqual(['password']);
    expect(registrations.admins.secretOutputs).toEqual([]);
  });
});
