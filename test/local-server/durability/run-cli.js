/**
 * Runs the `eiam-local` CLI from the TypeScript sources in a child process, for the crash tests.
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

require('../../../src/local-server/cli')
  .main(process.argv.slice(2))
  .catch((err) => {
    process.stderr.write(`eiam-local: ${err && err.message}\n`);
    process.exit(1);
  });
