/**
 * Custom fields: the user schema that `User.CustomFields` values refer to (CreateCustomField,
 * GetCustomField, DeleteCustomField, EnableCustomField, DisableCustomField), and the checks the
 * account operations make against it.
 *
 * Rules:
 * - a field name is unique per instance and entity type (only `user` exists); the name, data
 *   type, display type and items are fixed at creation (the API has no update operation);
 * - display and data types must fit (`input`: string or number; `select`: string or boolean;
 *   `checkbox`: string); `select` and `checkbox` string fields need items, `input` fields take none;
 *   `Unique` is refused for boolean and checkbox fields; a default value obeys the value rules;
 * - an account may hold a value only for a defined, enabled field; the value must fit the data
 *   type (`number`: digits with an optional decimal part; `boolean`: `true`/`false`) and, for a
 *   `select` field, be an enabled item (`checkbox`: comma-separated enabled items, each once);
 * - an enabled `Required` field must have a non-empty value when an account is created, and an
 *   update may not remove or empty it; an enabled `Unique` field's non-empty values differ between
 *   accounts. An empty value means "no value" (not type-checked, not unique-checked);
 * - a disabled field keeps the values accounts hold (still reported) and may not be given new
 *   ones; removing a value is always allowed unless the field is enabled and required;
 * - deleting a field removes every account's value for it (as deleting a group drops its
 *   memberships).
 */
import {
  CUSTOM_FIELD_DATA_TYPES,
  CUSTOM_FIELD_DISPLAY_TYPES,
  CUSTOM_FIELD_ENTITY_TYPES,
  CUSTOM_FIELD_USER_PERMISSIONS,
  TOGGLES,
} from '../../catalog/enums';
import {
  CUSTOM_FIELD_DISPLAY_DATA_TYPES,
  CUSTOM_FIELD_LIMITS,
  CUSTOM_FIELD_NAME_PATTERN,
  CUSTOM_FIELD_NUMBER_PATTERN,
} from '../../catalog/rules';
import {
  alreadyExists,
  invalidParameter,
  notFound,
  operationDenied,
  quotaExceeded,
  type EiamError,
} from './errors';
import {
  customFieldNameKey,
  customFieldValueKey,
  indexCustomField,
  indexUserCustomFields,
  unindexUserCustomFields,
  type CustomField,
  type CustomFieldState,
  type InstanceState,
  type Toggle,
  type UserState,
} from './state';
import type { ModelContext } from './context';
import { checkOneOf, optionalText, requiredText } from './validate';

/** Most custom fields one instance may define (the emulator's choice). */
export const MAX_CUSTOM_FIELDS = 100;

/** The entity type whose fields `User.CustomFields` refers to. */
const USER = 'user';

/** One item of `FieldDataConfig.Items`. */
export interface CustomFieldItemInput {
  value?: string;
  displayName?: string;
  status?: string;
}

/** CreateCustomField input. */
export interface CreateCustomFieldInput {
  entityType?: string;
  fieldName?: string;
  fieldDisplayName?: string;
  fieldDataType?: string;
  fieldDisplayType?: string;
  description?: string;
  defaultValue?: string;
  encrypted?: boolean;
  required?: boolean;
  unique?: boolean;
  userPermission?: string;
  fieldDataConfig?: { items?: CustomFieldItemInput[] };
}

/** The field; `EntityNotExists.CustomField` when its id is unknown in the instance. */
export function requireCustomField(inst: InstanceState, fieldId: string): CustomFieldState {
  const field = fieldId ? inst.customFields.get(fieldId) : undefined;
  if (!field) throw notFound('CustomField', fieldId);
  return field;
}

