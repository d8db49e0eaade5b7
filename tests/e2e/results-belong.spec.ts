// What the first-hour review found in Chromium: a wrong case file must not replace a good case set
// with none, and another document opened must not show the closed one's figures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseCaseFile, eventCount, openApp, openSample, ROOT, waitForEvent } from './app-driver';

const CASES = path.join(ROOT, 'samples/cases/synthetic-200.cases.csv');

test('a case file with no cases is refused and the set before stays; another document shows none of the last one’s results', async ({
  page,
}) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  let since = await chooseCaseFile(page, CASES);
  await waitForEvent(page, 'simulation-done', { total: 200 }, since);
  const headline = page.getByTestId('headline');
  await expect(headline).toBeVisible();
  // The note under the figures reads as words, a space between them where the source wraps.
  await expect(page.getByText('no hold hours or cost are counted for these 14.')).toBeVisible();
  const caseSet = page.getByLabel('Case set', { exact: true });
  await expect(caseSet.locator('option').first()).toHaveText('200 cases: Synthetic 200 (synthetic-200.cases.csv)');
  await expect(caseSet).toHaveAttribute('title', '200 cases: Synthetic 200 (synthetic-200.cases.csv)');

  // A jail's own export, named .csv: read as CSV, its header found wanting, nothing replaced.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-'));
  const wrong = path.join(dir, 'jail-export.csv');
  writeFileSync(wrong, 'BookingID,Age,BookedDate\nB-1,30,2024-01-02\n');
  since = await chooseCaseFile(page, wrong);
  await waitForEvent(page, 'cases-refused', { name: 'jail-export.csv' }, since);
  const alert = page.getByRole('alert').filter({ hasText: 'jail-export.csv was not loaded' });
  // The Map columns panel opens below it, with the file's columns: the refusal says what is wrong briefly.
  await expect(alert).toContainText('jail-export.csv was not loaded: its header names none of the case columns');
  await expect(
    page.getByRole('region', { name: 'Map the columns of jail-export.csv' }).getByRole('rowheader', { name: 'BookedDate' }),
  ).toBeVisible();
  await expect(alert).not.toContainText('a case set is a list of cases');
  await expect(alert).toContainText('The case set Synthetic 200 (synthetic-200.cases.csv), 200 cases, is still loaded.');
  await expect(caseSet.locator('option').first()).toHaveText('200 cases: Synthetic 200 (synthetic-200.cases.csv)');
  await expect(page.getByRole('region', { name: 'Summary' }).getByText('cases', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('200');

  // Open… a file that is not an ordinance: the sample's figures go with it.
  page.on('dialog', (d) => void d.accept());
  since = await eventCount(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(CASES);
  await waitForEvent(page, 'document-opened', { name: 'synthetic-200.cases.csv' }, since);
  await waitForEvent(page, 'analysis-applied', {}, since);
  await expect(page.getByText(/no earlier version without errors/)).toBeVisible();
  await expect(page.getByText('These results are for an earlier version of the draft.')).toHaveCount(0);
  await expect(headline).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Summary' })).toHaveCount(0);
});
