import { EiamService } from '../../../src/local-server/model/service';
import { runOperation } from '../../../src/local-server/operations';
import { T0, withInstance } from './directory-fixture';

type Fixture = ReturnType<typeof withInstance>;

/** CreateCustomField with a string input field as the base; returns the field id. */
function field(fx: Fixture, name: string, extra: Record<string, unknown> = {}): string {
  return fx.call('CreateCustomField', {
    EntityType: 'user',
    FieldName: name,
    FieldDisplayName: `The ${name}`,
    FieldDataType: 'string',
    FieldDisplayType: 'input',
    ...extra,
  }).FieldId;
}

/** The CreateCustomField error for a string input field with `extra`. */
function fieldError(fx: Fixture, extra: Record<string, unknown>): string {
  return fx.errorIn('CreateCustomField', {
    EntityType: 'user',
    FieldName: 'f',
    FieldDisplayName: 'F',
    FieldDataType: 'string',
    FieldDisplayType: 'input',
    ...extra,
  }).code;
}

const items = (...values: string[]) => ({
  Items: values.map((v) => ({ Value: v, DisplayName: v.toUpperCase() })),
});

const pair = (name: string, value: string) => [{ FieldName: name, FieldValue: value }];

/** The CreateUser error for `CustomFields`. */
function userError(fx: Fixture, customFields: unknown, username = 'bob'): string {
  return fx.errorIn('CreateUser', {
    Username: username,
    PrimaryOrganizationalUnitId: fx.rootOu,
    CustomFields: customFields,
  }).code;
}

function valuesOf(fx: Fixture, userId: string) {
  return fx.call('GetUser', { UserId: userId }).User.CustomFields;
}

describe('CreateCustomField and GetCustomField', () => {
  it('creates an enabled field and reads every attribute back', () => {
    const fx = withInstance();
    const id = field(fx, 'hobby', {
      FieldDataType: 'string',
      FieldDisplayType: 'select',
      Description: 'what they like',
      DefaultValue: 'chess',
      Encrypted: true,
      Required: true,
      UserPermission: 'read_write',
      FieldDataConfig: {
        Items: [
          { Value: 'chess', DisplayName: 'Chess' },
          { Value: 'go', DisplayName: 'Go', Status: 'disabled' },
        ],
      },
    });
    expect(id).toMatch(/^ufd_[a-z0-9]{26}$/);
    expect(fx.call('GetCustomField', { FieldId: id }).CustomField).toEqual({
      FieldId: id,
      InstanceId: fx.instanceId,
      EntityType: 'user',
      FieldName: 'hobby',
      FieldDisplayName: 'The hobby',
      FieldDataType: 'string',
      FieldDisplayType: 'select',
      Description: 'what they like',
      DefaultValue: 'chess',
      Encrypted: true,
      Required: true,
      Unique: false,
      UserPermission: 'read_write',
      FieldDataConfig: {
        Items: [
          { Value: 'chess', DisplayName: 'Chess', Status: 'enabled' },
          { Value: 'go', DisplayName: 'Go', Status: 'disabled' },
        ],
      },
      Status: 'enabled',
      CreateTime: T0,
      UpdateTime: T0,
    });
  });

  it('defaults the portal permission to read_only and the flags to false', () => {
    const fx = withInstance();
    const got = fx.call('GetCustomField', { FieldId: field(fx, 'badge') }).CustomField;
    expect(got).toMatchObject({
      UserPermission: 'read_only',
      Encrypted: false,
      Required: false,
      Unique: false,
      FieldDataConfig: { Items: [] },
    });
    expect(got.Description).toBeUndefined();
    expect(got.DefaultValue).toBeUndefined();
  });

  it('keeps field names unique per instance, not across instances', () => {
    const fx = withInstance();
    field(fx, 'badge');
    expect(
      fx.errorIn('CreateCustomField', {
        EntityType: 'user',
        FieldName: 'badge',
        FieldDisplayName: 'Other',
        FieldDataType: 'number',
        FieldDisplayType: 'input',
      }),
    ).toMatchObject({ code: 'EntityAlreadyExists.CustomField.FieldName', httpStatus: 409 });
    const other = fx.rawCall('CreateInstance', {}).InstanceId;
    fx.advance(fx.service.instanceCreationDelayMs);
    expect(
      fx.rawCall('CreateCustomField', {
        InstanceId: other,
        EntityType: 'user',
        FieldName: 'badge',
        FieldDisplayName: 'Badge',
        FieldDataType: 'string',
        FieldDisplayType: 'input',
      }).FieldId,
    ).toMatch(/^ufd_/);
  });
});

