// The Simulation view's words in a first hour, checked in Chromium: the explanation names the
// baseline's rule in words (never "honor-hold"), the headline says what the draft holds and then what
// honoring every detainer would, and the reimbursement agreement's box shows only for a draft that
// turns on one (Cook County's), or while it is ticked, with a note that it decides nothing.
import { expect, test, type Page } from '@playwright/test';
import { checkPageHealth, eventCount, loadApp, openSample, waitForEvent } from './app-driver';

checkPageHealth({ csp: true });

async function illustrative(page: Page) {
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await eventCount(page);
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Sample: Illustrative' });
  await waitForEvent(page, 'simulation-rendered', { total: 16 }, since);
}

const agreement = (page: Page) => page.getByRole('checkbox', { name: 'Written reimbursement agreement in force' });

test('the explanation and the headline say what the draft and the baseline do in words', async ({ page }) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await openSample(page);
  await illustrative(page);
  await expect(page.getByTestId('headline')).toHaveText(
    /^Of these 16 detainers, the jail would have held [\d ,to]+ under this draft and \d+ if every detainer had been honored/,
  );
  await expect(page.getByTestId('headline')).not.toContainText('instead of');

  const grid = page.getByRole('grid', { name: 'Cases and their decisions' });
  const since = await eventCount(page);
  await grid.getByRole('row', { name: /^ILL-03-violent-felon-labor-day / }).click();
  await waitForEvent(page, 'explanation-shown', { id: 'ILL-03-violent-felon-labor-day' }, since);
  const baseline = page.getByRole('region', { name: 'Under honor all' });
  await expect(baseline).toContainText('decided by honor all: hold as requested, held until');
  await expect(page.getByRole('complementary').or(page.getByRole('dialog')).first()).not.toContainText('honor-hold');
});

test('the reimbursement agreement’s box shows only for a draft that turns on one, or while it is ticked', async ({ page }) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await openSample(page);
  await illustrative(page);
  // Connecticut's TRUST Act never reads an agreement: no box.
  await expect(agreement(page)).toHaveCount(0);

  let since = await eventCount(page);
  await page.getByLabel('Open a sample ordinance').selectOption({ label: 'Policy for Responding to ICE Detainers' });
  await waitForEvent(page, 'document-opened', { name: 'cook-county-46-37-2011.ordinance.yaml' }, since);
  await waitForEvent(page, 'simulation-rendered', { total: 16 }, since);
  // Cook County's § 2(a) holds only under a written agreement: the box, without the note.
  await expect(agreement(page)).toBeVisible();
  await expect(page.getByText('No provision of this draft turns on it')).toHaveCount(0);
  since = await eventCount(page);
  await agreement(page).check();
  await waitForEvent(page, 'simulation-rendered', { total: 16 }, since);

  // Ticked, it stays in view for a draft that does not read it, saying it decides nothing.
  since = await eventCount(page);
  await page.getByLabel('Open a sample ordinance').selectOption({ label: 'An Act Concerning Civil Immigration Detainers' });
  await waitForEvent(page, 'simulation-rendered', { total: 16 }, since);
  await expect(agreement(page)).toBeChecked();
  await expect(
    page.getByText('No provision of this draft turns on it: it changes no decision, only counts the cost of holds as reimbursed.'),
  ).toBeVisible();
  since = await eventCount(page);
  // Unticked, it goes: it could change nothing here.
  await agreement(page).click();
  await waitForEvent(page, 'simulation-rendered', { total: 16 }, since);
  await expect(agreement(page)).toHaveCount(0);
});
