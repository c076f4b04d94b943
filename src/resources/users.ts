/**
 * `Users`: a set of accounts of one instance in ONE resource, keyed by username (CreateUser /
 * ListUsers / DeleteUser, and the `User` update path for changed entries).
 *
 * A program declaring thousands of accounts as `User` resources costs the engine one step per
 * account, each rewriting the whole state. `Users` holds the set in one resource, so a directory
 * of 10,000 accounts is one step; inside it, the API calls run concurrently, paced by the
 * client's request-rate governor.
 *
 * Rules:
 * - Authoritative over the accounts it lists, and only those: an entry removed from the map is
 *   deleted; accounts the resource never created (or adopted) are never touched.
 * - Each entry takes the same fields as `User` (the username is the map key) and follows the
 *   same rules (check, diff, update in place, `userExternalId` recreates the account).
 * - Refresh reads the managed accounts with ListUsers, 100 ids per call: one call per 100
 *   accounts, whatever the directory size. ListUsers does not report the primary and further
 *   organizational units or custom fields, so a refresh keeps their recorded values (a change
 *   made outside Pulumi to those is not detected; `User` detects it, at one GetUser per account).
 * - Create reads the new accounts back with the same batched ListUsers, not one GetUser each.
 * - An entry records the account's id and the live values of its `User` inputs, not what only
 *   the service sets (times, source, lock and password state): at 10,000 accounts the state
 *   is rewritten by the engine after every later step. It also records which fields the entry
 *   declares (`entryInputs` for the common list, `declaredInputs` on an entry that differs), so
 *   a refresh records exactly those as the entry's inputs, as every other resource does.
 * - Partial failure: accounts that exist are always recorded. A failing entry fails the step
 *   with a message naming the usernames; the next `up` retries only what is missing.
 * - Import: `{ import: '<instanceId>' }` with the declared map; each listed username is looked up
 *   (one ListUsers page per 100 accounts of the instance, then GetUser per listed account).
 *   `adoptExisting: true` instead takes over accounts that already exist when an entry is added.
 *
 * Id: `<instanceId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import { EiamApiError } from '../client';
import type { ListUsersResponse } from '../catalog';
import { checkInstanceId } from './common';
import { rootOrganizationalUnitId } from './organizational-unit';
import {
  EiamResource,
  assertDeclaredMatches,
  chunked,
  compact,
  DECLARED_INPUTS,
  declaredNames,
  defineProvider,
  describeError,
  InputChecker,
  isUnknown,
  joinId,
  newClientToken,
  refreshInputs,
  ResourceInitError,
  settleConcurrently,
  shapeOutputs,
  typeToken,
  unlessNotFound,
  type PropertyBag,
  type ProviderContext,
} from './provider-kit';
import * as usersProviderModule from './providers/users';
import {
  createUserRequest,
  USER_FIELDS,
  userOutputs,
  userImplementation,
  type UserArgs,
  type UserInputs,
  type UserOutputs,
} from './user';

/** One account of a {@link Users} set: the fields of {@link UserArgs}, without the username. */
export type UsersEntryArgs = Omit<UserArgs, 'instanceId' | 'username'>;

/** Arguments of a {@link Users}. */
export interface UsersArgs {
  /** Instance of the accounts. Changing it replaces the whole set. */
  readonly instanceId: pulumi.Input<string>;
  /**
   * The accounts, keyed by username. Adding a key creates the account, removing one deletes it,
   * changing an entry updates the account in place (as `User` does). Renaming a key deletes the
   * old account and creates a new one.
   */
  readonly users: pulumi.Input<Record<string, pulumi.Input<UsersEntryArgs>>>;
  /**
   * When an added entry's username already exists in the instance, take that account over
   * (update it to the entry) instead of failing. Use it to move accounts from `User` resources
   * (or another tool) into the set without recreating them. Default false.
   */
  readonly adoptExisting?: pulumi.Input<boolean>;
}

/** Checked fields of one entry. */
export type UsersEntry = Omit<UserInputs, 'instanceId' | 'username'>;

/** Checked inputs of a set. */
export interface UsersInputs {
  /** See {@link UsersArgs.instanceId}. */
  instanceId: string;
  /** See {@link UsersArgs.users}. */
  users: Record<string, UsersEntry>;
  /** See {@link UsersArgs.adoptExisting}. */
  adoptExisting?: boolean;
}