function checkItems(input: CreateCustomFieldInput, displayType: string, dataType: string) {
  const given = input.fieldDataConfig?.items ?? [];
  if (given.length > CUSTOM_FIELD_LIMITS.items) {
    throw invalidParameter(
      'FieldDataConfig.Items',
      `it may hold at most ${CUSTOM_FIELD_LIMITS.items} items.`,
    );
  }
  if (displayType === 'input' && given.length > 0) {
    throw invalidParameter('FieldDataConfig.Items', 'an input field takes no items.');
  }
  if (displayType !== 'input' && dataType === 'string' && given.length === 0) {
    throw invalidParameter('FieldDataConfig.Items', `a ${displayType} field of strings needs items.`);
  }
  const seen = new Set<string>();
  return given.map((item, i) => {
    const at = `FieldDataConfig.Items.${i + 1}`;
    const value = requiredText(`${at}.Value`, item.value, CUSTOM_FIELD_LIMITS.itemValue);
    if (dataType === 'boolean' && value !== 'true' && value !== 'false') {
      throw invalidParameter(`${at}.Value`, "the items of a boolean field are 'true' and 'false'.");
    }
    if (displayType === 'checkbox' && value.includes(',')) {
      throw invalidParameter(`${at}.Value`, 'a checkbox item may not contain a comma.');
    }
    if (seen.has(value)) throw invalidParameter(`${at}.Value`, `the value '${value}' is given twice.`);
    seen.add(value);
    const displayName = requiredText(
      `${at}.DisplayName`,
      item.displayName,
      CUSTOM_FIELD_LIMITS.itemDisplayName,
    );
    const status: Toggle = item.status ? checkOneOf(`${at}.Status`, item.status, TOGGLES) : 'enabled';
    return { value, displayName, status };
  });
}

/** CreateCustomField: a new, enabled field. */
export function createCustomField(
  svc: ModelContext,
  instanceId: string,
  input: CreateCustomFieldInput,
): CustomFieldState {
  const inst = svc.requireRunningInstance(instanceId);
  const entityType = checkOneOf(
    'EntityType',
    requiredText('EntityType', input.entityType, Infinity),
    CUSTOM_FIELD_ENTITY_TYPES,
  );
  const fieldName = requiredText('FieldName', input.fieldName, CUSTOM_FIELD_LIMITS.fieldName);
  if (!CUSTOM_FIELD_NAME_PATTERN.test(fieldName)) {
    throw invalidParameter(
      'FieldName',
      'it must start with a lower-case letter and hold only lower-case letters, digits and underscores.',
    );
  }
  const fieldDisplayName = requiredText(
    'FieldDisplayName',
    input.fieldDisplayName,
    CUSTOM_FIELD_LIMITS.fieldDisplayName,
  );
  const dataType = checkOneOf(
    'FieldDataType',
    requiredText('FieldDataType', input.fieldDataType, Infinity),
    CUSTOM_FIELD_DATA_TYPES,
  );
  const displayType = checkOneOf(
    'FieldDisplayType',
    requiredText('FieldDisplayType', input.fieldDisplayType, Infinity),
    CUSTOM_FIELD_DISPLAY_TYPES,
  );
  const fitting: readonly string[] = CUSTOM_FIELD_DISPLAY_DATA_TYPES[displayType];
  if (!fitting.includes(dataType)) {
    throw invalidParameter(
      'FieldDisplayType',
      `a ${displayType} field holds ${fitting.join(' or ')} values, not ${dataType}.`,
    );
  }
  const description = optionalText('Description', input.description, CUSTOM_FIELD_LIMITS.description);
  const userPermission = input.userPermission
    ? checkOneOf('UserPermission', input.userPermission, CUSTOM_FIELD_USER_PERMISSIONS)
    : 'read_only';
  const unique = input.unique === true;
  if (unique && (dataType === 'boolean' || displayType === 'checkbox')) {
    throw invalidParameter('Unique', `a ${displayType} field of ${dataType} values cannot be unique.`);
  }
  const items = checkItems(input, displayType, dataType);
  const defaultValue = optionalText('DefaultValue', input.defaultValue, CUSTOM_FIELD_LIMITS.defaultValue);
  if (inst.index.customFieldNames.has(customFieldNameKey(entityType, fieldName))) {
    throw alreadyExists('CustomField.FieldName', `named '${fieldName}' for entity type '${entityType}'`);
  }
  if (inst.customFields.size >= MAX_CUSTOM_FIELDS) {
    throw quotaExceeded('CustomField', `An instance may define at most ${MAX_CUSTOM_FIELDS} custom fields.`);
  }

  const now = svc.now();
  const field: CustomFieldState = {
    fieldId: svc.newId('ufd'),
    instanceId: inst.instanceId,
    seq: svc.nextSeq(),
    entityType,
    fieldName,
    fieldDisplayName,
    fieldDataType: dataType,
    fieldDisplayType: displayType,
    description: description || undefined,
    defaultValue: defaultValue || undefined,
    encrypted: input.encrypted === true,
    required: input.required === true,
    unique,
    userPermission,
    items,
    status: 'enabled',
    createTime: now,
    updateTime: now,
  };
  if (field.defaultValue !== undefined) {
    const why = valueProblem(field, field.defaultValue);
    if (why) throw invalidParameter('DefaultValue', why);
  }
  if (unique) checkHeldValuesUnique(inst, field);
  inst.customFields.set(field.fieldId, field);
  indexCustomField(inst.index, field);
  // Values accounts already hold under this name (state from before the schema existed) now
  // count towards uniqueness.
  for (const userId of inst.index.customFieldHolders.get(fieldName) ?? []) {
    const user = inst.users.get(userId);
    if (user) holdCustomFieldValues(inst, user);
  }
  return field;
}

