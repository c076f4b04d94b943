/**
 * `CustomField`: a custom field of an instance's user schema (CreateCustomField /
 * GetCustomField / EnableCustomField / DisableCustomField / DeleteCustomField). Accounts
 * (`User.customFields`, `Users`) may hold values only for a defined, enabled field.
 *
 * The API has no update operation for a field: every input but `status` replaces it. A
 * replacement deletes the old field first (its name is unique in the instance), and deleting a
 * field removes the values accounts hold for it; `pulumi up --refresh` puts the declared values
 * back afterwards.
 *
 * Id: `<instanceId>/<fieldId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import { isAlreadyExists, isAmbiguous } from '../client';
import {
  CUSTOM_FIELD_DISPLAY_DATA_TYPES,
  CUSTOM_FIELD_LIMITS,
  CUSTOM_FIELD_NAME_PATTERN,
  CUSTOM_FIELD_NUMBER_PATTERN,
} from '../catalog/rules';
import {
  CUSTOM_FIELD_DATA_TYPES,
  CUSTOM_FIELD_DISPLAY_TYPES,
  CUSTOM_FIELD_ENTITY_TYPES,
  CUSTOM_FIELD_USER_PERMISSIONS,
  TOGGLES,
  type CustomFieldDataType,
  type CustomFieldDisplayType,
  type CustomFieldEntityType,
  type CustomFieldUserPermission,
  type Toggle,
} from './enums';
import * as customFieldProviderModule from './providers/custom-field';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  deepEqual,
  defineProvider,
  field,
  fieldTable,
  followUp,
  idPart,
  InputChecker,
  isUnknown,
  joinId,
  parseId,
  typed,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** One choice of a `select` or `checkbox` field. */
export interface CustomFieldItem {
  /** The value accounts hold, at most 64 characters (no comma in a `checkbox` field). */
  value: string;
  /** The name the console shows, at most 128 characters. */
  displayName: string;
  /** `disabled`: accounts may no longer be given it (default `enabled`). */
  status?: Toggle;
}

/** Arguments of a {@link CustomField}. Every input but `status` replaces the field when changed. */
export interface CustomFieldArgs {
  /** Instance whose user schema the field belongs to. */
  readonly instanceId: pulumi.Input<string>;
  /** Entity the field belongs to: `user` (the only one; the default). */
  readonly entityType?: pulumi.Input<CustomFieldEntityType>;
  /**
   * The field's identifier, the `fieldName` of `User.customFields`: a lower-case letter, then
   * lower-case letters, digits or underscores, at most 40 characters; unique in the instance.
   */
  readonly fieldName: pulumi.Input<string>;
  /** The name the console shows, at most 64 characters. */
  readonly fieldDisplayName: pulumi.Input<string>;
  /** What the values are: `string`, `number` (digits, optional decimals) or `boolean`. */
  readonly fieldDataType: pulumi.Input<CustomFieldDataType>;
  /**
   * How the console shows it: `input` (string or number), `select` (string or boolean) or
   * `checkbox` (string; a value lists items separated by commas).
   */
  readonly fieldDisplayType: pulumi.Input<CustomFieldDisplayType>;
  /** Description, at most 512 characters. Unset: not managed. */
  readonly description?: pulumi.Input<string>;
  /** The value the console pre-fills, at most 1024 characters; obeys the value rules. */
  readonly defaultValue?: pulumi.Input<string>;
  /** Whether the service encrypts the values at rest. */
  readonly encrypted?: pulumi.Input<boolean>;
  /** Whether every new account must be given a (non-empty) value while the field is enabled. */
  readonly required?: pulumi.Input<boolean>;
  /** Whether no two accounts may hold the same non-empty value (not for boolean or checkbox fields). */
  readonly unique?: pulumi.Input<boolean>;
  /** What accounts may do with it in the portal: `hide`, `read_only` (the default) or `read_write`. */
  readonly userPermission?: pulumi.Input<CustomFieldUserPermission>;
  /**
   * The choices of a `select` or `checkbox` field (at most 100, values distinct; required for
   * string values, optional for a boolean select, refused for `input`). Compared in order.
   */
  readonly items?: pulumi.Input<pulumi.Input<CustomFieldItem>[]>;
  /** `enabled` (as created) or `disabled`; changed in place (Enable/DisableCustomField). Unset: not managed. */
  readonly status?: pulumi.Input<Toggle>;
}

/** Items with the status the service reports for an item given none. */
function withStatus(items: unknown): unknown {
  return Array.isArray(items)
    ? items.map((i) => (i && typeof i === 'object' ? { status: 'enabled', ...i } : i))
    : items;
}

