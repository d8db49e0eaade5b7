// A jail's records officer opens the county's own export, put into the documented columns by hand
// (docs/case-files.md), in the app: the mistakes such a file carries must be said, and never reach
// the figures as a guess.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseCaseFile, eventCount, openApp, setTextAndWait, waitForEvent } from './app-driver';
import { COUNTY_DRAFT } from './county-draft';

const row = (id: string, warrant: string, offense: string, cls: string) =>
  `${id},34,2025-09-07 05:00,2025-10-01 12:00,hold;notify,${warrant},${offense},${cls}\r\n`;

test('a one-row-per-charge export: every booking whose number repeats is left out and said, an N/A warrant left open, not read as no', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-'));
  const file = path.join(dir, 'jail-export.csv');
  // 25-01 has two charges on two rows (its felony on the second); 25-02 one; 25-03's warrant is not known.
  writeFileSync(
    file,
    '\uFEFFid,age,bookedAt,eligibleForReleaseAt,requests,judicialWarrant,charge1.offense,charge1.class\r\n' +
      row('25-01', 'no', 'RETAIL THEFT', 'misdemeanor') +
      row('25-01', 'no', 'ROBBERY', 'felony') +
      row('25-02', 'no', '"THEFT BY UNLAWFUL TAKING, MOVABLE PROPERTY"', 'misdemeanor') +
      row('25-03', 'unknown', 'ROBBERY', 'felony'),
  );
  await openApp(page);
  await setTextAndWait(page, COUNTY_DRAFT);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'cases-loaded', { name: 'jail-export.csv', count: 2, problems: 2 }, since);
  await waitForEvent(page, 'simulation-rendered', { total: 2 }, since);

  // Read from its first row alone, 25-01 would have been declined: a misdemeanor, no warrant.
  const problems = page.getByText('2 problems in Jail export (jail-export.csv): 2 records left out');
  await expect(problems).toBeVisible();
  await problems.click();
  await expect(
    page.getByText(/row 2 \(25-01\): error: id: the id "25-01" is used twice \(rows 2 and 3\): no case with this id is read/),
  ).toBeVisible();
  await expect(page.getByText(/row 3 \(25-01\): error: id: the id "25-01" is used twice/)).toBeVisible();
  // Its two rows are one after another, as a booking's are in an export of one row per charge: the
  // app points to the Map columns panel's targets of each row, not to the command line's mapping file.
  const twice = page.getByText(/row 2 \(25-01\): error: id:/);
  await expect(twice).toContainText(
    "its rows come one after another, as a booking's do in an export of one row per charge: to read each run of rows with one id as one booking, map the charge's columns in the Map columns panel (Map columns…) to its targets under “Charge of each row (one row per charge)”",
  );
  await expect(twice).not.toContainText('--mapping');

  // 25-03: a pending felony gives notice at least, a judicial warrant would hold; the records can't say.
  await expect(page.getByTestId('count-open')).toHaveText('1');
  await expect(page.getByTestId('headline')).toContainText('it turns on whether a judicial warrant supports the detainer');

  // The problems lead to the panel, opened at the charge's targets of each row: mapped there, 25-01 is
  // read once, with the charges of both its rows.
  await page.getByRole('button', { name: 'Map columns: Charge of each row (one row per charge)…' }).click();
  const panel = page.getByRole('region', { name: 'Map the columns of jail-export.csv' });
  await expect(panel).toContainText('One booking on several rows, one row per charge');
  const picker = panel.getByLabel('Case column for charge1.offense', { exact: true });
  await expect(picker).toBeFocused();
  await expect(picker.locator('optgroup[label="Charge of each row (one row per charge)"] option[value="charge.offense"]')).toHaveCount(1);
  await picker.selectOption('charge.offense');
  await panel.getByLabel('Case column for charge1.class', { exact: true }).selectOption('charge.class');
  const read = await eventCount(page);
  await panel.getByRole('button', { name: 'Read jail-export.csv with this mapping' }).click();
  await waitForEvent(page, 'cases-loaded', { name: 'jail-export.csv', count: 3, problems: 0 }, read);
  await waitForEvent(page, 'simulation-rendered', { total: 3 }, read);
});

test('a file refused because every id repeats in runs: the refusal opens the panel at the charge’s targets of each row', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-'));
  const file = path.join(dir, 'charges-only.csv');
  writeFileSync(
    file,
    'id,age,bookedAt,eligibleForReleaseAt,requests,judicialWarrant,charge1.offense,charge1.class\r\n' +
      row('25-01', 'no', 'RETAIL THEFT', 'misdemeanor') +
      row('25-01', 'no', 'ROBBERY', 'felony'),
  );
  await openApp(page);
  await setTextAndWait(page, COUNTY_DRAFT);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'cases-refused', { name: 'charges-only.csv' }, since);
  const alert = page.getByRole('alert').filter({ hasText: 'charges-only.csv was not loaded' });
  await expect(alert).toContainText("map the charge's columns in the Map columns panel (Map columns…)");
  // The header is the case columns' own, so the panel does not open by itself: the refusal's button opens it.
  const panel = page.getByRole('region', { name: 'Map the columns of charges-only.csv' });
  await expect(panel).toHaveCount(0);
  await alert.getByRole('button', { name: 'Map columns: Charge of each row (one row per charge)…' }).click();
  await expect(panel.getByLabel('Case column for charge1.offense', { exact: true })).toBeFocused();
  await expect(panel).toContainText('One booking on several rows, one row per charge');
});

test('an export without its warrant column: the draft’s warrant ground is warned of, as the set reads no warrant on every case', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-'));
  const file = path.join(dir, 'no-warrants.csv');
  writeFileSync(
    file,
    'id,age,bookedAt,eligibleForReleaseAt,requests,charge1.class\n' +
      'A,34,2025-09-07 05:00,2025-10-01 12:00,hold;notify,felony\n' +
      'B,40,2025-09-08 05:00,2025-10-02 12:00,hold;notify,misdemeanor\n',
  );
  await openApp(page);
  await setTextAndWait(page, COUNTY_DRAFT);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'simulation-rendered', { total: 2 }, since);
  const words = page.getByRole('region', { name: 'The draft and this case set’s words' });
  await expect(words).toContainText(
    'provision § 2(a) Judicial warrant tests whether a judicial warrant supports the detainer; no case in this set has a judicial warrant (as an empty cell reads)',
  );
  // The headline's figures are read with them: said beside it, not only further down.
  await expect(page.getByTestId('headline-reserve')).toHaveText(
    /^Read these figures with the (warning|\d+ warnings) below on the draft and this case set’s words: the set may not carry every fact the draft tests\.$/,
  );
});
