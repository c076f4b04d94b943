/**
 * The provider kit on its own (no server): check rules, table-driven diff, refresh inputs, ids,
 * polling, tokens, settings, the handler wrapper and the serializable shell.
 */
import * as pulumi from '@pulumi/pulumi';
import {
  changedFields,
  cleanInputs,
  defineProvider,
  diffByTable,
  InputChecker,
  joinId,
  makeProviderShell,
  newClientToken,
  parseId,
  partialFailure,
  pollUntil,
  PROVIDER_SETTINGS_KEY,
  recordedNames,
  refreshInputs,
  shapeOutputs,
  declaredNames,
  normalizeSets,
  matchesDeclared,
  DECLARED_INPUTS,
  serializeProvider,
  UNKNOWN,
  withSecretInputs,
  containsUnknown,
  type DiffTable,
} from '../../src/resources/provider-kit';
import { configFromMap, readSettings } from '../../src/settings';

describe('InputChecker', () => {
  const failuresOf = (inputs: Record<string, unknown>, rules: (c: InputChecker) => void) => {
    const c = new InputChecker(inputs);
    rules(c);
    return c.failures;
  };

  test('each rule names the property and the rule it broke', () => {
    const f = failuresOf(
      { s: 'toolong', i: 2.5, r: 11, e: 'x@', p: '12ab', u: 'ftp://x', o: 'maybe', b: 'yes', l: ['a', 3] },
      (c) =>
        c
          .string('s', { maxLength: 3 })
          .integer('i')
          .integer('r', { max: 10 })
          .email('e')
          .phoneNumber('p')
          .url('u')
          .oneOf('o', ['on', 'off'])
          .boolean('b')
          .stringList('l')
          .string('missing', { required: true }),
    );
    expect(f).toEqual([
      { property: 's', reason: 's must be at most 3 characters long' },
      { property: 'i', reason: 'i must be an integer' },
      { property: 'r', reason: 'r must be at most 10' },
      { property: 'e', reason: 'e must be a valid email address (name@example.com)' },
      { property: 'p', reason: 'p must be 6 to 15 digits' },
      { property: 'u', reason: 'u must be an absolute http(s) URL' },
      { property: 'o', reason: 'o must be one of: on, off' },
      { property: 'b', reason: 'b must be a boolean' },
      { property: 'l[1]', reason: 'l[1] must be a string' },
      { property: 'missing', reason: 'missing is required' },
    ]);
  });

  test('mutual exclusion and dependencies', () => {
    expect(failuresOf({ a: 1, b: 2 }, (c) => c.mutuallyExclusive('a', 'b'))).toEqual([
      { property: 'b', reason: 'a and b cannot be set together' },
    ]);
    expect(failuresOf({ phone: '123456' }, (c) => c.requires('phone', 'region'))).toEqual([
      { property: 'region', reason: 'region is required when phone is set' },
    ]);
  });

  test('unknown values (preview) pass every rule, including required ones', () => {
    const f = failuresOf({ s: UNKNOWN, e: UNKNOWN, l: [UNKNOWN, 'ok'], n: UNKNOWN }, (c) =>
      c
        .string('s', { required: true, maxLength: 1 })
        .email('e')
        .stringList('l', { allowed: ['ok'] })
        .integer('n', { min: 5 }),
    );
    expect(f).toEqual([]);
    expect(containsUnknown({ a: [{ b: UNKNOWN }] })).toBe(true);
  });

  test('reasons never echo the value', () => {
    const secret = 'hunter2-hunter2-hunter2';
    const f = failuresOf({ password: secret }, (c) => c.string('password', { maxLength: 8, pattern: /^x$/ }));
    expect(f.length).toBe(2);
    for (const failure of f) expect(failure.reason).not.toContain(secret);
  });

  test('cleanInputs drops the provider entry and null members only', () => {
    expect(cleanInputs({ __provider: 'p', a: null, b: undefined, c: '', d: 0, e: false })).toEqual({
      c: '',
      d: 0,
      e: false,
    });
  });
});

