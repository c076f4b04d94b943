'use strict';
/**
 * Builds an EIAM directory of a given size straight through the model (the same operation handlers
 * the HTTP server dispatches to, without HTTP), and writes it as a local-server data directory so
 * a server can start with it already loaded.
 *
 * Shape for `users` accounts (chosen so that every page fetched in the benchmarks is a full page of
 * 20 at both 100 and 100,000 users, and the OU list spans at least two pages):
 * - OUs: max(84, users / 100): 4 departments under the root, the other OUs (teams) under them (so
 *   a department has at least 20 children);
 * - every user has a primary OU (round robin over all OUs) and is also a member of that OU's
 *   department, so a department holds a quarter of the users;
 * - groups: max(10, users / 100), each user in 3 of them, plus one group `everyone` holding all.
 */
const fs = require('node:fs');
const path = require('node:path');
const { dist } = require('./dist');

const { EiamService } = require(dist('local-server/model'));
const { runOperation } = require(dist('local-server/operations'));
const { STORE_SNAPSHOT_FORMAT } = require(dist('local-server/store/file'));

/** Max ids per AddUsersToGroup call (the API's list limit). */
const BATCH = 100;
/** First-level OUs. */
const DEPARTMENTS = 4;

/**
 * A populated service: `{ service, instanceId, userIds, ouIds, groupIds, everyoneGroupId, rootOuId }`.
 * Deterministic for a given size (seeded ids, fixed clock).
 */
function populate(users, { seed = 42 } = {}) {
  let now = Date.UTC(2024, 0, 1);
  const service = new EiamService({ seed, clock: () => now, instanceCreationDelayMs: 0 });
  const op = (name, params) => runOperation(service, name, params, { now: (now += 1) });

  const { InstanceId: instanceId } = op('CreateInstance', { Description: `bench ${users}` });
  const rootOuId = op('GetRootOrganizationalUnit', { InstanceId: instanceId }).OrganizationalUnit
    .OrganizationalUnitId;

  const ouCount = Math.max(84, Math.floor(users / 100));
  const ouIds = [];
  for (let i = 0; i < ouCount; i++) {
    const parent = i < DEPARTMENTS ? rootOuId : ouIds[i % DEPARTMENTS];
    const r = op('CreateOrganizationalUnit', {
      InstanceId: instanceId,
      ParentId: parent,
      OrganizationalUnitName: `ou-${i}`,
      Description: `department ${i}`,
    });
    ouIds.push(r.OrganizationalUnitId);
  }

  const groupCount = Math.max(10, Math.floor(users / 100));
  const groupIds = [];
  for (let i = 0; i < groupCount; i++) {
    groupIds.push(op('CreateGroup', { InstanceId: instanceId, GroupName: `group-${i}` }).GroupId);
  }
  const everyoneGroupId = op('CreateGroup', { InstanceId: instanceId, GroupName: 'everyone' }).GroupId;

  const userIds = [];
  for (let i = 0; i < users; i++) {
    const r = op('CreateUser', {
      InstanceId: instanceId,
      Username: `user${i}`,
      DisplayName: `User ${i}`,
      Email: `user${i}@example.com`,
      EmailVerified: true,
      PrimaryOrganizationalUnitId: ouIds[i % ouCount],
      OrganizationalUnitIds: i % ouCount < DEPARTMENTS ? undefined : [ouIds[(i % ouCount) % DEPARTMENTS]],
    });
    userIds.push(r.UserId);
  }

  // Memberships, batched per group as a directory sync would do it.
  const members = new Map(groupIds.map((g) => [g, []]));
  userIds.forEach((userId, i) => {
    for (let k = 0; k < 3; k++) members.get(groupIds[(i + k * 7) % groupCount]).push(userId);
  });
  members.set(everyoneGroupId, userIds);
  for (const [groupId, ids] of members) {
    for (let i = 0; i < ids.length; i += BATCH) {
      op('AddUsersToGroup', { InstanceId: instanceId, GroupId: groupId, UserIds: ids.slice(i, i + BATCH) });
    }
  }
  const departmentIds = ouIds.slice(0, DEPARTMENTS);
  return { service, instanceId, rootOuId, userIds, ouIds, departmentIds, groupIds, everyoneGroupId };
}

/**
 * Writes the service state as a local-server data directory (`snapshot.json` in the file store's
 * format, empty log); `startLocalServer({ dataDir })` then restores it instead of replaying calls.
 * Returns the snapshot size in bytes.
 */
function writeDataDir(service, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const file = {
    format: STORE_SNAPSHOT_FORMAT,
    lastSeq: 0,
    savedAt: new Date().toISOString(),
    state: service.snapshot(),
  };
  const json = JSON.stringify(file);
  fs.writeFileSync(path.join(dir, 'snapshot.json'), json);
  fs.writeFileSync(path.join(dir, 'wal.log'), '');
  return Buffer.byteLength(json);
}

module.exports = { populate, writeDataDir };
