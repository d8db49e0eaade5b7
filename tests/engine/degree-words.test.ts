// explain on a degree test and an offense with no degree recorded: the test fails on the degree alone,
// and the words say the record gives none, rather than state as a fact that it is not of that degree.
import { describe, expect, it } from 'vitest';
import { caseTable, compile, type BookingCase } from '../../engine/index';
import { prepared, validOrdinance } from './helpers';

const policy = compile(
  validOrdinance(`title: Degrees
jurisdiction: { name: Test, state: PA, level: county }
definitions:
  - term: violent felony of the first or second degree
    meaning: a violent felony of the first or second degree
    covers:
      - { classes: [felony], degrees: [1, 2], categories: [violent] }
sections:
  - heading: D
    provisions:
      - id: violent
        when: { conviction: { term: violent felony of the first or second degree } }
        outcome: hold
        maxHold: { hours: 48 }
      - id: charged
        when: { charge: { classes: [felony], degrees: [1] } }
        outcome: notify
otherwise: decline
`),
);

const base = { age: 30, bookedAt: '2016-06-06T10:00', eligibleForReleaseAt: '2016-06-07T10:00', detainer: { requests: ['hold' as const] } };
const rows: BookingCase[] = [
  {
    ...base,
    id: 'no-degree',
    convictions: [
      { class: 'felony', categories: ['violent'], convictedOn: '2012-01-01' },
      { class: 'misdemeanor', categories: ['violent'], convictedOn: '2013-01-01' },
      { class: 'felony', degree: 3, categories: ['violent'], convictedOn: '2014-01-01' },
    ],
    currentCharges: [{ class: 'felony' }, { class: 'misdemeanor' }],
  },
];
const t = caseTable(rows.map((c) => prepared(c)));

describe('explain on an offense with no degree recorded', () => {
  const reasons = policy.explain(t, 0).reasons.flatMap((r) => r.facts);

  it('says the record gives no degree where the offense passes the test but for its degree', () => {
    expect(reasons).toContain(
      'felony (violent), convicted 2012-01-01: not a violent felony of the first or second degree (no degree is recorded; the test reads the offense as having none)',
    );
    expect(
      reasons.some(
        (f) =>
          f.startsWith('charge (felony)') &&
          f.endsWith('does not count (no degree is recorded; the test reads the offense as having none)'),
      ),
    ).toBe(true);
  });

  it('says nothing of degrees where the offense fails the test on its class, or has a degree', () => {
    expect(reasons).toContain('misdemeanor (violent), convicted 2013-01-01: not a violent felony of the first or second degree');
    expect(reasons).toContain('3rd-degree felony (violent), convicted 2014-01-01: not a violent felony of the first or second degree');
    expect(reasons.some((f) => f.startsWith('charge (misdemeanor)') && f.endsWith(': does not count'))).toBe(true);
  });
});