describe('CreateCustomField refusals', () => {
  it('refuses bad names, lengths and enum values', () => {
    const fx = withInstance();
    for (const [extra, code] of [
      [{ FieldName: 'Badge' }, 'InvalidParameter.FieldName'],
      [{ FieldName: '_badge' }, 'InvalidParameter.FieldName'],
      [{ FieldName: '1badge' }, 'InvalidParameter.FieldName'],
      [{ FieldName: 'a'.repeat(41) }, 'InvalidParameter.FieldName'],
      [{ FieldDisplayName: 'x'.repeat(65) }, 'InvalidParameter.FieldDisplayName'],
      [{ FieldDisplayName: ' ' }, 'MissingFieldDisplayName'],
      [{ Description: 'x'.repeat(513) }, 'InvalidParameter.Description'],
      [{ EntityType: 'group' }, 'InvalidParameter.EntityType'],
      [{ FieldDataType: 'date' }, 'InvalidParameter.FieldDataType'],
      [{ FieldDisplayType: 'radio' }, 'InvalidParameter.FieldDisplayType'],
      [{ UserPermission: 'write_only' }, 'InvalidParameter.UserPermission'],
    ] as const) {
      expect({ extra, code: fieldError(fx, extra) }).toEqual({ extra, code });
    }
    expect(field(fx, 'a'.repeat(40))).toMatch(/^ufd_/);
  });

  it('requires display and data types that fit, and items where the display type has them', () => {
    const fx = withInstance();
    for (const [extra, code] of [
      [{ FieldDisplayType: 'input', FieldDataType: 'boolean' }, 'InvalidParameter.FieldDisplayType'],
      [{ FieldDisplayType: 'select', FieldDataType: 'number' }, 'InvalidParameter.FieldDisplayType'],
      [{ FieldDisplayType: 'checkbox', FieldDataType: 'boolean' }, 'InvalidParameter.FieldDisplayType'],
      [{ FieldDataConfig: items('a') }, 'InvalidParameter.FieldDataConfig.Items'],
      [{ FieldDisplayType: 'select' }, 'InvalidParameter.FieldDataConfig.Items'],
      [{ FieldDisplayType: 'checkbox' }, 'InvalidParameter.FieldDataConfig.Items'],
      [
        { FieldDisplayType: 'select', FieldDataConfig: items('a', 'a') },
        'InvalidParameter.FieldDataConfig.Items.2.Value',
      ],
      [
        { FieldDisplayType: 'select', FieldDataConfig: { Items: [{ Value: 'a' }] } },
        'MissingFieldDataConfigItems1DisplayName',
      ],
      [
        {
          FieldDisplayType: 'select',
          FieldDataConfig: { Items: [{ Value: 'a', DisplayName: 'A', Status: 'on' }] },
        },
        'InvalidParameter.FieldDataConfig.Items.1.Status',
      ],
      [
        { FieldDisplayType: 'select', FieldDataType: 'boolean', FieldDataConfig: items('yes') },
        'InvalidParameter.FieldDataConfig.Items.1.Value',
      ],
      [
        { FieldDisplayType: 'checkbox', FieldDataConfig: items('a,b') },
        'InvalidParameter.FieldDataConfig.Items.1.Value',
      ],
      [
        {
          FieldDisplayType: 'select',
          FieldDataConfig: items(...Array.from({ length: 101 }, (_, i) => `v${i}`)),
        },
        'InvalidParameter.FieldDataConfig.Items',
      ],
      [{ FieldDisplayType: 'select', FieldDataType: 'boolean', Unique: true }, 'InvalidParameter.Unique'],
      [
        { FieldDisplayType: 'checkbox', FieldDataConfig: items('a'), Unique: true },
        'InvalidParameter.Unique',
      ],
    ] as const) {
      expect({ extra, code: fieldError(fx, extra) }).toEqual({ extra, code });
    }
    // A boolean select needs no items.
    expect(field(fx, 'vip', { FieldDisplayType: 'select', FieldDataType: 'boolean' })).toMatch(/^ufd_/);
  });

  it('holds the default value to the rules of the values', () => {
    const fx = withInstance();
    expect(fieldError(fx, { FieldDataType: 'number', DefaultValue: 'ten' })).toBe(
      'InvalidParameter.DefaultValue',
    );
    expect(
      fieldError(fx, {
        FieldDisplayType: 'select',
        FieldDataConfig: {
          Items: [
            { Value: 'a', DisplayName: 'A', Status: 'disabled' },
            { Value: 'b', DisplayName: 'B' },
          ],
        },
        DefaultValue: 'a',
      }),
    ).toBe('InvalidParameter.DefaultValue');
    expect(fieldError(fx, { DefaultValue: 'x'.repeat(1025) })).toBe('InvalidParameter.DefaultValue');
    expect(field(fx, 'floor', { FieldDataType: 'number', DefaultValue: '3.5' })).toMatch(/^ufd_/);
  });

  it('answers EntityNotExists.CustomField for an unknown id', () => {
    const fx = withInstance();
    for (const op of [
      'GetCustomField',
      'DeleteCustomField',
      'EnableCustomField',
      'DisableCustomField',
    ] as const) {
      expect(fx.errorIn(op, { FieldId: 'ufd_missing' })).toMatchObject({
        code: 'EntityNotExists.CustomField',
        httpStatus: 404,
      });
    }
  });

  it('caps the number of fields of an instance', () => {
    const fx = withInstance();
    for (let i = 0; i < 100; i++) field(fx, `f${i}`);
    expect(fieldError(fx, { FieldName: 'one_more' })).toBe('QuotaExceeded.CustomField');
  });
});

