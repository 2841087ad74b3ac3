/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  collectCoverageFrom: [
    'src/rules/**/*.ts',
    'src/values/**/*.ts',
    'src/policy/**/*.ts',
    'src/calendar/**/*.ts',
  ],
  coverageReporters: ['text-summary', 'text'],
};
