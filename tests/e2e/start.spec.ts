// The window as it opens and the panels a first hour reaches last: the toolbar in one row on a laptop
// screen, every tab in sight on a small one, the law applied to the draft, and an expected-decisions file that outlasts a crash and says
// when it was written for another ordinance.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { eventCount, hook, loadApp, openApp, openExport, openSample, ROOT, SAMPLE, setTextAndWait, waitForEvent } from './app-driver';
import { axeViolations } from './axe';

const EXPECTED = path.join(ROOT, 'tests/samples/connecticut-trust-act-2014.expected.yaml');

test('the toolbar fits in one row at 1440 pixels, in both themes', async ({ page }) => {
  await openApp(page);
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
    const rows = await page.evaluate(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.titlebar .toolbar > *')];
      // A control whose middle is below the first control's bottom is on a later row.
      const first = items[0]!.getBoundingClientRect();
      return (
        1 +
        items.filter((el) => {
          const r = el.getBoundingClientRect();
          return (r.top + r.bottom) / 2 > first.bottom;
        }).length
      );
    });
    expect(rows, `${theme} theme`).toBe(1);
    const header = await page.locator('.titlebar').boundingBox();
    expect(header!.height, `${theme} theme`).toBeLessThan(60);
  }
});

test('at 1024 by 700 pixels every tab and the case-file button are in sight, none past the window’s edge', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const pastTheEdge = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role=tab], .sim-controls button')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > window.innerWidth + 1 || el.scrollWidth > el.clientWidth + 1);
        })
        .map((el) => el.textContent!.trim()),
    );
  expect(await pastTheEdge()).toEqual([]);
  for (const name of ['Preview', 'Simulation', 'Comparison', 'Decision table', 'Drafts'])
    await expect(page.getByRole('tab', { name })).toBeInViewport();
  // The button keeps its words on one line.
  const button = await page.getByRole('button', { name: 'Open a case file…' }).boundingBox();
  expect(button!.height).toBeLessThan(40);
});

test('a new document opens in the Form, editable and checked while the YAML editor has not loaded; YAML takes it over with its undo', async ({
  page,
}) => {
  // The YAML editor's code is held back until the end: nothing before that may need it.
  const editorRequests: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/editor-module-[^/]*\.(js|css)$/, async (route) => {
    editorRequests.push(route.request().url());
    await held;
    await route.continue();
  });
  await loadApp(page);
  const editable = await waitForEvent(page, 'document-editable');
  expect(editable.detail.view).toBe('form');
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Start from…' })).toBeVisible();
  // The samples are listed once the document is editable.
  await expect(page.getByRole('heading', { name: 'Enacted ordinances and policies' })).toBeVisible();

  // A key typed into a field reaches the document and the engine checks it.
  const starter = await hook.getText(page);
  let since = await eventCount(page);
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await title.click();
  await title.press('End');
  await page.keyboard.type(' (draft)');
  await page.keyboard.press('Enter');
  const changed = await waitForEvent(page, 'document-changed', {}, since);
  await waitForEvent(page, 'analysis-applied', { version: changed.detail.version }, since);
  expect(await hook.getText(page)).toContain('title: An Ordinance Concerning Civil Immigration Detainers (draft)\n');
  await expect(page.getByRole('heading', { name: 'Start from…' })).toHaveCount(0);

  // Typed but not committed when the YAML tab is clicked: leaving the field commits it.
  await page.getByRole('textbox', { name: 'Legislative body', exact: true }).fill('Board of Aldermen');
  since = await eventCount(page);
  await page.getByRole('tab', { name: 'YAML' }).click();
  await waitForEvent(page, 'document-changed', {}, since);
  const edited = await hook.getText(page);
  expect(edited).toContain('legislativeBody: Board of Aldermen\n');
  await expect(page.getByRole('status').filter({ hasText: 'Opening the editor…' })).toBeVisible();
  expect((await hook.events(page)).some((e) => e.name === 'editor-ready')).toBe(false);

  // The editor arrives: same text and version, and Ctrl+Z there undoes what the form did.
  const version = await hook.version(page);
  release();
  await waitForEvent(page, 'editor-ready');
  expect([await hook.getText(page), await hook.version(page)]).toEqual([edited, version]);
  // Monaco draws spaces as no-break spaces.
  expect((await page.locator('.monaco-editor .view-lines').textContent())!.replace(/\s/g, ' ')).toContain(
    'legislativeBody: Board of Aldermen',
  );
  await hook.undo(page);
  await expect.poll(() => hook.getText(page)).toContain('legislativeBody: City Council\n');
  expect(await hook.getText(page)).toContain('(draft)');
  await hook.undo(page);
  await expect.poll(() => hook.getText(page)).toBe(starter);

  // No request for the editor's code before the document was editable.
  expect(editorRequests.length).toBeGreaterThan(0);
  const firstRequest = await page.evaluate(() =>
    Math.min(
      ...performance
        .getEntriesByType('resource')
        .filter((r) => /\/editor-module-[^/]*\.js$/.test(r.name))
        .map((r) => r.startTime),
    ),
  );
  expect(firstRequest).toBeGreaterThan(editable.detail.at as number);
  expect(await hook.cspViolations(page)).toEqual([]);
});

