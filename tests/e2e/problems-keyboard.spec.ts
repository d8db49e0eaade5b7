// The Problems panel by keyboard alone: Enter on a finding takes the cursor to its line, F6 comes back
// to that finding and Tab to its fixes; a fix applied from the panel leaves the keyboard in the panel,
// on the finding now in its place or on the panel itself when none is left. Errors are listed first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { eventCount, hook, openApp, openSample, ROOT, SAMPLE, setTextAndWait, waitForEvent, checkPageHealth } from './app-driver';
import { STARTER_ORDINANCE } from '../../renderer/src/app/starter';

const sampleText = readFileSync(path.join(ROOT, SAMPLE), 'utf8');
// The sample without the findings it silences: the statute's text with its legal warnings.
const unsilenced = sampleText.replace(/\n# The sample reproduces[^]*?\nsuppress:\n(?: {2}.*\n| {4}.*\n)*\n/, '\n');

checkPageHealth();

test.beforeEach(async ({ page }) => {
  await openApp(page);
});
/** Where the keyboard is: the editor, a problem (its message), the panel itself, or something else. */
function focused(page: Page) {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'nowhere';
    if (a.closest('.editor-host')) return 'editor';
    if (a.matches('.problems')) return 'the panel';
    if (a.matches('.problem-list > li > button')) return `problem: ${a.querySelector('.message')?.textContent}`;
    return `${a.tagName.toLowerCase()}: ${a.textContent?.trim()}`;
  });
}

const messages = (page: Page) => page.locator('.problem-list > li > button .message').allTextContents();

test('Enter on a problem goes to its line; F6 comes back to it, Tab to its fix; after the fix the keyboard is on the next problem', async ({
  page,
}) => {
  await openSample(page);
  await setTextAndWait(page, unsilenced);
  const problems = page.getByRole('list', { name: 'Problems' });
  const finding = problems.getByRole('button', { name: /^Warning: .*Known gang member.*without a judicial warrant/ }).first();
  const before = await messages(page);
  const fixedMessage = (await finding.locator('.message').textContent())!;
  const place = before.indexOf(fixedMessage);

  await finding.focus();
  await page.keyboard.press('Enter');
  const line = Number(/line (\d+), col \d+$/.exec((await finding.textContent()) ?? '')?.[1]);
  await expect.poll(async () => (await hook.cursor(page)).line).toBe(line);
  await expect.poll(() => focused(page)).toBe('editor');

  // Back to the panel: the finding just opened, its fix one Tab away.
  await page.keyboard.press('F6');
  await expect.poll(() => focused(page)).toBe(`problem: ${fixedMessage}`);
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toBe('button: Require a judicial warrant for this hold');

  const since = await eventCount(page);
  await page.keyboard.press('Enter');
  const fixed = await waitForEvent(page, 'quick-fix-applied', {}, since);
  await waitForEvent(page, 'analysis-applied', { version: fixed.detail.version }, since);
  // The fix may settle more than one finding: the keyboard is on the one now in the fixed one's place,
  // which was listed after it.
  const after = await messages(page);
  expect(after).not.toContain(fixedMessage);
  const next = after[place]!;
  expect(before.indexOf(next)).toBeGreaterThan(place);
  await expect.poll(() => focused(page)).toBe(`problem: ${next}`);

  // And on from there: Enter opens that one.
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('editor');
});

