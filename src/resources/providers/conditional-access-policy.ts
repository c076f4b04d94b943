/**
 * The provider of `ConditionalAccessPolicy` as Pulumi stores it: this module's own exports object. Installed from
 * `node_modules`, it serializes as `require("pulumi-alicloud-eiam/resources/providers/conditional-access-policy")`
 * (see `provider-kit/shell.ts`).
 */
import { makeProviderShell } from '../provider-kit/shell';
import * as resource from '../conditional-access-policy';

const shell = makeProviderShell(resource, 'conditionalAccessPolicyImplementation');

export const { configure, check, diff, create, read, update } = shell;
const remove = shell.delete;
export { remove as delete };