describe('diffByTable', () => {
  const table: DiffTable = {
    name: 'update',
    note: { action: 'update', kind: 'text' },
    tags: { action: 'update', kind: 'set' },
    owner: 'replace',
    knob: 'ignore',
  };
  const olds = { name: 'a', note: undefined, tags: ['x', 'y'], owner: 'o1', knob: 1 };

  test('nothing declared differs: changes is explicitly false', () => {
    expect(diffByTable(table, olds, { name: 'a', tags: ['y', 'x', 'x'], owner: 'o1' })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test('unset inputs are not managed; ignored fields never count', () => {
    expect(diffByTable(table, olds, { knob: 99 }).changes).toBe(false);
  });

  test('empty text equals absent text', () => {
    expect(diffByTable(table, olds, { note: '' }).changes).toBe(false);
    expect(diffByTable(table, olds, { note: 'n' }).changes).toBe(true);
  });

  test('replacements are listed, with delete-before-replace when asked for', () => {
    expect(diffByTable(table, olds, { owner: 'o2', name: 'b' }, { deleteBeforeReplace: true })).toEqual({
      changes: true,
      replaces: ['owner'],
      deleteBeforeReplace: true,
    });
  });

  test('an unknown value is a change of its kind', () => {
    expect(changedFields(table, olds, { name: UNKNOWN, owner: UNKNOWN, tags: ['x', UNKNOWN] })).toEqual([
      { property: 'name', action: 'update', unknown: true },
      { property: 'tags', action: 'update', unknown: true },
      { property: 'owner', action: 'replace', unknown: true },
    ]);
  });

  test('objects compare deeply regardless of key order', () => {
    const t: DiffTable = { cfg: 'update' };
    expect(diffByTable(t, { cfg: { a: 1, b: [1, 2] } }, { cfg: { b: [1, 2], a: 1 } }).changes).toBe(false);
    expect(diffByTable(t, { cfg: { a: 1, b: [1, 2] } }, { cfg: { b: [2, 1], a: 1 } }).changes).toBe(true);
  });
});

describe('output shaping (declared inputs, refresh inputs, sets)', () => {
  const shape = {
    table: {
      name: 'update',
      note: { action: 'update', kind: 'text' },
      tags: { action: 'update', kind: 'set' },
      config: { action: 'update', equals: matchesDeclared },
      password: 'update',
    } as DiffTable,
    writeOnly: ['password'],
  };

  test('outputs record the declared names; equal live values keep their declared form', () => {
    const declared = { name: 'n', note: '', tags: ['a', 'b'], config: { mode: 'x', urls: ['u1', 'u2'] } };
    const live = {
      name: 'n',
      tags: ['b', 'a'],
      config: { mode: 'x', urls: ['u2', 'u1'], lifetime: 1200 },
      createTime: 5,
    };
    const names = declaredNames(shape, declared);
    expect(names).toEqual(['name', 'note', 'tags', 'config']);
    const outs = shapeOutputs(shape, live, declared, names);
    expect(outs).toEqual({ ...declared, createTime: 5, [DECLARED_INPUTS]: names });
    // A refresh of the same object records the declared inputs byte for byte.
    expect(refreshInputs(outs, recordedNames(shape, outs))).toEqual(declared);
  });

  test('a drifted field records the live value, restricted to the declared keys, sets sorted', () => {
    const prior = {
      name: 'n',
      tags: ['a', 'b'],
      config: { mode: 'x' },
      [DECLARED_INPUTS]: ['name', 'tags', 'config'],
    };
    const live = {
      name: 'renamed',
      tags: ['c', 'a'],
      config: { mode: 'y', lifetime: 1200 },
      note: 'undeclared',
    };
    const names = recordedNames(shape, prior);
    const outs = shapeOutputs(shape, live, prior, names);
    expect(refreshInputs(outs, names)).toEqual({ name: 'renamed', tags: ['a', 'c'], config: { mode: 'y' } });
    // An undeclared input is an output with its live value, never a recorded input.
    expect(outs.note).toBe('undeclared');
  });

  test('write-only inputs keep their declared value; without recorded names every set input counts', () => {
    const prior = { name: 'n', password: 'p', [DECLARED_INPUTS]: ['name', 'password'] };
    const outs = shapeOutputs(shape, { name: 'n' }, prior, recordedNames(shape, prior));
    expect(refreshInputs(outs, ['name', 'password'])).toEqual({ name: 'n', password: 'p' });
    // Import (or state from before the names were recorded): the inputs that are set and not empty.
    expect(recordedNames(shape, { name: 'n', note: '', tags: [], other: 1 })).toEqual(['name']);
  });

  test('check sorts sets, including string lists inside fields compared by their declared keys', () => {
    expect(
      normalizeSets(shape, {
        tags: ['b', 'a', 'b'],
        config: { urls: ['z', 'y'], rules: [{ k: 'b' }, { k: 'a' }] },
      }),
    ).toEqual({ tags: ['a', 'b'], config: { urls: ['y', 'z'], rules: [{ k: 'b' }, { k: 'a' }] } });
    expect(normalizeSets(shape, { tags: ['b', UNKNOWN] })).toEqual({ tags: ['b', UNKNOWN] });
  });

  test('matchesDeclared compares the declared keys only, string lists as sets, "" as absent', () => {
    expect(matchesDeclared({ a: ['x', 'y'], b: '' }, { a: ['y', 'x'], c: 1 })).toBe(true);
    expect(matchesDeclared({ a: ['x'] }, { a: ['x', 'y'] })).toBe(false);
    expect(matchesDeclared([{ k: 1 }], [{ k: 1 }, { k: 2 }])).toBe(false);
  });
});

describe('withSecretInputs', () => {
  test('wraps only the leaves at the given paths; the rest of a nested input stays plain', async () => {
    const args = withSecretInputs(
      { name: 'n', password: 'plain', config: { url: 'https://x', auth: { token: 't' } }, other: undefined },
      [['password'], ['config', 'auth', 'token'], ['other'], ['missing', 'leaf']],
    );
    expect(pulumi.Output.isInstance(args.password)).toBe(true);
    expect(await pulumi.isSecret(args.password as unknown as pulumi.Output<string>)).toBe(true);
    expect(args.name).toBe('n');
    expect(args.config.url).toBe('https://x');
    const token = args.config.auth.token as unknown as pulumi.Output<string>;
    expect(await pulumi.isSecret(token)).toBe(true);
    expect(args.other).toBeUndefined();
    // A block given as an output cannot be opened before it resolves: it becomes secret whole.
    const wrapped = withSecretInputs({ config: pulumi.output({ auth: { token: 't' } }) }, [
      ['config', 'auth', 'token'],
    ]);
    expect(await pulumi.isSecret(wrapped.config as pulumi.Output<unknown>)).toBe(true);
    // ... but only when the resolved value holds the path.
    const bare = withSecretInputs({ config: pulumi.output({ url: 'https://x' }) }, [
      ['config', 'auth', 'token'],
    ]);
    expect(await pulumi.isSecret(bare.config as pulumi.Output<unknown>)).toBe(false);
  });

  test('`*` opens every entry of a map: each entry keeps its other fields plain', async () => {
    const args = withSecretInputs(
      {
        users: {
          alice: { displayName: 'Alice', password: 'plain-1' },
          bob: { displayName: 'Bob' },
          carol: pulumi.output({ displayName: 'Carol', password: 'plain-2' }),
          dave: pulumi.output({ displayName: 'Dave' }),
        },
      },
      [['users', '*', 'password']],
    );
    const users = args.users as Record<string, Record<string, unknown> | pulumi.Output<unknown>>;
    const alice = users.alice as Record<string, unknown>;
    expect(await pulumi.isSecret(alice.password as pulumi.Output<string>)).toBe(true);
    expect(alice.displayName).toBe('Alice');
    expect(users.bob).toEqual({ displayName: 'Bob' });
    expect(await pulumi.isSecret(users.carol as pulumi.Output<unknown>)).toBe(true);
    expect(await pulumi.isSecret(users.dave as pulumi.Output<unknown>)).toBe(false);
    // A whole map given as an output is secret when any entry has a password.
    const mapped = withSecretInputs({ users: pulumi.output({ erin: { password: 'p' }, fay: {} }) }, [
      ['users', '*', 'password'],
    ]);
    expect(await pulumi.isSecret(mapped.users as pulumi.Output<unknown>)).toBe(true);
  });
});

describe('ids', () => {
  test('composite ids join and split with named parts', () => {
    expect(joinId('idaas_1', 'user_2')).toBe('idaas_1/user_2');
    expect(parseId('User', 'idaas_1/user_2', ['instanceId', 'userId'])).toEqual({
      instanceId: 'idaas_1',
      userId: 'user_2',
    });
    expect(() => parseId('User', 'user_2', ['instanceId', 'userId'])).toThrow(
      'invalid User id "user_2": expected instanceId/userId',
    );
    expect(() => joinId('a/b', 'c')).toThrow(/invalid id part/);
  });
});

describe('pollUntil', () => {
  test('backs off exponentially up to the cap and stops at the deadline', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const outcome = await pollUntil(
      async () => 'creating',
      (v) => v === 'running',
      {
        timeoutMs: 10_000,
        initialDelayMs: 1000,
        maxDelayMs: 3000,
        now: () => now,
        sleep: async (ms) => {
          sleeps.push(ms);
          now += ms;
        },
      },
    );
    expect(outcome).toEqual({ done: false, value: 'creating', probes: 6 });
    expect(sleeps).toEqual([1000, 2000, 3000, 3000, 1000]);
  });

  test('returns as soon as the condition holds', async () => {
    let n = 0;
    const outcome = await pollUntil(
      async () => ++n,
      (v) => v === 3,
      { timeoutMs: 1000, sleep: async () => {} },
    );
    expect(outcome).toEqual({ done: true, value: 3, probes: 3 });
  });
});

describe('client tokens', () => {
  test('fresh per call, ASCII, at most 64 characters', () => {
    const a = newClientToken('User');
    const b = newClientToken('User');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^pulumi-user-[0-9a-f-]{36}$/);
    expect(newClientToken('x'.repeat(100)).length).toBeLessThanOrEqual(64);
  });
});

describe('settings', () => {
  test('read from the eiam: namespace; empty values count as unset', () => {
    const config = configFromMap({
      'eiam:region': 'cn-shanghai',
      'eiam:endpoint': '',
      'eiam:accessKeySecret': 's',
      'other:x': 'y',
    });
    expect(readSettings(config)).toEqual({ region: 'cn-shanghai', accessKeySecret: 's' });
  });
});

describe('defineProvider with a shape', () => {
  type Thing = { name: string; note?: string; tags?: string[] };
  const impl = defineProvider<Thing, Thing>({
    kind: 'Thing',
    shape: {
      table: {
        name: 'update',
        note: { action: 'update', kind: 'text' },
        tags: { action: 'update', kind: 'set' },
      },
    },
    check: (_o, news) => ({ inputs: news as unknown as Thing }),
    diff: () => ({ changes: false, replaces: [] }),
    create: async (_ctx, inputs) => ({ id: 't1', outs: { ...inputs, note: 'live default' } }),
    read: async (_ctx, id) => ({ id, props: { name: 'n', note: 'live default', tags: ['b', 'a'] } }),
    update: async (_ctx, _id, _olds, news) => ({ outs: { ...news, note: 'live default' } }),
    delete: async () => {},
  });

  test('check sorts sets; create records the declared names; refresh records only them', async () => {
    const checked = await impl.check({}, { name: 'n', tags: ['b', 'a'] });
    expect(checked.inputs).toEqual({ name: 'n', tags: ['a', 'b'] });
    const created = await impl.create({}, checked.inputs!);
    expect(created.outs).toEqual({
      name: 'n',
      tags: ['a', 'b'],
      note: 'live default',
      [DECLARED_INPUTS]: ['name', 'tags'],
    });
    const read = await impl.read({}, 't1', created.outs);
    expect(read.inputs).toEqual({ name: 'n', tags: ['a', 'b'] });
    expect(read.props).toEqual(created.outs);
  });

  test('declaring or dropping an input is a change even when its value already matches', async () => {
    const outs = { name: 'n', note: 'live default', [DECLARED_INPUTS]: ['name'] };
    expect((await impl.diff('t1', outs, { name: 'n' })).changes).toBe(false);
    expect((await impl.diff('t1', outs, { name: 'n', note: 'live default' })).changes).toBe(true);
    expect(
      (await impl.diff('t1', { ...outs, [DECLARED_INPUTS]: ['name', 'note'] }, { name: 'n' })).changes,
    ).toBe(true);
    // State written before the names were recorded: no forced update.
    expect((await impl.diff('t1', { name: 'n', note: 'x' }, { name: 'n', note: 'x' })).changes).toBe(false);
  });
});

describe('defineProvider and the shell', () => {
  type In = { name: string };
  type Out = In & { objectId: string };
  const seen: Record<string, unknown>[] = [];
  /** A test implementation exported from this module, as resource modules export theirs. */
  const testImplementation = defineProvider<In, Out>({
    kind: 'Thing',
    check: (_o, news) => {
      seen.push(news);
      return { inputs: news as unknown as In };
    },
    diff: () => ({ changes: false, replaces: [] }),
    create: async (ctx, inputs) => {
      if (inputs.name === 'fail-after') {
        throw partialFailure(
          'Thing',
          'thing_1',
          { name: inputs.name, objectId: 'thing_1' },
          'tagging it',
          new Error('boom'),
        );
      }
      return { id: 'thing_1', outs: { ...inputs, objectId: String(ctx.settings.endpoint) } };
    },
    read: async () => ({}),
    update: async (_ctx, _id, olds) => ({ outs: olds }),
    delete: async () => {},
  });
  const holder = { testImplementation };
  let shell: pulumi.dynamic.ResourceProvider;

  beforeAll(async () => {
    shell = makeProviderShell(holder, 'testImplementation');
    await shell.configure!({
      config: configFromMap({
        'eiam:endpoint': 'http://127.0.0.1:1',
        'eiam:accessKeyId': 'LTAI-test-id',
        'eiam:accessKeySecret': 'TOP-SECRET-VALUE',
      }),
    });
  });
  afterAll(() => delete (globalThis as Record<string, unknown>)[PROVIDER_SETTINGS_KEY]);

  test('handlers get the configured settings and never see the __provider entry', async () => {
    await shell.check!({}, { name: 'a', __provider: 'text' });
    expect(seen[0]).toEqual({ name: 'a' });
    const created = await shell.create({ name: 'a', __provider: 'text' });
    expect(created.outs.objectId).toBe('http://127.0.0.1:1');
  });

  test('a gone object reads as {}', async () => {
    expect(await shell.read!('thing_1', {})).toEqual({});
  });

  test('a partial failure carries id, properties and the serialized provider', async () => {
    const err = await shell.create({ name: 'fail-after', __provider: 'text' }).catch((e) => e);
    expect(err).toMatchObject({ id: 'thing_1', properties: { objectId: 'thing_1', __provider: 'text' } });
    expect(err.message).toBe(
      'Thing thing_1 was created but tagging it failed: boom. It is recorded in the stack; run `pulumi up` again to finish configuring it.',
    );
  });

  test('the serialized provider holds no settings or secrets, even after configure', async () => {
    const s = await serializeProvider(shell);
    expect(s.containsSecrets).toBe(false);
    expect(s.text).not.toContain('TOP-SECRET-VALUE');
    expect(s.text).not.toContain('127.0.0.1:1');
    expect(s.bytes).toBeGreaterThan(0);
  });

  test('a shell over a module reference serializes as a require of that module, and stays small', async () => {
    // A module Node can name (`zlib`) stands in for the installed package's resource module.
    const zlib = require('zlib') as typeof import('zlib');
    const s = await serializeProvider(makeProviderShell(zlib, 'constants'));
    expect(s.text).toMatch(/require\("zlib"\)/);
    expect(s.bytes).toBeLessThan(4000);
  });
});