/** Recorded state of one account: its live attributes and the fields ListUsers does not report. */
export type UsersEntryOutputs = Omit<
  UserOutputs,
  'instanceId' | 'username' | 'password' | (typeof SERVER_ONLY_OUTPUTS)[number]
>;

/**
 * `User` outputs an entry does not record: attributes only the service sets (times, source,
 * lock and password state). At thousands of accounts they were half of the set's state, which
 * the engine rewrites after every later step, and the times change on every edit, which a
 * refresh would list; `getUser` reads them for one account.
 */
const SERVER_ONLY_OUTPUTS = [
  'lockExpireTime',
  'passwordSet',
  'passwordExpireTime',
  'userSourceType',
  'userSourceId',
  'createTime',
  'updateTime',
] as const;

/** Outputs of a set. */
export interface UsersOutputs {
  /** Instance id. */
  instanceId: string;
  /** The managed accounts that exist, keyed by username. */
  users: Record<string, UsersEntryOutputs>;
  /** Account id of each managed username. */
  userIds: Record<string, string>;
  /** Passwords last set through Pulumi, by username (secret; only entries that declare one). */
  passwords?: Record<string, string>;
  /** See {@link UsersArgs.adoptExisting}. */
  adoptExisting?: boolean;
  /**
   * Entry fields most entries declare (an entry declaring others lists its own in
   * `declaredInputs`): what a refresh records as the entry's inputs.
   */
  entryInputs?: string[];
}

/** Most account ids ListUsers accepts in `UserIds` (and most rows per page). */
const LIST_BATCH = 100;
/** Entry fields ListUsers does not report: recorded from the inputs (or a GetUser on import). */
const RECORDED_FIELDS = ['primaryOrganizationalUnitId', 'organizationalUnitIds', 'customFields'] as const;
/** Account fields a ListUsers row does not give an entry: the set's keys and the recorded fields. */
const NOT_LISTED = ['instanceId', 'username', ...RECORDED_FIELDS] as const;
/** Write-only entry fields, carried from the inputs (the passwords have their own output). */
const CARRIED_FIELDS = USER_FIELDS.writeOnly.filter((f) => f !== 'password');
/** Entry fields ListUsers reports (refreshed on read). */
const LISTED_FIELDS = (Object.keys(USER_FIELDS.inputs) as (keyof UserInputs)[]).filter(
  (f) => !(NOT_LISTED as readonly string[]).includes(f) && !USER_FIELDS.writeOnly.includes(f),
);
const SECRET_OUTPUTS = ['passwords'];
/** Each entry's password is secret in state and plans, even when the program passes a plain string. */
const SECRET_INPUTS = [['users', '*', 'password']];
const OUTPUT_NAMES = ['instanceId', 'users', 'userIds', 'passwords', 'adoptExisting', 'entryInputs'];
/** Set-wide output naming the entry fields most entries declare (see {@link SetState.outputs}). */
const ENTRY_INPUTS = 'entryInputs';
/** Keys of a `User` bag that an entry never records: the set's own keys and the password. */
const NOT_ENTRY_FIELDS = ['instanceId', 'username', 'password', 'groupIds', DECLARED_INPUTS];
const ID_PARTS = ['instanceId'] as const;

type ListedUser = NonNullable<ListUsersResponse['Users']>[number];

/** The property path of an entry, as failures and messages name it: `users["alice"]`. */
function entryPath(username: string): string {
  return `users[${JSON.stringify(username)}]`;
}

/** `User` inputs of an entry, for the `User` check/diff/update rules. */
function asUser(instanceId: string, username: string, entry: object, password?: string): PropertyBag {
  const bag: PropertyBag = { ...entry, instanceId, username };
  if (password !== undefined) bag.password = password;
  return bag;
}

/**
 * An entry's recorded outputs from a ListUsers row (read with `User`'s mapping) and the entry's
 * own recorded fields.
 */
function entryFromRow(row: ListedUser, recorded: Partial<UsersEntryOutputs>): UsersEntryOutputs {
  const known: PropertyBag = {};
  for (const f of [...RECORDED_FIELDS, ...CARRIED_FIELDS]) known[f] = (recorded as PropertyBag)[f];
  return entryFromUser(userOutputs(row, known, NOT_LISTED));
}

