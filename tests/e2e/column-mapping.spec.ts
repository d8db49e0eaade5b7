// A records officer opens the county's own booking export in the app: its header names none of the
// case columns, so the Map columns panel opens; the officer maps the columns and the codes, says the
// order of the slashed dates, reads the file and sees the figures; the mapping saved is the file the
// command line reads with --mapping, to the same decisions; opened again, the file is read with it; a
// fresh window loads the saved file into the panel. Hostile column names and values stay text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkPageHealth, chooseCaseFile, cli, eventCount, openApp, openRefusedCaseFile, setTextAndWait, waitForEvent } from './app-driver';
import { COUNTY_DRAFT } from './county-draft';
import { axeViolations } from './axe';

checkPageHealth({ csp: true });

const HOSTILE = '<img src=x onerror="document.title=1">';
// The county's nightly export: its own names, codes (F/M, H/N/B, Y/N and N/A) and month/day/year dates.
const CSV =
  `BOOKING_NO,INMATE_NAME,AGE_AT_BOOKING,BOOK_DT,REL_ELIG_DT,ICE_REQ,JW,CHG1_LVL,"${HOSTILE.replace(/"/g, '""')}"\r\n` +
  '25-001,DOE JOHN,34,09/07/2025 05:00,10/01/2025 12:00,B,Y,F,<b>x</b>\r\n' +
  '25-002,ROE JANE,41,09/08/2025 06:30,10/02/2025 12:00,N,N,F,\r\n' +
  '25-003,POE SAM,29,09/09/2025 07:15,10/03/2025 12:00,B,N,M,\r\n' +
  '25-004,LOE ANN,52,09/10/2025 08:00,10/04/2025 12:00,H,N/A,M,\r\n' +
  '25-005,MOE TIM,38,09/11/2025 09:45,10/05/2025 12:00,B,N/A,F,\r\n' +
  '25-006,KOE LEE,23,12/01/2025 10:00,12/20/2025 12:00,B,N,M,\r\n';

/** Chooses, in the Map columns panel, the case column each of their columns fills (in this order). */
async function pickColumns(panel: Locator, choices: Record<string, string>) {
  for (const [column, target] of Object.entries(choices))
    await panel.getByLabel(`Case column for ${column}`, { exact: true }).selectOption(target);
}

async function counts(page: Page) {
  const n = async (id: string) => Number((await page.getByTestId(id).textContent())!.replace(/,/g, ''));
  const open = (await page.getByTestId('count-open').count()) ? await n('count-open') : 0;
  return { hold: await n('count-hold'), notify: await n('count-notify'), decline: await n('count-decline'), open };
}

/** What the command line decides for the file read with the mapping: its cases and the counts the app shows. */
function cliCounts(draft: string, file: string, mapping: string) {
  const json = JSON.parse(cli(['simulate', draft, '--cases', file, '--mapping', mapping, '--json'])) as {
    cases: { total: number };
    summary: { outcomes: Record<string, number>; unknowns?: { undetermined: number } };
  };
  const { outcomes, unknowns } = json.summary;
  return {
    total: json.cases.total,
    counts: { hold: outcomes.hold, notify: outcomes.notify, decline: outcomes.decline, open: unknowns?.undetermined ?? 0 },
  };
}

