/**
 * The CustomField provider against the local server: create (with every attribute, and
 * disabled), no diff when nothing changed, a replacement for a change of every input but
 * `status` (deleting first: the name is unique), `status` in place, refresh drift (`status` is
 * the one attribute the API can change behind the provider's back; a field deleted behind its
 * back reads as gone), import, check failures without API calls, creates that fail halfway or
 * whose outcome is unknown, idempotent delete, and the accounts that hold values for a field.
 */
import { handlers } from '../../src/local-server/operations';
import { EiamError } from '../../src/local-server/model/errors';
import {
  CUSTOM_FIELD_DIFF,
  CustomField,
  customFieldProvider,
  type CustomFieldOutputs,
} from '../../src/resources/custom-field';
import { UNKNOWN } from '../../src/resources/provider-kit';
import { userProvider, type UserOutputs } from '../../src/resources/user';
import {
  createVia,
  diffVia,
  expectPartialFailure,
  PROVIDER_ENTRY,
  recordedFor,
  refreshVia,
  startHarness,
  updateVia,
  type Harness,
} from './harness';

let h: Harness;
let serial = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(customFieldProvider, userProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

/** A field name no other test uses. */
const fresh = (prefix = 'field') => `${prefix}_${++serial}`;

async function liveField(fieldId: string) {
  return (await h.client.call('GetCustomField', { InstanceId: h.instanceId, FieldId: fieldId })).CustomField!;
}

/** The inputs of a select field with every attribute declared. */
function fullInputs(fieldName: string): Record<string, unknown> {
  return {
    instanceId: h.instanceId,
    entityType: 'user',
    fieldName,
    fieldDisplayName: 'Favourite game',
    fieldDataType: 'string',
    fieldDisplayType: 'select',
    description: 'what they play',
    defaultValue: 'chess',
    encrypted: true,
    required: false,
    unique: true,
    userPermission: 'read_write',
    items: [
      { value: 'chess', displayName: 'Chess' },
      { value: 'go', displayName: 'Go', status: 'disabled' },
    ],
    status: 'enabled',
  };
}

/** A minimal string input field. */
function minimalInputs(fieldName: string): Record<string, unknown> {
  return {
    instanceId: h.instanceId,
    fieldName,
    fieldDisplayName: 'Badge',
    fieldDataType: 'string',
    fieldDisplayType: 'input',
  };
}

describe('CustomField', () => {
  test('create makes the field with every declared attribute and reports it live', async () => {
    const name = fresh('game');
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, fullInputs(name));
    expect(field.id).toBe(`${h.instanceId}/${field.outs.fieldId}`);
    expect(field.outs.fieldId).toMatch(/^ufd_[a-z0-9]{26}$/);
    // Outputs keep the declared form of a value the service reports equal (the status added).
    expect(field.outs).toMatchObject({
      ...fullInputs(name),
      createTime: expect.any(Number),
      updateTime: expect.any(Number),
    });
    expect(await liveField(field.outs.fieldId)).toMatchObject({
      FieldName: name,
      FieldDisplayName: 'Favourite game',
      FieldDataType: 'string',
      FieldDisplayType: 'select',
      Description: 'what they play',
      DefaultValue: 'chess',
      Encrypted: true,
      Required: false,
      Unique: true,
      UserPermission: 'read_write',
      Status: 'enabled',
      FieldDataConfig: {
        Items: [
          { Value: 'chess', DisplayName: 'Chess', Status: 'enabled' },
          { Value: 'go', DisplayName: 'Go', Status: 'disabled' },
        ],
      },
    });
    expect(h.calls()).toEqual({ CreateCustomField: 1, GetCustomField: 2 });
  });

  test('a field declared disabled is created, then disabled', async () => {
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, {
      ...minimalInputs(fresh()),
      status: 'disabled',
    });
    expect(field.outs.status).toBe('disabled');
    expect((await liveField(field.outs.fieldId)).Status).toBe('disabled');
    expect(h.calls()).toMatchObject({ CreateCustomField: 1, DisableCustomField: 1 });
  });

  test('no diff when nothing changed; unset inputs are not managed; items without status are enabled', async () => {
    const declared = fullInputs(fresh('game'));
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, declared);
    expect(await diffVia(customFieldProvider, field, declared)).toMatchObject({
      changes: false,
      replaces: [],
    });
    const noStatus = {
      ...declared,
      items: [
        { value: 'chess', displayName: 'Chess', status: 'enabled' },
        { value: 'go', displayName: 'Go', status: 'disabled' },
      ],
    };
    expect((await diffVia(customFieldProvider, field, noStatus)).changes).toBe(false);

    const minimal = minimalInputs(fresh());
    const small = await createVia<CustomFieldOutputs>(customFieldProvider, minimal);
    // The service's defaults (read_only, flags false, no items) are not managed when unset.
    expect(small.outs).toMatchObject({ userPermission: 'read_only', required: false, items: [] });
    expect(await diffVia(customFieldProvider, recordedFor(small, minimal), minimal)).toMatchObject({
      changes: false,
      replaces: [],
    });
  });

  // Every input but status: [input, a new value]; the other inputs are the full ones, except
  // for the types (a minimal string input field, so the new type fits its other inputs).
  const replacements: [string, unknown][] = [
    ['instanceId', 'idaas_other'],
    ['fieldName', 'renamed_game'],
    ['fieldDisplayName', 'Game'],
    ['fieldDataType', 'number'],
    ['fieldDisplayType', 'checkbox'],
    ['description', 'another'],
    ['defaultValue', ''],
    ['encrypted', false],
    ['required', true],
    ['unique', false],
    ['userPermission', 'hide'],
    ['items', [{ value: 'chess', displayName: 'Chess' }]],
  ];

  test('the diff table replaces on every input but status', () => {
    const replacing = Object.entries(CUSTOM_FIELD_DIFF)
      .filter(([, rule]) => (typeof rule === 'string' ? rule : rule.action) === 'replace')
      .map(([name]) => name);
    expect(replacing.sort()).toEqual([...replacements.map(([name]) => name), 'entityType'].sort());
  });

  test.each(replacements)('a change of %s replaces the field, deleting it first', async (input, value) => {
    const typed = input === 'fieldDataType' || input === 'fieldDisplayType';
    const declared = typed ? minimalInputs(fresh()) : fullInputs(fresh('game'));
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, declared);
    const news: Record<string, unknown> = { ...declared, [input]: value };
    if (input === 'fieldDisplayType') news.items = [{ value: 'a', displayName: 'A' }];
    const diff = await diffVia(customFieldProvider, field, news);
    expect(diff).toMatchObject({ changes: true, deleteBeforeReplace: true });
    expect(diff.replaces).toContain(input);
    expect(diff.replaces?.filter((r) => r !== input && r !== 'items')).toEqual([]);
  });

  test('a replacement as the engine runs it: delete, then create under the same name', async () => {
    const name = fresh('badge');
    const declared = minimalInputs(name);
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, declared);
    const user = await createVia<UserOutputs>(userProvider, {
      instanceId: h.instanceId,
      username: fresh('holder'),
      customFields: [{ fieldName: name, fieldValue: 'B-1' }],
    });
    const news = { ...declared, fieldDisplayName: 'Badge number', description: 'on the lanyard' };
    expect((await diffVia(customFieldProvider, field, news)).deleteBeforeReplace).toBe(true);
    await customFieldProvider.delete!(field.id, field.outs);
    const replaced = await createVia<CustomFieldOutputs>(customFieldProvider, news);
    expect(replaced.outs.fieldId).not.toBe(field.outs.fieldId);
    expect(await liveField(replaced.outs.fieldId)).toMatchObject({
      FieldName: name,
      FieldDisplayName: 'Badge number',
      Description: 'on the lanyard',
    });
    // The old field took the accounts' values with it: a refresh of the account shows the drift,
    // and the next update puts the declared value back.
    const read = await refreshVia(userProvider, user);
    expect(read.props?.customFields).toEqual([]);
    const declaredUser = {
      instanceId: h.instanceId,
      username: user.outs.username,
      customFields: user.outs.customFields,
    };
    const repaired = await updateVia(userProvider, { id: user.id, outs: read.props! }, declaredUser);
    expect(repaired.outs.customFields).toEqual([{ fieldName: name, fieldValue: 'B-1' }]);
  });

  test('a change of status enables or disables the field in place', async () => {
    const declared = minimalInputs(fresh());
    let field = await createVia<CustomFieldOutputs>(customFieldProvider, declared);
    field = await updateVia(customFieldProvider, field, { ...declared, status: 'disabled' });
    expect(field.outs.status).toBe('disabled');
    expect((await liveField(field.outs.fieldId)).Status).toBe('disabled');
    expect(h.calls()).toMatchObject({ DisableCustomField: 1 });
    h.server.resetCounters();
    field = await updateVia(customFieldProvider, field, { ...declared, status: 'enabled' });
    expect((await liveField(field.outs.fieldId)).Status).toBe('enabled');
    expect(h.calls()).toEqual({ EnableCustomField: 1, GetCustomField: 2 });
  });

  test('an unknown value (preview) counts as a change, and check does not reject it', async () => {
    const declared = minimalInputs(fresh());
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, declared);
    expect(await diffVia(customFieldProvider, field, { ...declared, status: UNKNOWN })).toMatchObject({
      changes: true,
      replaces: [],
    });
    const unknownItems = { ...declared, fieldDisplayType: 'select', items: UNKNOWN, defaultValue: UNKNOWN };
    expect((await diffVia(customFieldProvider, field, unknownItems)).replaces?.sort()).toEqual(
      ['defaultValue', 'fieldDisplayType', 'items'].sort(),
    );
  });

  test('refresh reports a status changed behind the provider’s back; update repairs it', async () => {
    const declared = { ...minimalInputs(fresh()), status: 'enabled' };
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, declared);
    await h.client.call('DisableCustomField', { InstanceId: h.instanceId, FieldId: field.outs.fieldId });
    const read = await refreshVia(customFieldProvider, field);
    expect(read.props?.status).toBe('disabled');
    expect((read.inputs as Record<string, unknown>).status).toBe('disabled');
    const refreshed = { id: field.id, outs: read.props! };
    expect(await diffVia(customFieldProvider, refreshed, declared)).toMatchObject({
      changes: true,
      replaces: [],
    });
    const repaired = await updateVia(customFieldProvider, refreshed, declared);
    expect((await liveField(repaired.outs.fieldId)).Status).toBe('enabled');
    expect(await diffVia(customFieldProvider, repaired, declared)).toMatchObject({ changes: false });
  });

  test('a field deleted behind the provider’s back reads as gone', async () => {
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, minimalInputs(fresh()));
    await h.client.call('DeleteCustomField', { InstanceId: h.instanceId, FieldId: field.outs.fieldId });
    expect(await refreshVia(customFieldProvider, field)).toEqual({});
  });

  test('import: read with only the id and the declared inputs', async () => {
    const declared = minimalInputs(fresh());
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, declared);
    const read = await customFieldProvider.read!(field.id, { ...declared });
    expect(read.id).toBe(field.id);
    expect(read.props).toMatchObject({
      fieldId: field.outs.fieldId,
      fieldName: declared.fieldName,
      status: 'enabled',
    });
    expect(read.inputs).toEqual(declared);
    await expect(customFieldProvider.read!(field.id, { instanceId: 'idaas_someone_else' })).rejects.toThrow(
      /instanceId/,
    );
    await expect(customFieldProvider.read!('not-a-composite-id', {})).rejects.toThrow(/instanceId\/fieldId/);
    await expect(customFieldProvider.read!(`${h.instanceId}/ufd_missing`, { ...declared })).rejects.toThrow(
      /Cannot import CustomField .* does not exist/,
    );
  });

  test('delete removes the field; deleting it again (or reading it) finds it gone', async () => {
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, minimalInputs(fresh()));
    await customFieldProvider.delete!(field.id, field.outs);
    await expect(liveField(field.outs.fieldId)).rejects.toThrow(/EntityNotExists/);
    await expect(customFieldProvider.delete!(field.id, field.outs)).resolves.toBeUndefined();
    expect(await refreshVia(customFieldProvider, field)).toEqual({});
  });

  test('a second field of the same name fails and says how to import the existing one', async () => {
    const name = fresh();
    await createVia(customFieldProvider, minimalInputs(name));
    const inputs = await customFieldProvider.check!({}, minimalInputs(name));
    await expect(
      customFieldProvider.create!({ ...inputs.inputs, __provider: PROVIDER_ENTRY }),
    ).rejects.toThrow(/already has a field of that name.*pulumi import/s);
  });

  test('accounts may hold values for the field only while it exists and is enabled', async () => {
    const name = fresh('team');
    const user = (fieldValue: string) => ({
      instanceId: h.instanceId,
      username: fresh('member'),
      customFields: [{ fieldName: name, fieldValue }],
    });
    await expect(createVia(userProvider, user('core'))).rejects.toThrow(/EntityNotExists\.CustomField/);
    const field = await createVia<CustomFieldOutputs>(customFieldProvider, {
      ...minimalInputs(name),
      unique: true,
    });
    await createVia(userProvider, user('core'));
    await expect(createVia(userProvider, user('core'))).rejects.toThrow(
      /EntityAlreadyExists\.User\.CustomField/,
    );
    await updateVia(customFieldProvider, field, { ...minimalInputs(name), unique: true, status: 'disabled' });
    await expect(createVia(userProvider, user('edge'))).rejects.toThrow(/OperationDenied\.CustomFieldStatus/);
  });
});

