// The decision table and the title bar in the windows a council office has (1024x768 and 1280x800), and
// provisions named in words wherever the app shows one: a decision table row's panel, the filter, the
// form's cards and the preview's links to the YAML say "§ 3(b) Known gang member", never "gang-member".
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { checkPageHealth, eventCount, openApp, openSample, ROOT, SAMPLE, setTextAndWait, waitForEvent } from './app-driver';

checkPageHealth({ csp: true });

const WINDOWS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
];
const LONG_NAME = 'riverton-city-council-detainer-ordinance-committee-substitute-draft-3-final-rev.ordinance.yaml';
const SAMPLE_IDS = ['felony-conviction', 'pending-charge-no-bond', 'arrest-warrant', 'gang-member', 'public-safety-risk', 'effective-date'];

async function openTable(page: Page, version: number) {
  const since = await eventCount(page);
  await page.getByRole('tab', { name: 'Decision table' }).click();
  await waitForEvent(page, 'decision-table-rendered', { version }, since);
  return page.getByRole('grid', { name: 'Decision table rows' });
}

test('a decision table row’s panel, the provision filter and the grid name the deciding provision in words, never by its id', async ({
  page,
}) => {
  await openApp(page);
  const opened = await openSample(page);
  const grid = await openTable(page, opened.detail.version as number);
  const view = page.getByRole('region', { name: 'Decision table' });
  await view.getByLabel('Deciding provision').selectOption({ value: 'gang-member' });
  await grid.getByRole('row').nth(1).getByRole('gridcell').first().click();
  const details = page.getByRole('complementary', { name: /^Row \d+ of the decision table$/ });
  await expect(details).toContainText('Decided by § 3(b) Known gang member');
  const words = (await details.textContent()) ?? '';
  for (const id of SAMPLE_IDS) expect(words).not.toContain(id);
  const options = await view.getByLabel('Deciding provision').locator('option').allTextContents();
  expect(options.filter((o) => o.startsWith('§ 3(b) Known gang member ('))).toHaveLength(1);
  for (const id of SAMPLE_IDS) expect(options.join('\n')).not.toContain(id);
  await expect(grid.getByRole('button', { name: '§ 3(b) Known gang member' }).first()).toHaveAttribute(
    'title',
    'Show § 3(b) Known gang member in the editor',
  );

  // A draft whose provisions have no headings: named by what they do, the otherwise clause as such.
  const unheaded = readFileSync(path.join(ROOT, 'tests/renderer/fixtures/unheaded-provisions.ordinance.yaml'), 'utf8');
  const applied = await setTextAndWait(page, unheaded);
  await waitForEvent(page, 'decision-table-rendered', { version: applied.detail.version });
  await grid.getByRole('row').nth(1).getByRole('gridcell').first().click();
  await expect(details).toContainText('Decided by § 2(a)(1) [no heading; declines the detainer]');
  await expect(details).not.toContainText('no-minors');
  const choices = (await view.getByLabel('Deciding provision').locator('option').allTextContents()).join('\n');
  for (const id of ['no-minors', 'no-criminal-conviction', 'honor-others']) expect(choices).not.toContain(id);
});

