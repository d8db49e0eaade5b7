// Text quoted from the user's files never changes how the app's views read: a right-to-left override
// (U+202E) in a YAML key, a column name or a file name showed the rest of the Problems panel's message,
// the case file's refusal and the Map columns panel reversed; a zero-width space hid in them. Each is
// shown as a visible escape (\u202e, \u200b), as the command line shows it. The views render text,
// never markup (no dangerouslySetInnerHTML), under the app's Content-Security-Policy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { casesToCsv } from '../../engine/case-csv';
import { generateCases } from '../../engine/generate';
import { checkPageHealth, chooseCaseFile, openApp, SAMPLE, setTextAndWait, waitForEvent } from './app-driver';

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
