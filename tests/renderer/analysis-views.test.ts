// What the decision table and drafts views show, on the real engine's results for the samples: the
// rows a filter keeps, the provisions offered, the completeness line, a witness saved as a case set
// that the engine decides as the witness says, and one run at a time for recomputing as the draft changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, decisionTable, diffDrafts, loadOrdinance, readCaseSet, type Ordinance } from '../../engine/index';
import {
  completenessLine,
  exportBaseName,
  filterRows,
  FULL_GRID_WIDTHS,
  gridWidths,
  kindKey,
  NO_TABLE_FILTER,
  provisionChoices,
  reimbursementLine,
  rowFacts,
  provisionHeadsOf,
  rowProvisionName,
  witnessCaseSet,
} from '../../renderer/src/analysis/table-rows';
import { LatestOnly } from '../../renderer/src/lib/latest-only';

const root = path.resolve(__dirname, '../..');
function sample(name: string): Ordinance {
  const o = loadOrdinance(readFileSync(path.join(root, 'samples/ordinances', `${name}.ordinance.yaml`), 'utf8')).ordinance;
  if (!o) throw new Error(`${name} does not load`);
  return o;
}

const connecticut = sample('connecticut-trust-act-2014');
const table = decisionTable(connecticut);

describe('decision table rows', () => {
  it('keeps every row without a filter, and exactly the rows of an outcome or a provision with one', () => {
    expect(filterRows(table.rows, NO_TABLE_FILTER)).toEqual(table.rows.map((_, i) => i));
    const holds = filterRows(table.rows, { outcome: 'hold', provision: null });
    expect(holds.length).toBeGreaterThan(0);
    expect(holds.length).toBeLessThan(table.rows.length);
    expect(holds.every((i) => table.rows[i]!.outcome === 'hold')).toBe(true);
    expect(table.rows.filter((r) => r.outcome === 'hold')).toHaveLength(holds.length);
    const gang = filterRows(table.rows, { outcome: null, provision: 'gang-member' });
    expect(gang.map((i) => table.rows[i]!.provision)).toEqual(gang.map(() => 'gang-member'));
    const both = filterRows(table.rows, { outcome: 'decline', provision: 'gang-member' });
    expect(both.every((i) => table.rows[i]!.outcome === 'decline' && table.rows[i]!.provision === 'gang-member')).toBe(true);
  });

  it('offers the deciding provisions in reading order with their row counts, the otherwise clause last', () => {
    const choices = provisionChoices(table.rows, { 'gang-member': { heading: 'Known gang member', outcome: 'hold' } });
    expect(choices.reduce((n, c) => n + c.rows, 0)).toBe(table.rows.length);
    expect(new Set(choices.map((c) => c.id)).size).toBe(choices.length);
    const gang = choices.find((c) => c.id === 'gang-member')!;
    expect(gang.label).toBe(`${gang.citation} Known gang member`);
    const cites = choices.filter((c) => c.id !== 'default').map((c) => c.citation);
    expect(cites).toEqual([...cites].sort());
    const withDefault = provisionChoices([{ ...table.rows[0]!, provision: 'default', citation: '§ 9' }, ...table.rows], {});
    expect(withDefault.at(-1)!.label).toBe('§ 9 Otherwise');
  });

  it('names a row’s provision by citation and heading, or by what it does, never by its id', () => {
    // The never-minors sample with its headings taken out: the rows' provisions have only ids to fall back on.
    const text = readFileSync(path.join(__dirname, 'fixtures/unheaded-provisions.ordinance.yaml'), 'utf8');
    const unheaded = loadOrdinance(text).ordinance!;
    const rows = decisionTable(unheaded).rows;
    const heads = provisionHeadsOf(unheaded);
    const names = [...new Set(rows.map((r) => rowProvisionName(r, heads)))];
    expect(names).toEqual([
      '§ 2(a)(1) [no heading; declines the detainer]',
      '§ 2(a)(2) [no heading; declines the detainer]',
      '§ 2(b) [no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]',
    ]);
    expect(provisionChoices(rows, heads).map((c) => c.label)).toEqual(names);
    for (const id of ['no-minors', 'no-criminal-conviction', 'honor-others', 'adults-notify'])
      for (const name of names) expect(name).not.toContain(id);
    expect(rowProvisionName({ provision: 'default', citation: '§ 4' }, {})).toBe('§ 4 Otherwise');
    expect(rowProvisionName({ provision: 'gang-member', citation: '§ 2(b)' }, { 'gang-member': { heading: 'Known gang member' } })).toBe(
      '§ 2(b) Known gang member',
    );
  });

  it('narrows the pinned outcome and provision so a whole fact column shows beside them in a narrow pane', () => {
    // The grid's width at 1024x768 (349) and 1280x800 (472) with the outline shown, and a wide pane.
    for (const pane of [260, 349, 472, 600, 700]) {
      const w = gridWidths(pane);
      expect(w.outcome + w.provision + w.fact, `pane ${pane}`).toBeLessThanOrEqual(Math.max(pane, 96 + w.outcome + w.fact));
      expect(w.outcome + w.provision, `pane ${pane}`).toBeLessThanOrEqual(Math.max(pane * 0.55, 96 + w.outcome));
      expect(w.provision).toBeGreaterThanOrEqual(96);
    }
    expect(gridWidths(349).outcome + gridWidths(349).provision + gridWidths(349).fact).toBeLessThanOrEqual(349);
    expect(gridWidths(1200)).toEqual(FULL_GRID_WIDTHS);
    expect(gridWidths(0)).toEqual(FULL_GRID_WIDTHS);
  });

  it('splits a row into the facts it fixes and those it leaves open', () => {
    const row = table.rows[0]!;
    const { fixed, open } = rowFacts(table.columns, row);
    expect(fixed.length + open.length).toBe(table.columns.length);
    for (const f of fixed) expect(row.facts[f.column.key]).toBe(f.value);
    for (const c of open) expect(row.facts[c.key] ?? 'any').toBe('any');
  });

  it('says whether every combination reaches a provision or the otherwise clause', () => {
    expect(table.complete).toBe(true);
    expect(completenessLine(table)).toBe(
      `Complete: ${table.rows.length} rows cover all ${table.totalCombinations} combinations of the ${table.columns.length} facts this draft reads, each exactly once. Every combination reaches a provision or the otherwise clause; the otherwise clause decides none of them.`,
    );
    const partial = decisionTable(connecticut, { maxRows: 3 });
    expect(partial.complete).toBe(false);
    expect(completenessLine(partial)).toMatch(
      /^Not the whole table: 3 rows cover only part of the .* \(.*only the first 3 rows are listed\)\.$/,
    );
    // Northampton's one decision provision declines every detainer: one row (first hour: "1 row cover all 4 combinations").
    const northampton = decisionTable(sample('northampton-19-153-2019'));
    expect(northampton.rows.length).toBe(1);
    expect(completenessLine(northampton)).toMatch(
      /^Complete: 1 row covers all 4 combinations of the 1 fact this draft reads, each exactly once\./,
    );
    const chicago = decisionTable(sample('chicago-welcoming-city-2012'));
    expect(completenessLine(chicago)).toContain(`the otherwise clause decides ${chicago.defaultCombinations} of them`);
  });

  it('says a varied reimbursement agreement has a column only where the draft reads one', () => {
    // Cook County's § 2(a) reads the agreement: its table has the column. Northampton's draft never
    // reads one, and the line said 'a column where the draft reads it' above a table with none.
    const cook = decisionTable(sample('cook-county-46-37-2011'));
    expect(cook.columns.map((c) => c.key)).toContain('reimbursementAgreement');
    expect(reimbursementLine(cook, 'either')).toBe('The reimbursement agreement is varied: its column shows where it matters.');
    const northampton = decisionTable(sample('northampton-19-153-2019'));
    expect(northampton.columns.map((c) => c.key)).not.toContain('reimbursementAgreement');
    expect(reimbursementLine(northampton, 'either')).toBe('The draft never reads a reimbursement agreement, so no column shows one.');
    expect(reimbursementLine(northampton, 'yes')).toBe('Assuming the reimbursement agreement is in force.');
    expect(reimbursementLine(cook, 'no')).toBe('Assuming the reimbursement agreement is not in force.');
  });

  it('names the CSV after the document', () => {
    expect(exportBaseName('connecticut-trust-act-2014.ordinance.yaml')).toBe('connecticut-trust-act-2014');
    expect(exportBaseName('draft.yml')).toBe('draft');
    expect(exportBaseName('notes.txt')).toBe('notes.txt');
  });
});

