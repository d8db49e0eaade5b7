// Facts a booking case may leave unknown, as bits: the case table keeps them per case, and a
// decision that turns on one is open (it could go either way) rather than decided on a guess. The
// same bits name "which unknown fact makes the difference" in explanations and summaries.

import type { RecordKey, UnknownFact } from './model';
import { RECORD_KEYS, UNKNOWN_FACTS } from './model';
import { RECORD_BITS } from './prepared';

export const U_BOOKED = 1;
export const U_RELEASE = 2;
export const U_JUDICIAL = 4;
export const U_ADMIN = 8;
export const U_REQUEST = 16;
export const U_CHARGES = 32;
export const U_CONVICTIONS = 64;
export const U_WARRANTS = 128;
/**
 * Records checks: RECORD_BITS shifted up by this many bits. The seven records take bits 8 to 14; the
 * case table keeps these masks in 16 bits, so one more record fits (bit 15) and no more.
 */
export const U_RECORD_SHIFT = 8;

// Facts a decision may turn on that the table marks elsewhere (a range of ages, a conviction's
// unknown date...): used in `dependsOn` masks only (32 bits), above every records bit.
export const D_AGE = 1 << 16;
export const D_CONVICTION_DATE = 1 << 17;
export const D_CONVICTION_CLASS = 1 << 18;
export const D_CONVICTION_CURRENT = 1 << 19;
export const D_CONVICTION_RELEASE = 1 << 20;
export const D_CHARGE_DETAILS = 1 << 21;
export const D_CONVICTION_SAME = 1 << 22;

export const UNKNOWN_BITS: Record<UnknownFact, number> = Object.fromEntries(
  UNKNOWN_FACTS.map((f) => {
    if (f.startsWith('records.')) return [f, RECORD_BITS[f.slice(8) as RecordKey] << U_RECORD_SHIFT];
    const bit = { bookedAt: U_BOOKED, eligibleForReleaseAt: U_RELEASE, judicialWarrant: U_JUDICIAL, administrativeWarrant: U_ADMIN, requests: U_REQUEST, currentCharges: U_CHARGES, convictions: U_CONVICTIONS, warrants: U_WARRANTS }[f as string]!; // prettier-ignore
    return [f, bit];
  }),
) as Record<UnknownFact, number>;

/** A records check, asked. */
const RECORD_QUESTIONS: Record<RecordKey, string> = {
  gangDatabase: 'whether the person is listed in a gang database',
  terroristWatchlistMatch: 'whether the terrorist screening database has a possible match',
  finalRemovalOrder: 'whether there is a final order of removal',
  priorRemovalReentry: 'whether the person re-entered after a removal',
  sexOffenderRegistry: 'whether the person is a registered sex offender',
  arsonOffenderRegistry: 'whether the person is a registered arson offender',
  securityRiskGroup: 'whether the Department of Correction designates the person in a Security Risk Group',
};

/**
 * Every fact a decision may depend on: its key (as in `Decision.undetermined.dependsOn`) and how to say
 * it. `asked`, for a fact a provision's condition reads of the detainer, is the question in the
 * condition's own words (leafWords: "the detainer is supported by a judicial warrant"), which an
 * explanation of one policy's decision says in its terms (dependsOnLabel's `words`).
 */
export const DEPENDS_ON: ReadonlyArray<{ bit: number; key: string; label: string; asked?: string }> = [
  {
    bit: U_JUDICIAL,
    key: 'judicialWarrant',
    label: 'whether a judicial warrant supports the detainer',
    asked: 'whether the detainer is supported by a judicial warrant',
  },
  {
    bit: U_ADMIN,
    key: 'administrativeWarrant',
    label: 'whether an administrative warrant (I-200/I-205) is attached',
    asked: 'whether an ICE administrative warrant (form I-200 or I-205) accompanies the detainer',
  },
  { bit: U_REQUEST, key: 'requests', label: 'what ICE asked for' },
  { bit: U_CHARGES, key: 'currentCharges', label: 'the pending charges' },
  { bit: D_CHARGE_DETAILS, key: 'currentCharges.details', label: "a pending charge's class or bond" },
  { bit: U_CONVICTIONS, key: 'convictions', label: 'convictions beyond those on record' },
  { bit: D_CONVICTION_CLASS, key: 'convictions.class', label: "a conviction's class (felony or misdemeanor)" },
  { bit: D_CONVICTION_DATE, key: 'convictions.convictedOn', label: "a conviction's date" },
  { bit: D_CONVICTION_RELEASE, key: 'convictions.releasedOn', label: 'release from a sentence' },
  { bit: D_CONVICTION_CURRENT, key: 'convictions.current', label: 'whether a conviction is the one for the current custody' },
  { bit: D_CONVICTION_SAME, key: 'convictions.source', label: 'whether convictions recorded in two places are one' },
  { bit: U_WARRANTS, key: 'warrants', label: 'outstanding warrants' },
  { bit: U_BOOKED, key: 'bookedAt', label: 'the booking date (the current arrest)' },
  { bit: U_RELEASE, key: 'eligibleForReleaseAt', label: 'the release time' },
  { bit: D_AGE, key: 'age', label: 'the exact age (the records give a birth year)' },
  ...RECORD_KEYS.map((k) => ({ bit: RECORD_BITS[k] << U_RECORD_SHIFT, key: `records.${k}`, label: RECORD_QUESTIONS[k] })),
];

/** The bit mask of a list of unknown facts. */
export function unknownMask(facts: readonly UnknownFact[] | undefined): number {
  let m = 0;
  if (facts) for (const f of facts) m |= UNKNOWN_BITS[f] ?? 0;
  return m;
}

/** The unknown facts of a case's mask, in the contract's order. */
export function unknownFacts(mask: number): UnknownFact[] {
  return UNKNOWN_FACTS.filter((f) => (mask & UNKNOWN_BITS[f]) !== 0);
}

/** The keys of the facts in a dependsOn mask, most telling first. */
export function dependsOnKeys(mask: number): string[] {
  return DEPENDS_ON.filter((d) => (mask & d.bit) !== 0).map((d) => d.key);
}

/**
 * How to say a fact key. With `words` (an explanation of one policy's decision: inOrdinanceTerms of
 * that policy), a fact of the detainer is asked in its condition's words, naming the detainer as that
 * policy's text does ("whether the ICE detainer is supported by a judicial warrant").
 */
export function dependsOnLabel(key: string, words?: (text: string) => string): string {
  const d = DEPENDS_ON.find((x) => x.key === key);
  if (!d) return key;
  return words ? words(d.asked ?? d.label) : d.label;
}

/**
 * The sentence for facts an undecided case's provisions read that may change only which provision
 * decides it (Decision.undetermined.whichProvisionOnly): '' when there are none. `words` as dependsOnLabel.
 */
export function whichProvisionOnlySentence(keys: readonly string[] | undefined, words?: (text: string) => string): string {
  if (!keys?.length) return '';
  return `Which provision decides it also turns on ${keys.map((k) => dependsOnLabel(k, words)).join('; ')}, but that does not change the outcome or how long a hold may last.`;
}
