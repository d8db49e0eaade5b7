// The detainer's form: the clock the honor-all baseline holds by (what the request asks), the form in
// use on the request's date when the case does not name it, and a notice-only form that asks no hold.
import { describe, expect, it } from 'vitest';
import { compile, HONOR_ALL, prepareCase, simulate } from '../../engine/index';
import { bookingCase } from './helpers';

const friday = (year: number, form?: 'I-247' | 'I-247D' | 'I-247N' | 'I-247A') =>
  bookingCase({
    bookedAt: `${year === 2016 ? '2016-06-08' : '2018-06-06'}T09:00`,
    eligibleForReleaseAt: `${year === 2016 ? '2016-06-10' : '2018-06-08'}T16:00`,
    detainer: { issuedAt: `${year === 2016 ? '2016-06-08' : '2018-06-06'}T11:00`, ...(form ? { form } : {}) },
  });

function baselineHold(c: ReturnType<typeof bookingCase>): string | null {
  const p = prepareCase(c, 0);
  if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
  return compile(HONOR_ALL).decide(p.prepared).holdUntil;
}

describe('honoring every detainer holds as long as its form asks', () => {
  it('a 2018 detainer (I-247A) asks for 48 hours, weekends included: Friday 16:00 to Sunday 16:00', () => {
    expect(baselineHold(friday(2018))).toBe('2018-06-10T16:00');
    expect(baselineHold(friday(2018, 'I-247A'))).toBe('2018-06-10T16:00');
  });
  it('a 2016 detainer (before the I-247A) is counted as the regulation counts: to Tuesday 16:00', () => {
    expect(baselineHold(friday(2016))).toBe('2016-06-14T16:00');
    expect(baselineHold(friday(2018, 'I-247D'))).toBe('2018-06-12T16:00');
  });
  it('the simulation counts the same hours', () => {
    const p = prepareCase(friday(2018), 0);
    if (!p.ok) throw new Error('bad case');
    expect(simulate(compile(HONOR_ALL), [p.prepared]).summary.holdHours).toBe(48);
  });
  it('a notice-only form cannot ask for a hold', () => {
    const p = prepareCase(friday(2016, 'I-247N'), 0);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems[0]!.message).toMatch(/I-247N asks only for notice/);
    expect(prepareCase(bookingCase({ detainer: { requests: ['notify'], form: 'I-247N' } }), 0).ok).toBe(true);
  });
});