test('a county export mapped in the app, simulated, saved, and read by the command line to the same counts', async ({ page, browser }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-mapping-e2e-'));
  const file = path.join(dir, 'county.csv');
  writeFileSync(file, CSV);
  const draft = path.join(dir, 'draft.ordinance.yaml');
  writeFileSync(draft, COUNTY_DRAFT);

  await openRefusedCaseFile(page, COUNTY_DRAFT, file);
  let since: number;

  // Refused (the header has none of the case columns), and the panel opens to map it: the refusal says
  // it once, briefly, pointing to the panel, which gives the detail.
  const refusal = page.getByRole('alert').filter({ hasText: 'county.csv was not loaded' });
  await expect(refusal).toHaveText(
    'county.csv was not loaded: its header names none of the case columns. Map its columns in the Map columns panel below, which lists what is still to do.',
  );
  const panel = page.getByRole('region', { name: 'Map the columns of county.csv' });
  await expect(panel).toBeVisible();
  // Closed, the panel leaves the refusal said as briefly, in the same words, naming the button that opens it again.
  await panel.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(panel).toBeHidden();
  await expect(refusal).toHaveText(
    'county.csv was not loaded: its header names none of the case columns. Map its columns in the Map columns panel (Map columns…), which lists what is still to do.',
  );
  await page.getByRole('button', { name: 'Map columns…', exact: true }).click();
  await expect(panel).toBeVisible();
  await expect(refusal).toContainText('in the Map columns panel below');
  await expect(panel.getByLabel('Required case columns')).toContainText('id (no column chosen)');
  // The required columns no column gives are named once, there; the list of what is left says where, in one line.
  await expect(panel.getByRole('listitem').filter({ hasText: 'every case needs' })).toHaveText(
    '4 case columns every case needs have no column yet (marked “no column chosen” under “Every case needs” above): ' +
      'choose each in the “Reads as” list of the column that holds it',
  );
  await expect(panel).not.toContainText('no column gives');
  // Sample values beside each column; the hostile name and value are text, nothing of them is markup.
  const hostileRow = panel.getByRole('row', { name: HOSTILE });
  await expect(hostileRow).toContainText('<b>x</b>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(panel.getByRole('row', { name: /^JW/ })).toContainText('N, N/A, Y');

  await pickColumns(panel, {
    BOOKING_NO: 'id',
    AGE_AT_BOOKING: 'age',
    BOOK_DT: 'bookedAt',
    REL_ELIG_DT: 'eligibleForReleaseAt',
    ICE_REQ: 'requests',
    JW: 'judicialWarrant',
    CHG1_LVL: 'charge1.class',
  });
  await expect(panel.getByLabel('Required case columns')).toContainText('id from BOOKING_NO');
  // INMATE_NAME and the hostile column are still to choose: the panel says so, as the import would.
  // In one line, how to choose said once.
  await expect(panel).toContainText(
    `2 columns are not chosen yet: “INMATE_NAME” (column 2), “${HOSTILE}” (column 9). Choose the case column each fills in its “Reads as” list, or “Leave out”`,
  );
  await expect(panel).not.toContainText('unknown column');
  const read = panel.getByRole('button', { name: 'Read county.csv with this mapping' });
  await expect(read).toBeDisabled();
  await panel.getByRole('button', { name: 'Leave out every column not chosen' }).click();

  // Their codes: ours where they differ, unknown where the export says it does not know.
  const value = (column: string, v: string) => panel.getByLabel(`${column} value ${v} reads as`, { exact: true });
  await value('ICE_REQ', 'H').selectOption('hold');
  await value('ICE_REQ', 'N').selectOption('notify');
  await value('ICE_REQ', 'B').selectOption('hold;notify');
  await value('JW', 'N/A').selectOption('unknown');
  await value('CHG1_LVL', 'F').selectOption('felony');
  await value('CHG1_LVL', 'M').selectOption('misdemeanor');
  await expect(panel.getByText('hold slashed dates such as')).toBeVisible();
  await panel.getByLabel('Slashed dates (like 09/07/2025) are').selectOption('month/day/year');
  await expect(panel).toContainText('Every column is mapped or left out');

  since = await eventCount(page);
  await read.click();
  await waitForEvent(page, 'cases-loaded', { name: 'county.csv', count: 6, problems: 0 }, since);
  await waitForEvent(page, 'simulation-rendered', { total: 6 }, since);
  await expect(panel).toBeHidden();
  const app = await counts(page);
  // 25-001 held (judicial warrant: Y); 25-002 notify (pending felony: F); 25-003, 25-006 declined (M, no
  // warrant); 25-004 and 25-005 open: their warrant is N/A, and a judicial warrant would hold them.
  expect(app).toEqual({ hold: 1, notify: 1, decline: 2, open: 2 });

  // Saved as YAML; the command line reads the same file to the same decisions.
  await page.getByRole('button', { name: 'Map columns…' }).click();
  await expect(panel).toBeVisible();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save mapping…' }).click();
  const saved = path.join(dir, (await download).suggestedFilename());
  expect(path.basename(saved)).toBe('county.mapping.yaml');
  await (await download).saveAs(saved);
  const yaml = readFileSync(saved, 'utf8');
  expect(yaml).toContain('BOOKING_NO: id');
  expect(yaml).toContain('dates: month/day/year');
  const byCli = cliCounts(draft, file, saved);
  expect(byCli.total).toBe(6);
  expect(byCli.counts).toEqual(app);

  // Opened again, the file is read with the mapping kept for it.
  await panel.getByRole('button', { name: 'Close' }).click();
  since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'cases-loaded', { name: 'county.csv', count: 6, problems: 0 }, since);
  await waitForEvent(page, 'simulation-rendered', { total: 6 }, since);
  expect(await counts(page)).toEqual(app);
  await expect(page.getByText('Read through a column mapping')).toHaveCount(1);

  // A fresh window (its own storage: nothing kept): the saved file loads into the panel and reads the export the same way.
  const fresh = await browser.newPage();
  await openApp(fresh);
  await setTextAndWait(fresh, COUNTY_DRAFT);
  await fresh.getByRole('tab', { name: 'Simulation' }).click();
  since = await chooseCaseFile(fresh, file);
  await waitForEvent(fresh, 'cases-refused', { name: 'county.csv' }, since);
  const freshPanel = fresh.getByRole('region', { name: 'Map the columns of county.csv' });
  const chooser = fresh.waitForEvent('filechooser');
  await freshPanel.getByRole('button', { name: 'Load a mapping file…' }).click();
  await (await chooser).setFiles(saved);
  await waitForEvent(fresh, 'mapping-loaded', { name: 'county.mapping.yaml', columns: 7 }, since);
  since = await eventCount(fresh);
  await freshPanel.getByRole('button', { name: 'Read county.csv with this mapping' }).click();
  await waitForEvent(fresh, 'simulation-rendered', { total: 6 }, since);
  expect(await counts(fresh)).toEqual(app);
  await fresh.close();
});

