/** Unit, server and resource tests run by default; e2e drives the real pulumi CLI. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/helpers/intent-dir.js'],
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
