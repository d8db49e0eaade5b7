// A solicitor's first hour with the app, end to end in Chromium: each test is one thing that broke
// when the app was first tried that way (new from a template, the keyboard, problems in the form, the
// simulation of a draft with errors, recovery, printing, the words and numbers shown).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  chooseCaseFile,
  cli,
  eventCount,
  hook,
  loadApp,
  openApp,
  openSample,
  ROOT,
  SAMPLE,
  SAMPLE_TITLE,
  setTextAndWait,
  showYaml,
  startInYaml,
  waitForEvent,
  checkPageHealth,
} from './app-driver';

const sampleText = readFileSync(path.join(ROOT, SAMPLE), 'utf8');
const BERKELEY = 'ordinances/berkeley-2012.ordinance.yaml';
const BERKELEY_TITLE = 'Policy on Immigration Detainer Requests at the Berkeley Jail';

async function chooseCases(page: Page, label = 'Synthetic: 10,000 cases (seed 2012)', total = 10000) {
  const since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label });
  return waitForEvent(page, 'simulation-rendered', { total }, since);
}

checkPageHealth({ csp: true });

test('File > New from Template opens the template it names, in the form', async ({ page }) => {
  await openApp(page);
  const since = await eventCount(page);
  await hook.menu(page, 'file.new', BERKELEY);
  await waitForEvent(page, 'document-opened', { name: 'berkeley-2012.ordinance.yaml' }, since);
  expect(await hook.getText(page)).toBe(readFileSync(path.join(ROOT, 'samples', BERKELEY), 'utf8'));
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Document berkeley-2012.ordinance.yaml', { exact: true })).toBeVisible();
});

test('a new document opens in the form with "Start from…", and starting from a sample puts its text in the editor', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  const start = page.getByRole('region', { name: 'Start from…' });
  await expect(start.getByRole('heading', { name: 'Seed policies, from the 2011–2012 letters' })).toBeVisible();
  await expect(start.getByRole('heading', { name: 'Enacted ordinances and policies' })).toBeVisible();
  const since = await eventCount(page);
  await start.getByRole('button', { name: new RegExp(`^${SAMPLE_TITLE}`) }).click();
  await waitForEvent(page, 'template-opened', {}, since);
  expect(await hook.getText(page)).toBe(sampleText);
  await expect(start).toHaveCount(0);
});

test('the keyboard: a view shortcut moves focus into that view, F6 goes round the panes, skip links lead to each, and Help says how to leave the editor', async ({
  page,
}) => {
  // A new window: the first thing Tab reaches is a skip link (to the form, where a new document opens).
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /^Skip to the form$/ })).toBeFocused();
  await showYaml(page);
  await openSample(page);
  await page.keyboard.press('Control+Shift+2');
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('#left-panel'))).toBe(true);
  await page.keyboard.press('Control+Shift+4');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('#right-panel'))).toBe(true);
  // The case set is a few Tabs away, not past every field of the form.
  let tabs = 0;
  while (tabs < 6 && !(await page.evaluate(() => document.activeElement?.id === 'case-set'))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('case-set');

  // F6 from the editor: problems, then the view, then the toolbar, then back.
  await page.keyboard.press('Control+Shift+1');
  await hook.setCursor(page, 3, 1);
  const where = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      return a?.closest('.problems')
        ? 'problems'
        : a?.closest('#right-panel')
          ? 'view'
          : a?.closest('.titlebar')
            ? 'toolbar'
            : a?.closest('#left-panel')
              ? 'editor'
              : 'elsewhere';
    });
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('F6');
    seen.push(await where());
  }
  expect(seen).toEqual(['problems', 'view', 'toolbar', 'editor']);
  await page.keyboard.press('Shift+F6');
  expect(await where()).toBe('toolbar');

  // Skip links lead into their pane.
  await page.getByRole('link', { name: 'Skip to the problems' }).focus();
  await page.keyboard.press('Enter');
  expect(await where()).toBe('problems');

  await page.getByRole('button', { name: 'Keyboard', exact: true }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(help).toContainText('Ctrl+M');
  await expect(help).toContainText('Leave the YAML editor');
  await expect(help.getByRole('row', { name: /Export…/ })).toContainText('Ctrl+Shift+E');
  await expect(help).not.toContainText('file.export');
});

