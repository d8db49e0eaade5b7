// Checks a booking case against the contract and prepares it for evaluation. Hand-written rather
// than schema-driven so that a million cases check in well under a second; tests keep it in step
// with policy-schemas/case.schema.json.

import { didYouMean } from './diagnostics';
import type { BookingCase, ChargeRecord, ConvictionRecord, OffenseClass, RecordKey, UnknownFact, WarrantRecord } from './model';
import { CHARGE_UNKNOWNS, CONVICTION_UNKNOWNS, RECORD_KEYS, UNKNOWN_FACTS, yesNoDefault } from './model';
import { ANY_CLASS, C_CURRENT_UNKNOWN, C_DATE_UNKNOWN, C_RELEASE_UNKNOWN } from './prepared';
import { unknownMask, U_BOOKED, U_RELEASE } from './unknown-facts';
import {
  fillIncarceratedLater,
  PreparedBooking,
  PreparedChargeRecord,
  PreparedConvictionRecord,
  PreparedWarrantRecord,
  REQUEST_HOLD,
  REQUEST_NOTIFY,
} from './import/compact';
import {
  CLASS_BITS,
  JURISDICTION_BITS,
  RECORD_BITS,
  categoryMask,
  type PreparedCase,
  type PreparedCharge,
  type PreparedWarrant,
} from './prepared';
import {
  formatDate,
  formatDateTime,
  MINUTES_PER_DAY,
  parseDate,
  parseDateTime,
  PAST_RECORD_DATES,
  RECORD_MINUTES_END,
  unrealDateProblem,
} from './time';
import {
  escapeUnsafe,
  invisibleCharacterIndex,
  invisibleCharacterProblem,
  unsafeCharacterIndex,
  unsafeCharacterProblem,
} from './text-safety';
import type { ColumnProblem } from './import/columns';

export interface CaseProblem {
  /** 0-based position of the case in the set. */
  index: number;
  id?: string;
  /** The field, as a path: `convictions[0].convictedOn`. */
  field: string;
  message: string;
  /** For CSV: the 1-based row in the file (the header is row 1). */
  row?: number;
  /** For JSON and YAML: where the field is in the file. */
  line?: number;
  column?: number;
  /** A CSV header's problem as data (`message` words it for the command line), for a reader that says it in its own words. */
  header?: ColumnProblem;
  /** Where `message` says how to mend the problem on the command line, for a reader that says it in its own words. */
  mend?: CaseMend;
}

/**
 * How a problem is mended, where each face says it its own way: `message` ends with the command line's
 * words for `kind` and then `after` more characters (the app's Map columns panel says its own way).
 */
export interface CaseMend {
  /** `one-row-per-charge`: read each run of rows with one id as one booking; `level-codes`: map the export's level codes. */
  kind: 'one-row-per-charge' | 'level-codes';
  after: number;
}

const CASE_KEYS = [
  'id',
  'age',
  'ageAtMost',
  'bookedAt',
  'eligibleForReleaseAt',
  'facility',
  'detainer',
  'currentCharges',
  'convictions',
  'warrants',
  'records',
  'unknown',
];
const DETAINER_KEYS = ['requests', 'issuedAt', 'judicialWarrant', 'administrativeWarrant', 'form'];
const DETAINER_FORM_NAMES = ['I-247', 'I-247D', 'I-247N', 'I-247A'] as const;
const CHARGE_KEYS = ['offense', 'class', 'degree', 'categories', 'bondPosted', 'bondable', 'probableCauseFinding', 'unknown', 'classes'];
const CONVICTION_KEYS = [
  'offense',
  'class',
  'degree',
  'categories',
  'convictedOn',
  'releasedOn',
  'incarceratedDays',
  'current',
  'juvenile',
  'unknown',
  'classes',
  'source',
];
const WARRANT_KEYS = ['kind', 'jurisdiction', 'felony'];
const CLASSES = Object.keys(CLASS_BITS);
const JURISDICTIONS = Object.keys(JURISDICTION_BITS);
const CATEGORY_RE = /^[a-z][a-z0-9-]*$/;

type Obj = Record<string, unknown>;

