// The "holiday" definition lists the federal holidays in force when the ordinance takes effect: an
// ordinance of 2012 or 2014 does not list Juneteenth National Independence Day (a legal public holiday
// only since June 17, 2021, Pub. L. 117-17); the rule itself stays "as in force on the day in question".

import { describe, expect, it } from 'vitest';
import { ordinanceText, type Ordinance } from '../../engine/index';
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