/** An entry's recorded outputs from a full `User` output bag (update path, import). */
function entryFromUser(user: PropertyBag): UsersEntryOutputs {
  const out: PropertyBag = { ...user };
  for (const f of NOT_ENTRY_FIELDS) delete out[f];
  return compact(out) as UsersEntryOutputs;
}

/**
 * The entry fields `entry` declares, the way `User` records its declared inputs (see
 * `provider-kit/shaping.ts`): what a refresh records as the entry's inputs, so a plan after a
 * refresh names only what the program declares. The password is not among them: it has its own
 * secret output.
 */
function entryNames(entry: object): string[] {
  return declaredNames(USER_FIELDS.shape, entry as PropertyBag).filter((f) => !NOT_ENTRY_FIELDS.includes(f));
}

/**
 * The entry fields recorded for `username` in prior outputs; for state written before they were
 * recorded, the fields its outputs set (the refresh then records what it recorded before).
 */
function recordedEntryNames(props: PropertyBag, entry: PropertyBag): string[] | undefined {
  const own = entry[DECLARED_INPUTS];
  if (Array.isArray(own)) return own as string[];
  const shared = props[ENTRY_INPUTS];
  if (Array.isArray(shared)) return shared as string[];
  return undefined;
}

/** Names recorded before `entryInputs` existed: the fields an entry's refreshed inputs carried. */
function legacyEntryNames(entry: PropertyBag): string[] {
  return [...LISTED_FIELDS, ...RECORDED_FIELDS, ...CARRIED_FIELDS].filter((f) => {
    const v = entry[f];
    return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  });
}

/** An entry's outputs with its declared fields in their declared form (as `User` records them). */
function shapeEntry(live: PropertyBag, declared: PropertyBag, names: readonly string[]): UsersEntryOutputs {
  const out = entryFromUser(shapeOutputs(USER_FIELDS.shape, live, declared, names)) as unknown as PropertyBag;
  for (const f of SERVER_ONLY_OUTPUTS) delete out[f];
  // What the service fills in for an undeclared field, when it says nothing: the external id
  // defaults to the account id, and no further units or custom fields are empty lists.
  const undeclared = (f: string) => !names.includes(f);
  if (undeclared('userExternalId') && out.userExternalId === out.userId) delete out.userExternalId;
  for (const f of ['organizationalUnitIds', 'customFields']) {
    if (undeclared(f) && Array.isArray(out[f]) && (out[f] as unknown[]).length === 0) delete out[f];
  }
  return out as unknown as UsersEntryOutputs;
}

/** `User` olds of an entry (without the set's record of its declared names). */
function userOlds(instanceId: string, username: string, old: object, password?: string): PropertyBag {
  const bag = asUser(instanceId, username, old, password);
  delete bag[DECLARED_INPUTS];
  return bag;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f) => b.includes(f));
}

/** Live rows of `userIds`, by user id: one ListUsers call per 100 ids, run concurrently. */
async function listByIds(
  ctx: ProviderContext,
  instanceId: string,
  userIds: readonly string[],
): Promise<Map<string, ListedUser>> {
  const rows = new Map<string, ListedUser>();
  const batches = chunked([...new Set(userIds)], LIST_BATCH);
  const settled = await settleConcurrently(batches, (batch) =>
    ctx.client.call('ListUsers', {
      InstanceId: instanceId,
      UserIds: batch,
      PageNumber: 1,
      PageSize: LIST_BATCH,
    }),
  );
  for (const s of settled) {
    if (!s.ok) throw s.error;
    for (const row of s.value.Users ?? []) if (row.UserId) rows.set(row.UserId, row);
  }
  return rows;
}

/** Every account of the instance, by username (import and adoption only: a page per 100). */
async function listByUsername(ctx: ProviderContext, instanceId: string): Promise<Map<string, ListedUser>> {
  const rows = await ctx.client.listAll('ListUsers', { InstanceId: instanceId, PageSize: LIST_BATCH });
  return new Map(rows.filter((r) => r.Username).map((r) => [r.Username as string, r]));
}

/** True when the error says the username is taken. */
function isUsernameTaken(err: unknown): boolean {
  return (
    err instanceof EiamApiError && err.code.startsWith('EntityAlreadyExists') && err.code.includes('Username')
  );
}

