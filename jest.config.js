/**
 * jest 30 on native ESM (run through node --experimental-vm-modules): ts-jest only transpiles,
 * `npm run typecheck` type-checks the tests. Tests run the real go command, so they are slow
 * next to unit tests: the timeout covers a cold module download through the local proxy.
 */
export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  // Sources import each other as './x.js' (NodeNext); jest resolves the .ts file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }] },
  globalSetup: '<rootDir>/scripts/test-setup.mjs',
  testTimeout: 120_000,
  // The suite waits on go subprocesses more than it computes: more workers than cores pay off.
  maxWorkers: 4
}
