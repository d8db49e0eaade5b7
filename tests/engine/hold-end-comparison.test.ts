// A decision is its outcome and, for a hold, when the hold ends (the booking-case contract): two
// drafts that both hold a person, one for 48 calendar hours and one for 48 hours leaving out the
// weekend, decide that case differently. The comparison counts it, says when each hold ends, groups
// it for the committee, and the report and redline say so.
import { describe, expect, it } from 'vitest';
import { caseTable, changedDecisionGroups, compile, simulate, type BookingCase, type Ordinance } from '../../engine/index';
import { changedCasesHtml, decisionDelta, deltaSentence } from '../../engine/export/decision-delta';
import { prepared, validOrdinance } from './helpers';

function ordinance(excludingWeekends: boolean, zone = ''): Ordinance {
  return validOrdinance(
    `title: Hold ${excludingWeekends ? 'weekdays' : 'calendar'}\njurisdiction: { name: Test, state: PA, level: county${zone ? `, timeZone: ${zone}` : ''} }\nsections:\n  - heading: D\n    provisions:\n      - id: felony\n        when: { conviction: { classes: [felony] } }\n        outcome: hold\n        maxHold: { hours: 48, excludingWeekendsAndHolidays: ${excludingWeekends} }\notherwise: decline\n`,
  );
}

const felony = [{ offense: 'burglary', class: 'felony' as const, convictedOn: '2010-01-01' }];
const detainer = { requests: ['hold' as const, 'notify' as const], judicialWarrant: false, administrativeWarrant: true };
/** A table of cases asking for a hold and notice, the detainer issued at booking. */
const tableOf = (rows: Array<Omit<BookingCase, 'detainer'>>) =>
  caseTable(rows.map((c) => prepared({ ...c, detainer: { ...detainer, issuedAt: c.bookedAt } })));
const cases = tableOf([
  // Released Friday 16:00: 48 calendar hours end Sunday 16:00; leaving out the weekend, Tuesday 16:00.
  { id: 'FRI', age: 30, bookedAt: '2016-06-08T10:00', eligibleForReleaseAt: '2016-06-10T16:00', convictions: felony },
  // Released Tuesday 10:00: both end Thursday 10:00.
  { id: 'TUE', age: 30, bookedAt: '2016-06-06T10:00', eligibleForReleaseAt: '2016-06-07T10:00', convictions: felony },
  // No felony: declined by both.
  { id: 'NONE', age: 30, bookedAt: '2016-06-06T10:00', eligibleForReleaseAt: '2016-06-07T10:00' },
]);

describe('comparing drafts whose holds end at different times', () => {
  const calendar = compile(ordinance(false));
  const weekdays = compile(ordinance(true));
  const result = simulate(calendar, cases, { compare: { policy: weekdays, title: 'weekdays' } });
  const c = result.comparison!;

  it('counts the case as decided differently and says when each hold ends', () => {
    expect(c.matrix.hold.hold).toBe(2);
    expect(c.holdEndsDiffer).toBe(1);
    expect(c.changed).toBe(1);
    expect(c.cases.map((x) => x.id)).toEqual(['FRI']);
    // Put in words when read, and so in JSON.
    expect(c.cases[0]!.holdUntil).toMatchObject({ policy: '2016-06-12T16:00', other: '2016-06-14T16:00' });
    expect(JSON.parse(JSON.stringify(c.cases[0]))).toMatchObject({ holdUntil: { policy: '2016-06-12T16:00', other: '2016-06-14T16:00' } });
    expect(Array.from(result.holdEndsDiffer!)).toEqual([1, 0, 0]);
    // The same draft on both sides changes nothing.
    expect(simulate(calendar, cases, { compare: { policy: compile(ordinance(false)), title: 'same' } }).comparison!.changed).toBe(0);
  });

  it('groups it for the committee as a hold ending at another time', () => {
    const groups = changedDecisionGroups(result.codes, result.otherCodes!, {}, {}, result.holdEndsDiffer);
    expect(groups).toEqual([expect.objectContaining({ outcome: 'hold', otherOutcome: 'hold', count: 1, example: 0, holdEnds: true })]);
    expect(changedDecisionGroups(result.codes, result.otherCodes!)).toEqual([]);
  });

  it('the report and redline say it in words', () => {
    const d = decisionDelta(c, cases.length);
    expect(deltaSentence(d)).toBe('This amendment changes 1 of 3 decisions: 1 hold ending at a different time.');
    expect(changedCasesHtml(d, 'Before', 'After')).toContain(
      '<td>FRI</td><td>hold until 2016-06-14 16:00 (§ 2(a), felony)</td><td>hold until 2016-06-12 16:00 (§ 2(a), felony)</td>',
    );
  });

  it('a draft with a time zone against one without: the same calendar hold ends an hour apart across a change of the clocks', () => {
    const spring = tableOf([
      { id: 'DST', age: 30, bookedAt: '2019-03-08T08:00', eligibleForReleaseAt: '2019-03-09T10:00', convictions: felony },
    ]);
    const zoned = simulate(compile(ordinance(false, 'America/New_York')), spring, { compare: { policy: calendar, title: 'no zone' } });
    expect(zoned.comparison!.cases.map((x) => x.id)).toEqual(['DST']);
    expect(zoned.comparison!.cases[0]!.holdUntil).toMatchObject({ policy: '2019-03-11T11:00', other: '2019-03-11T10:00' });
  });
});
