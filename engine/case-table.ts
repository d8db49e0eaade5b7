// Booking cases in columns: one typed array per fact, convictions, charges and warrants in flat
// arrays with per-case offsets. Evaluation walks memory in order instead of chasing object
// pointers, which is what lets a compiled policy decide millions of cases a second.

import type {
  BookingCase,
  ChargeRecord,
  ChargeUnknown,
  ConvictionRecord,
  ConvictionUnknown,
  OffenseClass,
  RecordKey,
  WarrantJurisdiction,
} from './model';
import { RECORD_KEYS } from './model';
import { DETAINER_FORMS, detainerFormIndexOn } from './detainer-forms';
import {
  ANY_CLASS,
  C_CURRENT_UNKNOWN,
  C_DATE_UNKNOWN,
  C_RELEASE_UNKNOWN,
  CLASS_BITS,
  H_DETAILS_UNKNOWN,
  JURISDICTION_BITS,
  RECORD_BITS,
  type PreparedCase,
} from './prepared';
import { daysFromCivil, formatDate, formatDateTime, MINUTES_PER_DAY, packedCivilFromDays } from './time';
import { U_RECORD_SHIFT, unknownFacts } from './unknown-facts';
import { caseId, type CaseIds } from './case-ids';

export { caseId, caseIndexOf, type CaseIds } from './case-ids';

export { C_CURRENT_UNKNOWN, C_DATE_UNKNOWN, C_RELEASE_UNKNOWN, H_DETAILS_UNKNOWN };

/** Case flags. */
export const F_REQ_HOLD = 1;
export const F_REQ_NOTIFY = 2;
export const F_JUDICIAL = 4;
export const F_ADMIN = 8;
/** Conviction flags. */
export const C_CURRENT = 1;
export const C_JUVENILE = 2;
/** Charge flags. */
export const H_BOND_POSTED = 1;
export const H_BONDABLE = 2;
export const H_PROBABLE_CAUSE = 4;
/** Warrant flags. */
export const W_CRIMINAL = 1;
export const W_FELONY = 2;

/** A calendar date packed so that comparisons are integer comparisons and "N years earlier" is `- N * 512`. */
export function packYmd(y: number, m: number, d: number): number {
  return y * 512 + m * 32 + d;
}
export function packDay(days: number): number {
  return packedCivilFromDays(days);
}
export const YEAR_IN_PACKED = 512;
/**
 * Day numbers of 1 January of the years PACKED_FIRST_YEAR to PACKED_FIRST_YEAR + PACKED_YEARS - 1 and,
 * by 13 * leap + month, the days before each month: for a packed date in those years dayOfPacked is
 * three lookups and a sum, not daysFromCivil's divisions. Plain arrays: once a stream has detached a
 * buffer anywhere in the process, every read of a typed array checks its buffer.
 */
const PACKED_FIRST_YEAR = 1800;
const PACKED_YEARS = 400;
const packedYearStart: number[] = Array.from({ length: PACKED_YEARS }, (_, k) => daysFromCivil(PACKED_FIRST_YEAR + k, 1, 1));
const packedYearLeap: number[] = Array.from({ length: PACKED_YEARS }, (_, k) => {
  const y = PACKED_FIRST_YEAR + k;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 13 : 0;
});
const packedMonthStart: number[] = Array.from({ length: 26 }, (_, i) => {
  const m = i % 13;
  return m === 0 ? 0 : daysFromCivil(i < 13 ? 2001 : 2000, m, 1) - daysFromCivil(i < 13 ? 2001 : 2000, 1, 1);
});

/**
 * The day number of a date packed with packYmd (packDay's inverse): daysFromCivil of its year, month
 * and day, which is linear in the day, so a day past its month's end (or 0) reads as daysFromCivil
 * reads it. A month outside 1 to 12 or a year outside the table goes to daysFromCivil itself.
 */
export function dayOfPacked(ymd: number): number {
  const k = (ymd >> 9) - PACKED_FIRST_YEAR;
  const m = (ymd >> 5) & 15;
  if (k >= 0 && k < PACKED_YEARS && m >= 1 && m <= 12)
    return packedYearStart[k]! + packedMonthStart[packedYearLeap[k]! + m]! + (ymd & 31) - 1;
  return daysFromCivil(ymd >> 9, m, ymd & 31);
}

type IntColumn = Int32Array | Uint8Array | Uint16Array;

/** `a` with room for `n` rows (at least double its size when it grows), its rows kept. */
export function grown<T extends IntColumn | Uint32Array | Float64Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
  next.set(a);
  return next;
}

/** Makes room for `n` rows in every column of a group (a class whose fields are all columns). */
function growAll(group: object, n: number): void {
  const cols = group as Record<string, IntColumn>;
  for (const k of Object.keys(cols)) cols[k] = grown(cols[k]!, n);
}

/** The first `n` rows of a column, for the finished table. */
function trimmed<T extends IntColumn>(a: T, n: number): T {
  if (a.length === n) return a;
  // Little room left over (a table sized for what it holds): a view, not a copy.
  if ((a.length - n) * 8 <= a.length) return a.subarray(0, n) as T;
  return a.slice(0, n) as T;
}

const i32 = (n: number) => new Int32Array(n);
const u8 = (n: number) => new Uint8Array(n);
const u16 = (n: number) => new Uint16Array(n);

