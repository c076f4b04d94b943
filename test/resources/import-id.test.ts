/** An `import` id must be a plain string: one built from an Output is refused with one clear message. */
import * as pulumi from '@pulumi/pulumi';
import * as eiam from '../../src';

test('an import id built from an Output (template literal or the Output itself) is refused clearly', () => {
  const instanceId = pulumi.output('idaas_x');
  const message =
    /^The import option needs the id as a plain string, but it is built from a pulumi Output\. .*pulumi stack output/;
  expect(
    () => new eiam.Group('ops', { instanceId, groupName: 'ops' }, { import: `${instanceId}/group_1` }),
  ).toThrow(message);
  expect(
    () =>
      new eiam.User('alice', { instanceId, username: 'alice' }, { import: instanceId as unknown as string }),
  ).toThrow(message);
  expect(() => new eiam.Instance('i', {}, { import: 42 as unknown as string })).toThrow(/but it is a number/);
});
