// The decision table is the complete truth of a policy: its rows cover every combination once, each
// row's example is decided by the engine as the row says, and real cases fall in the row the engine uses.

import { describe, expect, it } from 'vitest';
import { decisionTable, decisionTableCsv } from '../../engine/analysis/index';
import { FactSpace } from '../../engine/analysis/facts';
import { SymbolicPolicy } from '../../engine/analysis/policy';
import { generateCases } from '../../engine/generate';
import { compile, readCaseSet, type Ordinance, type Provision } from '../../engine/index';
import { composedOrdinance } from '../../bench/analysis';
import { allOrdinanceFiles, fixture, ordinanceFrom, ordinanceYaml, prepared, readRepoFile } from './helpers';

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

  // A window ends on the date it counts back from. With a detainer lodged ten years before the arrest
  // (a frame the table considers when windows count from both), a felony between the two is within the
  // ten years before the arrest and not within the year before the request: the arrest provision
  // decides then too, as the engine does.
  it('has a window of the request end on the request, also when the request came long before the arrest', () => {
    const o = ordinanceFrom(
      ordinanceYaml(`      - id: recent
        when: { conviction: { term: felony, within: { years: 1 } } }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
      - id: since-arrest
        when: { conviction: { term: felony, within: { years: 10, of: arrest } } }
        outcome: notify
`),
    );
    const t = decisionTable(o);
    expect(t.mismatches).toEqual([]);
    const arrestRows = t.rows.filter((r) => r.provision === 'since-arrest');
    expect(arrestRows.length).toBeGreaterThan(0);
    expect(arrestRows.map((r) => r.facts.frame)).toEqual(arrestRows.map(() => 'any'));
    const between = prepared({
      id: 'between',
      age: 40,
      bookedAt: '2016-06-06T09:30',
      eligibleForReleaseAt: '2016-06-10T17:00',
      detainer: { requests: ['notify'], issuedAt: '2006-06-07T11:30' },
      convictions: [{ offense: 'burglary', class: 'felony', convictedOn: '2016-01-01' }],
    });
    expect(compile(o).decide(between).provision).toBe('since-arrest');
  });

  it('groups ages into the ranges the conditions distinguish', () => {
    const t = decisionTable(fixture('boston-committee-draft'));
    expect(new Set(t.rows.map((r) => r.facts.age))).toEqual(new Set(['under 18', '18 or older']));
  });
});

describe('decision table ages', () => {
  it('says for each row exactly the ages it stands for, with many ages named', () => {
    // Provisions on many ages, some only on a few years, so rows split age into many ranges.
    const provisions: Provision[] = [
      { id: 'minors', when: { age: { under: 18 } }, outcome: 'decline' },
      ...[19, 23, 24, 30, 41, 42, 57, 64].map((a, i) => ({
        id: `band-${i}`,
        when: {
          all: [{ age: { atLeast: a, under: a + (i % 3) + 1 } }, i % 2 ? { record: 'gangDatabase' as const } : { judicialWarrant: true }],
        },
        outcome: i % 2 ? ('notify' as const) : ('decline' as const),
      })),
      { id: 'older', when: { age: { atLeast: 70 } }, outcome: 'notify' },
    ];
    const o: Ordinance = {
      title: 'Ages',
      jurisdiction: { name: 'X', state: 'CT' },
      sections: [{ heading: 'Detainers', provisions }],
      otherwise: 'hold',
    };
    // Two ranges apart in one provision: the ages between them are decided otherwise.
    const apart: Ordinance = {
      ...o,
      sections: [
        {
          heading: 'Detainers',
          provisions: [
            { id: 'apart', when: { any: [{ age: { atLeast: 18, under: 21 } }, { age: { atLeast: 30, under: 40 } }] }, outcome: 'decline' },
          ],
        },
      ],
    };
    for (const doc of [o, apart]) checkAges(doc);
  });
});

function checkAges(o: Ordinance): void {
  {
    const t = decisionTable(o);
    expect(t.complete).toBe(true);
    expect(t.mismatches).toEqual([]);
    const policy = compile(o, { reimbursementAgreement: false });
    const range = (label: string): [number, number] => {
      if (label === 'any') return [0, 130];
      let m = /^under (\d+)$/.exec(label);
      if (m) return [0, Number(m[1]) - 1];
      m = /^(\d+) or older$/.exec(label);
      if (m) return [Number(m[1]), 130];
      m = /^(\d+) to (\d+)$/.exec(label);
      if (m) return [Number(m[1]), Number(m[2])];
      return [Number(label), Number(label)];
    };
    for (const row of t.rows) {
      const [lo, hi] = range(row.facts.age!);
      for (let age = lo; age <= Math.min(hi, 100); age++) {
        const d = policy.decide(prepared({ ...row.example, age }));
        expect({ age, provision: d.provision }).toEqual({ age, provision: row.provision });
      }
    }
  }
}