class Checker {
  problems: CaseProblem[] = [];
  constructor(
    readonly index: number,
    public id: string | undefined,
  ) {}

  fail(field: string, message: string): void {
    this.problems.push({ index: this.index, id: this.id, field, message });
  }

  object(value: unknown, field: string): Obj | undefined {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Obj;
    this.fail(field, `${field || 'the case'} must be a set of keys`);
    return undefined;
  }

  keys(obj: Obj, allowed: readonly string[], prefix: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const guess = didYouMean(key, allowed);
        this.fail(join(prefix, key), `unknown field${guess ? `; did you mean "${guess}"?` : ''}`);
      }
    }
  }

  bool(obj: Obj, key: string, prefix: string, fallback: boolean): boolean {
    const v = obj[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    this.fail(join(prefix, key), `must be true or false, not ${show(v)}`);
    return fallback;
  }

  integer(obj: Obj, key: string, prefix: string, min: number, max: number, required: boolean): number | undefined {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(prefix, key), `missing`);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.fail(join(prefix, key), `must be a whole number, not ${show(v)}`);
      return undefined;
    }
    if (v < min || v > max) {
      this.fail(join(prefix, key), `must be between ${min} and ${max}, not ${v}`);
      return undefined;
    }
    return v;
  }

  dateTime(obj: Obj, key: string, prefix: string, required: boolean): number {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(prefix, key), `missing`);
      return NaN;
    }
    const t = typeof v === 'string' ? parseDateTime(v) : NaN;
    if (Number.isNaN(t)) {
      // Written right but not a real day or time: say which (the path already names the field).
      const unreal = typeof v === 'string' ? unrealDateProblem(v, true) : undefined;
      this.fail(join(prefix, key), unreal ? `${show(v)} ${unreal}` : `must be a local date and time (YYYY-MM-DDTHH:MM), not ${show(v)}`);
    } else if (t >= RECORD_MINUTES_END) {
      this.fail(join(prefix, key), `${show(v)} ${PAST_RECORD_DATES}`);
      return NaN;
    }
    return t;
  }

  date(obj: Obj, key: string, prefix: string, required: boolean): number {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(prefix, key), `missing`);
      return NaN;
    }
    const t = typeof v === 'string' ? parseDate(v) : NaN;
    if (Number.isNaN(t)) {
      const unreal = typeof v === 'string' ? unrealDateProblem(v, false) : undefined;
      this.fail(join(prefix, key), unreal ? `${show(v)} ${unreal}` : `must be a date (YYYY-MM-DD), not ${show(v)}`);
    }
    return t;
  }

  list(obj: Obj, key: string, prefix: string): unknown[] {
    const v = obj[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.fail(join(prefix, key), `must be a list`);
    return [];
  }

  oneOf<T extends string>(obj: Obj, key: string, prefix: string, allowed: readonly string[], required: boolean): T | undefined {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(prefix, key), `missing`);
      return undefined;
    }
    if (typeof v === 'string' && allowed.includes(v)) return v as T;
    const guess = typeof v === 'string' ? didYouMean(v, allowed) : undefined;
    this.fail(join(prefix, key), `must be ${allowed.join(', ')}, not ${show(v)}${guess ? `; did you mean "${guess}"?` : ''}`);
    return undefined;
  }

  categories(obj: Obj, prefix: string): string[] {
    const list = this.list(obj, 'categories', prefix);
    const out: string[] = [];
    list.forEach((c, i) => {
      if (typeof c === 'string' && CATEGORY_RE.test(c)) out.push(c);
      else this.fail(`${join(prefix, 'categories')}[${i}]`, `a category is a lower-case tag such as "violent", not ${show(c)}`);
    });
    return out;
  }

  /** A list of fact names from `allowed`, each at most once. */
  unknowns<T extends string>(obj: Obj, prefix: string, allowed: readonly string[]): T[] {
    const out: T[] = [];
    this.list(obj, 'unknown', prefix).forEach((f, i) => {
      if (typeof f === 'string' && allowed.includes(f)) {
        if (out.includes(f as T)) this.fail(`${join(prefix, 'unknown')}[${i}]`, `"${f}" is listed twice`);
        else out.push(f as T);
        return;
      }
      const guess = typeof f === 'string' ? didYouMean(f, allowed) : undefined;
      this.fail(
        `${join(prefix, 'unknown')}[${i}]`,
        `${show(f)} is not a fact a case may leave unknown${guess ? `; did you mean "${guess}"?` : ''}`,
      );
    });
    return out;
  }

  /** A fact listed as unknown must not be given too. */
  notGiven(obj: Obj, key: string, prefix: string, listed: boolean, label = key): void {
    if (listed && obj[key] !== undefined && obj[key] !== null)
      this.fail(join(prefix, key), `"${label}" is given and also listed as unknown; give one or the other`);
  }

  /** The class of an offense: one class, or with `unknown: [class]` the bits of every class it may be (`classes`, or any). */
  offenseClass(obj: Obj, prefix: string, classUnknown: boolean): number {
    if (!classUnknown) {
      if (obj.classes !== undefined)
        this.fail(join(prefix, 'classes'), '"classes" is for an offense whose class is unknown (unknown: [class])');
      const cls = this.oneOf<OffenseClass>(obj, 'class', prefix, CLASSES, true);
      return cls ? CLASS_BITS[cls] : 0;
    }
    this.notGiven(obj, 'class', prefix, true);
    if (obj.classes === undefined || obj.classes === null) return ANY_CLASS;
    let bits = 0;
    this.list(obj, 'classes', prefix).forEach((c, i) => {
      if (typeof c === 'string' && CLASSES.includes(c)) bits |= CLASS_BITS[c as OffenseClass];
      else this.fail(`${join(prefix, 'classes')}[${i}]`, `a class is ${CLASSES.join(', ')}, not ${show(c)}`);
    });
    if (!bits) this.fail(join(prefix, 'classes'), '"classes" must name at least one class');
    return bits || ANY_CLASS;
  }

  text(obj: Obj, key: string, prefix: string): string | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') {
      const bad = unsafeCharacterIndex(v, false);
      if (bad >= 0) this.fail(join(prefix, key), unsafeCharacterProblem(v, bad));
      return v;
    }
    if (typeof v === 'number') return String(v);
    this.fail(join(prefix, key), `must be text`);
    return undefined;
  }
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 37) + '...' : v);
  if (Array.isArray(v)) return 'a list';
  if (v && typeof v === 'object') return 'a set of keys';
  return String(v);
}

