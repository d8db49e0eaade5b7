// The decision table and the difference between drafts, end to end in Chromium, against the
// command line: the same rows as `decision-table --json`, the same CSV bytes, the same kinds of
// difference as `diff --json`, witness cases `simulate` decides as shown; accessible in both themes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { composedOrdinance } from '../../bench/analysis';
import {
  eventCount,
  hook,
  loadApp,
  openApp,
  openSample,
  ROOT,
  SAMPLE,
  setTextAndWait,
  startInYaml,
  waitForEvent,
  checkPageHealth,
} from './app-driver';
import type { DetainerStudioHook } from '../../renderer/src/testing/test-hook-api';
import { axeViolations } from './axe';

const sampleText = readFileSync(path.join(ROOT, SAMPLE), 'utf8');
const OTHER = 'samples/ordinances/chicago-welcoming-city-2012.ordinance.yaml';
const OTHER_TITLE = 'Welcoming City Ordinance';
const OUTCOME_LABEL: Record<string, string> = { hold: 'Hold', notify: 'Notify only', review: 'Review', decline: 'Decline' };

interface CliTable {
  columns: Array<{ key: string; label: string }>;
  rows: Array<{
    facts: Record<string, string>;
    outcome: string;
    provision: string;
    citation: string;
    combinations: number;
    maxHold?: unknown;
  }>;
  totalCombinations: number;
  complete: boolean;
}

interface CliDecision {
  outcome: string;
  provision: string;
  citation: string;
}

interface CliDiff {
  equivalent: boolean;
  witnesses: Array<{
    case: { id: string };
    a: CliDecision;
    b: CliDecision;
    facts: string[];
    kind: { a: { provision: string; outcome: string }; b: { provision: string; outcome: string } };
    scenario?: { reimbursementAgreement: boolean };
  }>;
}

checkPageHealth({ csp: true });

test.beforeEach(async ({ page }, testInfo) => {
  // A test that reloads the page at once (to change the theme) opens the YAML editor itself, after the reload.
  if (testInfo.tags.includes('@reloads')) await loadApp(page);
  else await openApp(page);
});

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'detainer-e2e-analysis-'));
}

/**
 * Runs the command-line tool and returns what it printed; its summary on stderr is kept out of the
 * test log. `diff` exits 1 when the drafts differ: a result, not a failure.
 */
