// A solicitor's and a records officer's first hour, walked in a small window (1024 by 768) from a new
// document: each test is a place where the screen did not say what had happened or what to do next.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkPageHealth, chooseCaseFile, eventCount, hook, loadApp, namePlace, waitForEvent } from './app-driver';

checkPageHealth({ csp: true });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
});

test('"Add provision" brings the provision it added into sight and gives it the focus, far below the button as it is', async ({ page }) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  // Named, the draft is checked and its provisions numbered as they print (a blank draft names no place).
  await namePlace(page);
  const form = page.getByRole('region', { name: 'Form' });
  await form.getByLabel('Provision template').selectOption({ label: 'Decline every detainer (no holds at all)' });
  const since = await eventCount(page);
  await form.getByRole('button', { name: 'Add provision', exact: true }).click();
  const applied = await waitForEvent(page, 'form-edit-applied', {}, since);
  await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(await hook.getText(page)).toContain('- id: decline-all\n');
  // The new card, last of the section (§ 2(c) after the blank ordinance's two), is where the eye and the keyboard are.
  const card = form.getByRole('listitem', { name: /^Provision § 2\(c\) No holds on civil detainers$/ });
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  // Tab goes on into it, not back to the top of the form.
  await page.keyboard.press('Tab');
  expect(await card.evaluate((el) => el.contains(document.activeElement))).toBe(true);
});

test('"Add provision" keeps the new card and its focus when the engine answers late, for the text before the edit', async ({
  page,
  context,
}) => {
  // The engine's worker starts slowly on a loaded machine: its first answer (for the text before the
  // edit) comes after the form has drawn the new card. That old answer must not draw the form as it
  // was, taking the card (and the keyboard) away until the next answer.
  await context.route('**/assets/analysis.worker-*.js', async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  await loadApp(page);
  const editable = await waitForEvent(page, 'document-editable');
  expect(editable.detail.engine).toBe(false);
  const form = page.getByRole('region', { name: 'Form' });
  await form.getByLabel('Provision template').selectOption({ label: 'Decline every detainer (no holds at all)' });
  const since = await eventCount(page);
  await form.getByRole('button', { name: 'Add provision', exact: true }).click();
  const applied = await waitForEvent(page, 'form-edit-applied', {}, since);
  const card = page.locator('.provision-card[data-provision-id="decline-all"]');
  await expect(card).toBeFocused();
  // The engine's answers, the old text's first: the card stays the same element, with the focus.
  await card.evaluate((el) => ((window as unknown as { __card: Element }).__card = el));
  await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(await card.evaluate((el) => (window as unknown as { __card: Element }).__card === el)).toBe(true);
  await expect(card).toBeFocused();
});

test('"Remove" on a provision gives the focus to the card that takes its place, not to the page', async ({ page }) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  // Named, the draft is checked and its provisions numbered as they print (a blank draft names no place).
  await namePlace(page);
  const form = page.getByRole('region', { name: 'Form' });
  const first = form.getByRole('listitem', { name: /^Provision § 2\(a\) Persons under 18$/ });
  const remove = first.getByRole('button', { name: 'Remove', exact: true });
  await remove.focus();
  const since = await eventCount(page);
  await page.keyboard.press('Enter');
  const applied = await waitForEvent(page, 'form-edit-applied', {}, since);
  await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  expect(await hook.getText(page)).not.toContain('- id: minors\n');
  // The judicial-warrant rule is § 2(a) now, and the keyboard is on it.
  const next = form.getByRole('listitem', { name: /^Provision § 2\(a\) Detainer supported by a judicial warrant$/ });
  await expect(next).toBeFocused();
  await expect(next).toBeInViewport();
});

