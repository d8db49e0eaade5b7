// Hold arithmetic and the federal holiday calendar.
import { describe, expect, it } from 'vitest';
import { time } from '../../engine/index';

const { federalHolidays, formatDate, formatDateTime, holdEnd, HolidayCalendar, parseDate, parseDateTime, yearsBefore, dayOfWeek } = time;
const names = (y: number) => Object.fromEntries(federalHolidays(y).map((h) => [h.name, formatDate(h.day)]));
const end = (start: string, hours: number, excl: boolean, cal = new HolidayCalendar(true)) =>
  formatDateTime(holdEnd(parseDateTime(start), hours, excl, cal));

describe('dates', () => {
  it('rejects dates that do not exist', () => {
    expect(Number.isNaN(parseDate('2012-02-30'))).toBe(true);
    expect(Number.isNaN(parseDate('2013-02-29'))).toBe(true);
    expect(Number.isNaN(parseDate('2012-02-29'))).toBe(false);
    expect(Number.isNaN(parseDateTime('2012-06-01T24:00'))).toBe(true);
    expect(Number.isNaN(parseDateTime('2012-06-01 09:30'))).toBe(false);
  });
  it('round-trips day numbers across centuries', () => {
    for (const d of ['1900-03-01', '1999-12-31', '2000-02-29', '2012-06-01', '2100-01-01']) expect(formatDate(parseDate(d))).toBe(d);
  });
  it('knows the day of the week', () => {
    expect(dayOfWeek(parseDate('2012-06-01'))).toBe(5); // a Friday
    expect(dayOfWeek(parseDate('1970-01-01'))).toBe(4); // a Thursday
  });
  it('counts years back to the same day, and 29 February to 1 March', () => {
    expect(formatDate(yearsBefore(parseDate('2012-06-01'), 10))).toBe('2002-06-01');
    expect(formatDate(yearsBefore(parseDate('2012-02-29'), 1))).toBe('2011-03-01');
    expect(formatDate(yearsBefore(parseDate('2012-02-29'), 4))).toBe('2008-02-29');
  });
});

describe('U.S. federal holidays, observed', () => {
  it('matches the 2012 OPM calendar', () => {
    expect(names(2012)).toEqual({
      "New Year's Day": '2012-01-02', // 1 January fell on a Sunday
      'Birthday of Martin Luther King, Jr.': '2012-01-16',
      "Washington's Birthday": '2012-02-20',
      'Memorial Day': '2012-05-28',
      'Independence Day': '2012-07-04',
      'Labor Day': '2012-09-03',
      'Columbus Day': '2012-10-08',
      'Veterans Day': '2012-11-12', // 11 November fell on a Sunday
      'Thanksgiving Day': '2012-11-22',
      'Christmas Day': '2012-12-25',
    });
  });
  it('adds Juneteenth from 2021 and observes Saturday holidays on Friday', () => {
    expect(names(2020)['Juneteenth National Independence Day']).toBeUndefined();
    expect(names(2021)['Juneteenth National Independence Day']).toBe('2021-06-18'); // 19 June 2021 was a Saturday
    expect(names(2015)['Independence Day']).toBe('2015-07-03');
  });
  it("observes New Year's Day on 31 December of the year before", () => {
    const cal = new HolidayCalendar(true);
    expect(cal.holidayName(parseDate('2021-12-31'))).toBe("New Year's Day"); // 1 January 2022 was a Saturday
    expect(cal.isHoliday(parseDate('2011-12-30'))).toBe(false);
  });
  it('can be turned off or extended', () => {
    expect(HolidayCalendar.fromSetting('none').isHoliday(parseDate('2012-12-25'))).toBe(false);
    expect(HolidayCalendar.fromSetting(['2012-03-17']).isHoliday(parseDate('2012-03-17'))).toBe(true);
  });
});

describe('hold arithmetic', () => {
  it('counts calendar hours straight through', () => {
    expect(end('2012-06-01T16:00', 48, false)).toBe('2012-06-03T16:00');
  });
  it('skips Saturday and Sunday: Friday 4 pm + 48 hours ends Tuesday 4 pm', () => {
    expect(end('2012-06-01T16:00', 48, true)).toBe('2012-06-05T16:00');
  });
  it('skips a Monday holiday too: Friday before Memorial Day ends Wednesday', () => {
    expect(end('2012-05-25T16:00', 48, true)).toBe('2012-05-30T16:00');
  });
  it('starts counting on Monday at midnight when release falls on a weekend', () => {
    expect(end('2012-06-02T10:00', 24, true)).toBe('2012-06-05T00:00');
  });
  it('holds over Thanksgiving and the day after is a working day', () => {
    expect(end('2012-11-21T12:00', 48, true)).toBe('2012-11-26T12:00');
  });
  it('treats a weekday with no holiday plainly', () => {
    expect(end('2012-06-06T16:00', 24, true)).toBe('2012-06-07T16:00');
  });
});
