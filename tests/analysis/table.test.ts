// The decision table is the complete truth of a policy: its rows cover every combination once, each
// row's example is decided by the engine as the row says, and real cases fall in the row the engine uses.

import { describe, expect, it } from 'vitest';
import { decisionTable, decisionTableCsv } from '../../engine/analysis/index';
import { FactSpace } from '../../engine/analysis/facts';
import { SymbolicPolicy } from '../../engine/analysis/policy';
import { generateCases } from '../../engine/generate';
import { compile, readCaseSet } from '../../engine/index';
import { composedOrdinance } from '../../bench/analysis';
import { allOrdinanceFiles, fixture, ordinanceFrom, prepared, readRepoFile } from './helpers';

const files = allOrdinanceFiles();
const realistic = generateCases({ count: 1500, seed: 77 }).map(prepared);

describe('decision table', () => {
  it('has samples and fixtures to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of files) {
    describe(file, () => {
      const o = ordinanceFrom(readRepoFile(file));

      it('covers every combination once, and every row agrees with the engine', () => {
        const t = decisionTable(o);
        expect(t.complete).toBe(true);
        expect(t.mismatches).toEqual([]);
        expect(t.rows.reduce((n, r) => n + r.combinations, 0)).toBe(t.totalCombinations);
        // Decide each row's example again, independently of the table's own check.
        for (const scenario of [false, true]) {
          const policy = compile(o, { reimbursementAgreement: scenario });
          for (const row of t.rows) {
            if ((row.exampleReimbursementAgreement ?? false) !== scenario) continue;
            const d = policy.decide(prepared(row.example));
            expect({ outcome: d.outcome, provision: d.provision }).toEqual({ outcome: row.outcome, provision: row.provision });
          }
        }
        // Every example is a booking case in the contract format.
        const set = readCaseSet(JSON.stringify(t.rows.map((r) => r.example)), 'json');
        expect(set.problems).toEqual([]);
      });

      it('puts every real case in exactly one decision region, the one the engine decides by', () => {
        for (const agreement of [false, true]) {
          const space = new FactSpace([o]);
          const policy = new SymbolicPolicy(space, 0, o);
          const compiled = compile(o, { reimbursementAgreement: agreement });
          for (const c of realistic) {
            const regions = policy.regionsOf(space.atomsOf(c, agreement));
            const d = compiled.decide(c);
            expect(regions.length, `case ${c.id}`).toBe(1);
            expect({ outcome: regions[0]!.outcome, provision: regions[0]!.provision }, `case ${c.id}`).toEqual({
              outcome: d.outcome,
              provision: d.provision,
            });
          }
        }
      });
    });
  }

  it('exports CSV with one column per fact the policy reads', () => {
    const t = decisionTable(fixture('chicago-welcoming-city-2012'));
    const csv = decisionTableCsv(t).trimEnd().split('\r\n');
    expect(csv[0]).toContain('ICE requested');
    expect(csv[0]).toContain('Gang database');
    expect(csv[0]).toContain('Outcome');
    expect(csv).toHaveLength(t.rows.length + 1);
    expect(t.columns.map((c) => c.key)).not.toContain('judicialWarrant');
  });

  it('treats the reimbursement agreement as a column unless the scenario fixes it', () => {
    const o = fixture('cook-county-46-37');
    expect(decisionTable(o).columns.map((c) => c.key)).toContain('reimbursementAgreement');
    const fixed = decisionTable(o, { scenario: { reimbursementAgreement: false } });
    expect(fixed.columns.map((c) => c.key)).not.toContain('reimbursementAgreement');
    expect(new Set(fixed.rows.map((r) => r.outcome))).toEqual(new Set(['decline']));
  });

  it('stays complete and true to the engine on twenty-odd provisions of real drafts', () => {
    const o = composedOrdinance();
    const t = decisionTable(o);
    expect(t.complete).toBe(true);
    expect(t.mismatches).toEqual([]);
    expect(t.rows.reduce((n, r) => n + r.combinations, 0)).toBe(t.totalCombinations);
  });

  it('groups ages into the ranges the conditions distinguish', () => {
    const t = decisionTable(fixture('boston-committee-draft'));
    expect(new Set(t.rows.map((r) => r.facts.age))).toEqual(new Set(['under 18', '18 or older']));
  });
});
