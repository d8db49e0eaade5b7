// Expected decisions in the app: a sample's expected-decisions file checked against the draft in the
// editor gives what `detainer-studio test` reports, before and after an edit that changes a case.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { eventCount, hook, openApp, openSample, ROOT, SAMPLE, setTextAndWait, waitForEvent } from './app-driver';
import { axeViolations } from './axe';

const EXPECTED = path.join(ROOT, 'tests/samples/connecticut-trust-act-2014.expected.yaml');

/** `detainer-studio test`, which exits 1 on a mismatch: its report, whatever the exit code. */
function cliTest(args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/detainer-studio.mjs'), 'test', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('an expected-decisions file is checked against the draft as `detainer-studio test` checks it, and a changed case is named with why', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openApp(page);
  await openSample(page);

  const passing = cliTest([EXPECTED]);
  expect(passing.status).toBe(0);
  const [, passed, total] = /(\d+) of (\d+) cases decided as expected/.exec(passing.output)!;
  expect(passed).toBe(total);

  // The command (Simulate > Check Expected Decisions…) shows the panel under the decision table and asks for the file.
  const chooser = page.waitForEvent('filechooser');
  await hook.menu(page, 'simulate.expected');
  await (await chooser).setFiles(EXPECTED);
  const panel = page.getByRole('region', { name: 'Expected decisions' });
  await expect(panel).toContainText(path.basename(EXPECTED));
  await expect(panel.getByRole('status')).toHaveText(`All ${total} cases are decided as expected.`);
  await expect(panel.locator('.expected-mismatch')).toHaveCount(0);
  expect(await axeViolations(page, 'expected decisions, all passing')).toEqual([]);

  // Felonies held 24 working hours instead of 48: the MLK-weekend felony case is released a day early.
  const edited = readFileSync(path.join(ROOT, SAMPLE), 'utf8').replace(
    'maxHold: { hours: 48, excludingWeekendsAndHolidays: true }',
    'maxHold: { hours: 24, excludingWeekendsAndHolidays: true }',
  );
  const draft = path.join(mkdtempSync(path.join(os.tmpdir(), 'detainer-expected-e2e-')), 'edited.ordinance.yaml');
  writeFileSync(draft, edited);
  const failing = cliTest([EXPECTED, '--policy', draft]);
  expect(failing.status).toBe(1);
  const mismatches = [...failing.output.matchAll(/error: case (\S+): (.+) \[expected-decision\]\n\s+why: (.+)/g)].map((m) => ({
    id: m[1]!,
    difference: m[2]!,
    why: m[3]!,
  }));
  expect(mismatches.length).toBeGreaterThan(0);
  const [, stillPassing, sameTotal] = /(\d+) of (\d+) cases decided as expected/.exec(failing.output)!;

  const since = await eventCount(page);
  const applied = await setTextAndWait(page, edited);
  await waitForEvent(page, 'analysis-applied', { version: applied.detail.version }, since);
  await expect(panel.getByRole('status')).toHaveText(
    `${mismatches.length} of ${sameTotal} cases are not decided as expected; ${stillPassing} are.`,
  );
  const shown = panel.locator('.expected-mismatch');
  await expect(shown).toHaveCount(mismatches.length);
  for (const [i, m] of mismatches.entries()) {
    const item = shown.nth(i);
    await expect(item.locator('strong')).toHaveText(m.id);
    await expect(item.locator('.expected-differences li')).toContainText([m.difference]);
    await expect(item.locator('.expected-why')).toHaveText(`Why: ${m.why}`);
    // The provisions expected and given are named as the ordinance names them, never by their ids.
    const line = item.locator('p').first();
    await expect(line).toContainText(/; the draft gives .* by § \d+\S* \S/);
    const words = (await line.textContent()) ?? '';
    for (const id of ['felony-conviction', 'pending-charge-no-bond', 'arrest-warrant', 'removal-order', 'public-safety-risk'])
      expect(words).not.toContain(id);
  }
  expect(await axeViolations(page, 'expected decisions, one mismatch')).toEqual([]);
  expect(pageErrors).toEqual([]);
});
