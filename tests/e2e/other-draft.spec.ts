// The other draft: one choice serves the Comparison and Drafts views, made in either.
import { expect, test } from '@playwright/test';
import { eventCount, openApp, openSample, waitForEvent } from './app-driver';

const BERKELEY = { title: 'Policy on Immigration Detainer Requests at the Berkeley Jail', name: 'berkeley-2012.ordinance.yaml' };
const CHICAGO = { title: 'Welcoming City Ordinance', name: 'chicago-welcoming-city-2012.ordinance.yaml' };

let pageErrors: string[] = [];
test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openApp(page);
});
test.afterEach(() => {
  expect(pageErrors, 'no uncaught errors in the page').toEqual([]);
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
  await expect(drafts.getByLabel('Compare this draft with').locator('option').first()).toHaveText(`${BERKELEY.title} (${BERKELEY.name})`);
  await expect(drafts).toContainText(`B: ${BERKELEY.title} (${BERKELEY.name}).`);

  // Chosen in the Drafts view, it is the Comparison's too.
  since = await eventCount(page);
  await drafts.getByLabel('Compare this draft with').selectOption({ label: `Sample: ${CHICAGO.title}` });
  await waitForEvent(page, 'difference-rendered', {}, since);
  await expect(drafts).toContainText(`B: ${CHICAGO.title} (${CHICAGO.name}).`);
  since = await eventCount(page);
  await page.getByRole('tab', { name: 'Comparison' }).click();
  await waitForEvent(page, 'comparison-rendered', { other: CHICAGO.title }, since);
  await expect(page.getByLabel('Compare this draft with')).toHaveValue(`current:${CHICAGO.name}`);
  await expect(page.locator('.compare-line')).toContainText(`than under ${CHICAGO.title} (${CHICAGO.name})`);
});
