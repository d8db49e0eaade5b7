// File > Export end to end, in Chromium: the dialog opened from the keyboard, each document built in
// the export worker and previewed, then saved; the saved bytes equal `detainer-studio export` on the
// same file (exports are deterministic), a bundle passes `detainer-studio verify`, PDF goes to the
// browser's print dialog, a draft with errors exports nothing, and the dialog passes axe.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { DetainerStudioHook } from '../../renderer/src/testing/test-hook-api';
import {
  cli,
  eventCount,
  hook,
  loadApp,
  openApp,
  openExport,
  openSample,
  ROOT,
  SAMPLE,
  SAMPLE_TITLE,
  saveExport,
  setTextAndWait,
  startInYaml,
  waitForEvent,
  checkPageHealth,
} from './app-driver';

const sampleText = readFileSync(path.join(ROOT, SAMPLE), 'utf8');
const CASES_SAMPLE = 'samples/cases/synthetic-200.cases.csv';
let cspMessages: string[] = [];

checkPageHealth({ csp: true });

test.beforeEach(async ({ page }, testInfo) => {
  cspMessages = [];
  // Violations inside the preview frame reach the console, not the page's listener.
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspMessages.push(m.text());
  });
  // A test that reloads the page at once (to change the theme) opens the YAML editor itself, after the reload.
  if (testInfo.tags.includes('@reloads')) await loadApp(page);
  else await openApp(page);
});

test.afterEach(() => {
  expect(cspMessages, 'no Content-Security-Policy messages in the console').toEqual([]);
});

const eventNamesSince = (page: Page, from: number) =>
  page.evaluate(
    (f) =>
      (window as unknown as { __detainerStudio: DetainerStudioHook }).__detainerStudio
        .events()
        .slice(f)
        .map((e) => e.name),
    from,
  );

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return i + 1;
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'detainer-export-e2e-'));

/** The command line's export of the same file, written to disk. */
function cliExport(args: string[], name: string): Buffer {
  const out = path.join(tempDir(), name);
  cli(['export', ...args, '--out', out]);
  return readFileSync(out);
}

test('Ctrl+Shift+E opens Export; Word is chosen from the keyboard, previewed, and saved as the same bytes as `detainer-studio export --format docx`', async ({
  page,
}) => {
  await openSample(page);
  await hook.setCursor(page, 3, 1);
  const dialog = await openExport(page);
  // Focus starts inside the dialog, on the document choice.
  await expect(dialog.getByRole('radio', { name: 'Ordinance text' })).toBeFocused();
  // Tab past the report's reason (no case set is loaded) to the file types; move to PDF and back
  // to Word with the arrow keys.
  const since = await eventCount(page);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Choose a case set' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('radio', { name: 'Word (.docx)' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'PDF (.pdf)' })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('radio', { name: 'Word (.docx)' })).toBeChecked();
  const shown = await waitForEvent(page, 'export-preview-shown', { rendition: 'docx' }, since);
  expect(shown.detail).toMatchObject({ format: 'docx', name: 'trust-act-2014.docx', stale: false });
  // The preview is the document as printed, in a frame that runs no script.
  const frame = dialog.locator('iframe[title="Preview of trust-act-2014.docx"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().getByRole('heading', { level: 1 })).toHaveText(SAMPLE_TITLE);
  await expect(dialog.getByRole('status').filter({ hasText: 'trust-act-2014.docx' })).toContainText('KB');

  const saved = await saveExport(page);
  expect(saved.name).toBe('trust-act-2014.docx');
  const bytes = readFileSync(saved.file);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  expect(execFileSync('unzip', ['-l', saved.file], { encoding: 'utf8' })).toContain('word/document.xml');
  expect(bytes.equals(cliExport([SAMPLE, '--format', 'docx'], 'cli.docx')), 'the same bytes as the command line').toBe(true);
  // Saving closes the dialog and gives focus back to the editor.
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);
});