test('a mapping file with errors is refused with its line and column, the panel keeps what was mapped, and a value map for every charge shows on their column', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-mapping-e2e-'));
  const file = path.join(dir, 'county.csv');
  writeFileSync(file, CSV);
  const bad = path.join(dir, 'bad.mapping.yaml');
  writeFileSync(bad, 'columns:\n  BOOKING_NO: idd\n');
  await openRefusedCaseFile(page, COUNTY_DRAFT, file);
  const panel = page.getByRole('region', { name: 'Map the columns of county.csv' });
  await panel.getByLabel('Case column for AGE_AT_BOOKING', { exact: true }).selectOption('age');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Load a mapping file…' }).click();
  await (await chooser).setFiles(bad);
  await expect(panel.getByRole('alert')).toContainText('bad.mapping.yaml:2:15: error: "idd" is not a case column; did you mean "id"?');
  await expect(panel.getByLabel('Case column for AGE_AT_BOOKING', { exact: true })).toHaveValue('age');
  // Every control of the panel named, its contrast and structure sound (axe, WCAG 2.1 AA).
  expect(await axeViolations(page, 'Map columns panel')).toEqual([]);

  // A file whose codes are mapped for every charge (charge.class): shown on their column, and kept when one is changed.
  const group = path.join(dir, 'group.mapping.yaml');
  // It also reads a column this export lacks (JW_FLAG): the panel says so in its words, and its button takes the entry out.
  writeFileSync(group, 'columns:\n  CHG1_LVL: charge1.class\n  JW_FLAG: judicialWarrant\nvalues:\n  charge.class: { F: felony }\n');
  const again = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Load a mapping file…' }).click();
  await (await again).setFiles(group);
  await waitForEvent(page, 'mapping-loaded', { name: 'group.mapping.yaml' });
  const absent = panel.getByRole('listitem').filter({ hasText: 'a column this file does not have' });
  await expect(absent).toContainText('the mapping reads judicialWarrant from “JW_FLAG”, a column this file does not have');
  await expect(panel).not.toContainText('take the entry out of the mapping');
  await absent.getByRole('button', { name: 'Take “JW_FLAG” out of the mapping' }).click();
  await expect(absent).toHaveCount(0);
  await expect(panel.getByLabel('Case column for CHG1_LVL', { exact: true })).toHaveValue('charge1.class');
  await expect(panel.getByRole('group', { name: /CHG1_LVL → charge1.class \(the map for charge.class\)/ })).toBeVisible();
  await expect(panel.getByLabel('CHG1_LVL value F reads as', { exact: true })).toHaveValue('felony');
  await panel.getByLabel('CHG1_LVL value M reads as', { exact: true }).selectOption('misdemeanor');
  await expect(panel.getByLabel('CHG1_LVL value F reads as', { exact: true })).toHaveValue('felony');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save mapping…' }).click();
  const saved = path.join(dir, 'saved.yaml');
  await (await download).saveAs(saved);
  expect(readFileSync(saved, 'utf8')).toContain('  CHG1_LVL:\n    F: felony\n    M: misdemeanor\n');
  expect(readFileSync(saved, 'utf8')).not.toContain('JW_FLAG');
});

