// What the committee view reads from the engine: the changed decisions grouped by the provisions that
// decided them on each side, and each case's most serious conviction and pending charge and its year.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  caseColumns,
  caseTable,
  changedDecisionGroups,
  CLASS_BY_RANK,
  generatedCaseTable,
  prepareCase,
  readDraftToCompare,
  simulateDraft,
  type BookingCase,
} from '../../engine/index';

const root = path.resolve(__dirname, '../..');
const draft = readDraftToCompare(
  fs.readFileSync(path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'), 'utf8'),
  'ct.ordinance.yaml',
);
if (!draft.ok) throw new Error(draft.problem);

describe('changedDecisionGroups', () => {
  it('counts every changed decision once, by the provisions on each side, largest group first', () => {
    const { table } = generatedCaseTable({ count: 3000, seed: 7 });
    const sim = simulateDraft({ ordinance: draft.ordinance, cases: table, compare: { kind: 'baseline' } });
    const codes = sim.sides.policy.codes;
    const other = sim.sides.other!.codes;
    const groups = changedDecisionGroups(codes, other, {}, {}, sim.result.holdEndsDiffer);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(sim.result.comparison!.changed);
    expect(groups.filter((g) => g.holdEnds).reduce((n, g) => n + g.count, 0)).toBe(sim.result.comparison!.holdEndsDiffer);
    for (let k = 1; k < groups.length; k++) expect(groups[k - 1]!.count).toBeGreaterThanOrEqual(groups[k]!.count);
    for (const g of groups) {
      // Another outcome, or (a group of its own) holds under both ending at different times.
      if (g.holdEnds) expect([g.outcome, g.otherOutcome]).toEqual(['hold', 'hold']);
      else expect(g.outcome).not.toBe(g.otherOutcome);
      // The example is a case of its group.
      expect(codes[g.example]! >> 2).toBe(g.provision);
      expect(other[g.example]! >> 2).toBe(g.otherProvision);
    }
    // The TRUST Act's public-safety finding sends cases the baseline holds to review.
    const review = groups.find((g) => g.outcome === 'review' && g.otherOutcome === 'hold')!;
    expect(sim.sides.policy.provisions[review.provision]!.id).toBe('public-safety-risk');
  });

  it('finds nothing when the decisions agree', () => {
    const codes = Int32Array.from([0, 5, 10]);
    expect(changedDecisionGroups(codes, codes.slice())).toEqual([]);
  });
});

describe('caseColumns', () => {
  const base: BookingCase = {
    id: 'B-1',
    age: 30,
    bookedAt: '2013-02-01T10:00',
    eligibleForReleaseAt: '2013-02-02T10:00',
    detainer: { requests: ['hold'], issuedAt: '2013-02-01T12:00', judicialWarrant: false, administrativeWarrant: true },
  };
  const prepared = (c: BookingCase, i: number) => {
    const r = prepareCase(c, i);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.prepared;
  };

  it('gives the most serious conviction and pending charge, and the booking year', () => {
    const table = caseTable([
      prepared(
        {
          ...base,
          convictions: [
            { offense: 'shoplifting', class: 'misdemeanor', convictedOn: '2010-01-01' },
            { offense: 'robbery', class: 'felony', convictedOn: '2005-01-01' },
          ],
          currentCharges: [{ offense: 'trespass', class: 'infraction' }],
        },
        0,
      ),
      prepared({ ...base, id: 'B-2', bookedAt: '2014-06-01T10:00', eligibleForReleaseAt: '2014-06-02T10:00' }, 1),
    ]);
    const c = caseColumns(table);
    expect(c.offenses[c.convictionOffense[0]!]).toBe('robbery');
    expect(CLASS_BY_RANK[c.convictionClass[0]!]).toBe('felony');
    expect(c.offenses[c.chargeOffense[0]!]).toBe('trespass');
    expect(CLASS_BY_RANK[c.chargeClass[0]!]).toBe('infraction');
    expect([c.convictionOffense[1], c.convictionClass[1], c.chargeOffense[1], c.chargeClass[1]]).toEqual([0, 0, 0, 0]);
    expect(Array.from(c.years)).toEqual([2013, 2014]);
  });

  it('counts no juvenile adjudication as a conviction: not as the most serious, not in the count', () => {
    const robberyAsJuvenile = { offense: 'robbery', class: 'felony', convictedOn: '2005-01-01', juvenile: true } as const;
    const table = caseTable([
      prepared({ ...base, convictions: [robberyAsJuvenile] }, 0),
      prepared(
        {
          ...base,
          id: 'B-2',
          convictions: [{ offense: 'shoplifting', class: 'misdemeanor', convictedOn: '2010-01-01' }, robberyAsJuvenile],
        },
        1,
      ),
    ]);
    const c = caseColumns(table);
    expect([c.convictions[0], c.convictionOffense[0], c.convictionClass[0]]).toEqual([0, 0, 0]);
    expect(c.convictions[1]).toBe(1);
    expect(c.offenses[c.convictionOffense[1]!]).toBe('shoplifting');
    expect(CLASS_BY_RANK[c.convictionClass[1]!]).toBe('misdemeanor');
  });
});