test('the policy bundle saves as the command line writes it, and `detainer-studio verify` accepts it', async ({ page }) => {
  await openSample(page);
  const dialog = await openExport(page);
  const since = await eventCount(page);
  await dialog.getByRole('radio', { name: 'Policy bundle' }).check();
  await waitForEvent(page, 'export-preview-shown', { format: 'bundle', rendition: 'json' }, since);
  await expect(dialog.getByRole('radio', { name: 'JSON (.json)' })).toBeChecked();
  await expect(dialog.locator('iframe').contentFrame().locator('pre')).toContainText('"fingerprint": "sha256:');
  const saved = await saveExport(page);
  expect(saved.name).toBe('trust-act-2014-policy-bundle.json');
  const text = readFileSync(saved.file, 'utf8');
  expect(text).toBe(cliExport([SAMPLE, '--format', 'bundle'], 'cli.json').toString('utf8'));
  expect(JSON.parse(text)).toMatchObject({ title: SAMPLE_TITLE });
  // verify exits non-zero (and cli() throws) when a bundle does not hold.
  expect(cli(['verify', saved.file])).toContain(': verified: "An Act Concerning Civil Immigration Detainers"');
});

test('the officer guide as a web page saves as the command line writes it, under a file name the dialog asks for where saving downloads (the suggested one, or one typed, given the extension and no folder)', async ({
  page,
}) => {
  await openSample(page);
  const dialog = await openExport(page);
  const since = await eventCount(page);
  await dialog.getByRole('radio', { name: 'Officer guide' }).check();
  await dialog.getByRole('radio', { name: 'Web page (.html)' }).check();
  await waitForEvent(page, 'export-preview-shown', { format: 'officer-guide', rendition: 'html' }, since);
  await expect(dialog.locator('iframe').contentFrame().getByRole('heading', { level: 1 })).toContainText('Officer');
  const name = dialog.getByRole('textbox', { name: 'File name' });
  await expect(name).toHaveValue('trust-act-2014-officer-guide.html');
  await name.fill('');
  await expect(dialog.getByText('Type a file name.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save…' })).toBeDisabled();
  await name.fill('council/packet guide');
  await expect(dialog.getByText('Goes to your downloads folder as council-packet guide.html.')).toBeVisible();
  const saved = await saveExport(page);
  expect(saved.name).toBe('council-packet guide.html');
  expect(readFileSync(saved.file, 'utf8')).toBe(cliExport([SAMPLE, '--format', 'officer-guide'], 'guide.html').toString('utf8'));
  await expect(page.getByText('Exported council-packet guide.html to your downloads folder.')).toBeVisible();
});

test('the impact report needs a case set; with the one loaded in the Simulation it saves as the command line writes it', async ({
  page,
}) => {
  await openSample(page);
  let dialog = await openExport(page);
  const report = dialog.getByRole('radio', { name: 'Impact report' });
  await expect(report).toBeDisabled();
  await expect(report).toHaveAccessibleDescription(/No case set is loaded/);
  // The reason leads to the case set chooser.
  await dialog.getByRole('button', { name: 'Choose a case set' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Case set', { exact: true })).toBeFocused();
  const loading = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ value: 'sample:cases/synthetic-200.cases.csv' });
  await waitForEvent(page, 'simulation-rendered', { total: 200 }, loading);

  dialog = await openExport(page);
  const since = await eventCount(page);
  await dialog.getByRole('radio', { name: 'Impact report' }).check();
  await dialog.getByRole('radio', { name: 'Web page (.html)' }).check();
  const built = await waitForEvent(page, 'export-built', { format: 'report', rendition: 'html' }, since);
  expect(built.detail.cases).toBe(200);
  await waitForEvent(page, 'export-preview-shown', { format: 'report', rendition: 'html' }, since);
  const inputs = dialog.getByRole('region', { name: 'What the report reads' });
  await expect(inputs).toContainText('Synthetic 200 (synthetic-200.cases.csv): 200 cases');
  await expect(inputs).toContainText('honor all (the baseline: every detainer honored as requested)');
  // The case set by its title, as the Case set list names it, with its file name after it.
  await expect(dialog.locator('iframe').contentFrame().locator('body')).toContainText(
    'Simulated on 200 booking cases from Synthetic 200 (synthetic-200.cases.csv)',
  );
  const saved = await saveExport(page);
  expect(saved.name).toBe('trust-act-2014-impact-report.html');
  expect(readFileSync(saved.file, 'utf8')).toBe(
    cliExport([SAMPLE, '--format', 'report', '--cases', CASES_SAMPLE], 'report.html').toString('utf8'),
  );
});

