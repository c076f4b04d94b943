/**
 * The provider of `Group` as Pulumi stores it: this module's own exports object. Installed from
 * `node_modules`, it serializes as `require("pulumi-alicloud-eiam/resources/providers/group")`
 * (see `provider-kit/shell.ts`).
 */
import { makeProviderShell } from '../provider-kit/shell';
import * as resource from '../group';

const shell = makeProviderShell(resource, 'groupImplementation');

export const { configure, check, diff, create, read, update } = shell;
const remove = shell.delete;
export { remove as delete };
