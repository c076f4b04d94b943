/**
 * examples/random-passwords under `pulumi.runtime.setMocks`: each account's password is the
 * `result` of its own `@pulumi/random` RandomPassword, the passwords satisfy the default
 * password policy's rules, and they stay secret end to end.
 */
import { checkFailures, installMocks, isSecret, settle, value, type Registrations } from './support';
import type * as pulumi from '@pulumi/pulumi';

jest.mock('pulumi-alicloud-eiam', () => jest.requireActual('../../src'), { virtual: true });

jest.setTimeout(300_000); // see settle()

let registrations: Registrations;
let program: Record<string, unknown>;

beforeAll(async () => {
  registrations = installMocks({
    project: 'eiam-random-passwords',
    config: { instanceId: 'idaas_existing', organizationalUnitId: 'ou_staff' },
  });
  program = require('../../examples/random-passwords/index.ts') as Record<string, unknown>;
  await settle(registrations);
});

const USERNAMES = ['mia', 'noah', 'olivia'];

test('one RandomPassword per account, strong enough for the default policy', () => {
  for (const username of USERNAMES) {
    const pw = registrations.get(`${username}-password`);
    expect(pw?.type).toBe('random:index/randomPassword:RandomPassword');
    expect(pw?.inputs).toMatchObject({ length: 20, minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 2 });
    // The default policy: at least 8 characters with upper, lower and digits.
    expect(pw?.inputs.length as number).toBeGreaterThanOrEqual(8);
  }
  // RandomPassword itself keeps its result secret.
  expect(registrations.get('mia-password')?.secretOutputs).toEqual(expect.arrayContaining(['result']));
});

test('each account gets its own generated password, in the configured instance and unit', () => {
  for (const username of USERNAMES) {
    const user = registrations.get(username);
    expect(user?.type).toBe('pulumi-nodejs:dynamic/eiam:User');
    expect(user?.inputs).toMatchObject({
      instanceId: 'idaas_existing',
      username,
      primaryOrganizationalUnitId: 'ou_staff',
      password: `Mock-${username}password-Pw1!Pw2!`,
    });
    expect(user?.secretOutputs).toEqual(['password']);
  }
});

test("every account passes the User provider's check", async () => {
  expect(await checkFailures(registrations)).toEqual({});
});

test('the exported passwords are secret, the account ids are not', async () => {
  const passwords = program.initialPasswords as pulumi.Output<Record<string, string>>;
  expect(await isSecret(passwords)).toBe(true);
  expect(await value(passwords)).toEqual({
    mia: 'Mock-miapassword-Pw1!Pw2!',
    noah: 'Mock-noahpassword-Pw1!Pw2!',
    olivia: 'Mock-oliviapassword-Pw1!Pw2!',
  });
  expect(await value(program.accountIds)).toEqual({
    mia: 'user_mia',
    noah: 'user_noah',
    olivia: 'user_olivia',
  });
});
