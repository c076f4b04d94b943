/**
 * The provider of `InternalAuthenticationSource` as Pulumi stores it: this module's own exports object.
 * Installed from `node_modules`, it serializes as
 * `require("pulumi-alicloud-eiam/resources/providers/internal-authentication-source")` (see
 * `provider-kit/shell.ts`).
 */
import { makeProviderShell } from '../provider-kit/shell';
import * as resource from '../internal-authentication-source';

const shell = makeProviderShell(resource, 'internalAuthenticationSourceImplementation');

export const { configure, check, diff, create, read, update } = shell;
const remove = shell.delete;
export { remove as delete };