test('a CSV in the case columns whose every record is bad is refused without the panel, which its button still opens', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-mapping-e2e-'));
  const file = path.join(dir, 'bad-rows.csv');
  writeFileSync(file, 'id,age,bookedAt,eligibleForReleaseAt\nA,old,2025-09-07 05:00,2025-10-01 12:00\n');
  await openRefusedCaseFile(page, COUNTY_DRAFT, file);
  await expect(page.getByRole('alert').filter({ hasText: 'bad-rows.csv was not loaded' })).toContainText('row 2 (A)');
  const panel = page.getByRole('region', { name: 'Map the columns of bad-rows.csv' });
  await expect(panel).toHaveCount(0);
  await page.getByRole('button', { name: 'Map columns…' }).click();
  await expect(panel.getByLabel('Case column for age', { exact: true })).toHaveValue('age');
  await expect(panel).toContainText('Every column is mapped or left out');
});

test('the mapping being made goes with the recovery copy: restored, the export opened again shows it', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-mapping-e2e-'));
  const file = path.join(dir, 'county.csv');
  writeFileSync(file, CSV);
  await openRefusedCaseFile(page, COUNTY_DRAFT, file);
  let since: number;
  const panel = page.getByRole('region', { name: 'Map the columns of county.csv' });
  since = await eventCount(page);
  await panel.getByLabel('Case column for BOOKING_NO', { exact: true }).selectOption('id');
  await panel.getByLabel('Case column for AGE_AT_BOOKING', { exact: true }).selectOption('age');
  await waitForEvent(page, 'recovery-written', {}, since);

  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await waitForEvent(page, 'document-editable');
  await page.getByRole('button', { name: 'Restore it' }).click();
  await page.getByRole('tab', { name: 'Simulation' }).click();
  since = await chooseCaseFile(page, file);
  await waitForEvent(page, 'cases-refused', { name: 'county.csv', mapped: true }, since);
  await expect(panel.getByLabel('Case column for BOOKING_NO', { exact: true })).toHaveValue('id');
  await expect(panel.getByLabel('Case column for AGE_AT_BOOKING', { exact: true })).toHaveValue('age');
  await expect(panel.getByLabel('Case column for BOOK_DT', { exact: true })).toHaveValue('');
});

