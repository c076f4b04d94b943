/** The type of a parameter or response field as the EIAM API declares it. */
export type FieldType = 'string' | 'integer' | 'boolean' | 'array' | 'object';

/**
 * How a list operation pages: `page` is `PageNumber`/`PageSize` in and `TotalCount` out; `token`
 * is `NextToken`/`MaxResults` in and `NextToken` out.
 */
export type PaginationStyle = 'page' | 'token';

/** Shape of a value: scalars, arrays (with their item shape) and objects (with their fields). */
export interface ShapeSpec {
  readonly type: FieldType;
  readonly items?: ShapeSpec;
  readonly properties?: Readonly<Record<string, ShapeSpec>>;
}

/** A top-level request parameter. Every EIAM parameter travels in the query/form. */
export interface ParamSpec extends ShapeSpec {
  readonly name: string;
  readonly required?: boolean;
}

/** Request parameters, response fields and traits of one operation. */
export interface OperationSpec {
  /**
   * False for the operations that only read. The local server logs every call of an operation
   * that writes (durability); the project's overlay says which do, not the name's prefix.
   */
  readonly writes: boolean;
  /** True when the operation takes a `ClientToken`; the client then adds one when none is given. */
  readonly clientToken: boolean;
  /** The paging styles a list operation supports, the preferred first; absent when it does not page. */
  readonly pagination?: readonly PaginationStyle[];
  readonly request: readonly ParamSpec[];
  readonly response: Readonly<Record<string, ShapeSpec>>;
}
