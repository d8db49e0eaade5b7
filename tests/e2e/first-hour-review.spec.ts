// What a reviewer found in a city solicitor's first hour with the app, each fixed and checked here in
// Chromium: the time zone following the state, plain titles in the Problems list, whole case ids, the
// title bar and the form's Undo bar at a narrow window, an empty defined term's boxes, the case set's
// name in the impact report, the notice-only provision template, and the Simulation's notice of a
// provision no case reached (by its section and heading, with the reimbursement setting it waits on).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  checkPageHealth,
  chooseCaseFile,
  eventCount,
  hook,
  loadApp,
  namePlace,
  openApp,
  openSample,
  ROOT,
  setTextAndWait,
  waitForEvent,
} from './app-driver';

checkPageHealth({ csp: true });

async function fillState(page: Page, typed: string) {
  const state = page.getByRole('region', { name: 'Form' }).getByRole('textbox', { name: 'State', exact: true });
  const since = await eventCount(page);
  await state.fill(typed);
  await state.press('Enter');
  const applied = await waitForEvent(page, 'form-edit-applied', { label: 'state' }, since);
  await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
}

const zoneLine = async (page: Page) => /^ {2}timeZone: (.*)$/m.exec(await hook.getText(page))?.[1] ?? null;

test('the time zone follows the state: set where the state lies in one zone, asked for where it lies in more, kept where it is one of the new state’s', async ({
  page,
}) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  const form = page.getByRole('region', { name: 'Form' });
  const zone = form.getByRole('combobox', { name: 'Time zone', exact: true });
  // The new draft names no place, no state and no zone; named, it is checked once a state is chosen.
  expect(await zoneLine(page)).toBeNull();
  const name = form.getByRole('textbox', { name: 'Jurisdiction', exact: true });
  await name.fill('City of Tulsa');
  await name.press('Enter');
  // Oklahoma lies wholly in the Central zone.
  await fillState(page, 'Oklahoma');
  expect(await zoneLine(page)).toBe('America/Chicago');
  await expect(zone).toHaveValue('America/Chicago');
  await expect(
    form.getByRole('status').filter({ hasText: 'Time zone set to Central (America/Chicago), the one zone Oklahoma lies in' }),
  ).toBeVisible();
  // Texas lies in two zones: the Central zone stays (it is one of them); the Eastern zone would not.
  await fillState(page, 'TX');
  expect(await zoneLine(page)).toBe('America/Chicago');
  await expect(form.getByRole('group', { name: 'Choose the time zone' })).toHaveCount(0);
  await fillState(page, 'New York');
  expect(await zoneLine(page)).toBe('America/New_York');
  await fillState(page, 'Texas');
  expect(await zoneLine(page)).toBeNull();
  await expect(zone).toHaveValue('');
  await expect(
    form.getByRole('status').filter({ hasText: 'Time zone America/New_York taken out: it is not a zone of Texas.' }),
  ).toBeVisible();
  const ask = form.getByRole('group', { name: 'Choose the time zone' });
  await expect(ask).toContainText(
    'Texas lies in more than one time zone, Central (America/Chicago) or Mountain (America/Denver) (49 C.F.R. 71.6, 71.8): choose the one the jail keeps.',
  );
  // The engine's finding offers the same zones as quick fixes (the starter holds for calendar hours).
  const finding = page.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'names no time zone' });
  await finding.getByRole('button').first().click();
  await expect(finding.getByRole('group', { name: 'Quick fixes' }).getByRole('button', { name: /Name the time zone/ })).toHaveText([
    'Name the time zone: Central (America/Chicago)',
    'Name the time zone: Mountain (America/Denver)',
  ]);
  // Chosen by hand: Mountain. Nebraska lies in the Central and Mountain zones: the choice stays.
  let since = await eventCount(page);
  await ask.getByRole('button', { name: 'Mountain (America/Denver)' }).click();
  await waitForEvent(page, 'form-edit-applied', { label: 'time zone' }, since);
  expect(await zoneLine(page)).toBe('America/Denver');
  await expect(ask).toHaveCount(0);
  await fillState(page, 'NE');
  expect(await zoneLine(page)).toBe('America/Denver');
  await expect(zone).toHaveValue('America/Denver');
  // One undo takes back the state and the zone it brought together.
  await fillState(page, 'MA');
  expect(await zoneLine(page)).toBe('America/New_York');
  since = await eventCount(page);
  await hook.undo(page);
  await waitForEvent(page, 'analysis-applied', {}, since);
  expect(await hook.getText(page)).toMatch(/ {2}state: NE\n[^]* {2}timeZone: America\/Denver\n/);
});