/** The end of a problem with a record dated after the case's custody ends. */
function afterCustody(day: number, lastDay: number): string {
  return `(${formatDate(day)}) is after this custody ends (${formatDate(lastDay)}): a record can't be dated in the future of the case`;
}

/**
 * The chronology every case must keep, read from its times (minutes since 1970) and conviction dates
 * (days since 1970; NaN where absent): custody ends after it begins, no conviction is dated after the
 * custody ends (in the future of the data), and none before the person was born (by the age at
 * booking). True when all hold; otherwise each broken rule goes to `report` when given. One place for
 * every reader: prepareCase reports, and the fast CSV reader hands a row that breaks a rule to it.
 */
export function checkChronology(
  age: number,
  booked: number,
  release: number,
  convictedOn: ArrayLike<number>,
  releasedOn: ArrayLike<number>,
  convictions: number,
  report?: (field: string, message: string) => void,
): boolean {
  // A time that is missing, unreadable (a problem of its own) or unknown is NaN: the rules that need it are skipped.
  let ok = true;
  if (release < booked) {
    ok = false;
    report?.(
      'eligibleForReleaseAt',
      `"eligibleForReleaseAt" (${formatDateTime(release)}) is before "bookedAt" (${formatDateTime(booked)}): custody can't end before it begins`,
    );
  }
  const lastDay = Math.floor((Number.isNaN(booked) ? release : Math.max(release, booked)) / MINUTES_PER_DAY);
  const bookedDay = Math.floor(booked / MINUTES_PER_DAY);
  // Born no earlier than a year before the birthday that made the age at booking.
  const bornBy = bookedDay - Math.ceil((age + 1) * 365.25);
  for (let k = 0; k < convictions; k++) {
    const on = convictedOn[k]!;
    const off = releasedOn[k]!;
    if (on > lastDay) {
      ok = false;
      report?.(`convictions[${k}].convictedOn`, `"convictedOn" ${afterCustody(on, lastDay)}`);
    } else if (on < bornBy) {
      ok = false;
      report?.(
        `convictions[${k}].convictedOn`,
        `"convictedOn" (${formatDate(on)}) is before the person was born: they were ${age} when booked on ${formatDate(bookedDay)}`,
      );
    }
    if (off > lastDay) {
      ok = false;
      report?.(`convictions[${k}].releasedOn`, `"releasedOn" ${afterCustody(off, lastDay)}`);
    }
    if (!ok && !report) return false;
  }
  return ok;
}

