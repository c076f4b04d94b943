'use strict';
/** Deterministic, realistic EIAM request parameters for the signing and client benchmarks. */

/** mulberry32: floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['alice', 'bob', 'carol', 'dmitri', 'élodie', '王芳', "o'brien", 'r&d team', 'x+y=z'];

/**
 * `count` requests `{ action, params }` (nested, as the client takes them): CreateUser with
 * contact fields, OU ids and custom fields; UpdateUser; ListUsers pages; AddUsersToGroup with
 * 1-20 user ids. Values include spaces, reserved and non-ASCII characters, which is what makes
 * percent-encoding cost something.
 */
function generateRequests(count, seed = 2021) {
  const rnd = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const id = (prefix) =>
    `${prefix}_${Math.floor(rnd() * 36 ** 10)
      .toString(36)
      .padStart(10, '0')}`;
  const instanceId = id('idaas');
  const out = [];
  for (let i = 0; i < count; i++) {
    const name = `${pick(NAMES)}${int(0, 99999)}`;
    switch (i % 4) {
      case 0:
        out.push({
          action: 'CreateUser',
          params: {
            InstanceId: instanceId,
            Username: name.replace(/[^a-z0-9]/gi, '') || `user${i}`,
            DisplayName: `${pick(NAMES)} ${pick(NAMES)}`,
            Email: `u${i}@example.com`,
            EmailVerified: true,
            PrimaryOrganizationalUnitId: id('ou'),
            OrganizationalUnitIds: Array.from({ length: int(0, 3) }, () => id('ou')),
            CustomFields: Array.from({ length: int(0, 2) }, (_, k) => ({
              FieldName: `field${k}`,
              FieldValue: pick(NAMES),
            })),
            ClientToken: id('token'),
          },
        });
        break;
      case 1:
        out.push({
          action: 'UpdateUser',
          params: { InstanceId: instanceId, UserId: id('user'), DisplayName: `${pick(NAMES)} (${i})` },
        });
        break;
      case 2:
        out.push({
          action: 'ListUsers',
          params: { InstanceId: instanceId, PageNumber: int(1, 50), PageSize: 100 },
        });
        break;
      default:
        out.push({
          action: 'AddUsersToGroup',
          params: {
            InstanceId: instanceId,
            GroupId: id('group'),
            UserIds: Array.from({ length: int(1, 20) }, () => id('user')),
          },
        });
    }
  }
  return out;
}

module.exports = { prng, generateRequests };