/**
 * Every field of a custom field, once. Wire names are the field names capitalized, except
 * `items`, sent as `FieldDataConfig.Items` and read back from there.
 */
export const CUSTOM_FIELD_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    entityType: field.enum(CUSTOM_FIELD_ENTITY_TYPES, { action: 'replace' }),
    fieldName: field.string({
      required: true,
      action: 'replace',
      maxLength: CUSTOM_FIELD_LIMITS.fieldName,
      pattern: CUSTOM_FIELD_NAME_PATTERN,
      patternDescription: 'a lower-case letter, then lower-case letters, digits or underscores',
    }),
    fieldDisplayName: field.string({
      required: true,
      action: 'replace',
      maxLength: CUSTOM_FIELD_LIMITS.fieldDisplayName,
    }),
    fieldDataType: field.enum(CUSTOM_FIELD_DATA_TYPES, { required: true, action: 'replace' }),
    fieldDisplayType: field.enum(CUSTOM_FIELD_DISPLAY_TYPES, { required: true, action: 'replace' }),
    description: field.string({
      kind: 'text',
      action: 'replace',
      maxLength: CUSTOM_FIELD_LIMITS.description,
    }),
    defaultValue: field.string({
      kind: 'text',
      action: 'replace',
      maxLength: CUSTOM_FIELD_LIMITS.defaultValue,
    }),
    encrypted: field.boolean({ action: 'replace' }),
    required: field.boolean({ action: 'replace' }),
    unique: field.boolean({ action: 'replace' }),
    userPermission: field.enum(CUSTOM_FIELD_USER_PERMISSIONS, { action: 'replace' }),
    items: field.list(typed<CustomFieldItem>(), {
      action: 'replace',
      wire: 'FieldDataConfig',
      read: 'FieldDataConfig.Items',
      fields: { value: true, displayName: true, status: true },
      check: false,
      equals: (declared, live) => deepEqual(withStatus(declared), withStatus(live ?? [])),
      toWire: (items: CustomFieldItem[]) => ({
        Items: items.map((i) => ({ Value: i.value, DisplayName: i.displayName, Status: i.status })),
      }),
    }),
    // Created enabled; a declared `disabled` is a second call.
    status: field.enum(TOGGLES, { wire: false, read: 'Status' }),
  },
  outputs: {
    /** Field id (`ufd_…`). */
    fieldId: field.string({ required: true }),
    /** Creation time, epoch ms. */
    createTime: field.integer(),
    /** Last update time, epoch ms. */
    updateTime: field.integer(),
  },
  deleteBeforeReplace: true,
});

/** Checked inputs of a custom field, as the provider receives them. */
export type CustomFieldInputs = InputsOf<typeof CUSTOM_FIELD_FIELDS>;
/** Outputs of a custom field: the live attributes as GetCustomField reports them. */
export type CustomFieldOutputs = OutputsOf<typeof CUSTOM_FIELD_FIELDS>;
argsMatchTable<CustomFieldArgs, typeof CUSTOM_FIELD_FIELDS>();

/** What a change to each input means. */
export const CUSTOM_FIELD_DIFF = CUSTOM_FIELD_FIELDS.diffTable;

const ID_PARTS = ['instanceId', 'fieldId'] as const;

type Bag = Record<string, unknown>;

const known = (v: unknown): v is string => typeof v === 'string' && !isUnknown(v);

/** The items: each an object with a value and a display name, values distinct. */
function checkItems(c: InputChecker, value: unknown, displayType: unknown, dataType: unknown): void {
  if (value === undefined || value === null || isUnknown(value)) return;
  const prop = 'items';
  if (!Array.isArray(value)) {
    c.fail(prop, `${prop} must be a list of { value, displayName, status }`);
    return;
  }
  if (value.length > CUSTOM_FIELD_LIMITS.items) {
    c.fail(prop, `${prop} must have at most ${CUSTOM_FIELD_LIMITS.items} item(s)`);
  }
  if (displayType === 'input' && value.length > 0) c.fail(prop, `${prop} are refused for an input field`);
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const at = `${prop}[${i}]`;
    if (isUnknown(item)) return;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      c.fail(at, `${at} must be an object with value and displayName`);
      return;
    }
    const nested = new InputChecker(item as Bag)
      .string('value', { required: true, maxLength: CUSTOM_FIELD_LIMITS.itemValue })
      .string('displayName', { required: true, maxLength: CUSTOM_FIELD_LIMITS.itemDisplayName })
      .oneOf('status', TOGGLES);
    for (const f of nested.failures) c.fail(`${at}.${f.property}`, `${at}.${f.reason}`);
    const v = (item as Bag).value;
    if (!known(v)) return;
    if (dataType === 'boolean' && v !== 'true' && v !== 'false') {
      c.fail(`${at}.value`, `${at}.value must be "true" or "false" in a boolean field`);
    }
    if (displayType === 'checkbox' && v.includes(',')) {
      c.fail(`${at}.value`, `${at}.value must not contain a comma in a checkbox field`);
    }
    if (seen.has(v)) c.fail(`${at}.value`, `${at}.value "${v}" is listed twice`);
    seen.add(v);
  });
}

