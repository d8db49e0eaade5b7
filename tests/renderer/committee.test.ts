// The simulation in a committee's words: the one-sentence result, the reason each group of decisions
// changed, and a weekend hold's hours on the clock, from the engine's own figures.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changedDecisionGroups,
  chooseCases,
  generatedCaseTable,
  importWorkbookSync,
  loadOrdinance,
  readDraftToCompare,
  simulateDraft,
  type SimulationSummary,
} from '../../engine/index';
import { changeReason, comparedAmount, headline, weekendArithmetic } from '../../renderer/src/simulation/committee';
import { hours, money, signed } from '../../renderer/src/lib/format';
import { BASELINE_NAME } from '../../engine/vocabulary';

const root = path.resolve(__dirname, '../..');
const read = readDraftToCompare(
  fs.readFileSync(path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'), 'utf8'),
  'ct.ordinance.yaml',
);
if (!read.ok) throw new Error(read.problem);
const ct = read.ordinance;

/** A summary without unknown facts, as the engine gives it. */
function summary(outcomes: SimulationSummary['outcomes'], holdHours: number, cost: number, reimbursed = 0): SimulationSummary {
  const total = outcomes.hold + outcomes.notify + outcomes.review + outcomes.decline;
  return {
    total,
    outcomes,
    holdHours,
    cost: { perInmateDay: 143, total: cost, reimbursed, unreimbursed: cost - reimbursed, currency: 'USD' },
  };
}

describe('headline', () => {
  it('says in one sentence how many the jail would hold, against what, and what it saves', () => {
    expect(
      headline({
        summary: summary({ hold: 58, notify: 900, review: 0, decline: 9042 }, 2784, 16_588),
        other: {
          label: 'if every detainer had been honored',
          summary: summary({ hold: 8401, notify: 1599, review: 0, decline: 0 }, 1e6, 3_828_933),
        },
      }),
    ).toBe(
      'Of these 10,000 detainers, the jail would have held 58 under this draft and 8,401 if every detainer had been honored, saving $3.8M. Under this draft it would report 900 to ICE at release without holding them and decline 9,042.',
    );
  });

  it('says plainly what the draft holds against the baseline, for none, one and many (first-hour review: "held 0 of 16 detainers instead of 15")', () => {
    const baseline = (hold: number, total: number) => ({
      label: 'if every detainer had been honored',
      summary: summary({ hold, notify: 0, review: 0, decline: total - hold }, hold * 48, hold * 286),
    });
    const first = (hold: number, total: number, other: number) =>
      headline({
        summary: summary({ hold, notify: 0, review: 0, decline: total - hold }, hold * 48, hold * 286),
        other: baseline(other, total),
      }).split('. ')[0];
    expect(first(0, 16, 15)).toBe(
      'Of these 16 detainers, the jail would have held none under this draft and 15 if every detainer had been honored, saving $4,290',
    );
    expect(first(1, 16, 15)).toBe(
      'Of these 16 detainers, the jail would have held 1 under this draft and 15 if every detainer had been honored, saving $4,004',
    );
    expect(first(15, 16, 15)).toBe(
      'Of these 16 detainers, the jail would have held 15 under this draft, the same number as if every detainer had been honored, at the same cost',
    );
    expect(first(0, 16, 0)).toBe(
      'Of these 16 detainers, the jail would have held none, under this draft or if every detainer had been honored, at the same cost',
    );
    expect(first(0, 1, 1)).toBe(
      'Of the one detainer, the jail would have held none under this draft and 1 if every detainer had been honored, saving $286',
    );
    for (const [h, t, o] of [
      [0, 16, 15],
      [1, 16, 15],
      [15, 16, 15],
      [0, 1, 1],
    ] as const) {
      expect(first(h, t, o)).not.toMatch(/instead of|\b0 of\b|were honored/);
    }
  });

  it('says "the person" when one is reported to ICE (first-hour review: "report 1 to ICE ... without holding them")', () => {
    const sentence = headline({ summary: summary({ hold: 5, notify: 1, review: 0, decline: 194 }, 240, 1430) });
    expect(sentence).toContain('Under this draft it would report 1 to ICE at release without holding the person and decline 194.');
  });

  it('prints hours held as whole hours, as money is whole dollars (the report prints them the same way)', () => {
    const sentence = headline({ summary: summary({ hold: 4311, notify: 0, review: 0, decline: 5689 }, 332_292.8, 1_980_054.4) });
    expect(sentence).toContain('for 332,293 hours past release');
    expect(signed(-241_669.3, hours)).toBe('−241,669');
    expect(hours(47.5)).toBe('48');
  });

  it('gives hours and cost when nothing is compared', () => {
    expect(headline({ summary: summary({ hold: 1, notify: 0, review: 0, decline: 0 }, 48, 286) })).toBe(
      'Of the one detainer, the jail would have held 1 under this draft, for 48 hours past release at a cost of $286. Under this draft it would decline none.',
    );
  });

  it('says a person’s findings may hold or decline: holds are a range and the saving a most, never a fact', () => {
    // The TRUST Act on 16 cases: 8 holds certain, 8 turn on the officer's finding of risk.
    const sentence = headline({
      summary: summary({ hold: 8, notify: 0, review: 8, decline: 0 }, 384, 2288),
      other: { label: 'if every detainer had been honored', summary: summary({ hold: 16, notify: 0, review: 0, decline: 0 }, 864, 5148) },
    });
    expect(sentence).toBe(
      'Of these 16 detainers, the jail would have held 8 to 16 under this draft and 16 if every detainer had been honored, saving up to $2,860 (8 cases left to a person’s finding may be held). Under this draft it would leave 8 to a person’s decision (each may be held or not) and decline up to 8.',
    );
    expect(sentence).not.toMatch(/saving \$/);
  });

  it('counts a finding only under the outcomes it can come to: a referral of a notice-only request is never held', () => {
    // 8 referrals: 6 asked to hold (held or declined), 2 asked only for notice (notified or declined).
    const sentence = headline({
      summary: {
        ...summary({ hold: 8, notify: 0, review: 8, decline: 0 }, 384, 2288),
        finalRange: { atMost: { hold: 14, notify: 2, decline: 8 }, findingsMayHold: 6, openMayHold: 0 },
      },
    });
    expect(sentence).toContain('Of these 16 detainers, the jail would have held 8 to 14 under this draft');
    expect(sentence).toContain('(6 cases left to a person’s finding may be held)');
    expect(sentence).toContain(
      'Under this draft it would report up to 2 to ICE at release without holding them, leave 8 to a person’s decision (6 of them may be held) and decline up to 8.',
    );
  });

  it('does not call a difference in cost nothing when the cost is not known', () => {
    const sentence = headline({
      summary: { ...summary({ hold: 3, notify: 0, review: 71, decline: 64 }, 0, 0), unknowns: riverton.summary.unknowns },
      other: { label: 'if every detainer had been honored', summary: riverton.comparison!.otherSummary },
    });
    expect(sentence).not.toContain('same cost');
    expect(sentence).toContain('the difference in cost cannot be worked out from these records');
  });
});

// ICE's records of one facility, where many facts are unknown, under a draft that asks no one for a finding.
const bytes = fs.readFileSync(path.join(root, 'tests/ice/fixtures/ice-detainers-fixture.xlsx'));
const ice = importWorkbookSync(bytes.length, (o, n) => bytes.subarray(o, o + n));
const picked = chooseCases(ice.table, { facility: 'RIVERTON COUNTY JAIL', from: null, to: null });
if (!picked.ok) throw new Error(picked.problem);
const violent = loadOrdinance(
  fs.readFileSync(path.join(root, 'samples/ordinances/violent-convictions-only-2012.ordinance.yaml'), 'utf8'),
).ordinance!;
const iceSim = simulateDraft({ ordinance: violent, cases: picked.table, compare: { kind: 'baseline' } });
const riverton = iceSim.result;

describe('cases the records cannot decide', () => {
  it('are named as such in the headline, with the facts they turn on, never a person’s decision', () => {
    const u = riverton.summary.unknowns!;
    expect(u.undetermined).toBe(71);
    const sentence = headline({
      summary: riverton.summary,
      other: { label: 'if every detainer had been honored', summary: riverton.comparison!.otherSummary },
    });
    expect(sentence).not.toMatch(/person/);
    expect(sentence).toContain('71 cannot be decided from these records: they turn on convictions beyond those on record');
    // Holds are a range (3 certain, 62 at most), the lower bound is not printed as the count.
    expect(sentence).toMatch(/^Of these 138 detainers, the jail would have held 3 to 62 under this draft and [\d,]+( to [\d,]+)? if every/);
    expect(sentence).toContain('decline 64 to 134');
    expect(sentence).not.toContain('same cost');
  });

  it('gives hours and cost as a least when the records give no release time', () => {
    const sentence = headline({ summary: riverton.summary });
    expect(sentence).toContain('for at least 144 hours past release at a cost of at least $858');
    expect(sentence).toContain('the records give no release time for 3 holds');
  });

  it('says why changed decisions are open: the fact the records lack, not a person', () => {
    const groups = changedDecisionGroups(
      iceSim.sides.policy.codes,
      iceSim.sides.other!.codes,
      { possible: iceSim.sides.policy.possible, dependsOn: iceSim.sides.policy.dependsOn },
      { possible: iceSim.sides.other!.possible },
    );
    const reasons = groups.map((g) =>
      changeReason(g, iceSim.sides.policy.provisions, iceSim.sides.other!.provisions, BASELINE_NAME, violent),
    );
    const open = reasons.find((x) => x.change.startsWith('58 '))!;
    expect(open.change).toBe('58 cannot be decided from these records, instead of being held');
    expect(open.because).toMatch(
      /^whether § 2\(a\)\(1\) \(Convicted of a homicide, at any time\) decides them turns on convictions beyond those on record/,
    );
    expect(open.because).toContain('which these records do not give');
    for (const x of reasons) expect(`${x.change} ${x.because}`).not.toMatch(/person/);
  });
});

describe('comparedAmount', () => {
  it('says a difference is unknown, or a bound, when either side is a least', () => {
    expect(comparedAmount({ atLeast: 500, exact: true }, { atLeast: 800, exact: true }, money)).toBe('−$300');
    expect(comparedAmount({ atLeast: 500, exact: false }, { atLeast: 800, exact: true }, money)).toBe('up to $300 less');
    expect(comparedAmount({ atLeast: 500, exact: true }, { atLeast: 800, exact: false }, money)).toBe('at least $300 less');
    expect(comparedAmount({ atLeast: 0, exact: false }, { atLeast: 0, exact: false }, money)).toBe('unknown');
  });
});

describe('changeReason', () => {
  it('names the provision that now decides and the fact a person must supply', () => {
    const { table } = generatedCaseTable({ count: 2000, seed: 5 });
    const sim = simulateDraft({ ordinance: ct, cases: table, compare: { kind: 'baseline' } });
    const groups = changedDecisionGroups(sim.sides.policy.codes, sim.sides.other!.codes);
    const review = groups.find((g) => g.outcome === 'review')!;
    const r = changeReason(review, sim.sides.policy.provisions, sim.sides.other!.provisions, BASELINE_NAME, ct);
    expect(r.change).toMatch(/^[\d,]+ would be left to a person’s decision instead of (held|reported to ICE at release, without a hold)$/);
    const risk = sim.sides.policy.provisions.find((p) => p.id === 'public-safety-risk')!;
    expect(r.because).toContain(`${risk.citation} (Unacceptable risk to public safety) leaves them to a person`);
    expect(r.because).toContain('the officer finds that the person presents an unacceptable risk to public safety');
    // The baseline's rule is its own: no section sign a reader would take for the draft's.
    expect(r.because).toMatch(/honor all decides them by its own rule \((hold|notify) as requested\)\.$/);
    expect(r.because.split('; ')[1]).not.toContain('§');
    expect(r.count).toBe(review.count);
  });
});

describe('weekendArithmetic', () => {
  it('works out a 48-hour hold without weekends from a Friday release: Tuesday, 96 hours on the clock', () => {
    expect(weekendArithmetic(ct, 'us-federal')).toBe(
      'A 48-hour hold that leaves out Saturdays, Sundays and holidays counts only the hours of working days: for a person due for release on a Friday at 17:00 it ends on Tuesday at 17:00, 96 hours on the clock. The hours shown here are hours on the clock.',
    );
  });

  it('says nothing when no hold leaves weekends out', () => {
    expect(weekendArithmetic({ ...ct, sections: [] }, 'us-federal')).toBeNull();
  });

  it("counts the otherwise clause's hold: the federal maximum, or its otherwiseMaxHold", () => {
    const none = { ...ct, sections: [] };
    expect(weekendArithmetic({ ...none, otherwise: 'hold' }, 'us-federal')).toMatch(/^A 48-hour hold .* ends on Tuesday at 17:00/);
    expect(
      weekendArithmetic({ ...none, otherwise: 'hold', otherwiseMaxHold: { hours: 24, excludingWeekendsAndHolidays: true } }, 'us-federal'),
    ).toMatch(/^A 24-hour hold .* ends on Monday at 17:00/);
    expect(weekendArithmetic({ ...none, otherwise: 'hold', otherwiseMaxHold: { hours: 48 } }, 'us-federal')).toBeNull();
  });
});
