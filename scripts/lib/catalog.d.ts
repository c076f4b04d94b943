/** Types of `catalog.js` (see its module comment for the formats). */

/** A shape in the compact notation: a scalar type name, `[item]`, or `{ Field: shape }`. */
export type CompactShape =
  'string' | 'integer' | 'boolean' | CompactShape[] | { [field: string]: CompactShape };

/** One operation of the compact description; a required request parameter's name ends in `!`. */
export interface CompactOperation {
  readonly request: Readonly<Record<string, CompactShape>>;
  readonly response: Readonly<Record<string, CompactShape>>;
}

/** The compact description (`src/catalog/source/operations.json`). */
export interface CompactDescription {
  readonly product: string;
  readonly version: string;
  readonly operations: Readonly<Record<string, CompactOperation>>;
}

/** One enum of the overlay. */
export interface OverlayEnum {
  /** Name of the exported `as const` tuple (the key is the union type's name). */
  readonly const: string;
  readonly doc: string;
  readonly values: readonly string[];
  /** Request parameters taking the values: `Operation.Param.Field`, `[]` for an array item. */
  readonly params: readonly string[];
}

/** The hand-edited overlay (`src/catalog/source/overlay.json`). */
export interface Overlay {
  /** Groups of selected operations, each exported as an `as const` tuple, in order. */
  readonly selection: readonly {
    readonly const: string;
    readonly doc: string;
    readonly operations: readonly string[];
  }[];
  /** Operations that never change state; every other selected operation writes. */
  readonly readOnly: readonly string[];
  /** Operations that take a `ClientToken` (must match the parameters). */
  readonly clientToken: readonly string[];
  /** Paging styles of the list operations, the preferred first. */
  readonly pagination: Readonly<Record<string, readonly ('page' | 'token')[]>>;
  readonly enums: Readonly<Record<string, OverlayEnum>>;
}

/** Paths (from the repository root) of the sources and the generated files. */
export const PATHS: {
  readonly compact: string;
  readonly overlay: string;
  readonly operations: string;
  readonly types: string;
  readonly enums: string;
};

/** An enum candidate found by {@link enumCandidates}. */
export interface EnumCandidate {
  /** `Operation.Param.Field` (`[]` for an array's items). */
  readonly param: string;
  /** The values the parameter's description lists. */
  readonly values: string[];
  /** The overlay enum whose `params` name it, if any. */
  readonly enum?: string;
}

/** String request parameters of the selection whose description lists values as bullets. */
export function enumCandidates(api: unknown, overlay: Overlay): EnumCandidate[];
/** A field of an API description → its compact shape. */
export function compactShape(field: unknown, where: string): CompactShape;
/** The compact description of the named operations of an API description; throws on unknown names. */
export function extractCompact(api: unknown, names: readonly string[]): CompactDescription;
/** Every disagreement between overlay and compact description; empty when they agree. */
export function problemsOf(compact: CompactDescription, overlay: Overlay): string[];
/** Generated file path → text; throws when the sources disagree. */
export function renderCatalog(compact: CompactDescription, overlay: Overlay): Record<string, string>;
/** JSON text in the repository's prettier layout. */
export function renderJson(value: unknown): string;
/** The selected operation names, in order. */
export function selectedNames(overlay: Overlay): string[];
