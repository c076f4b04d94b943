/**
 * The one lookup convention (docs/contributing.md, "Adding a lookup"): every lookup module
 * defines each lookup with one `defineLookup` call and exports its two forms, `getX` and
 * `getXOutput`; no module writes a lookup function by hand.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import * as lookups from '../../src/lookups';

const DIR = join(__dirname, '../../src/lookups');
const MODULES = readdirSync(DIR).filter(
  (f) => f.endsWith('.ts') && f !== 'connection.ts' && f !== 'index.ts',
);

describe('lookup modules', () => {
  it.each(MODULES)('%s exports its lookups only as defineLookup pairs', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const handWritten = [...text.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]);
    expect(handWritten).toEqual([]);
    const exported = [...text.matchAll(/^export const (get\w+) =\s+(\w+)\.(get|output);$/gm)];
    const names = exported.map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const [, name, definition, form] of exported) {
      if (form !== 'get') continue;
      expect(names).toContain(`${name}Output`);
      expect(text).toMatch(new RegExp(`export const ${name}Output =\\s+${definition}\\.output;`));
      expect(text).toMatch(new RegExp(`const ${definition} = defineLookup\\(`));
    }
  });

  it('exports both forms of every lookup from the lookups barrel', () => {
    const forms = Object.entries(lookups).filter(([name]) => /^get[A-Z]/.test(name));
    const promises = forms.filter(([name]) => !name.endsWith('Output'));
    expect(promises.length).toBeGreaterThan(0);
    for (const [name, fn] of promises) {
      expect(typeof fn).toBe('function');
      expect(typeof (lookups as Record<string, unknown>)[`${name}Output`]).toBe('function');
    }
  });
});
