/**
 * Runs the `eiam-call` command from the TypeScript sources in a child process.
 * It compiles each `.ts` file on load with the project's own TypeScript (transpile only), so the
 * tests need neither a build nor an extra loader package.
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  module._compile(outputText, filename);
};

require('../../src/cli/eiam-call')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`eiam-call: ${err && err.message}\n`);
    process.exit(1);
  });
