// One date the ordinance takes effect. The effective-date provision's date is the one the text prints
// ("This ordinance takes effect on ..."), so the legal checks, the holiday list, the officer guide, the
// subtitle and the policy bundle use it too, not the document's `effectiveDate` when the two differ; and
// validation warns at the provision that the two disagree.

import { describe, expect, it } from 'vitest';
import { checkDocument, lawApplied, ordinanceText } from '../../engine/index';
import { effectiveDateOf } from '../../engine/model';
import { officerGuide } from '../../engine/export/officer-guide';
import { policyBundle } from '../../engine/export/policy-bundle';

/** A Texas policy declining every detainer: Texas SB 4 (in force September 1, 2017) requires honoring them. */
function texas(effectiveDate: string | undefined, provisionDate: string | undefined, second?: string): string {
  return `title: Effective date test
jurisdiction: { name: Testville, state: TX }
${effectiveDate ? `effectiveDate: ${effectiveDate}\n` : ''}sections:
  - heading: Detainers
    provisions:
      - id: felony
        when: { conviction: { classes: [felony] } }
        outcome: hold
        maxHold: { hours: 48, excludingWeekendsAndHolidays: true }
${
  provisionDate
    ? `  - heading: Effective date
    provisions:
      - id: effective
        type: effective-date
        date: ${provisionDate}
${second ? `      - id: effective-again\n        type: effective-date\n        date: ${second}\n` : ''}`
    : ''
}otherwise: decline
`;
}

describe('the date an ordinance takes effect', () => {
  const text = texas('2017-06-01', '2017-10-01');
  const checked = checkDocument(text);
  const o = checked.ordinance!;

  it("is the effective-date provision's date, as the printed text states it", () => {
    expect(effectiveDateOf(o)).toBe('2017-10-01');
    const printed = ordinanceText(o);
    const all = printed.sections.flatMap((s) => s.clauses.map((c) => c.text)).join('\n');
    expect(all).toContain('This ordinance takes effect on October 1, 2017.');
    expect(all).not.toContain('June 1, 2017');
    expect(String(printed.subtitle)).toContain('Effective October 1, 2017');
    expect(printed.date).toBe('2017-10-01');
  });

  it('is the date whose law the legal checks apply', () => {
    expect(lawApplied(o).asOf).toBe('2017-10-01');
    const law = checked.diagnostics.filter((d) => d.code === 'state-requires-honoring-detainers');
    expect(law.length).toBeGreaterThan(0);
    for (const d of law) {
      // SB 4 was in force on October 1, 2017: no "after the effective date (June 1, 2017)".
      expect(d.message).not.toContain('June 1, 2017');
      expect(d.message).not.toMatch(/after the effective date/);
    }
  });

  it('is the date of the officer guide and the policy bundle', () => {
    const g = officerGuide(o);
    expect(g.law.asOf).toContain('as of October 1, 2017 (the effective date)');
    expect(g.date).toBe('2017-10-01');
    expect(policyBundle(o).effectiveDate).toBe('2017-10-01');
  });

  it('is flagged where the two dates disagree, at the provision', () => {
    const d = checked.diagnostics.filter((x) => x.code === 'effective-dates-disagree');
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.path).toEqual(['sections', 1, 'provisions', 0, 'date']);
    expect(d[0]!.message).toContain(
      'effectiveDate (line 3) says June 1, 2017, but this provision says the ordinance takes effect on October 1, 2017',
    );
    expect(d[0]!.message).toContain('Set effectiveDate to 2017-10-01 or remove it');
  });

  it('is not flagged where they agree or only one is given', () => {
    for (const t of [texas('2017-10-01', '2017-10-01'), texas(undefined, '2017-10-01'), texas('2017-10-01', undefined)])
      expect(checkDocument(t).diagnostics.filter((x) => x.code === 'effective-dates-disagree')).toEqual([]);
    expect(effectiveDateOf(checkDocument(texas('2017-10-01', undefined)).ordinance!)).toBe('2017-10-01');
  });

  it('a second effective-date provision with another date is flagged too', () => {
    const d = checkDocument(texas(undefined, '2017-10-01', '2018-01-01')).diagnostics.filter((x) => x.code === 'effective-dates-disagree');
    expect(d).toHaveLength(1);
    expect(d[0]!.path).toEqual(['sections', 1, 'provisions', 1, 'date']);
    expect(d[0]!.message).toContain('says October 1, 2017');
  });
});