/** Values stored before a field existed may not break its uniqueness when it is created. */
function checkHeldValuesUnique(inst: InstanceState, field: CustomFieldState): void {
  const seen = new Set<string>();
  for (const userId of inst.index.customFieldHolders.get(field.fieldName) ?? []) {
    const held = inst.users.get(userId)?.customFields.find((f) => f.fieldName === field.fieldName);
    if (!held || held.fieldValue === '') continue;
    if (seen.has(held.fieldValue)) {
      throw invalidParameter('Unique', `accounts already hold equal values for '${field.fieldName}'.`);
    }
    seen.add(held.fieldValue);
  }
}

/** GetCustomField. */
export function getCustomField(svc: ModelContext, instanceId: string, fieldId: string): CustomFieldState {
  return requireCustomField(svc.requireRunningInstance(instanceId), fieldId);
}

/** DeleteCustomField: the field goes, and with it every value accounts hold for it. */
export function deleteCustomField(svc: ModelContext, instanceId: string, fieldId: string): void {
  const inst = svc.requireRunningInstance(instanceId);
  const field = requireCustomField(inst, fieldId);
  const index = inst.index;
  for (const userId of [...(index.customFieldHolders.get(field.fieldName) ?? [])]) {
    const user = inst.users.get(userId);
    if (!user) continue;
    releaseCustomFieldValues(inst, user);
    user.customFields = user.customFields.filter((f) => f.fieldName !== field.fieldName);
    holdCustomFieldValues(inst, user);
  }
  index.customFieldHolders.delete(field.fieldName);
  index.customFieldNames.delete(customFieldNameKey(field.entityType, field.fieldName));
  inst.customFields.delete(fieldId);
}

/** EnableCustomField / DisableCustomField (idempotent). */
export function setCustomFieldStatus(
  svc: ModelContext,
  instanceId: string,
  fieldId: string,
  status: Toggle,
): void {
  const field = requireCustomField(svc.requireRunningInstance(instanceId), fieldId);
  if (field.status === status) return;
  field.status = status;
  field.updateTime = svc.now();
}

// ---- account values -----------------------------------------------------------------------------

/** The user field named `fieldName`, if defined. */
function userField(inst: InstanceState, fieldName: string): CustomFieldState | undefined {
  const id = inst.index.customFieldNames.get(customFieldNameKey(USER, fieldName));
  return id === undefined ? undefined : inst.customFields.get(id);
}

