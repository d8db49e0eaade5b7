// The Electron app end to end with Playwright's _electron: launch with a document on the command line,
// see it open, edit it, save with the menu accelerator, reopen it; and after a crash, find the recovery
// copy again. Runs wherever an Electron binary exists; elsewhere it skips and prints why.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { Host } from '../../host/contract';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sample = path.join(repoRoot, 'samples', 'ordinances', 'connecticut-trust-act-2014.ordinance.yaml');
const webDir = process.env.DETAINER_STUDIO_WEB_DIR ?? path.join(repoRoot, 'dist', 'web');
const MARKER = '# edited in the Electron end-to-end test';

const electronBinary = findElectronBinary();
const skipReason = electronBinary.path
  ? fs.existsSync(path.join(webDir, 'index.html'))
    ? null
    : `no built web bundle in ${webDir} (npm run build:web)`
  : electronBinary.reason;
if (skipReason) console.log(`electron e2e skipped: ${skipReason}`);

/** The page's test hook (renderer/src/testing), present when the page is loaded with ?e2e. */
interface EditorHook {
  getText(): string;
  setText(text: string): number;
}

declare global {
  interface Window {
    detainerStudioHost: Host;
    __detainerStudio?: EditorHook;
  }
}

/** Appends a line to the document: through the editor's model where the page offers its test hook, else by typing. */
async function appendLine(page: Page, line: string): Promise<void> {
  const viaHook = await page.evaluate((text) => {
    const hook = window.__detainerStudio;
    if (!hook) return false;
    const current = hook.getText();
    hook.setText(`${current}${current.endsWith('\n') ? '' : '\n'}${text}\n`);
    return true;
  }, line);
  if (viaHook) return;
  // A document opens in the Form; the YAML editor loads when its tab is shown.
  await page.getByRole('tab', { name: 'YAML' }).click();
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(line);
  await page.keyboard.press('Escape');
}

function freshFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

async function launch(userData: string, ...documents: string[]): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: electronBinary.path!,
    // Chromium refuses to run as root without this; the renderer is still sandboxed by its webPreferences.
    args: [repoRoot, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...documents],
    env: { ...process.env, DETAINER_STUDIO_USER_DATA: userData, DETAINER_STUDIO_WEB_DIR: webDir, DETAINER_STUDIO_E2E: '1' },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test.describe('Electron app', () => {
  test.skip(!!skipReason, skipReason ?? '');

  test.beforeAll(() => {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs')], { stdio: 'pipe' });
  });

  test('launches isolated: the host object is there, Node is not', async () => {
    const { app, page } = await launch(freshFolder('ds-e2e-profile-'));
    try {
      expect(page.url()).toBe('app://studio/index.html?e2e');
      expect(await page.evaluate(() => window.detainerStudioHost.info())).toMatchObject({ kind: 'electron' });
      expect(
        await page.evaluate(() => [
          typeof (window as unknown as { require?: unknown }).require,
          typeof (window as unknown as { process?: unknown }).process,
        ]),
      ).toEqual(['undefined', 'undefined']);
      // navigation away from the app is refused
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await page.waitForTimeout(300);
      expect(page.url()).toBe('app://studio/index.html?e2e');
      // new windows are refused: window.open gives nothing and no window appears
      expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      // remote requests never leave the app
      expect(
        await page.evaluate(() =>
          fetch('https://example.org/').then(
            () => 'loaded',
            () => 'blocked',
          ),
        ),
      ).toBe('blocked');
    } finally {
      await app.close();
    }
  });

  test('opens a document from the command line, edits, saves, and reopens it', async () => {
    const profile = freshFolder('ds-e2e-profile-');
    const docs = freshFolder('ds-e2e-docs-');
    const doc = path.join(docs, 'trust-act.ordinance.yaml');
    fs.copyFileSync(sample, doc);

    const first = await launch(profile, doc);
    try {
      // open: the file named on the command line is shown
      await expect(first.page.getByText('An Act Concerning Civil Immigration Detainers').first()).toBeVisible({ timeout: 15_000 });
      // edit: a line at the end of the document
      await appendLine(first.page, MARKER);
      // save: the menu accelerator asks the page to save, which saves through the host atomically
      await first.page.keyboard.press('Control+S');
      await expect.poll(() => fs.readFileSync(doc, 'utf8'), { timeout: 10_000 }).toContain(MARKER);
      expect(fs.readFileSync(doc, 'utf8')).toContain('An Act Concerning Civil Immigration Detainers');
      expect(fs.readdirSync(docs)).toEqual(['trust-act.ordinance.yaml']);
      expect(await first.page.evaluate(() => window.detainerStudioHost.recentFiles())).toEqual({ ok: true, value: [doc] });
    } finally {
      await first.app.close();
    }

    // reopen: from the recent list this time, in a new session with the same profile
    const second = await launch(profile);
    try {
      const reopened = await second.page.evaluate((file) => window.detainerStudioHost.readFile(file), doc);
      expect(reopened.ok && reopened.value.text).toContain(MARKER);
      // and shown in the editor when opened from File > Open Recent (the menu hands it to the page)
      await second.app.evaluate(({ Menu }) => {
        const recent = Menu.getApplicationMenu()!
          .items.find((i) => i.label.replace('&', '') === 'File')!
          .submenu!.items.find((i) => i.label === 'Open Recent')!;
        recent.submenu!.items[0]!.click();
      });
      await expect
        .poll(() => second.page.evaluate(() => window.__detainerStudio?.getText() ?? document.body.innerText), { timeout: 10_000 })
        .toContain('edited in the Electron end-to-end test');
      // nothing to recover after a clean close
      expect(await second.page.evaluate(() => window.detainerStudioHost.readRecovery())).toEqual({ ok: true, value: [] });
    } finally {
      await second.app.close();
    }
  });

  test('offers the recovery copy back after the app is killed', async () => {
    const profile = freshFolder('ds-e2e-profile-');
    const first = await launch(profile);
    const entry = { docId: 'untitled-1', name: 'Untitled ordinance', text: `title: Unsaved draft\n${MARKER}\n`, savedAtMs: Date.now() };
    expect(await first.page.evaluate((e) => window.detainerStudioHost.writeRecovery(e), entry)).toEqual({ ok: true, value: undefined });
    first.app.process().kill('SIGKILL');
    await new Promise((resolve) => first.app.process().once('exit', resolve));

    const second = await launch(profile);
    try {
      expect(await second.page.evaluate(() => window.detainerStudioHost.readRecovery())).toEqual({ ok: true, value: [entry] });
    } finally {
      await second.app.close();
    }
  });
});
