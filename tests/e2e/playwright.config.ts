// End-to-end tests of the browser build in Debian's Chromium: each test gets a fresh browser context
// (its own empty profile: no storage, no recovery copies), a trace is kept when a test fails.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../renderer/tools/browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4317);

// Chromium's headless shell when it is installed (CI installs it; it is also what Playwright itself
// runs for headless tests): the same Blink and V8 as /usr/bin/chromium, without the full browser's
// GPU process (SwiftShader) and window machinery. Opening the app to its YAML editor took about half
// the CPU time of the full browser's (6 loads: 5.6 s against 11.2 s, user+system, on a loaded
// machine). CHROMIUM_PATH names another browser, e.g. /usr/bin/chromium to run the full one.
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const BROWSER = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM_PATH);

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
    // A failed test keeps its trace: every action with the page's DOM before and after it, and the
    // sources. Without the screencast (screenshots: true, the mode's default), which encoded the screen
    // as images all through every test, passing ones too: recovery.spec and problems-keyboard.spec (6
    // tests), run in turn with and without it on a machine at load 20-35, took 36.2, 44.9 and 38.0 s of
    // CPU (user+sys, browser included) with it, 24.9 and 21.8 s without. With it 2, 3 and 1 of the 6
    // tests failed (timeouts under the load), none without; a failed test writes its trace, so part of
    // the gap is that.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    acceptDownloads: true,
    launchOptions: {
      executablePath: BROWSER,
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