/** Outcome of creating (or adopting) one entry. */
interface Made {
  readonly username: string;
  readonly userId: string;
  /** Full outputs when they are already known (adopted accounts); else read back in batch. */
  readonly outputs?: UsersEntryOutputs;
  /** Recorded fields for the batch read-back. */
  readonly recorded: Partial<UsersEntryOutputs>;
}

/** An entry that exists but whose follow-up failed (recorded, then reported). */
class EntryFollowUpError extends Error {
  constructor(
    readonly made: Made,
    readonly failure: unknown,
  ) {
    super(describeError(failure));
  }
}

/**
 * Creates one account (CreateUser, then DisableUser when declared disabled), or adopts the
 * existing one when allowed. Throws an {@link EntryFollowUpError} when the account exists but a
 * later step failed.
 */
async function makeEntry(
  ctx: ProviderContext,
  instanceId: string,
  username: string,
  entry: UsersEntry,
  root: () => Promise<string>,
  adopt: boolean,
): Promise<Made> {
  const primary = entry.primaryOrganizationalUnitId ?? (await root());
  const extra = entry.organizationalUnitIds?.filter((ou) => ou !== primary);
  const init = entry.passwordInitializationConfig;
  const recorded: Partial<UsersEntryOutputs> = {
    primaryOrganizationalUnitId: primary,
    organizationalUnitIds: extra ?? [],
    customFields: entry.customFields ?? [],
    passwordInitializationConfig: init,
    unlockTrigger: entry.unlockTrigger,
  };
  let userId: string;
  try {
    const res = await ctx.client.call(
      'CreateUser',
      createUserRequest(instanceId, username, entry, {
        clientToken: newClientToken('user'),
        primary,
        extraUnits: extra?.length ? extra : undefined,
      }),
    );
    userId = res.UserId ?? '';
  } catch (err) {
    if (adopt && isUsernameTaken(err)) return adoptEntry(ctx, instanceId, username, entry);
    throw err;
  }
  const made: Made = { username, userId, recorded };
  if (entry.status === 'disabled') {
    try {
      await ctx.client.call('DisableUser', { InstanceId: instanceId, UserId: userId });
    } catch (err) {
      throw new EntryFollowUpError(made, err);
    }
  }
  return made;
}

/** Takes over the existing account `username`: reads it, then updates it to the entry. */
async function adoptEntry(
  ctx: ProviderContext,
  instanceId: string,
  username: string,
  entry: UsersEntry,
): Promise<Made> {
  const res = await ctx.client.call('ListUsers', {
    InstanceId: instanceId,
    UsernameStartsWith: username,
    PageNumber: 1,
    PageSize: LIST_BATCH,
  });
  const row = (res.Users ?? []).find((u) => u.Username === username);
  if (!row?.UserId) throw new Error(`the account ${username} exists but could not be found to adopt it`);
  const id = joinId(instanceId, row.UserId);
  const live = await userImplementation.read(ctx.settings, id, {});
  if (!live.props) throw new Error(`the account ${username} disappeared while being adopted`);
  const want = asUser(instanceId, username, entry, entry.password);
  const made: Made = { username, userId: row.UserId, recorded: {}, outputs: entryFromUser(live.props) };
  try {
    const diff = await userImplementation.diff(id, live.props, want);
    if (!diff.changes) return made;
    const updated = await userImplementation.update(ctx.settings, id, live.props, want);
    return { ...made, outputs: entryFromUser(updated.outs as PropertyBag) };
  } catch (err) {
    throw new EntryFollowUpError(made, err);
  }
}

/** Working copy of the outputs while a create/update runs. */
class SetState {
  /** Outputs of each entry (without its declared names, kept in {@link names}). */
  readonly users: Record<string, UsersEntryOutputs>;
  readonly userIds: Record<string, string>;
  readonly passwords: Record<string, string>;
  /** The fields each entry declares. */
  readonly names: Record<string, string[]> = {};
  readonly failures: string[] = [];

  constructor(
    readonly instanceId: string,
    from?: UsersOutputs,
  ) {
    this.users = {};
    for (const [username, entry] of Object.entries(from?.users ?? {})) {
      const bag = { ...(entry as unknown as PropertyBag) };
      this.names[username] = recordedEntryNames(from as unknown as PropertyBag, bag) ?? legacyEntryNames(bag);
      delete bag[DECLARED_INPUTS];
      this.users[username] = bag as unknown as UsersEntryOutputs;
    }
    this.userIds = { ...(from?.userIds ?? {}) };
    this.passwords = { ...(from?.passwords ?? {}) };
  }