describe('EnableCustomField and DisableCustomField', () => {
  it('switch the status idempotently, moving UpdateTime only on a change', () => {
    const fx = withInstance();
    const id = field(fx, 'badge');
    fx.advance(10);
    fx.call('DisableCustomField', { FieldId: id });
    fx.advance(10);
    fx.call('DisableCustomField', { FieldId: id });
    expect(fx.call('GetCustomField', { FieldId: id }).CustomField).toMatchObject({
      Status: 'disabled',
      UpdateTime: T0 + 10,
    });
    fx.call('EnableCustomField', { FieldId: id });
    expect(fx.call('GetCustomField', { FieldId: id }).CustomField).toMatchObject({
      Status: 'enabled',
      UpdateTime: T0 + 20,
    });
  });

  it('refuse new values for a disabled field but keep and report the values held', () => {
    const fx = withInstance();
    const id = field(fx, 'badge');
    const alice = fx.user('alice', { CustomFields: pair('badge', 'A1') });
    fx.call('DisableCustomField', { FieldId: id });
    expect(
      fx.errorIn('CreateUser', {
        Username: 'bob',
        PrimaryOrganizationalUnitId: fx.rootOu,
        CustomFields: pair('badge', 'B1'),
      }),
    ).toMatchObject({ code: 'OperationDenied.CustomFieldStatus', httpStatus: 403 });
    expect(
      fx.errorIn('UpdateUser', { UserId: alice, CustomFields: [{ FieldName: 'badge', FieldValue: 'A2' }] })
        .code,
    ).toBe('OperationDenied.CustomFieldStatus');
    expect(valuesOf(fx, alice)).toEqual(pair('badge', 'A1'));
    // Restating the value held is no change; removing it is allowed.
    fx.call('UpdateUser', { UserId: alice, CustomFields: [{ FieldName: 'badge', FieldValue: 'A1' }] });
    fx.call('UpdateUser', { UserId: alice, CustomFields: [{ FieldName: 'badge', Operation: 'remove' }] });
    expect(valuesOf(fx, alice)).toEqual([]);
    fx.call('EnableCustomField', { FieldId: id });
    fx.call('UpdateUser', {
      UserId: alice,
      CustomFields: [{ FieldName: 'badge', FieldValue: 'A2', Operation: 'add' }],
    });
    expect(valuesOf(fx, alice)).toEqual(pair('badge', 'A2'));
  });
});