test('the law applied to the draft opens from the Problems panel with its authorities and sources', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  const section = page.locator('details.law-applied-section');
  await section.getByText('Law applied', { exact: true }).click();
  const law = page.getByRole('region', { name: /^Law applied: Connecticut, as of / });
  await expect(law).toBeVisible();
  await expect(law.getByRole('heading', { level: 3 })).toHaveText(/^Law applied: Connecticut, as of \w+ \d+, \d{4}$/);
  const state = law.getByRole('list', { name: 'Connecticut law' });
  await expect(state).toContainText('54-192h');
  const federal = law.getByRole('list', { name: 'Federal law' });
  await expect(federal).toContainText('8 C.F.R. § 287.7');
  // An authority opens to what it requires and the sources it was read in.
  const first = state.locator('li.authority').first();
  await first.locator('summary').click();
  await expect(first.getByRole('list', { name: /^Sources for / })).toBeVisible();
  expect(await axeViolations(page, 'law applied')).toEqual([]);
});

test('a state searched without finding law, and a place never researched, say so in the Problems list and the Law applied view', async ({
  page,
}) => {
  await openApp(page);
  await openSample(page);
  const sample = readFileSync(path.join(ROOT, SAMPLE), 'utf8');
  const section = page.locator('details.law-applied-section');
  await section.getByText('Law applied', { exact: true }).click();
  const problems = page.getByRole('list', { name: 'Problems' });
  // Alaska: searched, none found (law/index.yaml's record of the search).
  await setTextAndWait(page, sample.replace(/^(\s+state:) CT$/m, '$1 AK'));
  await expect(problems).toContainText(
    'no state law on detainers is on file for AK (Alaska); searched on December 6, 2026: no enacted state law on detainers found (a bill only: HB 205',
  );
  const alaska = page.getByRole('region', { name: /^Law applied: Alaska, as of / });
  await expect(alaska).toContainText(
    'No Alaska statute or ruling on detainers is on file; searched on December 6, 2026: no enacted state law',
  );
  // Guam: no law on file and no search recorded.
  await setTextAndWait(page, sample.replace(/^(\s+state:) CT$/m, '$1 GU'));
  await expect(problems).toContainText('no state law on detainers is on file for GU (Guam); not researched; only federal law was checked');
  await expect(page.getByRole('region', { name: /^Law applied: Guam, as of / })).toContainText(
    'No Guam statute or ruling on detainers is on file; not researched. That is not proof there is none.',
  );
});

test('the expected-decisions file comes back with a recovery copy', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await openSample(page);
  const chooser = page.waitForEvent('filechooser');
  await hook.menu(page, 'simulate.expected');
  await (await chooser).setFiles(EXPECTED);
  const panel = page.getByRole('region', { name: 'Expected decisions' });
  await expect(panel.getByRole('status')).toHaveText(/^All \d+ cases are decided as expected\.$/);

  const since = await eventCount(page);
  const text = await hook.getText(page);
  await setTextAndWait(page, text.replace('shortTitle: TRUST Act', 'shortTitle: Trust Act (amended)'));
  await waitForEvent(page, 'recovery-written', {}, since);

  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await waitForEvent(page, 'document-editable');
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(page.getByRole('tab', { name: 'Decision table' })).toHaveAttribute('aria-selected', 'true');
  const restored = page.getByRole('region', { name: 'Expected decisions' });
  await expect(restored).toContainText(path.basename(EXPECTED));
  await expect(restored.getByRole('status')).toHaveText(/^All \d+ cases are decided as expected\.$/);
});

test('an expected-decisions file written for another ordinance says so', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Open a sample ordinance').selectOption({ label: 'Policy on Immigration Detainer Requests at the Berkeley Jail' });
  await waitForEvent(page, 'document-opened', { name: 'berkeley-2012.ordinance.yaml' });
  const chooser = page.waitForEvent('filechooser');
  await hook.menu(page, 'simulate.expected');
  await (await chooser).setFiles(EXPECTED);
  const panel = page.getByRole('region', { name: 'Expected decisions' });
  await expect(panel.locator('.expected-other-ordinance')).toHaveText(
    `${path.basename(EXPECTED)} was written for ${path.basename(SAMPLE)}; the open draft is berkeley-2012.ordinance.yaml. Its cases are checked against the open draft, so a case not decided as expected may only mean the file belongs to the other ordinance.`,
  );
  expect(await axeViolations(page, 'expected decisions for another ordinance')).toEqual([]);

  // The file's own ordinance: no such warning.
  await openSample(page);
  await expect(panel.getByRole('status')).toHaveText(/^All \d+ cases are decided as expected\.$/);
  await expect(panel.locator('.expected-other-ordinance')).toHaveCount(0);
});

