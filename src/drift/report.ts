/**
 * The drift report: what `pulumi preview --refresh --json` says the next `pulumi up` would
 * change, per resource and attribute, as plain text or Markdown.
 *
 * Where the facts come from. A dynamic provider returns no detailed diff, so the preview's
 * JSON carries no per-attribute diff either. Each changing step does carry its old state (the
 * refreshed one: after a refresh this package records, for every input the program declared,
 * the value the service reports) and its new state (the program's inputs). An attribute
 * drifted when the two differ; the report shows `live → declared`, i.e. the value found in
 * the service and the value `pulumi up` will put back. Nested objects are compared leaf by
 * leaf (`provisioningConfig.scimProvisioningConfig.scimBaseUrl`); string lists as sets.
 *
 * Secrets: the preview prints secret values as `[secret]` (the command never asks for
 * `--show-secrets`), and values under names that hold secrets (passwords, tokens, keys) are
 * masked again here, so a report pasted into a pull request never carries one.
 *
 * Pure functions of the parsed JSON; the CLI (`cli.ts`) runs pulumi and sets the exit code.
 */

/** Masked value shown for secrets. */
export const SECRET_MASK = '[secret]';
/** Shown for a value the preview cannot know yet (it depends on another resource's output). */
export const UNKNOWN_TEXT = '(known after apply)';
/** Pulumi's JSON placeholder of an unknown value. */
const UNKNOWN_SENTINEL = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
/** Attribute names whose values are masked whatever the preview printed (by their last word). */
const SECRET_NAME = /(password|secret|token|encryptkey|privatekey)$/i;

/** What the next `pulumi up` would do to a resource. */
export type DriftAction = 'update' | 'replace' | 'create' | 'delete';

/** One attribute whose live value differs from the declared one. */
export interface AttributeDrift {
  /** Dotted path of the attribute (`displayName`, `oidcSsoConfig.redirectUris`). */
  readonly path: string;
  /** The value found (after refresh); `undefined` when absent. Secrets are masked. */
  readonly live: unknown;
  /** The value the program declares; `undefined` when the program leaves it out. */
  readonly declared: unknown;
  /** For string lists: members the program declares that are missing live. */
  readonly added?: readonly string[];
  /** For string lists: members found live that the program does not declare. */
  readonly removed?: readonly string[];
}

/** One resource the next `up` would change. */
export interface ResourceDrift {
  /** The URN. */
  readonly urn: string;
  /** Short type (`User`, or the full token for other packages' types). */
  readonly type: string;
  /** Resource name in the program. */
  readonly name: string;
  /** What `up` would do. */
  readonly action: DriftAction;
  /** Attributes that differ (empty for create/delete, or when only secret values changed). */
  readonly attributes: readonly AttributeDrift[];
  /** Attributes whose change forces a replacement, when the preview names them. */
  readonly replaceReasons: readonly string[];
}

/** The whole report. */
export interface DriftReport {
  /** Resources that would change, in the preview's order. */
  readonly resources: readonly ResourceDrift[];
  /** Resources the preview looked at (custom resources, the stack excluded). */
  readonly examined: number;
}

type Bag = Record<string, unknown>;

interface PreviewStep {
  op?: string;
  urn?: string;
  oldState?: { inputs?: Bag; type?: string; custom?: boolean };
  newState?: { inputs?: Bag; type?: string; custom?: boolean };
  replaceReasons?: string[];
}

const ACTION_OF: Record<string, DriftAction> = {
  update: 'update',
  replace: 'replace',
  'create-replacement': 'replace',
  'delete-replaced': 'replace',
  create: 'create',
  delete: 'delete',
};
// A refresh that finds an object gone shows as a `delete` step followed by a `create` one.
const RANK: Record<DriftAction, number> = { replace: 4, update: 3, create: 2, delete: 1 };

function isBag(v: unknown): v is Bag {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Parses the text of `pulumi preview --json`; throws with a short reason on anything else. */
export function parsePreview(text: string): { steps: PreviewStep[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('the preview output is not JSON (was `--json` passed?)');
  }
  if (!isBag(parsed) || !Array.isArray(parsed.steps)) {
    throw new Error('the preview JSON has no "steps" list');
  }
  return { steps: parsed.steps as PreviewStep[] };
}

function shortType(type: string): string {
  const m = /^pulumi-nodejs:dynamic\/eiam:(.+)$/.exec(type);
  return m ? m[1] : type;
}

function typeOfUrn(urn: string): string {
  const parts = urn.split('::');
  const t = parts[2] ?? '';
  return t.split('$').pop() ?? t;
}

function nameOfUrn(urn: string): string {
  return urn.split('::').pop() ?? urn;
}

function mask(path: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value === UNKNOWN_SENTINEL) return UNKNOWN_TEXT;
  const leaf = path.split('.').pop() ?? path;
  if (SECRET_NAME.test(leaf) && !isBag(value)) return SECRET_MASK;
  if (isBag(value)) {
    // `{ "4dabf18193072939515e22adb298388d": ... }` is how state JSON writes a secret.
    if ('4dabf18193072939515e22adb298388d' in value) return SECRET_MASK;
    const out: Bag = {};
    for (const [k, v] of Object.entries(value)) out[k] = mask(`${path}.${k}`, v);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => mask(path, v));
  return value;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isStringList(a) && isStringList(b)) {
    return JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function isInternal(key: string): boolean {
  return key.startsWith('__');
}

/** The attributes whose values differ between `live` and `declared`, leaf by leaf. */
export function attributeDrifts(live: Bag, declared: Bag, prefix = ''): AttributeDrift[] {
  const out: AttributeDrift[] = [];
  const keys = [...new Set([...Object.keys(live), ...Object.keys(declared)])]
    .filter((k) => !isInternal(k))
    .sort();
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const l = mask(path, live[key]);
    const d = mask(path, declared[key]);
    if (l === undefined && d === undefined) continue;
    if (isBag(l) && isBag(d)) {
      out.push(...attributeDrifts(l, d, path));
      continue;
    }
    if (sameValue(l, d)) continue;
    if (isStringList(l) && isStringList(d)) {
      out.push({
        path,
        live: l,
        declared: d,
        added: d.filter((x) => !l.includes(x)),
        removed: l.filter((x) => !d.includes(x)),
      });
    } else {
      out.push({ path, live: l, declared: d });
    }
  }
  return out;
}