export type PrepareResult = { ok: true; prepared: PreparedCase } | { ok: false; problems: CaseProblem[] };

/** Checks one raw case (from JSON, YAML or CSV) and prepares it, or lists every problem found. */
export function prepareCase(raw: unknown, index: number): PrepareResult {
  const rawId = raw && typeof raw === 'object' ? (raw as Obj).id : undefined;
  const ck = new Checker(index, typeof rawId === 'string' ? escapeUnsafe(rawId) : typeof rawId === 'number' ? String(rawId) : undefined);
  const obj = ck.object(raw, '');
  if (!obj) return { ok: false, problems: ck.problems };
  ck.keys(obj, CASE_KEYS, '');

  let id = '';
  const badAt = typeof obj.id === 'string' ? unsafeCharacterIndex(obj.id, false) : -1;
  // An id is how results, comparisons and expected decisions find a case: one that differs from another
  // only by a character that does not show would look like it, so it is refused as an unsafe one is.
  const hiddenAt = badAt < 0 && typeof obj.id === 'string' ? invisibleCharacterIndex(obj.id) : -1;
  if (badAt >= 0) ck.fail('id', `"id" ${unsafeCharacterProblem(obj.id as string, badAt)}`);
  else if (hiddenAt >= 0) ck.fail('id', `"id" ${invisibleCharacterProblem(obj.id as string, hiddenAt)}`);
  else if (typeof obj.id === 'string' && obj.id.length > 0 && obj.id.length <= 200) id = obj.id;
  else if (typeof obj.id === 'number') id = String(obj.id);
  else ck.fail('id', obj.id === undefined ? '"id" is missing' : `"id" must be text of 1 to 200 characters, not ${show(obj.id)}`);

  const unknownList = ck.unknowns<UnknownFact>(obj, '', UNKNOWN_FACTS);
  const unknown = unknownMask(unknownList);
  const isUnknown = (f: UnknownFact) => unknownList.includes(f);
  const givenAge = ck.integer(obj, 'age', '', 0, 130, true);
  const age = givenAge ?? 0;
  const ageHi = ck.integer(obj, 'ageAtMost', '', age, 130, false) ?? age;
  ck.notGiven(obj, 'bookedAt', '', isUnknown('bookedAt'));
  ck.notGiven(obj, 'eligibleForReleaseAt', '', isUnknown('eligibleForReleaseAt'));
  let booked = isUnknown('bookedAt') ? NaN : ck.dateTime(obj, 'bookedAt', '', true);
  let release = isUnknown('eligibleForReleaseAt') ? NaN : ck.dateTime(obj, 'eligibleForReleaseAt', '', true);
  const givenBooked = booked;
  const givenRelease = release;
  let facility: string | undefined;
  if (obj.facility !== undefined && obj.facility !== null) {
    if (typeof obj.facility === 'string' && obj.facility.length > 0 && obj.facility.length <= 200) facility = obj.facility;
    else ck.fail('facility', `"facility" must be text of 1 to 200 characters, not ${show(obj.facility)}`);
  }

  let requests = 0;
  let judicial = false;
  let admin = false;
  let issued = booked;
  const det = obj.detainer === undefined ? (ck.fail('detainer', '"detainer" is missing'), undefined) : ck.object(obj.detainer, 'detainer');
  if (det) {
    ck.keys(det, DETAINER_KEYS, 'detainer');
    const list = det.requests;
    if (!Array.isArray(list))
      ck.fail('detainer.requests', list === undefined ? '"requests" is missing' : '"requests" must be a list such as [hold, notify]');
    else if (isUnknown('requests') && list.length > 0)
      ck.fail('detainer.requests', 'the requests are listed as unknown; leave "requests" empty ([])');
    else
      list.forEach((r, i) => {
        if (r === 'hold') requests |= REQUEST_HOLD;
        else if (r === 'notify') requests |= REQUEST_NOTIFY;
        else ck.fail(`detainer.requests[${i}]`, `a request is "hold" or "notify", not ${show(r)}`);
      });
    // An unknown request reads as both while deciding; each decision then takes every outcome either allows.
    if (isUnknown('requests')) requests = REQUEST_HOLD | REQUEST_NOTIFY;
    if (det.issuedAt !== undefined && det.issuedAt !== null) issued = ck.dateTime(det, 'issuedAt', 'detainer', false);
    ck.notGiven(det, 'judicialWarrant', 'detainer', isUnknown('judicialWarrant'));
    ck.notGiven(det, 'administrativeWarrant', 'detainer', isUnknown('administrativeWarrant'));
    judicial = ck.bool(det, 'judicialWarrant', 'detainer', yesNoDefault('judicialWarrant'));
    admin = ck.bool(det, 'administrativeWarrant', 'detainer', yesNoDefault('administrativeWarrant'));
    const form = ck.oneOf(det, 'form', 'detainer', DETAINER_FORM_NAMES, false);
    if (form === 'I-247N' && requests & REQUEST_HOLD)
      ck.fail('detainer.form', 'form I-247N asks only for notice of release; its requests cannot include "hold"');
  }
  // Unknown times stand in as the request (or the booking): they are marked, never read as facts.
  if (unknown & (U_BOOKED | U_RELEASE)) {
    if (Number.isNaN(issued) && (unknown & U_BOOKED) !== 0)
      ck.fail('detainer.issuedAt', 'with the booking time unknown, "detainer.issuedAt" (the request) is needed');
    if (unknown & U_BOOKED) booked = issued;
    if (unknown & U_RELEASE) release = booked;
  }

  const charges: PreparedCharge[] = [];
  ck.list(obj, 'currentCharges', '').forEach((rawCharge, i) => {
    const prefix = `currentCharges[${i}]`;
    const c = ck.object(rawCharge, prefix);
    if (!c) return;
    ck.keys(c, CHARGE_KEYS, prefix);
    ck.text(c, 'offense', prefix);
    const unknowns = ck.unknowns<string>(c, prefix, CHARGE_UNKNOWNS);
    const cls = ck.offenseClass(c, prefix, unknowns.includes('class'));
    for (const k of ['bondPosted', 'bondable', 'probableCauseFinding']) ck.notGiven(c, k, prefix, unknowns.includes(k));
    const degree = ck.integer(c, 'degree', prefix, 1, 9, false);
    const cats = ck.categories(c, prefix);
    const args = [
      cls,
      degree ? 1 << degree : 0,
      categoryMask(cats),
      cats,
      ck.bool(c, 'bondPosted', prefix, yesNoDefault('bondPosted')),
      ck.bool(c, 'bondable', prefix, yesNoDefault('bondable')),
      ck.bool(c, 'probableCauseFinding', prefix, yesNoDefault('probableCauseFinding')),
      unknowns.some((k) => k !== 'class'),
    ] as const;
    charges.push(new PreparedChargeRecord(...args));
  });

  const convictions: PreparedConvictionRecord[] = [];
  const convictionList = ck.list(obj, 'convictions', '');
  const convictedOn = new Array<number>(convictionList.length).fill(NaN);
  const releasedOn = new Array<number>(convictionList.length).fill(NaN);
  convictionList.forEach((rawConviction, i) => {
    const prefix = `convictions[${i}]`;
    const c = ck.object(rawConviction, prefix);
    if (!c) return;
    ck.keys(c, CONVICTION_KEYS, prefix);
    ck.text(c, 'offense', prefix);
    const unknowns = ck.unknowns<string>(c, prefix, CONVICTION_UNKNOWNS);
    const cls = ck.offenseClass(c, prefix, unknowns.includes('class'));
    const degree = ck.integer(c, 'degree', prefix, 1, 9, false);
    const cats = ck.categories(c, prefix);
    const dateUnknown = unknowns.includes('convictedOn');
    const releaseUnknown = unknowns.includes('releasedOn');
    ck.notGiven(c, 'convictedOn', prefix, dateUnknown);
    ck.notGiven(c, 'releasedOn', prefix, releaseUnknown);
    ck.notGiven(c, 'incarceratedDays', prefix, releaseUnknown);
    ck.notGiven(c, 'current', prefix, unknowns.includes('current'));
    const source = ck.text(c, 'source', prefix);
    // An undated conviction stands in at the request's day: the mark makes every window test of it open.
    const convicted = dateUnknown ? Math.floor(issued / MINUTES_PER_DAY) : ck.date(c, 'convictedOn', prefix, true);
    const releasedRaw = ck.date(c, 'releasedOn', prefix, false);
    convictedOn[i] = dateUnknown ? NaN : convicted;
    releasedOn[i] = releaseUnknown ? NaN : releasedRaw;
    if (!dateUnknown && !Number.isNaN(releasedRaw) && !Number.isNaN(convicted) && releasedRaw < convicted) {
      ck.fail(`${prefix}.releasedOn`, '"releasedOn" is before "convictedOn"');
    }
    const days = ck.integer(c, 'incarceratedDays', prefix, 0, 50000, false) ?? 0;
    convictions.push(
      new PreparedConvictionRecord(
        cls,
        degree ? 1 << degree : 0,
        categoryMask(cats),
        cats,
        convicted,
        Number.isNaN(releasedRaw) ? convicted : releasedRaw,
        days,
        ck.bool(c, 'current', prefix, yesNoDefault('current')),
        ck.bool(c, 'juvenile', prefix, yesNoDefault('juvenile')),
        (dateUnknown ? C_DATE_UNKNOWN : 0) |
          (releaseUnknown ? C_RELEASE_UNKNOWN : 0) |
          (unknowns.includes('current') ? C_CURRENT_UNKNOWN : 0),
        source,
      ),
    );
  });
  fillIncarceratedLater(convictions);
  checkChronology(
    givenAge === undefined ? NaN : ageHi,
    givenBooked,
    givenRelease,
    convictedOn,
    releasedOn,
    convictionList.length,
    (field, message) => ck.fail(field, message),
  );

  const warrants: PreparedWarrant[] = [];
  ck.list(obj, 'warrants', '').forEach((rawWarrant, i) => {
    const prefix = `warrants[${i}]`;
    const w = ck.object(rawWarrant, prefix);
    if (!w) return;
    ck.keys(w, WARRANT_KEYS, prefix);
    const kind = ck.oneOf(w, 'kind', prefix, ['criminal', 'civil'], true);
    const jur = ck.oneOf<keyof typeof JURISDICTION_BITS>(w, 'jurisdiction', prefix, JURISDICTIONS, false);
    const args = [kind === 'criminal', jur ? JURISDICTION_BITS[jur] : 0, ck.bool(w, 'felony', prefix, yesNoDefault('felony'))] as const;
    warrants.push(new PreparedWarrantRecord(...args));
  });

  let records = 0;
  if (obj.records !== undefined && obj.records !== null) {
    const r = ck.object(obj.records, 'records');
    if (r) {
      ck.keys(r, RECORD_KEYS, 'records');
      for (const key of RECORD_KEYS) {
        ck.notGiven(r, key, 'records', isUnknown(`records.${key}`), `records.${key}`);
        if (ck.bool(r, key, 'records', yesNoDefault(key))) records |= RECORD_BITS[key as RecordKey];
      }
    }
  }

  if (ck.problems.length > 0) return { ok: false, problems: ck.problems };
  return {
    ok: true,
    prepared: new PreparedBooking(
      id,
      age,
      booked,
      release,
      issued,
      requests,
      judicial,
      admin,
      records,
      convictions,
      charges,
      warrants,
      obj as unknown as BookingCase,
      ageHi,
      unknown,
      facility,
    ),
  };
}

export type { ChargeRecord, ConvictionRecord, WarrantRecord };