describe('CustomField check', () => {
  const failuresOf = async (news: Record<string, unknown>) =>
    ((await customFieldProvider.check!({}, news)).failures ?? []).map((f) => f.reason);

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['a field name with upper case', { fieldName: 'Badge' }, /fieldName .*lower-case letter/],
    ['a field name starting with _', { fieldName: '_badge' }, /fieldName/],
    ['a field name of 41 characters', { fieldName: 'a'.repeat(41) }, /fieldName must be at most 40/],
    [
      'a display name of 65 characters',
      { fieldDisplayName: 'x'.repeat(65) },
      /fieldDisplayName must be at most 64/,
    ],
    ['an unknown data type', { fieldDataType: 'date' }, /fieldDataType must be one of/],
    ['an unknown portal permission', { userPermission: 'write_only' }, /userPermission must be one of/],
    [
      'a select field of numbers',
      { fieldDisplayType: 'select', fieldDataType: 'number' },
      /fieldDataType|a select field holds string or boolean/,
    ],
    [
      'a select field of strings without items',
      { fieldDisplayType: 'select' },
      /items are required for a select field/,
    ],
    [
      'items for an input field',
      { items: [{ value: 'a', displayName: 'A' }] },
      /items are refused for an input field/,
    ],
    [
      'an item listed twice',
      {
        fieldDisplayType: 'select',
        items: [
          { value: 'a', displayName: 'A' },
          { value: 'a', displayName: 'B' },
        ],
      },
      /items\[1\]\.value "a" is listed twice/,
    ],
    [
      'an item without display name',
      { fieldDisplayType: 'select', items: [{ value: 'a' }] },
      /items\[0\]\.displayName is required/,
    ],
    [
      'a misspelt item key',
      { fieldDisplayType: 'select', items: [{ value: 'a', displayName: 'A', stauts: 'enabled' }] },
      /unknown property items\[0\]\.stauts; did you mean items\[0\]\.status\?/,
    ],
    [
      'a boolean item that is not true or false',
      { fieldDisplayType: 'select', fieldDataType: 'boolean', items: [{ value: 'yes', displayName: 'Yes' }] },
      /items\[0\]\.value must be "true" or "false"/,
    ],
    [
      'a checkbox item with a comma',
      { fieldDisplayType: 'checkbox', items: [{ value: 'a,b', displayName: 'AB' }] },
      /must not contain a comma/,
    ],
    [
      'a unique boolean field',
      { fieldDisplayType: 'select', fieldDataType: 'boolean', unique: true },
      /cannot be unique/,
    ],
    [
      'a number default that is no number',
      { fieldDataType: 'number', defaultValue: 'ten' },
      /defaultValue must be a number/,
    ],
    [
      'a default that is a disabled item',
      {
        fieldDisplayType: 'select',
        items: [
          { value: 'a', displayName: 'A', status: 'disabled' },
          { value: 'b', displayName: 'B' },
        ],
        defaultValue: 'a',
      },
      /defaultValue must be among the enabled items/,
    ],
    [
      'a misspelt input',
      { fieldDisplayname: 'X' },
      /unknown property fieldDisplayname; did you mean fieldDisplayName\?/,
    ],
  ])('fails for %s, naming the field, without an API call', async (_case, change, reason) => {
    const reasons = await failuresOf({ ...minimalInputs('valid_name'), ...change });
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
    expect(h.totalCalls()).toBe(0);
  });

  test('names the missing required inputs', async () => {
    const reasons = await failuresOf({});
    expect(reasons).toEqual(
      expect.arrayContaining(
        ['instanceId', 'fieldName', 'fieldDisplayName', 'fieldDataType', 'fieldDisplayType'].map((f) =>
          expect.stringContaining(`${f} is required`),
        ),
      ),
    );
  });

  test('passes valid fields of every display type', async () => {
    for (const extra of [
      {},
      { fieldDataType: 'number', defaultValue: '3.5', unique: true },
      { fieldDisplayType: 'select', fieldDataType: 'boolean' },
      {
        fieldDisplayType: 'checkbox',
        items: [
          { value: 'a', displayName: 'A' },
          { value: 'b', displayName: 'B' },
        ],
        defaultValue: 'a,b',
      },
    ]) {
      expect(await failuresOf({ ...minimalInputs('valid_name'), ...extra })).toEqual([]);
    }
  });

  test('the class marks nothing secret (a field holds no secret)', () => {
    expect(CustomField.secretOutputs).toEqual([]);
  });
});