// A fuller export: a date of birth beside an age at the export, levels (one code, Fel-1, not one the
// import reads), and a judicial-warrant column left empty on some rows.
const FULLER =
  'BOOKING_NO,DOB,AGE_NOW,BOOK_DT,REL_ELIG_DT,ICE_REQ,JUDICIAL_WARRANT_ON_FILE,CHG1_LVL\n' +
  '25-101,1990-01-15,35,2025-09-07 05:00,2025-10-01 12:00,hold;notify,Y,F1\n' +
  '25-102,1985-03-02,40,2025-09-08 05:00,2025-10-02 12:00,hold;notify,,F2\n' +
  '25-103,2008-09-10,17,2025-09-09 05:00,2025-10-03 12:00,hold;notify,N,M1\n' +
  '25-104,1970-05-05,55,2025-09-10 05:00,2025-10-04 12:00,hold;notify,,Fel-1\n' +
  '25-105,1999-12-31,25,2025-09-11 05:00,2025-10-05 12:00,hold;notify,Y,M\n';

test('a date of birth, a level and what an empty cell means, mapped in the panel; the blank cells warned of until said; read by the command line the same way', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-mapping-e2e-'));
  const file = path.join(dir, 'county.csv');
  writeFileSync(file, FULLER);
  const draft = path.join(dir, 'draft.ordinance.yaml');
  writeFileSync(draft, COUNTY_DRAFT);
  // The width a records officer's screen often has: the long names wrap.
  await page.setViewportSize({ width: 1280, height: 900 });
  await openRefusedCaseFile(page, COUNTY_DRAFT, file);
  let since: number;

  // The refusal points to the panel below it, not to the command line's --mapping, and leaves the detail to the panel.
  const refusal = page.getByRole('alert').filter({ hasText: 'county.csv was not loaded' });
  await expect(refusal).toContainText('its header names none of the case columns. Map its columns in the Map columns panel below');
  await expect(refusal).not.toContainText('on the command line (--mapping FILE');
  await expect(refusal).not.toContainText('row 1: error:');
  const panel = page.getByRole('region', { name: 'Map the columns of county.csv' });
  await expect(panel.getByLabel('Required case columns')).toContainText('age or dateOfBirth (no column chosen)');

  // A long name wraps only after an underscore, never inside a word, its full name in the title.
  const name = panel.getByRole('rowheader', { name: 'JUDICIAL_WARRANT_ON_FILE' }).locator('.mapping-name');
  await expect(name).toHaveAttribute('title', 'JUDICIAL_WARRANT_ON_FILE');
  // The character before each line break, found from where each character is drawn.
  const breaks = await name.evaluate((el) => {
    const chars: Array<{ c: string; top: number }> = [];
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode())
      for (let i = 0; i < n.textContent!.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        chars.push({ c: n.textContent![i]!, top: r.getBoundingClientRect().top });
      }
    return chars.flatMap((x, i) => (i > 0 && x.top > chars[i - 1]!.top + 1 ? [chars[i - 1]!.c] : []));
  });
  expect(breaks.length).toBeGreaterThan(0);
  for (const c of breaks) expect(c).toBe('_');

  // dateOfBirth and the level columns are offered in their groups, in docs/case-files.md's words.
  const dobPicker = panel.getByLabel('Case column for DOB', { exact: true });
  await expect(dobPicker.locator('optgroup[label="Case"] option[value="dateOfBirth"]')).toHaveText(
    'dateOfBirth — date of birth: age at booking is counted from it, and wins over age',
  );
  await expect(dobPicker.locator('optgroup[label="Charge 1"] option[value="charge1.level"]')).toHaveText(
    'charge1.level — class and degree in one cell (F1, M2, F)',
  );
  await expect(dobPicker.locator('optgroup[label="Conviction 1"] option[value="conviction1.level"]')).toHaveCount(1);
  await pickColumns(panel, {
    BOOKING_NO: 'id',
    DOB: 'dateOfBirth',
    AGE_NOW: ' leave out',
    BOOK_DT: 'bookedAt',
    REL_ELIG_DT: 'eligibleForReleaseAt',
    ICE_REQ: 'requests',
    JUDICIAL_WARRANT_ON_FILE: 'judicialWarrant',
    CHG1_LVL: 'charge1.level',
  });
  // The date of birth gives age, as the import reads it: nothing is missing.
  await expect(panel.getByLabel('Required case columns')).toContainText('age from DOB (dateOfBirth)');
  await expect(panel.getByLabel('Required case columns').locator('.missing')).toHaveCount(0);
  await expect(panel).toContainText('Every column is mapped or left out');

  // Of the level's codes only Fel-1, which the import refuses, needs a value map.
  const levels = panel.getByRole('group', { name: 'CHG1_LVL → charge1.level' });
  await expect(levels.getByRole('row')).toHaveCount(1);
  await expect(levels.getByRole('row', { name: /Fel-1/ })).toContainText('not one of ours');
  await panel.getByLabel('CHG1_LVL value Fel-1 reads as', { exact: true }).selectOption('F1');

  // An empty judicial-warrant cell: only what the import accepts for the column, no by default; not said until answered.
  const blank = panel.getByLabel('An empty JUDICIAL_WARRANT_ON_FILE cell reads as', { exact: true });
  await expect(blank).toHaveValue('not-said');
  await expect(blank.locator('option')).toHaveText([
    'not said (reads as no)',
    'unknown (the records don’t say)',
    'no (the default)',
    'yes',
  ]);
  await expect(panel.getByRole('row', { name: /JUDICIAL_WARRANT_ON_FILE → judicialWarrant/ })).toContainText('empty on 2 of 5 rows');
  // The new parts named, their contrast and structure sound (axe, WCAG 2.1 AA).
  expect(await axeViolations(page, 'Map columns panel with empty cells')).toEqual([]);

  // Read with the default: the simulation warns that the empty cells read as no.
  since = await eventCount(page);
  await panel.getByRole('button', { name: 'Read county.csv with this mapping' }).click();
  await waitForEvent(page, 'cases-loaded', { name: 'county.csv', count: 5, problems: 0 }, since);
  await waitForEvent(page, 'simulation-rendered', { total: 5 }, since);
  const warnings = page.getByRole('region', { name: 'The draft and this case set’s words' });
  await expect(warnings).toContainText(
    'column "JUDICIAL_WARRANT_ON_FILE" (judicialWarrant) is empty on 2 of the 5 rows read, and each empty cell reads as "no"',
  );
  // It points to the panel's Empty cells, where the fix is made in the app, not to the mapping file's key.
  await expect(warnings).toContainText(
    'choose unknown for "JUDICIAL_WARRANT_ON_FILE" (judicialWarrant) under Empty cells in the Map columns panel (Map columns…)',
  );
  await expect(warnings).not.toContainText('blanks:');
  // 25-101, 25-105 held (Y); 25-102, 25-104 notify (F2; Fel-1 read as F1); 25-103 declined (M1).
  expect(await counts(page)).toEqual({ hold: 2, notify: 2, decline: 1, open: 0 });

  // Said to mean unknown: the warning goes, and the two cases whose warrant is not recorded are open.
  await page.getByRole('button', { name: 'Map columns…' }).click();
  await blank.selectOption('unknown');
  since = await eventCount(page);
  await panel.getByRole('button', { name: 'Read county.csv with this mapping' }).click();
  await waitForEvent(page, 'simulation-rendered', { total: 5 }, since);
  await expect(page.getByText('is empty on 2 of the 5 rows read')).toHaveCount(0);
  const app = await counts(page);
  expect(app).toEqual({ hold: 2, notify: 0, decline: 1, open: 2 });

  // Saved: blanks in the YAML the command line reads, to the same decisions.
  await page.getByRole('button', { name: 'Map columns…' }).click();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save mapping…' }).click();
  const saved = path.join(dir, 'county.mapping.yaml');
  await (await download).saveAs(saved);
  const yaml = readFileSync(saved, 'utf8');
  expect(yaml).toContain('  DOB: dateOfBirth\n');
  expect(yaml).toContain('  CHG1_LVL: charge1.level\n');
  expect(yaml).toContain('blanks:\n  JUDICIAL_WARRANT_ON_FILE: unknown\n');
  expect(cliCounts(draft, file, saved).counts).toEqual(app);

  // Answered "no (the default)": the answer is the column's own entry, so the warning goes, the cases
  // read as before, and the saved file says it; the command line reads that file to the same decisions.
  await blank.selectOption('no');
  since = await eventCount(page);
  await panel.getByRole('button', { name: 'Read county.csv with this mapping' }).click();
  await waitForEvent(page, 'simulation-rendered', { total: 5 }, since);
  await expect(page.getByText('is empty on 2 of the 5 rows read')).toHaveCount(0);
  const answered = await counts(page);
  expect(answered).toEqual({ hold: 2, notify: 2, decline: 1, open: 0 });
  await page.getByRole('button', { name: 'Map columns…' }).click();
  await expect(blank).toHaveValue('no');
  const asNo = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save mapping…' }).click();
  const no = path.join(dir, 'no.mapping.yaml');
  await (await asNo).saveAs(no);
  expect(readFileSync(no, 'utf8')).toContain('blanks:\n  JUDICIAL_WARRANT_ON_FILE: false\n');
  expect(cliCounts(draft, file, no).counts).toEqual(answered);

  // Not said again: the entry goes from the file.
  await blank.selectOption('not-said');
  const again = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save mapping…' }).click();
  const plain = path.join(dir, 'plain.mapping.yaml');
  await (await again).saveAs(plain);
  expect(readFileSync(plain, 'utf8')).not.toContain('blanks:');
});

