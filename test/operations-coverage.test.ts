import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';
import { OPERATIONS, type OperationName } from '../src/catalog';

/** Every operation of the catalog: the seed list, the extras and each family. */
const ALL_OPERATIONS = Object.keys(OPERATIONS) as OperationName[];

const ROOT = join(__dirname, '..');
/** Where the operations of the API must be put to use: the resources and the lookup functions. */
const USING_DIRS = ['src/resources', 'src/lookups'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Operation names that appear as a quoted string literal (a call site such as `client.call('GetUser', …)`). */
function quotedOperationNames(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of USING_DIRS) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/['"`]([A-Z][A-Za-z0-9]+)['"`]/g)) {
        const files = found.get(match[1]) ?? [];
        files.push(relative(ROOT, file));
        found.set(match[1], files);
      }
    }
  }
  return found;
}

describe('operations coverage', () => {
  const used = quotedOperationNames();

  it.each(ALL_OPERATIONS)('%s is called from src/resources or src/lookups', (operation) => {
    expect(used.has(operation) ? operation : `${operation} is used nowhere`).toBe(operation);
  });

  it('docs/operations.md has a row for every operation', () => {
    const doc = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
    const rows = new Set([...doc.matchAll(/^\|\s*`?([A-Za-z]+)`?\s*\|/gm)].map((m) => m[1]));
    const missing = ALL_OPERATIONS.filter((op) => !rows.has(op));
    expect(missing).toEqual([]);
  });
});
