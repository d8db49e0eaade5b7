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
  // One spec file at a time. Two at a time were measured on a fresh clone's CI run on two cores: 114
  // tests in 18.1 min, against 16.4 min for 108 tests one at a time there before: the browser and the
  // app's workers already keep both cores busy, and each test ran slower beside another. Every test has
  // its own browser context and temporary folder, so E2E_WORKERS=2 (or more, on a larger machine) runs
  // files side by side.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
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
