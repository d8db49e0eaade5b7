// Test helpers: build ordinances and cases tersely, decide them through the real engine.

import {
  compile,
  loadOrdinance,
  prepareCase,
  type BookingCase,
  type Condition,
  type Decision,
  type Ordinance,
  type Outcome,
  type PreparedCase,
  type Scenario,
} from '../../engine/index';

/** An ordinance with one detainer provision holding when `when` is true, declining otherwise. */
export function policyWith(when: Condition | undefined, extra: Partial<Ordinance> = {}, outcome: Outcome = 'hold'): Ordinance {
  return {
    title: 'Test ordinance',
    jurisdiction: { name: 'Test City', state: 'MA' },
    definitions: [
      { term: 'violent felony', meaning: 'a felony involving violence', covers: [{ classes: ['felony'], categories: ['violent'] }] },
      { term: 'serious traffic offense', meaning: 'DUI and the like', covers: [{ categories: ['serious-traffic'] }] },
      { term: 'first- or second-degree felony', meaning: 'as in the code', covers: [{ classes: ['felony'], degrees: [1, 2] }] },
    ],
    sections: [
      {
        heading: 'Detainers',
        provisions: [
          {
            id: 'rule',
            ...(when ? { when } : {}),
            outcome,
            ...(outcome === 'hold' ? { maxHold: { hours: 48, excludingWeekendsAndHolidays: true } } : {}),
          },
        ],
      },
    ],
    otherwise: 'decline',
    ...extra,
  };
}

let counter = 0;

/** A booking case with sensible defaults: adult, booked and released on a Wednesday in June 2012, hold+notify. */
export function bookingCase(
  over: Omit<Partial<BookingCase>, 'detainer'> & { detainer?: Partial<BookingCase['detainer']> } = {},
): BookingCase {
  const { detainer, ...rest } = over;
  return {
    id: `T-${++counter}`,
    age: 30,
    bookedAt: '2012-06-06T09:00',
    eligibleForReleaseAt: '2012-06-06T16:00',
    ...rest,
    detainer: {
      requests: ['hold', 'notify'],
      issuedAt: '2012-06-06T11:00',
      judicialWarrant: false,
      administrativeWarrant: false,
      ...detainer,
    },
  };
}

export function prepared(c: BookingCase): PreparedCase {
  const r = prepareCase(c, 0);
  if (!r.ok) throw new Error(`bad test case: ${JSON.stringify(r.problems)}`);
  return r.prepared;
}

export function decide(o: Ordinance, c: BookingCase, scenario: Scenario = {}): Decision {
  return compile(o, scenario).decide(prepared(c));
}

/** Does the single-provision policy's condition hold on this case? */
export function holds(when: Condition, c: BookingCase, extra: Partial<Ordinance> = {}, scenario: Scenario = {}): boolean {
  const d = decide(policyWith(when, extra), c, scenario);
  return d.provision === 'rule';
}

export function conviction(
  over: Partial<NonNullable<BookingCase['convictions']>[number]> = {},
): NonNullable<BookingCase['convictions']>[number] {
  return { offense: 'robbery', class: 'felony', degree: 2, categories: ['violent', 'serious'], convictedOn: '2004-03-01', ...over };
}

/** Validates YAML text and fails the test with the diagnostics if there is an error. */
export function validOrdinance(text: string): Ordinance {
  const r = loadOrdinance(text);
  if (!r.ordinance) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message} [${d.code}]`).join('\n'));
  return r.ordinance;
}
