// The browser build end to end, in Chromium: open a sample, break and fix it through the editor,
// edit through the form, watch the preview, simulate against the CLI's numbers, explain, save.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  chooseCaseFile,
  cli,
  eventCount,
  hook,
  openApp,
  openSample,
  ROOT,
  SAMPLE,
  setTextAndWait,
  waitForEvent,
  checkPageHealth,
} from './app-driver';

const sampleText = readFileSync(path.join(ROOT, SAMPLE), 'utf8');

checkPageHealth({ csp: true });

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return i + 1;
}

test('a sample opens; an error made through the editor model shows as a squiggle and a problem; the problem leads to its line, or in the Form to its card; fixing it clears both', async ({
  page,
}) => {
  const checked = await openSample(page);
  expect(checked.detail.errors).toBe(0);
  expect(await hook.getText(page)).toBe(sampleText);
  const errorMarkers = async () => (await hook.markers(page)).filter((m) => m.severity === 'error');
  expect(await errorMarkers()).toEqual([]);
  await expect(page.getByRole('heading', { name: /^Problems 0 errors/ })).toBeVisible();
  // The sample's silenced findings are listed (last, in italics): the header counts them apart, so a
  // warning row under "0 warnings" is not read as a miscount.
  const silenced = await page.getByRole('button', { name: /^Silenced Warning: / }).count();
  expect(silenced).toBeGreaterThan(0);
  await expect(
    page.getByRole('heading', { name: `Problems 0 errors, 0 warnings (${silenced} silenced), 2 notes`, exact: true }),
  ).toBeVisible();

  // Break it: the first hold outcome misspelled.
  const broken = sampleText.replace('        outcome: hold\n', '        outcome: hodl\n');
  expect(broken).not.toBe(sampleText);
  const line = lineOf(broken, 'outcome: hodl');
  const analysis = await setTextAndWait(page, broken);
  expect(analysis.detail.errors).toBeGreaterThan(0);

  const markers = await hook.markers(page);
  const marker = markers.find((m) => m.line === line && m.severity === 'error');
  expect(marker, `an error marker on line ${line}: ${JSON.stringify(markers)}`).toBeDefined();
  expect(marker!.message).toMatch(/hold, notify, review or decline|must be one of|outcome/i);

  const problems = page.getByRole('list', { name: 'Problems' });
  const problem = problems.getByRole('button', { name: new RegExp(`^Error: .*line ${line}, col \\d+$`) });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(`[${marker!.code}]`);

  // In the YAML view the problem leads to its line.
  await hook.setCursor(page, 1, 1);
  await problem.click();
  await expect(page.getByRole('tab', { name: 'YAML' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(async () => (await hook.cursor(page)).line).toBe(line);

  // In the Form it opens the card of the provision in question, and the person stays in the Form.
  await page.getByRole('tab', { name: 'Form' }).click();
  await problem.click();
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  const card = page.getByRole('listitem', { name: / Has been convicted of a felony$/ });
  await expect(card).toBeInViewport();
  await expect(card).toBeFocused();
  await page.getByRole('tab', { name: 'YAML' }).click();

  const fixed = await setTextAndWait(page, sampleText);
  expect(fixed.detail.errors).toBe(0);
  expect(await errorMarkers()).toEqual([]);
  await expect(page.getByRole('heading', { name: /^Problems 0 errors/ })).toBeVisible();
});

test('a provision added through the form appears in the YAML with every comment kept, in the preview, and goes back with one undo', async ({
  page,
}) => {
  await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Form' });
  await form.getByLabel('Provision template').selectOption({ label: 'Never hold anyone under 18' });
  await form.getByLabel('Position in the section').selectOption({ label: 'At the top (read first)' });
  const since = await eventCount(page);
  await form.getByRole('button', { name: 'Add provision' }).click();
  const applied = await waitForEvent(page, 'form-edit-applied', {}, since);
  const analysis = await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(analysis.detail.errors).toBe(0);

  const text = await hook.getText(page);
  const block =
    '      - id: minors\n        heading: Persons under 18\n        when:\n          age: { under: 18 }\n        outcome: decline\n';
  expect(text).toContain(block);
  // Everything else is exactly as the author wrote it, comments included.
  expect(text.replace(block, '')).toBe(sampleText);
  expect(text.indexOf(block)).toBeLessThan(text.indexOf('      - id: felony-conviction'));

  // The form shows the new provision with its citation; the preview prints it.
  await expect(form.getByRole('listitem', { name: /§ 3\(a\) Persons under 18/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Preview' }).click();
  const printed = page.getByRole('article', { name: 'An Act Concerning Civil Immigration Detainers' });
  await expect(printed).toContainText('shall decline the civil immigration detainer');
  await expect(printed).toContainText('If the person is under 18 years of age');
  await expect(printed).toContainText('Except as provided in § 3(a)');

  // One undo history: the form's Undo takes the whole insertion back.
  const before = await eventCount(page);
  await form.getByRole('button', { name: 'Undo' }).click();
  await waitForEvent(page, 'analysis-applied', {}, before);
  expect(await hook.getText(page)).toBe(sampleText);
  await expect(printed).not.toContainText('under 18 years of age');
});

test('a provision moves to another section through the form, comments and wording with it, and comes back with one undo', async ({
  page,
}) => {
  await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Form' });
  // The only provision of its section can't leave it.
  await expect(form.getByLabel('Move § 6 [no heading; effective date] to another section')).toBeDisabled();
  // The outline brings a card into view by scrolling the form alone, never the window under the title bar.
  await page.getByRole('button', { name: /^§ 3\(b\) Known gang member/ }).click();
  await expect(form.getByRole('listitem', { name: /§ 3\(b\) Known gang member/ })).toBeInViewport();
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  expect((await page.getByRole('button', { name: 'Save', exact: true }).boundingBox())!.y).toBeLessThan(20);

  const since = await eventCount(page);
  await form.getByLabel('Move § 3(b) Known gang member to another section').selectOption({ label: 'Effective date' });
  const applied = await waitForEvent(page, 'form-edit-applied', {}, since);
  const analysis = await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(analysis.detail.errors).toBe(0);

  const text = await hook.getText(page);
  const start = sampleText.indexOf('      - id: gang-member');
  const end = sampleText.indexOf('      - id: terrorist-screening');
  const block = sampleText.slice(start, end);
  // The block, wording and all, now closes the "Effective date" section; nothing else changed.
  expect(text.endsWith(`        date: 2014-01-01\n${block}otherwise: decline\n`)).toBe(true);
  expect(text.replace(block, '')).toBe(sampleText.replace(block, ''));
  await expect(form.getByRole('listitem', { name: /§ 5\(b\) Known gang member/ })).toBeVisible();

  const before = await eventCount(page);
  await form.getByRole('button', { name: 'Undo' }).click();
  await waitForEvent(page, 'analysis-applied', {}, before);
  expect(await hook.getText(page)).toBe(sampleText);
});

test('a condition edited with the pickers changes the YAML, the preview and the problems', async ({ page }) => {
  const opened = await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const card = page.getByRole('listitem', { name: /§ 3\(a\)\(3\) Outstanding arrest warrant in this state/ });
  const since = await eventCount(page);
  await card.getByRole('checkbox', { name: 'a federal court' }).check();
  await waitForEvent(page, 'form-edit-applied', {}, since);
  await expect.poll(() => hook.getText(page)).toContain('warrant: { kind: criminal, jurisdictions: [state, federal] }');
  const later = await eventCount(page);
  await card.getByLabel('Outcome').selectOption({ label: 'Notify ICE of release only' });
  const applied = await waitForEvent(page, 'form-edit-applied', {}, later);
  const analysis = await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, later);
  // Leaving "hold" removes the maximum too, so no warning about an unused maximum appears.
  expect(analysis.detail.errors).toBe(0);
  expect((await hook.markers(page)).filter((m) => m.code === 'unused-maximum')).toEqual([]);
  expect(analysis.detail.warnings).toBeLessThanOrEqual(opened.detail.warnings as number);
  const text = await hook.getText(page);
  const at = text.indexOf('      - id: arrest-warrant');
  expect(text.slice(at, text.indexOf('      - id: ', at + 1))).toBe(
    '      - id: arrest-warrant\n        heading: Outstanding arrest warrant in this state\n        when:\n          warrant: { kind: criminal, jurisdictions: [state, federal] }\n        outcome: notify\n',
  );
});

test("the engine's legal findings show with their authority, and a quick fix from the Problems panel rewrites the YAML", async ({
  page,
}) => {
  await openSample(page);
  // The sample silences, with its reasons, the findings the law made after 2014; this test works on
  // the statute's text without them.
  const unsilenced = sampleText.replace(/\n# The sample reproduces[^]*?\nsuppress:\n(?: {2}.*\n| {4}.*\n)*\n/, '\n');
  expect(unsilenced).not.toContain('suppress:');
  const opened = await setTextAndWait(page, unsilenced);
  expect(opened.detail.warnings).toBeGreaterThan(0);
  const problems = page.getByRole('list', { name: 'Problems' });
  // The TRUST Act holds on records alone: the lint cites the detainer cases for it.
  const finding = problems.getByRole('button', { name: /^Warning: .*Known gang member.*without a judicial warrant/ }).first();
  await finding.click();
  await expect(problems).toContainText('Galarza v. Szalczyk');
  const findingLine = Number(/line (\d+), col \d+$/.exec((await finding.textContent()) ?? '')?.[1]);
  await expect.poll(async () => (await hook.cursor(page)).line).toBe(findingLine);
  // The opened finding shows its example case, worked out then: the one `validate --examples` prints under it.
  const draft = path.join(mkdtempSync(path.join(os.tmpdir(), 'detainer-example-e2e-')), 'unsilenced.ordinance.yaml');
  writeFileSync(draft, unsilenced);
  const validated = spawnSync(process.execPath, [path.join(ROOT, 'bin/detainer-studio.mjs'), 'validate', '--examples', draft], {
    encoding: 'utf8',
  }).stdout.split('\n');
  const printedAt = validated.findIndex((l) => l.startsWith(`${draft}:${findingLine}:`) && l.endsWith('[hold-without-judicial-warrant]'));
  expect(printedAt).toBeGreaterThanOrEqual(0);
  expect(validated[printedAt + 1]).toMatch(/^ {4}e\.g\. ./);
  await expect(problems.locator('.problem.open .finding-example')).toHaveText(`For example: ${validated[printedAt + 1]!.slice(9)}`);
  // The line belongs to the gang-member provision.
  const lines = unsilenced.split('\n');
  const provisionStart = lines
    .slice(0, findingLine)
    .map((l) => l.trim())
    .lastIndexOf('- id: gang-member');
  expect(provisionStart).toBeGreaterThan(0);

  const since = await eventCount(page);
  await problems.getByRole('button', { name: 'Require a judicial warrant for this hold' }).click();
  const fixed = await waitForEvent(page, 'quick-fix-applied', {}, since);
  await waitForEvent(page, 'analysis-applied', { version: fixed.detail.version }, since);
  const text = await hook.getText(page);
  const at = text.indexOf('      - id: gang-member');
  const provision = text.slice(at, text.indexOf('      - id: ', at + 1));
  expect(provision).toMatch(/judicialWarrant: true/);
  expect(provision).toMatch(/gangDatabase/);
  // Everything outside the provision is as the author wrote it.
  expect(text.slice(0, at)).toBe(unsilenced.slice(0, at));
  await expect(problems.getByRole('button', { name: /Known gang member.*without a judicial warrant/ })).toHaveCount(0);

  // The same fixes are the editor's code actions (Ctrl+.) on a finding's squiggle.
  const terrorist = (await hook.markers(page)).find((m) => /Terrorist Screening Database.*without a judicial warrant/.test(m.message));
  expect(terrorist).toBeDefined();
  await hook.setCursor(page, terrorist!.line, terrorist!.column + 1);
  // As a user does, press Ctrl+. once the editor's light bulb shows the fixes at the cursor. (Pressed
  // sooner, Monaco's own request for the light bulb, 250 ms after the cursor moves, replaces the
  // Ctrl+. request half a second later: when the fixes take longer than that to work out, on a
  // loaded machine, the menu never opens.)
  await expect(page.locator('.monaco-editor .lightBulbWidget')).toBeVisible();
  await page.keyboard.press('Control+Period');
  const action = page.getByRole('option', { name: /Require a judicial warrant for this hold/ });
  await expect(action).toBeVisible();
  const before = await eventCount(page);
  await action.click();
  await waitForEvent(page, 'analysis-applied', {}, before);
  await expect
    .poll(async () => (await hook.markers(page)).some((m) => /Terrorist Screening Database.*without a judicial warrant/.test(m.message)))
    .toBe(false);
  // Both fixes are one undo step each.
  await hook.undo(page);
  await expect
    .poll(async () => (await hook.markers(page)).some((m) => /Terrorist Screening Database.*without a judicial warrant/.test(m.message)))
    .toBe(true);

  // A finding the drafters accept is silenced with their reason, written into the document.
  const arrest = problems.getByRole('button', { name: /^Warning: .*Outstanding arrest warrant in this state.*no criminal conviction/ });
  await arrest.click();
  await problems.getByRole('button', { name: 'Silence with a reason…' }).click();
  await problems.getByLabel('Why the drafters accept this finding').fill('the statute lists a state arrest warrant as a ground');
  const beforeSilence = await eventCount(page);
  await problems.getByRole('button', { name: 'Silence', exact: true }).click();
  await waitForEvent(page, 'quick-fix-applied', {}, beforeSilence);
  await expect
    .poll(() => hook.getText(page))
    .toContain('# lint-ignore hold-without-conviction: the statute lists a state arrest warrant as a ground');
  await expect(problems.getByRole('button', { name: /^Silenced Warning: .*Outstanding arrest warrant in this state/ })).toBeVisible();
});

test('the editor explains keys and completes them from the ordinance schema', async ({ page }) => {
  await openSample(page);
  const line = lineOf(sampleText, 'maxHold: { hours: 48');
  await hook.setCursor(page, line, 10);
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  const hover = page.getByRole('tooltip');
  await expect(hover).toContainText('Maximum hold');
  await expect(hover).toContainText('8 CFR 287.7(d)');
  await page.keyboard.press('Escape');

  // A new key in a provision: the suggestions are the fields of the provision's type (a notice to ICE,
  // whose `type` is on the line below), with the schema's words; none of a report's or a detainer's.
  const at = lineOf(sampleText, '      - id: notice-of-decision');
  const text = sampleText.replace('      - id: notice-of-decision\n', '      - id: notice-of-decision\n        \n');
  await setTextAndWait(page, text);
  await hook.setCursor(page, at + 1, 9);
  await page.keyboard.press('Control+Space');
  const suggestions = page.getByRole('listbox');
  await expect(suggestions.getByRole('option')).toHaveText([/^heading/]);
  await page.keyboard.press('Escape');

  // After `maxHold:` in a new hold provision: the mapping a maximum hold takes, and nothing else.
  const hold = sampleText.replace(
    '      - id: notice-of-decision\n',
    '      - id: new-hold\n        outcome: hold\n        maxHold: \n      - id: notice-of-decision\n',
  );
  await setTextAndWait(page, hold);
  await hook.setCursor(page, at + 2, 18);
  await page.keyboard.press('Control+Space');
  await expect(suggestions.getByRole('option')).toHaveText([/^hours: 48, excludingWeekendsAndHolidays: false/]);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => hook.getText(page))
    .toContain(
      '      - id: new-hold\n        outcome: hold\n        maxHold:\n          hours: 48\n          excludingWeekendsAndHolidays: false\n',
    );
});

async function loadCaseFile(page: Page, file: string) {
  const since = await chooseCaseFile(page, file);
  return waitForEvent(page, 'cases-loaded', {}, since);
}

test('the simulation of a case file gives the same counts as `detainer-studio simulate --json`, and explains a case', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-'));
  const cases = path.join(dir, 'bookings.cases.json');
  writeFileSync(cases, cli(['generate', '--count', '3000', '--seed', '41']));
  const expected = JSON.parse(cli(['simulate', SAMPLE, '--cases', cases, '--baseline', 'honor-all', '--json'])) as {
    summary: { total: number; outcomes: Record<string, number>; holdHours: number; cost: { total: number } };
    comparison: { changed: number };
    decisions: Array<{ id: string; outcome: string; citation: string; provision: string }>;
  };

  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  // The sample never reads a reimbursement agreement: the view offers no box for one (simulation-words.spec.ts).
  await expect(page.getByRole('checkbox', { name: 'Written reimbursement agreement in force' })).toHaveCount(0);
  const beforeLoad = await eventCount(page);
  const loaded = await loadCaseFile(page, cases);
  expect(loaded.detail).toMatchObject({ name: 'bookings.cases.json', count: 3000, problems: 0 });
  const shown = await waitForEvent(page, 'simulation-rendered', { total: 3000 }, beforeLoad);
  expect(shown.detail.outcomes).toEqual(expected.summary.outcomes);

  const summary = page.getByRole('region', { name: 'Summary' });
  for (const [outcome, label] of [
    ['hold', 'Hold'],
    ['notify', 'Notify only'],
    ['review', 'Review'],
    ['decline', 'Decline'],
  ] as const) {
    await expect(summary.getByTestId(`count-${outcome}`)).toHaveText(expected.summary.outcomes[outcome]!.toLocaleString('en-US'));
    await expect(summary).toContainText(label);
  }
  // Whole hours, as the app shows them (engine/numbers.ts hours): the total need not be whole.
  await expect(summary).toContainText(`${Math.round(expected.summary.holdHours).toLocaleString('en-US')}`);
  await expect(summary).toContainText(`$${Math.round(expected.summary.cost.total).toLocaleString('en-US')}`);
  await expect(summary).toContainText(`${expected.comparison.changed.toLocaleString('en-US')} decision`);

  // Filter to holds, open the first case's explanation.
  await page
    .getByLabel('Outcome', { exact: true })
    .selectOption({ label: `Hold (${expected.summary.outcomes.hold!.toLocaleString('en-US')})` });
  const firstHold = expected.decisions.find((d) => d.outcome === 'hold')!;
  const grid = page.getByRole('grid', { name: 'Cases and their decisions' });
  const since = await eventCount(page);
  await grid.getByRole('row', { name: new RegExp(`^${firstHold.id} `) }).click();
  const explained = await waitForEvent(page, 'explanation-shown', { id: firstHold.id }, since);
  expect(explained.detail).toMatchObject({ outcome: 'hold', provision: firstHold.provision });
  const explanation = page.getByRole('complementary', { name: `Explanation of case ${firstHold.id}` });
  await expect(explanation).toContainText(`decided by ${firstHold.citation}`);
  // The provision by its heading, as the ordinance prints it, not by its id.
  const heading = new RegExp(`- id: ${firstHold.provision}\\n\\s+heading: (.+)`).exec(sampleText)![1]!;
  await expect(explanation.getByRole('region', { name: 'Under this draft' })).toContainText(`${firstHold.citation}, ${heading}`);

  // Keyboard: the grid moves with the arrows and explains with Enter.
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  const before = await eventCount(page);
  await page.keyboard.press('Enter');
  const second = expected.decisions.filter((d) => d.outcome === 'hold')[1]!;
  await waitForEvent(page, 'explanation-shown', { id: second.id }, before);
});

test('the comparison lists the cases a draft changes against the baseline', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-'));
  const cases = path.join(dir, 'small.cases.json');
  writeFileSync(cases, cli(['generate', '--count', '400', '--seed', '3']));
  const expected = JSON.parse(cli(['simulate', SAMPLE, '--cases', cases, '--baseline', 'honor-all', '--json'])) as {
    comparison: { changed: number; matrix: Record<string, Record<string, number>> };
  };
  await openSample(page);
  await page.getByRole('tab', { name: 'Comparison' }).click();
  await loadCaseFile(page, cases);
  const rendered = await waitForEvent(page, 'comparison-rendered', { changed: expected.comparison.changed });
  expect(rendered.detail.other).toBe('honor all (the baseline: every detainer honored as requested)');
  const matrix = page.getByRole('table', { name: /Cases by outcome/ });
  await expect(matrix.getByRole('row', { name: /^Review/ })).toContainText(
    expected.comparison.matrix.review!.hold!.toLocaleString('en-US'),
  );
  await expect(page.getByText(`${expected.comparison.changed} of 400 cases shown`)).toBeVisible();
});

test('the comparison with another draft from a file matches `detainer-studio simulate --compare`', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-'));
  const cases = path.join(dir, 'bookings.cases.json');
  writeFileSync(cases, cli(['generate', '--count', '800', '--seed', '11']));
  // The other draft: the same act without the officer's public-safety finding.
  const other = path.join(dir, 'without-discretion.ordinance.yaml');
  const start = sampleText.indexOf('      - id: public-safety-risk');
  const end = sampleText.indexOf('  - id: notice\n');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  writeFileSync(other, sampleText.slice(0, start) + sampleText.slice(end));
  const expected = JSON.parse(cli(['simulate', SAMPLE, '--cases', cases, '--compare', other, '--json'])) as {
    comparison: { changed: number; matrix: Record<string, Record<string, number>> };
  };
  expect(expected.comparison.changed).toBeGreaterThan(0);

  await openSample(page);
  await page.getByRole('tab', { name: 'Comparison' }).click();
  await loadCaseFile(page, cases);
  const since = await eventCount(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Compare this draft with').selectOption({ label: 'Another draft from a file…' });
  await (await chooser).setFiles(other);
  // The baseline's comparison of the same set can change as many decisions (the review cases), so wait
  // for the comparison with this draft by name, not by count alone.
  const rendered = await waitForEvent(
    page,
    'comparison-rendered',
    { other: 'An Act Concerning Civil Immigration Detainers', changed: expected.comparison.changed },
    since,
  );
  expect(rendered.detail.other).toBe('An Act Concerning Civil Immigration Detainers');
  const matrix = page.getByRole('table', { name: /Cases by outcome/ });
  await expect(matrix.getByRole('row', { name: /^Review/ })).toContainText(
    expected.comparison.matrix.review!.decline!.toLocaleString('en-US'),
  );
  await expect(page.getByText(`${expected.comparison.changed} of 800 cases shown`)).toBeVisible();
});

test('Save writes the document as shown to a file', async ({ page }) => {
  await openSample(page);
  const edited = sampleText.replace('version: "2014"', 'version: "2014-draft-2"');
  await setTextAndWait(page, edited);
  await expect(page.getByLabel(/Document connecticut-trust-act-2014\.ordinance\.yaml, unsaved changes/)).toBeVisible();
  const download = page.waitForEvent('download');
  const since = await eventCount(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // The browser downloads without asking for a name: the app asks, suggesting the document's.
  const asked = page.getByRole('dialog', { name: 'Save' });
  await expect(asked.getByLabel('File name')).toHaveValue('connecticut-trust-act-2014.ordinance.yaml');
  await asked.getByRole('button', { name: 'Save', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('connecticut-trust-act-2014.ordinance.yaml');
  const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-')), file.suggestedFilename());
  await file.saveAs(target);
  await waitForEvent(page, 'saved', {}, since);
  expect(readFileSync(target, 'utf8')).toBe(edited);
  await expect(page.getByLabel('Document connecticut-trust-act-2014.ordinance.yaml', { exact: true })).toBeVisible();
  // The saved file is a valid ordinance by the command line's own check (which exits non-zero on errors).
  expect(cli(['validate', target])).not.toMatch(/: error:/);
});

test('Save of a new document asks for its file name, suggested from its title, and downloads it under the name typed; Esc saves nothing', async ({
  page,
}) => {
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  // The new draft with its place named (a blank one, not yet an ordinance, is suggested 'untitled').
  await setTextAndWait(page, (await hook.getText(page)).replace('jurisdiction:\n', 'jurisdiction:\n  name: Town of Hull\n  state: MA\n'));
  await page.keyboard.press('Control+s');
  const asked = page.getByRole('dialog', { name: 'Save' });
  const name = asked.getByLabel('File name');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('an-ordinance-concerning-civil-immigration-detainers-0-1.ordinance.yaml');
  await page.keyboard.press('Escape');
  await expect(asked).toHaveCount(0);
  expect(downloads).toEqual([]);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(name).toBeFocused();
  // The name without its extension is selected: typing replaces it.
  await page.keyboard.type('council draft 3');
  await expect(name).toHaveValue('council draft 3.ordinance.yaml');
  const download = page.waitForEvent('download');
  const since = await eventCount(page);
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toBe('council draft 3.ordinance.yaml');
  await waitForEvent(page, 'saved', { name: 'council draft 3.ordinance.yaml' }, since);
  await expect(page.getByLabel('Document council draft 3.ordinance.yaml', { exact: true })).toBeVisible();
  // Saving again suggests the name it now has.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(name).toHaveValue('council draft 3.ordinance.yaml');
  await asked.getByRole('button', { name: 'Cancel' }).click();
  await expect(asked).toHaveCount(0);
});

test('keyboard shortcuts switch views and run the simulation; unsaved work survives a reload as a recovery copy', async ({ page }) => {
  await openSample(page);
  await page.keyboard.press('Control+Shift+2');
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+Shift+4');
  await expect(page.getByRole('tab', { name: 'Simulation' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 10,000 cases (seed 2012)' });
  await waitForEvent(page, 'simulation-rendered', { total: 10000 });
  const since = await eventCount(page);
  await page.keyboard.press('F5');
  await waitForEvent(page, 'simulation-rendered', { total: 10000 }, since);

  const edited = sampleText.replace('shortTitle: TRUST Act', 'shortTitle: Trust Act (amended)');
  const beforeEdit = await eventCount(page);
  await setTextAndWait(page, edited);
  // The recovery copy is written a moment after typing stops; wait for it rather than sleeping.
  await waitForEvent(page, 'recovery-written', {}, beforeEdit);
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await waitForEvent(page, 'document-editable');
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect.poll(() => hook.getText(page)).toBe(edited);
  await expect(page.getByLabel(/unsaved changes/)).toBeVisible();
});

test('a large case set shows its progress and can be cancelled; the set is read again and runs afterwards', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 100,000 cases (seed 2012)' });
  await waitForEvent(page, 'simulation-rendered', { total: 100000 }, since);

  // Press Cancel the moment it appears, as an impatient person would: before the run can finish.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
      if (cancel) {
        observer.disconnect();
        (window as unknown as { __progressShown: boolean }).__progressShown =
          document.querySelector('progress[aria-label="Simulation progress"]') !== null;
        cancel.click();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  const before = await eventCount(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await waitForEvent(page, 'simulation-cancelled', {}, before);
  expect(await page.evaluate(() => (window as unknown as { __progressShown: boolean }).__progressShown)).toBe(true);
  const reloaded = await waitForEvent(page, 'cases-loaded', { count: 100000 }, before);
  const afterReload = await eventCount(page);
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const done = await waitForEvent(page, 'simulation-rendered', { total: 100000 }, afterReload);
  expect(reloaded.detail.problems).toBe(0);
  expect(Object.values(done.detail.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(100000);
});