/** The default value: it must fit the data type and, with items, be an enabled item. */
function checkDefaultValue(c: InputChecker, news: Bag): void {
  const v = news.defaultValue;
  if (!known(v) || v === '') return;
  const prop = 'defaultValue';
  if (news.fieldDataType === 'number') {
    if (v.length > CUSTOM_FIELD_LIMITS.numberValue || !CUSTOM_FIELD_NUMBER_PATTERN.test(v)) {
      c.fail(prop, `${prop} must be a number: digits with an optional decimal part`);
    }
  } else if (news.fieldDataType === 'boolean' && v !== 'true' && v !== 'false') {
    c.fail(prop, `${prop} must be "true" or "false" in a boolean field`);
  }
  const items = news.items;
  if (!Array.isArray(items) || items.length === 0 || items.some((i) => isUnknown(i) || isUnknown(i?.value))) {
    return;
  }
  const enabled = items.filter((i) => i?.status !== 'disabled').map((i) => i?.value);
  const picked = news.fieldDisplayType === 'checkbox' ? v.split(',') : [v];
  if (picked.some((p) => !enabled.includes(p))) c.fail(prop, `${prop} must be among the enabled items`);
}

async function fetchField(
  ctx: ProviderContext,
  instanceId: string,
  fieldId: string,
): Promise<CustomFieldOutputs | undefined> {
  const res = await unlessNotFound(
    ctx.client.call('GetCustomField', { InstanceId: instanceId, FieldId: fieldId }),
  );
  return res?.CustomField ? CUSTOM_FIELD_FIELDS.read(res.CustomField, { instanceId }) : undefined;
}

/** Why a create cannot be retried blindly: no operation lists fields to find the one it made. */
function unknownOutcome(what: string, err: unknown): Error {
  return new Error(
    `${what}: the outcome of CreateCustomField is unknown (${(err as Error).message}). The field ` +
      'may exist now, and no API operation lists custom fields to find it by name. Look it up in ' +
      'the EIAM console: import it (`pulumi import` with `<instanceId>/<fieldId>`) or delete it ' +
      'there, then run again.',
    { cause: err },
  );
}

/** The custom field provider's implementation (called through {@link customFieldProvider}). */
export const customFieldImplementation = defineProvider({
  kind: 'CustomField',
  table: CUSTOM_FIELD_FIELDS,
  recordedOutput: 'fieldId',
  idParts: ID_PARTS,

  check(_olds, news) {
    const c = CUSTOM_FIELD_FIELDS.checker(news);
    const { fieldDisplayType: display, fieldDataType: data } = news;
    if (known(display) && known(data)) {
      const fitting = (CUSTOM_FIELD_DISPLAY_DATA_TYPES as Record<string, readonly string[]>)[display];
      if (fitting && !fitting.includes(data)) {
        c.fail('fieldDataType', `a ${display} field holds ${fitting.join(' or ')} values, not ${data}`);
      }
      const items = news.items;
      const none = items === undefined || items === null || (Array.isArray(items) && items.length === 0);
      if (display !== 'input' && data === 'string' && none) {
        c.fail('items', `items are required for a ${display} field of strings`);
      }
      if (news.unique === true && (data === 'boolean' || display === 'checkbox')) {
        c.fail('unique', `a ${display} field of ${data} values cannot be unique`);
      }
    }
    checkItems(c, news.items, display, data);
    checkDefaultValue(c, news);
    return c.result(news as CustomFieldInputs);
  },

  async create(ctx, inputs) {
    const what = `CustomField '${inputs.fieldName}' in instance ${inputs.instanceId}`;
    let fieldId: string;
    try {
      const request = CUSTOM_FIELD_FIELDS.request(inputs, { create: true });
      const res = await ctx.client.call('CreateCustomField', { EntityType: 'user', ...request });
      fieldId = res.FieldId ?? '';
    } catch (err) {
      if (isAmbiguous(err)) throw unknownOutcome(what, err);
      if (isAlreadyExists(err)) {
        throw new Error(
          `${what}: the instance already has a field of that name (${(err as Error).message}). ` +
            'Import it with `pulumi import` and its id `<instanceId>/<fieldId>`, or choose another fieldName.',
          { cause: err },
        );
      }
      throw err;
    }
    const id = joinId(inputs.instanceId, fieldId);
    const made = { ...inputs, fieldId, status: 'enabled' as const };
    if (inputs.status === 'disabled') {
      await followUp('CustomField', id, made, 'disabling it', () =>
        ctx.client.call('DisableCustomField', { InstanceId: inputs.instanceId, FieldId: fieldId }),
      );
    }
    const outs = await followUp(
      'CustomField',
      id,
      { ...made, status: inputs.status ?? 'enabled' },
      'reading it back',
      () => fetchField(ctx, inputs.instanceId, fieldId),
    );
    return { id, outs: outs ?? made };
  },

  async read(ctx, id, props) {
    const { instanceId, fieldId } = parseId('CustomField', id, ID_PARTS);
    assertDeclaredMatches('CustomField', id, 'instanceId', props.instanceId, instanceId);
    const live = await fetchField(ctx, instanceId, fieldId);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, fieldId } = parseId('CustomField', id, ID_PARTS);
    const changes = CUSTOM_FIELD_FIELDS.changes(olds, news);
    if (changes.some((c) => c.property === 'status') && news.status) {
      const op = news.status === 'enabled' ? 'EnableCustomField' : 'DisableCustomField';
      await ctx.client.call(op, { InstanceId: instanceId, FieldId: fieldId });
    }
    const outs = await fetchField(ctx, instanceId, fieldId);
    if (!outs) throw new Error(`CustomField ${id} disappeared during the update`);
    return { outs };
  },

  async delete(ctx, id) {
    const { instanceId, fieldId } = parseId('CustomField', id, ID_PARTS);
    await unlessNotFound(ctx.client.call('DeleteCustomField', { InstanceId: instanceId, FieldId: fieldId }));
  },
});