describe('account values against the schema', () => {
  it('refuses a value for an undefined field on CreateUser and UpdateUser', () => {
    const fx = withInstance();
    expect(
      fx.errorIn('CreateUser', {
        Username: 'bob',
        PrimaryOrganizationalUnitId: fx.rootOu,
        CustomFields: pair('dept', 'R&D'),
      }),
    ).toMatchObject({ code: 'EntityNotExists.CustomField', httpStatus: 404 });
    expect(fx.call('ListUsers', {}).TotalCount).toBe(0);
    const alice = fx.user('alice');
    expect(
      fx.errorIn('UpdateUser', { UserId: alice, DisplayName: 'A', CustomFields: pair('dept', 'R&D') }).code,
    ).toBe('EntityNotExists.CustomField');
    // Nothing of the refused update was applied.
    expect(fx.call('GetUser', { UserId: alice }).User.DisplayName).toBeUndefined();
  });

  it('checks numbers and booleans', () => {
    const fx = withInstance();
    field(fx, 'floor', { FieldDataType: 'number' });
    field(fx, 'vip', { FieldDataType: 'boolean', FieldDisplayType: 'select' });
    for (const bad of ['-1', '1e3', 'ten', '1.', '1'.repeat(33)]) {
      expect({ bad, code: userError(fx, pair('floor', bad)) }).toEqual({
        bad,
        code: 'InvalidParameter.CustomFields.FieldValue',
      });
    }
    expect(userError(fx, pair('vip', 'yes'))).toBe('InvalidParameter.CustomFields.FieldValue');
    const bob = fx.user('bob', {
      CustomFields: [
        { FieldName: 'floor', FieldValue: '12.5' },
        { FieldName: 'vip', FieldValue: 'true' },
      ],
    });
    expect(valuesOf(fx, bob)).toEqual([
      { FieldName: 'floor', FieldValue: '12.5' },
      { FieldName: 'vip', FieldValue: 'true' },
    ]);
  });

  it('takes only enabled items for select and checkbox fields', () => {
    const fx = withInstance();
    const choices = {
      Items: [
        { Value: 'chess', DisplayName: 'Chess' },
        { Value: 'go', DisplayName: 'Go' },
        { Value: 'poker', DisplayName: 'Poker', Status: 'disabled' },
      ],
    };
    field(fx, 'game', { FieldDisplayType: 'select', FieldDataConfig: choices });
    field(fx, 'games', { FieldDisplayType: 'checkbox', FieldDataConfig: choices });
    for (const [name, value] of [
      ['game', 'golf'],
      ['game', 'poker'],
      ['game', 'chess,go'],
      ['games', 'chess,chess'],
      ['games', 'chess,poker'],
      ['games', 'chess, go'],
    ]) {
      expect({ name, value, code: userError(fx, pair(name, value)) }).toEqual({
        name,
        value,
        code: 'InvalidParameter.CustomFields.FieldValue',
      });
    }
    const bob = fx.user('bob', {
      CustomFields: [
        { FieldName: 'game', FieldValue: 'go' },
        { FieldName: 'games', FieldValue: 'go,chess' },
      ],
    });
    expect(valuesOf(fx, bob)).toEqual([
      { FieldName: 'game', FieldValue: 'go' },
      { FieldName: 'games', FieldValue: 'go,chess' },
    ]);
  });

  it('enforces an enabled required field on create and on removal, not on other updates', () => {
    const fx = withInstance();
    const early = fx.user('early');
    const id = field(fx, 'badge', { Required: true });
    expect(
      fx.errorIn('CreateUser', { Username: 'bob', PrimaryOrganizationalUnitId: fx.rootOu }),
    ).toMatchObject({
      code: 'InvalidParameter.CustomFields',
      httpStatus: 400,
    });
    expect(userError(fx, pair('badge', ''))).toBe('InvalidParameter.CustomFields');
    const bob = fx.user('bob', { CustomFields: pair('badge', 'B1') });
    expect(
      fx.errorIn('UpdateUser', { UserId: bob, CustomFields: [{ FieldName: 'badge', Operation: 'remove' }] })
        .code,
    ).toBe('InvalidParameter.CustomFields');
    expect(
      fx.errorIn('UpdateUser', { UserId: bob, CustomFields: [{ FieldName: 'badge', FieldValue: '' }] }).code,
    ).toBe('InvalidParameter.CustomFields');
    // An account made before the field existed is not forced to take a value by other updates.
    fx.call('UpdateUser', { UserId: early, DisplayName: 'Early' });
    // A disabled required field is not enforced.
    fx.call('DisableCustomField', { FieldId: id });
    fx.user('carol');
    fx.call('UpdateUser', { UserId: bob, CustomFields: [{ FieldName: 'badge', Operation: 'remove' }] });
    expect(valuesOf(fx, bob)).toEqual([]);
  });

  it('keeps the values of a unique field distinct between accounts', () => {
    const fx = withInstance();
    field(fx, 'badge', { Unique: true });
    field(fx, 'team');
    const alice = fx.user('alice', { CustomFields: [...pair('badge', 'A1'), ...pair('team', 'core')] });
    expect(
      fx.errorIn('CreateUser', {
        Username: 'bob',
        PrimaryOrganizationalUnitId: fx.rootOu,
        CustomFields: pair('badge', 'A1'),
      }),
    ).toMatchObject({ code: 'EntityAlreadyExists.User.CustomField', httpStatus: 409 });
    // Values of a field that is not unique may repeat; empty values never clash.
    const bob = fx.user('bob', { CustomFields: [...pair('team', 'core'), ...pair('badge', '')] });
    fx.user('carol', { CustomFields: pair('badge', '') });
    expect(
      fx.errorIn('UpdateUser', { UserId: bob, CustomFields: [{ FieldName: 'badge', FieldValue: 'A1' }] })
        .code,
    ).toBe('EntityAlreadyExists.User.CustomField');
    // An account may restate its own value; once it moves on, the old value is free.
    fx.call('UpdateUser', { UserId: alice, CustomFields: [{ FieldName: 'badge', FieldValue: 'A1' }] });
    fx.call('UpdateUser', { UserId: alice, CustomFields: [{ FieldName: 'badge', FieldValue: 'A2' }] });
    fx.call('UpdateUser', { UserId: bob, CustomFields: [{ FieldName: 'badge', FieldValue: 'A1' }] });
    // A deleted account's value is free too.
    fx.call('DeleteUser', { UserId: bob });
    expect(fx.user('dave', { CustomFields: pair('badge', 'A1') })).toMatch(/^user_/);
    expect(valuesOf(fx, alice)).toEqual([
      { FieldName: 'badge', FieldValue: 'A2' },
      { FieldName: 'team', FieldValue: 'core' },
    ]);
  });
});