test('Tab from the top of a new window: a skip link, whose Enter lands on the form’s first field past “Start from…”; the toolbar is one Tab stop, its arrow keys reach every control', async ({
  page,
}) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await expect(page.getByRole('heading', { name: 'Enacted ordinances and policies' })).toBeVisible();
  const docName = await page.locator('.doc-name').textContent();

  // One Tab and Enter: the first field of the form, not the first of the dozen "Start from…" cards.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the form', exact: true });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused();

  // Past the skip links, the toolbar takes one Tab, and the next Tab leaves it.
  const toolbar = page.getByRole('toolbar', { name: 'File and view' });
  await skip.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: 'New', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role=toolbar]'))).toBe(false);

  // Within it, the arrow keys reach every control, round from the last to the first; Home and End go to the ends.
  await page.keyboard.press('Shift+Tab');
  await expect(toolbar.getByRole('button', { name: 'New', exact: true })).toBeFocused();
  const controls = await toolbar.locator('button, select').count();
  const focusedName = () => page.evaluate(() => (document.activeElement as HTMLElement).id || document.activeElement!.textContent!.trim());
  const reached: string[] = [await focusedName()];
  for (let i = 1; i < controls; i++) {
    await page.keyboard.press('ArrowRight');
    reached.push(await focusedName());
  }
  expect(new Set(reached).size).toBe(controls);
  expect(reached.slice(0, 3)).toEqual(['New', 'Open…', 'open-sample']);
  expect(reached.at(-1)).toBe('About');
  await page.keyboard.press('ArrowRight');
  expect(await focusedName()).toBe('New');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedName()).toBe('About');
  await page.keyboard.press('Home');
  expect(await focusedName()).toBe('New');
  // Left and Right pass over the Samples list without choosing a sample.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focusedName()).toBe('open-sample');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedName()).toBe('open-sample');
  await expect(page.locator('.doc-name')).toHaveText(docName!);
  // Tab leaves and Shift+Tab comes back to the control last used; every control stays a button to click.
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName()).toBe('About');
});

test('F8 reads the problems as the panel words and counts them, and "did you mean" comes with its quick fix', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  const heading = await page.getByRole('heading', { name: /^Problems / }).textContent();
  const counts = [...(heading ?? '').matchAll(/(\d+) (?:error|warning|note)/g)].reduce((n, m) => n + Number(m[1]), 0);
  await hook.setCursor(page, 1, 1);
  await page.keyboard.press('F8');
  const reader = page.locator('.marker-widget').first();
  await expect(reader).toBeVisible();
  const text = (await page.locator('.zone-widget').first().innerText()).replace(/\s+/g, ' ');
  expect(text).toContain(`of ${counts} problem`);
  expect(text).not.toMatch(/Detainer Policy Studio\(|\[[a-z-]+\]|\d-connecticut/);

  const broken = sampleText.replace('        outcome: hold\n', '        outcome: hodl\n');
  await setTextAndWait(page, broken);
  const problems = page.getByRole('list', { name: 'Problems' });
  await problems.getByRole('button', { name: /did you mean "hold"/ }).click();
  const since = await eventCount(page);
  await problems.getByRole('button', { name: 'Change it to "hold"' }).click();
  const fixed = await waitForEvent(page, 'quick-fix-applied', {}, since);
  await waitForEvent(page, 'analysis-applied', { version: fixed.detail.version }, since);
  expect(await hook.getText(page)).toBe(sampleText);

  // A misspelt key: its "did you mean" is the editor's code action (Ctrl+.), which renames the key.
  await setTextAndWait(page, sampleText.replace('        outcome: hold\n', '        outcom: hold\n'));
  await expect
    .poll(async () => (await hook.markers(page)).some((m) => /unknown key "outcom".*did you mean "outcome"/.test(m.message)))
    .toBe(true);
  const typo = (await hook.markers(page)).find((m) => /unknown key "outcom"/.test(m.message))!;
  await hook.setCursor(page, typo.line, typo.column + 1);
  await page.keyboard.press('Control+Period');
  const rename = page.getByRole('option', { name: /Rename "outcom" to "outcome"/ });
  await expect(rename).toBeVisible();
  const beforeRename = await eventCount(page);
  await rename.click();
  await waitForEvent(page, 'analysis-applied', {}, beforeRename);
  await expect.poll(() => hook.getText(page)).toBe(sampleText);
});

