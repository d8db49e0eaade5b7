import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 20000,
    pool: 'threads',
    // Builds the CLI and the generated modules once for the run (tests/build-once.ts).
    globalSetup: ['tests/build-once.ts'],
  },
});