describe('witnesses of a difference', () => {
  const a = connecticut;
  const b = sample('chicago-welcoming-city-2012');
  const difference = diffDrafts(a, b);

  it('saves each witness as a case set the engine reads and decides as the witness says, under both drafts', () => {
    expect(difference.witnesses.length).toBeGreaterThan(1);
    for (const w of difference.witnesses) {
      const set = readCaseSet(witnessCaseSet(w), 'json');
      expect(set.problems).toEqual([]);
      expect(set.cases).toHaveLength(1);
      const scenario = { reimbursementAgreement: w.scenario?.reimbursementAgreement ?? false };
      expect(compile(a, scenario).decide(set.cases[0]!)).toEqual(w.a);
      expect(compile(b, scenario).decide(set.cases[0]!)).toEqual(w.b);
    }
  });

  it('names each kind of difference by both provisions and outcomes, uniquely', () => {
    const keys = difference.witnesses.map((w) => kindKey(w.kind));
    expect(new Set(keys).size).toBe(keys.length);
    const w = difference.witnesses[0]!;
    expect(kindKey(w.kind)).toBe(`${w.a.provision}:${w.a.outcome}|${w.b.provision}:${w.b.outcome}`);
  });
});

describe('recomputing as the draft changes', () => {
  it('runs one job at a time and once more afterwards for any number of requests made meanwhile', async () => {
    const finish: Array<() => void> = [];
    let runs = 0;
    const job = new LatestOnly(
      () =>
        new Promise<void>((resolve) => {
          runs++;
          finish.push(resolve);
        }),
    );
    job.request();
    job.request();
    job.request();
    expect(runs).toBe(1);
    expect(job.busy).toBe(true);
    finish.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    finish.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    expect(job.busy).toBe(false);
  });

  it('forgets a pending run when told to (a cancel), and survives a job that fails', async () => {
    let runs = 0;
    let fail = true;
    const finish: Array<() => void> = [];
    const job = new LatestOnly(() => {
      runs++;
      if (fail) return Promise.reject(new Error('worker stopped'));
      return new Promise<void>((resolve) => finish.push(resolve));
    });
    job.request();
    await new Promise((r) => setTimeout(r, 0));
    expect(job.busy).toBe(false);
    fail = false;
    job.request();
    job.request();
    job.dropPending();
    finish.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    expect(job.busy).toBe(false);
  });
});
