/**
 * Parameter encoding for RPC-style Alibaba Cloud APIs.
 *
 * Nested values travel as flat string fields, the way Alibaba's SDKs flatten them:
 * - arrays number their items from 1: `UserIds.1`, `UserIds.2`;
 * - objects join field names with a dot: `SamlSsoConfig.SpEntityId`;
 * - the two combine to any depth: `CustomFields.1.FieldName`, `Matrix.2.1`;
 * - numbers and booleans become their string form; `undefined` and `null` are left out
 *   (an array keeps the position of a left-out item, so the next one is still numbered by
 *   its index).
 */
import type { ParamSpec, ShapeSpec } from '../catalog';
import { percentDecode, percentEncode } from './signing/percent-encode';

/** A flat parameter map: field name → string value. */
export type FlatParamMap = Record<string, string>;

function flattenInto(target: FlatParamMap, prefix: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => flattenInto(target, `${prefix}.${index + 1}`, item));
  } else if (value instanceof Date) {
    target[prefix] = value.toISOString();
  } else if (typeof value === 'object') {
    for (const [field, inner] of Object.entries(value as Record<string, unknown>)) {
      flattenInto(target, prefix === '' ? field : `${prefix}.${field}`, inner);
    }
  } else {
    target[prefix] = String(value);
  }
}

/** Flattens a nested request into flat string fields (see the module comment for the rules). */
export function flatten(params: Readonly<Record<string, unknown>>): FlatParamMap {
  const target: FlatParamMap = {};
  for (const [name, value] of Object.entries(params)) flattenInto(target, name, value);
  return target;
}

/** Encodes flat fields as an `application/x-www-form-urlencoded` body (RFC 3986 escaping). */
export function formEncode(params: Readonly<Record<string, string>>): string {
  return Object.entries(params)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

/**
 * Decodes an `application/x-www-form-urlencoded` body or a raw query string (with or without
 * the leading `?`) into flat fields. `+` means a space; when a name repeats, the last one wins.
 */
export function parseFormEncoded(text: string): FlatParamMap {
  const out: FlatParamMap = {};
  const body = text.startsWith('?') ? text.slice(1) : text;
  if (body === '') return out;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = percentDecode(eq < 0 ? pair : pair.slice(0, eq), true);
    out[name] = eq < 0 ? '' : percentDecode(pair.slice(eq + 1), true);
  }
  return out;
}

/** A node of the tree rebuilt from dotted field names. */
interface Node {
  value?: string;
  children: Map<string, Node>;
}

function newNode(): Node {
  return { children: new Map() };
}

function coerceScalar(raw: string, type: ShapeSpec['type'] | undefined): unknown {
  if (type === 'integer') {
    return /^-?\d+$/.test(raw.trim()) && Number.isSafeInteger(Number(raw)) ? Number(raw) : raw;
  }
  if (type === 'boolean') {
    const lower = raw.trim().toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : raw;
  }
  return raw;
}

/** Values sent as one JSON field (some SDKs' `json` style) are accepted for arrays and objects. */
function fromJson(raw: string, shape: ShapeSpec): unknown {
  const text = raw.trim();
  const opener = shape.type === 'array' ? '[' : '{';
  if (!text.startsWith(opener)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function build(node: Node, shape: ShapeSpec | undefined): unknown {
  if (shape?.type === 'array') {
    if (node.children.size === 0 && node.value !== undefined)
      return fromJson(node.value, shape) ?? node.value;
    const indexed = [...node.children.entries()]
      .filter(([key]) => /^[1-9]\d*$/.test(key))
      .sort(([a], [b]) => Number(a) - Number(b));
    return indexed.map(([, child]) => build(child, shape.items));
  }
  if (shape?.type === 'object' || (shape === undefined && node.children.size > 0)) {
    if (node.children.size === 0 && node.value !== undefined && shape) {
      return fromJson(node.value, shape) ?? node.value;
    }
    const out: Record<string, unknown> = {};
    for (const [key, child] of node.children) out[key] = build(child, shape?.properties?.[key]);
    return out;
  }
  return node.value === undefined ? undefined : coerceScalar(node.value, shape?.type);
}

/**
 * Rebuilds a nested request from flat fields, using the operation's parameter specs from the
 * catalog: `Name.N` becomes array items (in index order, gaps closed), `Name.Field` object
 * fields, and scalars are coerced to numbers or booleans where the spec says `integer` or
 * `boolean` (a value that does not parse stays a string, so the caller can reject it).
 * An array or object parameter sent as a single JSON field is parsed as JSON.
 * Fields that no spec names are kept under their flat name, as strings.
 */
export function unflatten(
  params: Readonly<Record<string, string>>,
  spec: readonly ParamSpec[],
): Record<string, unknown> {
  const specs = new Map(spec.map((p) => [p.name, p] as const));
  const roots = new Map<string, Node>();
  const out: Record<string, unknown> = {};
  for (const [flatName, value] of Object.entries(params)) {
    const dot = flatName.indexOf('.');
    const head = dot < 0 ? flatName : flatName.slice(0, dot);
    const param = specs.get(head);
    if (!param) {
      out[flatName] = value;
      continue;
    }
    let node = roots.get(head) ?? newNode();
    roots.set(head, node);
    if (dot >= 0) {
      for (const part of flatName.slice(dot + 1).split('.')) {
        const next = node.children.get(part) ?? newNode();
        node.children.set(part, next);
        node = next;
      }
    }
    node.value = value;
  }
  for (const [name, node] of roots) out[name] = build(node, specs.get(name));
  return out;
}
