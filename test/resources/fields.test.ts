/**
 * The field table on its own (no server): what it derives from one declaration of each field.
 */
import * as pulumi from '@pulumi/pulumi';
import {
  argsMatchTable,
  field,
  fieldTable,
  isPlainObject,
  typed,
  valueAt,
  UNKNOWN,
  type InputsOf,
  type OutputsOf,
} from '../../src/resources/provider-kit';

interface Item {
  itemName: string;
  itemValue?: string;
}

const TABLE = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    widgetName: field.string({ required: true, maxLength: 8 }),
    description: field.string({ kind: 'text' }),
    mode: field.enum(['on', 'off'] as const),
    ownerIds: field.idSet('user', { maxItems: 2 }),
    items: field.list(typed<Item>(), { fields: { itemName: true, itemValue: true } }),
    secretCode: field.string({ secret: true, writeOnly: true, wire: 'Code' }),
    size: field.integer({ min: 1, read: 'Dimensions.Size' }),
    trigger: field.string({ writeOnly: true, wire: false, action: 'update' }),
  },
  outputs: {
    widgetId: field.string({ required: true }),
    createTime: field.integer(),
  },
  deleteBeforeReplace: true,
});

interface WidgetArgs {
  readonly instanceId: pulumi.Input<string>;
  readonly widgetName: pulumi.Input<string>;
  readonly description?: pulumi.Input<string>;
  readonly mode?: pulumi.Input<'on' | 'off'>;
  readonly ownerIds?: pulumi.Input<pulumi.Input<string>[]>;
  readonly items?: pulumi.Input<pulumi.Input<Item>[]>;
  readonly secretCode?: pulumi.Input<string>;
  readonly size?: pulumi.Input<number>;
  readonly trigger?: pulumi.Input<string>;
}

// Compile-time checks: the matching Args compile, a mismatch does not.
argsMatchTable<WidgetArgs, typeof TABLE>();
// @ts-expect-error a field of the table is missing
argsMatchTable<Omit<WidgetArgs, 'size'>, typeof TABLE>();
// @ts-expect-error a field is typed differently
argsMatchTable<Omit<WidgetArgs, 'size'> & { readonly size?: pulumi.Input<string> }, typeof TABLE>();
// @ts-expect-error a required field is optional
argsMatchTable<
  Omit<WidgetArgs, 'widgetName'> & { readonly widgetName?: pulumi.Input<string> },
  typeof TABLE
>();

type Inputs = InputsOf<typeof TABLE>;
type Outputs = OutputsOf<typeof TABLE>;

test('the diff table, shape, field tree, names and secrets derive from the fields', () => {
  expect(TABLE.diffTable).toEqual({
    instanceId: 'replace',
    widgetName: 'update',
    description: { action: 'update', kind: 'text' },
    mode: 'update',
    ownerIds: { action: 'update', kind: 'set' },
    items: 'update',
    secretCode: 'update',
    size: 'update',
    trigger: 'update',
  });
  expect(TABLE.shape.writeOnly).toEqual(['secretCode', 'trigger']);
  expect(TABLE.fields.items).toEqual({ itemName: true, itemValue: true });
  expect(TABLE.fields.widgetName).toBe(true);
  expect(TABLE.outputNames.slice(0, 2)).toEqual(['widgetId', 'createTime']);
  expect(TABLE.outputNames).toHaveLength(11);
  expect(TABLE.secretInputs).toEqual([['secretCode']]);
  expect(TABLE.secretOutputs).toEqual(['secretCode']);
});

test('check runs the rules in table order; a secret is never named to the engine', () => {
  const result = TABLE.check({
    widgetName: 'far too long',
    mode: 'maybe',
    ownerIds: ['group_1', 'user_2', 'user_3'],
    secretCode: 5,
    size: 0,
  });
  expect(result.failures).toEqual([
    { property: 'instanceId', reason: 'instanceId is required' },
    { property: 'widgetName', reason: 'widgetName must be at most 8 characters long' },
    { property: 'mode', reason: 'mode must be one of: on, off' },
    { property: '', reason: 'ownerIds must have at most 2 item(s)' },
    {
      property: 'ownerIds[0]',
      reason:
        'ownerIds[0] must be a user id (user_ followed by lowercase letters and digits); the value is a group id (group_…)',
    },
    { property: '', reason: 'secretCode must be a string' },
    { property: 'size', reason: 'size must be at least 1' },
  ]);
  expect(TABLE.check({ instanceId: 'idaas_x', widgetName: UNKNOWN }).failures).toBeUndefined();
});