  set(username: string, entry: UsersEntryOutputs, password: string | undefined, names: string[]): void {
    this.users[username] = entry;
    this.userIds[username] = entry.userId;
    this.names[username] = names;
    if (password !== undefined) this.passwords[username] = password;
    else delete this.passwords[username];
  }

  drop(username: string): void {
    delete this.users[username];
    delete this.userIds[username];
    delete this.passwords[username];
    delete this.names[username];
  }

  /**
   * The declared names as recorded: the list most entries share once, in `entryInputs`, and
   * an entry's own list only where it differs (so 10,000 alike entries cost one list).
   */
  private recordedUsers(): { users: Record<string, UsersEntryOutputs>; shared: string[] } {
    const counts = new Map<string, { names: string[]; n: number }>();
    for (const username of Object.keys(this.users)) {
      const names = [...(this.names[username] ?? [])].sort();
      const key = names.join(',');
      const c = counts.get(key) ?? { names, n: 0 };
      c.n++;
      counts.set(key, c);
    }
    let shared: string[] = [];
    let best = 0;
    for (const c of [...counts.values()].sort((a, b) => a.names.join(',').localeCompare(b.names.join(',')))) {
      if (c.n > best) [shared, best] = [c.names, c.n];
    }
    const users: Record<string, UsersEntryOutputs> = {};
    for (const [username, entry] of Object.entries(this.users)) {
      const names = this.names[username] ?? [];
      users[username] = sameNames(names, shared)
        ? entry
        : ({ ...entry, [DECLARED_INPUTS]: [...names].sort() } as UsersEntryOutputs);
    }
    return { users, shared };
  }

  fail(username: string, step: string, err: unknown): void {
    this.failures.push(`${username} (${step}: ${describeError(err)})`);
  }

  outputs(adoptExisting: boolean | undefined): UsersOutputs {
    const sorted = <V>(m: Record<string, V>) =>
      Object.fromEntries(
        Object.keys(m)
          .sort()
          .map((k) => [k, m[k]]),
      ) as Record<string, V>;
    const { users, shared } = this.recordedUsers();
    return compact({
      instanceId: this.instanceId,
      users: sorted(users),
      userIds: sorted(this.userIds),
      passwords: Object.keys(this.passwords).length ? sorted(this.passwords) : undefined,
      adoptExisting,
      entryInputs: shared,
    });
  }

  /** The inputs a refresh records for an entry: its declared fields with their recorded values. */
  refreshedInputs(username: string): PropertyBag {
    const inputs = refreshInputs(this.users[username] as unknown as PropertyBag, this.names[username] ?? []);
    // The password cannot be read back: the one last set is carried, as `User` carries it (the
    // engine keeps it secret at that path, as it was in the prior inputs).
    if (this.passwords[username] !== undefined) inputs.password = this.passwords[username];
    return inputs;
  }

  /** Throws the partial-failure error when any entry failed; the existing accounts are recorded. */
  finish(adoptExisting: boolean | undefined, verb: string): UsersOutputs {
    const outs = this.outputs(adoptExisting);
    if (this.failures.length === 0) return outs;
    const shown = this.failures.slice(0, 10).join('; ');
    const more = this.failures.length > 10 ? `; and ${this.failures.length - 10} more` : '';
    throw new ResourceInitError(
      this.instanceId,
      outs as unknown as PropertyBag,
      `Users ${this.instanceId}: ${this.failures.length} of the accounts could not be ${verb}: ${shown}${more}. ` +
        'The accounts that exist are recorded in the stack; run `pulumi up` again to finish.',
    );
  }
}

