/** The type of a parameter or response field as the EIAM API declares it. */
export type FieldType = 'string' | 'integer' | 'boolean' | 'array' | 'object';

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

/** Request parameters and response fields of one operation. */
export interface OperationSpec {
  readonly request: readonly ParamSpec[];
  readonly response: Readonly<Record<string, ShapeSpec>>;
}