test('"Start from…" shows every choice whole, not in a small box of its own; the arrow keys, Home and End move among the choices', async ({
  page,
}) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  const start = page.getByRole('region', { name: 'Start from…' });
  const choices = start.getByRole('button');
  await expect(start.getByRole('heading', { name: 'Enacted ordinances and policies' })).toBeVisible();
  const n = await choices.count();
  expect(n).toBeGreaterThan(10);
  // Nothing clipped: neither the list nor any choice scrolls within itself.
  const clipped = () =>
    page.evaluate(() =>
      [document.querySelector<HTMLElement>('.start-from')!, ...document.querySelectorAll<HTMLElement>('.start-list button')]
        .filter((el) => el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.textContent!.slice(0, 40)),
    );
  expect(await clipped()).toEqual([]);
  // On a laptop screen the blank ordinance and the seed policies are in sight at once, each whole.
  const whole = () =>
    page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.start-list button')].filter((b) => {
          const r = b.getBoundingClientRect();
          const pane = document.getElementById('left-panel')!.getBoundingClientRect();
          const problems = document.querySelector('.problems')!.getBoundingClientRect();
          return r.top >= pane.top && r.bottom <= Math.min(pane.bottom, problems.top);
        }).length,
    );
  expect(await whole()).toBeGreaterThanOrEqual(6);
  // On a small one too the pane scrolls to each, whole.
  await page.setViewportSize({ width: 1024, height: 700 });
  expect(await clipped()).toEqual([]);
  const last = choices.last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport({ ratio: 1 });

  await choices.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(choices.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(last).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(choices.nth(n - 2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(choices.first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const since = await eventCount(page);
  await page.keyboard.press('Enter');
  await waitForEvent(page, 'template-opened', {}, since);
  await expect(start).toHaveCount(0);
});

test('a blank draft names no place: the check says to choose the state, export refuses it, and the state chosen in the form decides the law it is checked against', async ({
  page,
}) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await waitForEvent(page, 'analysis-applied');
  const problems = page.getByRole('list', { name: 'Problems' });
  // No placeholder place: the errors ask for the jurisdiction's name and state, and nothing is checked against any state's law.
  expect(await hook.getText(page)).not.toMatch(/City of Example|^\s+state:/m);
  await expect(problems).toContainText(
    'choose the state this ordinance is for: the state decides which state law it is checked against (its two-letter postal code, e.g. MA, IL or TX)',
  );
  await expect(problems).toContainText('name the city, town, county or state this ordinance is for (e.g. City of Boston or Cook County)');
  await expect(page.getByRole('region', { name: /^Problems 2 errors/ })).toBeVisible();

  // Export is refused with the reason, as for any draft with errors.
  const dialog = await openExport(page);
  await expect(dialog.getByRole('alert')).toContainText('The draft has 2 errors. Only an ordinance without errors can be exported.');
  await expect(dialog.getByRole('alert')).toContainText(/First: line \d+, column 1: (name the city|choose the state)/);
  await expect(dialog.getByRole('button', { name: 'Save…' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The form: the place, then the state by its name. Illinois lies in one zone, which comes with it.
  const form = page.getByRole('region', { name: 'Form' });
  const name = form.getByRole('textbox', { name: 'Jurisdiction', exact: true });
  await name.fill('City of Evanston');
  await name.press('Enter');
  const chooseState = async (typed: string) => {
    const since = await eventCount(page);
    const state = form.getByRole('textbox', { name: 'State', exact: true });
    await state.fill(typed);
    await state.press('Enter');
    const applied = await waitForEvent(page, 'form-edit-applied', { label: 'state' }, since);
    await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  };
  await chooseState('Illinois');
  expect(await hook.getText(page)).toContain(
    'jurisdiction:\n  name: City of Evanston\n  state: IL\n  level: city\n  timeZone: America/Chicago\n',
  );
  // Clean for Illinois: no error and no warning, and the law applied is Illinois's.
  await expect(page.getByRole('region', { name: /^Problems 0 errors, 0 warnings/ })).toBeVisible();
  await page.locator('details.law-applied-section').getByText('Law applied', { exact: true }).click();
  await expect(page.getByRole('region', { name: /^Law applied: Illinois, as of / })).toBeVisible();

  // The same draft for Texas is checked against Texas law: SB 4 requires honoring detainers this draft declines.
  await chooseState('TX');
  await expect(page.getByRole('region', { name: /^Law applied: Texas, as of / })).toBeVisible();
  await expect(problems).toContainText('Texas requires agencies to honor them');
  await expect(page.getByRole('region', { name: /^Problems [1-9]\d* errors?/ })).toBeVisible();
});
