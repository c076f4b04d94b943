/**
 * The package root (`require('pulumi-alicloud-eiam')`) is public API: the resource classes,
 * their type tokens, the enum values and the lookups. The providers and the check and diff
 * machinery stay internal (reachable by subpath, which serialization needs). The lists below
 * are derived from the modules, so a new resource is covered without editing this test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EiamResource } from '../../src/resources/provider-kit';

const root = require('../../src') as Record<string, unknown>;
const resourcesDir = path.resolve(__dirname, '..', '..', 'src', 'resources');
const lookupsDir = path.resolve(__dirname, '..', '..', 'src', 'lookups');

function moduleExports(dir: string): [file: string, name: string, value: unknown][] {
  const out: [string, string, unknown][] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    const mod = require(path.join(dir, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) out.push([file, name, value]);
  }
  return out;
}

const resourceExports = moduleExports(resourcesDir);
const lookupExports = moduleExports(lookupsDir);

/**
 * Provider objects are camelCase (`groupProvider`, `groupImplementation`); a class or a lookup
 * may end in "Provider" too (`IdentityProvider`, `getIdentityProvider`).
 */
function isProviderName(name: string): boolean {
  return /^[a-z].*(Implementation|Provider)$/.test(name) && !/^get[A-Z]/.test(name);
}

/** What the root must not offer: provider objects, check/diff tables, helpers of the kit. */
function isInternal(name: string, value: unknown): boolean {
  return (
    isProviderName(name) ||
    /_(DIFF|FIELDS|PATHS)$/.test(name) ||
    (typeof value === 'function' && /^(check|read|restore|mask|declared|root|with|is)[A-Z]?/.test(name))
  );
}

test('the root exports no provider, implementation, table or helper of the resources', () => {
  const internal = resourceExports.filter(([, name, value]) => isInternal(name, value));
  // The filter must find the providers of every resource module, or it checks nothing.
  expect(internal.filter(([, name]) => /Provider$/.test(name)).length).toBeGreaterThan(0);
  const leaked = internal.filter(([, name]) => name in root).map(([file, name]) => `${file}: ${name}`);
  expect(leaked).toEqual([]);
  expect(Object.keys(root).filter(isProviderName)).toEqual([]);
});

test('the root exports every resource class and its type token', () => {
  const classes = resourceExports.filter(
    ([, , value]) => typeof value === 'function' && value.prototype instanceof EiamResource,
  );
  expect(classes.length).toBeGreaterThan(0);
  for (const [file, name, value] of classes) {
    expect([file, name, root[name] === value]).toEqual([file, name, true]);
    const token = `pulumi-nodejs:dynamic/eiam:${name}`;
    expect([name, Object.values(root).includes(token)]).toEqual([name, true]);
  }
});

test('the root exports every lookup function and none of the lookups’ plumbing', () => {
  const lookups = lookupExports.filter(
    ([, name, value]) => typeof value === 'function' && /^get[A-Z]/.test(name),
  );
  expect(lookups.length).toBeGreaterThan(0);
  for (const [file, name, value] of lookups)
    expect([file, name, root[name] === value]).toEqual([file, name, true]);
  const plumbing = lookupExports.filter(([file]) => file === 'connection.ts');
  expect(plumbing.length).toBeGreaterThan(0);
  expect(plumbing.filter(([, name]) => name in root).map(([, name]) => name)).toEqual([]);
});

test('every value at the root is a resource class, a type token, an enum list or a lookup', () => {
  const unexpected = Object.entries(root)
    .filter(([name, value]) => {
      if (typeof value === 'function')
        return !(value.prototype instanceof EiamResource) && !/^get[A-Z]/.test(name);
      if (typeof value === 'string') return !/_TYPE$/.test(name) && name !== 'PATH_SEPARATOR';
      if (Array.isArray(value)) return !value.every((v) => typeof v === 'string');
      return name !== 'PASSWORD_POLICY_DEFAULTS';
    })
    .map(([name]) => name);
  expect(unexpected).toEqual([]);
});