test('a draft with an error is not simulated: the results stay those of the last version without errors, as the banner says', async ({
  page,
}) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const before = await chooseCases(page);
  // A 200-hour hold: past the federal maximum (an error of the legal lint), though the draft still reads.
  const broken = sampleText.replace('hours: 48', 'hours: 200');
  expect(broken).not.toBe(sampleText);
  const checked = await setTextAndWait(page, broken);
  expect(checked.detail.errors).toBeGreaterThan(0);
  await expect(page.getByText(/last version without errors/)).toBeVisible();
  const since = await eventCount(page);
  await page.keyboard.press('F5');
  const rerun = await waitForEvent(page, 'simulation-rendered', {}, since);
  expect(rerun.detail.version).toBe(before.detail.version);
  expect(rerun.detail.outcomes).toEqual(before.detail.outcomes);
});

test('the Comparison tab, like the Simulation, says that a draft with an error is compared as its last version without errors', async ({
  page,
}) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Comparison' }).click();
  const since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Sample: Synthetic 200 (CSV)' });
  await waitForEvent(page, 'comparison-rendered', { other: 'honor all (the baseline: every detainer honored as requested)' }, since);
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await expect(comparison.getByText(/last version without errors/)).toHaveCount(0);
  // A 200-hour hold: an error of the legal lint; the figures shown stay those of the 48-hour draft.
  const checked = await setTextAndWait(page, sampleText.replace('hours: 48', 'hours: 200'));
  expect(checked.detail.errors).toBeGreaterThan(0);
  await expect(
    comparison.getByRole('status').filter({ hasText: /The draft has 1 error: what is shown below is the last version without errors/ }),
  ).toBeVisible();
  await expect(comparison.getByText(/are decided differently under this draft/)).toBeVisible();
  await setTextAndWait(page, sampleText);
  await expect(comparison.getByText(/last version without errors/)).toHaveCount(0);
});

test('the State field takes the state’s name and writes its code, as it takes the code', async ({ page }) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  const state = page.getByRole('region', { name: 'Form' }).getByRole('textbox', { name: 'State', exact: true });
  // A new draft names no place: named here, the state is the one error left.
  const name = page.getByRole('region', { name: 'Form' }).getByRole('textbox', { name: 'Jurisdiction', exact: true });
  await name.fill('City of Portland');
  await name.press('Enter');
  let since = await eventCount(page);
  await state.fill('Oregon');
  await state.press('Enter');
  let applied = await waitForEvent(page, 'form-edit-applied', { label: 'state' }, since);
  let checked = await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(checked.detail.errors).toBe(0);
  expect(await hook.getText(page)).toContain('  state: OR\n');
  await expect(state).toHaveValue('OR');
  since = await eventCount(page);
  await state.fill('nj');
  await state.press('Enter');
  applied = await waitForEvent(page, 'form-edit-applied', { label: 'state' }, since);
  checked = await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(checked.detail.errors).toBe(0);
  expect(await hook.getText(page)).toContain('  state: NJ\n');
});

test('each bar’s label in the Simulation’s charts fits left of its bar, none cut off at the chart’s edge', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await chooseCases(page, 'Sample: Synthetic 200 (CSV)', 200);
  const labels = await page
    .locator('svg text.chart-label')
    .evaluateAll((els) => els.map((el) => ({ text: el.textContent, left: (el as SVGTextElement).getBBox().x })));
  // The hold hours by provision name provisions by their section and heading, the longest labels.
  expect(labels.filter((l) => l.text?.startsWith('§')).length).toBeGreaterThan(1);
  for (const l of labels) expect(l.left, l.text ?? '').toBeGreaterThanOrEqual(0);
});

test('the cost per inmate-day says whose figure it starts at, until the jail’s own is put in', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const cost = page.getByLabel('Cost per inmate-day ($)');
  await expect(cost).toHaveValue('143');
  await expect(cost).toHaveAccessibleDescription('Cook County’s figure (2011): put in your jail’s own');
  await expect(page.getByText('Cook County’s figure (2011): put in your jail’s own')).toBeVisible();
  await cost.fill('210');
  await cost.press('Enter');
  await expect(page.getByText(/Cook County’s figure/)).toHaveCount(0);
  await expect(cost).toHaveAccessibleDescription('');
});

