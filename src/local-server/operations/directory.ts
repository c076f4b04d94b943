/** Handlers of the directory operations: regions, instances, OUs, users, groups, password policy. */
import { groupHandlers } from './groups';
import { instanceHandlers } from './instances';
import { organizationalUnitHandlers } from './organizational-units';
import { passwordPolicyHandlers } from './password-policy';
import { untyped } from './typed';
import { userHandlers } from './users';

/** Every directory handler, keyed by operation name. */
export const directoryHandlers = {
  ...untyped(instanceHandlers),
  ...untyped(organizationalUnitHandlers),
  ...untyped(userHandlers),
  ...untyped(groupHandlers),
  ...untyped(passwordPolicyHandlers),
};
