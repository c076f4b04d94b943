/**
 * The provider of `NetworkZone` as Pulumi stores it: this module's own exports object. Installed from
 * `node_modules`, it serializes as `require("pulumi-alicloud-eiam/resources/providers/network-zone")`
 * (see `provider-kit/shell.ts`).
 */
import { makeProviderShell } from '../provider-kit/shell';
import * as resource from '../network-zone';

const shell = makeProviderShell(resource, 'networkZoneImplementation');

export const { configure, check, diff, create, read, update } = shell;
const remove = shell.delete;
export { remove as delete };
