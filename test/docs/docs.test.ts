/**
 * The documentation the package ships: every relative link resolves inside the packed files
 * (so the links work for installed users, not only on a clone), every in-page anchor exists,
 * and every TypeScript snippet type-checks against the sources.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
const { shippedDocuments } = require('../../scripts/lib/toolchain') as { shippedDocuments: () => string[] };

const repoRoot = path.resolve(__dirname, '..', '..');
const shipped = shippedDocuments();
const markdown = shipped.filter((f) => f.endsWith('.md'));

/** GitHub's heading anchor. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_[\]()]/g, (c) => (c === '_' ? '_' : ''))
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function withoutCode(text: string): string {
  return text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

test('the package ships the README, license, changelog and every document the README links to', () => {
  for (const f of [
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'src/resources/README.md',
    'docs/local-server.md',
  ]) {
    expect(shipped).toContain(f);
  }
});

test.each(markdown)('%s: relative links resolve inside the package, anchors exist', (file) => {
  const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const broken: string[] = [];
  for (const m of withoutCode(text).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^[a-z]+:/i.test(target)) continue;
    const [rel, anchor] = target.split('#');
    const resolved = rel === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), rel));
    const isFile = shipped.includes(resolved);
    const isDir = shipped.some((f) => f.startsWith(`${resolved.replace(/\/$/, '')}/`));
    if (!isFile && !isDir) {
      broken.push(`${target} (${resolved} is not in the package)`);
      continue;
    }
    if (anchor && isFile && resolved.endsWith('.md')) {
      const headings = fs
        .readFileSync(path.join(repoRoot, resolved), 'utf8')
        .replace(/```[\s\S]*?```/g, '')
        .split('\n')
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) => slug(l.replace(/^#+ /, '')));
      if (!headings.includes(anchor)) broken.push(`${target} (no heading #${anchor})`);
    }
  }
  expect(broken).toEqual([]);
});

test('every TypeScript snippet of the shipped documentation type-checks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-snippets-'));
  const files: string[] = [];
  try {
    for (const file of markdown) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      let n = 0;
      for (const m of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
        const lines = m[1].split('\n');
        // Imports and ambient declarations stay at the top; the rest runs in an async function,
        // so snippets may `await` and `export` like a program's entry module.
        const top = lines.filter((l) => /^(import |declare )/.test(l));
        const body = lines
          .filter((l) => !/^(import |declare )/.test(l))
          .map((l) =>
            l.replace(/^export = /, 'const __entry = ').replace(/^export (const|function) /, '$1 '),
          );
        const name = path.join(dir, `${file.replace(/[/.]/g, '_')}_${++n}.ts`);
        fs.writeFileSync(
          name,
          `${top.join('\n')}\nexport async function __snippet(): Promise<void> {\n${body.join('\n')}\n}\n`,
        );
        files.push(name);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(8);
    const program = ts.createProgram(files, {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
      baseUrl: repoRoot,
      paths: {
        'pulumi-alicloud-eiam': ['src/index.ts'],
        'pulumi-alicloud-eiam/client': ['src/client/index.ts'],
        'pulumi-alicloud-eiam/local-server': ['src/local-server/index.ts'],
        '@pulumi/pulumi': ['node_modules/@pulumi/pulumi'],
      },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
      .map((d) => {
        const where = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${path.basename(d.file!.fileName)}:${where.line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