test('a redline against an earlier draft from a file saves as the command line writes it; a draft with errors is refused with its line', async ({
  page,
}) => {
  const dir = tempDir();
  // The earlier version: the act before its officer's public-safety finding was added.
  const earlier = path.join(dir, 'earlier.ordinance.yaml');
  const start = sampleText.indexOf('      - id: public-safety-risk');
  const end = sampleText.indexOf('  - id: notice\n');
  expect(start).toBeGreaterThan(0);
  writeFileSync(earlier, sampleText.slice(0, start) + sampleText.slice(end));
  const broken = path.join(dir, 'broken.ordinance.yaml');
  writeFileSync(broken, sampleText.replace('        outcome: hold\n', '        outcome: hodl\n'));
  const brokenLine = sampleText
    .replace('        outcome: hold\n', '        outcome: hodl\n')
    .split('\n')
    .findIndex((l) => l.includes('outcome: hodl'));

  await openSample(page);
  const dialog = await openExport(page);
  await dialog.getByRole('radio', { name: 'Redline' }).check();
  await expect(dialog.getByRole('button', { name: 'Save…' })).toBeDisabled();
  await expect(dialog.getByText('Choose the earlier version to compare with.').first()).toBeVisible();

  let chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(broken);
  await expect(dialog.getByRole('alert')).toContainText(`broken.ordinance.yaml cannot be compared: line ${brokenLine + 1}`);

  const since = await eventCount(page);
  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(earlier);
  await waitForEvent(page, 'export-preview-shown', { format: 'redline', rendition: 'docx' }, since);
  await expect(dialog.locator('iframe').contentFrame().locator('ins').first()).toBeVisible();
  const saved = await saveExport(page);
  expect(saved.name).toMatch(/^trust-act-2014-redline.*\.docx$/);
  expect(readFileSync(saved.file).equals(cliExport([SAMPLE, '--format', 'redline', '--against', earlier], 'redline.docx'))).toBe(true);
});

