// Look-back windows that leave out time incarcerated: a window measured from release never counts the
// time served before that release; "this conviction" and "this and later" count different days; the
// explanation names every extension and the conviction whose days caused it.
import { describe, expect, it } from 'vitest';
import { compile, decideAll, prepareCase, type BookingCase } from '../../engine/index';
import { bookingCase, conviction, decide, holds, policyWith } from './helpers';

const at2024 = { bookedAt: '2024-01-01T10:00', eligibleForReleaseAt: '2024-01-03T10:00', detainer: { issuedAt: '2024-01-02T09:00' } };
const window = (
  excludeTimeIncarcerated: boolean | 'this-conviction' | 'this-and-later',
  measuredFrom: 'release' | 'conviction' = 'release',
) => ({
  conviction: { classes: ['felony' as const], within: { years: 10, measuredFrom, excludeTimeIncarcerated } },
});

describe('a window from release', () => {
  const served = bookingCase({
    ...at2024,
    convictions: [conviction({ convictedOn: '2000-01-01', releasedOn: '2012-01-01', incarceratedDays: 4383 })],
  });
  it('does not count the time served before that release (convicted 2000, released 2012, request 2024)', () => {
    expect(holds(window(true), served)).toBe(false);
    expect(holds(window('this-and-later'), served)).toBe(false);
    expect(holds(window('this-conviction'), served)).toBe(false);
  });
  it('counts the time served on a later conviction when "this and later" is chosen', () => {
    const later = bookingCase({
      ...at2024,
      convictions: [
        conviction({ convictedOn: '2000-01-01', releasedOn: '2012-01-01', incarceratedDays: 4383 }),
        conviction({
          convictedOn: '2015-01-01',
          releasedOn: '2018-01-01',
          incarceratedDays: 1096,
          class: 'misdemeanor',
          categories: ['property'],
        }),
      ],
    });
    expect(holds(window('this-and-later'), later)).toBe(true);
    expect(holds(window('this-conviction'), later)).toBe(false);
  });
});

describe('a window from the conviction', () => {
  const c = bookingCase({
    ...at2024,
    convictions: [
      conviction({ convictedOn: '2012-06-01', releasedOn: '2013-06-01', incarceratedDays: 365 }),
      conviction({
        convictedOn: '2016-01-01',
        releasedOn: '2018-01-01',
        incarceratedDays: 731,
        class: 'misdemeanor',
        categories: ['property'],
      }),
    ],
  });
  it('"this conviction" extends by its own days only (New York City Local Law 58 of 2014)', () => {
    // Window from 2014-01-02; own 365 days reach back to 2013-01-02: not far enough for 2012-06-01.
    expect(holds(window('this-conviction', 'conviction'), c)).toBe(false);
    // Own and later: 1,096 days reach 2011-01-02.
    expect(holds(window('this-and-later', 'conviction'), c)).toBe(true);
  });
  it('explain names the extension and the conviction whose days caused it', () => {
    const o = {
      title: 'T',
      jurisdiction: { name: 'T', state: 'NY' },
      sections: [{ heading: 'D', provisions: [{ id: 'r', when: window('this-and-later', 'conviction'), outcome: 'notify' as const }] }],
      otherwise: 'decline' as const,
    };
    const p = prepareCase(c as BookingCase, 0);
    if (!p.ok) throw new Error('bad case');
    const facts = compile(o)
      .decide(p.prepared)
      .reasons.flatMap((r) => r.facts)
      .join('\n');
    expect(facts).toMatch(
      /counts: inside the window only because it is extended by 1096 days: 365 days incarcerated on this conviction and 731 days incarcerated on the conviction of 2016-01-01/,
    );
  });
});

