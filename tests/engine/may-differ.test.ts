// A decision the records leave open (undecided on these records) differs from the other side's for
// certain only when none of the outcomes it could have is the other side's; otherwise whether it
// differs is not known. The comparison counts the two apart (`changed`, `mayDiffer`), and the CLI, the
// report's sentence and its summary figure say "175 differ, and 212 more may", never the sum as certain.
import { describe, expect, it } from 'vitest';
import { caseTable, compile, simulate, type BookingCase, type Ordinance } from '../../engine/index';
import { changedCasesCaption, decisionDelta, deltaSentence } from '../../engine/export/decision-delta';
import { redline } from '../../engine/export/redline';
import { prepared, validOrdinance } from './helpers';

const draft = (name: string, body: string): Ordinance =>
  validOrdinance(
    `title: ${name}\njurisdiction: { name: Test, state: PA, level: county }\nsections:\n  - heading: D\n    provisions:\n${body}`,
  );

const gangHolds = draft(
  'Gang holds',
  `      - id: gang\n        when: { record: gangDatabase }\n        outcome: hold\n        maxHold: { hours: 48 }\notherwise: decline\n`,
);
const declineAll = draft(
  'Decline all',
  `      - id: minors\n        when: { age: { under: 18 } }\n        outcome: decline\notherwise: decline\n`,
);
const notifyAll = draft(
  'Notify all',
  `      - id: minors\n        when: { age: { under: 18 } }\n        outcome: notify\notherwise: notify\n`,
);

const base = { age: 30, bookedAt: '2016-06-06T10:00', eligibleForReleaseAt: '2016-06-07T10:00' };
const detainer = { requests: ['hold' as const, 'notify' as const] };
const rows: BookingCase[] = [
  // The gang database not in the records: a hold or a decline under gangHolds.
  { ...base, id: 'OPEN', detainer, unknown: ['records.gangDatabase'] },
  { ...base, id: 'GANG', detainer, records: { gangDatabase: true } },
  { ...base, id: 'NONE', detainer, records: { gangDatabase: false } },
];
const cases = caseTable(rows.map((c) => prepared(c)));

describe('comparing a decision the records leave open', () => {
  it('may differ from a decision it could equal; is not counted as changed', () => {
    const c = simulate(compile(gangHolds), cases, { compare: { policy: compile(declineAll), title: 'decline all' } }).comparison!;
    expect(c.changed).toBe(1);
    expect(c.mayDiffer).toBe(1);
    expect(c.cases.map((x) => [x.id, x.policyOpen ?? false, x.mayDiffer ?? false])).toEqual([
      ['OPEN', true, true],
      ['GANG', false, false],
    ]);
    const delta = decisionDelta(c, cases.length);
    expect(deltaSentence(delta, 'This draft')).toBe(
      'This draft changes 1 of 3 decisions for certain, and may change 1 more that the records leave undecided under one of the two: 1 from decline to hold; 1 from decline to review.',
    );
    expect(changedCasesCaption(delta)).toBe('All 2 cases decided or perhaps decided differently');
  });

  it('differs for certain from a decision it cannot have', () => {
    const c = simulate(compile(gangHolds), cases, { compare: { policy: compile(notifyAll), title: 'notify all' } }).comparison!;
    expect(c.changed).toBe(3);
    expect(c.mayDiffer).toBe(0);
    expect(changedCasesCaption(decisionDelta(c, cases.length))).toBe('All 3 changed cases');
  });

  it('the same draft on both sides changes nothing, and nothing may change', () => {
    const c = simulate(compile(gangHolds), cases, { compare: { policy: compile(gangHolds), title: 'same' } }).comparison!;
    expect([c.changed, c.mayDiffer, c.cases.length]).toEqual([0, 0, 0]);
  });

  it("the redline's changed decisions call an open decision undecided, not a referral for review", () => {
    const r = redline(declineAll, gangHolds, { cases });
    expect(r.delta!.transitions).toEqual([
      { from: 'decline', to: 'hold', count: 1 },
      { from: 'decline', to: 'undecided', count: 1 },
    ]);
    expect(deltaSentence(r.delta!)).toBe(
      'This amendment changes 1 of 3 decisions for certain, and may change 1 more that the records leave undecided under one of the two: 1 from decline to hold; 1 from decline to undecided.',
    );
  });
});