test('PDF in the browser opens the print dialog on the printable document, the same HTML the command line prints', async ({ page }) => {
  await openSample(page);
  const dialog = await openExport(page);
  const since = await eventCount(page);
  await dialog.getByRole('radio', { name: 'PDF (.pdf)' }).check();
  await waitForEvent(page, 'export-preview-shown', { format: 'pdf', rendition: 'pdf' }, since);
  await expect(dialog).toContainText('choose “Save as PDF”');
  await dialog.getByRole('button', { name: 'Print…' }).click();
  await waitForEvent(page, 'export-printed', { format: 'pdf', name: 'trust-act-2014.pdf' }, since);
  // The frame printed holds exactly the HTML the command line prints to PDF (its --format html).
  const printed = await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.print-frame');
    return { srcdoc: frame?.srcdoc, sandbox: frame?.getAttribute('sandbox'), title: frame?.contentDocument?.title };
  });
  expect(printed.sandbox).toBe('allow-same-origin allow-modals');
  expect(printed.title).toContain(SAMPLE_TITLE);
  expect(printed.srcdoc).toBe(cli(['export', SAMPLE, '--format', 'html']));
  // It printed in the typefaces it embeds (the page's policy lets the frame load data: fonts).
  const loaded = await page.evaluate(() => {
    const doc = document.querySelector<HTMLIFrameElement>('iframe.print-frame')!.contentDocument!;
    return [...doc.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.style}`);
  });
  expect(loaded).toEqual(expect.arrayContaining(['Tinos 400 normal', 'Tinos 700 normal', 'Cousine 400 normal']));
  // Closing the dialog takes the print frame away.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('iframe.print-frame')).toHaveCount(0);
});

test('a long export runs in the worker and can be stopped; choosing again builds it afresh', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const loading = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 100,000 cases (seed 2012)' });
  await waitForEvent(page, 'simulation-rendered', { total: 100000 }, loading);
  const dialog = await openExport(page);
  await waitForEvent(page, 'export-built', { format: 'docx' }, loading);
  // Press Stop the moment it shows, before the worker has read 100,000 cases.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const stop = [...document.querySelectorAll('dialog button')].find((b) => b.textContent === 'Stop') as HTMLButtonElement | undefined;
      if (stop) {
        observer.disconnect();
        stop.click();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const since = await eventCount(page);
  await dialog.getByRole('radio', { name: 'Impact report' }).check();
  await waitForEvent(page, 'export-cancelled', { document: 'report' }, since);
  await expect(dialog.getByRole('button', { name: 'Save…' })).toBeDisabled();
  expect(await eventNamesSince(page, since)).not.toContain('export-built');
  // A fresh worker reads the set again when asked.
  const again = await eventCount(page);
  await dialog.getByRole('radio', { name: 'Web page (.html)' }).check();
  const built = await waitForEvent(page, 'export-built', { format: 'report', rendition: 'html' }, again);
  expect(built.detail.cases).toBe(100000);
  await expect(dialog.getByRole('button', { name: 'Save…' })).toBeEnabled();
});

test('a draft with errors exports nothing: the dialog says so, previews the last version without errors, and leads to the first error', async ({
  page,
}) => {
  await openSample(page);
  const broken = sampleText.replace('        outcome: hold\n', '        outcome: hodl\n');
  const line = broken.split('\n').findIndex((l) => l.includes('outcome: hodl')) + 1;
  await setTextAndWait(page, broken);
  const dialog = await openExport(page);
  await expect(dialog.getByRole('alert')).toContainText('Only an ordinance without errors can be exported');
  await expect(dialog.getByRole('alert')).toContainText(`First: line ${line}`);
  const shown = await waitForEvent(page, 'export-preview-shown', { rendition: 'docx' });
  expect(shown.detail.stale).toBe(true);
  const save = dialog.getByRole('button', { name: 'Save…' });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription('Only an ordinance without errors can be exported.');
  await dialog.getByRole('button', { name: 'Show it in the editor' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await hook.cursor(page)).line).toBe(line);
});

test('a legal finding of error severity blocks the export too, until it is fixed', async ({ page }) => {
  await openSample(page);
  // A hold of 96 hours: longer than the federal maximum, a schema-valid draft the legal lint rejects.
  const unlawful = sampleText.replace('maxHold: { hours: 48,', 'maxHold: { hours: 96,');
  const line = lineOf(unlawful, 'maxHold: { hours: 96,');
  const checked = await setTextAndWait(page, unlawful);
  expect(checked.detail.errors).toBeGreaterThan(0);
  const dialog = await openExport(page);
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`First: line ${line}`);
  await expect(alert).toContainText('federal maximum is 48');
  await expect(alert).toContainText('silenced with a reason in the Problems panel');
  await expect(dialog.getByRole('button', { name: 'Save…' })).toBeDisabled();
  // The preview is the sample as opened (the last version without errors), not the 96-hour draft.
  const shown = await waitForEvent(page, 'export-preview-shown', { stale: true });
  expect(shown.detail.format).toBe('docx');
  await expect(dialog.locator('iframe').contentFrame().locator('body')).toContainText('48 hours');
  await expect(dialog.locator('iframe').contentFrame().locator('body')).not.toContainText('96 hours');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const fixed = await setTextAndWait(page, unlawful.replaceAll('maxHold: { hours: 96,', 'maxHold: { hours: 36,'));
  expect(fixed.detail.errors).toBe(0);
  const since = await eventCount(page);
  await openExport(page);
  await waitForEvent(page, 'export-preview-shown', { stale: false }, since);
  await expect(dialog.locator('iframe').contentFrame().locator('body')).toContainText('36 hours');
  await expect(dialog.getByRole('button', { name: 'Save…' })).toBeEnabled();
});

test(
  'the Export dialog: axe finds nothing in either theme, Tab stays inside it, Esc closes it and gives focus back',
  { tag: '@reloads' },
  async ({ page }) => {
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => localStorage.setItem('detainer-studio.theme', t), theme);
      await page.reload();
      await startInYaml(page);
      await openSample(page);
      const exportButton = page.getByRole('button', { name: 'Export…' });
      await exportButton.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await expect(dialog).toBeVisible();
      await waitForEvent(page, 'export-preview-shown', { rendition: 'docx' });
      // The preview frame runs no script, so axe can't run inside it (the frame element itself is still
      // checked, for its title). axe's partial-run mode waits forever on such a frame: use the single run.
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .include('dialog')
        .options({ iframes: false })
        .setLegacyMode(true)
        .analyze();
      expect(result.passes.length, 'axe checked the dialog').toBeGreaterThan(10);
      expect(result.violations.map((v) => `${theme}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual(
        [],
      );

      // Round and round with Tab, both ways: focus never leaves the dialog.
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let i = 0; i < 14; i++) {
          await page.keyboard.press(key);
          expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
        }
      }
      // The dialog is modal: shortcuts for the window behind it wait.
      await page.keyboard.press('Control+Shift+2');
      await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'false');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(exportButton).toBeFocused();
    }
  },
);
