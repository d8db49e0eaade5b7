// The Simulation view's comparison with a request that came after release, checked in Chromium: the
// changed count and the reasons decisions differ leave it out, as the outcome counts do, and say so.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkPageHealth, chooseCaseFile, loadApp, openSample, waitForEvent } from './app-driver';

checkPageHealth({ csp: true });

test('a request after release is counted apart from the decisions that differ from honor all', async ({ page }) => {
  // B-2 is asked for four hours after its release; B-1 and B-3 in time.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ds-e2e-late-')), 'three.cases.csv');
  writeFileSync(
    file,
    'id,age,bookedAt,eligibleForReleaseAt,requests,issuedAt\n' +
      'B-1,30,2012-06-06T09:00,2012-06-06T16:00,hold,2012-06-06T11:00\n' +
      'B-2,30,2012-06-06T09:00,2012-06-06T16:00,hold,2012-06-06T20:00\n' +
      'B-3,30,2012-06-06T09:00,2012-06-06T16:00,hold,2012-06-06T16:00\n',
  );
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await openSample(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'simulation-rendered', { total: 3 }, since);
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('decisions on requests that came in time differ');
  await expect(summary).toContainText('the 1 request that came after release is counted apart (');
  // Said once, beside the count: its words already say no one is held or reported on it.
  expect(((await summary.locator('.compare-line').textContent()) ?? '').match(/after release/g)).toHaveLength(1);
  const reasons = page.locator('section.change-reasons');
  await expect(reasons.locator('h3')).toContainText('decisions differ from honor all on requests that came in time');
  await expect(reasons.getByTestId('reasons-after-release')).toHaveText(/^The 1 request that came after release is counted apart \(/);
  await expect(reasons).not.toContainText('case B-2');
});
