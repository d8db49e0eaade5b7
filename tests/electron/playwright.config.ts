// Playwright configuration for the Electron end-to-end spec (tests/electron/*.e2e.ts): one worker,
// since each test launches the whole app; traces kept on failure.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure' },
});
