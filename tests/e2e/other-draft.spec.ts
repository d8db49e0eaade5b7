// The other draft: one choice serves the Comparison and Drafts views, made in either; and a draft with
// this one's title and version (the file it was opened from, say) is named by its file wherever the
// views and the exports name the two drafts.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  eventCount,
  openApp,
  openExport,
  openSample,
  ROOT,
  SAMPLE,
  SAMPLE_TITLE,
  setTextAndWait,
  waitForEvent,
  checkPageHealth,
} from './app-driver';

const sampleText = readFileSync(path.join(ROOT, SAMPLE), 'utf8');
const BERKELEY = { title: 'Policy on Immigration Detainer Requests at the Berkeley Jail', name: 'berkeley-2012.ordinance.yaml' };
const CHICAGO = { title: 'Welcoming City Ordinance', name: 'chicago-welcoming-city-2012.ordinance.yaml' };
const SAMPLE_NAME = path.basename(SAMPLE);
// The gang-member hold made a notice: the same title and version, deciding differently.
const gangHold =
  '            - { record: securityRiskGroup }\n        outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }\n';
if (!sampleText.includes(gangHold)) throw new Error(`the sample's gang-member hold is not written as this test expects: ${SAMPLE}`);
const edited = sampleText.replace(gangHold, '            - { record: securityRiskGroup }\n        outcome: notify\n');

checkPageHealth();

test.beforeEach(async ({ page }) => {
  await openApp(page);
});
test("the draft chosen in the Comparison is the Drafts view's other draft, and the one chosen there is compared in the Comparison", async ({
  page,
}) => {
  const opened = await openSample(page);
  await page.getByRole('tab', { name: 'Comparison' }).click();
  let since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Sample: Synthetic 200 (JSON)' });
  await waitForEvent(page, 'comparison-rendered', {}, since);
  since = await eventCount(page);
  await page.getByLabel('Compare this draft with').selectOption({ label: `Sample: ${BERKELEY.title}` });
  await waitForEvent(page, 'comparison-rendered', { other: BERKELEY.title }, since);

  // The Drafts view compares with it at once: nothing to open again.
  since = await eventCount(page);
  await page.getByRole('tab', { name: 'Drafts' }).click();
  const drafts = page.getByRole('region', { name: 'Drafts' });
  await waitForEvent(page, 'difference-rendered', { version: opened.detail.version, equivalent: false }, since);
  // Its own words, not the Comparison's: it finds the cases that separate the drafts, it does not run a case set.
  await expect(drafts.getByLabel('Compare this draft with')).toHaveCount(0);
  await expect(drafts.getByLabel('Find the cases that separate this draft from').locator('option').first()).toHaveText(
    `${BERKELEY.title} (${BERKELEY.name})`,
  );
  await expect(drafts).toContainText(`B: ${BERKELEY.title} (${BERKELEY.name}).`);

  // Chosen in the Drafts view, it is the Comparison's too.
  since = await eventCount(page);
  await drafts.getByLabel('Find the cases that separate this draft from').selectOption({ label: `Sample: ${CHICAGO.title}` });
  await waitForEvent(page, 'difference-rendered', {}, since);
  await expect(drafts).toContainText(`B: ${CHICAGO.title} (${CHICAGO.name}).`);
  since = await eventCount(page);
  await page.getByRole('tab', { name: 'Comparison' }).click();
  await waitForEvent(page, 'comparison-rendered', { other: CHICAGO.title }, since);
  await expect(page.getByLabel('Compare this draft with')).toHaveValue(`current:${CHICAGO.name}`);
  await expect(page.locator('.compare-line')).toContainText(`than under ${CHICAGO.title} (${CHICAGO.name})`);
});

test('a draft with the same title and version is named by its file in the Comparison, the Drafts view and the redline', async ({
  page,
}) => {
  await openSample(page);
  const changed = await setTextAndWait(page, edited);
  await page.getByRole('tab', { name: 'Comparison' }).click();
  let since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Sample: Synthetic 200 (JSON)' });
  await waitForEvent(page, 'comparison-rendered', {}, since);
  since = await eventCount(page);
  await page.getByLabel('Compare this draft with').selectOption({ label: `Sample: ${SAMPLE_TITLE}` });
  await waitForEvent(page, 'comparison-rendered', { other: SAMPLE_TITLE }, since);
  const sameFile = `the file ${SAMPLE_NAME}, of the same title and version`;
  await expect(page.locator('.compare-line')).toContainText(`than under ${sameFile}.`);
  await expect(page.getByRole('table', { name: /^Cases by outcome/ })).toHaveAccessibleName(
    `Cases by outcome: this draft (rows) against ${sameFile} (columns)`,
  );
  await expect(page.getByLabel('Compare this draft with').locator('option:checked')).toHaveText(sameFile);

  since = await eventCount(page);
  await page.getByRole('tab', { name: 'Drafts' }).click();
  const drafts = page.getByRole('region', { name: 'Drafts' });
  await waitForEvent(page, 'difference-rendered', { version: changed.detail.version, equivalent: false }, since);
  await expect(drafts).toContainText(`B: ${sameFile}.`);
  await expect(drafts.getByRole('region', { name: `Draft B: the file ${SAMPLE_NAME}` }).first()).toBeVisible();

  // The redline against a copy of the sample, saved under another name: each version's file in its heading.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-other-draft-e2e-'));
  const earlier = path.join(dir, 'as-enacted.ordinance.yaml');
  writeFileSync(earlier, sampleText);
  const dialog = await openExport(page);
  await dialog.getByRole('radio', { name: 'Redline' }).check();
  since = await eventCount(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(earlier);
  await waitForEvent(page, 'export-preview-shown', { format: 'redline' }, since);
  const preview = dialog.locator('iframe').contentFrame();
  await expect(preview.locator('body')).toContainText(
    `from version 2014 (as-enacted.ordinance.yaml), effective January 1, 2014, fingerprint `,
  );
  await expect(preview.locator('body')).toContainText(`to version 2014 (${SAMPLE_NAME}), effective January 1, 2014, fingerprint `);
  await expect(preview.getByRole('columnheader', { name: 'Version 2014 (as-enacted.ordinance.yaml)' }).first()).toBeVisible();
});
