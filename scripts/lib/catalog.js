'use strict';
/**
 * The catalog generator's pure part (the command is `scripts/generate-catalog.js`).
 *
 * Two committed, project-owned files are the source of `src/catalog/`:
 * - `src/catalog/source/operations.json`, the compact description: for each selected operation,
 *   its request parameters and response fields in a short notation (see {@link compactShape}).
 *   It is extracted from Alibaba's API description with {@link extractCompact}; nobody edits it.
 * - `src/catalog/source/overlay.json`, hand-edited: the selection of operations (in groups, in
 *   order), which operations only read, which take a `ClientToken`, their pagination styles and
 *   the enums (value lists of enum-like parameters), facts the API description does not state
 *   in a usable form.
 *
 * From those two, {@link renderCatalog} writes `operations.ts`, `types.ts` and `enums.ts`. Every
 * function here is pure (text in, text out), so a test can regenerate in memory and compare.
 * The output is already in the repository's prettier style (110 columns, single quotes,
 * trailing commas), so `prettier --check` and a byte-for-byte comparison both hold.
 */

/** Where the sources and the generated files live, relative to the repository root. */
const PATHS = {
  compact: 'src/catalog/source/operations.json',
  overlay: 'src/catalog/source/overlay.json',
  operations: 'src/catalog/operations.ts',
  types: 'src/catalog/types.ts',
  enums: 'src/catalog/enums.ts',
};

const PRINT_WIDTH = 110;
const SCALARS = ['string', 'integer', 'boolean'];
const PAGINATION_PARAMS = { page: ['PageNumber', 'PageSize'], token: ['NextToken', 'MaxResults'] };
const TS_SCALAR = { string: 'string', integer: 'number', boolean: 'boolean' };
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// ---------------------------------------------------------------------------------------------
// API description → compact description

/**
 * The compact notation of one shape of the API description: `"string"`, `"integer"` or
 * `"boolean"` for scalars, `[item]` for an array, `{ Field: shape, … }` for an object. Only
 * names and types are kept (no descriptions or examples).
 */
function compactShape(field, where) {
  if (SCALARS.includes(field.type)) return field.type;
  if (field.type === 'array') {
    if (!field.items) throw new Error(`${where}: array without items`);
    return [compactShape(field.items, `${where}[]`)];
  }
  if (field.type === 'object') {
    const out = {};
    for (const p of field.properties ?? []) out[p.name] = compactShape(p, `${where}.${p.name}`);
    return out;
  }
  throw new Error(`${where}: unknown type ${JSON.stringify(field.type)}`);
}

/**
 * The compact description of `names` from an API description (`{ product, version, operations,
 * extraOperations }`, each operation `{ request: Field[], response: Field[] }`). A required
 * top-level parameter's name gets a trailing `!` (`"InstanceId!": "string"`).
 */
function extractCompact(api, names) {
  const operations = {};
  const missing = [];
  for (const name of names) {
    const op = api.operations?.[name] ?? api.extraOperations?.[name];
    if (!op) {
      missing.push(name);
      continue;
    }
    const request = {};
    for (const p of op.request)
      request[`${p.name}${p.required ? '!' : ''}`] = compactShape(p, `${name}.${p.name}`);
    const response = {};
    for (const p of op.response) response[p.name] = compactShape(p, `${name}.${p.name}`);
    operations[name] = { request, response };
  }
  if (missing.length > 0) throw new Error(`Not in the API description: ${missing.join(', ')}`);
  return { product: api.product, version: api.version, operations };
}

/**
 * Enum candidates of the selected operations: string request parameters whose description in
 * the API file lists values as bullets (`- value: …`), each with the values found and the
 * overlay enum that already names the parameter, if any. For `--suggest-enums`: a reading aid
 * when adding operations; nothing of it is written to the repository.
 */