/** Builds the report from a parsed preview. */
export function buildReport(preview: { steps: readonly PreviewStep[] }): DriftReport {
  const byUrn = new Map<string, ResourceDrift>();
  const examined = new Set<string>();
  for (const step of preview.steps) {
    const urn = step.urn ?? '';
    const type = step.newState?.type ?? step.oldState?.type ?? typeOfUrn(urn);
    if (!urn || type === 'pulumi:pulumi:Stack' || type.startsWith('pulumi:providers:')) continue;
    examined.add(urn);
    const action = ACTION_OF[step.op ?? ''];
    if (!action) continue;
    const live = step.oldState?.inputs;
    const declared = step.newState?.inputs;
    const attributes =
      (action === 'update' || action === 'replace') && live && declared
        ? attributeDrifts(live, declared)
        : [];
    const entry: ResourceDrift = {
      urn,
      type: shortType(type),
      name: nameOfUrn(urn),
      action,
      attributes,
      replaceReasons: step.replaceReasons ?? [],
    };
    const prior = byUrn.get(urn);
    if (!prior) {
      byUrn.set(urn, entry);
    } else {
      // A replacement shows as several steps: keep the strongest action and the richest diff.
      const strongest = RANK[action] > RANK[prior.action] ? action : prior.action;
      const richest = entry.attributes.length > prior.attributes.length ? entry : prior;
      byUrn.set(urn, {
        ...richest,
        action: strongest,
        replaceReasons: [...new Set([...prior.replaceReasons, ...entry.replaceReasons])],
      });
    }
  }
  return { resources: [...byUrn.values()], examined: examined.size };
}

function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (value === SECRET_MASK || value === UNKNOWN_TEXT) return value;
  return JSON.stringify(value);
}

const VERB: Record<DriftAction, string> = {
  update: 'update in place',
  replace: 'replace',
  create: 'create (not found: deleted outside Pulumi, or new in the program)',
  delete: 'delete (no longer declared)',
};
const SIGN: Record<DriftAction, string> = { update: '~', replace: '+-', create: '+', delete: '-' };

function listChange(a: AttributeDrift): string {
  const parts = [
    ...(a.added ?? []).map((x) => `+${JSON.stringify(x)}`),
    ...(a.removed ?? []).map((x) => `-${JSON.stringify(x)}`),
  ];
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function unnamedChange(r: ResourceDrift): boolean {
  return (r.action === 'update' || r.action === 'replace') && r.attributes.length === 0;
}

/** The report as plain text (one block per resource; `live → declared`). */
export function renderText(report: DriftReport): string {
  if (report.resources.length === 0) {
    return `No drift: the ${report.examined} resources match the program.\n`;
  }
  const lines = [
    `Drift: ${report.resources.length} of ${report.examined} resources differ from the program ` +
      '(live value → declared value, which `pulumi up` would apply).',
  ];
  for (const r of report.resources) {
    lines.push('', `${SIGN[r.action]} ${r.type} ${r.name}: ${VERB[r.action]}`);
    for (const a of r.attributes) {
      const forces = r.replaceReasons.includes(a.path.split('.')[0]) ? ' [forces replacement]' : '';
      lines.push(`    ${a.path}: ${show(a.live)} → ${show(a.declared)}${listChange(a)}${forces}`);
    }
    if (unnamedChange(r)) lines.push('    (only secret values differ)');
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  const body = cell(text);
  const fence = body.includes('`') ? '``' : '`';
  return `${fence}${body}${fence}`;
}

/** The report as Markdown, for a pull-request comment. */
export function renderMarkdown(report: DriftReport, title = 'EIAM drift report'): string {
  if (report.resources.length === 0) {
    return `### ${title}\n\nNo drift: the ${report.examined} resources match the program.\n`;
  }
  const lines = [
    `### ${title}`,
    '',
    `**${report.resources.length} of ${report.examined} resources** differ from the program. ` +
      '`pulumi up` would put the declared values back.',
    '',
    '| Resource | Action | Attribute | Live | Declared |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of report.resources) {
    const resource = `${cell(r.type)} ${code(r.name)}`;
    const action = cell(r.action);
    if (r.attributes.length === 0) {
      const note = unnamedChange(r) ? 'only secret values differ' : '';
      lines.push(`| ${resource} | ${action} | ${note} | | |`);
      continue;
    }
    for (const a of r.attributes) {
      lines.push(
        `| ${resource} | ${action} | ${code(a.path)} | ${code(show(a.live))} | ${code(show(a.declared))}${cell(listChange(a))} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
