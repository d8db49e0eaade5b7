import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 20000,
    pool: 'threads',
    // Builds the CLI and the generated modules once for the run (tests/build-once.ts).
    globalSetup: ['tests/build-once.ts'],
    // Vitest's default is one worker fewer than the cores: a single worker on CI's two cores, leaving a
    // core idle while a file waits on LibreOffice, Chromium or a CLI child process. At least two, as on
    // any machine with three or more cores, where the suite already runs files side by side.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