test('the case sets are each named once, and the chosen one says its size once', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await chooseCases(page);
  const options = await page.getByLabel('Case set', { exact: true }).locator('option').allTextContents();
  expect(new Set(options).size).toBe(options.length);
  expect(options.filter((o) => /Synthetic 200/.test(o))).toEqual(['Sample: Synthetic 200 (CSV)', 'Sample: Synthetic 200 (JSON)']);
  expect(options[0]).toBe('10,000 cases: Synthetic set, seed 2012');
  for (const o of options) expect(o.match(/cases/g)?.length ?? 0, o).toBeLessThanOrEqual(1);
});

test('unsaved work restored after a reload comes back with its views, case set and comparison', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByRole('tab', { name: 'Comparison' }).click();
  let since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 10,000 cases (seed 2012)' });
  await waitForEvent(page, 'comparison-rendered', { other: 'honor all (the baseline: every detainer honored as requested)' }, since);
  since = await eventCount(page);
  await page.getByLabel('Compare this draft with').selectOption({ label: `Sample: ${BERKELEY_TITLE}` });
  await waitForEvent(page, 'comparison-rendered', { other: BERKELEY_TITLE }, since);
  since = await eventCount(page);
  const edited = sampleText.replace('shortTitle: TRUST Act', 'shortTitle: Trust Act (amended)');
  await setTextAndWait(page, edited);
  await waitForEvent(page, 'recovery-written', {}, since);

  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await waitForEvent(page, 'document-editable');
  since = await eventCount(page);
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect.poll(() => hook.getText(page)).toBe(edited);
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Comparison' })).toHaveAttribute('aria-selected', 'true');
  await waitForEvent(page, 'cases-loaded', { count: 10000 }, since);
  await waitForEvent(page, 'comparison-rendered', { other: BERKELEY_TITLE }, since);
  await expect(page.getByLabel('Compare this draft with')).toHaveValue(/current:/);
});

test('Ctrl+P prints the ordinance as exported, not the window; in the Simulation it prints the simulation alone', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __printed: Array<{ viewOnly: boolean; target: string | null }> };
    w.__printed = [];
    window.print = () =>
      void w.__printed.push({
        viewOnly: document.documentElement.classList.contains('printing-view'),
        target: document.querySelector('.print-target')?.getAttribute('aria-label') ?? null,
      });
  });
  await openApp(page);
  await openSample(page);
  let since = await eventCount(page);
  await page.keyboard.press('Control+p');
  await waitForEvent(page, 'print-started', { what: 'ordinance' }, since);
  const frame = await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe.print-frame')?.srcdoc ?? null);
  expect(frame).toBe(cli(['export', SAMPLE, '--format', 'html']));
  expect(await page.evaluate(() => (window as unknown as { __printed: unknown[] }).__printed)).toEqual([]);

  await page.getByRole('tab', { name: 'Simulation' }).click();
  await chooseCases(page);
  since = await eventCount(page);
  await page.keyboard.press('Control+p');
  await waitForEvent(page, 'print-started', { what: 'simulation' }, since);
  expect(await page.evaluate(() => (window as unknown as { __printed: unknown[] }).__printed)).toEqual([
    { viewOnly: true, target: 'What this draft would do' },
  ]);
});

test('the first click after typing in a form field is not lost (the field’s help takes no room, so nothing moves under the pointer)', async ({
  page,
}) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Form' });
  const finding = form.getByRole('textbox', { name: 'Finding 3', exact: true });
  await finding.fill('immigrant victims and witnesses must be able to come forward');
  const since = await eventCount(page);
  // Straight from typing to the button below, as a person would: one click.
  await form.getByRole('button', { name: 'Add a finding' }).click();
  await waitForEvent(page, 'form-edit-applied', { label: 'finding' }, since);
  await waitForEvent(page, 'form-edit-applied', { label: 'add finding' }, since);
  await expect.poll(() => hook.getText(page)).toContain('immigrant victims and witnesses must be able to come forward');
});

test('"Offenses covered" says what the engine does: any part, and within a part any of the boxes ticked in a row', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const covers = page.getByRole('group', { name: /Offenses covered/ }).first();
  await expect(covers).toContainText('matches any one part below');
  await expect(covers).toContainText('one of the classes ticked');
  await expect(covers).toContainText('ticking more boxes in a row covers more offenses');
  await expect(covers).not.toContainText('every box ticked');
});

