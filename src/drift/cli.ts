#!/usr/bin/env node
/**
 * `eiam-drift`: the drift gate for pipelines. Runs `pulumi preview --refresh --json` (or reads
 * its JSON from a file or stdin), prints a drift report per resource and attribute (secrets
 * masked) and exits 0 when the service matches the program, 1 when it drifted, 2 on an error.
 * See `report.ts` for what counts as drift and docs/drift-gate.md for CI recipes.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport, parsePreview, renderMarkdown, renderText } from './report';

/** Exit code: no drift. */
export const EXIT_CLEAN = 0;
/** Exit code: at least one resource differs from the program. */
export const EXIT_DRIFT = 1;
/** Exit code: the preview failed or its output could not be read. */
export const EXIT_ERROR = 2;

/** The `--help` text. */
export const USAGE = `Usage: eiam-drift [options] [-- <extra pulumi preview arguments>]

Reports drift between a Pulumi program and the live EIAM directory: runs
\`pulumi preview --refresh --json\` and lists, per resource and attribute, the live
value and the declared value that \`pulumi up\` would put back. Secrets are masked.

Options:
  --stack <name>          stack to preview (default: the selected stack)
  --cwd <dir>             directory of the Pulumi program (default: the current one)
  --input <file>          read the JSON of a preview instead of running pulumi ('-' = stdin)
  --format <text|markdown|json>  report format on stdout (default text)
  --markdown-file <file>  also write the Markdown report to <file> (for a PR comment)
  --title <text>          heading of the Markdown report (default "EIAM drift report")
  --help                  show this help

Exit codes: 0 no drift, 1 drift, 2 error.
`;

interface Options {
  readonly stack?: string;
  readonly cwd?: string;
  readonly input?: string;
  readonly format: 'text' | 'markdown' | 'json';
  readonly markdownFile?: string;
  readonly title?: string;
  readonly extra: readonly string[];
}

function parseOptions(argv: readonly string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      stack: { type: 'string' },
      cwd: { type: 'string' },
      input: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'markdown-file': { type: 'string' },
      title: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const format = values.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw new Error(`--format must be text, markdown or json, not "${format}"`);
  }
  return {
    stack: values.stack,
    cwd: values.cwd,
    input: values.input,
    format,
    markdownFile: values['markdown-file'],
    title: values.title,
    extra: positionals,
  };
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/** Runs `pulumi preview --refresh --json` and returns its stdout (the JSON). */
function runPreview(options: Options): Promise<string> {
  const args = ['preview', '--refresh', '--json', '--non-interactive', '--color', 'never'];
  if (options.stack) args.push('--stack', options.stack);
  args.push(...options.extra);
  return new Promise((resolve, reject) => {
    const child = spawn('pulumi', args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(new Error(`cannot run pulumi: ${e.message}`)));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) return resolve(stdout);
      // With --json, pulumi writes its diagnostics into the JSON on stdout.
      const stderr = Buffer.concat(err).toString('utf8').trim();
      const diagnostics = previewErrors(stdout);
      const detail = [diagnostics, stderr].filter((s) => s).join('\n');
      reject(new Error(`pulumi preview failed (exit ${code})${detail ? `:\n${detail}` : ''}`));
    });
  });
}

/** The error diagnostics of a (failed) preview's JSON, one per line. */
function previewErrors(stdout: string): string {
  try {
    const parsed = JSON.parse(stdout) as { diagnostics?: { severity?: string; message?: string }[] };
    return (parsed.diagnostics ?? [])
      .filter((d) => d.severity === 'error')
      .map((d) => (d.message ?? '').trim())
      .join('\n');
  } catch {
    return stdout.trim().slice(-4000);
  }
}

/** Runs the gate; returns the exit code. Output goes to `out`, errors to `err`. */
export async function main(
  argv: readonly string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options === 'help') {
      out(USAGE);
      return EXIT_CLEAN;
    }
    let json: string;
    if (options.input === '-') json = await readStdin();
    else if (options.input) json = fs.readFileSync(options.input, 'utf8');
    else json = await runPreview(options);
    const report = buildReport(parsePreview(json));
    const markdown = renderMarkdown(report, options.title);
    if (options.format === 'json') out(`${JSON.stringify(report, null, 2)}\n`);
    else out(options.format === 'markdown' ? markdown : renderText(report));
    if (options.markdownFile) fs.writeFileSync(options.markdownFile, markdown);
    return report.resources.length > 0 ? EXIT_DRIFT : EXIT_CLEAN;
  } catch (e) {
    err(`eiam-drift: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_ERROR;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