/** Creates (or adopts) `names`, reads them back in batch, and records them in `state`. */
async function createEntries(
  ctx: ProviderContext,
  state: SetState,
  names: readonly string[],
  entries: Record<string, UsersEntry>,
  adopt: boolean,
): Promise<void> {
  let rootPromise: Promise<string> | undefined;
  const root = () => (rootPromise ??= rootOrganizationalUnitId(ctx, state.instanceId));
  const settled = await settleConcurrently(names, (username) =>
    makeEntry(ctx, state.instanceId, username, entries[username], root, adopt),
  );
  const made: Made[] = [];
  settled.forEach((s, i) => {
    if (s.ok) made.push(s.value);
    else if (s.error instanceof EntryFollowUpError) {
      made.push(s.error.made);
      state.fail(names[i], 'a follow-up step', s.error.failure);
    } else state.fail(names[i], 'creating it', s.error);
  });
  const toRead = made.filter((m) => !m.outputs).map((m) => m.userId);
  let rows = new Map<string, ListedUser>();
  try {
    rows = await listByIds(ctx, state.instanceId, toRead);
  } catch (err) {
    // The accounts exist; record what is known of them and let the next refresh fill in.
    if (toRead.length) state.fail(`${toRead.length} new accounts`, 'reading them back', err);
  }
  for (const m of made) {
    const entry = entries[m.username];
    const row = rows.get(m.userId);
    const live =
      m.outputs ??
      (row
        ? entryFromRow(row, m.recorded)
        : (compact({ ...m.recorded, userId: m.userId, status: 'enabled' }) as UsersEntryOutputs));
    const names = entryNames(entry);
    state.set(m.username, shapeEntry(live as unknown as PropertyBag, entry, names), entry.password, names);
  }
}

/** Deletes the accounts of `names` (gone ones count as deleted); records failures. */
async function deleteEntries(ctx: ProviderContext, state: SetState, names: readonly string[]): Promise<void> {
  const settled = await settleConcurrently(names, (username) =>
    unlessNotFound(
      ctx.client.call('DeleteUser', { InstanceId: state.instanceId, UserId: state.userIds[username] }),
    ),
  );
  settled.forEach((s, i) => {
    if (s.ok) state.drop(names[i]);
    else state.fail(names[i], 'deleting it', s.error);
  });
}

/** The entries as a map, or undefined when the map (or any key) is not known yet. */
function knownEntries(value: unknown): Record<string, UsersEntry> | undefined {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  return value as Record<string, UsersEntry>;
}