test('diff and changes follow the rules; replacement deletes first', () => {
  const olds: Outputs = {
    instanceId: 'idaas_a',
    widgetName: 'w',
    widgetId: 'w_1',
    ownerIds: ['user_b', 'user_a'],
  };
  const same: Inputs = {
    instanceId: 'idaas_a',
    widgetName: 'w',
    description: '',
    ownerIds: ['user_a', 'user_b'],
  };
  expect(TABLE.diff(olds, same)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  expect(TABLE.diff(olds, { ...same, instanceId: 'idaas_b' })).toEqual({
    changes: true,
    replaces: ['instanceId'],
    deleteBeforeReplace: true,
  });
  expect(TABLE.changes(olds, { ...same, widgetName: 'v' }).map((c) => c.property)).toEqual(['widgetName']);
});

test('read maps the response item (nested paths, lists) and takes known values over it', () => {
  const item = {
    WidgetName: 'w',
    Mode: 'on',
    OwnerIds: ['user_a'],
    Items: [{ ItemName: 'n', ItemValue: 'v' }],
    Code: 'never read',
    Dimensions: { Size: 3 },
    CreateTime: 7,
  };
  expect(TABLE.read(item, { instanceId: 'idaas_a', secretCode: 'kept' })).toEqual({
    instanceId: 'idaas_a',
    widgetName: 'w',
    widgetId: '',
    mode: 'on',
    ownerIds: ['user_a'],
    items: [{ itemName: 'n', itemValue: 'v' }],
    secretCode: 'kept',
    size: 3,
    createTime: 7,
  });
  expect(TABLE.carried({ secretCode: 's', trigger: 't', widgetName: 'w' })).toEqual({
    secretCode: 's',
    trigger: 't',
  });
});

test('request maps inputs to wire parameters: all, for a create, or only the changed ones', () => {
  const inputs: Inputs = {
    instanceId: 'idaas_a',
    widgetName: 'w',
    description: '',
    items: [{ itemName: 'n' }],
    secretCode: 's',
    trigger: 't',
  };
  expect(TABLE.request(inputs)).toEqual({
    InstanceId: 'idaas_a',
    WidgetName: 'w',
    Description: '',
    Items: [{ ItemName: 'n' }],
    Code: 's',
  });
  expect(TABLE.request(inputs, { create: true, only: ['instanceId', 'description'] })).toEqual({
    InstanceId: 'idaas_a',
  });
  const olds: Outputs = { ...inputs, widgetId: 'w_1', description: 'old' };
  const changes = TABLE.changes(olds, { ...inputs, widgetName: 'v' });
  expect(
    TABLE.request({ ...inputs, widgetName: 'v' }, { only: ['widgetName', 'description'], changes }),
  ).toEqual({
    WidgetName: 'v',
    Description: '',
  });
  expect(TABLE.request(inputs, { only: ['size'], changes })).toBeUndefined();
});

test("a block's secret members (nested blocks' too) are secret paths of the field, not whole secrets", () => {
  const credentials = fieldTable({
    inputs: { user: field.string(), token: field.string({ secret: true, minLength: 4 }) },
  });
  const connection = fieldTable({
    inputs: {
      url: field.string({ required: true, format: 'url' }),
      key: field.string({ secret: true }),
      credentials: field.block(typed<InputsOf<typeof credentials>>(), credentials),
    },
  });
  const table = fieldTable({
    inputs: {
      name: field.string(),
      connection: field.block(typed<InputsOf<typeof connection>>(), connection),
    },
  });
  expect(table.secretInputs).toEqual([
    ['connection', 'key'],
    ['connection', 'credentials', 'token'],
  ]);
  expect(table.secretOutputs).toEqual([]);
  expect(table.fields).toEqual({
    name: true,
    connection: { url: true, key: true, credentials: { user: true, token: true } },
  });
  // Failures of a nested block are named by their full path, the secret value in none.
  const result = table.check({ connection: { url: 'ftp://x', credentials: { token: 'abc' } } });
  expect(result.failures).toEqual([
    { property: 'connection.url', reason: 'connection.url must be an absolute http(s) URL' },
    {
      property: 'connection.credentials.token',
      reason: 'connection.credentials.token must be at least 4 characters long',
    },
  ]);
});

test('valueAt follows member names through objects; isPlainObject refuses null and arrays', () => {
  const item = { A: { B: { C: 3 } }, L: [1] };
  expect(valueAt(item, ['A', 'B', 'C'])).toBe(3);
  expect(valueAt(item, ['A', 'X', 'C'])).toBeUndefined();
  expect(valueAt(null, ['A'])).toBeUndefined();
  expect([{}, { a: 1 }, null, [], 'x'].map(isPlainObject)).toEqual([true, true, false, false, false]);
});