function runCli(args: string[], allowed: number[] = [0]): { status: number; stdout: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/detainer-studio.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status === null || !allowed.includes(r.status))
    throw new Error(`detainer-studio ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { status: r.status, stdout: r.stdout };
}

function cliTable(file: string): CliTable {
  return JSON.parse(runCli(['decision-table', file, '--json']).stdout) as CliTable;
}

function cliDiff(a: string, b: string): { status: number; json: CliDiff } {
  const r = runCli(['diff', a, b, '--json'], [0, 1]);
  return { status: r.status, json: JSON.parse(r.stdout) as CliDiff };
}

const kindOf = (w: CliDiff['witnesses'][number]) => `${w.kind.a.provision}:${w.kind.a.outcome}|${w.kind.b.provision}:${w.kind.b.outcome}`;

/** The cells of the rows the grid has rendered, keyed by their row index (2 = the first row). */
async function renderedRows(grid: Locator): Promise<Map<number, string[]>> {
  const rows = await grid.locator('[role="rowgroup"] [role="row"]').evaluateAll((els) =>
    els.map((el) => ({
      index: Number(el.getAttribute('aria-rowindex')),
      cells: [...el.querySelectorAll('[role="gridcell"]')].map((c) => (c.textContent ?? '').trim()),
    })),
  );
  return new Map(rows.map((r) => [r.index, r.cells]));
}

/**
 * Every row of the grid, which renders only the rows in view (and a few more): read at the top, then
 * scrolled to the bottom once the last row is rendered; a table of more than two windows fails the count.
 */
async function allRows(grid: Locator, count: number): Promise<Map<number, string[]>> {
  const all = await renderedRows(grid);
  if (all.size < count) {
    await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(grid.locator(`[role="rowgroup"] [role="row"][aria-rowindex="${count + 1}"]`)).toBeAttached();
    for (const [i, cells] of await renderedRows(grid)) all.set(i, cells);
    await grid.evaluate((el) => (el.scrollTop = 0));
    await expect(grid.locator('[role="rowgroup"] [role="row"][aria-rowindex="2"]')).toBeAttached();
  }
  return all;
}

/** The cells a CLI row should show, in the grid's order: outcome, provision, hold limit, facts, combinations. */
function expectedCells(t: CliTable, i: number): { outcome: string; citation: string; facts: string[]; combinations: string } {
  const r = t.rows[i]!;
  return {
    outcome: OUTCOME_LABEL[r.outcome]!,
    citation: r.citation,
    facts: t.columns.map((c) => r.facts[c.key] ?? 'any'),
    combinations: r.combinations.toLocaleString('en-US'),
  };
}

function checkRow(t: CliTable, i: number, cells: string[] | undefined): void {
  expect(cells, `row ${i + 1} is rendered`).toBeDefined();
  const want = expectedCells(t, i);
  const hasHold = t.rows.some((r) => r.maxHold);
  const facts = cells!.slice(hasHold ? 3 : 2, -1);
  expect(cells![0]!.startsWith(want.outcome), `row ${i + 1} outcome "${cells![0]}"`).toBe(true);
  expect(cells![1]!.startsWith(`${want.citation} `), `row ${i + 1} provision "${cells![1]}"`).toBe(true);
  expect(facts, `row ${i + 1} facts`).toEqual(want.facts);
  expect(cells!.at(-1)).toBe(want.combinations);
}

async function openTable(page: Page, version: number) {
  const since = await eventCount(page);
  await page.getByRole('tab', { name: 'Decision table' }).click();
  return waitForEvent(page, 'decision-table-rendered', { version }, since);
}

test('the decision table of a sample shows the rows of `decision-table --json` and saves the CSV the CLI writes', async ({ page }) => {
  const expected = cliTable(SAMPLE);
  const opened = await openSample(page);
  const rendered = await openTable(page, opened.detail.version as number);
  expect(rendered.detail).toMatchObject({ rows: expected.rows.length, columns: expected.columns.length, complete: true });

  const view = page.getByRole('region', { name: 'Decision table' });
  await expect(view.getByTestId('completeness')).toContainText(
    `Complete: ${expected.rows.length} rows cover all ${expected.totalCombinations} combinations of the ${expected.columns.length} facts this draft reads`,
  );
  const grid = page.getByRole('grid', { name: 'Decision table rows' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(expected.rows.length + 1));
  const headers = (await grid.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const hasHold = expected.rows.some((r) => r.maxHold);
  expect(headers).toEqual([
    'Outcome',
    'Decided by',
    ...(hasHold ? ['Maximum hold'] : []),
    ...expected.columns.map((c) => c.label),
    'Combinations',
  ]);
  const cells = await allRows(grid, expected.rows.length);
  expect(cells.size).toBe(expected.rows.length);
  expected.rows.forEach((_, i) => checkRow(expected, i, cells.get(i + 2)));

  // Save as CSV: the same bytes as the command line's CSV.
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Save as CSV…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('connecticut-trust-act-2014.decision-table.csv');
  const target = path.join(tempDir(), file.suggestedFilename());
  await file.saveAs(target);
  expect(readFileSync(target).equals(Buffer.from(runCli(['decision-table', SAMPLE]).stdout, 'utf8'))).toBe(true);

  // The filters: holds only, then one provision's rows.
  await view.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Hold' });
  const holds = expected.rows.filter((r) => r.outcome === 'hold').length;
  await expect(view.getByText(`${holds} of ${expected.rows.length} rows shown`)).toBeVisible();
  await view.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Every outcome' });
  const gangRows = expected.rows.filter((r) => r.provision === 'gang-member');
  await view.getByLabel('Deciding provision').selectOption({ value: 'gang-member' });
  await expect(view.getByText(`${gangRows.length} of ${expected.rows.length} rows shown`)).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(gangRows.length + 1);

  // A provision in the table opens it in the editor.
  await grid
    .getByRole('button', { name: /Known gang member/ })
    .first()
    .click();
  await expect(page.getByRole('tab', { name: 'YAML' })).toHaveAttribute('aria-selected', 'true');
  const gangLine = sampleText.split('\n').findIndex((l) => l.includes('- id: gang-member')) + 1;
  await expect.poll(async () => (await hook.cursor(page)).line).toBe(gangLine);

  // Keyboard: End, then Enter shows the last row's facts in full.
  await view.getByLabel('Deciding provision').selectOption({ label: 'Every provision' });
  await grid.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: `Row ${expected.rows.length} of the decision table` });
  await expect(details).toContainText(`Decided by ${expected.rows.at(-1)!.citation}`);
});

test('a one-provision edit through the editor model updates the decision table, and the Drafts view finds it against the original', async ({
  page,
}) => {
  const edited = sampleText.replace(
    '            - { record: securityRiskGroup }\n        outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }\n',
    '            - { record: securityRiskGroup }\n        outcome: notify\n',
  );
  expect(edited).not.toBe(sampleText);
  const file = path.join(tempDir(), 'edited.ordinance.yaml');
  writeFileSync(file, edited);
  const before = cliTable(SAMPLE);
  const after = cliTable(file);
  const gangOutcomes = (t: CliTable) => t.rows.filter((r) => r.provision === 'gang-member').map((r) => r.outcome);
  expect(gangOutcomes(before)).toContain('hold');
  expect(gangOutcomes(after)).not.toContain('hold');

  const opened = await openSample(page);
  // The original is the other draft: before the edit the two are the same.
  await page.getByRole('tab', { name: 'Drafts' }).click();
  let since = await eventCount(page);
  await page
    .getByLabel('Find the cases that separate this draft from')
    .selectOption({ label: 'Sample: An Act Concerning Civil Immigration Detainers' });
  await waitForEvent(page, 'difference-rendered', { version: opened.detail.version, equivalent: true }, since);

  await openTable(page, opened.detail.version as number);
  const grid = page.getByRole('grid', { name: 'Decision table rows' });
  since = await eventCount(page);
  const analysis = await setTextAndWait(page, edited);
  expect(analysis.detail.errors).toBe(0);
  await waitForEvent(page, 'decision-table-rendered', { version: analysis.detail.version }, since);
  const cells = await allRows(grid, after.rows.length);
  expect(cells.size).toBe(after.rows.length);
  after.rows.forEach((_, i) => checkRow(after, i, cells.get(i + 2)));

  // Back on the Drafts view, the edited draft is compared again: the change, found as the CLI finds it.
  const expected = cliDiff(file, SAMPLE);
  expect(expected.status).toBe(1);
  since = await eventCount(page);
  await page.getByRole('tab', { name: 'Drafts' }).click();
  const rendered = await waitForEvent(page, 'difference-rendered', { version: analysis.detail.version }, since);
  expect(rendered.detail.kinds).toEqual(expected.json.witnesses.map(kindOf));
  const first = page.getByRole('list', { name: 'Differences' }).getByRole('listitem', { name: /^1\. A: / });
  await expect(first).toContainText(`Smallest case: ${expected.json.witnesses[0]!.facts.join('; ')}.`);
  // Draft A's provision opens in the editor.
  await first.getByRole('region', { name: 'Draft A: this draft' }).getByRole('button', { name: 'Show the provision' }).click();
  const line = edited.split('\n').findIndex((l) => l.includes(`- id: ${expected.json.witnesses[0]!.a.provision}`)) + 1;
  await expect.poll(async () => (await hook.cursor(page)).line).toBe(line);
});

test('the Drafts view lists the differences `diff --json` finds, with witness cases `simulate` decides the same way; a draft against itself is equivalent', async ({
  page,
}) => {
  const expected = cliDiff(SAMPLE, OTHER);
  expect(expected.status).toBe(1);
  expect(expected.json.witnesses.length).toBeGreaterThan(1);

  await openSample(page);
  await page.getByRole('tab', { name: 'Drafts' }).click();
  const view = page.getByRole('region', { name: 'Drafts' });
  let since = await eventCount(page);
  await view.getByLabel('Find the cases that separate this draft from').selectOption({ label: `Sample: ${OTHER_TITLE}` });
  const rendered = await waitForEvent(page, 'difference-rendered', {}, since);
  expect(rendered.detail.equivalent).toBe(false);
  expect(rendered.detail.witnesses).toBe(expected.json.witnesses.length);
  expect(rendered.detail.kinds).toEqual(expected.json.witnesses.map(kindOf));

  const differences = view.getByRole('list', { name: 'Differences' });
  await expect(differences.getByRole('listitem').and(page.locator('.witness'))).toHaveCount(expected.json.witnesses.length);
  await expect(view).toContainText(`${expected.json.witnesses.length} kinds of difference`);
  for (const [i, w] of expected.json.witnesses.entries()) {
    const item = differences.getByRole('listitem', { name: new RegExp(`^${i + 1}\\. A: `) });
    await expect(item.getByRole('heading', { level: 3 }).first()).toHaveText(
      `${i + 1}. A: ${OUTCOME_LABEL[w.a.outcome]} by ${w.a.citation}; B: ${OUTCOME_LABEL[w.b.outcome]} by ${w.b.citation}`,
    );
    await expect(item).toContainText(`Smallest case: ${w.facts.join('; ')}.`);
    await expect(item.getByRole('region', { name: 'Draft A: this draft' })).toContainText(`decided by ${w.a.citation}`);
    await expect(item.getByRole('region', { name: `Draft B: ${OTHER_TITLE}` })).toContainText(`decided by ${w.b.citation}`);
  }

  // The first witness saved as JSON is the CLI's case, and `simulate` decides it as each draft did.
  const first = expected.json.witnesses[0]!;
  const download = page.waitForEvent('download');
  await differences
    .getByRole('listitem', { name: /^1\. A: / })
    .getByRole('button', { name: 'Save the case as JSON…' })
    .click();
  const saved = await download;
  const casePath = path.join(tempDir(), saved.suggestedFilename());
  await saved.saveAs(casePath);
  expect(JSON.parse(readFileSync(casePath, 'utf8'))).toEqual([first.case]);
  const reimbursement = first.scenario ? ['--reimbursement', first.scenario.reimbursementAgreement ? 'yes' : 'no'] : [];
  for (const [draft, decision] of [
    [SAMPLE, first.a],
    [OTHER, first.b],
  ] as const) {
    const simulated = JSON.parse(runCli(['simulate', draft, '--cases', casePath, ...reimbursement, '--json']).stdout) as {
      decisions: CliDecision[];
    };
    expect(simulated.decisions[0]).toMatchObject({ outcome: decision.outcome, provision: decision.provision });
  }

  // The same draft as B: equivalent, as the CLI says with exit 0.
  expect(cliDiff(SAMPLE, SAMPLE)).toMatchObject({ status: 0, json: { equivalent: true, witnesses: [] } });
  since = await eventCount(page);
  await view
    .getByLabel('Find the cases that separate this draft from')
    .selectOption({ label: 'Sample: An Act Concerning Civil Immigration Detainers' });
  const same = await waitForEvent(page, 'difference-rendered', { equivalent: true }, since);
  expect(same.detail.witnesses).toBe(0);
  await expect(view.getByRole('heading', { name: 'Equivalent' })).toBeVisible();
  await expect(view).toContainText('No booking case is decided differently by the two drafts');

  // A draft with an error is refused with its place, and the last comparison stays.
  const broken = path.join(tempDir(), 'broken.ordinance.yaml');
  writeFileSync(broken, sampleText.replace('        outcome: hold\n', '        outcome: hodl\n'));
  since = await eventCount(page);
  const chooser = page.waitForEvent('filechooser');
  await view.getByLabel('Find the cases that separate this draft from').selectOption({ label: 'A draft from a file…' });
  await (await chooser).setFiles(broken);
  const refused = await waitForEvent(page, 'other-draft-refused', {}, since);
  expect(refused.detail.error).toMatch(/^broken\.ordinance\.yaml cannot be compared: line \d+, column \d+: /);
  await expect(view.getByRole('alert')).toContainText('broken.ordinance.yaml cannot be compared: line');
  await expect(view.getByRole('heading', { name: 'Equivalent' })).toBeVisible();
});

test('the decision table of a 22-provision draft has about 2,000 rows, virtualized; edits made while it is worked out are checked without waiting for it', async ({
  page,
}) => {
  const text = stringify(composedOrdinance(), { lineWidth: 0 });
  const file = path.join(tempDir(), 'composed.ordinance.yaml');
  writeFileSync(file, text);
  const expected = cliTable(file);
  expect(expected.rows.length).toBeGreaterThan(1000);

  const opened = await openSample(page);
  await openTable(page, opened.detail.version as number);
  const since = await eventCount(page);
  const t0 = await page.evaluate(() => performance.now());
  const first = await hook.setText(page, text);
  const checkedFirst = await waitForEvent(page, 'analysis-applied', { version: first }, since);
  // The table of that version is being worked out now; a comment typed meanwhile is checked at once.
  const second = await page.evaluate(() =>
    (window as unknown as { __detainerStudio: DetainerStudioHook }).__detainerStudio.insertAt(1, 1, '# draft for the committee\n'),
  );
  const checkedSecond = await waitForEvent(page, 'analysis-applied', { version: second }, since);
  const firstTable = await waitForEvent(page, 'decision-table-done', { version: first }, since);
  expect(checkedSecond.at).toBeLessThan(firstTable.at);
  // The newest draft wins: the table ends at the comment's version (its meaning unchanged, so reused).
  const done = await waitForEvent(page, 'decision-table-rendered', { version: second }, since);
  expect(done.detail.rows).toBe(expected.rows.length);
  test.info().annotations.push({
    type: 'timing',
    description: `22-provision draft: checked ${Math.round(checkedFirst.at - t0)} ms after the edit; table of ${expected.rows.length} rows done ${Math.round(firstTable.at - checkedFirst.at)} ms after the check`,
  });

  const grid = page.getByRole('grid', { name: 'Decision table rows' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(expected.rows.length + 1));
  let cells = await renderedRows(grid);
  expect(cells.size).toBeLessThan(60);
  checkRow(expected, 0, cells.get(2));
  await grid.focus();
  await page.keyboard.press('End');
  const last = expected.rows.length - 1;
  await expect(grid.locator(`[role="row"][aria-rowindex="${last + 2}"]`)).toBeVisible();
  cells = await renderedRows(grid);
  checkRow(expected, last, cells.get(last + 2));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: `Row ${last + 1} of the decision table` })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Decision table and Drafts views pass axe in the ${theme} theme`, { tag: '@reloads' }, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('detainer-studio.theme', t), theme);
    await page.reload();
    await startInYaml(page);
    const opened = await openSample(page);
    await openTable(page, opened.detail.version as number);
    // The outcome cell: the middle of a wide row may lie under the pinned provision, which opens the editor.
    await page.getByRole('grid', { name: 'Decision table rows' }).getByRole('row').nth(2).getByRole('gridcell').first().click();
    await expect(page.getByRole('complementary', { name: 'Row 2 of the decision table' })).toBeVisible();
    const found = await axeViolations(page, 'decision table');
    await page.getByRole('tab', { name: 'Drafts' }).click();
    const since = await eventCount(page);
    await page.getByLabel('Find the cases that separate this draft from').selectOption({ label: `Sample: ${OTHER_TITLE}` });
    await waitForEvent(page, 'difference-rendered', {}, since);
    await page.getByText('The whole booking case').first().click();
    found.push(...(await axeViolations(page, 'drafts')));
    expect(found).toEqual([]);
  });
}
