/**
 * The drift report on `pulumi preview --refresh --json` output recorded from the real engine
 * (fixtures/, from the quickstart stack with changes made through the API, serialized providers
 * and most unchanged steps trimmed), and the gate's exit codes through its `main`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT_CLEAN, EXIT_DRIFT, EXIT_ERROR, main } from '../../src/drift/cli';
import { buildReport, parsePreview, renderMarkdown, renderText, SECRET_MASK } from '../../src/drift/report';

const fixture = (name: string) => path.join(__dirname, 'fixtures', `${name}.json`);
const reportOf = (name: string) => buildReport(parsePreview(fs.readFileSync(fixture(name), 'utf8')));

async function gate(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    args,
    (t) => (out += t),
    (t) => (err += t),
  );
  return { code, out, err };
}

describe('drift report from recorded previews', () => {
  test('no drift: nothing listed, exit 0', async () => {
    expect(reportOf('no-drift').resources).toEqual([]);
    const r = await gate(['--input', fixture('no-drift')]);
    expect(r.code).toBe(EXIT_CLEAN);
    expect(r.out).toMatch(/^No drift: the \d+ resources match the program\.\n$/);
  });

  test('attribute drift: each changed attribute with its live and declared value, sets as +/-', () => {
    const report = reportOf('update-drift');
    const summary = report.resources.map((r) => [
      r.type,
      r.name,
      r.action,
      r.attributes.map((a) => [a.path, a.live, a.declared]),
    ]);
    expect(summary).toEqual([
      ['Application', 'wiki', 'update', [['description', 'hacked', 'Engineering and company wiki']]],
      ['User', 'alice', 'update', [['displayName', 'Alice (edited by hand)', 'Alice Chen']]],
      ['GroupMembers', 'on-call-members', 'update', [['userIds', expect.any(Array), expect.any(Array)]]],
    ]);
    const members = report.resources[2].attributes[0];
    expect(members.added).toHaveLength(1);
    expect(members.removed).toHaveLength(1);
    // The password is declared on every user: it is never a drift and never shown.
    expect(renderText(report)).not.toMatch(/password/i);
  });

  test('an object deleted outside Pulumi (and what depended on it) is reported as a create', () => {
    const creates = reportOf('deleted-group')
      .resources.filter((r) => r.action === 'create')
      .map((r) => `${r.type} ${r.name}`)
      .sort();
    expect(creates).toEqual([
      'ApplicationAuthorization dashboard-admins',
      'Group admins',
      'GroupMembership admins-alice',
      'GroupMembership admins-grace',
    ]);
  });

  test('a replacement names the attribute that forces it; unknown values read as such', () => {
    const report = reportOf('replace');
    const sales = report.resources.find((r) => r.name === 'sales')!;
    expect(sales.action).toBe('replace');
    expect(sales.replaceReasons).toEqual(['organizationalUnitExternalId']);
    const text = renderText(report);
    expect(text).toContain('organizationalUnitExternalId: (not set) → "sales-ext" [forces replacement]');
    expect(text).toContain('primaryOrganizationalUnitId: "ou_');
    expect(text).toContain('→ (known after apply)');
  });

  test('markdown: one table row per attribute, pipes escaped', () => {
    const md = renderMarkdown(reportOf('update-drift'), 'Nightly drift');
    expect(md).toContain('### Nightly drift');
    expect(md).toContain(
      '| User `alice` | update | `displayName` | `"Alice (edited by hand)"` | `"Alice Chen"` |',
    );
    const steps = {
      steps: [
        {
          op: 'update',
          urn: 'urn:pulumi:s::p::pulumi-nodejs:dynamic/eiam:Group::g',
          oldState: { type: 'pulumi-nodejs:dynamic/eiam:Group', inputs: { description: 'a|b' } },
          newState: { type: 'pulumi-nodejs:dynamic/eiam:Group', inputs: { description: 'c' } },
        },
      ],
    };
    expect(renderMarkdown(buildReport(steps))).toContain('`"a\\|b"`');
  });

  test('secrets are masked even when the preview printed them, nested ones included', () => {
    const report = buildReport({
      steps: [
        {
          op: 'update',
          urn: 'urn:pulumi:s::p::pulumi-nodejs:dynamic/eiam:Application::app',
          oldState: {
            type: 'pulumi-nodejs:dynamic/eiam:Application',
            inputs: {
              password: 'old-plain',
              passwordMinLength: 8,
              provisioningConfig: { scim: { accessToken: 'tok-old', baseUrl: 'https://a' } },
            },
          },
          newState: {
            type: 'pulumi-nodejs:dynamic/eiam:Application',
            inputs: {
              password: 'new-plain',
              passwordMinLength: 12,
              provisioningConfig: { scim: { accessToken: 'tok-new', baseUrl: 'https://b' } },
            },
          },
        },
      ],
    });
    const text = renderText(report) + renderMarkdown(report);
    expect(text).not.toMatch(/old-plain|new-plain|tok-old|tok-new/);
    // Names that merely start with "password" are not secrets.
    expect(report.resources[0].attributes).toEqual([
      { path: 'passwordMinLength', live: 8, declared: 12 },
      { path: 'provisioningConfig.scim.baseUrl', live: 'https://a', declared: 'https://b' },
    ]);
    expect(SECRET_MASK).toBe('[secret]');
  });
});

describe('eiam-drift exit codes', () => {
  test('1 on drift, with the Markdown report written to a file as well', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-drift-'));
    try {
      const md = path.join(dir, 'report.md');
      const r = await gate(['--input', fixture('update-drift'), '--markdown-file', md]);
      expect(r.code).toBe(EXIT_DRIFT);
      expect(r.out).toContain('~ User alice: update in place');
      expect(fs.readFileSync(md, 'utf8')).toContain('| Resource | Action | Attribute | Live | Declared |');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('2 when pulumi cannot be run', async () => {
    const saved = process.env.PATH;
    process.env.PATH = path.join(os.tmpdir(), 'no-such-bin-dir');
    try {
      const r = await gate(['--stack', 'dev']);
      expect(r.code).toBe(EXIT_ERROR);
      expect(r.err).toContain('cannot run pulumi');
    } finally {
      process.env.PATH = saved;
    }
  });

  test('2 on input that is not a preview, and on a bad option', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-drift-'));
    try {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, 'Previewing update (dev):\n');
      const r = await gate(['--input', bad]);
      expect(r.code).toBe(EXIT_ERROR);
      expect(r.err).toContain('not JSON');
      expect((await gate(['--format', 'html', '--input', bad])).code).toBe(EXIT_ERROR);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
