// The "holiday" definition lists the federal holidays in force when the ordinance takes effect: an
// ordinance of 2012 or 2014 does not list Juneteenth National Independence Day (a legal public holiday
// only since June 17, 2021, Pub. L. 117-17); the rule itself stays "as in force on the day in question".

import { describe, expect, it } from 'vitest';
import { ordinanceText, type Ordinance } from '../../engine/index';
import { decide } from '../engine/helpers';
import { formatDateTime, holdEnd, HolidayCalendar, parseDate, parseDateTime } from '../../engine/time';
import { allOrdinanceFiles, loadFile, ordinanceFrom } from './helpers';
import path from 'node:path';

function holidayDefinition(o: Ordinance): string | undefined {
  return ordinanceText(o)
    .sections.flatMap((s) => s.clauses)
    .find((c) => c.term === 'holiday')?.text;
}

function dated(effectiveDate: string | null): Ordinance {
  return ordinanceFrom(`
title: Holiday test
jurisdiction: { name: Testville, state: MA }
${effectiveDate ? `effectiveDate: ${effectiveDate}\n` : ''}sections:
  - heading: Detainers
    provisions:
      - id: felony
        when: { conviction: { classes: [felony] } }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
otherwise: decline
`);
}

describe('the holiday definition', () => {
  it.each([
    ['2012-09-01', false],
    ['2014-01-01', false],
    ['2021-01-01', false],
    ['2021-06-30', true],
    ['2022-01-01', true],
  ])('effective %s lists Juneteenth: %s', (date, listed) => {
    const text = holidayDefinition(dated(date))!;
    expect(text).toContain('as in force on the day in question');
    expect(text.includes('Juneteenth')).toBe(listed);
    expect(text).toMatch(/\(on [A-Z][a-z]+ \d+, \d{4}, when this ordinance takes effect: New Year's Day, /);
    expect(text).toContain('Christmas Day)');
  });

  // Juneteenth became a legal public holiday when Pub. L. 117-17 was signed, June 17, 2021, and was first
  // observed the next day (Friday, June 18; the 19th was a Saturday). An ordinance taking effect on the
  // 17th takes effect under a law that names it, though its first observed day is still to come.
  it.each([
    ['2021-06-16', false],
    ['2021-06-17', true],
    ['2021-06-18', true],
    ['2021-06-19', true],
  ])('effective %s, at the edge of Pub. L. 117-17, lists Juneteenth: %s', (date, listed) => {
    expect(holidayDefinition(dated(date))!.includes('Juneteenth National Independence Day')).toBe(listed);
  });

  it('an ordinance effective June 17, 2021 counts June 18, 2021 as the holiday its definition lists', () => {
    const o = dated('2021-06-17');
    expect(holidayDefinition(o)).toContain('(on June 17, 2021, when this ordinance takes effect: ');
    // A 48-hour hold, weekends and holidays excluded, from release at 10:00 on Thursday, June 17, 2021:
    // 14 hours that Thursday, none on Friday (Juneteenth observed), Saturday or Sunday, 24 on Monday,
    // 10 on Tuesday: it ends at 10:00 on Tuesday, June 22.
    const calendar = HolidayCalendar.fromSetting(o.holidays);
    expect(calendar.holidayName(parseDate('2021-06-18'))).toBe('Juneteenth National Independence Day');
    expect(calendar.isHoliday(parseDate('2021-06-17'))).toBe(false);
    expect(formatDateTime(holdEnd(parseDateTime('2021-06-17T10:00'), 48, true, calendar))).toBe('2021-06-22T10:00');
    expect(formatDateTime(holdEnd(parseDateTime('2021-06-16T10:00'), 48, true, calendar))).toBe('2021-06-21T10:00');
    const decision = decide(o, {
      id: 'J-1',
      age: 30,
      bookedAt: '2021-06-15T09:00',
      eligibleForReleaseAt: '2021-06-17T10:00',
      detainer: { requests: ['hold', 'notify'], issuedAt: '2021-06-15T12:00', judicialWarrant: false, administrativeWarrant: true },
      convictions: [{ offense: 'robbery', class: 'felony', convictedOn: '2010-01-01' }],
    });
    expect(decision.outcome).toBe('hold');
    expect(decision.holdUntil).toBe('2021-06-22T10:00');
  });

  it('an undated draft lists the holidays now in force', () => {
    const text = holidayDefinition(dated(null))!;
    expect(text).toContain("(New Year's Day, the Birthday of Martin Luther King, Jr.");
    expect(text).toContain('Juneteenth National Independence Day');
  });

  it('no sample lists a holiday that was not yet one when it took effect', () => {
    let checked = 0;
    for (const f of allOrdinanceFiles()) {
      const o = loadFile(f);
      const text = holidayDefinition(o);
      if (!text || !o.effectiveDate) continue;
      checked++;
      if (o.effectiveDate < '2021-06-17') expect(text, path.basename(f)).not.toContain('Juneteenth');
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
