// The simulation in a committee's words: the one-sentence result, the reason each group of decisions
// changed, and a weekend hold's hours on the clock, from the engine's own figures.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedDecisionGroups, generatedCaseTable, readDraftToCompare, simulateDraft } from '../../engine/index';
import { changeReason, headline, weekendArithmetic } from '../../renderer/src/simulation/committee';
import { hours, signed } from '../../renderer/src/lib/format';

const root = path.resolve(__dirname, '../..');
const read = readDraftToCompare(
  fs.readFileSync(path.join(root, 'samples/ordinances/connecticut-trust-act-2014.ordinance.yaml'), 'utf8'),
  'ct.ordinance.yaml',
);
if (!read.ok) throw new Error(read.problem);
const ct = read.ordinance;

describe('headline', () => {
  it('says in one sentence how many the jail would hold, against what, and what it saves', () => {
    expect(
      headline({
        total: 10_000,
        outcomes: { hold: 58, notify: 900, review: 0, decline: 9042 },
        holdHours: 2784,
        cost: { total: 16_588, reimbursed: 0 },
        other: { label: 'if every detainer were honored', held: 8401, costDelta: -3_812_345 },
      }),
    ).toBe(
      'Under this draft the jail would have held 58 of 10,000 detainers instead of 8,401 if every detainer were honored, saving $3.8M. It would report 900 to ICE at release without holding them and decline 9,042.',
    );
  });

  it('prints hours held as whole hours, as money is whole dollars (the report prints them the same way)', () => {
    const sentence = headline({
      total: 10_000,
      outcomes: { hold: 4311, notify: 0, review: 0, decline: 5689 },
      holdHours: 332_292.8,
      cost: { total: 1_980_054.4, reimbursed: 0 },
    });
    expect(sentence).toContain('for 332,293 hours past release');
    expect(signed(-241_669.3, hours)).toBe('−241,669');
    expect(hours(47.5)).toBe('48');
  });

  it('gives hours and cost when nothing is compared', () => {
    expect(
      headline({ total: 1, outcomes: { hold: 1, notify: 0, review: 0, decline: 0 }, holdHours: 48, cost: { total: 286, reimbursed: 0 } }),
    ).toBe(
      'Under this draft the jail would have held 1 of 1 detainer, for 48 hours past release at a cost of $286. It would decline none.',
    );
  });
});

describe('changeReason', () => {
  it('names the provision that now decides and the fact a person must supply', () => {
    const { table } = generatedCaseTable({ count: 2000, seed: 5 });
    const sim = simulateDraft({ ordinance: ct, cases: table, compare: { kind: 'baseline' } });
    const groups = changedDecisionGroups(sim.sides.policy.codes, sim.sides.other!.codes);
    const review = groups.find((g) => g.outcome === 'review')!;
    const r = changeReason(review, sim.sides.policy.provisions, sim.sides.other!.provisions, 'honoring every detainer', ct);
    expect(r.change).toMatch(/^[\d,]+ would be left to a person’s decision instead of (held|reported to ICE at release, without a hold)$/);
    const risk = sim.sides.policy.provisions.find((p) => p.id === 'public-safety-risk')!;
    expect(r.because).toContain(`${risk.citation} (Unacceptable risk to public safety) leaves them to a person`);
    expect(r.because).toContain('the officer finds that the person presents an unacceptable risk to public safety');
    expect(r.because).toMatch(/honoring every detainer applies § \d+\([ab]\)/);
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
});
