// Driving the app in end-to-end tests: through its test hook (the editor model, named events) and
// through the page by role and label, never by typing into Monaco and never by sleeping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { DetainerStudioHook, HookEvent, HookMarker } from '../../renderer/src/testing/test-hook-api';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type HookWindow = Window & { __detainerStudio: DetainerStudioHook; __cspViolations: string[]; __pageErrors: string[] };

/**
 * Opens the app with its test hook, and the YAML view (a new document opens in the Form; most specs
 * drive the YAML editor). The File System Access pickers are hidden so the browser host takes the path
 * a test can drive: a file input to open, a download to save.
 */
export async function openApp(page: Page): Promise<void> {
  await loadApp(page);
  await startInYaml(page);
}

/** Loads the app with its test hook, as openApp does, and returns at once (the document opens in the Form). */
export async function loadApp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as HookWindow & Record<string, unknown>;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    w.showOpenFilePicker = undefined;
    w.showSaveFilePicker = undefined;
  });
  await page.goto('./?e2e');
}

/** Waits until the new document is editable in the Form, then shows the YAML view and waits for the editor. */
export async function startInYaml(page: Page): Promise<void> {
  await waitForEvent(page, 'document-editable');
  await showYaml(page);
}

/** Shows the YAML view and waits until the editor (loaded the first time it is shown) has the document. */
export async function showYaml(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'YAML' }).click();
  await waitForEvent(page, 'editor-ready');
}

export async function eventCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as HookWindow).__detainerStudio.events().length);
}

/** Waits for an app event named `name` whose detail has the given values, among events after `since`. */
export async function waitForEvent(page: Page, name: string, match: Record<string, unknown> = {}, since = 0): Promise<HookEvent> {
  const handle = await page.waitForFunction(
    ([n, m, from]) => {
      const hook = (window as unknown as HookWindow).__detainerStudio;
      if (!hook) return null;
      return hook
        .events()
        .slice(from)
        .find((e) => e.name === n && Object.entries(m).every(([k, v]) => JSON.stringify(e.detail[k]) === JSON.stringify(v)));
    },
    [name, match, since] as const,
  );
  return (await handle.jsonValue()) as HookEvent;
}

export const hook = {
  setText: (page: Page, text: string) => page.evaluate((t) => (window as unknown as HookWindow).__detainerStudio.setText(t), text),
  getText: (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__detainerStudio.getText()),
  version: (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__detainerStudio.version()),
  markers: (page: Page): Promise<HookMarker[]> => page.evaluate(() => (window as unknown as HookWindow).__detainerStudio.markers()),
  cursor: (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__detainerStudio.cursor()),
  setCursor: (page: Page, line: number, column: number) =>
    page.evaluate(([l, c]) => (window as unknown as HookWindow).__detainerStudio.setCursor(l, c), [line, column] as const),
  events: (page: Page): Promise<HookEvent[]> => page.evaluate(() => (window as unknown as HookWindow).__detainerStudio.events()),
  undo: (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__detainerStudio.undo()),
  menu: (page: Page, command: string, argument?: string) =>
    page.evaluate(([c, a]) => (window as unknown as HookWindow).__detainerStudio.menu(c!, a), [command, argument] as const),
  cspViolations: (page: Page) => page.evaluate(() => (window as unknown as HookWindow).__cspViolations),
};

/** Sets the text and waits until the engine's findings for that exact version are on screen. */
export async function setTextAndWait(page: Page, text: string): Promise<HookEvent> {
  const since = await eventCount(page);
  const version = await hook.setText(page, text);
  return waitForEvent(page, 'analysis-applied', { version }, since);
}

export const SAMPLE = 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml';
export const SAMPLE_TITLE = 'An Act Concerning Civil Immigration Detainers';

/** Opens the Connecticut sample from the Samples menu and waits until the engine has checked it. */
export async function openSample(page: Page): Promise<HookEvent> {
  const since = await eventCount(page);
  await page.getByLabel('Open a sample ordinance').selectOption({ label: SAMPLE_TITLE });
  const opened = await waitForEvent(page, 'document-opened', { name: path.basename(SAMPLE) }, since);
  return waitForEvent(page, 'analysis-applied', { version: opened.detail.version }, since);
}

/** Opens a case file through the view's "Open a case file…" button; returns the event count from before it. */
export async function chooseCaseFile(page: Page, file: string): Promise<number> {
  const since = await eventCount(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a case file…' }).click();
  await (await chooser).setFiles(file);
  return since;
}

/**
 * Opens the app on a draft, then a case file in Simulation that the import refuses (a county export whose
 * columns need mapping, or bad rows); returns the event count from before the file was chosen.
 */
export async function openRefusedCaseFile(page: Page, draft: string, file: string): Promise<number> {
  await openApp(page);
  await setTextAndWait(page, draft);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'cases-refused', { name: path.basename(file) }, since);
  return since;
}

/** Runs the command-line tool, as a user of the repository would. */
export function cli(args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'bin/detainer-studio.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Opens File > Export with its shortcut and waits until the dialog is there. */
export async function openExport(page: Page) {
  const since = await eventCount(page);
  await page.keyboard.press('Control+Shift+E');
  await waitForEvent(page, 'export-dialog-opened', {}, since);
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Saves what the dialog shows and returns the downloaded file's path and name. */
export async function saveExport(page: Page): Promise<{ file: string; name: string }> {
  const since = await eventCount(page);
  const download = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Save…' }).click();
  const file = await download;
  const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'detainer-export-e2e-')), file.suggestedFilename());
  await file.saveAs(target);
  await waitForEvent(page, 'export-saved', { name: file.suggestedFilename() }, since);
  return { file: target, name: file.suggestedFilename() };
}

/**
 * Registers, for every test of the spec that calls it (before its own hooks), a check that the page
 * threw no uncaught error and, with `csp`, met no Content-Security-Policy violation: failed at the end
 * of the test, with what was thrown.
 */
export function checkPageHealth(opts: { csp?: boolean } = {}): void {
  let errors: string[] = [];
  test.beforeEach(({ page }) => {
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
  });
  test.afterEach(async ({ page }) => {
    if (opts.csp) expect(await hook.cspViolations(page), 'no Content-Security-Policy violations').toEqual([]);
    expect(errors, 'no uncaught errors in the page').toEqual([]);
  });
}

/**
 * Names the place of the new draft in the Form (a blank draft names none, and is an error until it does):
 * the jurisdiction, then the state, which brings its time zone; waits until the engine has checked it.
 */
export async function namePlace(page: Page, name = 'Town of Hull', state = 'MA'): Promise<void> {
  const form = page.getByRole('region', { name: 'Form' });
  const field = form.getByRole('textbox', { name: 'Jurisdiction', exact: true });
  await field.fill(name);
  await field.press('Enter');
  const since = await eventCount(page);
  const stateField = form.getByRole('textbox', { name: 'State', exact: true });
  await stateField.fill(state);
  await stateField.press('Enter');
  const applied = await waitForEvent(page, 'form-edit-applied', { label: 'state' }, since);
  await waitForEvent(page, 'analysis-applied', { version: applied.detail.version, errors: 0 }, since);
}
