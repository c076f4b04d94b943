/**
 * The provider of `UserAuthnSourceMapping` as Pulumi stores it: this module's own exports object.
 * Installed from `node_modules`, it serializes as
 * `require("pulumi-alicloud-eiam/resources/providers/user-authn-source-mapping")` (see
 * `provider-kit/shell.ts`).
 */
import { makeProviderShell } from '../provider-kit/shell';
import * as resource from '../user-authn-source-mapping';

const shell = makeProviderShell(resource, 'userAuthnSourceMappingImplementation');

export const { configure, check, diff, create, read, update } = shell;
const remove = shell.delete;
export { remove as delete };