// "Not counting any time the person spent incarcerated on that conviction or on any later conviction":
// a later conviction is one dated after it (not the same day), and a juvenile adjudication is one only
// where the test (or the ordinance) counts juvenile adjudications as convictions, as § 1 says.
describe('the later convictions whose time extends a window', () => {
  const at2016 = { bookedAt: '2016-06-06T09:00', eligibleForReleaseAt: '2016-06-07T16:00', detainer: { issuedAt: '2016-06-06T11:00' } };
  const robbery = conviction({ convictedOn: '2004-06-06' });
  const other = (over: Partial<NonNullable<BookingCase['convictions']>[number]>) =>
    conviction({ offense: 'theft', class: 'misdemeanor', categories: ['property'], incarceratedDays: 740, ...over });
  const violent = (includeJuvenile?: boolean) => ({
    conviction: {
      classes: ['felony' as const],
      categories: ['violent'],
      within: { years: 10, excludeTimeIncarcerated: 'this-and-later' as const },
      ...(includeJuvenile === undefined ? {} : { includeJuvenile }),
    },
  });
  const sameDay = bookingCase({ ...at2016, convictions: [robbery, other({ convictedOn: '2004-06-06' })] });
  const dayAfter = bookingCase({ ...at2016, convictions: [robbery, other({ convictedOn: '2004-06-07' })] });
  const juvenileLater = bookingCase({ ...at2016, convictions: [robbery, other({ convictedOn: '2005-01-06', juvenile: true })] });

  it('a conviction the same day is not a later one; the day after is', () => {
    expect(holds(violent(), sameDay)).toBe(false);
    expect(holds(violent(), dayAfter)).toBe(true);
  });
  it('a juvenile adjudication is not a later conviction unless the test or the ordinance counts juvenile adjudications', () => {
    expect(holds(violent(), juvenileLater)).toBe(false);
    expect(holds(violent(false), juvenileLater, { juvenileAdjudications: 'counted' })).toBe(false);
    expect(holds(violent(true), juvenileLater)).toBe(true);
    expect(holds(violent(), juvenileLater, { juvenileAdjudications: 'counted' })).toBe(true);
  });
  it('explain says why those days do not extend the window', () => {
    const facts = (c: BookingCase) =>
      decide(policyWith(violent()), c)
        .reasons.flatMap((r) => r.facts)
        .join('\n');
    expect(facts(sameDay)).toContain(
      'robbery (2nd-degree felony; violent, serious), convicted 2004-06-06: outside the window (the 740 days incarcerated on the conviction of 2004-06-06 (theft (2nd-degree misdemeanor; property)) do not extend it: the same day, not a later one)',
    );
    expect(facts(juvenileLater)).toContain('do not extend it: a juvenile adjudication is not a conviction for this test');
  });
  it('the same in a case set where some case leaves a fact unknown (evaluated three-valued)', () => {
    const unknownCurrent = bookingCase({ ...at2016, convictions: [{ ...other({ convictedOn: '2010-01-01' }), unknown: ['current'] }] });
    const policy = compile(policyWith(violent()));
    const cases = [sameDay, dayAfter, juvenileLater, unknownCurrent].map((c) => {
      const p = prepareCase(c as BookingCase, 0);
      if (!p.ok) throw new Error(JSON.stringify(p.problems));
      return p.prepared;
    });
    expect(decideAll(policy, cases).map((d) => d.outcome)).toEqual(['decline', 'hold', 'decline', 'decline']);
  });
});

describe('a window from release in a case set where some case leaves a fact unknown', () => {
  it('still does not count the time served before that release (convicted 2000, released 2012, request 2024)', () => {
    const served = bookingCase({
      ...at2024,
      convictions: [conviction({ convictedOn: '2000-01-01', releasedOn: '2012-01-01', incarceratedDays: 4383 })],
    });
    const unknownCurrent = bookingCase({
      ...at2024,
      convictions: [{ ...conviction({ convictedOn: '2010-01-01', class: 'misdemeanor' }), unknown: ['current'] }],
    });
    const cases = [served, unknownCurrent].map((c) => {
      const p = prepareCase(c as BookingCase, 0);
      if (!p.ok) throw new Error(JSON.stringify(p.problems));
      return p.prepared;
    });
    for (const x of [true, 'this-and-later', 'this-conviction'] as const)
      expect(decideAll(compile(policyWith(window(x))), cases)[0]!.outcome, String(x)).toBe('decline');
  });
});