/** Why `value` does not fit the field, or `undefined` when it does (empty values always fit). */
function valueProblem(field: CustomFieldState, value: string): string | undefined {
  if (value === '') return undefined;
  const enabled = field.items.filter((i) => i.status === 'enabled').map((i) => i.value);
  if (field.fieldDataType === 'number') {
    if (value.length > CUSTOM_FIELD_LIMITS.numberValue || !CUSTOM_FIELD_NUMBER_PATTERN.test(value)) {
      return `'${field.fieldName}' holds numbers: digits with an optional decimal part, at most ${CUSTOM_FIELD_LIMITS.numberValue} characters.`;
    }
  } else if (field.fieldDataType === 'boolean') {
    if (value !== 'true' && value !== 'false') return `'${field.fieldName}' holds 'true' or 'false'.`;
  }
  if (field.fieldDisplayType === 'checkbox') {
    const picked = value.split(',');
    if (new Set(picked).size !== picked.length || picked.some((v) => !enabled.includes(v))) {
      return `'${field.fieldName}' holds comma-separated enabled items (${enabled.join(', ')}), each once.`;
    }
  } else if (field.fieldDisplayType === 'select' && field.items.length > 0 && !enabled.includes(value)) {
    return `'${field.fieldName}' holds one of its enabled items (${enabled.join(', ')}).`;
  }
  return undefined;
}

/** Checks that an account may be given `value` for `fieldName` (`self`: the account, if it exists). */
function checkValue(inst: InstanceState, fieldName: string, value: string, self?: string): void {
  const field = userField(inst, fieldName);
  if (!field) throw notFound('CustomField', fieldName);
  if (field.status !== 'enabled') {
    throw operationDenied(
      'CustomFieldStatus',
      `The custom field '${fieldName}' is disabled; enable it before giving accounts values for it.`,
    );
  }
  if (value === '') {
    if (field.required) throw requiredError(fieldName);
    return;
  }
  const why = valueProblem(field, value);
  if (why) throw invalidParameter('CustomFields.FieldValue', why);
  if (field.unique) {
    const holder = inst.index.customFieldUniqueValues.get(customFieldValueKey(fieldName, value));
    if (holder !== undefined && holder !== self) {
      throw alreadyExists(
        'User.CustomField',
        `with the same value of the unique custom field '${fieldName}'`,
      );
    }
  }
}

function requiredError(fieldName: string): EiamError {
  return invalidParameter('CustomFields', `the custom field '${fieldName}' is required; give it a value.`);
}

/**
 * CreateUser's check of the values against the schema: each field defined and enabled, each value
 * fitting, unique values unused, every enabled required field given a non-empty value.
 */
export function checkNewUserCustomFields(inst: InstanceState, values: CustomField[]): void {
  for (const { fieldName, fieldValue } of values) checkValue(inst, fieldName, fieldValue);
  const given = new Set(values.filter((v) => v.fieldValue !== '').map((v) => v.fieldName));
  for (const [key, fieldId] of inst.index.customFieldNames) {
    if (!key.startsWith(`${USER}/`)) continue;
    const field = inst.customFields.get(fieldId)!;
    if (field.required && field.status === 'enabled' && !given.has(field.fieldName)) {
      throw requiredError(field.fieldName);
    }
  }
}

/**
 * UpdateUser's check of the values it changes (`before` → `after`): a new or changed value obeys
 * the rules of CreateUser; a value removed may not be that of an enabled required field.
 * Unchanged values are not checked again (a disabled field's value may stay as it is).
 */
export function checkUserCustomFieldChanges(
  inst: InstanceState,
  user: UserState,
  before: CustomField[],
  after: CustomField[],
): void {
  const old = new Map(before.map((f) => [f.fieldName, f.fieldValue]));
  const now = new Map(after.map((f) => [f.fieldName, f.fieldValue]));
  for (const [fieldName, value] of now) {
    if (old.get(fieldName) !== value) checkValue(inst, fieldName, value, user.userId);
  }
  for (const fieldName of old.keys()) {
    if (now.has(fieldName)) continue;
    const field = userField(inst, fieldName);
    if (field?.required && field.status === 'enabled') throw requiredError(fieldName);
  }
}

/** Records the values `user` holds in the index (after a create or an update of the values). */
export function holdCustomFieldValues(inst: InstanceState, user: UserState): void {
  indexUserCustomFields(inst.index, user, (fieldName) => userField(inst, fieldName)?.unique === true);
}

/** Forgets the values `user` holds in the index (before an update of the values, or a delete). */
export function releaseCustomFieldValues(inst: InstanceState, user: UserState): void {
  unindexUserCustomFields(inst.index, user);
}
