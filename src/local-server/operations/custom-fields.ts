/** Handlers of the custom field operations (the user schema). */
import * as customFields from '../model/custom-fields';
import type { CustomFieldState } from '../model/state';
import type { TypedHandlers } from './typed';
import { EMPTY, toInput } from './typed';

type Ops =
  'CreateCustomField' | 'GetCustomField' | 'DeleteCustomField' | 'EnableCustomField' | 'DisableCustomField';

function customFieldFields(f: CustomFieldState) {
  return {
    FieldId: f.fieldId,
    InstanceId: f.instanceId,
    EntityType: f.entityType,
    FieldName: f.fieldName,
    FieldDisplayName: f.fieldDisplayName,
    FieldDataType: f.fieldDataType,
    FieldDisplayType: f.fieldDisplayType,
    Description: f.description,
    DefaultValue: f.defaultValue,
    Encrypted: f.encrypted,
    Required: f.required,
    Unique: f.unique,
    UserPermission: f.userPermission,
    FieldDataConfig: {
      Items: f.items.map((i) => ({ Value: i.value, DisplayName: i.displayName, Status: i.status })),
    },
    Status: f.status,
    CreateTime: f.createTime,
    UpdateTime: f.updateTime,
  };
}

/** Custom field handlers. */
export const customFieldHandlers: TypedHandlers<Ops> = {
  CreateCustomField: (ctx, p) => ({
    FieldId: customFields.createCustomField(
      ctx.service,
      p.InstanceId,
      toInput<'CreateCustomField', customFields.CreateCustomFieldInput>(p),
    ).fieldId,
  }),
  GetCustomField: (ctx, p) => ({
    CustomField: customFieldFields(customFields.getCustomField(ctx.service, p.InstanceId, p.FieldId)),
  }),
  DeleteCustomField: (ctx, p) => {
    customFields.deleteCustomField(ctx.service, p.InstanceId, p.FieldId);
    return EMPTY;
  },
  EnableCustomField: (ctx, p) => {
    customFields.setCustomFieldStatus(ctx.service, p.InstanceId, p.FieldId, 'enabled');
    return EMPTY;
  },
  DisableCustomField: (ctx, p) => {
    customFields.setCustomFieldStatus(ctx.service, p.InstanceId, p.FieldId, 'disabled');
    return EMPTY;
  },
};
