/**
 * Nested argument blocks whose leaves may be outputs of other resources. The engine resolves
 * every output inside a dynamic resource's inputs before `check`, so a block may mix plain values
 * and outputs at any depth (`targetScope: unit.organizationalUnitId`).
 */
import type * as pulumi from '@pulumi/pulumi';

/** `T` with every member, array item and nested member also accepting a `pulumi.Input`. */
export type DeepInput<T> = T extends string | number | boolean
  ? T
  : T extends readonly (infer E)[]
    ? pulumi.Input<DeepInput<E>>[]
    : { [K in keyof T]: pulumi.Input<DeepInput<T[K]>> };
