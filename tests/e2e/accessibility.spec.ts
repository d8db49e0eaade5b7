// Accessibility of every main view, checked by axe (WCAG 2 A and AA), in the light and dark themes.
import { expect, test } from '@playwright/test';
import { eventCount, openApp, openSample, waitForEvent } from './app-driver';
import { axeViolations as violations } from './axe';

for (const theme of ['light', 'dark'] as const) {
  test(`every view passes axe in the ${theme} theme`, async ({ page }) => {
    // Five axe runs, one over a 10,000-case view: minutes on a loaded machine.
    test.setTimeout(300_000);
    await page.addInitScript((t) => localStorage.setItem('detainer-studio.theme', t), theme);
    await openApp(page);
    await openSample(page);
    const found: string[] = [];
    found.push(...(await violations(page, 'YAML and preview')));
    await page.getByRole('tab', { name: 'Form' }).click();
    found.push(...(await violations(page, 'form')));
    await page.getByRole('tab', { name: 'Simulation' }).click();
    const since = await eventCount(page);
    await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Synthetic: 10,000 cases (seed 2012)' });
    await waitForEvent(page, 'simulation-rendered', { total: 10000 }, since);
    await page.getByRole('grid', { name: 'Cases and their decisions' }).getByRole('row').nth(1).click();
    await waitForEvent(page, 'explanation-shown', {}, since);
    found.push(...(await violations(page, 'simulation')));
    await page.getByRole('tab', { name: 'Comparison' }).click();
    await waitForEvent(page, 'comparison-rendered', {}, since);
    found.push(...(await violations(page, 'comparison')));
    await page.getByRole('button', { name: 'Reference' }).click();
    found.push(...(await violations(page, 'reference')));
    expect(found).toEqual([]);
  });
}