/** The set provider's implementation (called through {@link usersProvider}). */
export const usersImplementation = defineProvider<UsersInputs, UsersOutputs>({
  kind: 'Users',

  async check(_olds, news) {
    const c = new InputChecker(news);
    checkInstanceId(c).boolean('adoptExisting');
    const failures: pulumi.dynamic.CheckFailure[] = [...c.failures];
    const users = news.users;
    const inputs: PropertyBag = { ...news };
    if (users === undefined || users === null) {
      failures.push({ property: 'users', reason: 'users is required: a map from username to account' });
    } else if (!isUnknown(users)) {
      if (typeof users !== 'object' || Array.isArray(users)) {
        failures.push({ property: 'users', reason: 'users must be a map from username to account' });
      } else {
        const checked: Record<string, unknown> = {};
        const instanceId = typeof news.instanceId === 'string' ? news.instanceId : 'idaas_placeholder';
        for (const [username, entry] of Object.entries(users as PropertyBag)) {
          const path = entryPath(username);
          if (isUnknown(entry)) {
            checked[username] = entry;
            continue;
          }
          if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
            failures.push({
              property: 'users',
              reason: `${path} must be an object with the fields of a User`,
            });
            continue;
          }
          const own = entry as PropertyBag;
          for (const f of ['username', 'instanceId']) {
            if (own[f] !== undefined) {
              failures.push({
                property: 'users',
                reason: `${path}.${f} is not allowed: ${f === 'username' ? 'the map key is the username' : 'the set has one instanceId'}`,
              });
            }
          }
          const res = await userImplementation.check({}, asUser(instanceId, username, own));
          for (const f of res.failures ?? [])
            failures.push({ property: 'users', reason: `${path}.${f.reason}` });
          const { instanceId: _i, username: _u, ...rest } = (res.inputs ?? {}) as PropertyBag;
          checked[username] = rest;
        }
        inputs.users = checked;
      }
    }
    return failures.length
      ? { inputs: inputs as unknown as UsersInputs, failures }
      : { inputs: inputs as unknown as UsersInputs };
  },

  async diff(_id, olds, news) {
    if (!isUnknown(news.instanceId) && news.instanceId !== olds.instanceId) {
      return { changes: true, replaces: ['instanceId'], deleteBeforeReplace: true };
    }
    const declared = knownEntries(news.users);
    if (!declared) return { changes: true, replaces: [] };
    const recorded = olds.users ?? {};
    if (Object.keys(recorded).some((u) => !(u in declared))) return { changes: true, replaces: [] };
    for (const [username, entry] of Object.entries(declared)) {
      const old = recorded[username];
      if (!old || isUnknown(entry)) return { changes: true, replaces: [] };
      // Declaring (or dropping) a field whose value already matches re-records the names.
      const names = recordedEntryNames(olds as unknown as PropertyBag, old as unknown as PropertyBag);
      if (names && !sameNames(names, entryNames(entry))) return { changes: true, replaces: [] };
      const d = await userImplementation.diff(
        joinId(olds.instanceId, old.userId),
        userOlds(olds.instanceId, username, old, olds.passwords?.[username]),
        asUser(olds.instanceId, username, entry),
      );
      if (d.changes) return { changes: true, replaces: [] };
    }
    return { changes: false, replaces: [] };
  },

  async create(ctx, inputs) {
    const state = new SetState(inputs.instanceId);
    const names = Object.keys(inputs.users);
    await createEntries(ctx, state, names, inputs.users, inputs.adoptExisting === true);
    if (Object.keys(state.users).length === 0 && state.failures.length > 0) {
      // Nothing exists: a plain error, so nothing is recorded.
      throw new Error(
        `Users ${inputs.instanceId}: no account could be created: ${state.failures.slice(0, 10).join('; ')}`,
      );
    }
    return { id: inputs.instanceId, outs: state.finish(inputs.adoptExisting, 'created') };
  },

  async read(ctx, id, props) {
    const { instanceId } = parseSetId(id);
    assertDeclaredMatches('Users', id, 'instanceId', props.instanceId, instanceId);
    const declared = (props.users ?? {}) as Record<string, Partial<UsersEntryOutputs>>;
    const knownIds = (props.userIds ?? {}) as Record<string, string>;
    const state = new SetState(instanceId);
    const idOf = (u: string) => knownIds[u] ?? declared[u]?.userId;
    const known = Object.keys(declared).filter((u) => idOf(u));
    const unknown = Object.keys(declared).filter((u) => !idOf(u));
    const rows = await listByIds(
      ctx,
      instanceId,
      known.map((u) => idOf(u) as string),
    );
    const inputs: Record<string, PropertyBag> = {};
    for (const username of known) {
      const row = rows.get(idOf(username) as string);
      if (!row || row.Username !== username) continue; // gone (or renamed outside Pulumi)
      const prior = declared[username] as PropertyBag;
      const names = recordedEntryNames(props, prior) ?? legacyEntryNames(prior);
      const live = shapeEntry(entryFromRow(row, prior) as unknown as PropertyBag, prior, names);
      state.set(username, live, (props.passwords as Record<string, string> | undefined)?.[username], names);
      inputs[username] = state.refreshedInputs(username);
    }
    if (unknown.length) {
      // Import: find the listed usernames, then read each account in full (GetUser).
      const byName = await listByUsername(ctx, instanceId);
      const found = unknown.filter((u) => byName.get(u)?.UserId);
      const settled = await settleConcurrently(found, (username) =>
        userImplementation.read(
          ctx.settings,
          joinId(instanceId, byName.get(username)!.UserId as string),
          asUser(instanceId, username, declared[username]),
        ),
      );
      settled.forEach((s, i) => {
        if (!s.ok) throw s.error;
        if (!s.value.props) return;
        const { instanceId: _i, username: _u, ...rest } = (s.value.inputs ?? {}) as PropertyBag;
        const names = Object.keys(rest);
        const live = shapeEntry(s.value.props as PropertyBag, rest, names);
        state.set(found[i], live, undefined, names);
        inputs[found[i]] = rest;
      });
    }
    const outs = state.outputs(props.adoptExisting as boolean | undefined);
    const recordedInputs: PropertyBag = { instanceId, users: inputs };
    if (props.adoptExisting !== undefined) recordedInputs.adoptExisting = props.adoptExisting;
    return { id, props: outs, inputs: recordedInputs };
  },

  async update(ctx, id, olds, news) {
    const { instanceId } = parseSetId(id);
    const state = new SetState(instanceId, olds);
    const declared = news.users;
    const removed = Object.keys(state.users).filter((u) => !(u in declared));
    const added: string[] = [];
    const changed: string[] = [];
    const recreated: string[] = [];
    for (const [username, entry] of Object.entries(declared)) {
      const old = state.users[username];
      if (!old) {
        added.push(username);
        continue;
      }
      const d = await userImplementation.diff(
        joinId(instanceId, old.userId),
        asUser(instanceId, username, old, olds.passwords?.[username]),
        asUser(instanceId, username, entry),
      );
      if ((d.replaces ?? []).length) recreated.push(username);
      else if (d.changes) changed.push(username);
      else {
        // Same values; the declared names may differ: record the new ones.
        const names = entryNames(entry);
        const shaped = shapeEntry(old as unknown as PropertyBag, entry as PropertyBag, names);
        state.set(username, shaped, entry.password ?? olds.passwords?.[username], names);
      }
    }
    // Deletes first: a username may be reused by an added or recreated entry.
    await deleteEntries(ctx, state, [...removed, ...recreated]);
    const recreatable = recreated.filter((u) => !state.users[u]);
    await createEntries(ctx, state, [...added, ...recreatable], declared, news.adoptExisting === true);
    const settled = await settleConcurrently(changed, (username) => {
      const old = state.users[username];
      const userIdPath = joinId(instanceId, old.userId);
      return userImplementation.update(
        ctx.settings,
        userIdPath,
        asUser(instanceId, username, old, olds.passwords?.[username]),
        asUser(instanceId, username, declared[username]),
      );
    });
    settled.forEach((s, i) => {
      const username = changed[i];
      const entry = declared[username];
      const names = entryNames(entry);
      if (s.ok) {
        const outs = s.value.outs as PropertyBag;
        state.set(username, shapeEntry(outs, entry as PropertyBag, names), entry.password, names);
      } else state.fail(username, 'updating it', s.error);
    });
    return { outs: state.finish(news.adoptExisting, 'created, updated or deleted') };
  },

  async delete(ctx, id, props) {
    const { instanceId } = parseSetId(id);
    const state = new SetState(instanceId, props);
    await deleteEntries(ctx, state, Object.keys(state.users));
    if (state.failures.length) {
      throw new Error(
        `Users ${instanceId}: ${state.failures.length} of the accounts could not be deleted: ` +
          `${state.failures.slice(0, 10).join('; ')}. Run \`pulumi destroy\` again to retry.`,
      );
    }
  },
});

