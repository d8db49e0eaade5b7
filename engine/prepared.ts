// The booking case in the form the compiled policy reads: dates as numbers, tags as bit masks.

import type { BookingCase, OffenseClass, RecordKey, WarrantJurisdiction } from './model';

export const CLASS_BITS: Record<OffenseClass, number> = { felony: 1, misdemeanor: 2, infraction: 4 };
export const JURISDICTION_BITS: Record<WarrantJurisdiction, number> = { state: 1, federal: 2, 'other-state': 4, local: 8 };
export const RECORD_BITS: Record<RecordKey, number> = {
  gangDatabase: 1,
  terroristWatchlistMatch: 2,
  finalRemovalOrder: 4,
  priorRemovalReentry: 8,
  sexOffenderRegistry: 16,
  arsonOffenderRegistry: 32,
  securityRiskGroup: 64,
};

/**
 * Offense categories are open tags. Each distinct tag gets a bit; after 31 tags the rest share the
 * top bit and are checked by name, so matching stays exact.
 */
const OVERFLOW_BIT = 1 << 31;
const categoryBits = new Map<string, number>();
[
  'violent',
  'serious',
  'dangerous',
  'homicide',
  'sex-offense',
  'firearm',
  'dui',
  'serious-traffic',
  'drug-trafficking',
  'drug-possession',
  'domestic-violence',
  'aggravated-felony',
  'arson',
  'property',
  'public-order',
].forEach((c) => categoryBit(c));

export function categoryBit(name: string): number {
  let bit = categoryBits.get(name);
  if (bit === undefined) {
    bit = categoryBits.size < 31 ? 1 << categoryBits.size : OVERFLOW_BIT;
    categoryBits.set(name, bit);
  }
  return bit;
}

export function categoryMask(names: readonly string[] | undefined): number {
  let mask = 0;
  if (names) for (const n of names) mask |= categoryBit(n);
  return mask;
}

export function isOverflowMask(mask: number): boolean {
  return (mask & OVERFLOW_BIT) !== 0;
}

export interface PreparedOffense {
  cls: number;
  /** 1 << degree, or 0 when the offense has no degree. */
  degreeBit: number;
  cats: number;
  catNames: readonly string[];
}

/** Conviction markers beyond current and juvenile: facts of it the records don't carry. */
export const C_DATE_UNKNOWN = 4;
export const C_RELEASE_UNKNOWN = 8;
export const C_CURRENT_UNKNOWN = 16;
/** A charge whose bond and probable-cause facts are unknown. */
export const H_DETAILS_UNKNOWN = 8;
/** Every class bit: an offense whose class is unknown may be any. */
export const ANY_CLASS = 7;

export interface PreparedConviction extends PreparedOffense {
  convicted: number;
  /** Release from the sentence; the conviction day when there was none. */
  released: number;
  /** The later of conviction and release. */
  later: number;
  /**
   * Days incarcerated on the case's adult convictions dated strictly after this one (a conviction the
   * same day is not later; a juvenile adjudication is not a conviction; one of unknown date is left out).
   */
  incarceratedLater: number;
  /** Days incarcerated on this conviction. */
  incarceratedDays: number;
  current: boolean;
  juvenile: boolean;
  /** C_DATE_UNKNOWN, C_RELEASE_UNKNOWN, C_CURRENT_UNKNOWN; `cls` has every bit the class may be. */
  unknown: number;
  /** Where the record of the conviction comes from (see ConvictionRecord.source). */
  source: string | undefined;
}

export interface PreparedCharge extends PreparedOffense {
  bondPosted: boolean;
  bondable: boolean;
  probableCause: boolean;
  /** Bond and probable cause unknown; `cls` has every bit the class may be. */
  detailsUnknown: boolean;
}

export interface PreparedWarrant {
  criminal: boolean;
  jurisdiction: number;
  felony: boolean;
}

export interface PreparedCase {
  id: string;
  age: number;
  /** The most the age may be (equal to `age` when it is known). */
  ageHi: number;
  /** Facts the records don't carry (unknown-facts.ts bits); stand-ins fill their fields. */
  unknown: number;
  facility: string | undefined;
  /** Minutes since 1970-01-01T00:00, local time. */
  booked: number;
  release: number;
  issued: number;
  /** Day numbers and calendar parts of the request and the arrest, for look-back windows. */
  issuedDay: number;
  issuedY: number;
  issuedM: number;
  issuedD: number;
  bookedDay: number;
  bookedY: number;
  bookedM: number;
  bookedD: number;
  reqHold: boolean;
  reqNotify: boolean;
  judicial: boolean;
  admin: boolean;
  records: number;
  convictions: PreparedConviction[];
  charges: PreparedCharge[];
  warrants: PreparedWarrant[];
  /** The case as given, for explanations and output. */
  source: BookingCase;
}
