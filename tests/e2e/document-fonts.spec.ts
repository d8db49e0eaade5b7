// The Preview tab shows the ordinance in the typefaces the exports print in (Tinos for the text,
// Cousine for the fingerprint), loaded from the app's own files under its Content-Security-Policy.
import { expect, test } from '@playwright/test';
import { hook, openApp, openSample, SAMPLE_TITLE } from './app-driver';

test('the preview sets the ordinance in the shipped typefaces, loaded from the app itself', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Preview' }).click();
  const printed = page.getByRole('article', { name: SAMPLE_TITLE });
  await expect(printed).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  expect(await printed.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^Tinos\b/);
  expect(await printed.locator('footer code').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^Cousine\b/);
  // The faces the page needed were fetched and decoded, from the app's origin.
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/['"]/g, '')} ${f.weight} ${f.style}`),
  );
  expect(loaded).toEqual(expect.arrayContaining(['Tinos 400 normal', 'Tinos 700 normal', 'Cousine 400 normal']));
  const fontRequests = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /\.woff2$/.test(n)),
  );
  expect(fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(new URL(url).origin).toBe(new URL(page.url()).origin);
  expect(await hook.cspViolations(page)).toEqual([]);
});
