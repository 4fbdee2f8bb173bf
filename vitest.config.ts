import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/**/*.test.ts',
      'templates/containers/*/test/**/*.test.ts',
      'templates/project/scripts/test/**/*.test.mjs',
      'templates/anti-pattern/scripts/test/**/*.test.mjs',
    ],
    exclude: ['tests/e2e/**', '**/node_modules/**'],
    testTimeout: 30_000,
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
