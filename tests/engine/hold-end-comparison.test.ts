// A decision is its outcome and, for a hold, when the hold ends (the booking-case contract): two
// drafts that both hold a person, one for 48 calendar hours and one for 48 hours leaving out the
// weekend, decide that case differently. The comparison counts it, says when each hold ends, groups
// it for the committee, and the report and redline say so.
import { describe, expect, it } from 'vitest';
import {
  caseTable,
  changedDecisionGroups,
  compile,
  endsFromUnknownRelease,
  simulate,
  type BookingCase,
  type Ordinance,
} from '../../engine/index';
import { changedCasesHtml, decisionDelta, deltaSentence } from '../../engine/export/decision-delta';
import { runCli } from '../cli/run-in-process';
import { prepared, validOrdinance } from './helpers';

function ordinance(excludingWeekends: boolean, zone = '', hours = 48): Ordinance {
  return validOrdinance(
    `title: Hold ${excludingWeekends ? 'weekdays' : 'calendar'}\njurisdiction: { name: Test, state: PA, level: county${zone ? `, timeZone: ${zone}` : ''} }\nsections:\n  - heading: D\n    provisions:\n      - id: felony\n        when: { conviction: { classes: [felony] } }\n        outcome: hold\n        maxHold: { hours: ${hours}, excludingWeekendsAndHolidays: ${excludingWeekends} }\notherwise: decline\n`,
  );
}

const felony = [{ offense: 'burglary', class: 'felony' as const, convictedOn: '2010-01-01' }];
const detainer = { requests: ['hold' as const, 'notify' as const], judicialWarrant: false, administrativeWarrant: true };
/** A table of cases asking for a hold and notice, the detainer issued at booking. */
const tableOf = (rows: Array<Omit<BookingCase, 'detainer'> & { unknown?: string[] }>) =>
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
      '<td class="case-id">FRI</td><td>hold until 2016-06-14 16:00 (§ 2(a))</td><td>hold until 2016-06-12 16:00 (§ 2(a))</td>',
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

