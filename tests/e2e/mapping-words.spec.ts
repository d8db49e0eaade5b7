// The Map columns panel in the app's own words: a file whose dates are written with slashes is not read
// until their order is chosen (03/04 is March 4 or April 3), and a level code the import can't read is
// explained as what to choose where in the panel, never as the mapping file's key "values".
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkPageHealth, eventCount, openRefusedCaseFile, waitForEvent } from './app-driver';
import { COUNTY_DRAFT } from './county-draft';

checkPageHealth({ csp: true });

const CSV =
  'BOOKING_NO,AGE_AT_BOOKING,BOOK_DT,REL_ELIG_DT,ICE_REQ,CHG1_LVL\r\n' +
  '25-001,34,03/04/2025 05:00,03/20/2025 12:00,hold,F\r\n' +
  '25-002,41,03/05/2025 06:30,03/21/2025 12:00,hold,Q9\r\n';

test('slashed dates must be given their order before the file is read; an unknown level says what to choose where', async ({ page }) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'detainer-mapping-words-')), 'county.csv');
  writeFileSync(file, CSV);
  await openRefusedCaseFile(page, COUNTY_DRAFT, file);
  const panel = page.getByRole('region', { name: 'Map the columns of county.csv' });
  const targets = {
    BOOKING_NO: 'id',
    AGE_AT_BOOKING: 'age',
    BOOK_DT: 'bookedAt',
    REL_ELIG_DT: 'eligibleForReleaseAt',
    ICE_REQ: 'requests',
    CHG1_LVL: 'charge1.level',
  };
  for (const [column, target] of Object.entries(targets))
    await panel.getByLabel(`Case column for ${column}`, { exact: true }).selectOption(target);

  // Every column is chosen, but the slashed dates' order is not: the file is not read yet, and the list says where to choose.
  const read = panel.getByRole('button', { name: 'Read county.csv with this mapping' });
  await expect(panel).toContainText(
    'BOOK_DT, REL_ELIG_DT hold dates written with slashes: choose their order at “Slashed dates (like 09/07/2025) are” above.',
  );
  await expect(read).toBeDisabled();
  await panel.getByLabel('Slashed dates (like 09/07/2025) are').selectOption('month/day/year');
  await expect(panel).toContainText('Every column is mapped or left out');
  await expect(read).toBeEnabled();

  const since = await eventCount(page);
  await read.click();
  await waitForEvent(page, 'cases-loaded', { name: 'county.csv', count: 1, problems: 1 }, since);
  const problems = page.locator('.case-problems');
  await expect(problems).toContainText(
    'not "Q9"; in the Map columns panel (Map columns…), under “Their values”, choose the level each of the export’s codes stands for',
  );
  await expect(problems).not.toContainText('"values"');
});
