// Holds counted in the jurisdiction's time zone, the daylight-saving rules and holidays read from
// law/, and the same hold end in decisions, simulation and the zone-less wall-clock count.
import { describe, expect, it } from 'vitest';
import { compile, prepareCase, simulate, time } from '../../engine/index';
import { bookingCase, policyWith } from './helpers';

const ny = time.timeZone('America/New_York')!;
const at = (s: string) => time.parseDateTime(s);
const fmt = (m: number) => time.formatDateTime(m);

describe('elapsed hours in a time zone', () => {
  it('48 hours across the night the clocks go back end at 9:00 on the clock, not 10:00', () => {
    expect(fmt(time.addElapsedMinutes(ny, at('2025-11-01T10:00'), 48 * 60))).toBe('2025-11-03T09:00');
    expect(fmt(time.holdEnd(at('2025-11-01T10:00'), 48, false, new time.HolidayCalendar(true), ny))).toBe('2025-11-03T09:00');
  });
  it('48 hours across the night the clocks go forward end at 11:00 on the clock', () => {
    expect(fmt(time.addElapsedMinutes(ny, at('2025-03-08T10:00'), 48 * 60))).toBe('2025-03-10T11:00');
  });
  it('never ends at a time the clocks skip: 2:30 on the spring-forward night is read as 3:30', () => {
    expect(fmt(time.addElapsedMinutes(ny, at('2025-03-09T01:30'), 60))).toBe('2025-03-09T03:30');
    const ends: string[] = [];
    for (let m = 0; m < 240; m += 10) ends.push(fmt(time.addElapsedMinutes(ny, at('2025-03-09T00:00'), m)));
    expect(ends.filter((e) => e.startsWith('2025-03-09T02:'))).toEqual([]);
  });
  it('counts a time that occurs twice the first time', () => {
    expect(fmt(time.addElapsedMinutes(ny, at('2025-11-02T01:30'), 60))).toBe('2025-11-02T01:30');
  });
  it('uses the pre-2007 rule (first Sunday of April, last Sunday of October)', () => {
    expect(fmt(time.addElapsedMinutes(ny, at('2006-10-28T10:00'), 48 * 60))).toBe('2006-10-30T09:00');
    expect(fmt(time.addElapsedMinutes(ny, at('2006-11-04T10:00'), 48 * 60))).toBe('2006-11-06T10:00');
  });
  it('Arizona and Hawaii never change their clocks', () => {
    const phx = time.timeZone('America/Phoenix')!;
    expect(fmt(time.addElapsedMinutes(phx, at('2025-11-01T10:00'), 48 * 60))).toBe('2025-11-03T10:00');
  });
  it('a hold excluding weekends is not moved: the clocks change only on Sundays', () => {
    const cal = new time.HolidayCalendar(true);
    expect(time.holdEnd(at('2025-10-31T10:00'), 48, true, cal, ny)).toBe(time.holdEnd(at('2025-10-31T10:00'), 48, true, cal));
  });
});

describe('the jurisdiction names its zone', () => {
  const calendarHold = { maxHold: { hours: 48, excludingWeekendsAndHolidays: false } };
  const o = policyWith(undefined);
  o.sections[0]!.provisions![0] = { ...o.sections[0]!.provisions![0]!, ...calendarHold };
  const c = bookingCase({
    bookedAt: '2025-10-31T09:00',
    eligibleForReleaseAt: '2025-11-01T10:00',
    detainer: { issuedAt: '2025-10-31T11:00' },
  });
  it('decisions and the simulation count the elapsed hours', () => {
    const zoned = compile({ ...o, jurisdiction: { ...o.jurisdiction, timeZone: 'America/New_York' } });
    const p = prepareCase(c, 0);
    if (!p.ok) throw new Error('bad case');
    expect(zoned.decide(p.prepared).holdUntil).toBe('2025-11-03T09:00');
    expect(simulate(zoned, [p.prepared]).summary.holdHours).toBe(48);
  });
  it('without a zone the wall clock is counted, as before', () => {
    const p = prepareCase(c, 0);
    if (!p.ok) throw new Error('bad case');
    expect(compile(o).decide(p.prepared).holdUntil).toBe('2025-11-03T10:00');
    expect(simulate(compile(o), [p.prepared]).summary.holdHours).toBe(48);
  });
});

describe('federal holidays come from 5 U.S.C. 6103 in law/', () => {
  it('2024 as observed', () => {
    expect(time.federalHolidays(2024).map((h) => time.formatDate(h.day))).toEqual([
      '2024-01-01',
      '2024-01-15',
      '2024-02-19',
      '2024-05-27',
      '2024-06-19',
      '2024-07-04',
      '2024-09-02',
      '2024-10-14',
      '2024-11-11',
      '2024-11-28',
      '2024-12-25',
    ]);
  });
  it('Juneteenth from 2021 only, King Day from 1986 only; a Saturday holiday is observed on Friday', () => {
    expect(time.federalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
    expect(time.federalHolidays(1985).some((h) => h.name.includes('King'))).toBe(false);
    expect(time.federalHolidays(2021).find((h) => h.name.startsWith('Juneteenth'))!.day).toBe(time.parseDate('2021-06-18'));
  });
});

describe('the holidays an ordinance names are the ones its holds skip', () => {
  it('an extra local holiday lengthens a hold that excludes holidays, in every scenario', () => {
    const base = policyWith(undefined);
    const c = bookingCase({
      bookedAt: '2012-06-04T09:00',
      eligibleForReleaseAt: '2012-06-04T16:00',
      detainer: { issuedAt: '2012-06-04T11:00' },
    });
    const p = prepareCase(c, 0);
    if (!p.ok) throw new Error('bad case');
    expect(compile(base).decide(p.prepared).holdUntil).toBe('2012-06-06T16:00');
    const local = compile({ ...base, holidays: ['2012-06-05'] }, { holidays: 'none' });
    expect(local.decide(p.prepared).holdUntil).toBe('2012-06-07T16:00');
  });
});
