// Nothing typed is lost for more than a few seconds: a person types steadily (a key every 150 ms, so
// typing never pauses), then the page's renderer is crashed, or the whole browser is killed with
// SIGKILL; the next start offers the recovery copy, and it holds all but the last few seconds.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../renderer/tools/browser.mjs';
import { eventCount, hook, openApp, waitForEvent } from './app-driver';

/** The longest a copy may lag behind steady typing (the app's maximum wait is 3 s) plus slack for a busy machine. */
const ALLOWED_LOSS_MS = 4500;

interface Typed {
  text: string;
  at: number;
}

/**
 * Starts typing in the page, one character every 150 ms through the editor model, and watches it for
 * `ms`; typing goes on afterwards until the page dies. Returns each text seen with when it was typed.
 */
async function typeSteadily(page: Page, ms: number): Promise<Typed[]> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __detainerStudio: { insertAt(l: number, col: number, t: string): number; getText(): string };
      __typed: Array<{ text: string; at: number }>;
    };
    w.__typed = [];
    let n = 0;
    setInterval(() => {
      // Into the comment on line 2, so the document stays an ordinance while it grows.
      w.__detainerStudio.insertAt(2, 3, String.fromCharCode(97 + (n++ % 26)));
      w.__typed.push({ text: w.__detainerStudio.getText(), at: Date.now() });
    }, 150);
  });
  const end = Date.now() + ms;
  let typed: Typed[] = [];
  while (Date.now() < end) {
    await page.waitForTimeout(250);
    typed = await page.evaluate(() => (window as unknown as { __typed: Typed[] }).__typed);
  }
  return typed;
}

/** The recovery offered on a fresh start of the app, restored into the editor. */
async function restore(page: Page): Promise<string> {
  await openApp(page);
  await page.getByRole('button', { name: 'Restore it' }).click({ timeout: 15_000 });
  await expect(page.getByLabel(/unsaved changes/)).toBeVisible();
  return hook.getText(page);
}

function expectRecent(recovered: string, typed: Typed[], killedAt: number): void {
  expect(typed.length, 'typing went on for seconds').toBeGreaterThan(20);
  const index = typed.findIndex((t) => t.text === recovered);
  // Newer than the last text the test saw (at most 250 ms before the kill): nothing to measure.
  if (index < 0 && recovered.length > typed[typed.length - 1]!.text.length) return;
  expect(index, 'the recovery copy is a text the person had typed').toBeGreaterThanOrEqual(0);
  const lostMs = killedAt - typed[index]!.at;
  const lostKeys = typed.length - 1 - index;
  expect(lostMs, `the copy is ${lostMs} ms (${lostKeys} keys) behind the kill`).toBeLessThanOrEqual(ALLOWED_LOSS_MS);
}

test('a renderer crashed mid-typing leaves a recovery copy at most a few seconds behind', async ({ page, context }) => {
  test.setTimeout(60_000);
  await openApp(page);
  const typed = await typeSteadily(page, 8000);
  const cdp = await context.newCDPSession(page);
  const killedAt = Date.now();
  const crashed = page.waitForEvent('crash');
  // The reply never comes: the renderer that would send it is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  const next = await context.newPage();
  expectRecent(await restore(next), typed, killedAt);
});

test('hiding the window writes the recovery copy at once', async ({ page }) => {
  await openApp(page);
  const since = await eventCount(page);
  await page.evaluate(() => {
    (window as unknown as { __detainerStudio: { insertAt(l: number, col: number, t: string): number } }).__detainerStudio.insertAt(
      2,
      3,
      'x',
    );
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const written = await waitForEvent(page, 'recovery-written', {}, since);
  expect(written.detail.reason).toBe('hidden');
});

/** The PID of the browser process (not a renderer or helper) using this profile. */
function browserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.some((a) => a === `--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process uses ${profile}`);
}

test('a browser killed mid-typing (SIGKILL) leaves a recovery copy at most a few seconds behind', async ({ baseURL }) => {
  test.setTimeout(90_000);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'detainer-profile-'));
  const launch = (): Promise<BrowserContext> =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL,
      viewport: { width: 1440, height: 900 },
    });
  try {
    const first = await launch();
    const page = first.pages()[0] ?? (await first.newPage());
    await openApp(page);
    const typed = await typeSteadily(page, 8000);
    const killedAt = Date.now();
    process.kill(browserPid(profile), 'SIGKILL');
    await first.close().catch(() => undefined);

    const second = await launch();
    try {
      const again = second.pages()[0] ?? (await second.newPage());
      expectRecent(await restore(again), typed, killedAt);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