test('the Problems list leads each finding with a plain title; its code stays beside it, small, with a tooltip', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  const problems = page.getByRole('list', { name: 'Problems' });
  const row = problems.getByRole('listitem').filter({ hasText: 'only ever sends cases to review' });
  const button = row.getByRole('button').first();
  await expect(button.locator('.problem-title')).toHaveText('Only sends to review: ');
  await expect(button).toHaveAccessibleName(/^Note: Only sends to review ?: § 3\(c\)\(3\)/);
  const code = button.locator('.code');
  await expect(code).toHaveText('[discretion-only]');
  await expect(code).toHaveAttribute('title', /^Code discretion-only: the name a lint-ignore comment gives/);
  // The title reads first and larger; the code is the small print under the message.
  const [titleBox, codeBox, messageBox] = await Promise.all(
    ['.problem-title', '.code', '.message'].map((s) => button.locator(s).boundingBox()),
  );
  expect(titleBox!.y).toBeLessThan(messageBox!.y);
  expect(codeBox!.y).toBeGreaterThan(messageBox!.y);
  const size = (s: string) => button.locator(s).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(await size('.code')).toBeLessThan(await size('.problem-title'));
});

for (const width of [1024, 1440]) {
  test(`the cases table shows every case id whole, with a tooltip, in a ${width}-pixel window`, async ({ page }) => {
    // The illustrative cases under the long ids a county's booking system gives (wide letters among them).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-ids-'));
    const file = path.join(dir, 'riverton-2019.cases.yaml');
    let n = 0;
    writeFileSync(
      file,
      readFileSync(path.join(ROOT, 'samples/cases/illustrative.cases.yaml'), 'utf8').replace(
        /^- id: .*$/gm,
        () => `- id: RIVERTON-MWM-2019-BOOKING-${String(++n).padStart(6, '0')}${n === 7 ? '-WWWW' : ''}`,
      ),
    );
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    await openSample(page);
    await page.getByRole('tab', { name: 'Simulation' }).click();
    const since = await chooseCaseFile(page, file);
    await waitForEvent(page, 'simulation-rendered', { total: 16 }, since);
    const grid = page.getByRole('grid', { name: 'Cases and their decisions' });
    const cells = grid.locator('.row:not(.header) .col-id');
    await expect(cells).toHaveCount(16);
    const shown = await cells.evaluateAll((xs) =>
      xs.map((x) => ({ text: x.textContent, title: x.getAttribute('title'), cut: x.scrollWidth > x.clientWidth })),
    );
    expect(shown.filter((c) => c.cut)).toEqual([]);
    expect(shown.every((c) => c.title === c.text)).toBe(true);
    expect(shown.map((c) => c.text)).toContain('RIVERTON-MWM-2019-BOOKING-000007-WWWW');
    // The header's Case column lines up with the ids under it.
    const header = await grid.getByRole('columnheader', { name: /^Case/ }).boundingBox();
    const cell = await cells.first().boundingBox();
    expect(Math.abs(header!.width - cell!.width)).toBeLessThan(1);
  });
}