test('choosing a defined term for a conviction test drops the "felony" box the test started with', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const card = page.getByRole('listitem', { name: / Outstanding arrest warrant in this state$/ });
  let since = await eventCount(page);
  await card.getByLabel('Test', { exact: true }).first().selectOption({ label: 'Conviction' });
  await waitForEvent(page, 'form-edit-applied', {}, since);
  await expect.poll(() => hook.getText(page)).toContain('conviction: { classes: [felony] }');
  since = await eventCount(page);
  await card.getByLabel('Defined term').selectOption({ label: 'felony' });
  const applied = await waitForEvent(page, 'form-edit-applied', { label: 'defined term' }, since);
  await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  const text = await hook.getText(page);
  const at = text.indexOf('      - id: arrest-warrant');
  expect(text.slice(at, text.indexOf('      - id: ', at + 1))).toContain('conviction: { term: felony }\n');
  await expect(card).not.toContainText('that is also a felony');
});

test('"Into section" numbers each section as the ordinance prints it', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const options = await page.getByRole('region', { name: 'Form' }).getByLabel('Into section').locator('option').allTextContents();
  const printed = cli(['render', SAMPLE])
    .split('\n')
    .filter((l) => l.startsWith('## Section '))
    .map((l) => l.slice(3));
  // Each of the document's sections, under the number it prints with (the sections the text adds, such
  // as Definitions, are not places to put a provision).
  expect(options.length).toBeGreaterThan(2);
  for (const o of options.slice(1)) expect(printed).toContain(o);
  expect(options).toContain('Section 3. Detention on a civil immigration detainer');
});

test('an export saved where the person chose says so, not "to your downloads"', async ({ page }) => {
  // The File System Access route, on the origin-private file system (native pickers can't be driven).
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    w.showSaveFilePicker = async (o: { suggestedName: string }) =>
      (await navigator.storage.getDirectory()).getFileHandle(o.suggestedName, { create: true });
  });
  await page.goto('./?e2e');
  await startInYaml(page);
  await openSample(page);
  let since = await eventCount(page);
  await page.keyboard.press('Control+Shift+E');
  await waitForEvent(page, 'export-dialog-opened', {}, since);
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /Markdown/ }).check();
  await waitForEvent(page, 'export-preview-shown', { rendition: 'md' }, since);
  since = await eventCount(page);
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await waitForEvent(page, 'export-saved', { name: 'trust-act-2014.md' }, since);
  await expect(page.getByRole('status').filter({ hasText: 'Exported trust-act-2014.md.' })).toBeVisible();
  await expect(page.getByText(/downloads/)).toHaveCount(0);
});

test('Enter on a case or a decision-table row opens its explanation beside the table, in sight and with the keyboard; Esc gives the keyboard back', async ({
  page,
}) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await chooseCases(page);
  const grid = page.getByRole('grid', { name: 'Cases and their decisions' });
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  const since = await eventCount(page);
  await page.keyboard.press('Enter');
  const shown = await waitForEvent(page, 'explanation-shown', {}, since);
  const panel = page.getByRole('complementary', { name: `Explanation of case ${shown.detail.id as string}` });
  await expect(panel).toBeInViewport();
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(grid).toBeFocused();

  await page.getByRole('tab', { name: 'Decision table' }).click();
  await waitForEvent(page, 'decision-table-rendered', {}, 0);
  const rows = page.getByRole('grid', { name: 'Decision table rows' });
  await rows.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const row = page.getByRole('complementary', { name: /^Row \d+ of the decision table$/ });
  await expect(row).toBeInViewport();
  await expect(row.getByRole('heading', { level: 2 })).toBeFocused();
});

