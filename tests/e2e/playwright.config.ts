// End-to-end tests of the browser build in Debian's Chromium: each test gets a fresh browser context
// (its own empty profile: no storage, no recovery copies), a trace is kept when a test fails.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../renderer/tools/browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Spec files run two at a time (the tests of one file in order, in one worker): CI has two cores, and
  // one worker leaves one idle while a test waits on the page. Every test has its own browser context
  // and writes only under its own temporary directory, so no test depends on another's state.
  // E2E_WORKERS overrides the count (1 to run one file at a time).
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node renderer/tools/serve.mjs --port ${PORT}`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
