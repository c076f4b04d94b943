/**
 * The `Users` set form through the real engine, installed from the tarball: one resource for
 * 30 accounts with a secret password and a `GroupMembers` fed by its `userIds`; a refreshing
 * preview is clean and costs one ListUsers call for the set; an out-of-band edit shows as a
 * per-entry drift that `up --refresh` repairs; destroy removes the managed accounts only.
 */
import {
  createProgram,
  log,
  prepareToolchain,
  PROJECT,
  SETUP_TIMEOUT_MS,
  Stack,
  tearDown,
  startServer,
  STEP_TIMEOUT_MS,
  waitForInstance,
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';

const PASSWORD = 'Set-Form-Passw0rd!';
/** Given as a plain string in the program: the set still keeps it secret. */
const PLAIN_PASSWORD = 'Plain-Str1ng-Passw0rd!';
const COUNT = 30;

const PROGRAM = `'use strict';
const pulumi = require('@pulumi/pulumi');
const eiam = require('pulumi-alicloud-eiam');
const config = new pulumi.Config();
const instanceId = new eiam.Instance('directory', { description: 'users set' }).instanceId;
const unit = new eiam.OrganizationalUnit('staff-unit', { instanceId, organizationalUnitName: 'Staff' });
const users = {};
for (let i = 0; i < ${COUNT}; i++) {
  users['member-' + String(i).padStart(2, '0')] = {
    displayName: 'Member ' + i,
    primaryOrganizationalUnitId: unit.organizationalUnitId,
  };
}
users['member-00'].password = config.requireSecret('password');
users['member-01'].password = '${PLAIN_PASSWORD}';
const set = new eiam.Users('staff', { instanceId, users });
const group = new eiam.Group('everyone', { instanceId, groupName: 'Everyone' });
new eiam.GroupMembers('everyone-members', {
  instanceId,
  groupId: group.groupId,
  userIds: set.userIds.apply((ids) => Object.values(ids)),
});
exports.instanceId = instanceId;
exports.userIds = set.userIds;
exports.groupId = group.groupId;
`;

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;
let bystander = '';

interface Outputs {
  instanceId: string;
  userIds: Record<string, string>;
  groupId: string;
}

beforeAll(async () => {
  tc = await prepareToolchain();
  fx = await startServer({ instanceCreationDelayMs: 0 });
  program = await createProgram(tc, 'users-set', { 'index.js': PROGRAM });
  stack = await Stack.init(tc, program, 'users-set');
  await stack.configureProvider(fx.server);
  await stack.setConfig(`${PROJECT}:password`, PASSWORD, true);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (stack) {
    for (const t of stack.timings) log(`  ${(t.ms / 1000).toFixed(1).padStart(5)} s  ${t.command}`);
  }
  await tearDown({ stack, fx, program });
});

test(
  'up creates every account of the set, its group members, and keeps the password secret',
  async () => {
    await stack.up();
    const o = (await stack.outputs()) as unknown as Outputs;
    await waitForInstance(fx.client, o.instanceId);
    expect(Object.keys(o.userIds)).toHaveLength(COUNT);
    const listed = await fx.client.listAll('ListUsers', { InstanceId: o.instanceId });
    expect(listed.map((u) => u.Username).sort()).toEqual(Object.keys(o.userIds).sort());
    const members = await fx.client.listAll('ListUsersForGroup', {
      InstanceId: o.instanceId,
      GroupId: o.groupId,
    });
    expect(members.map((m) => m.UserId).sort()).toEqual(Object.values(o.userIds).sort());
    const first = await fx.client.call('GetUser', {
      InstanceId: o.instanceId,
      UserId: o.userIds['member-00'],
    });
    expect(first.User?.PasswordSet).toBe(true);
    const exported = await stack.exportText();
    expect(exported).not.toContain(PASSWORD);
    expect(exported).not.toContain(PLAIN_PASSWORD);
    bystander =
      (
        await fx.client.call('CreateUser', {
          InstanceId: o.instanceId,
          Username: 'not-in-the-set',
          PrimaryOrganizationalUnitId: first.User?.PrimaryOrganizationalUnitId ?? '',
        })
      ).UserId ?? '';
  },
  STEP_TIMEOUT_MS,
);

test(
  'a refreshing preview is clean and reads the whole set with one ListUsers call',
  async () => {
    fx.server.resetCounters();
    const res = await stack.cleanPreview({ refresh: true });
    expect(res.code).toBe(0);
    expect(fx.server.counters().ListUsers?.calls).toBe(1);
    expect(fx.server.counters().GetUser?.calls ?? 0).toBe(0);
  },
  STEP_TIMEOUT_MS,
);

test(
  'an out-of-band edit is a drift of that entry, and up --refresh puts it back',
  async () => {
    const o = (await stack.outputs()) as unknown as Outputs;
    const UserId = o.userIds['member-07'];
    await fx.client.call('UpdateUser', { InstanceId: o.instanceId, UserId, DisplayName: 'changed by hand' });
    const drift = await stack.previewNoChanges({ refresh: true });
    expect(drift.code).not.toBe(0);
    expect(drift.output).toMatch(/member-07/);
    expect(drift.output).toMatch(/changed by hand/);
    expect(drift.output).not.toContain(PASSWORD);
    expect(drift.output).not.toContain(PLAIN_PASSWORD);
    // The plan names the drifted entry only, not the fields the other entries never declared.
    // The display lists the whole map; only the drifted entry is marked as changing (no entry
    // gains the fields it never declared, and the carried passwords are no change).
    const marked = new Set(drift.output.match(/[~+-] member-\d\d/g)?.map((m) => m.slice(2)) ?? []);
    expect([...marked]).toEqual(['member-07']);
    expect(drift.output).not.toMatch(/[~+-] (password|createTime|updateTime|userExternalId)\b/);
    await stack.up({ refresh: true });
    const live = await fx.client.call('GetUser', { InstanceId: o.instanceId, UserId });
    expect(live.User?.DisplayName).toBe('Member 7');
    // Refreshed and updated state still holds the passwords encrypted only.
    const exported = await stack.exportText();
    expect(exported).not.toContain(PASSWORD);
    expect(exported).not.toContain(PLAIN_PASSWORD);
    const clean = await stack.cleanPreview({ refresh: true });
    expect(clean.code).toBe(0);
  },
  STEP_TIMEOUT_MS,
);

test(
  'destroy deletes the managed accounts and leaves the others',
  async () => {
    const o = (await stack.outputs()) as unknown as Outputs;
    await stack.ok([
      'destroy',
      '--yes',
      '--skip-preview',
      '--target',
      `urn:pulumi:users-set::${PROJECT}::pulumi-nodejs:dynamic/eiam:Users::staff`,
      '--target-dependents',
    ]);
    const left = await fx.client.listAll('ListUsers', { InstanceId: o.instanceId });
    expect(left.map((u) => u.UserId)).toEqual([bystander]);
  },
  STEP_TIMEOUT_MS,
);