function parseSetId(id: string): { instanceId: string } {
  if (typeof id !== 'string' || id === '' || id.includes('/')) {
    throw new Error(`invalid Users id "${id}": expected ${ID_PARTS.join('/')}`);
  }
  return { instanceId: id };
}

/** The serializable provider of {@link Users}. */
export const usersProvider: pulumi.dynamic.ResourceProvider = usersProviderModule;

/**
 * A set of accounts managed as one resource, keyed by username: the form for large directories.
 *
 * ```ts
 * const staff = new eiam.Users('staff', {
 *   instanceId: instance.instanceId,
 *   users: Object.fromEntries(rows.map((r) => [r.username, { displayName: r.name, primaryOrganizationalUnitId: eng.organizationalUnitId }])),
 * });
 * new eiam.GroupMembers('eng', { instanceId, groupId: eng.groupId, userIds: staff.userIds.apply(Object.values) });
 * ```
 *
 * `passwords` is stored only as a secret output. Import: `{ import: 'idaas_xxx' }` with the
 * declared map.
 */
export class Users extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = SECRET_OUTPUTS;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The managed accounts, keyed by username. */
  declare readonly users: pulumi.Output<Record<string, UsersEntryOutputs>>;
  /** Account id of each managed username. */
  declare readonly userIds: pulumi.Output<Record<string, string>>;
  /** Passwords last set through Pulumi, by username (secret). */
  declare readonly passwords: pulumi.Output<Record<string, string> | undefined>;
  /** Whether existing accounts are adopted. */
  declare readonly adoptExisting: pulumi.Output<boolean | undefined>;

  /** Declares a set of accounts. */
  constructor(name: string, args: UsersArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      usersProvider,
      'Users',
      { outputNames: OUTPUT_NAMES, secretOutputs: SECRET_OUTPUTS, secretInputs: SECRET_INPUTS },
      name,
      args,
      opts,
    );
  }
}

/** The type token of {@link Users}. */
export const USERS_TYPE = typeToken('Users');