test('in a 1024-pixel window the title bar shows the document’s name (whole in its tooltip) and every button on one row, and a field’s help stays under the Undo bar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page);
  await openSample(page);
  const name = page.locator('.titlebar .doc-name');
  await expect(name).toHaveText('connecticut-trust-act-2014.ordinance.yaml');
  await expect(name).toHaveAttribute('title', 'connecticut-trust-act-2014.ordinance.yaml');
  // Every control of the toolbar is in the window, on one row beside the name (narrow-window.spec.ts
  // checks a long name is cut with an ellipsis rather than pushing the toolbar to a second row).
  const controls = await page
    .getByRole('toolbar', { name: 'File and view' })
    .locator(':scope > button, :scope > .field select')
    .evaluateAll((xs) => xs.map((x) => x.getBoundingClientRect().toJSON() as DOMRect));
  expect(controls.length).toBeGreaterThan(10);
  expect(controls.every((r) => r.left >= 0 && r.right <= 1024)).toBe(true);
  const tops = controls.map((r) => r.top);
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(8);
  const bar = await page.locator('.titlebar').boundingBox();
  expect(bar!.height).toBeLessThan(45);

  // The form, scrolled so that a focused field's help would run up under the Undo bar.
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Form' });
  const field = form.getByRole('textbox', { name: 'Jurisdiction', exact: true });
  await field.focus();
  const help = form.locator('.field:focus-within > .field-help');
  await expect(help).toBeVisible();
  const undo = form.getByRole('toolbar', { name: 'Form actions' }).getByRole('button', { name: 'Undo' });
  // Scrolled so that the help, just under the field, lies across the Undo button.
  const [fieldBox, u] = [await field.boundingBox(), await undo.boundingBox()];
  await form.evaluate((e, by) => e.scrollBy(0, by), fieldBox!.y + fieldBox!.height - (u!.y + u!.height / 2) + 8);
  await expect(help).toBeVisible();
  // Which is drawn on top where they cross (the help lets the pointer through, so it is asked to take it here).
  const h = await help.boundingBox();
  expect(h!.y).toBeLessThan(u!.y + u!.height / 2);
  expect(h!.y + h!.height).toBeGreaterThan(u!.y + u!.height / 2);
  await help.evaluate((e) => (e.style.pointerEvents = 'auto'));
  const onTop = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.textContent ?? null,
    [u!.x + u!.width / 2, u!.y + u!.height / 2],
  );
  expect(onTop).toBe('Undo');
});