describe('DeleteCustomField', () => {
  it('removes the field and every value accounts hold for it; the name can be defined again', () => {
    const fx = withInstance();
    const badge = field(fx, 'badge', { Unique: true });
    field(fx, 'team');
    const alice = fx.user('alice', { CustomFields: [...pair('badge', 'A1'), ...pair('team', 'core')] });
    const bob = fx.user('bob', { CustomFields: pair('badge', 'B1') });
    fx.call('DeleteCustomField', { FieldId: badge });
    expect(fx.errorIn('GetCustomField', { FieldId: badge }).code).toBe('EntityNotExists.CustomField');
    expect(valuesOf(fx, alice)).toEqual(pair('team', 'core'));
    expect(valuesOf(fx, bob)).toEqual([]);
    expect(userError(fx, pair('badge', 'A1'), 'carol')).toBe('EntityNotExists.CustomField');

    // Defined again (unique again): the old values are gone, so nothing clashes.
    field(fx, 'badge', { Unique: true });
    fx.user('carol', { CustomFields: pair('badge', 'A1') });
    expect(userError(fx, pair('badge', 'A1'), 'dave')).toBe('EntityAlreadyExists.User.CustomField');
  });
});

describe('the schema across a restart', () => {
  it('rebuilds the field names and the unique values from a snapshot', () => {
    const fx = withInstance();
    field(fx, 'badge', { Unique: true });
    fx.user('alice', { CustomFields: pair('badge', 'A1') });
    const restored = new EiamService({ seed: 'other', clock: () => fx.clock.now });
    restored.restore(JSON.parse(JSON.stringify(fx.service.snapshot())));
    const create = (name: string, fieldName = 'badge') =>
      runOperation(restored, 'CreateCustomField', {
        InstanceId: fx.instanceId,
        EntityType: 'user',
        FieldName: fieldName,
        FieldDisplayName: name,
        FieldDataType: 'string',
        FieldDisplayType: 'input',
      });
    expect(() => create('again')).toThrow(
      expect.objectContaining({ code: 'EntityAlreadyExists.CustomField.FieldName' }),
    );
    expect(() =>
      runOperation(restored, 'CreateUser', {
        InstanceId: fx.instanceId,
        Username: 'bob',
        PrimaryOrganizationalUnitId: fx.rootOu,
        CustomFields: pair('badge', 'A1'),
      }),
    ).toThrow(expect.objectContaining({ code: 'EntityAlreadyExists.User.CustomField' }));
  });
});