test('an export of one row per charge is mapped in the app: each booking read once, with the charges of all its rows', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-mapping-e2e-'));
  const file = path.join(dir, 'charges.csv');
  // B-1's felony is on its second row; B-2 has one misdemeanor; B-3 no charge at all.
  writeFileSync(
    file,
    'BOOKING_NO,AGE,BOOK_DT,REL_DT,ICE_REQ,JW,CHG_LVL\r\n' +
      'B-1,34,2025-09-07T05:00,2025-10-01T12:00,hold,no,M1\r\n' +
      'B-1,34,2025-09-07T05:00,2025-10-01T12:00,hold,no,F2\r\n' +
      'B-2,41,2025-09-08T06:30,2025-10-02T12:00,hold,no,M\r\n' +
      'B-3,29,2025-09-09T07:15,2025-10-03T12:00,hold,yes,\r\n',
  );
  await openRefusedCaseFile(page, COUNTY_DRAFT, file);
  const panel = page.getByRole('region', { name: 'Map the columns of charges.csv' });
  const picker = panel.getByLabel('Case column for CHG_LVL', { exact: true });
  await expect(picker.locator('optgroup[label="Charge of each row (one row per charge)"] option[value="charge.level"]')).toHaveCount(1);
  await pickColumns(panel, {
    BOOKING_NO: 'id',
    AGE: 'age',
    BOOK_DT: 'bookedAt',
    REL_DT: 'eligibleForReleaseAt',
    ICE_REQ: 'requests',
    JW: 'judicialWarrant',
    CHG_LVL: 'charge.level',
  });
  await expect(panel).toContainText('Every column is mapped or left out');
  const since = await eventCount(page);
  await panel.getByRole('button', { name: 'Read charges.csv with this mapping' }).click();
  // Three bookings from four rows: B-1 notified on the felony of its second row, B-2 declined, B-3 held on its warrant.
  await waitForEvent(page, 'cases-loaded', { name: 'charges.csv', count: 3, problems: 0 }, since);
  await waitForEvent(page, 'simulation-rendered', { total: 3 }, since);
  expect(await counts(page)).toEqual({ hold: 1, notify: 1, decline: 1, open: 0 });
});