test('a records officer mapping a jail export reads what each case column holds in the lists, not its name alone, and no path into the repository', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-walk-e2e-'));
  const file = path.join(dir, 'county-jail-export.csv');
  writeFileSync(file, 'BOOKING_NO,AGE_AT_BOOKING,REL_ELIG_DT\r\n25-001,34,10/01/2025 12:00\r\n');
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'cases-refused', { name: 'county-jail-export.csv' }, since);
  const panel = page.getByRole('region', { name: 'Map the columns of county-jail-export.csv' });
  await expect(panel).toBeVisible();
  await expect(panel).not.toContainText('docs/');
  const picker = panel.getByLabel('Case column for REL_ELIG_DT', { exact: true });
  await expect(picker.locator('option[value="eligibleForReleaseAt"]')).toHaveText(
    'eligibleForReleaseAt (required) — when custody would otherwise end: a hold starts here',
  );
  await expect(picker.locator('option[value="conviction1.current"]')).toHaveText(
    'conviction1.current — the conviction for the current custody (yes/no)',
  );
  // Every case column in the list says what it holds.
  const bare = await picker.locator('optgroup option').evaluateAll((os) => os.map((o) => o.textContent!).filter((t) => !t.includes(' — ')));
  expect(bare).toEqual([]);
});

test('at 1024 pixels the title bar leaves the document’s name more room: "Dark theme" shows as "Dark", its name unchanged', async ({
  page,
}) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  await page.getByLabel('Open a sample ordinance').selectOption({ label: 'An Act Concerning Civil Immigration Detainers' });
  await waitForEvent(page, 'document-opened', { name: 'connecticut-trust-act-2014.ordinance.yaml' });
  // "riverton-c…" was all of a name that fitted: now twice as much of it.
  const name = page.locator('.doc-name');
  expect(await name.evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThan(120);
  await expect(name).toHaveAttribute('title', /connecticut-trust-act-2014\.ordinance\.yaml/);
  const dark = page.getByRole('button', { name: 'Dark theme', exact: true });
  await expect(dark).toBeInViewport();
  await expect(page.getByRole('button', { name: 'About', exact: true })).toBeInViewport();
  // The toolbar stays one row.
  const header = await page.locator('.titlebar').boundingBox();
  expect(header!.height).toBeLessThan(60);
  // The form scrolls inside its pane: its long sample stops above the Problems panel, never runs over it.
  const form = await page.getByRole('region', { name: 'Form' }).boundingBox();
  const problems = await page.locator('section.problems').boundingBox();
  expect(form!.y + form!.height).toBeLessThanOrEqual(problems!.y + 1);
});

/** The document's text made over 100,000 characters long (a form over such a text is read-only until its check ends). */
function longText(text: string): string {
  return `${text}\n${'# a comment kept with the text, to make it long\n'.repeat(40_000)}`;
}

/** The app opened to its form, the Title field clicked into; and the document's text made long, to be set while typing there. */
async function typingInTitleOfLongText(page: Page): Promise<{ title: Locator; big: string }> {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  const title = page.getByRole('region', { name: 'Form' }).getByLabel('Title', { exact: true });
  await title.click();
  return { title, big: longText(await hook.getText(page)) };
}

