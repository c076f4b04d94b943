'use strict';
/**
 * The end-to-end tests' Pulumi program. It declares whatever `spec.json` (next to it, written by
 * the test) lists, so one installed program serves every scenario:
 *
 *   {
 *     "resources": [
 *       { "type": "User", "name": "alice", "args": { "instanceId": "${main.instanceId}", ... },
 *         "import": "<id>" }
 *     ],
 *     "exports": { "aliceId": "${alice.userId}" }
 *   }
 *
 * `type` is a resource class exported by the package. In `args` and `exports`:
 *   "${<name>.<output>}"      the output of a resource declared earlier in the list,
 *   { "$secretConfig": "k" }  the secret stack config value `<project>:k`,
 *   { "$secret": value }      `pulumi.secret(value)`.
 * Every resource's id is exported under `ids.<name>`.
 */
const fs = require('node:fs');
const path = require('node:path');
const pulumi = require('@pulumi/pulumi');
const eiam = require('pulumi-alicloud-eiam');

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, 'spec.json'), 'utf8'));
const config = new pulumi.Config();
const declared = new Map();

function resolve(value) {
  if (typeof value === 'string') {
    const ref = /^\$\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}$/.exec(value);
    if (!ref) return value;
    const target = declared.get(ref[1]);
    if (!target)
      throw new Error(`spec.json: "${value}" refers to "${ref[1]}", which is not declared before it`);
    return target[ref[2]];
  }
  if (Array.isArray(value)) return value.map(resolve);
  if (value !== null && typeof value === 'object') {
    if ('$secretConfig' in value) return config.requireSecret(value.$secretConfig);
    if ('$secret' in value) return pulumi.secret(value.$secret);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  }
  return value;
}

for (const r of spec.resources) {
  const Resource = eiam[r.type];
  if (typeof Resource !== 'function')
    throw new Error(`spec.json: the package exports no resource "${r.type}"`);
  const opts = {};
  if (r.import) opts.import = r.import;
  declared.set(r.name, new Resource(r.name, resolve(r.args), opts));
}

exports.ids = Object.fromEntries([...declared].map(([name, res]) => [name, res.id]));
Object.assign(exports, resolve(spec.exports ?? {}));
