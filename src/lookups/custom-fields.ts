/**
 * Lookup of the user schema: one custom field by id (GetCustomField). The API lists no custom
 * fields, so a field is found by its id only (a `CustomField` resource's `fieldId`, or the id
 * the console shows).
 */
import type * as pulumi from '@pulumi/pulumi';
import type { GetCustomFieldResponse } from '../catalog';
import { isNotFound } from '../client';
import { fromWire, type Camel } from '../wire';
import {
  lookupOutput,
  withLookupClient,
  withIds,
  type LookupInputs,
  type LookupOptions,
  type WithIds,
} from './connection';

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

/** One custom field, by id (GetCustomField). */
export async function getCustomField(
  args: GetCustomFieldArgs,
  opts?: LookupOptions,
): Promise<CustomFieldInfo> {
  return withLookupClient(opts, async (client) => {
    try {
      const res = await client.call('GetCustomField', { InstanceId: args.instanceId, FieldId: args.fieldId });
      return withIds(fromWire(res.CustomField ?? {}), ['fieldId', 'fieldName'], 'GetCustomField');
    } catch (err) {
      if (isNotFound(err)) {
        throw new Error(`getCustomField: no custom field ${args.fieldId} in instance ${args.instanceId}`, {
          cause: err,
        });
      }
      throw err;
    }
  });
}

/** {@link getCustomField} as a `pulumi.Output`. */
export function getCustomFieldOutput(
  args: LookupInputs<GetCustomFieldArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<CustomFieldInfo> {
  return lookupOutput(getCustomField, args, opts);
}