describe('CustomField create failing after the field exists', () => {
  let f: Harness;
  let disableFailures = 0;
  let answerLost = false;

  beforeAll(async () => {
    f = await startHarness({
      handlers: {
        ...handlers,
        DisableCustomField: (ctx, params) => {
          if (disableFailures-- > 0) throw new EiamError('OperationDenied.Injected', 'injected failure', 403);
          return handlers.DisableCustomField(ctx, params);
        },
        CreateCustomField: (ctx, params) => {
          const made = handlers.CreateCustomField(ctx, params);
          if (answerLost) throw new EiamError('InternalError', 'the answer was lost', 500);
          return made;
        },
      },
    });
    await f.configure(customFieldProvider);
  });
  afterAll(() => f.stop());

  test('a failed disable after the create carries the id and properties, and the next up finishes', async () => {
    disableFailures = 1;
    const inputs = {
      instanceId: f.instanceId,
      fieldName: 'half_made',
      fieldDisplayName: 'Half',
      fieldDataType: 'string',
      fieldDisplayType: 'input',
      status: 'disabled',
    };
    const checked = (await customFieldProvider.check!({}, inputs)).inputs;
    const failure = await expectPartialFailure(
      customFieldProvider.create!({ ...checked, __provider: PROVIDER_ENTRY }),
    );
    expect(failure.message).toMatch(/disabling it/);
    expect(failure.properties).toMatchObject({ fieldName: 'half_made', status: 'enabled' });
    const recorded = { id: failure.id, outs: failure.properties as unknown as CustomFieldOutputs };
    const done = await updateVia(customFieldProvider, recorded, inputs);
    expect(done.outs.status).toBe('disabled');
  });

  test('a create whose answer was lost says the field may exist and how to find it', async () => {
    answerLost = true;
    try {
      const inputs = (
        await customFieldProvider.check!(
          {},
          {
            instanceId: f.instanceId,
            fieldName: 'lost_answer',
            fieldDisplayName: 'Lost',
            fieldDataType: 'string',
            fieldDisplayType: 'input',
          },
        )
      ).inputs;
      await expect(customFieldProvider.create!({ ...inputs, __provider: PROVIDER_ENTRY })).rejects.toThrow(
        /outcome of CreateCustomField is unknown.*no API operation lists custom fields.*import it/s,
      );
    } finally {
      answerLost = false;
    }
  });
});
