/**
 * The provider of `IdentityProvider` as Pulumi stores it: this module's own exports object.
 * Installed from `node_modules`, it serializes as
 * `require("pulumi-alicloud-eiam/resources/providers/identity-provider")` (see
 * `provider-kit/shell.ts`).
 */
import { makeProviderShell } from '../provider-kit/shell';
import * as resource from '../identity-provider';

const shell = makeProviderShell(resource, 'identityProviderImplementation');

export const { configure, check, diff, create, read, update } = shell;
const remove = shell.delete;
export { remove as delete };
