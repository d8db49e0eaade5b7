// Look-back windows that leave out time incarcerated: a window measured from release never counts the
// time served before that release; "this conviction" and "this and later" count different days; the
// explanation names every extension and the conviction whose days caused it.
import { describe, expect, it } from 'vitest';
import { compile, decideAll, prepareCase, type BookingCase, type Condition } from '../../engine/index';
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

// "Within the ten years before the date of the detainer request" (or "before the current arrest"): the
// window ends on that date. A conviction dated after it (the same day counts) is not within it, whatever
// the window is measured from, on every way the engine evaluates a conviction test.
describe('a window ends on the date it counts back from', () => {
  // Booked Sunday 2013-09-01, request Monday 2013-09-02.
  const at2013 = { bookedAt: '2013-09-01T09:00', eligibleForReleaseAt: '2013-11-27T10:00', detainer: { issuedAt: '2013-09-02T12:00' } };
  const on = (convictedOn: string, over: Partial<NonNullable<BookingCase['convictions']>[number]> = {}) =>
    bookingCase({ ...at2013, convictions: [conviction({ convictedOn, ...over })] });
  type Within = { years: number; of?: 'request' | 'arrest'; measuredFrom?: 'conviction' | 'release' | 'later-of-conviction-and-release' };
  type Exclude = { excludeTimeIncarcerated?: boolean | 'this-conviction' | 'this-and-later' };
  // The usual test (one offense filter): the inlined loop; with `current` or a term naming offenses
  // the generic loop; with time incarcerated left out the loops that extend the window.
  const felony = (within: Within & Exclude, more: { current?: boolean; atLeast?: number } = {}) => ({
    conviction: { classes: ['felony' as const], within, ...more },
  });
  const every = (within: Within) => [
    felony(within),
    felony(within, { current: false }),
    felony({ ...within, excludeTimeIncarcerated: 'this-conviction' }),
    felony({ ...within, excludeTimeIncarcerated: 'this-and-later' }),
    felony({ ...within, excludeTimeIncarcerated: 'this-and-later' }, { current: false }),
  ];
  /** Decided in a case set where another case leaves a fact unknown: the three-valued evaluation. */
  const openOutcome = (when: Condition, c: BookingCase): string => {
    const other = bookingCase({ ...at2013, convictions: [{ ...conviction({ convictedOn: '1990-01-01' }), unknown: ['current'] }] });
    const cases = [c, other].map((x) => {
      const p = prepareCase(x as BookingCase, 0);
      if (!p.ok) throw new Error(JSON.stringify(p.problems));
      return p.prepared;
    });
    return decideAll(compile(policyWith(when)), cases)[0]!.outcome;
  };

  it('request: a conviction on the day of the request counts, one the day after does not', () => {
    for (const when of [...every({ years: 10 }), ...every({ years: 10, measuredFrom: 'later-of-conviction-and-release' })]) {
      const label = JSON.stringify(when);
      expect(holds(when, on('2013-09-02')), label).toBe(true);
      expect(holds(when, on('2013-09-03')), label).toBe(false);
      expect(openOutcome(when, on('2013-09-02')), label).toBe('hold');
      expect(openOutcome(when, on('2013-09-03')), label).toBe('decline');
    }
  });
  it('arrest: a conviction on the day of the booking counts, one the day after (the request day) does not', () => {
    for (const when of [...every({ years: 10, of: 'arrest' }), ...every({ years: 10, of: 'arrest', measuredFrom: 'release' })]) {
      const label = JSON.stringify(when);
      expect(holds(when, on('2013-09-01')), label).toBe(true);
      expect(holds(when, on('2013-09-02')), label).toBe(false);
      expect(openOutcome(when, on('2013-09-01')), label).toBe('hold');
      expect(openOutcome(when, on('2013-09-02')), label).toBe('decline');
    }
  });
  it('the conviction for the current custody, convicted after the request, is not within the years before it', () => {
    const current = on('2013-09-20', { class: 'misdemeanor', degree: undefined, categories: ['violent'], current: true });
    const violent = (within: Within & Exclude) => ({
      conviction: { classes: ['felony' as const, 'misdemeanor' as const], categories: ['violent'], within, current: true },
    });
    for (const within of [
      { years: 10 },
      { years: 10, measuredFrom: 'later-of-conviction-and-release' as const },
      { years: 10, excludeTimeIncarcerated: 'this-conviction' as const },
    ]) {
      expect(holds(violent(within), current), JSON.stringify(within)).toBe(false);
      expect(openOutcome(violent(within), current), JSON.stringify(within)).toBe('decline');
    }
    // The same conviction with no window: the person is in custody on it.
    expect(holds({ conviction: { categories: ['violent'], current: true } }, current)).toBe(true);
  });
  it('a conviction before the request whose release falls after it still counts, measured from that release', () => {
    const released = on('2002-06-01', { releasedOn: '2013-10-01', incarceratedDays: 4140 });
    for (const measuredFrom of ['release', 'later-of-conviction-and-release'] as const) {
      for (const when of every({ years: 10, measuredFrom })) {
        expect(holds(when, released), JSON.stringify(when)).toBe(true);
        expect(openOutcome(when, released), JSON.stringify(when)).toBe('hold');
      }
    }
  });
  it('counts: two needed, one of them after the end, is one', () => {
    const two = (second: string) =>
      bookingCase({ ...at2013, convictions: [conviction({ convictedOn: '2010-01-01' }), conviction({ convictedOn: second })] });
    for (const within of [
      { years: 10 },
      { years: 10, measuredFrom: 'release' as const },
      { years: 10, excludeTimeIncarcerated: 'this-and-later' as const },
    ]) {
      const when = felony(within, { atLeast: 2 });
      expect(holds(when, two('2013-09-02')), JSON.stringify(within)).toBe(true);
      expect(holds(when, two('2013-09-03')), JSON.stringify(within)).toBe(false);
      expect(openOutcome(when, two('2013-09-03')), JSON.stringify(within)).toBe('decline');
    }
  });
  it('time incarcerated on a conviction after the end does not extend the window of one before it', () => {
    // Robbery 2001-06-01, outside the window from 2003-09-02 by 823 days; 900 days on a later conviction.
    const later = (convictedOn: string) =>
      bookingCase({
        ...at2013,
        convictions: [
          conviction({ convictedOn: '2001-06-01' }),
          conviction({ offense: 'theft', class: 'misdemeanor', categories: ['property'], convictedOn, incarceratedDays: 900 }),
        ],
      });
    const when = felony({ years: 10, excludeTimeIncarcerated: 'this-and-later' });
    expect(holds(when, later('2013-09-02'))).toBe(true);
    expect(holds(when, later('2013-09-03'))).toBe(false);
    expect(openOutcome(when, later('2013-09-02'))).toBe('hold');
    expect(openOutcome(when, later('2013-09-03'))).toBe('decline');
    expect(
      decide(policyWith(when), later('2013-09-03'))
        .reasons.flatMap((r) => r.facts)
        .join('\n'),
    ).toContain("do not extend it: after the window's end (request 2013-09-02), time outside the window");
  });
  it('unknown facts stay open: a conviction of unknown date, or an unknown booking date for a window of the arrest', () => {
    const undated = bookingCase({ ...at2013, convictions: [{ ...conviction({ convictedOn: undefined }), unknown: ['convictedOn'] }] });
    expect(openOutcome(felony({ years: 10 }), undated)).toBe('review');
    // Convicted the day after the request: the booking (the window's end) could be later still.
    const unbooked: BookingCase = {
      ...bookingCase({ ...at2013, convictions: [conviction({ convictedOn: '2013-09-03' })] }),
      unknown: ['bookedAt'],
    };
    delete (unbooked as Partial<BookingCase>).bookedAt;
    expect(openOutcome(felony({ years: 10, of: 'arrest' }), unbooked)).toBe('review');
    // The request's date is known: that conviction is after it.
    expect(openOutcome(felony({ years: 10 }), unbooked)).toBe('decline');
  });
  it('explain says a conviction after the end is not counted, and why', () => {
    const facts = (when: ReturnType<typeof felony>, c: BookingCase, open = false) => {
      const o = policyWith(when);
      const cases = [c, ...(open ? [bookingCase({ ...at2013, convictions: [{ ...conviction(), unknown: ['current'] }] })] : [])];
      const prepared = cases.map((x) => {
        const p = prepareCase(x as BookingCase, 0);
        if (!p.ok) throw new Error(JSON.stringify(p.problems));
        return p.prepared;
      });
      const d = open ? decideAll(compile(o), prepared)[0]! : compile(o).decide(prepared[0]!);
      return d.reasons.flatMap((r) => r.facts).join('\n');
    };
    const late = on('2013-09-20', { current: true });
    const said =
      "robbery (2nd-degree felony; violent, serious), convicted 2013-09-20: after the window's end (request 2013-09-02), not counted";
    expect(facts(felony({ years: 10 }), late)).toContain(said);
    expect(facts(felony({ years: 10 }), late, true)).toContain(said);
    expect(facts(felony({ years: 10, of: 'arrest' }), late)).toContain("after the window's end (arrest 2013-09-01), not counted");
  });
});
