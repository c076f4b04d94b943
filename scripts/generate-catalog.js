#!/usr/bin/env node
'use strict';
/**
 * `npm run catalog [-- --from <api.json>] [-- --check]`: writes `src/catalog/operations.ts`,
 * `types.ts` and `enums.ts` from the catalog's committed sources (`src/catalog/source/`).
 *
 * --from <file>  first re-extract the compact description (`source/operations.json`) of the
 *                operations selected in `source/overlay.json` from an API description file
 *                (Alibaba's operations in JSON, e.g. the reference `eiam-api-2021-12-01.json`).
 *                Needed after adding an operation to the selection.
 * --check        write nothing; exit 1 and name the files that are not what the sources give.
 * --suggest-enums  with --from: write nothing; list the string parameters of the selection whose
 *                description enumerates values, and the overlay enum that covers each (if any).
 *                A reading aid for filling `enums` in the overlay.
 *
 * See docs/contributing.md ("Adding an operation") and scripts/lib/catalog.js for the formats.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const catalog = require('./lib/catalog');

const repoRoot = path.resolve(__dirname, '..');
const USAGE =
  'Usage: node scripts/generate-catalog.js [--from <api-description.json>] [--check | --suggest-enums]';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function main() {
  let args;
  try {
    args = parseArgs({
      options: { from: { type: 'string' }, check: { type: 'boolean' }, 'suggest-enums': { type: 'boolean' } },
    }).values;
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    return 2;
  }
  const at = (rel) => path.join(repoRoot, rel);
  const overlay = readJson(at(catalog.PATHS.overlay));
  const files = {};
  let compact;
  if (args['suggest-enums']) {
    if (!args.from) throw new Error(`--suggest-enums needs --from <api.json>.\n${USAGE}`);
    for (const c of catalog.enumCandidates(readJson(path.resolve(args.from)), overlay)) {
      console.log(`${c.param}: ${c.values.join(', ')}  [${c.enum ? `enum ${c.enum}` : 'no enum'}]`);
    }
    return 0;
  }
  if (args.from) {
    compact = catalog.extractCompact(readJson(path.resolve(args.from)), catalog.selectedNames(overlay));
    files[catalog.PATHS.compact] = catalog.renderJson(compact);
  } else {
    compact = readJson(at(catalog.PATHS.compact));
  }
  Object.assign(files, catalog.renderCatalog(compact, overlay));

  const stale = Object.keys(files).filter((rel) => {
    const file = at(rel);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== files[rel];
  });
  if (args.check) {
    for (const rel of stale)
      console.error(`${rel} is not what the catalog sources give; run npm run catalog.`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const rel of stale) fs.writeFileSync(at(rel), files[rel]);
  const ops = catalog.selectedNames(overlay).length;
  console.log(`${ops} operations; ${stale.length === 0 ? 'nothing changed' : `wrote ${stale.join(', ')}`}.`);
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
}
