// Prepared booking cases as classes (one shape for every case, so the property reads of code that
// walks many of them stay monomorphic), and small helpers the importer shares.

import type { BookingCase } from '../model';
import { C_DATE_UNKNOWN, type PreparedCase, type PreparedCharge, type PreparedConviction, type PreparedWarrant } from '../prepared';
import { MINUTES_PER_DAY, packedCivilFromDays } from '../time';

export const REQUEST_HOLD = 1;
export const REQUEST_NOTIFY = 2;

/** One shared, frozen empty list for cases without charges, convictions or warrants. */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

export class PreparedBooking implements PreparedCase {
  id: string;
  age: number;
  ageHi: number;
  unknown: number;
  facility: string | undefined;
  booked: number;
  release: number;
  issued: number;
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
  source: BookingCase;

  constructor(
    id: string,
    age: number,
    booked: number,
    release: number,
    issued: number,
    requests: number,
    judicial: boolean,
    admin: boolean,
    records: number,
    convictions: PreparedConviction[],
    charges: PreparedCharge[],
    warrants: PreparedWarrant[],
    source: BookingCase,
    ageHi = age,
    unknown = 0,
    facility: string | undefined = undefined,
  ) {
    this.id = id;
    this.age = age;
    this.ageHi = ageHi;
    this.unknown = unknown;
    this.facility = facility;
    this.booked = booked;
    this.release = release;
    this.issued = issued;
    const issuedDay = Math.floor(issued / MINUTES_PER_DAY);
    const issuedYmd = packedCivilFromDays(issuedDay);
    this.issuedDay = issuedDay;
    this.issuedY = Math.floor(issuedYmd / 512);
    this.issuedM = (issuedYmd >> 5) & 15;
    this.issuedD = issuedYmd & 31;
    const bookedDay = Math.floor(booked / MINUTES_PER_DAY);
    const bookedYmd = bookedDay === issuedDay ? issuedYmd : packedCivilFromDays(bookedDay);
    this.bookedDay = bookedDay;
    this.bookedY = Math.floor(bookedYmd / 512);
    this.bookedM = (bookedYmd >> 5) & 15;
    this.bookedD = bookedYmd & 31;
    this.reqHold = (requests & REQUEST_HOLD) !== 0;
    this.reqNotify = (requests & REQUEST_NOTIFY) !== 0;
    this.judicial = judicial;
    this.admin = admin;
    this.records = records;
    this.convictions = convictions.length ? convictions : EMPTY;
    this.charges = charges.length ? charges : EMPTY;
    this.warrants = warrants.length ? warrants : EMPTY;
    this.source = source;
  }
}

export class PreparedConvictionRecord implements PreparedConviction {
  cls: number;
  degreeBit: number;
  cats: number;
  catNames: readonly string[];
  convicted: number;
  released: number;
  later: number;
  incarceratedLater: number;
  incarceratedDays: number;
  current: boolean;
  juvenile: boolean;
  unknown: number;
  source: string | undefined;

  constructor(
    cls: number,
    degreeBit: number,
    cats: number,
    catNames: readonly string[],
    convicted: number,
    released: number,
    incarceratedDays: number,
    current: boolean,
    juvenile: boolean,
    unknown = 0,
    source: string | undefined = undefined,
  ) {
    this.cls = cls;
    this.degreeBit = degreeBit;
    this.cats = cats;
    this.catNames = catNames;
    this.convicted = convicted;
    this.released = released;
    this.later = Math.max(convicted, released);
    this.incarceratedLater = 0;
    this.incarceratedDays = incarceratedDays;
    this.current = current;
    this.juvenile = juvenile;
    this.unknown = unknown;
    this.source = source;
  }
}

export class PreparedChargeRecord implements PreparedCharge {
  cls: number;
  degreeBit: number;
  cats: number;
  catNames: readonly string[];
  bondPosted: boolean;
  bondable: boolean;
  probableCause: boolean;
  detailsUnknown: boolean;

  constructor(
    cls: number,
    degreeBit: number,
    cats: number,
    catNames: readonly string[],
    bondPosted: boolean,
    bondable: boolean,
    probableCause: boolean,
    detailsUnknown = false,
  ) {
    this.cls = cls;
    this.degreeBit = degreeBit;
    this.cats = cats;
    this.catNames = catNames;
    this.bondPosted = bondPosted;
    this.bondable = bondable;
    this.probableCause = probableCause;
    this.detailsUnknown = detailsUnknown;
  }
}

export class PreparedWarrantRecord implements PreparedWarrant {
  constructor(
    public criminal: boolean,
    public jurisdiction: number,
    public felony: boolean,
  ) {}
}

/**
 * Days incarcerated on the adult convictions dated strictly after each conviction (of a known date):
 * what a window leaving out time incarcerated on "any later conviction" adds back (the case table
 * keeps the same sum, and one counting juvenile adjudications too, in CaseTableBuilder.endCase).
 */
export function fillIncarceratedLater(convictions: readonly PreparedConvictionRecord[]): void {
  const n = convictions.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const on = convictions[i]!.convicted;
    for (let j = 0; j < n; j++) {
      const c = convictions[j]!;
      if (c.convicted > on && !c.juvenile && (c.unknown & C_DATE_UNKNOWN) === 0) sum += c.incarceratedDays;
    }
    convictions[i]!.incarceratedLater = sum;
  }
}

/**
 * A copy of a string that does not keep a larger string alive: V8 represents long slices as views
 * of their parent, so an id sliced from a 1 MB chunk of a file would hold the whole chunk.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