/** Interns strings (offense names, category lists) to small integers. */
class Interner {
  readonly list: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  id(s: string | undefined): number {
    if (!s) return 0;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

export interface CaseTable extends CaseIds {
  readonly length: number;
  readonly age: Uint8Array;
  /**
   * The most the age may be: equal to `age` unless the age is known only as a range. When no case's
   * age is a range it is the `age` array itself (see "Columns that repeat another" below).
   */
  readonly ageHi: Uint8Array;
  /** Facts each case's records don't carry (unknown-facts.ts bits). */
  readonly unknown: Uint16Array;
  /** The facility that received each detainer: a string id (0: none given). */
  readonly facility: Int32Array;
  /**
   * True when any case leaves a fact unknown (including a range of ages, an offense of unknown class,
   * an undated conviction or one recorded from a second source): decisions then take the path that
   * reasons about what is unknown. False for every table of fully known cases.
   */
  readonly hasUnknown: boolean;
  readonly flags: Uint8Array;
  readonly records: Uint8Array;
  /**
   * Minutes since 1970-01-01T00:00, local time. When every case's release (request) time is its
   * booking's, as in ICE's records, release (issued, issuedYmd and issuedDay) are the booking's arrays
   * themselves.
   */
  readonly booked: Int32Array;
  readonly release: Int32Array;
  readonly issued: Int32Array;
  /** Request and arrest dates, packed (packYmd) and as day numbers. */
  readonly issuedYmd: Int32Array;
  readonly bookedYmd: Int32Array;
  readonly issuedDay: Int32Array;
  /** The detainer's form, as a DETAINER_FORMS index (named by the case, else the form in use on the request's date). */
  readonly detainerForm: Uint8Array;
  readonly bookedDay: Int32Array;
  /** Convictions of case i are rows convStart[i] .. convStart[i + 1] - 1. */
  readonly convStart: Int32Array;
  /**
   * Per case, every class bit and every category bit of its convictions, and of its charges (OR over
   * the rows): a case none of whose rows has a bit a test asks for fails it without reading the rows.
   */
  readonly convClsAny: Uint8Array;
  readonly convCatsAny: Int32Array;
  readonly chargeClsAny: Uint8Array;
  readonly chargeCatsAny: Int32Array;
  readonly convCls: Uint8Array;
  readonly convDegree: Uint16Array;
  readonly convCats: Int32Array;
  readonly convFlags: Uint8Array;
  /**
   * Conviction, release, and the later of the two: packed dates and day numbers. The later of the two
   * is the release's whenever a conviction's release is not before it (a release the records don't
   * give counts as the conviction's day): when that holds for every conviction, convLaterYmd and
   * convLaterDay are the convRelYmd and convRelDay arrays themselves.
   */
  readonly convOnYmd: Int32Array;
  readonly convRelYmd: Int32Array;
  readonly convLaterYmd: Int32Array;
  readonly convOnDay: Int32Array;
  readonly convRelDay: Int32Array;
  readonly convLaterDay: Int32Array;
  /**
   * Days incarcerated on the case's convictions dated strictly after this one (a conviction the same
   * day is not later; one whose date is unknown is left out): on adult convictions only, and on adult
   * convictions and juvenile adjudications. And the days incarcerated on this conviction alone.
   * When no count with juvenile adjudications differs from the adult one, convIncLaterJuv is the
   * convIncLater array itself.
   */
  readonly convIncLater: Int32Array;
  readonly convIncLaterJuv: Int32Array;
  readonly convIncDays: Int32Array;
  readonly convHasRelease: Uint8Array;
  readonly convOffense: Int32Array;
  readonly convCatList: Int32Array;
  /** Where each conviction's record comes from: a string id (0: the case's own list). */
  readonly convSource: Int32Array;
  readonly chargeStart: Int32Array;
  readonly chargeCls: Uint8Array;
  readonly chargeDegree: Uint16Array;
  readonly chargeCats: Int32Array;
  readonly chargeFlags: Uint8Array;
  readonly chargeOffense: Int32Array;
  readonly chargeCatList: Int32Array;
  readonly warrantStart: Int32Array;
  readonly warrantFlags: Uint8Array;
  readonly warrantJurisdiction: Uint8Array;
  /** Interned strings: offense names, category lists ("violent;serious"), facilities, sources. */
  readonly strings: readonly string[];
}

// Each column is a field of its own typed array type (not a wrapper holding any of three), so the
// builder's writes compile to plain stores: they are most of the cost of reading a million cases.
//
// Columns that repeat another: release (the booking time, unless some case's differs), issued,
// issuedYmd and issuedDay (the booking's, unless some request's time differs from its booking's: ICE's
// records give one time for both), ageHi (the age, unless some age is a range), convLaterYmd and
// convLaterDay (the release's, unless some release is before its conviction) and convIncLaterJuv
// (convIncLater, unless some juvenile adjudication's days count) hold, in most files, the same
// values as another column on every row. The builder writes such a column only from the first row
// where it differs (copying the other column's rows before it then), and the finished table gives the
// other array in its place. A column's rows are new memory the first time they are written, and on
// this machine that costs more than the stores: a million cases with a conviction each save 9 MB
// (some 2,200 pages). Readers see the same values either way.
//
// Columns derived from others (DERIVED_COLUMNS): bookedDay and issuedDay (the day of the booking's and
// the request's minutes), convOnDay, convRelDay and convLaterDay (the day numbers of the packed
// dates, whenever every row's day is its packed date's: the builder checks each row, and stores the
// day columns from the first row where one differs) and convIncLater and convIncLaterJuv (worked out
// from each case's conviction dates, flags and days incarcerated). An import does not write them:
// the table makes each the first time it is read (look-back windows that leave out time
// incarcerated, the reasoning about unknown facts and explanations read them), and keeps it. A million cases with a
// conviction each are written 24 MB (some 6,000 pages) fewer.

/** Per-case columns. */
class CaseColumns {
  age = new Uint8Array(0);
  ageHi = new Uint8Array(0);
  unknown = new Uint16Array(0);
  facility = new Int32Array(0);
  flags = new Uint8Array(0);
  records = new Uint8Array(0);
  booked = new Int32Array(0);
  release = new Int32Array(0);
  issued = new Int32Array(0);
  issuedYmd = new Int32Array(0);
  bookedYmd = new Int32Array(0);
  detainerForm = new Uint8Array(0);
  convStart = new Int32Array(0);
  chargeStart = new Int32Array(0);
  warrantStart = new Int32Array(0);
  convClsAny = new Uint8Array(0);
  convCatsAny = new Int32Array(0);
  chargeClsAny = new Uint8Array(0);
  chargeCatsAny = new Int32Array(0);
  idStart = new Int32Array(0);
  /** Makes room for `n` rows in every column. */
  grow(n: number): void {
    growAll(this, n);
  }
}

/** Conviction rows. */
class ConvictionColumns {
  cls = new Uint8Array(0);
  degree = new Uint16Array(0);
  cats = new Int32Array(0);
  flags = new Uint8Array(0);
  onYmd = new Int32Array(0);
  relYmd = new Int32Array(0);
  laterYmd = new Int32Array(0);
  incDays = new Int32Array(0);
  hasRelease = new Uint8Array(0);
  offense = new Int32Array(0);
  catList = new Int32Array(0);
  source = new Int32Array(0);
  /** Makes room for `n` rows in every column. */
  grow(n: number): void {
    growAll(this, n);
  }
}

/** Conviction rows' day numbers: grown and written only once they are stored (the builder's daysOwn). */
class ConvictionDayColumns {
  onDay = new Int32Array(0);
  relDay = new Int32Array(0);
  laterDay = new Int32Array(0);
  /** Makes room for `n` rows in every column. */
  grow(n: number): void {
    growAll(this, n);
  }
}

/** Charge rows. */
class ChargeColumns {
  cls = new Uint8Array(0);
  degree = new Uint16Array(0);
  cats = new Int32Array(0);
  flags = new Uint8Array(0);
  offense = new Int32Array(0);
  catList = new Int32Array(0);
  /** Makes room for `n` rows in every column. */
  grow(n: number): void {
    growAll(this, n);
  }
}

/** Warrant rows. */
class WarrantColumns {
  flags = new Uint8Array(0);
  jurisdiction = new Uint8Array(0);
  /** Makes room for `n` rows in every column. */
  grow(n: number): void {
    growAll(this, n);
  }
}

/** FNV-1a's 32-bit offset basis and prime (idHash). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** The 32-bit FNV-1a hash of an id's UTF-16 code units, for a reader finding repeated ids. */
export function idHashOf(id: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** idHashOf the id of case k of a table, worked out from its code units (no string made). */
export function idHashAt(t: CaseIds, k: number): number {
  const u = t.idUnits;
  const end = t.idStart[k + 1]!;
  let h = FNV_OFFSET;
  for (let i = t.idStart[k]!; i < end; i++) h = Math.imul(h ^ u[i]!, FNV_PRIME);
  return h >>> 0;
}

/**
 * idHashOf every case's id, written into out[0, cases): one pass over the table's code units when
 * the reading is done, rather than a hash kept per case as it is read (a million cases' 4 MB of new
 * memory, and a hash worked out for a case a later problem drops).
 */
export function idHashesInto(t: CaseIds, out: Uint32Array): void {
  const u = t.idUnits;
  const starts = t.idStart;
  const cases = starts.length - 1;
  let i = starts[0]!;
  for (let k = 0; k < cases; k++) {
    const end = starts[k + 1]!;
    let h = FNV_OFFSET;
    for (; i < end; i++) h = Math.imul(h ^ u[i]!, FNV_PRIME);
    out[k] = h >>> 0;
  }
}

/** The columns a table derives from others when first read (see "Columns derived from others"). */
export const DERIVED_COLUMNS = [
  'bookedDay',
  'issuedDay',
  'convOnDay',
  'convRelDay',
  'convLaterDay',
  'convIncLater',
  'convIncLaterJuv',
] as const satisfies ReadonlyArray<keyof CaseTable>;
type DerivedColumn = (typeof DERIVED_COLUMNS)[number];
/** A table's columns without the derived ones: what a builder writes. */
type StoredColumns = Omit<CaseTable, DerivedColumn>;
/** Derived columns a table was given stored (the conviction days, when some row's is not its packed date's). */
type StoredDerived = Partial<Record<DerivedColumn, Int32Array>>;

/** For each table made by withDerived, the derived columns it was given stored. */
const storedDerived = new WeakMap<CaseTable, StoredDerived>();

/** The day numbers of minutes since 1970 (each the day the minute falls in). */
function daysOfMinutes(minutes: Int32Array): Int32Array {
  const out = new Int32Array(minutes.length);
  for (let i = 0; i < minutes.length; i++) out[i] = Math.floor(minutes[i]! / MINUTES_PER_DAY);
  return out;
}

/** The day numbers of packed dates (dayOfPacked). */
function daysOfPacked(ymds: Int32Array): Int32Array {
  const out = new Int32Array(ymds.length);
  for (let j = 0; j < ymds.length; j++) out[j] = dayOfPacked(ymds[j]!);
  return out;
}

/**
 * For each conviction row, the days incarcerated on its case's convictions dated strictly after it
 * (of a known date; one the same day is not later): on adult convictions only, and on adult
 * convictions and juvenile adjudications. The second is the first array itself when no count differs.
 */
function laterIncarceration(t: CaseTable): { adult: Int32Array; all: Int32Array } {
  const rows = t.convFlags.length;
  const adult = new Int32Array(rows);
  let all: Int32Array | undefined;
  const start = t.convStart;
  const flags = t.convFlags;
  const inc = t.convIncDays;
  const onDay = t.convOnDay;
  // The table's length read once: a table with derived columns is an object of many properties, whose
  // reads in the loop's test cost a lookup each (about half this pass's time for a million cases).
  const cases = t.length;
  for (let i = 0; i < cases; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    // With fewer than two convictions none is later than another: the zeros stand.
    if (to - from < 2) continue;
    for (let a = from; a < to; a++) {
      let adultDays = 0;
      let allDays = 0;
      const on = onDay[a]!;
      for (let b = from; b < to; b++) {
        const f = flags[b]!;
        if (onDay[b]! <= on || (f & C_DATE_UNKNOWN) !== 0) continue;
        allDays += inc[b]!;
        if ((f & C_JUVENILE) === 0) adultDays += inc[b]!;
      }
      adult[a] = adultDays;
      if (all) all[a] = allDays;
      else if (allDays !== adultDays) {
        // The first count a juvenile adjudication changes: a column of its own from here on.
        all = new Int32Array(rows);
        all.set(adult.subarray(0, a));
        all[a] = allDays;
      }
    }
  }
  return { adult, all: all ?? adult };
}

/**
 * The table of the stored columns, whose derived columns are made the first time each is read and
 * kept (those in `stored` are given, and are plain properties). Each reads as any other column.
 */
function withDerived(stored: StoredDerived, columns: StoredColumns): CaseTable {
  const t = columns as CaseTable;
  const made: StoredDerived = { ...stored };
  const make = (key: Exclude<DerivedColumn, 'convIncLater' | 'convIncLaterJuv'>): Int32Array => {
    switch (key) {
      case 'bookedDay':
        return daysOfMinutes(t.booked);
      case 'issuedDay':
        return t.issued === t.booked ? column('bookedDay') : daysOfMinutes(t.issued);
      case 'convOnDay':
        return daysOfPacked(t.convOnYmd);
      case 'convRelDay':
        return daysOfPacked(t.convRelYmd);
      case 'convLaterDay':
        return t.convLaterYmd === t.convRelYmd ? column('convRelDay') : daysOfPacked(t.convLaterYmd);
    }
  };
  const column = (key: DerivedColumn): Int32Array => {
    let c = made[key];
    if (c === undefined) {
      if (key === 'convIncLater' || key === 'convIncLaterJuv') {
        // Both counts are made in one pass.
        const later = laterIncarceration(t);
        made.convIncLater = later.adult;
        made.convIncLaterJuv = later.all;
        c = made[key]!;
      } else c = made[key] = make(key);
    }
    return c;
  };
  for (const key of DERIVED_COLUMNS) {
    const given = stored[key];
    // A column given stored is a plain property, as the others are.
    Object.defineProperty(t, key, given ? { value: given, enumerable: true } : { get: () => column(key), enumerable: true });
  }
  storedDerived.set(t, stored);
  return t;
}

/** Appends prepared cases to growing columns; `finish()` gives the table. */
export class CaseTableBuilder {
  private n = 0;
  private nc = 0;
  private nh = 0;
  private nw = 0;
  /** Every case's id, as UTF-16 code units (bytes while they all fit); a case's own start is in the idStart column. */
  private idUnits: Uint8Array | Uint16Array = new Uint8Array(1024);
  private idLength = 0;
  private readonly strings = new Interner();
  private readonly c = new CaseColumns();
  private readonly conv = new ConvictionColumns();
  private readonly convDays = new ConvictionDayColumns();
  private readonly charge = new ChargeColumns();
  private readonly warrant = new WarrantColumns();
  private anyUnknown = false;
  /** Set from the first row where ageHi, the later dates or convIncLaterJuv differ from the column they repeat (see above). */
  private releaseOwn = false;
  private issuedOwn = false;
  private ageHiOwn = false;
  private laterOwn = false;
  /** Set from the first conviction whose day is not its packed date's (see "Columns derived from others"). */
  private daysOwn = false;
  /**
   * Rows each group's columns have room for, and code units idUnits has, kept as numbers: once a
   * stream has detached a buffer anywhere in the process, reading a typed array's length checks its
   * buffer, and these are compared for every row written.
   */
  private caseRoom = 0;
  private convRoom = 0;
  private chargeRoom = 0;
  private warrantRoom = 0;
  private idRoom = 1024;

  /** `room` (in cases) sizes the columns at the start; they double as they fill. */
  constructor(room = 16) {
    this.growCases(room + 1);
    this.growConvictions(room * 2);
    this.growCharges(room * 2);
    this.growWarrants(16);
  }

  private growCases(n: number): void {
    this.c.grow(n);
    this.caseRoom = this.c.age.length;
  }

  private growConvictions(n: number): void {
    this.conv.grow(n);
    this.convRoom = this.conv.cls.length;
    if (this.daysOwn) this.convDays.grow(this.convRoom);
  }

  private growCharges(n: number): void {
    this.charge.grow(n);
    this.chargeRoom = this.charge.cls.length;
  }

  private growWarrants(n: number): void {
    this.warrant.grow(n);
    this.warrantRoom = this.warrant.flags.length;
  }

  private growIds(n: number): void {
    this.idUnits = grown(this.idUnits, n);
    this.idRoom = this.idUnits.length;
  }

  get length(): number {
    return this.n;
  }

  add(p: PreparedCase): void {
    this.beginCase(
      p.age,
      (p.reqHold ? F_REQ_HOLD : 0) | (p.reqNotify ? F_REQ_NOTIFY : 0) | (p.judicial ? F_JUDICIAL : 0) | (p.admin ? F_ADMIN : 0),
      p.records,
      p.booked,
      packYmd(p.bookedY, p.bookedM, p.bookedD),
      p.release,
      p.issued,
      packYmd(p.issuedY, p.issuedM, p.issuedD),
      p.ageHi,
      p.unknown,
      this.strings.id(p.facility),
      p.source.detainer?.form ? DETAINER_FORMS.findIndex((f) => f.form === p.source.detainer.form) : -1,
    );
    this.setId(p.id);
    const srcConv = p.source.convictions ?? [];
    for (let k = 0; k < p.convictions.length; k++) {
      const v = p.convictions[k]!;
      const src = srcConv[k];
      const onYmd = packDay(v.convicted);
      const released = src?.releasedOn ? v.released : undefined;
      this.addConviction(
        v.cls,
        v.degreeBit,
        v.cats,
        this.strings.id(v.catNames.join(';')),
        this.strings.id(src?.offense),
        v.convicted,
        onYmd,
        released,
        released === undefined ? onYmd : released === v.convicted ? onYmd : packDay(released),
        src?.incarceratedDays ?? 0,
        (v.current ? C_CURRENT : 0) | (v.juvenile ? C_JUVENILE : 0) | v.unknown,
        this.strings.id(v.source),
      );
    }
    const srcCharges = p.source.currentCharges ?? [];
    for (let k = 0; k < p.charges.length; k++) {
      const h = p.charges[k]!;
      this.addCharge(
        h.cls,
        h.degreeBit,
        h.cats,
        this.strings.id(h.catNames.join(';')),
        this.strings.id(srcCharges[k]?.offense),
        (h.bondPosted ? H_BOND_POSTED : 0) |
          (h.bondable ? H_BONDABLE : 0) |
          (h.probableCause ? H_PROBABLE_CAUSE : 0) |
          (h.detailsUnknown ? H_DETAILS_UNKNOWN : 0),
      );
    }
    for (const w of p.warrants) this.addWarrant((w.criminal ? W_CRIMINAL : 0) | (w.felony ? W_FELONY : 0), w.jurisdiction);
    this.endCase();
  }

  /**
   * Makes room for `cases` cases in all, with convictions and charges in the proportion of the cases
   * written so far: a reader that can tell how many cases are coming saves the columns' doubling and
   * the final copy.
   */
  reserve(cases: number): void {
    const n = Math.max(this.n, 1);
    // Items in proportion, with room for the proportion's sampling error (three times 1/sqrt of the
    // items seen): 2,152 charges in a JSON file's first 1,705 cases said 1.262 a case, the file has
    // 1.303, and the charge columns were doubled near the end and copied again to trim them.
    const items = (seen: number) => Math.ceil((seen / n) * cases * (1 + 3 / Math.sqrt(seen + 1))) + 1;
    this.growIds(Math.ceil((this.idLength / n) * cases * 1.125) + 64);
    this.growCases(cases + 2);
    this.growConvictions(items(this.nc));
    this.growCharges(items(this.nh));
    this.growWarrants(items(this.nw));
  }

  /** The string id of an offense name or a category list ("violent;serious"), for the row methods. */
  stringId(s: string | undefined): number {
    return this.strings.id(s);
  }

  /**
   * Starts a case; its id is written next, with setId or setAsciiId. Times are minutes since 1970;
   * `...Ymd` are the calendar dates packed with packYmd. `ageHi` is the most the age may be, `unknown`
   * the facts the records don't carry (unknown-facts.ts), `facility` a string id (stringId).
   */
  beginCase(
    age: number,
    flags: number,
    records: number,
    booked: number,
    bookedYmd: number,
    release: number,
    issued: number,
    issuedYmd: number,
    ageHi = age,
    unknown = 0,
    facility = 0,
    form = -1,
  ): void {
    const i = this.n++;
    const c = this.c;
    if (this.caseRoom < i + 2) this.growCases(i + 2);
    c.idStart[i] = this.idLength;
    c.age[i] = age;
    if (this.ageHiOwn) c.ageHi[i] = ageHi;
    else if (ageHi !== age) {
      // The first age known only as a range: ageHi is a column of its own from here on.
      this.ageHiOwn = true;
      c.ageHi.set(c.age.subarray(0, i));
      c.ageHi[i] = ageHi;
    }
    // Row i of every column is written here first (cases are only added, into columns that start
    // zeroed), so a zero needs no store: most cases of most files are all zero in these columns.
    if (unknown !== 0) c.unknown[i] = unknown;
    if (facility !== 0) c.facility[i] = facility;
    if (unknown !== 0 || ageHi !== age) this.anyUnknown = true;
    c.flags[i] = flags;
    c.records[i] = records;
    c.booked[i] = booked;
    c.bookedYmd[i] = bookedYmd;
    if (this.releaseOwn) c.release[i] = release;
    else if (release !== booked) {
      // The first release time that is not the booking's: release is a column of its own from here on.
      this.releaseOwn = true;
      c.release.set(c.booked.subarray(0, i));
      c.release[i] = release;
    }
    if (this.issuedOwn || issued !== booked || issuedYmd !== bookedYmd) {
      if (!this.issuedOwn) {
        // The first request time that is not the booking's: the request's columns are their own from here on.
        this.issuedOwn = true;
        c.issued.set(c.booked.subarray(0, i));
        c.issuedYmd.set(c.bookedYmd.subarray(0, i));
      }
      c.issued[i] = issued;
      c.issuedYmd[i] = issuedYmd;
    }
    // The request's day as the table gives it (issuedDay: the day of the minutes stored).
    c.detainerForm[i] =
      form >= 0 ? form : detainerFormIndexOn(Math.floor((this.issuedOwn ? c.issued[i]! : c.booked[i]!) / MINUTES_PER_DAY));
    c.convStart[i] = this.nc;
    c.chargeStart[i] = this.nh;
    c.warrantStart[i] = this.nw;
    // convClsAny, convCatsAny, chargeClsAny and chargeCatsAny start at zero (above) and gather the case's items.
  }

  /** The id of the case begun last. */
  setId(id: string): void {
    const at = this.idLength;
    if (this.idRoom < at + id.length) this.growIds(at + id.length);
    let out = this.idUnits;
    for (let k = 0; k < id.length; k++) {
      const u = id.charCodeAt(k);
      if (u > 0xff && out instanceof Uint8Array) {
        // The first unit past a byte: every id so far is widened to 16 bits.
        out = this.idUnits = Uint16Array.from(out);
      }
      out[at + k] = u;
    }
    this.idLength = at + id.length;
  }

  /** The id of the case begun last, as the ASCII bytes s[a, b) (a reader decodes any other text and calls setId). */
  setAsciiId(s: Uint8Array, a: number, b: number): void {
    const at = this.idLength;
    if (this.idRoom < at + (b - a)) this.growIds(at + (b - a));
    const out = this.idUnits;
    for (let k = a; k < b; k++) out[at + k - a] = s[k]!;
    this.idLength = at + (b - a);
  }

  /**
   * Adds a conviction to the case begun last; days are day numbers, `...Ymd` packed dates. `cls` has
   * every bit the class may be; `flags` may mark unknown facts (C_DATE_UNKNOWN ...); `source` is a
   * string id (0: the case's own list).
   */
  addConviction(
    cls: number,
    degreeBit: number,
    cats: number,
    catList: number,
    offense: number,
    onDay: number,
    onYmd: number,
    releasedDay: number | undefined,
    releasedYmd: number,
    incarceratedDays: number,
    flags: number,
    source = 0,
  ): void {
    const j = this.nc++;
    const v = this.conv;
    if (this.convRoom < j + 1) this.growConvictions(j + 1);
    const relDay = releasedDay ?? onDay;
    const relYmd = releasedDay === undefined ? onYmd : releasedYmd;
    v.cls[j] = cls;
    v.degree[j] = degreeBit;
    v.cats[j] = cats;
    v.flags[j] = flags;
    v.onYmd[j] = onYmd;
    v.relYmd[j] = relYmd;
    // The day columns are the packed dates' days (derived when read) while every row's are; compared
    // as the columns store them (a typed array's store is ToInt32, as `| 0` is).
    if (
      !this.daysOwn &&
      (dayOfPacked(onYmd | 0) !== (onDay | 0) || (releasedDay !== undefined && dayOfPacked(relYmd | 0) !== (relDay | 0)))
    ) {
      // The first day that is not its packed date's: the day columns are stored from here on.
      this.daysOwn = true;
      this.convDays.grow(this.convRoom);
      const d = this.convDays;
      for (let k = 0; k < j; k++) {
        d.onDay[k] = dayOfPacked(v.onYmd[k]!);
        d.relDay[k] = dayOfPacked(v.relYmd[k]!);
        if (this.laterOwn) d.laterDay[k] = dayOfPacked(v.laterYmd[k]!);
      }
    }
    const days = this.convDays;
    if (this.daysOwn) {
      days.onDay[j] = onDay;
      days.relDay[j] = relDay;
    }
    const laterDay = relDay > onDay ? relDay : onDay;
    const laterYmd = relDay > onDay ? relYmd : onYmd;
    if (this.laterOwn || laterDay !== relDay || laterYmd !== relYmd) {
      if (!this.laterOwn) {
        // The first release before its conviction: the later dates are columns of their own from here on.
        this.laterOwn = true;
        if (this.daysOwn) days.laterDay.set(days.relDay.subarray(0, j));
        v.laterYmd.set(v.relYmd.subarray(0, j));
      }
      if (this.daysOwn) days.laterDay[j] = laterDay;
      v.laterYmd[j] = laterYmd;
    }
    v.incDays[j] = incarceratedDays;
    v.hasRelease[j] = releasedDay === undefined ? 0 : 1;
    v.offense[j] = offense;
    v.catList[j] = catList;
    if (source !== 0) v.source[j] = source;
    const c = this.c;
    c.convClsAny[this.n - 1]! |= cls;
    c.convCatsAny[this.n - 1]! |= cats;
    if (source !== 0 || (flags & (C_DATE_UNKNOWN | C_RELEASE_UNKNOWN | C_CURRENT_UNKNOWN)) !== 0 || (cls & (cls - 1)) !== 0)
      this.anyUnknown = true;
  }

  /** Adds a charge to the case begun last; `cls` has every bit the class may be. */
  addCharge(cls: number, degreeBit: number, cats: number, catList: number, offense: number, flags: number): void {
    const j = this.nh++;
    const h = this.charge;
    if (this.chargeRoom < j + 1) this.growCharges(j + 1);
    h.cls[j] = cls;
    h.degree[j] = degreeBit;
    h.cats[j] = cats;
    h.flags[j] = flags;
    h.offense[j] = offense;
    h.catList[j] = catList;
    const c = this.c;
    c.chargeClsAny[this.n - 1]! |= cls;
    c.chargeCatsAny[this.n - 1]! |= cats;
    if ((flags & H_DETAILS_UNKNOWN) !== 0 || (cls & (cls - 1)) !== 0) this.anyUnknown = true;
  }

  addWarrant(flags: number, jurisdiction: number): void {
    const j = this.nw++;
    const w = this.warrant;
    if (this.warrantRoom < j + 1) this.growWarrants(j + 1);
    w.flags[j] = flags;
    w.jurisdiction[j] = jurisdiction;
  }

  /**
   * Ends the case begun last. (The days incarcerated on each conviction's later ones, convIncLater
   * and convIncLaterJuv, are worked out when the table is first asked for them.)
   */
  endCase(): void {
    // Nothing is left to write: the case's rows are whole.
  }

  finish(): CaseTable {
    const n = this.n;
    const c = this.c;
    c.idStart[n] = this.idLength;
    c.convStart[n] = this.nc;
    c.chargeStart[n] = this.nh;
    c.warrantStart[n] = this.nw;
    const v = this.conv;
    const h = this.charge;
    const age = trimmed(c.age, n);
    const booked = trimmed(c.booked, n);
    const bookedYmd = trimmed(c.bookedYmd, n);
    const convRelYmd = trimmed(v.relYmd, this.nc);
    const d = this.convDays;
    const convRelDay = this.daysOwn ? trimmed(d.relDay, this.nc) : undefined;
    const stored: StoredDerived = this.daysOwn
      ? {
          convOnDay: trimmed(d.onDay, this.nc),
          convRelDay,
          convLaterDay: this.laterOwn ? trimmed(d.laterDay, this.nc) : convRelDay,
        }
      : {};
    return withDerived(stored, {
      length: n,
      idUnits: trimmed(this.idUnits, this.idLength),
      idStart: trimmed(c.idStart, n + 1),
      age,
      ageHi: this.ageHiOwn ? trimmed(c.ageHi, n) : age,
      unknown: trimmed(c.unknown, n),
      facility: trimmed(c.facility, n),
      hasUnknown: this.anyUnknown,
      flags: trimmed(c.flags, n),
      records: trimmed(c.records, n),
      booked,
      release: this.releaseOwn ? trimmed(c.release, n) : booked,
      issued: this.issuedOwn ? trimmed(c.issued, n) : booked,
      issuedYmd: this.issuedOwn ? trimmed(c.issuedYmd, n) : bookedYmd,
      bookedYmd,
      detainerForm: trimmed(c.detainerForm, n),
      convStart: trimmed(c.convStart, n + 1),
      chargeStart: trimmed(c.chargeStart, n + 1),
      warrantStart: trimmed(c.warrantStart, n + 1),
      convClsAny: trimmed(c.convClsAny, n),
      convCatsAny: trimmed(c.convCatsAny, n),
      chargeClsAny: trimmed(c.chargeClsAny, n),
      chargeCatsAny: trimmed(c.chargeCatsAny, n),
      convCls: trimmed(v.cls, this.nc),
      convDegree: trimmed(v.degree, this.nc),
      convCats: trimmed(v.cats, this.nc),
      convFlags: trimmed(v.flags, this.nc),
      convOnYmd: trimmed(v.onYmd, this.nc),
      convRelYmd,
      convLaterYmd: this.laterOwn ? trimmed(v.laterYmd, this.nc) : convRelYmd,
      convIncDays: trimmed(v.incDays, this.nc),
      convHasRelease: trimmed(v.hasRelease, this.nc),
      convOffense: trimmed(v.offense, this.nc),
      convCatList: trimmed(v.catList, this.nc),
      convSource: trimmed(v.source, this.nc),
      chargeCls: trimmed(h.cls, this.nh),
      chargeDegree: trimmed(h.degree, this.nh),
      chargeCats: trimmed(h.cats, this.nh),
      chargeFlags: trimmed(h.flags, this.nh),
      chargeOffense: trimmed(h.offense, this.nh),
      chargeCatList: trimmed(h.catList, this.nh),
      warrantFlags: trimmed(this.warrant.flags, this.nw),
      warrantJurisdiction: trimmed(this.warrant.jurisdiction, this.nw),
      strings: this.strings.list,
    });
  }
}

/** The table without the rows where `keep[i]` is 0: columns copied in one pass, no objects per case. */
export function keepRows(t: CaseTable, keep: Uint8Array): CaseTable {
  const rows: number[] = [];
  for (let i = 0; i < t.length; i++) if (keep[i]) rows.push(i);
  if (rows.length === t.length) return t;
  const pick = <T extends Int32Array | Uint8Array | Uint16Array>(col: T, make: (n: number) => T): T => {
    const out = make(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = col[rows[k]!]!;
    return out;
  };
  // Nested rows (convictions, charges, warrants): the kept cases' ranges, and new starts.
  const ranges = (start: Int32Array) => {
    const starts = new Int32Array(rows.length + 1);
    const from: number[] = [];
    let n = 0;
    rows.forEach((i, k) => {
      starts[k] = n;
      for (let j = start[i]!; j < start[i + 1]!; j++) from.push(j);
      n += start[i + 1]! - start[i]!;
    });
    starts[rows.length] = n;
    return { starts, from };
  };
  const take = <T extends Int32Array | Uint8Array | Uint16Array>(col: T, from: number[], make: (n: number) => T): T => {
    const out = make(from.length);
    for (let k = 0; k < from.length; k++) out[k] = col[from[k]!]!;
    return out;
  };
  const cv = ranges(t.convStart);
  const ch = ranges(t.chargeStart);
  const wr = ranges(t.warrantStart);
  const idStart = new Int32Array(rows.length + 1);
  for (let k = 0; k < rows.length; k++) idStart[k + 1] = idStart[k]! + t.idStart[rows[k]! + 1]! - t.idStart[rows[k]!]!;
  const idUnits = new Uint16Array(idStart[rows.length]!);
  for (let k = 0; k < rows.length; k++) idUnits.set(t.idUnits.subarray(t.idStart[rows[k]!]!, t.idStart[rows[k]! + 1]!), idStart[k]!);
  // A column that is another's array (CaseTableBuilder's columns that repeat another) stays so.
  const age = pick(t.age, u8);
  const booked = pick(t.booked, i32);
  const bookedYmd = pick(t.bookedYmd, i32);
  const convRelYmd = take(t.convRelYmd, cv.from, i32);
  // Derived columns the table was given stored are kept so; the others are derived again, from the
  // kept rows (each case's are worked out from its own rows alone).
  const given = storedDerived.get(t) ?? {};
  const convRelDay = given.convRelDay && take(given.convRelDay, cv.from, i32);
  const stored: StoredDerived = {};
  if (given.convOnDay) stored.convOnDay = take(given.convOnDay, cv.from, i32);
  if (convRelDay) stored.convRelDay = convRelDay;
  if (given.convLaterDay)
    stored.convLaterDay = given.convLaterDay === given.convRelDay ? convRelDay : take(given.convLaterDay, cv.from, i32);
  return withDerived(stored, {
    length: rows.length,
    idUnits,
    idStart,
    age,
    ageHi: t.ageHi === t.age ? age : pick(t.ageHi, u8),
    unknown: pick(t.unknown, u16),
    facility: pick(t.facility, i32),
    hasUnknown: t.hasUnknown,
    flags: pick(t.flags, u8),
    records: pick(t.records, u8),
    booked,
    release: t.release === t.booked ? booked : pick(t.release, i32),
    issued: t.issued === t.booked ? booked : pick(t.issued, i32),
    issuedYmd: t.issuedYmd === t.bookedYmd ? bookedYmd : pick(t.issuedYmd, i32),
    bookedYmd,
    detainerForm: pick(t.detainerForm, u8),
    convStart: cv.starts,
    chargeStart: ch.starts,
    warrantStart: wr.starts,
    convClsAny: pick(t.convClsAny, u8),
    convCatsAny: pick(t.convCatsAny, i32),
    chargeClsAny: pick(t.chargeClsAny, u8),
    chargeCatsAny: pick(t.chargeCatsAny, i32),
    convCls: take(t.convCls, cv.from, u8),
    convDegree: take(t.convDegree, cv.from, u16),
    convCats: take(t.convCats, cv.from, i32),
    convFlags: take(t.convFlags, cv.from, u8),
    convOnYmd: take(t.convOnYmd, cv.from, i32),
    convRelYmd,
    convLaterYmd: t.convLaterYmd === t.convRelYmd ? convRelYmd : take(t.convLaterYmd, cv.from, i32),
    convIncDays: take(t.convIncDays, cv.from, i32),
    convHasRelease: take(t.convHasRelease, cv.from, u8),
    convOffense: take(t.convOffense, cv.from, i32),
    convCatList: take(t.convCatList, cv.from, i32),
    convSource: take(t.convSource, cv.from, i32),
    chargeCls: take(t.chargeCls, ch.from, u8),
    chargeDegree: take(t.chargeDegree, ch.from, u16),
    chargeCats: take(t.chargeCats, ch.from, i32),
    chargeFlags: take(t.chargeFlags, ch.from, u8),
    chargeOffense: take(t.chargeOffense, ch.from, i32),
    chargeCatList: take(t.chargeCatList, ch.from, i32),
    warrantFlags: take(t.warrantFlags, wr.from, u8),
    warrantJurisdiction: take(t.warrantJurisdiction, wr.from, u8),
    strings: t.strings,
  });
}

/** How many tables `caseTable` built (for tests of how often the analysis builds one for a few cases). */
export const caseTablesBuilt = { count: 0 };

export function caseTable(cases: Iterable<PreparedCase>): CaseTable {
  caseTablesBuilt.count++;
  const b = new CaseTableBuilder(Array.isArray(cases) ? cases.length + 1 : 16);
  for (const c of cases) b.add(c);
  return b.finish();
}

// ---- reading rows back ----

/** The class of an offense known exactly, by its bit. */
export const CLASS_BY_BIT_NAMES: Readonly<Record<number, OffenseClass>> = {
  [CLASS_BITS.felony]: 'felony',
  [CLASS_BITS.misdemeanor]: 'misdemeanor',
  [CLASS_BITS.infraction]: 'infraction',
};

const CLASS_BY_BIT = CLASS_BY_BIT_NAMES;
const JURISDICTION_BY_BIT = Object.fromEntries(Object.entries(JURISDICTION_BITS).map(([k, v]) => [v, k])) as Record<
  number,
  WarrantJurisdiction
>;

export function degreeOf(bit: number): number | undefined {
  return bit ? 31 - Math.clz32(bit) : undefined;
}

function categoriesOf(t: CaseTable, listId: number): string[] {
  const s = t.strings[listId] ?? '';
  return s ? s.split(';') : [];
}

/** An offense's class in the contract: one class, or unknown with the classes it may be. */
function classFields(bits: number): { class?: OffenseClass; classes?: OffenseClass[]; unknownClass: boolean } {
  const one = CLASS_BY_BIT[bits];
  if (one) return { class: one, unknownClass: false };
  if (bits === ANY_CLASS || bits === 0) return { unknownClass: true };
  return { classes: (['felony', 'misdemeanor', 'infraction'] as const).filter((c) => bits & CLASS_BITS[c]), unknownClass: true };
}

/** Case row i as a booking case in the contract format. */
export function bookingCaseAt(t: CaseTable, i: number): BookingCase {
  const f = t.flags[i]!;
  const u = t.unknown[i]!;
  const unknown = unknownFacts(u);
  const isUnknown = (fact: string) => unknown.includes(fact as (typeof unknown)[number]);
  const requests: Array<'hold' | 'notify'> = [];
  if (!isUnknown('requests')) {
    if (f & F_REQ_HOLD) requests.push('hold');
    if (f & F_REQ_NOTIFY) requests.push('notify');
  }
  const detainer: BookingCase['detainer'] = { requests, issuedAt: formatDateTime(t.issued[i]!) };
  if (!isUnknown('judicialWarrant')) detainer.judicialWarrant = (f & F_JUDICIAL) !== 0;
  if (!isUnknown('administrativeWarrant')) detainer.administrativeWarrant = (f & F_ADMIN) !== 0;
  const bc: BookingCase = {
    id: caseId(t, i),
    age: t.age[i]!,
    ...(t.ageHi[i] !== t.age[i] ? { ageAtMost: t.ageHi[i]! } : {}),
    ...(isUnknown('bookedAt') ? {} : { bookedAt: formatDateTime(t.booked[i]!) }),
    ...(isUnknown('eligibleForReleaseAt') ? {} : { eligibleForReleaseAt: formatDateTime(t.release[i]!) }),
    ...(t.facility[i] ? { facility: t.strings[t.facility[i]!]! } : {}),
    detainer,
  };
  const charges: ChargeRecord[] = [];
  for (let j = t.chargeStart[i]!; j < t.chargeStart[i + 1]!; j++) {
    const hf = t.chargeFlags[j]!;
    const cls = classFields(t.chargeCls[j]!);
    const details = (hf & H_DETAILS_UNKNOWN) !== 0;
    const unknownHere: ChargeUnknown[] = [
      ...(cls.unknownClass ? (['class'] as const) : []),
      ...(details ? (['bondPosted', 'bondable', 'probableCauseFinding'] as const) : []),
    ];
    charges.push({
      ...(t.chargeOffense[j] ? { offense: t.strings[t.chargeOffense[j]!]! } : {}),
      ...(cls.class ? { class: cls.class } : {}),
      ...(cls.classes ? { classes: cls.classes } : {}),
      ...(t.chargeDegree[j] ? { degree: degreeOf(t.chargeDegree[j]!)! } : {}),
      categories: categoriesOf(t, t.chargeCatList[j]!),
      ...(details
        ? {}
        : {
            bondPosted: (hf & H_BOND_POSTED) !== 0,
            bondable: (hf & H_BONDABLE) !== 0,
            probableCauseFinding: (hf & H_PROBABLE_CAUSE) !== 0,
          }),
      ...(unknownHere.length ? { unknown: unknownHere } : {}),
    });
  }
  if (charges.length) bc.currentCharges = charges;
  const convictions: ConvictionRecord[] = [];
  for (let j = t.convStart[i]!; j < t.convStart[i + 1]!; j++) {
    const cf = t.convFlags[j]!;
    const cls = classFields(t.convCls[j]!);
    const unknownHere: ConvictionUnknown[] = [
      ...(cls.unknownClass ? (['class'] as const) : []),
      ...(cf & C_DATE_UNKNOWN ? (['convictedOn'] as const) : []),
      ...(cf & C_RELEASE_UNKNOWN ? (['releasedOn'] as const) : []),
      ...(cf & C_CURRENT_UNKNOWN ? (['current'] as const) : []),
    ];
    convictions.push({
      ...(t.convOffense[j] ? { offense: t.strings[t.convOffense[j]!]! } : {}),
      ...(cls.class ? { class: cls.class } : {}),
      ...(cls.classes ? { classes: cls.classes } : {}),
      ...(t.convDegree[j] ? { degree: degreeOf(t.convDegree[j]!)! } : {}),
      categories: categoriesOf(t, t.convCatList[j]!),
      ...(cf & C_DATE_UNKNOWN ? {} : { convictedOn: formatDate(t.convOnDay[j]!) }),
      ...(t.convHasRelease[j] ? { releasedOn: formatDate(t.convRelDay[j]!) } : {}),
      ...(t.convIncDays[j] ? { incarceratedDays: t.convIncDays[j]! } : {}),
      ...(cf & C_CURRENT ? { current: true } : {}),
      ...(cf & C_JUVENILE ? { juvenile: true } : {}),
      ...(unknownHere.length ? { unknown: unknownHere } : {}),
      ...(t.convSource[j] ? { source: t.strings[t.convSource[j]!]! } : {}),
    });
  }
  if (convictions.length) bc.convictions = convictions;
  const warrants = [];
  for (let j = t.warrantStart[i]!; j < t.warrantStart[i + 1]!; j++) {
    const wf = t.warrantFlags[j]!;
    const jur = JURISDICTION_BY_BIT[t.warrantJurisdiction[j]!];
    warrants.push({
      kind: wf & W_CRIMINAL ? ('criminal' as const) : ('civil' as const),
      ...(jur ? { jurisdiction: jur } : {}),
      felony: (wf & W_FELONY) !== 0,
    });
  }
  if (warrants.length) bc.warrants = warrants;
  const records: Partial<Record<RecordKey, boolean>> = {};
  for (const k of RECORD_KEYS) {
    if (u & (RECORD_BITS[k] << U_RECORD_SHIFT)) continue;
    if (t.records[i]! & RECORD_BITS[k]) records[k] = true;
  }
  if (Object.keys(records).length) bc.records = records;
  if (unknown.length) bc.unknown = unknown;
  return bc;
}

/**
 * "robbery (2nd-degree felony; violent, serious)" for conviction row j; with no offense in the records,
 * its class leads: "2nd-degree felony (violent, serious)".
 */
export function describeConviction(t: CaseTable, j: number): string {
  const name = t.strings[t.convOffense[j]!];
  const cats = categoriesOf(t, t.convCatList[j]!);
  if (!name) return `${degreeWords(t.convDegree[j]!)}${classWords(t.convCls[j]!)}${cats.length ? ` (${cats.join(', ')})` : ''}`;
  return describeOffense(name, t.convCls[j]!, t.convDegree[j]!, cats);
}

export function describeCharge(t: CaseTable, j: number): string {
  return describeOffense(t.strings[t.chargeOffense[j]!], t.chargeCls[j]!, t.chargeDegree[j]!, categoriesOf(t, t.chargeCatList[j]!));
}

/** "felony", or for a class not known exactly "class not in the records" / "misdemeanor or infraction". */
export function classWords(bits: number): string {
  const one = CLASS_BY_BIT[bits];
  if (one) return one;
  if (bits === ANY_CLASS || bits === 0) return 'class not in the records';
  return (['felony', 'misdemeanor', 'infraction'] as const).filter((c) => bits & CLASS_BITS[c]).join(' or ');
}

const ORD = ['', '1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th'];

/** "2nd-degree " for a recorded degree, else nothing. */
function degreeWords(degreeBit: number): string {
  const d = degreeOf(degreeBit);
  return d ? `${ORD[d] ?? d}-degree ` : '';
}

/** A charge follows the word "charge", so with no offense its class stays in brackets: "charge (felony)". */
function describeOffense(name: string | undefined, cls: number, degreeBit: number, cats: string[]): string {
  return `${name ? `${name} ` : ''}(${degreeWords(degreeBit)}${classWords(cls)}${cats.length ? `; ${cats.join(', ')}` : ''})`;
}

export function requestWords(t: CaseTable, i: number): string {
  const f = t.flags[i]!;
  const r = [f & F_REQ_HOLD ? 'hold' : '', f & F_REQ_NOTIFY ? 'notify' : ''].filter(Boolean).join(', ');
  return r || 'nothing';
}

export { MINUTES_PER_DAY };
