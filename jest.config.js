/**
 * Two projects, one `npm test`:
 *  - unit: everything under tests/ except the add-in build tests (fast, no build);
 *  - addin: manifest checks and the end-to-end test, which need a production build — their
 *    globalSetup (tests/e2e/global-setup.js) builds once into test-output/dist, and runs only
 *    when a test of this project is selected.
 * Coverage is collected from the functional core (rules, values, policy, calendar).
 */
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
const collectCoverageFrom = ['src/rules/**/*.ts', 'src/values/**/*.ts', 'src/policy/**/*.ts', 'src/calendar/**/*.ts'];
const ADDIN_TESTS = ['<rootDir>/tests/manifest/', '<rootDir>/tests/e2e/'];

/** @type {import('jest').Config} */
module.exports = {
  collectCoverageFrom,
  coverageReporters: ['text-summary', 'text'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', ...ADDIN_TESTS],
      transform,
      collectCoverageFrom,
    },
    {
      displayName: 'addin',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ADDIN_TESTS.map((dir) => `${dir}**/*.test.ts`),
      globalSetup: '<rootDir>/tests/e2e/global-setup.js',
      transform,
    },
  ],
};
