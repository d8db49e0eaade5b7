// Checks a booking case against the contract and prepares it for evaluation. Hand-written rather
// than schema-driven so that a million cases check in well under a second; tests keep it in step
// with policy-schemas/case.schema.json.

import { didYouMean } from './diagnostics';
import type { BookingCase, ChargeRecord, ConvictionRecord, OffenseClass, RecordKey, WarrantRecord } from './model';
import { RECORD_KEYS } from './model';
import {
  fillIncarceratedSince,
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
import { parseDate, parseDateTime } from './time';

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
}

const CASE_KEYS = ['id', 'age', 'bookedAt', 'eligibleForReleaseAt', 'detainer', 'currentCharges', 'convictions', 'warrants', 'records'];
const DETAINER_KEYS = ['requests', 'issuedAt', 'judicialWarrant', 'administrativeWarrant'];
const CHARGE_KEYS = ['offense', 'class', 'degree', 'categories', 'bondPosted', 'bondable', 'probableCauseFinding'];
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
        this.fail(join(prefix, key), `unknown field "${key}"${guess ? `; did you mean "${guess}"?` : ''}`);
      }
    }
  }

  bool(obj: Obj, key: string, prefix: string, fallback: boolean): boolean {
    const v = obj[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    this.fail(join(prefix, key), `"${key}" must be true or false, not ${show(v)}`);
    return fallback;
  }

  integer(obj: Obj, key: string, prefix: string, min: number, max: number, required: boolean): number | undefined {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(prefix, key), `"${key}" is missing`);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.fail(join(prefix, key), `"${key}" must be a whole number, not ${show(v)}`);
      return undefined;
    }
    if (v < min || v > max) {
      this.fail(join(prefix, key), `"${key}" must be between ${min} and ${max}, not ${v}`);
      return undefined;
    }
    return v;
  }

  dateTime(obj: Obj, key: string, prefix: string, required: boolean): number {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(prefix, key), `"${key}" is missing`);
      return NaN;
    }
    const t = typeof v === 'string' ? parseDateTime(v) : NaN;
    if (Number.isNaN(t)) this.fail(join(prefix, key), `"${key}" must be a local date and time (YYYY-MM-DDTHH:MM), not ${show(v)}`);
    return t;
  }

  date(obj: Obj, key: string, prefix: string, required: boolean): number {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(prefix, key), `"${key}" is missing`);
      return NaN;
    }
    const t = typeof v === 'string' ? parseDate(v) : NaN;
    if (Number.isNaN(t)) this.fail(join(prefix, key), `"${key}" must be a date (YYYY-MM-DD), not ${show(v)}`);
    return t;
  }

  list(obj: Obj, key: string, prefix: string): unknown[] {
    const v = obj[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.fail(join(prefix, key), `"${key}" must be a list`);
    return [];
  }

  oneOf<T extends string>(obj: Obj, key: string, prefix: string, allowed: readonly string[], required: boolean): T | undefined {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.fail(join(prefix, key), `"${key}" is missing`);
      return undefined;
    }
    if (typeof v === 'string' && allowed.includes(v)) return v as T;
    const guess = typeof v === 'string' ? didYouMean(v, allowed) : undefined;
    this.fail(join(prefix, key), `"${key}" must be ${allowed.join(', ')}, not ${show(v)}${guess ? `; did you mean "${guess}"?` : ''}`);
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

  text(obj: Obj, key: string, prefix: string): string | undefined {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    this.fail(join(prefix, key), `"${key}" must be text`);
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

export type PrepareResult = { ok: true; prepared: PreparedCase } | { ok: false; problems: CaseProblem[] };

/** Checks one raw case (from JSON, YAML or CSV) and prepares it, or lists every problem found. */
export function prepareCase(raw: unknown, index: number): PrepareResult {
  const rawId = raw && typeof raw === 'object' ? (raw as Obj).id : undefined;
  const ck = new Checker(index, typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? String(rawId) : undefined);
  const obj = ck.object(raw, '');
  if (!obj) return { ok: false, problems: ck.problems };
  ck.keys(obj, CASE_KEYS, '');

  let id = '';
  if (typeof obj.id === 'string' && obj.id.length > 0 && obj.id.length <= 200) id = obj.id;
  else if (typeof obj.id === 'number') id = String(obj.id);
  else ck.fail('id', obj.id === undefined ? '"id" is missing' : `"id" must be text of 1 to 200 characters, not ${show(obj.id)}`);

  const age = ck.integer(obj, 'age', '', 0, 130, true) ?? 0;
  const booked = ck.dateTime(obj, 'bookedAt', '', true);
  const release = ck.dateTime(obj, 'eligibleForReleaseAt', '', true);

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
    else
      list.forEach((r, i) => {
        if (r === 'hold') requests |= REQUEST_HOLD;
        else if (r === 'notify') requests |= REQUEST_NOTIFY;
        else ck.fail(`detainer.requests[${i}]`, `a request is "hold" or "notify", not ${show(r)}`);
      });
    if (det.issuedAt !== undefined && det.issuedAt !== null) issued = ck.dateTime(det, 'issuedAt', 'detainer', false);
    judicial = ck.bool(det, 'judicialWarrant', 'detainer', false);
    admin = ck.bool(det, 'administrativeWarrant', 'detainer', false);
  }

  const charges: PreparedCharge[] = [];
  ck.list(obj, 'currentCharges', '').forEach((rawCharge, i) => {
    const prefix = `currentCharges[${i}]`;
    const c = ck.object(rawCharge, prefix);
    if (!c) return;
    ck.keys(c, CHARGE_KEYS, prefix);
    ck.text(c, 'offense', prefix);
    const cls = ck.oneOf<OffenseClass>(c, 'class', prefix, CLASSES, true);
    const degree = ck.integer(c, 'degree', prefix, 1, 9, false);
    const cats = ck.categories(c, prefix);
    const args = [
      cls ? CLASS_BITS[cls] : 0,
      degree ? 1 << degree : 0,
      categoryMask(cats),
      cats,
      ck.bool(c, 'bondPosted', prefix, false),
      ck.bool(c, 'bondable', prefix, true),
      ck.bool(c, 'probableCauseFinding', prefix, false),
    ] as const;
    charges.push(new PreparedChargeRecord(...args));
  });

  const convictions: PreparedConvictionRecord[] = [];
  ck.list(obj, 'convictions', '').forEach((rawConviction, i) => {
    const prefix = `convictions[${i}]`;
    const c = ck.object(rawConviction, prefix);
    if (!c) return;
    ck.keys(c, CONVICTION_KEYS, prefix);
    ck.text(c, 'offense', prefix);
    const cls = ck.oneOf<OffenseClass>(c, 'class', prefix, CLASSES, true);
    const degree = ck.integer(c, 'degree', prefix, 1, 9, false);
    const cats = ck.categories(c, prefix);
    const convicted = ck.date(c, 'convictedOn', prefix, true);
    const releasedRaw = ck.date(c, 'releasedOn', prefix, false);
    if (!Number.isNaN(releasedRaw) && !Number.isNaN(convicted) && releasedRaw < convicted) {
      ck.fail(`${prefix}.releasedOn`, '"releasedOn" is before "convictedOn"');
    }
    const days = ck.integer(c, 'incarceratedDays', prefix, 0, 50000, false) ?? 0;
    convictions.push(
      new PreparedConvictionRecord(
        cls ? CLASS_BITS[cls] : 0,
        degree ? 1 << degree : 0,
        categoryMask(cats),
        cats,
        convicted,
        Number.isNaN(releasedRaw) ? convicted : releasedRaw,
        days,
        ck.bool(c, 'current', prefix, false),
        ck.bool(c, 'juvenile', prefix, false),
      ),
    );
  });
  fillIncarceratedSince(convictions);

  const warrants: PreparedWarrant[] = [];
  ck.list(obj, 'warrants', '').forEach((rawWarrant, i) => {
    const prefix = `warrants[${i}]`;
    const w = ck.object(rawWarrant, prefix);
    if (!w) return;
    ck.keys(w, WARRANT_KEYS, prefix);
    const kind = ck.oneOf(w, 'kind', prefix, ['criminal', 'civil'], true);
    const jur = ck.oneOf<keyof typeof JURISDICTION_BITS>(w, 'jurisdiction', prefix, JURISDICTIONS, false);
    const args = [kind === 'criminal', jur ? JURISDICTION_BITS[jur] : 0, ck.bool(w, 'felony', prefix, false)] as const;
    warrants.push(new PreparedWarrantRecord(...args));
  });

  let records = 0;
  if (obj.records !== undefined && obj.records !== null) {
    const r = ck.object(obj.records, 'records');
    if (r) {
      ck.keys(r, RECORD_KEYS, 'records');
      for (const key of RECORD_KEYS) if (ck.bool(r, key, 'records', false)) records |= RECORD_BITS[key as RecordKey];
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
    ),
  };
}

export type { ChargeRecord, ConvictionRecord, WarrantRecord };
