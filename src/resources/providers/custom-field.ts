/**
 * The provider of `CustomField` as Pulumi stores it: this module's own exports object. Installed from
 * `node_modules`, it serializes as `require("pulumi-alicloud-eiam/resources/providers/custom-field")`
 * (see `provider-kit/shell.ts`).
 */
import { makeProviderShell } from '../provider-kit/shell';
import * as resource from '../custom-field';

const shell = makeProviderShell(resource, 'customFieldImplementation');

export const { configure, check, diff, create, read, update } = shell;
const remove = shell.delete;
export { remove as delete };
