// The test tiers. `npm test` runs them all; each can run alone (`--selectProjects <name>`).
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] }
}

export default {
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  projects: [
    // The sources, with real git, real archives on a loopback server and a fake-free JMeter where needed.
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/setup/unit.ts'
    },
    // The job summary in Debian's Chromium (the setup installs it where apt exists).
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/__tests__/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/setup/browser.ts'
    },
    // dist/ as users run it, rebuilt from the sources first.
    {
      ...common,
      displayName: 'bundle',
      testMatch: ['<rootDir>/__tests__/bundle/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/setup/bundle.ts'
    },
    // Files others wrote (../shared/data, beside this repository in its own CI only); skipped loudly elsewhere.
    {
      ...common,
      displayName: 'external',
      testMatch: ['<rootDir>/__tests__/external/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/setup/external.ts'
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/e2e/global-teardown.ts'
    }
  ]
}
