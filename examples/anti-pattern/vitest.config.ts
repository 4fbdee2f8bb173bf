import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['containers/*/test/**/*.test.ts', 'scripts/test/**/*.test.mjs'],
    testTimeout: 20_000,
  },
});