test('a defined term with no offenses chosen reads as not yet defined and refused, as the engine refuses it, not as covering nothing', async ({
  page,
}) => {
  const sample = readFileSync(path.join(ROOT, 'samples/ordinances/violent-convictions-only-2012.ordinance.yaml'), 'utf8');
  const homicide = '    covers:\n      - categories: [homicide]\n';
  expect(sample).toContain(homicide);
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  const form = page.getByRole('region', { name: 'Form' });
  const problems = page.getByRole('list', { name: 'Problems' });
  const card = form.getByRole('listitem', { name: 'Definition of homicide' });

  // No offenses chosen for a term a condition uses.
  let checked = await setTextAndWait(page, sample.replace(homicide, ''));
  expect(checked.detail.errors).toBe(1);
  await expect(problems).toContainText(
    'the defined term "homicide" is used in a condition but does not say which offenses it covers; add "covers" to its definition',
  );
  await expect(card.locator('.cover-undefined')).toHaveText(
    'Not yet defined: no offenses are chosen for “homicide”, and a condition uses it, so the draft is refused until they are (the defined term "homicide" is used in a condition but does not say which offenses it covers). Add offenses covered.',
  );
  await expect(card).not.toContainText('covers nothing');
  // A term no condition uses, such as "civil immigration detainer", needs none.
  const detainer = form.getByRole('listitem', { name: 'Definition of civil immigration detainer' });
  await expect(detainer.locator('.cover-undefined')).toHaveCount(0);
  await expect(detainer).toContainText('No offenses are chosen: right for a term that is not about offenses');

  // A part with nothing ticked.
  checked = await setTextAndWait(page, sample.replace(homicide, '    covers:\n      - {}\n'));
  expect(checked.detail.errors).toBe(1);
  await expect(problems).toContainText('"Offenses covered" must not be empty');
  const part = card.getByRole('group', { name: 'Offenses covered, part 1' });
  await expect(part.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(part.locator('.cover-undefined')).toHaveText(
    'Not yet defined: nothing is ticked in this part, so the draft is refused ("Offenses covered" must not be empty) until a class or a category is ticked, or the part is removed.',
  );
  await card.scrollIntoViewIfNeeded();
  // Ticking a category defines it: the note goes with the error.
  const since = await eventCount(page);
  await part.getByRole('checkbox', { name: 'homicide' }).check();
  const applied = await waitForEvent(page, 'form-edit-applied', {}, since);
  checked = await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(checked.detail.errors).toBe(0);
  await expect(card.locator('.cover-undefined')).toHaveCount(0);
});

test('the templates offer a provision that only notifies ICE of release; added to a draft, the text says just that', async ({ page }) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await namePlace(page);
  const form = page.getByRole('region', { name: 'Form' });
  const picker = form.getByLabel('Provision template');
  await expect(picker.locator('optgroup[label="Other outcomes"] option')).toContainText([
    'Notify ICE of release when it asks for notice (never hold)',
  ]);
  // At the end of the section: after the starter's provisions on minors and judicial warrants.
  await picker.selectOption({ label: 'Notify ICE of release when it asks for notice (never hold)' });
  const since = await eventCount(page);
  await form.getByRole('button', { name: 'Add provision' }).click();
  const applied = await waitForEvent(page, 'form-edit-applied', {}, since);
  const checked = await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(checked.detail.errors).toBe(0);
  expect(checked.detail.warnings).toBe(0);
  expect(await hook.getText(page)).toContain(
    '      - id: notice-of-release\n        heading: Notice of release when ICE asks for it\n        when: { requested: notify }\n        outcome: notify\n',
  );
  const printed = page.getByRole('article', { name: 'An Ordinance Concerning Civil Immigration Detainers' });
  await expect(printed).toContainText(
    "if the civil immigration detainer requests notice of the time of release, the Police Department shall not hold the person on the civil immigration detainer and shall respond to it only by notifying ICE of the time of the person's release.",
  );
});

test('a provision no case reached is named as the coverage table names it, with the reimbursement setting it waits on; a one-month set reads “1 month”', async ({
  page,
}) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  let since = await eventCount(page);
  await page.getByLabel('Open a sample ordinance').selectOption({ label: 'Policy for Responding to ICE Detainers' });
  await waitForEvent(page, 'document-opened', { name: 'cook-county-46-37-2011.ordinance.yaml' }, since);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Sample: Illustrative' });
  await waitForEvent(page, 'simulation-rendered', { total: 16 }, since);
  // Cook County's § 2(a) holds only under a written reimbursement agreement, and the run has none: not "reached reimbursed:
  // an earlier provision decides every case it would" (§ 2(a) is the first provision).
  const unreached = page.getByTestId('coverage-unreached');
  await expect(unreached).toHaveText(
    'No case in this set reached § 2(a) Written reimbursement agreement in force: it applies only while a written reimbursement agreement is in force, and this run has none; tick “Written reimbursement agreement in force” above to see its cases.',
  );
  since = await eventCount(page);
  await page.getByRole('checkbox', { name: 'Written reimbursement agreement in force' }).check();
  await waitForEvent(page, 'simulation-rendered', { total: 16 }, since);
  await expect(page.getByTestId('count-hold')).not.toHaveText('0');
  await expect(unreached).toHaveCount(0);

  // A file of one month's bookings.
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-')), 'may.csv');
  writeFileSync(
    file,
    'id,age,bookedAt,eligibleForReleaseAt,requests\r\n24-100,34,2024-05-01 08:00,2024-06-01 12:00,hold;notify\r\n24-104,15,2024-05-05 12:00,2024-06-06 12:00,hold\r\n',
  );
  since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'simulation-rendered', { total: 2 }, since);
  await expect(page.getByText('By month (1 month)', { exact: true })).toBeVisible();
});