test('a text over 100,000 characters changed while the form is shown: the form says it shows the text as of its last check, until the check ends', async ({
  page,
}) => {
  await loadApp(page);
  await waitForEvent(page, 'document-editable');
  const form = page.getByRole('region', { name: 'Form' });
  await expect(form.getByLabel('Title', { exact: true })).toHaveValue('An Ordinance Concerning Civil Immigration Detainers');
  const text = (await hook.getText(page)).replace('An Ordinance Concerning Civil Immigration Detainers', 'A Much Longer Ordinance');
  const big = longText(text);
  const since = await eventCount(page);
  // Right after the change (two frames), long before the engine has checked two megabytes: the form still
  // shows the old title, and says so.
  const said = await page.evaluate(async (t) => {
    (window as unknown as { __detainerStudio: { setText(t: string): number } }).__detainerStudio.setText(t);
    // The frames until the form is drawn for the change (two, or a few more on a loaded machine).
    for (let i = 0; i < 30 && !document.querySelector('[data-pane="left"] .form-behind'); i++)
      await new Promise((r) => requestAnimationFrame(r));
    const title = (
      [...document.querySelectorAll('[data-pane="left"] label')].find((l) => l.textContent === 'Title') as HTMLLabelElement | undefined
    )?.control as HTMLInputElement | null | undefined;
    return {
      notice: document.querySelector('[data-pane="left"] .form-behind')?.textContent ?? null,
      title: title?.value,
      // Read-only meanwhile: no change is made on fields that are no longer what they show.
      editable: title ? !title.matches(':disabled') : null,
    };
  }, big);
  expect(said.title).toBe('An Ordinance Concerning Civil Immigration Detainers');
  expect(said.editable).toBe(false);
  expect(said.notice).toContain('The form shows the text as of its last check.');
  expect(said.notice).toContain('the form is read-only until the check of the new text ends');
  expect(said.notice).toContain('a text over 100,000 characters is read by the check alone');
  const version = await hook.version(page);
  await waitForEvent(page, 'analysis-applied', { version }, since);
  await expect(form.getByLabel('Title', { exact: true })).toHaveValue('A Much Longer Ordinance');
  await expect(form.getByLabel('Title', { exact: true })).toBeEditable();
  await expect(page.locator('.form-behind')).toHaveCount(0);
});

test('a text over 100,000 characters changed while typing in the form: the field typed in has the focus again once the form is editable', async ({
  page,
}) => {
  const { title, big } = await typingInTitleOfLongText(page);
  await expect(title).toBeFocused();
  const since = await eventCount(page);
  // The form is read-only (its controls disabled) until the engine has checked the long text: the field
  // loses the focus meanwhile, and nothing else takes it.
  const locked = await page.evaluate(async (t) => {
    (window as unknown as { __detainerStudio: { setText(t: string): number } }).__detainerStudio.setText(t);
    for (let i = 0; i < 30 && !document.querySelector('[data-pane="left"] .form-behind'); i++)
      await new Promise((r) => requestAnimationFrame(r));
    const title = [...document.querySelectorAll('[data-pane="left"] label')].find((l) => l.textContent === 'Title') as
      HTMLLabelElement | undefined;
    return !!document.querySelector('[data-pane="left"] .form-behind') && !!title?.control?.matches(':disabled');
  }, big);
  expect(locked).toBe(true);
  const version = await hook.version(page);
  await waitForEvent(page, 'analysis-applied', { version }, since);
  await expect(page.locator('.form-behind')).toHaveCount(0);
  await expect(title).toBeEditable();
  // The keyboard goes on where it was: typing lands in the title, not on the page.
  await expect(title).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' (Revised)');
  await expect(title).toHaveValue('An Ordinance Concerning Civil Immigration Detainers (Revised)');
});

test('a text over 100,000 characters changed while the form is shown: focus moved elsewhere meanwhile stays there when the form is editable', async ({
  page,
}) => {
  const { title, big } = await typingInTitleOfLongText(page);
  const since = await eventCount(page);
  // Locked, the user goes on to the toolbar (a control outside the form).
  await page.evaluate(async (t) => {
    (window as unknown as { __detainerStudio: { setText(t: string): number } }).__detainerStudio.setText(t);
    for (let i = 0; i < 30 && !document.querySelector('[data-pane="left"] .form-behind'); i++)
      await new Promise((r) => requestAnimationFrame(r));
    const outside = document.querySelector<HTMLElement>('.titlebar button');
    outside?.focus();
  }, big);
  const outside = page.locator('.titlebar button').first();
  await expect(outside).toBeFocused();
  const version = await hook.version(page);
  await waitForEvent(page, 'analysis-applied', { version }, since);
  await expect(title).toBeEditable();
  await expect(outside).toBeFocused();
});
