// The browser host's File System Access route, on real file handles: Chromium's origin-private file
// system stands in for the folder a person would pick, because native pickers can't be driven. Only
// the two picker functions are replaced (they return those handles); reading, writing in place, the
// check for a file changed on disk and Save As run through the real API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { eventCount, hook, ROOT, SAMPLE, setTextAndWait, startInYaml, waitForEvent, checkPageHealth } from './app-driver';

const sampleText = readFileSync(path.join(ROOT, SAMPLE), 'utf8');

async function openWithPickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const root = () => navigator.storage.getDirectory();
    const w = window as unknown as Record<string, unknown>;
    w.showOpenFilePicker = async () => [await (await root()).getFileHandle('draft.ordinance.yaml')];
    w.showSaveFilePicker = async () => (await root()).getFileHandle('saved-as.ordinance.yaml', { create: true });
  });
  await page.goto('./?e2e');
  await startInYaml(page);
}

/** Writes a file of the origin-private file system, as another program would change it on disk. */
async function writeOnDisk(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    async ([n, t]) => {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle(n!, { create: true });
      const writable = await handle.createWritable();
      await writable.write(t!);
      await writable.close();
    },
    [name, text],
  );
}

async function readOnDisk(page: Page, name: string): Promise<string> {
  return page.evaluate(async (n) => (await (await (await navigator.storage.getDirectory()).getFileHandle(n)).getFile()).text(), name);
}

checkPageHealth();

test('a file opened through the File System Access API is saved in place, a change made on disk meanwhile is not overwritten unasked, and Save As writes a new file', async ({
  page,
}) => {
  await openWithPickers(page);
  await writeOnDisk(page, 'draft.ordinance.yaml', sampleText);

  let since = await eventCount(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  await waitForEvent(page, 'analysis-applied', {}, since);
  await expect(page.getByLabel('Document draft.ordinance.yaml', { exact: true })).toBeVisible();

  // Save writes the same file, no download.
  const edited = sampleText.replace('version: "2014"', 'version: "2014-draft-2"');
  await setTextAndWait(page, edited);
  let downloads = 0;
  page.on('download', () => downloads++);
  since = await eventCount(page);
  await page.keyboard.press('Control+s');
  const saved = await waitForEvent(page, 'saved', {}, since);
  expect(saved.detail.name).toBe('draft.ordinance.yaml');
  expect(saved.detail.path).toMatch(/draft\.ordinance\.yaml$/);
  expect(await readOnDisk(page, 'draft.ordinance.yaml')).toBe(edited);
  await expect(page.getByLabel('Document draft.ordinance.yaml', { exact: true })).toBeVisible();

  // Someone else changes the file; the next Save asks before overwriting it.
  await page.waitForTimeout(20); // a later modification time than the save's (millisecond clock)
  const theirs = sampleText.replace('version: "2014"', 'version: "2014-their-edit"');
  await writeOnDisk(page, 'draft.ordinance.yaml', theirs);
  const ours = edited.replace('version: "2014-draft-2"', 'version: "2014-draft-3"');
  await setTextAndWait(page, ours);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/draft\.ordinance\.yaml changed on disk since it was opened/)).toBeVisible();
  expect(await readOnDisk(page, 'draft.ordinance.yaml')).toBe(theirs);
  since = await eventCount(page);
  await page.getByRole('button', { name: 'Save anyway' }).click();
  await waitForEvent(page, 'saved', {}, since);
  expect(await readOnDisk(page, 'draft.ordinance.yaml')).toBe(ours);

  // Save As: a new file, which the document now is.
  since = await eventCount(page);
  await page.getByRole('button', { name: 'Save as…' }).click();
  const savedAs = await waitForEvent(page, 'saved', {}, since);
  expect(savedAs.detail.name).toBe('saved-as.ordinance.yaml');
  expect(await readOnDisk(page, 'saved-as.ordinance.yaml')).toBe(ours);
  await expect(page.getByLabel('Document saved-as.ordinance.yaml', { exact: true })).toBeVisible();
  expect(downloads).toBe(0);
});

test('coming back to the window after the open file changed on disk offers to reload it, and reloading shows what is on disk', async ({
  page,
}) => {
  await openWithPickers(page);
  await writeOnDisk(page, 'draft.ordinance.yaml', sampleText);
  let since = await eventCount(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  await waitForEvent(page, 'analysis-applied', {}, since);

  await page.waitForTimeout(20); // a later modification time than the open's (millisecond clock)
  const theirs = sampleText.replace('title: An Act Concerning', 'title: A Revised Act Concerning');
  await writeOnDisk(page, 'draft.ordinance.yaml', theirs);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByText('draft.ordinance.yaml changed on disk.')).toBeVisible();
  since = await eventCount(page);
  await page.getByRole('button', { name: 'Reload from disk' }).click();
  await waitForEvent(page, 'analysis-applied', {}, since);
  expect(await hook.getText(page)).toBe(theirs);
});
