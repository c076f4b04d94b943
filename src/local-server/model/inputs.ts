/**
 * The one way a model input is declared: taken from the catalog. A model function receives its
 * instance id and the ids of the entity it acts on as parameters, and the rest of the request as
 * one input object whose type names the request members it reads, under their camelCase names
 * (the handlers' mapper `toInput` of `operations/typed.ts` gives exactly that shape). Members keep
 * the catalog's types and required flags; the model still checks their values (a blank name, a
 * malformed email), and their presence where a caller may bypass the HTTP layer's check.
 *
 * An input is written by hand only where the model's names differ from the wire on purpose (one
 * function serving several operations, the password policies' short names); such a type says so
 * in its comment.
 */
import type { OperationName, OperationTypes } from '../../catalog';
import type { Camel } from '../../catalog/case';

/** The request of operation `K` with camelCase keys at any depth. */
export type RequestOf<K extends OperationName> = Camel<OperationTypes[K]['request']>;

/** The members `F` of operation `K`'s request, camelCase: the model input of an operation. */
export type RequestFields<K extends OperationName, F extends keyof RequestOf<K>> = Pick<RequestOf<K>, F>;
