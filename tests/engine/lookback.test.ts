// Look-back windows that leave out time incarcerated: a window measured from release never counts the
// time served before that release; "this conviction" and "this and later" count different days; the
// explanation names every extension and the conviction whose days caused it.
import { describe, expect, it } from 'vitest';
import { compile, prepareCase, type BookingCase } from '../../engine/index';
import { bookingCase, conviction, holds } from './helpers';

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
