/** Unit, server and resource tests run by default; e2e drives the real pulumi CLI. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/helpers/intent-dir.js'],
  // Tests talk to a real server over HTTP while the e2e project runs the pulumi CLI beside them
  // on the same cores: 5 s is too little for a multi-call create on a loaded machine.
  testTimeout: 30_000,
};
module.exports = {
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/test/e2e/'],
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