test('the form’s provision cards and the preview’s links to the YAML are named by citation and heading, not by id', async ({ page }) => {
  await openApp(page);
  await openSample(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Form' });
  const card = form.getByRole('listitem', { name: 'Provision § 3(b) Known gang member' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: 'Show § 3(b) Known gang member in the YAML' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Move § 3(b) Known gang member up' })).toBeVisible();
  await expect(form.getByRole('listitem', { name: 'Provision § 4 [no heading; notice to ICE]' })).toBeVisible();
  const labels = await form
    .locator('.provision-card')
    .evaluateAll((cards) =>
      cards.flatMap((c) => [
        c.getAttribute('aria-label') ?? '',
        ...[...c.querySelectorAll('[aria-label]')].map((x) => x.getAttribute('aria-label') ?? ''),
      ]),
    );
  expect(labels.length).toBeGreaterThan(20);
  for (const id of SAMPLE_IDS) expect(labels.filter((l) => l.includes(id))).toEqual([]);

  await page.getByRole('tab', { name: 'Preview' }).click();
  const links = page.locator('.jump');
  await expect(links.first()).toBeVisible();
  const shown = await links.evaluateAll((xs) => xs.map((x) => `${x.textContent} | ${x.getAttribute('aria-label')}`));
  expect(shown).toContain('§ 3(b) | Show § 3(b) in the YAML');
  for (const id of SAMPLE_IDS) expect(shown.filter((l) => l.includes(id))).toEqual([]);
});

for (const size of WINDOWS) {
  test(`at ${size.width}x${size.height} every column of the decision table can be scrolled into sight beside the pinned outcome and provision`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    const opened = await openSample(page);
    const grid = await openTable(page, opened.detail.version as number);
    const box = (await grid.boundingBox())!;
    const pinned = (await grid.getByRole('columnheader', { name: 'Decided by' }).boundingBox())!;
    const headers = grid.getByRole('columnheader');
    const names = (await headers.allTextContents()).map((h) => h.trim());
    expect(names).toContain('ICE requested');
    expect(names.at(-1)).toBe('Combinations');
    // The pinned columns leave most of the grid to the rest.
    expect(pinned.x + pinned.width - box.x).toBeLessThan(box.width * 0.6);
    for (const name of ['ICE requested', 'Combinations']) {
      const header = grid.getByRole('columnheader', { name, exact: true });
      // Scrolled so that the column starts just right of the pinned ones.
      await header.evaluate((h, left) => {
        const g = h.closest('[role="grid"]')!;
        g.scrollLeft += h.getBoundingClientRect().left - left;
      }, pinned.x + pinned.width);
      const at = (await header.boundingBox())!;
      expect(at.x, `${name} starts right of the pinned columns`).toBeGreaterThanOrEqual(pinned.x + pinned.width - 1);
      expect(at.x + at.width, `${name} ends inside the grid`).toBeLessThanOrEqual(box.x + box.width + 1);
    }
  });

  test(`at ${size.width}x${size.height} the title bar keeps one row with a long file name, cut with an ellipsis and whole in its tooltip`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'detainer-narrow-')), LONG_NAME);
    copyFileSync(path.join(ROOT, SAMPLE), file);
    const since = await eventCount(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(file);
    await waitForEvent(page, 'document-opened', { name: LONG_NAME }, since);

    const name = page.locator('.titlebar .doc-name');
    await expect(name).toHaveText(LONG_NAME);
    await expect(name).toHaveAttribute('title', LONG_NAME);
    const cut = await name.evaluate((e) => ({
      cut: e.scrollWidth > e.clientWidth,
      ellipsis: getComputedStyle(e).textOverflow,
      width: e.clientWidth,
    }));
    expect(cut).toMatchObject({ cut: true, ellipsis: 'ellipsis' });
    expect(cut.width).toBeGreaterThanOrEqual(60);
    const controls = await page
      .getByRole('toolbar', { name: 'File and view' })
      .locator(':scope > button, :scope > .field select')
      .evaluateAll((xs) => xs.map((x) => x.getBoundingClientRect().toJSON() as DOMRect));
    expect(controls.length).toBeGreaterThan(10);
    expect(controls.every((r) => r.left >= 0 && r.right <= size.width)).toBe(true);
    const nameBox = (await name.boundingBox())!;
    const middles = [nameBox.y + nameBox.height / 2, ...controls.map((r) => r.top + r.height / 2)];
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(6);
    expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(Math.min(...controls.map((r) => r.left)));
    expect((await page.locator('.titlebar').boundingBox())!.height).toBeLessThan(45);
    // Nothing is wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  });
}
