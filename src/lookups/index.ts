/**
 * Lookup functions: read EIAM objects from a Pulumi program. Each `getX(args, opts?)` returns a
 * Promise; each `getXOutput(args, opts?)` takes `pulumi.Input` arguments and returns a
 * `pulumi.Output`. Connection settings come from `opts`, else the stack config `eiam:*`, else
 * the environment (see `connection.ts`).
 */
export * from './connection';
export * from './regions';
export * from './organizational-units';
export * from './users';
export * from './groups';
export * from './applications';
export * from './password-policy';
export * from './custom-fields';
export * from './identity-providers';
export * from './network-zones';
export * from './conditional-access';
