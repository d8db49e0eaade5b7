// Booking cases in columns: one typed array per fact, convictions, charges and warrants in flat
// arrays with per-case offsets. Evaluation walks memory in order instead of chasing object
// pointers, which is what lets a compiled policy decide millions of cases a second.

import type { BookingCase, OffenseClass, RecordKey, WarrantJurisdiction } from './model';
import { RECORD_KEYS } from './model';
import { CLASS_BITS, JURISDICTION_BITS, RECORD_BITS, type PreparedCase } from './prepared';
import { civilFromDays, formatDate, formatDateTime, MINUTES_PER_DAY } from './time';

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
  const { y, m, d } = civilFromDays(days);
  return packYmd(y, m, d);
}
export const YEAR_IN_PACKED = 512;

class Column<T extends Int32Array | Uint8Array | Uint16Array> {
  data: T;
  constructor(
    private readonly make: (n: number) => T,
    capacity: number,
  ) {
    this.data = make(capacity);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    const next = this.make(Math.max(n, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
  trim(n: number): T {
    return this.data.length === n ? this.data : (this.data.slice(0, n) as T);
  }
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

export interface CaseTable {
  readonly length: number;
  readonly ids: readonly string[];
  readonly age: Uint8Array;
  readonly flags: Uint8Array;
  readonly records: Uint8Array;
  /** Minutes since 1970-01-01T00:00, local time. */
  readonly booked: Int32Array;
  readonly release: Int32Array;
  readonly issued: Int32Array;
  /** Request and arrest dates, packed (packYmd) and as day numbers. */
  readonly issuedYmd: Int32Array;
  readonly bookedYmd: Int32Array;
  readonly issuedDay: Int32Array;
  readonly bookedDay: Int32Array;
  /** Convictions of case i are rows convStart[i] .. convStart[i + 1] - 1. */
  readonly convStart: Int32Array;
  readonly convCls: Uint8Array;
  readonly convDegree: Uint16Array;
  readonly convCats: Int32Array;
  readonly convFlags: Uint8Array;
  /** Conviction, release, and the later of the two: packed dates and day numbers. */
  readonly convOnYmd: Int32Array;
  readonly convRelYmd: Int32Array;
  readonly convLaterYmd: Int32Array;
  readonly convOnDay: Int32Array;
  readonly convRelDay: Int32Array;
  readonly convLaterDay: Int32Array;
  /** Days incarcerated on this conviction and every later one; and on this one alone. */
  readonly convIncSince: Int32Array;
  readonly convIncDays: Int32Array;
  readonly convHasRelease: Uint8Array;
  readonly convOffense: Int32Array;
  readonly convCatList: Int32Array;
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
  /** Interned strings: offense names and category lists ("violent;serious"). */
  readonly strings: readonly string[];
}

/** Appends prepared cases to growing columns; `finish()` gives the table. */
export class CaseTableBuilder {
  private n = 0;
  private nc = 0;
  private nh = 0;
  private nw = 0;
  private readonly ids: string[] = [];
  private readonly strings = new Interner();
  private readonly c = {
    age: new Column(u8, 1024),
    flags: new Column(u8, 1024),
    records: new Column(u8, 1024),
    booked: new Column(i32, 1024),
    release: new Column(i32, 1024),
    issued: new Column(i32, 1024),
    issuedYmd: new Column(i32, 1024),
    bookedYmd: new Column(i32, 1024),
    issuedDay: new Column(i32, 1024),
    bookedDay: new Column(i32, 1024),
    convStart: new Column(i32, 1025),
    chargeStart: new Column(i32, 1025),
    warrantStart: new Column(i32, 1025),
  };
  private readonly conv = {
    cls: new Column(u8, 1024),
    degree: new Column(u16, 1024),
    cats: new Column(i32, 1024),
    flags: new Column(u8, 1024),
    onYmd: new Column(i32, 1024),
    relYmd: new Column(i32, 1024),
    laterYmd: new Column(i32, 1024),
    onDay: new Column(i32, 1024),
    relDay: new Column(i32, 1024),
    laterDay: new Column(i32, 1024),
    incSince: new Column(i32, 1024),
    incDays: new Column(i32, 1024),
    hasRelease: new Column(u8, 1024),
    offense: new Column(i32, 1024),
    catList: new Column(i32, 1024),
  };
  private readonly charge = {
    cls: new Column(u8, 1024),
    degree: new Column(u16, 1024),
    cats: new Column(i32, 1024),
    flags: new Column(u8, 1024),
    offense: new Column(i32, 1024),
    catList: new Column(i32, 1024),
  };
  private readonly warrant = { flags: new Column(u8, 256), jurisdiction: new Column(u8, 256) };

  get length(): number {
    return this.n;
  }

  add(p: PreparedCase): void {
    const i = this.n++;
    const c = this.c;
    for (const col of Object.values(c)) col.ensure(i + 2);
    this.ids.push(p.id);
    c.age.data[i] = p.age;
    c.flags.data[i] =
      (p.reqHold ? F_REQ_HOLD : 0) | (p.reqNotify ? F_REQ_NOTIFY : 0) | (p.judicial ? F_JUDICIAL : 0) | (p.admin ? F_ADMIN : 0);
    c.records.data[i] = p.records;
    c.booked.data[i] = p.booked;
    c.release.data[i] = p.release;
    c.issued.data[i] = p.issued;
    c.issuedYmd.data[i] = packYmd(p.issuedY, p.issuedM, p.issuedD);
    c.bookedYmd.data[i] = packYmd(p.bookedY, p.bookedM, p.bookedD);
    c.issuedDay.data[i] = p.issuedDay;
    c.bookedDay.data[i] = p.bookedDay;

    c.convStart.data[i] = this.nc;
    const srcConv = p.source.convictions ?? [];
    for (let k = 0; k < p.convictions.length; k++) {
      const v = p.convictions[k]!;
      const j = this.nc++;
      const col = this.conv;
      for (const x of Object.values(col)) x.ensure(j + 1);
      col.cls.data[j] = v.cls;
      col.degree.data[j] = v.degreeBit;
      col.cats.data[j] = v.cats;
      col.flags.data[j] = (v.current ? C_CURRENT : 0) | (v.juvenile ? C_JUVENILE : 0);
      col.onDay.data[j] = v.convicted;
      col.relDay.data[j] = v.released;
      col.laterDay.data[j] = v.later;
      col.onYmd.data[j] = packDay(v.convicted);
      col.relYmd.data[j] = v.released === v.convicted ? col.onYmd.data[j]! : packDay(v.released);
      col.laterYmd.data[j] = v.later === v.convicted ? col.onYmd.data[j]! : v.later === v.released ? col.relYmd.data[j]! : packDay(v.later);
      col.incSince.data[j] = v.incarceratedSince;
      col.incDays.data[j] = srcConv[k]?.incarceratedDays ?? 0;
      col.hasRelease.data[j] = srcConv[k]?.releasedOn ? 1 : 0;
      col.offense.data[j] = this.strings.id(srcConv[k]?.offense);
      col.catList.data[j] = this.strings.id(v.catNames.join(';'));
    }
    c.chargeStart.data[i] = this.nh;
    const srcCharges = p.source.currentCharges ?? [];
    for (let k = 0; k < p.charges.length; k++) {
      const h = p.charges[k]!;
      const j = this.nh++;
      const col = this.charge;
      for (const x of Object.values(col)) x.ensure(j + 1);
      col.cls.data[j] = h.cls;
      col.degree.data[j] = h.degreeBit;
      col.cats.data[j] = h.cats;
      col.flags.data[j] = (h.bondPosted ? H_BOND_POSTED : 0) | (h.bondable ? H_BONDABLE : 0) | (h.probableCause ? H_PROBABLE_CAUSE : 0);
      col.offense.data[j] = this.strings.id(srcCharges[k]?.offense);
      col.catList.data[j] = this.strings.id(h.catNames.join(';'));
    }
    c.warrantStart.data[i] = this.nw;
    for (const w of p.warrants) {
      const j = this.nw++;
      this.warrant.flags.ensure(j + 1);
      this.warrant.jurisdiction.ensure(j + 1);
      this.warrant.flags.data[j] = (w.criminal ? W_CRIMINAL : 0) | (w.felony ? W_FELONY : 0);
      this.warrant.jurisdiction.data[j] = w.jurisdiction;
    }
  }

  finish(): CaseTable {
    const n = this.n;
    const c = this.c;
    c.convStart.data[n] = this.nc;
    c.chargeStart.data[n] = this.nh;
    c.warrantStart.data[n] = this.nw;
    const v = this.conv;
    const h = this.charge;
    return {
      length: n,
      ids: this.ids,
      age: c.age.trim(n),
      flags: c.flags.trim(n),
      records: c.records.trim(n),
      booked: c.booked.trim(n),
      release: c.release.trim(n),
      issued: c.issued.trim(n),
      issuedYmd: c.issuedYmd.trim(n),
      bookedYmd: c.bookedYmd.trim(n),
      issuedDay: c.issuedDay.trim(n),
      bookedDay: c.bookedDay.trim(n),
      convStart: c.convStart.trim(n + 1),
      chargeStart: c.chargeStart.trim(n + 1),
      warrantStart: c.warrantStart.trim(n + 1),
      convCls: v.cls.trim(this.nc),
      convDegree: v.degree.trim(this.nc),
      convCats: v.cats.trim(this.nc),
      convFlags: v.flags.trim(this.nc),
      convOnYmd: v.onYmd.trim(this.nc),
      convRelYmd: v.relYmd.trim(this.nc),
      convLaterYmd: v.laterYmd.trim(this.nc),
      convOnDay: v.onDay.trim(this.nc),
      convRelDay: v.relDay.trim(this.nc),
      convLaterDay: v.laterDay.trim(this.nc),
      convIncSince: v.incSince.trim(this.nc),
      convIncDays: v.incDays.trim(this.nc),
      convHasRelease: v.hasRelease.trim(this.nc),
      convOffense: v.offense.trim(this.nc),
      convCatList: v.catList.trim(this.nc),
      chargeCls: h.cls.trim(this.nh),
      chargeDegree: h.degree.trim(this.nh),
      chargeCats: h.cats.trim(this.nh),
      chargeFlags: h.flags.trim(this.nh),
      chargeOffense: h.offense.trim(this.nh),
      chargeCatList: h.catList.trim(this.nh),
      warrantFlags: this.warrant.flags.trim(this.nw),
      warrantJurisdiction: this.warrant.jurisdiction.trim(this.nw),
      strings: this.strings.list,
    };
  }
}

export function caseTable(cases: Iterable<PreparedCase>): CaseTable {
  const b = new CaseTableBuilder();
  for (const c of cases) b.add(c);
  return b.finish();
}

// ---- reading rows back ----

const CLASS_BY_BIT: Record<number, OffenseClass> = {
  [CLASS_BITS.felony]: 'felony',
  [CLASS_BITS.misdemeanor]: 'misdemeanor',
  [CLASS_BITS.infraction]: 'infraction',
};
const JURISDICTION_BY_BIT = Object.fromEntries(Object.entries(JURISDICTION_BITS).map(([k, v]) => [v, k])) as Record<
  number,
  WarrantJurisdiction
>;

function degreeOf(bit: number): number | undefined {
  return bit ? 31 - Math.clz32(bit) : undefined;
}

function categoriesOf(t: CaseTable, listId: number): string[] {
  const s = t.strings[listId] ?? '';
  return s ? s.split(';') : [];
}

/** Case row i as a booking case in the contract format. */
export function bookingCaseAt(t: CaseTable, i: number): BookingCase {
  const f = t.flags[i]!;
  const requests: Array<'hold' | 'notify'> = [];
  if (f & F_REQ_HOLD) requests.push('hold');
  if (f & F_REQ_NOTIFY) requests.push('notify');
  const bc: BookingCase = {
    id: t.ids[i]!,
    age: t.age[i]!,
    bookedAt: formatDateTime(t.booked[i]!),
    eligibleForReleaseAt: formatDateTime(t.release[i]!),
    detainer: {
      requests,
      issuedAt: formatDateTime(t.issued[i]!),
      judicialWarrant: (f & F_JUDICIAL) !== 0,
      administrativeWarrant: (f & F_ADMIN) !== 0,
    },
  };
  const charges = [];
  for (let j = t.chargeStart[i]!; j < t.chargeStart[i + 1]!; j++) {
    const hf = t.chargeFlags[j]!;
    charges.push({
      ...(t.chargeOffense[j] ? { offense: t.strings[t.chargeOffense[j]!]! } : {}),
      class: CLASS_BY_BIT[t.chargeCls[j]!] ?? 'misdemeanor',
      ...(t.chargeDegree[j] ? { degree: degreeOf(t.chargeDegree[j]!)! } : {}),
      categories: categoriesOf(t, t.chargeCatList[j]!),
      bondPosted: (hf & H_BOND_POSTED) !== 0,
      bondable: (hf & H_BONDABLE) !== 0,
      probableCauseFinding: (hf & H_PROBABLE_CAUSE) !== 0,
    });
  }
  if (charges.length) bc.currentCharges = charges;
  const convictions = [];
  for (let j = t.convStart[i]!; j < t.convStart[i + 1]!; j++) {
    const cf = t.convFlags[j]!;
    convictions.push({
      ...(t.convOffense[j] ? { offense: t.strings[t.convOffense[j]!]! } : {}),
      class: CLASS_BY_BIT[t.convCls[j]!] ?? 'misdemeanor',
      ...(t.convDegree[j] ? { degree: degreeOf(t.convDegree[j]!)! } : {}),
      categories: categoriesOf(t, t.convCatList[j]!),
      convictedOn: formatDate(t.convOnDay[j]!),
      ...(t.convHasRelease[j] ? { releasedOn: formatDate(t.convRelDay[j]!) } : {}),
      ...(t.convIncDays[j] ? { incarceratedDays: t.convIncDays[j]! } : {}),
      ...(cf & C_CURRENT ? { current: true } : {}),
      ...(cf & C_JUVENILE ? { juvenile: true } : {}),
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
  for (const k of RECORD_KEYS) if (t.records[i]! & RECORD_BITS[k]) records[k] = true;
  if (Object.keys(records).length) bc.records = records;
  return bc;
}

/** "robbery (2nd-degree felony; violent, serious)" for conviction row j. */
export function describeConviction(t: CaseTable, j: number): string {
  return describeOffense(t.strings[t.convOffense[j]!], t.convCls[j]!, t.convDegree[j]!, categoriesOf(t, t.convCatList[j]!));
}

export function describeCharge(t: CaseTable, j: number): string {
  return describeOffense(t.strings[t.chargeOffense[j]!], t.chargeCls[j]!, t.chargeDegree[j]!, categoriesOf(t, t.chargeCatList[j]!));
}

const ORD = ['', '1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th'];

function describeOffense(name: string | undefined, cls: number, degreeBit: number, cats: string[]): string {
  const d = degreeOf(degreeBit);
  const degree = d ? `${ORD[d] ?? d}-degree ` : '';
  return `${name ? `${name} ` : ''}(${degree}${CLASS_BY_BIT[cls] ?? 'offense'}${cats.length ? `; ${cats.join(', ')}` : ''})`;
}

export function requestWords(t: CaseTable, i: number): string {
  const f = t.flags[i]!;
  const r = [f & F_REQ_HOLD ? 'hold' : '', f & F_REQ_NOTIFY ? 'notify' : ''].filter(Boolean).join(', ');
  return r || 'nothing';
}

export { MINUTES_PER_DAY };
