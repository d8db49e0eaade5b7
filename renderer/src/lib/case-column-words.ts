// What each case column holds, in the words of docs/case-files.md, for the Map columns panel's lists:
// a records officer maps their own columns onto these names and should not need the manual open to
// know that eligibleForReleaseAt is when custody would otherwise end. The engine gives its own words
// for a few columns (a level, a date of birth); these are for the rest.

/** Words of the case's own columns. */
const CASE: Record<string, string> = {
  id: 'the case’s identifier, unique in the file (never a name)',
  age: 'age in whole years at booking',
  bookedAt: 'when the person was booked (the current arrest)',
  eligibleForReleaseAt: 'when custody would otherwise end: a hold starts here',
  requests: 'what ICE asked for: hold, notify, or both',
  issuedAt: 'when the detainer was issued (the request)',
  judicialWarrant: 'a warrant signed by a federal judge or magistrate supports the detainer (yes/no)',
  administrativeWarrant: 'an ICE administrative warrant (I-200 or I-205) is attached (yes/no)',
  gangDatabase: 'records check at booking: gang database (yes/no)',
  terroristWatchlistMatch: 'records check at booking: terrorist watchlist match (yes/no)',
  finalRemovalOrder: 'records check at booking: final removal order (yes/no)',
  priorRemovalReentry: 'records check at booking: prior removal and reentry (yes/no)',
  sexOffenderRegistry: 'records check at booking: sex offender registry (yes/no)',
  arsonOffenderRegistry: 'records check at booking: arson offender registry (yes/no)',
  securityRiskGroup: 'records check at booking: security risk group (yes/no)',
};

/** Words of a column of a numbered group (charge1.class) or of a row's item (charge.class), by its field. */
const GROUP: Record<string, Record<string, string>> = {
  charge: {
    offense: 'the pending charge’s offense (text)',
    class: 'its class: felony, misdemeanor or infraction',
    degree: 'its degree (1 to 9)',
    categories: 'its tags',
    bondPosted: 'bond posted (yes/no, default no)',
    bondable: 'bondable (yes/no, default yes)',
    probableCauseFinding: 'probable cause found (yes/no, default no)',
  },
  conviction: {
    offense: 'the conviction’s offense (text)',
    class: 'its class: felony, misdemeanor or infraction',
    degree: 'its degree (1 to 9)',
    categories: 'its tags',
    convictedOn: 'date of the conviction',
    releasedOn: 'date released from its sentence (not before the conviction)',
    incarceratedDays: 'days incarcerated (0 to 50000)',
    current: 'the conviction for the current custody (yes/no)',
    juvenile: 'a juvenile or youthful-offender adjudication (yes/no)',
  },
  warrant: {
    kind: 'the outstanding warrant’s kind: criminal or civil',
    jurisdiction: 'its jurisdiction: state, federal, other-state or local',
    felony: 'a felony warrant (yes/no)',
  },
};

/** What the case column `target` holds ("bookedAt", "charge1.class", "charge.class"), or undefined for one not known here. */
export function caseColumnWords(target: string): string | undefined {
  const m = /^(charge|conviction|warrant)\d*\.(\w+)$/.exec(target);
  if (m) return Object.hasOwn(GROUP[m[1]!]!, m[2]!) ? GROUP[m[1]!]![m[2]!] : undefined;
  return Object.hasOwn(CASE, target) ? CASE[target] : undefined;
}
