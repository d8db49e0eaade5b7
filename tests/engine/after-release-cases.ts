// Shared by the tests of requests dated after the release time: a booking case released at 16:00 on
// June 6, 2012 and asked for at a given time, the cases prepared, and a draft that declines everything.
import { prepareCase, type BookingCase, type Ordinance, type PreparedCase } from '../../engine/index';

/** A case booked at 09:00 and released at 16:00 on June 6, 2012, with ICE's request dated `issuedAt`. */
export function caseRequestedAt(id: string, issuedAt: string): BookingCase {
  return {
    id,
    age: 30,
    bookedAt: '2012-06-06T09:00',
    eligibleForReleaseAt: '2012-06-06T16:00',
    detainer: { requests: ['hold', 'notify'], issuedAt, judicialWarrant: false, administrativeWarrant: false },
    currentCharges: [],
  };
}

export function preparedAll(cases: readonly BookingCase[]): PreparedCase[] {
  return cases.map((c, i) => {
    const r = prepareCase(c, i);
    if (!r.ok) throw new Error(`bad case ${c.id}`);
    return r.prepared;
  });
}

export const DECLINE_ALL: Ordinance = {
  title: 'Decline every detainer',
  jurisdiction: { name: 'Test City', state: 'MA' },
  sections: [{ heading: 'Detainers', provisions: [] }],
  otherwise: 'decline',
};