// ICE's records may give no release time: a hold's end is then unknown, but not always whether two holds end apart.
describe('comparing holds whose release time the records lack', () => {
  const unknownRelease = tableOf([
    { id: 'UNK', age: 30, bookedAt: '2016-06-08T10:00', convictions: felony, unknown: ['eligibleForReleaseAt'] },
    { id: 'FRI', age: 30, bookedAt: '2016-06-08T10:00', eligibleForReleaseAt: '2016-06-10T16:00', convictions: felony },
  ]);
  const compared = (mine: Ordinance, theirs: Ordinance) =>
    simulate(compile(mine), unknownRelease, { compare: { policy: compile(theirs), title: 'other' } });

  it('48 hours against 24 from the same unknown release end apart: decided differently, by their limits', () => {
    const r = compared(ordinance(false), ordinance(false, '', 24));
    const c = r.comparison!;
    expect(c.changed).toBe(2);
    expect(c.holdEndsDiffer).toBe(2);
    expect(c.holdEndsDifferByLimit).toBe(1);
    expect(c.holdEndsMayDiffer).toBe(0);
    expect(Array.from(r.holdEndsDiffer!)).toEqual([1, 1]);
    const unk = c.cases.find((x) => x.id === 'UNK')!;
    // No end is claimed: each side's limit from the release.
    expect(unk.holdUntil).toBeUndefined();
    expect(JSON.parse(JSON.stringify(unk))).toMatchObject({
      holdLimits: { policy: { hours: 48, excludingWeekendsAndHolidays: false }, other: { hours: 24, excludingWeekendsAndHolidays: false } },
    });
    const d = decisionDelta(c, unknownRelease.length);
    expect(deltaSentence(d)).toBe(
      'This amendment changes 2 of 2 decisions: 2 holds ending at a different time, 1 by its limit from a release time the records lack.',
    );
    expect(changedCasesHtml(d, 'Before', 'After')).toContain(
      '<td class="case-id">UNK</td><td>hold until 24 hours after release (release time unknown) (§ 2(a))</td><td>hold until 48 hours after release (release time unknown) (§ 2(a))</td>',
    );
  });

  it('the same limit from the same unknown release is the same end', () => {
    const c = compared(ordinance(true), ordinance(true)).comparison!;
    expect([c.changed, c.holdEndsDiffer, c.holdEndsMayDiffer]).toEqual([0, 0, 0]);
  });

  it('48 calendar hours against 48 leaving out weekends: whether they end apart turns on the unknown release, and is not claimed', () => {
    const c = compared(ordinance(false), ordinance(true)).comparison!;
    // FRI (released on a Friday) ends apart; UNK may or may not.
    expect([c.changed, c.holdEndsDiffer, c.holdEndsDifferByLimit, c.holdEndsMayDiffer]).toEqual([1, 1, 0, 1]);
    expect(c.cases.map((x) => x.id)).toEqual(['FRI']);
    expect(deltaSentence(decisionDelta(c, unknownRelease.length))).toBe(
      'This amendment changes 1 of 2 decisions: 1 hold ending at a different time. Whether 1 case held under both is held until different times is not known: the records give no release time, and the two limits end together from some release times and apart from others.',
    );
    // 48 hours leaving out weekends always end after 24 calendar hours.
    expect(compared(ordinance(true), ordinance(false, '', 24)).comparison!.holdEndsDifferByLimit).toBe(1);
  });

  it('says which limits end apart from any release, and claims no more', () => {
    const clock = (zone = '') => compile(ordinance(false, zone));
    const plain = clock();
    const ny = clock('America/New_York');
    const h = (hours: number, excludingWeekendsAndHolidays = false) => ({ hours, excludingWeekendsAndHolidays });
    expect(endsFromUnknownRelease(h(48), plain, h(48), plain)).toBe('same');
    expect(endsFromUnknownRelease(h(48), plain, h(47), plain)).toBe('differ');
    // A change of the clocks moves one an hour: 48 and 47 hours may end together, 48 and 46 cannot.
    expect(endsFromUnknownRelease(h(48), ny, h(47), plain)).toBe('may differ');
    expect(endsFromUnknownRelease(h(48), ny, h(48), plain)).toBe('may differ');
    expect(endsFromUnknownRelease(h(48), ny, h(46), plain)).toBe('differ');
    expect(endsFromUnknownRelease(h(48, true), ny, h(24, true), ny)).toBe('differ');
    // Working hours in two zones: their weekends start at different instants, so even equal hours may end apart.
    expect(endsFromUnknownRelease(h(48, true), plain, h(24, true), ny)).toBe('may differ');
    expect(endsFromUnknownRelease(h(48, true), plain, h(48, true), ny)).toBe('may differ');
    expect(endsFromUnknownRelease(h(24, true), plain, h(48), plain)).toBe('may differ');
    expect(endsFromUnknownRelease(h(49, true), plain, h(48), plain)).toBe('differ');
    expect(endsFromUnknownRelease(h(49, true), plain, h(48), ny)).toBe('may differ');
    // Other holidays left out: the same hours may or may not end together.
    const holidays = compile({ ...ordinance(true), holidays: ['2016-06-10'] });
    expect(endsFromUnknownRelease(h(48, true), plain, h(48, true), holidays)).toBe('may differ');
  });

  it('simulate prints each side by its limit, and what it cannot say', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unknown-release-'));
    const yaml = (hours: number, skips: boolean) =>
      `title: Hold ${hours}\njurisdiction: { name: Test, state: PA, level: county }\neffectiveDate: 2016-01-01\nsections:\n  - heading: D\n    provisions:\n      - id: felony\n        when: { conviction: { classes: [felony] } }\n        outcome: hold\n        maxHold: { hours: ${hours}, excludingWeekendsAndHolidays: ${skips} }\notherwise: decline\n`;
    fs.writeFileSync(path.join(dir, 'a.ordinance.yaml'), yaml(48, false));
    fs.writeFileSync(path.join(dir, 'b.ordinance.yaml'), yaml(24, false));
    fs.writeFileSync(path.join(dir, 'c.ordinance.yaml'), yaml(48, true));
    const rows = [
      { id: 'UNK', age: 30, bookedAt: '2016-06-08T10:00', convictions: felony, unknown: ['eligibleForReleaseAt'] },
      { id: 'TUE', age: 30, bookedAt: '2016-06-06T10:00', eligibleForReleaseAt: '2016-06-07T10:00', convictions: felony },
    ].map((c) => ({ ...c, detainer: { ...detainer, issuedAt: c.bookedAt } }));
    fs.writeFileSync(path.join(dir, 'cases.json'), JSON.stringify(rows));
    try {
      const run = (other: string) =>
        runCli('simulate', path.join(dir, 'a.ordinance.yaml'), '--cases', path.join(dir, 'cases.json'), '--compare', path.join(dir, other));
      const differ = await run('b.ordinance.yaml');
      expect(differ.code).toBe(0);
      expect(differ.out).toContain(
        '2 of 2 decisions differ (of them 2 holds ending at a different time, 1 by its limit from a release time the records lack)',
      );
      expect(differ.out).toMatch(
        /UNK +hold until 48 hours after release \(release time unknown\) \(§ 2\(a\)\) +hold until 24 hours after release \(release time unknown\) \(§ 2\(a\)\)/,
      );
      const may = await run('c.ordinance.yaml');
      expect(may.out).toContain('0 of 2 decisions differ');
      expect(may.out).toContain('Whether 1 case held under both is held until different times is not known');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
