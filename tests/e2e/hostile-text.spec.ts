// Text quoted from the user's files never changes how the app's views read: a right-to-left override
// (U+202E) in a YAML key, a column name or a file name showed the rest of the Problems panel's message,
// the case file's refusal and the Map columns panel reversed; a zero-width space hid in them. Each is
// shown as a visible escape (\u202e, \u200b), as the command line shows it. The views render text,
// never markup (no dangerouslySetInnerHTML), under the app's Content-Security-Policy. The document's
// name (in the title bar and the window title), its title, headings and terms (in the Outline, the Form,
// the Drafts view and the Comparison) and the other draft's file name are shown the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';
import { checkPageHealth, chooseCaseFile, eventCount, openApp, SAMPLE, SAMPLE_TITLE, setTextAndWait, waitForEvent } from './app-driver';

checkPageHealth({ csp: true });

const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060\uFEFF]/;
const sample = fs.readFileSync(path.resolve(SAMPLE), 'utf8');

test('a bidirectional override or a zero-width space in a key, a column name or a file name is shown as an escape', async ({ page }) => {
  await openApp(page);
  await setTextAndWait(page, sample.replace('\nfindings:\n', '\n"abc\\u202Edef\\u200Bghi": 1\nfindings:\n'));
  const message = page.locator('.problems .message').first();
  await expect(message).toContainText('unknown key "abc\\u202edef\\u200bghi"');
  expect(await message.textContent()).not.toMatch(HIDDEN);

  await page.getByRole('tab', { name: 'Simulation' }).click();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-hostile-'));
  const lines = casesToCsv(generateCases({ count: 5, seed: 1 }))
    .trimEnd()
    .split('\n');
  lines[0] += ',abc\u202Edef';
  for (let i = 1; i < lines.length; i++) lines[i] += ',x';
  const file = path.join(dir, 'jail\u202Etxt.csv');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'cases-refused', { name: 'jail\u202Etxt.csv' }, since);
  const refusal = page.locator('.notice.error[role="alert"]').first();
  // The refusal above the panel names the file; the panel names the column, in its table and its list.
  await expect(refusal).toContainText('jail\\u202etxt.csv was not loaded');
  await expect(page.getByRole('heading', { name: 'Map the columns of jail\\u202etxt.csv' })).toBeVisible();
  const mapping = await page.locator('.mapping-name').allTextContents();
  expect(mapping).toContain('abc\\u202edef');
  const panel = page.locator('.mapping-panel');
  await expect(panel).toContainText('“abc\\u202edef” (column');
  for (const text of [await refusal.textContent(), await panel.textContent(), ...mapping]) expect(text).not.toMatch(HIDDEN);
});

test('a file name, a title, headings and a term with an override or a zero-width space are escapes in the title bar, the window title, the Outline, the Form, the Drafts and the Comparison', async ({
  page,
}) => {
  await openApp(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-hostile-views-'));
  // Characters that do not show are warnings: the draft still loads, so every view shows it.
  const hostile = sample
    .replace(`title: ${SAMPLE_TITLE}`, `title: An Act\u200B Concerning Civil Immigration Detainers`)
    .replace('heading: Detention on a civil immigration detainer', 'heading: Detention\u2060 on a civil immigration detainer')
    .replace('heading: Known gang member', 'heading: Known\u200B gang member');
  expect(hostile).not.toBe(sample);
  const file = path.join(dir, 'draft\u202Etxt.ordinance.yaml');
  fs.writeFileSync(file, hostile);
  let since = await eventCount(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(file);
  const opened = await waitForEvent(page, 'document-opened', { name: 'draft\u202Etxt.ordinance.yaml' }, since);
  await waitForEvent(page, 'analysis-applied', { version: opened.detail.version }, since);

  const name = page.locator('.titlebar .doc-name');
  await expect(name).toHaveText('draft\\u202etxt.ordinance.yaml');
  expect(await page.title()).toContain('draft\\u202etxt.ordinance.yaml');
  const texts: string[] = [await page.title(), (await name.getAttribute('title')) ?? '', (await name.getAttribute('aria-label')) ?? ''];

  const outline = page.locator('.outline');
  await expect(outline).toContainText('Detention\\u2060 on a civil immigration detainer');
  await expect(outline).toContainText('Known\\u200b gang member');
  texts.push((await outline.textContent()) ?? '');

  await page.getByRole('tab', { name: 'Form' }).click();
  const card = page.locator('.provision-card').filter({ hasText: 'Known\\u200b gang member' }).first();
  await expect(card.locator('.provision-head strong')).toHaveText(/Known\\u200b gang member/);
  texts.push((await card.getAttribute('aria-label')) ?? '', (await card.locator('.provision-head').textContent()) ?? '');
  for (const section of await page.locator('.section-card').all()) texts.push((await section.getAttribute('aria-label')) ?? '');
  for (const option of await page.locator('.provision-head select option').allTextContents()) texts.push(option);

  // The other draft, from a file whose name holds an override: named in the Drafts view and the Comparison.
  const other = path.join(dir, 'other\u202Edraft.ordinance.yaml');
  fs.writeFileSync(other, sample.replace('        outcome: hold\n', '        outcome: notify\n'));
  since = await eventCount(page);
  await page.getByRole('tab', { name: 'Drafts' }).click();
  const drafts = page.getByRole('region', { name: 'Drafts' });
  const otherChooser = page.waitForEvent('filechooser');
  await drafts.getByLabel('Find the cases that separate this draft from').selectOption({ label: 'A draft from a file…' });
  await (await otherChooser).setFiles(other);
  await waitForEvent(page, 'difference-rendered', { equivalent: false }, since);
  await expect(drafts.locator('.drafts-line')).toContainText('An Act\\u200b Concerning Civil Immigration Detainers');
  await expect(drafts.locator('.drafts-line')).toContainText('other\\u202edraft.ordinance.yaml');
  texts.push((await drafts.textContent()) ?? '');
  for (const region of await drafts.locator('section.decision').all()) texts.push((await region.getAttribute('aria-label')) ?? '');

  since = await eventCount(page);
  await page.getByRole('tab', { name: 'Comparison' }).click();
  await page.getByLabel('Case set', { exact: true }).selectOption({ label: 'Sample: Synthetic 200 (JSON)' });
  await waitForEvent(page, 'comparison-rendered', {}, since);
  const compare = page.getByRole('region', { name: 'Comparison' });
  await expect(compare.locator('.compare-line')).toContainText('other\\u202edraft.ordinance.yaml');
  texts.push((await compare.textContent()) ?? '');

  for (const text of texts) expect(text).not.toMatch(HIDDEN);
});
