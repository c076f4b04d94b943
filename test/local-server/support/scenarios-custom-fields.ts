/**
 * Over-HTTP scenarios of the custom field operations (the user schema), spread into
 * `SCENARIOS`, plus {@link defineCustomField}, which the account scenarios use to define the
 * fields their values refer to.
 */
import type { RequestOf } from '../../../src/client';
import type { ScenarioTable } from './operation-scenarios';
import type { InstanceFixture, Setup } from './setup';

type CustomFieldOps =
  'CreateCustomField' | 'GetCustomField' | 'DeleteCustomField' | 'EnableCustomField' | 'DisableCustomField';

/** Defines a user custom field (a string input field unless `extra` says otherwise); its id. */
export async function defineCustomField(
  setup: Setup,
  inst: InstanceFixture,
  fieldName: string,
  extra: Partial<RequestOf<'CreateCustomField'>> = {},
): Promise<string> {
  const res = await setup.client.call('CreateCustomField', {
    InstanceId: inst.instanceId,
    EntityType: 'user',
    FieldName: fieldName,
    FieldDisplayName: fieldName,
    FieldDataType: 'string',
    FieldDisplayType: 'input',
    ...extra,
  });
  return res.FieldId!;
}

async function getField(setup: Setup, inst: InstanceFixture, fieldId: string) {
  const res = await setup.client.call('GetCustomField', { InstanceId: inst.instanceId, FieldId: fieldId });
  return res.CustomField!;
}

/** The scenarios of the custom field operations. */
export const CUSTOM_FIELD_SCENARIOS: Pick<ScenarioTable, CustomFieldOps> = {
  CreateCustomField: async (setup) => {
    const inst = await setup.instance();
    return {
      request: {
        InstanceId: inst.instanceId,
        EntityType: 'user',
        FieldName: 'hobby_1',
        FieldDisplayName: 'Hobby & pastime 中文',
        FieldDataType: 'string',
        FieldDisplayType: 'select',
        Description: 'a = b; c & d',
        DefaultValue: 'chess',
        Required: true,
        Unique: false,
        Encrypted: false,
        UserPermission: 'read_write',
        FieldDataConfig: {
          Items: [
            { Value: 'chess', DisplayName: 'Chess 象棋' },
            { Value: 'go', DisplayName: 'Go', Status: 'disabled' },
          ],
        },
      },
      verify: async (res) => {
        expect(res.FieldId).toMatch(/^ufd_[a-z0-9]{26}$/);
        expect(await getField(setup, inst, res.FieldId!)).toMatchObject({
          FieldId: res.FieldId,
          InstanceId: inst.instanceId,
          EntityType: 'user',
          FieldName: 'hobby_1',
          FieldDisplayName: 'Hobby & pastime 中文',
          FieldDataType: 'string',
          FieldDisplayType: 'select',
          Description: 'a = b; c & d',
          DefaultValue: 'chess',
          Required: true,
          Unique: false,
          Encrypted: false,
          UserPermission: 'read_write',
          Status: 'enabled',
          FieldDataConfig: {
            Items: [
              { Value: 'chess', DisplayName: 'Chess 象棋', Status: 'enabled' },
              { Value: 'go', DisplayName: 'Go', Status: 'disabled' },
            ],
          },
        });
      },
    };
  },
  GetCustomField: async (setup) => {
    const inst = await setup.instance();
    const fieldId = await defineCustomField(setup, inst, 'floor', {
      FieldDataType: 'number',
      Unique: true,
      Description: 'office floor',
    });
    return {
      request: { InstanceId: inst.instanceId, FieldId: fieldId },
      verify: (res) =>
        expect(res.CustomField).toMatchObject({
          FieldId: fieldId,
          FieldName: 'floor',
          FieldDataType: 'number',
          FieldDisplayType: 'input',
          Unique: true,
          Required: false,
          Description: 'office floor',
          UserPermission: 'read_only',
          Status: 'enabled',
          CreateTime: expect.any(Number),
          UpdateTime: expect.any(Number),
        }),
    };
  },
  DeleteCustomField: async (setup) => {
    const inst = await setup.instance();
    const fieldId = await defineCustomField(setup, inst, 'badge');
    const user = await setup.user(inst, inst.rootOuId, {
      CustomFields: [{ FieldName: 'badge', FieldValue: 'B-7' }],
    });
    return {
      request: { InstanceId: inst.instanceId, FieldId: fieldId },
      verify: async () => {
        await setup.expectNotFound(getField(setup, inst, fieldId), 'EntityNotExists.CustomField');
        const got = await setup.client.call('GetUser', { InstanceId: inst.instanceId, UserId: user });
        expect(got.User!.CustomFields).toEqual([]);
      },
    };
  },
  EnableCustomField: async (setup) => {
    const inst = await setup.instance();
    const fieldId = await defineCustomField(setup, inst, 'badge');
    await setup.client.call('DisableCustomField', { InstanceId: inst.instanceId, FieldId: fieldId });
    return {
      request: { InstanceId: inst.instanceId, FieldId: fieldId },
      verify: async () => {
        expect((await getField(setup, inst, fieldId)).Status).toBe('enabled');
        // Accounts may take values again.
        await setup.user(inst, inst.rootOuId, { CustomFields: [{ FieldName: 'badge', FieldValue: 'x' }] });
      },
    };
  },
  DisableCustomField: async (setup) => {
    const inst = await setup.instance();
    const fieldId = await defineCustomField(setup, inst, 'badge');
    return {
      request: { InstanceId: inst.instanceId, FieldId: fieldId },
      verify: async () => {
        expect((await getField(setup, inst, fieldId)).Status).toBe('disabled');
        await expect(
          setup.user(inst, inst.rootOuId, { CustomFields: [{ FieldName: 'badge', FieldValue: 'x' }] }),
        ).rejects.toMatchObject({ code: 'OperationDenied.CustomFieldStatus', httpStatus: 403 });
      },
    };
  },
};
