import { defineConfig } from 'vitest/config';

/** End-to-end suites: generated projects installed and run for real; one file at a time (2 cores). */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
