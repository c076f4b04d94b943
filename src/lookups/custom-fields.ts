/**
 * Lookup of the user schema: one custom field by id (GetCustomField). The API lists no custom
 * fields, so a field is found by its id only (a `CustomField` resource's `fieldId`, or the id
 * the console shows).
 */
import type { GetCustomFieldResponse } from '../catalog';
import { fromWire, type Camel } from '../wire';
import { defineLookup, explainNotFound, withIds, type WithIds } from './connection';

/** A custom field as GetCustomField reports it (items under `fieldDataConfig.items`). */
export type CustomFieldInfo = WithIds<
  Camel<NonNullable<GetCustomFieldResponse['CustomField']>>,
  'fieldId' | 'fieldName'
>;

/** Arguments of {@link getCustomField}. */
export interface GetCustomFieldArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The field's id (`ufd_…`). */
  readonly fieldId: string;
}

const customFieldLookup = defineLookup((args: GetCustomFieldArgs, client): Promise<CustomFieldInfo> =>
  explainNotFound(
    'getCustomField',
    `custom field ${args.fieldId} in instance ${args.instanceId}`,
    async () => {
      const res = await client.call('GetCustomField', { InstanceId: args.instanceId, FieldId: args.fieldId });
      return withIds(fromWire(res.CustomField ?? {}), ['fieldId', 'fieldName'], 'GetCustomField');
    },
  ),
);
/** One custom field, by id (GetCustomField). */
export const getCustomField = customFieldLookup.get;
/** {@link getCustomField} as a `pulumi.Output`. */
export const getCustomFieldOutput = customFieldLookup.output;