function enumCandidates(api, overlay) {
  const owner = new Map();
  for (const [typeName, e] of Object.entries(overlay.enums))
    for (const ref of e.params) owner.set(ref, typeName);
  const found = [];
  const visit = (where, field) => {
    if (field.type === 'string') {
      const values = [
        ...(field.description ?? '').matchAll(/^\s*[-*]\s+`?([A-Za-z0-9_:.-]+)`?\s*(?:[:(（]|$)/gm),
      ];
      if (values.length > 0)
        found.push({ param: where, values: values.map((m) => m[1]), enum: owner.get(where) });
    }
    if (field.items) visit(`${where}[]`, field.items);
    for (const p of field.properties ?? []) visit(`${where}.${p.name}`, p);
  };
  for (const name of selectedNames(overlay)) {
    const op = api.operations?.[name] ?? api.extraOperations?.[name];
    for (const p of op?.request ?? []) visit(`${name}.${p.name}`, p);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Compact description → catalog specs

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A compact shape → the catalog's `ShapeSpec` object. */
function specOf(shape, where) {
  if (typeof shape === 'string') {
    if (!SCALARS.includes(shape)) throw new Error(`${where}: unknown type ${JSON.stringify(shape)}`);
    return { type: shape };
  }
  if (Array.isArray(shape)) {
    if (shape.length !== 1) throw new Error(`${where}: an array shape has exactly one item shape`);
    return { type: 'array', items: specOf(shape[0], `${where}[]`) };
  }
  if (isPlainObject(shape)) {
    const properties = {};
    for (const [name, sub] of Object.entries(shape)) properties[name] = specOf(sub, `${where}.${name}`);
    return { type: 'object', properties };
  }
  throw new Error(`${where}: not a shape: ${JSON.stringify(shape)}`);
}

/** The request parameters of a compact operation as `ParamSpec`-like objects, in order. */
function paramsOf(name, op) {
  return Object.entries(op.request).map(([raw, shape]) => {
    const required = raw.endsWith('!');
    const param = required ? raw.slice(0, -1) : raw;
    return { name: param, required, spec: specOf(shape, `${name}.${param}`) };
  });
}

// ---------------------------------------------------------------------------------------------
// Consistency of the overlay with the compact description

/** The operation names of the selection, in order (groups concatenated). */
function selectedNames(overlay) {
  return overlay.selection.flatMap((group) => group.operations);
}

/** The shape at `path` (`Param.Field[].Sub`, `[]` = array item) of an operation's request. */
function shapeAt(params, path) {
  const parts = path.split('.');
  let spec;
  for (const [i, raw] of parts.entries()) {
    const items = raw.match(/(\[\])*$/)[0].length / 2;
    const key = raw.slice(0, raw.length - items * 2);
    if (i === 0) spec = params.find((p) => p.name === key)?.spec;
    else spec = spec?.properties?.[key];
    for (let n = 0; n < items && spec; n++) spec = spec.items;
    if (!spec) return undefined;
  }
  return spec;
}

/**
 * Every disagreement between the overlay and the compact description, as sentences; empty when
 * they agree. Checked: the selection has no duplicates and matches the compact description;
 * the `readOnly`, `clientToken` and `pagination` lists name selected operations; `clientToken`
 * lists exactly the operations that have a `ClientToken` parameter; `pagination` lists exactly
 * the operations with paging parameters, and each style's parameters exist; enum names, const
 * names and values are unique, and every enum parameter path is a string in the request.
 */
function problemsOf(compact, overlay) {
  const problems = [];
  const names = selectedNames(overlay);
  const selected = new Set(names);
  const seen = new Set();
  for (const name of names) {
    if (seen.has(name)) problems.push(`${name} is selected twice.`);
    seen.add(name);
    if (!compact.operations[name]) {
      problems.push(`${name} is selected but not in ${PATHS.compact}: run with --from <api.json>.`);
    }
  }
  for (const name of Object.keys(compact.operations)) {
    if (!selected.has(name)) problems.push(`${name} is in ${PATHS.compact} but not selected.`);
  }
  const unknown = (list, what) => {
    for (const name of list) if (!selected.has(name)) problems.push(`${what} names ${name}, not selected.`);
  };
  unknown(overlay.readOnly, 'readOnly');
  unknown(overlay.clientToken, 'clientToken');
  unknown(Object.keys(overlay.pagination), 'pagination');

  for (const name of names) {
    const op = compact.operations[name];
    if (!op) continue;
    const params = paramsOf(name, op);
    const has = (p) => params.some((x) => x.name === p);
    const declaresToken = overlay.clientToken.includes(name);
    if (has('ClientToken') !== declaresToken) {
      problems.push(
        declaresToken
          ? `${name} is listed in clientToken but has no ClientToken parameter.`
          : `${name} takes a ClientToken: list it in clientToken.`,
      );
    }
    const styles = overlay.pagination[name];
    const pages = Object.values(PAGINATION_PARAMS).some((ps) => ps.some(has));
    if (styles === undefined && pages)
      problems.push(`${name} has paging parameters: declare its pagination.`);
    for (const style of styles ?? []) {
      const needed = PAGINATION_PARAMS[style];
      if (!needed) problems.push(`${name}: unknown pagination style ${JSON.stringify(style)}.`);
      else if (!needed.every(has))
        problems.push(`${name}: pagination ${style} needs ${needed.join(' and ')}.`);
    }
  }

  const consts = new Set();
  for (const [typeName, e] of Object.entries(overlay.enums)) {
    if (!IDENTIFIER.test(typeName) || !IDENTIFIER.test(e.const)) {
      problems.push(`enum ${typeName}: names must be identifiers.`);
    }
    if (consts.has(e.const)) problems.push(`enum ${typeName}: const ${e.const} is used twice.`);
    consts.add(e.const);
    if (e.values.length === 0) problems.push(`enum ${typeName} has no values.`);
    if (new Set(e.values).size !== e.values.length) problems.push(`enum ${typeName} repeats a value.`);
    for (const ref of e.params) {
      const dot = ref.indexOf('.');
      const opName = ref.slice(0, dot);
      const op = compact.operations[opName];
      const spec = op && dot > 0 ? shapeAt(paramsOf(opName, op), ref.slice(dot + 1)) : undefined;
      if (!spec) problems.push(`enum ${typeName}: no request parameter ${ref}.`);
      else if (spec.type !== 'string') problems.push(`enum ${typeName}: ${ref} is not a string.`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Printing (prettier-stable)

function quote(text) {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function key(name) {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/** `head[a, b]tail` on one line when it fits, else one item per line (as prettier breaks it). */
function list(indent, head, items, tail, trailingComma = true) {
  const flat = `${indent}${head}[${items.join(', ')}]${tail}`;
  if (items.length === 0 || flat.length <= PRINT_WIDTH) return [flat];
  const inner = items.map(
    (item, i) => `${indent}  ${item}${trailingComma || i < items.length - 1 ? ',' : ''}`,
  );
  return [`${indent}${head}[`, ...inner, `${indent}]${tail}`];
}

/** A `ShapeSpec` as an expanded TypeScript object literal (the catalog's layout). */
function shapeLiteral(spec, indent) {
  const lines = [`${indent}  type: ${quote(spec.type)},`];
  if (spec.items) {
    lines.push(`${indent}  items: {`, ...shapeLiteral(spec.items, `${indent}  `), `${indent}  },`);
  }
  if (spec.properties) {
    lines.push(...propertiesLiteral(spec.properties, `${indent}  `));
  }
  return lines;
}

function propertiesLiteral(properties, indent) {
  const entries = Object.entries(properties);
  if (entries.length === 0) return [`${indent}properties: {},`];
  const lines = [`${indent}properties: {`];
  for (const [name, sub] of entries) {
    lines.push(`${indent}  ${key(name)}: {`, ...shapeLiteral(sub, `${indent}  `), `${indent}  },`);
  }
  lines.push(`${indent}},`);
  return lines;
}

/** `text` as comment lines starting with `lead`, wrapped at 100 columns. */
function wrap(lead, text) {
  const lines = [];
  let line = lead;
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > 100 && line !== lead) {
      lines.push(line);
      line = lead;
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

const comment = (text) => wrap('//', text);
const docLines = (text) => wrap(' *', text);

function header(what, sources) {
  return [
    ...comment(what),
    ...comment(
      `Generated by \`npm run catalog\` (scripts/generate-catalog.js) from ${sources}. Do not edit: change the sources and run the generator (test/catalog/generated.test.ts checks that this file is what they give).`,
    ),
  ];
}

const SOURCES = `${PATHS.compact} and ${PATHS.overlay}`;

/** The text of `src/catalog/operations.ts`. */
function renderOperations(compact, overlay) {
  const out = [
    ...header(
      `Operation catalog of the EIAM API (${compact.product} ${compact.version}): the name and shape of every request parameter and response field of the operations the project implements, and whether each writes, takes a ClientToken or pages.`,
      SOURCES,
    ),
    '',
    "import type { OperationSpec } from './spec';",
    '',
  ];
  for (const group of overlay.selection) {
    out.push(`/** ${group.doc} */`);
    out.push(...list('', `export const ${group.const} = `, group.operations.map(quote), ' as const;'));
    out.push('');
  }
  const members = overlay.selection.map((g) => `(typeof ${g.const})[number]`);
  const union = `export type OperationName = ${members.join(' | ')};`;
  out.push('/** Every operation the client and the local server speak. */');
  const next = `  ${members.join(' | ')};`;
  if (union.length <= PRINT_WIDTH) out.push(union);
  else if (next.length <= PRINT_WIDTH) out.push('export type OperationName =', next);
  else
    out.push(
      'export type OperationName =',
      ...members.map((m, i) => `  | ${m}${i === members.length - 1 ? ';' : ''}`),
    );
  out.push('');
  out.push('/** Request parameters, response fields and traits of each operation. */');
  out.push('export const OPERATIONS: Record<OperationName, OperationSpec> = {');
  for (const name of selectedNames(overlay)) {
    const op = compact.operations[name];
    out.push(`  ${name}: {`);
    out.push(`    writes: ${!overlay.readOnly.includes(name)},`);
    out.push(`    clientToken: ${overlay.clientToken.includes(name)},`);
    const styles = overlay.pagination[name];
    if (styles) out.push(...list('    ', 'pagination: ', styles.map(quote), ','));
    const params = paramsOf(name, op);
    if (params.length === 0) out.push('    request: [],');
    else {
      out.push('    request: [');
      for (const p of params) {
        out.push('      {', `        name: ${quote(p.name)},`, `        type: ${quote(p.spec.type)},`);
        if (p.required) out.push('        required: true,');
        if (p.spec.items)
          out.push('        items: {', ...shapeLiteral(p.spec.items, '        '), '        },');
        if (p.spec.properties) out.push(...propertiesLiteral(p.spec.properties, '        '));
        out.push('      },');
      }
      out.push('    ],');
    }
    const response = specOf(op.response, `${name} response`).properties;
    if (Object.keys(response).length === 0) out.push('    response: {},');
    else {
      out.push('    response: {');
      for (const [field, spec] of Object.entries(response)) {
        out.push(`      ${key(field)}: {`, ...shapeLiteral(spec, '      '), '      },');
      }
      out.push('    },');
    }
    out.push('  },');
  }
  out.push('};', '');
  return out.join('\n');
}

/** A `ShapeSpec` as a TypeScript type, expanded like prettier prints a multi-line type. */
function tsType(spec, indent) {
  if (spec.type === 'array') {
    const item = tsType(spec.items, indent);
    return item.startsWith('{') ? `${item}[]` : item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  if (spec.type === 'object') {
    const fields = Object.entries(spec.properties);
    if (fields.length === 0) return '{}';
    const lines = fields.map(([name, sub]) => `${indent}  ${key(name)}?: ${tsType(sub, `${indent}  `)};`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return TS_SCALAR[spec.type];
}

/** The text of `src/catalog/types.ts`. */
function renderTypes(compact, overlay) {
  const out = [
    ...header(
      'Request and response types of every operation of catalog/operations.ts. Every response field is optional because the service omits empty ones.',
      SOURCES,
    ),
    '',
  ];
  const names = selectedNames(overlay);
  for (const name of names) {
    const op = compact.operations[name];
    const params = paramsOf(name, op);
    if (params.length === 0) out.push(`export interface ${name}Request {}`);
    else {
      out.push(`export interface ${name}Request {`);
      for (const p of params) out.push(`  ${key(p.name)}${p.required ? '' : '?'}: ${tsType(p.spec, '  ')};`);
      out.push('}');
    }
    out.push('');
    const response = Object.entries(specOf(op.response, `${name} response`).properties);
    if (response.length === 0) out.push(`export interface ${name}Response {}`);
    else {
      out.push(`export interface ${name}Response {`);
      for (const [field, spec] of response) out.push(`  ${key(field)}?: ${tsType(spec, '  ')};`);
      out.push('}');
    }
    out.push('');
  }
  out.push('/** Maps each operation name to its request and response types. */');
  out.push('export interface OperationTypes {');
  for (const name of names) {
    const flat = `  ${name}: { request: ${name}Request; response: ${name}Response };`;
    if (flat.length <= PRINT_WIDTH) out.push(flat);
    else out.push(`  ${name}: {`, `    request: ${name}Request;`, `    response: ${name}Response;`, '  };');
  }
  out.push('}', '');
  return out.join('\n');
}

/** The text of `src/catalog/enums.ts`. */
function renderEnums(overlay) {
  const out = [
    ...header(
      'Value lists of the enum-like parameters of the EIAM API: each value is spelled here once, as an `as const` tuple with its union type.',
      PATHS.overlay,
    ),
  ];
  for (const [typeName, e] of Object.entries(overlay.enums)) {
    const used = e.params.map((p) => `\`${p}\``).join(', ');
    out.push('', '/**', ...docLines(e.doc), ...docLines(`Parameters: ${used}.`), ' */');
    out.push(...list('', `export const ${e.const} = `, e.values.map(quote), ' as const;'));
    out.push(`/** One of {@link ${e.const}}. */`);
    const alias = `export type ${typeName} = (typeof ${e.const})[number];`;
    if (alias.length <= PRINT_WIDTH) out.push(alias);
    else out.push(`export type ${typeName} =`, `  (typeof ${e.const})[number];`);
  }
  out.push('');
  return out.join('\n');
}

/**
 * The compact description as JSON text in prettier's layout: objects one key per line, arrays of
 * scalars on one line when they fit.
 */
function renderJson(value) {
  const lines = [];
  const emit = (v, indent, head, comma) => {
    const tail = comma ? ',' : '';
    if (Array.isArray(v)) {
      if (v.length === 0) return lines.push(`${indent}${head}[]${tail}`);
      if (v.every((x) => typeof x !== 'object' || x === null)) {
        return lines.push(
          ...list(
            indent,
            head,
            v.map((x) => JSON.stringify(x)),
            tail,
            false,
          ),
        );
      }
      lines.push(`${indent}${head}[`);
      v.forEach((x, i) => emit(x, `${indent}  `, '', i < v.length - 1));
      return lines.push(`${indent}]${tail}`);
    }
    if (isPlainObject(v)) {
      const entries = Object.entries(v);
      if (entries.length === 0) return lines.push(`${indent}${head}{}${tail}`);
      lines.push(`${indent}${head}{`);
      entries.forEach(([k, x], i) =>
        emit(x, `${indent}  `, `${JSON.stringify(k)}: `, i < entries.length - 1),
      );
      return lines.push(`${indent}}${tail}`);
    }
    return lines.push(`${indent}${head}${JSON.stringify(v)}${tail}`);
  };
  emit(value, '', '', false);
  return `${lines.join('\n')}\n`;
}

/**
 * Every generated file (path relative to the repository root → text) from the compact
 * description and the overlay; throws when they disagree (see {@link problemsOf}).
 */
function renderCatalog(compact, overlay) {
  const problems = problemsOf(compact, overlay);
  if (problems.length > 0) throw new Error(`The catalog sources disagree:\n- ${problems.join('\n- ')}`);
  return {
    [PATHS.operations]: renderOperations(compact, overlay),
    [PATHS.types]: renderTypes(compact, overlay),
    [PATHS.enums]: renderEnums(overlay),
  };
}

module.exports = {
  PATHS,
  compactShape,
  enumCandidates,
  extractCompact,
  problemsOf,
  renderCatalog,
  renderJson,
  selectedNames,
};