test('value maps fit a narrow pane (1024 px), and a level’s value map offers first the levels its code and the file point to, the rest behind “more levels”', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'detainer-mapping-e2e-'));
  const file = path.join(dir, 'levels.csv');
  // Long codes in a requests, a yes/no and a level column; the file's own F2 reads as a level.
  writeFileSync(
    file,
    'BOOKING_NO,AGE,BOOK_DT,REL_DT,ICE_REQ,JUDICIAL_WARRANT_RECORDED_AT_BOOKING,CHG_LVL\r\n' +
      'B-1,34,2025-09-07T05:00,2025-10-01T12:00,HOLD AND NOTIFY REQUESTED,YES - WARRANT SIGNED BY FEDERAL MAGISTRATE JUDGE,Fel-1\r\n' +
      'B-2,41,2025-09-08T06:30,2025-10-02T12:00,NOTIFY ONLY,N,Misd-2\r\n' +
      'B-3,29,2025-09-09T07:15,2025-10-03T12:00,HOLD,N,F2\r\n' +
      'B-4,29,2025-09-09T07:15,2025-10-03T12:00,HOLD,N,FELONY CLASS B AGGRAVATED ASSAULT WITH A DEADLY WEAPON\r\n',
  );
  await page.setViewportSize({ width: 1024, height: 900 });
  await openRefusedCaseFile(page, COUNTY_DRAFT, file);
  const panel = page.getByRole('region', { name: 'Map the columns of levels.csv' });
  await pickColumns(panel, {
    BOOKING_NO: 'id',
    AGE: 'age',
    BOOK_DT: 'bookedAt',
    REL_DT: 'eligibleForReleaseAt',
    ICE_REQ: 'requests',
    JUDICIAL_WARRANT_RECORDED_AT_BOOKING: 'judicialWarrant',
    CHG_LVL: 'charge1.level',
  });
  // Nothing of the value maps or the empty cells reaches past the panel's right edge.
  const past = await panel.evaluate((p) => {
    const right = p.getBoundingClientRect().right;
    return [...p.querySelectorAll('.mapping-values *, .mapping-blanks *')]
      .filter((e) => e.getBoundingClientRect().right > right + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}: ${(e.textContent ?? '').slice(0, 40)}`);
  });
  expect(past).toEqual([]);
  // Each value's choice is as wide as its code's line, under it: a long code wraps between its words.
  const code = panel.getByRole('rowheader', { name: /HOLD AND NOTIFY REQUESTED/ });
  expect(await code.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(50);

  // Fel-1 points to F1 (then F); the file's own F2 reads as a level; the other 27 behind “more levels”.
  const fel = panel.getByLabel('CHG_LVL value Fel-1 reads as', { exact: true });
  await expect(fel.locator('option')).toHaveText([
    'as it is',
    'F1',
    'F',
    'F2',
    'more levels… (27 others)',
    'unknown (the records don’t say)',
    'an empty cell',
  ]);
  await expect(panel.getByLabel('CHG_LVL value Misd-2 reads as', { exact: true }).locator('option')).toHaveText([
    'as it is',
    'M2',
    'M',
    'F2',
    'more levels… (27 others)',
    'unknown (the records don’t say)',
    'an empty cell',
  ]);
  // Chosen, “more levels” maps nothing and offers every level.
  await fel.selectOption({ label: 'more levels… (27 others)' });
  await expect(fel).toHaveValue(' as it is');
  await expect(fel.locator('option')).toHaveCount(3 + 30);
  await expect(fel.locator('optgroup[label="Other levels"] option')).toHaveCount(27);
  await fel.selectOption('M9');
  await expect(fel).toHaveValue('M9');
  expect(await axeViolations(page, 'Map columns panel at 1024 px')).toEqual([]);
});