test('the committee reads the simulation in one sentence with the command line’s figures, why decisions differ, and each case’s convictions (the most serious and the deciding one) and charge', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-'));
  const cases = path.join(dir, 'bookings.cases.json');
  writeFileSync(cases, cli(['generate', '--count', '2000', '--seed', '23']));
  const expected = JSON.parse(cli(['simulate', SAMPLE, '--cases', cases, '--baseline', 'honor-all', '--json'])) as {
    summary: { total: number; outcomes: Record<string, number>; cost: { total: number }; finalRange: { findingsMayHold: number } };
    comparison: { changed: number; otherSummary: { outcomes: Record<string, number>; cost: { total: number } } };
  };
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await chooseCaseFile(page, cases);
  await waitForEvent(page, 'simulation-rendered', { total: 2000 }, since);

  const n = (x: number) => x.toLocaleString('en-US');
  const saved = expected.comparison.otherSummary.cost.total - expected.summary.cost.total;
  // The officer's finding of risk may hold a case or not: holds are a range and the saving a most. A
  // referral of a notice-only request is never held, so the range is the command line's own count.
  const { hold } = expected.summary.outcomes as Record<'hold', number>;
  const review = expected.summary.finalRange.findingsMayHold;
  await expect(page.getByTestId('headline')).toHaveText(
    new RegExp(
      `^Of these 2,000 detainers, the jail would have held ${n(hold)} to ${n(hold + review)} under this draft and ${n(
        expected.comparison.otherSummary.outcomes.hold!,
      )} if every detainer had been honored, saving up to \\$${n(Math.round(saved))} \\(${n(review)} cases left to a person’s finding may be held\\)\\. Under this draft it would `,
    ),
  );
  // A set that carries every fact the draft tests: no reserve beside the headline.
  await expect(page.getByTestId('headline-reserve')).toHaveCount(0);
  const view = page.getByRole('region', { name: 'What this draft would do' });
  await expect(view).toContainText('The jail tells ICE when the person will be released and holds no one past that time');
  await expect(view).toContainText('it ends on Tuesday at 17:00, 96 hours on the clock');

  const reasons = page.getByRole('region', { name: /^Why [\d,]+ decisions differ from honor all$/ });
  const items = await reasons.getByRole('listitem').allTextContents();
  const total = items.map((t) => Number(/^([\d,]+) would be/.exec(t)![1]!.replace(/,/g, ''))).reduce((a, b) => a + b, 0);
  expect(total).toBe(expected.comparison.changed);
  await expect(reasons).toContainText(/§ [0-9()a-z]+ \(Unacceptable risk to public safety\) leaves them to a person/);
  await expect(reasons).not.toContainText('public-safety-risk');
  await reasons
    .getByRole('button', { name: /^Explain one of them/ })
    .first()
    .click();
  await expect(page.getByRole('complementary', { name: /^Explanation of case / })).toBeInViewport();

  const grid = page.getByRole('grid', { name: 'Cases and their decisions' });
  await expect(grid.getByRole('columnheader', { name: 'Most serious conviction' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Charged with' })).toBeVisible();
  await expect(
    grid
      .getByRole('gridcell')
      .filter({ hasText: /\((felony|misdemeanor|infraction)\)$/ })
      .first(),
  ).toBeVisible();
  // The conviction that decided each case in view, asked of the worker once the rows show: one with
  // the year it was had, or "—" where the deciding provision read none, its tooltip saying why.
  await expect(grid.getByRole('columnheader', { name: 'Deciding conviction' })).toBeVisible();
  const deciders = grid.locator('[role="gridcell"].col-deciding');
  await expect(deciders.first()).toHaveText(/^(.+ \((felony|misdemeanor|infraction)\), \d{4}( \+[\d,]+ more)?|—)$/);
  await expect(deciders.first()).toHaveAttribute('title', /satisfied the conviction test of § |^No conviction decided this case: /);
  await expect(deciders.filter({ hasText: /, \d{4}/ }).first()).toHaveAttribute('title', /satisfied the conviction test of § /);
  await expect(deciders.filter({ hasText: /^—$/ }).first()).toHaveAttribute('title', /^No conviction decided this case: /);
  await expect(deciders.filter({ hasText: '…' })).toHaveCount(0);

  // In a 1280-pixel window the pane is narrow and the table scrolls sideways: the decision's columns
  // (outcome, deciding provision and conviction) come first, read without scrolling; the facts follow.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(grid).toHaveJSProperty('scrollLeft', 0);
  /** Whether all of it shows within the table's box, not off to the right of the sideways scroll. */
  const inView = async (cell: Locator) => {
    const [g, c] = [await grid.boundingBox(), await cell.boundingBox()];
    return c!.x >= g!.x && c!.x + c!.width <= g!.x + g!.width;
  };
  for (const name of ['Outcome', 'Decided by', 'Deciding conviction'])
    await expect.poll(() => inView(grid.getByRole('columnheader', { name, exact: true })), name).toBe(true);
  await expect.poll(() => inView(deciders.first()), 'a deciding-conviction cell').toBe(true);
  const headers = (await grid.getByRole('columnheader').allTextContents()).map((h) => h.replace(/ [▲▼]$/, ''));
  expect(headers.slice(0, 5)).toEqual(['Case', 'Outcome', 'Decided by', 'Deciding conviction', 'Honor all']);
});
