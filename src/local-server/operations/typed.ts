/**
 * Typing helpers for handlers: a handler of operation K takes the catalog's request type of K and
 * must return the catalog's response type of K (minus `RequestId`), so a misspelt or misplaced
 * response field is a compile error. Every handler module declares its table as
 * `TypedHandlers<Ops>`, `Ops` being the union of the operations it implements.
 */
import type { OperationName, OperationTypes } from '../../catalog';
import { fromWire } from '../../catalog/case';
import type { RequestOf } from '../model/inputs';
import type { HandlerContext, OperationHandler } from './index';

/** Request parameters of an operation, as the HTTP layer hands them over. */
export type Req<K extends OperationName> = OperationTypes[K]['request'];
/** Response body of an operation without `RequestId`. */
export type Res<K extends OperationName> = Omit<OperationTypes[K]['response'], 'RequestId'>;
/** A handler typed by its operation. */
export type TypedHandler<K extends OperationName> = (ctx: HandlerContext, params: Req<K>) => Res<K>;
/** A table of typed handlers for some operations. */
export type TypedHandlers<K extends OperationName> = { [P in K]: TypedHandler<P> };

/** Erases the per-operation typing so tables can be merged into the dispatch table. */
export function untyped(
  table: Partial<TypedHandlers<OperationName>>,
): Partial<Record<OperationName, OperationHandler>> {
  return table as unknown as Partial<Record<OperationName, OperationHandler>>;
}

/** The empty body of operations that only return `RequestId`. */
export const EMPTY = Object.freeze({}) as Record<string, never>;

/** Keys of the model input `I` that the request of `K` lacks under their camelCase names. */
type Unsourced<K extends OperationName, I> = Exclude<keyof I, keyof RequestOf<K>>;

/** `[]` when the request of `K` maps onto `I` key for key and type for type; else a reason. */
type InputCheck<K extends OperationName, I> = [Unsourced<K, I>] extends [never]
  ? RequestOf<K> extends I
    ? []
    : ['the request types do not fit the model input']
  : [`no request field for: ${Unsourced<K, I> & string}`];

/**
 * The handlers' one wire → domain mapper: the request with camelCase keys (`fromWire`), as the
 * model input `I` (declared with `RequestFields` of `model/inputs.ts`). Every key of `I` must
 * exist in the request of `K` under its camelCase name, with a fitting type, so a model field
 * without a wire source is a compile error rather than a silent `undefined`. Inputs whose names
 * differ from the wire on purpose (the password policies, the authorizations' `kind`/`ids`) are
 * mapped by hand.
 */
export function toInput<K extends OperationName, I>(params: Req<K>, ..._check: InputCheck<K, I>): I {
  return fromWire(params) as unknown as I;
}
