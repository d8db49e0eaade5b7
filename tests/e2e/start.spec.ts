// The window as it opens and the panels a first hour reaches last: the toolbar in one row on a laptop
// screen, the law applied to the draft, and an expected-decisions file that outlasts a crash and says
// when it was written for another ordinance.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { eventCount, hook, openApp, openSample, ROOT, SAMPLE, setTextAndWait, waitForEvent } from './app-driver';
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
  await waitForEvent(page, 'editor-ready');
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
