/** The custom field lookup against the local server: by id, as an Output, not found, read-only. */
import * as pulumi from '@pulumi/pulumi';
import * as lookups from '../../src/lookups';
import { startHarness, type Harness } from '../resources/harness';

let h: Harness;
let opts: lookups.LookupOptions;

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

beforeAll(async () => {
  h = await startHarness();
  opts = {
    endpoint: h.settings.endpoint,
    region: h.settings.region,
    accessKeyId: h.settings.accessKeyId,
    accessKeySecret: h.settings.accessKeySecret,
  };
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

/** A select field with two items, made through the API; its id. */
async function selectField(fieldName: string): Promise<string> {
  const res = await h.client.call('CreateCustomField', {
    InstanceId: h.instanceId,
    EntityType: 'user',
    FieldName: fieldName,
    FieldDisplayName: 'Office',
    FieldDataType: 'string',
    FieldDisplayType: 'select',
    Required: true,
    FieldDataConfig: {
      Items: [
        { Value: 'hz', DisplayName: 'Hangzhou' },
        { Value: 'bj', DisplayName: 'Beijing', Status: 'disabled' },
      ],
    },
  });
  return res.FieldId!;
}

describe('getCustomField', () => {
  it('reads a field by id, with its items', async () => {
    const fieldId = await selectField('office');
    h.server.resetCounters();
    const got = await lookups.getCustomField({ instanceId: h.instanceId, fieldId }, opts);
    expect(got).toMatchObject({
      fieldId,
      instanceId: h.instanceId,
      entityType: 'user',
      fieldName: 'office',
      fieldDisplayName: 'Office',
      fieldDataType: 'string',
      fieldDisplayType: 'select',
      required: true,
      unique: false,
      status: 'enabled',
      fieldDataConfig: {
        items: [
          { value: 'hz', displayName: 'Hangzhou', status: 'enabled' },
          { value: 'bj', displayName: 'Beijing', status: 'disabled' },
        ],
      },
    });
    expect(h.calls().GetCustomField).toBe(1);
    expect(h.totalCalls()).toBe(1);
  });

  it('has an Output form that takes Inputs', async () => {
    const fieldId = await selectField('office_output');
    const got = lookups.getCustomFieldOutput(
      { instanceId: pulumi.output(h.instanceId), fieldId: Promise.resolve(fieldId) },
      opts,
    );
    expect((await promiseOf(got)).fieldName).toBe('office_output');
  });

  it('names the field and the instance when the id is unknown', async () => {
    await expect(
      lookups.getCustomField({ instanceId: h.instanceId, fieldId: 'ufd_missing' }, opts),
    ).rejects.toThrow(`getCustomField: no custom field ufd_missing in instance ${h.instanceId}`);
  });
});