/** The serializable provider of {@link CustomField} (its provider module, stored as a `require`). */
export const customFieldProvider: pulumi.dynamic.ResourceProvider = customFieldProviderModule;

/**
 * A custom field of an instance's user schema; accounts hold values for it in
 * `User.customFields`.
 *
 * ```ts
 * const costCenter = new eiam.CustomField('cost-center', {
 *   instanceId: instance.instanceId,
 *   fieldName: 'cost_center',
 *   fieldDisplayName: 'Cost center',
 *   fieldDataType: 'string',
 *   fieldDisplayType: 'input',
 * });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/ufd_xxx' }` (declare the same inputs).
 */
export class CustomField extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = CUSTOM_FIELD_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Field id (`ufd_…`). */
  declare readonly fieldId: pulumi.Output<string>;
  /** Entity type (`user`). */
  declare readonly entityType: pulumi.Output<CustomFieldEntityType>;
  /** The field's identifier, as `User.customFields` names it. */
  declare readonly fieldName: pulumi.Output<string>;
  /** Display name. */
  declare readonly fieldDisplayName: pulumi.Output<string>;
  /** Data type. */
  declare readonly fieldDataType: pulumi.Output<CustomFieldDataType>;
  /** Display type. */
  declare readonly fieldDisplayType: pulumi.Output<CustomFieldDisplayType>;
  /** Description as the service reports it. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Default value as the service reports it. */
  declare readonly defaultValue: pulumi.Output<string | undefined>;
  /** Whether values are encrypted at rest. */
  declare readonly encrypted: pulumi.Output<boolean>;
  /** Whether new accounts must have a value. */
  declare readonly required: pulumi.Output<boolean>;
  /** Whether values are unique between accounts. */
  declare readonly unique: pulumi.Output<boolean>;
  /** Portal permission. */
  declare readonly userPermission: pulumi.Output<CustomFieldUserPermission>;
  /** The items, each with its status. */
  declare readonly items: pulumi.Output<CustomFieldItem[]>;
  /** `enabled` or `disabled`. */
  declare readonly status: pulumi.Output<Toggle>;
  /** Creation time, epoch ms. */
  declare readonly createTime: pulumi.Output<number>;
  /** Last update time, epoch ms. */
  declare readonly updateTime: pulumi.Output<number>;

  /** Declares a custom field. */
  constructor(name: string, args: CustomFieldArgs, opts?: pulumi.CustomResourceOptions) {
    super(customFieldProvider, 'CustomField', CUSTOM_FIELD_FIELDS, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.fieldId = idPart(this.id, 1);
  }
}

classMatchesTable<CustomField, typeof CUSTOM_FIELD_FIELDS>();

/** The type token of {@link CustomField}. */
export const CUSTOM_FIELD_TYPE = typeToken('CustomField');