test('a fix chosen in the panel is undone there with Ctrl+Z, where the keyboard stays, and redone with Ctrl+Y', async ({ page }) => {
  await openSample(page);
  await setTextAndWait(page, unsilenced);
  const problems = page.getByRole('list', { name: 'Problems' });
  await problems
    .getByRole('button', { name: /^Warning: .*Known gang member.*without a judicial warrant/ })
    .first()
    .click();
  let since = await eventCount(page);
  await problems.getByRole('button', { name: 'Require a judicial warrant for this hold' }).click();
  const fixed = await waitForEvent(page, 'quick-fix-applied', {}, since);
  await waitForEvent(page, 'analysis-applied', { version: fixed.detail.version }, since);
  const fixedText = await hook.getText(page);
  expect(fixedText).not.toBe(unsilenced);
  await expect.poll(() => focused(page)).toMatch(/^problem: /);
  // The keyboard is on the next problem: Ctrl+Z there undoes the fix (it did nothing before).
  since = await eventCount(page);
  await page.keyboard.press('Control+z');
  await waitForEvent(page, 'analysis-applied', {}, since);
  expect(await hook.getText(page)).toBe(unsilenced);
  await expect(problems.getByRole('button', { name: /^Warning: .*Known gang member.*without a judicial warrant/ }).first()).toBeVisible();
  since = await eventCount(page);
  await page.keyboard.press('Control+y');
  await waitForEvent(page, 'analysis-applied', {}, since);
  expect(await hook.getText(page)).toBe(fixedText);
});

test('after the last problem is fixed from the panel, the keyboard is on the panel', async ({ page }) => {
  // A section of text only (no provision, so no note on the otherwise clause) and a misspelt outcome, in a
  // draft whose place is chosen.
  const oneProblem = STARTER_ORDINANCE.replace('jurisdiction:\n', 'jurisdiction:\n  name: Town of Hull\n  state: MA\n').replace(
    / {4}provisions:[^]*$/,
    '    text: The Police Department shall not hold a person on a civil immigration detainer.\notherwise: declien\n',
  );
  await setTextAndWait(page, oneProblem);
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems.getByRole('button')).toHaveCount(1);
  await problems.getByRole('button', { name: /did you mean "decline"/ }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toBe('editor');
  await page.keyboard.press('F6');
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toBe('button: Change it to "decline"');
  const since = await eventCount(page);
  await page.keyboard.press('Enter');
  const fixed = await waitForEvent(page, 'quick-fix-applied', {}, since);
  await waitForEvent(page, 'analysis-applied', { version: fixed.detail.version }, since);
  await expect(page.getByText('No problems: the engine accepts this ordinance.')).toBeVisible();
  await expect.poll(() => focused(page)).toBe('the panel');
  await expect(page.getByRole('region', { name: /^Problems 0 errors/ })).toBeFocused();
});

test('errors are listed before warnings, each in the order of the document', async ({ page }) => {
  await openSample(page);
  // A provision given the id of another: an error on its line, below the warning that a finding silenced
  // for it (a silencing the drafters added for the provision) now names no provision.
  const broken = sampleText
    .replace(
      '  - code: no-minimum-age\n',
      '  - code: wording-differs\n    provision: gang-member\n    reason: the drafters accept the words\n  - code: no-minimum-age\n',
    )
    .replace('- id: gang-member', '- id: felony-conviction');
  expect(broken).toContain('provision: gang-member');
  const checked = await setTextAndWait(page, broken);
  expect(checked.detail.errors).toBeGreaterThan(0);
  expect(checked.detail.warnings).toBeGreaterThan(0);
  const rows = await page.locator('.problem-list > li > button').evaluateAll((buttons) =>
    buttons.map((b) => ({
      severity: /^(?:Silenced )?(\w+):/.exec(b.querySelector('.visually-hidden')?.textContent ?? '')![1],
      silenced: (b.querySelector('.visually-hidden')?.textContent ?? '').startsWith('Silenced'),
      line: Number(/line (\d+), col (\d+)$/.exec(b.textContent ?? '')![1]),
      column: Number(/line (\d+), col (\d+)$/.exec(b.textContent ?? '')![2]),
    })),
  );
  const rank = { Error: 0, Warning: 1, Note: 2 } as Record<string, number>;
  const key = (r: (typeof rows)[number]) => [r.silenced ? 3 : rank[r.severity!]!, r.line, r.column];
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
  expect(rows[0]!.severity).toBe('Error');
  expect(rows.some((r) => r.severity === 'Warning' && r.line < rows[0]!.line)).toBe(true);
  expect(rows).toEqual(sorted);
});
