// Reading CSV case files fast: each record goes straight from field bounds to a prepared case, with
// no intermediate objects. Any record the fast reader does not accept outright is read again by the
// reference reader (caseFromRow + prepareCase), which decides and words the problems; so the fast
// reader only has to be exact about what it accepts, and tests hold it to that.

import { checkChronology, prepareCase, type CaseProblem } from '../cases';
import { escapeUnsafe, unsafeCharacterIndex } from '../text-safety';
import { categoryMask, type PreparedCase } from '../prepared';
import { daysFromCivil, daysInMonth, MINUTES_PER_DAY } from '../time';
import { caseFromRow, columnOfField, K, planColumns, splitCategories, type ColumnPlan, type PlannedColumn } from './columns';
import {
  C_CURRENT,
  C_JUVENILE,
  F_ADMIN,
  F_JUDICIAL,
  F_REQ_HOLD,
  F_REQ_NOTIFY,
  H_BONDABLE,
  H_BOND_POSTED,
  H_PROBABLE_CAUSE,
  packYmd,
  W_CRIMINAL,
  W_FELONY,
  type CaseTableBuilder,
} from '../case-table';
import { detached, REQUEST_HOLD, REQUEST_NOTIFY } from './compact';
import { CsvScanner, MAX_RECORD_CHARS } from './csv-scan';
import type { ColumnMapping } from './mapping';

/** Where the importer sends what it reads. */
export interface CaseSink {
  /** The table good cases are written into. */
  readonly builder: CaseTableBuilder;
  /** A good case written into the table by the reader itself; `index` is its 0-based record number. */
  written(id: string, index: number, row: number): void;
  /** A good case prepared from its contract form, for the sink to write into the table. */
  add(c: PreparedCase, index: number, row: number): void;
  /** A bad record, with every problem found in it. */
  reject(index: number, problems: CaseProblem[]): void;
  /** A problem with the file as a whole: reading stops. */
  fail(problems: CaseProblem[]): void;
}

const CATEGORY_RE = /^[a-z][a-z0-9-]*$/;
const REPLACEMENT = '\uFFFD';

interface Categories {
  mask: number;
  /** The list's string id in the table ("violent;serious"). */
  list: number;
}

// Scratch for one group item (charge, conviction or warrant), reused row after row.
class GroupScratch {
  present = false;
  cls = 0;
  degreeBit = 0;
  cats = 0;
  catList = 0;
  offense = 0;
  flagA = -1;
  flagB = -1;
  flagC = -1;
  dateA = NaN;
  dateB = NaN;
  ymdA = 0;
  ymdB = 0;
  days = 0;
  reset(): void {
    this.present = false;
    this.cls = 0;
    this.degreeBit = 0;
    this.cats = 0;
    this.catList = 0;
    this.offense = 0;
    this.flagA = -1;
    this.flagB = -1;
    this.flagC = -1;
    this.dateA = NaN;
    this.dateB = NaN;
    this.days = 0;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Up to 9 digits as a number; -1 for anything else (signs and longer numbers go to the reference reader). */
function digitsAt(s: string, a: number, b: number): number {
  if (b - a > 9) return -1;
  let v = 0;
  for (let i = a; i < b; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The date of the last successful ymdAt, packed (case-table packYmd). */
let lastYmd = 0;

/** Day number of YYYY-MM-DD at s[a, a+10), or NaN. */
function ymdAt(s: string, a: number): number {
  const y1 = two(s, a);
  const y2 = two(s, a + 2);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return NaN;
  const m = two(s, a + 5);
  const d = two(s, a + 8);
  const y = y1 * 100 + y2;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  lastYmd = packYmd(y, m, d);
  return daysFromCivil(y, m, d);
}

/** As time.parseDate: YYYY-MM-DD. */
function dateAt(s: string, a: number, b: number): number {
  return b - a === 10 ? ymdAt(s, a) : NaN;
}

/** As time.parseDateTime: YYYY-MM-DD, optionally [T ]HH:MM, optionally :SS. Minutes, or NaN. */
function dateTimeAt(s: string, a: number, b: number): number {
  const len = b - a;
  if (len !== 10 && len !== 16 && len !== 19) return NaN;
  const day = ymdAt(s, a);
  if (len === 10 || Number.isNaN(day)) return day * MINUTES_PER_DAY;
  const sep = s.charCodeAt(a + 10);
  if ((sep !== 84 && sep !== 32) || s.charCodeAt(a + 13) !== 58) return NaN;
  const h = two(s, a + 11);
  const mi = two(s, a + 14);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  if (len === 19) {
    const sec = two(s, a + 17);
    if (s.charCodeAt(a + 16) !== 58 || sec < 0 || sec > 59) return NaN;
  }
  return day * MINUTES_PER_DAY + h * 60 + mi;
}

/** Whether s[a, a + w.length) is the lower-case word w, ignoring case. */
function isWord(s: string, a: number, w: string): boolean {
  for (let i = 0; i < w.length; i++) if ((s.charCodeAt(a + i) | 0x20) !== w.charCodeAt(i)) return false;
  return true;
}

/** true/yes/y/1 -> 1, false/no/n/0 -> 0, any case; else -1. */
function boolAt(s: string, a: number, b: number): number {
  const len = b - a;
  const first = s.charCodeAt(a);
  const c = first | 0x20;
  if (len === 1) {
    if (c === 121 /* y */ || first === 49 /* 1 */) return 1;
    if (c === 110 /* n */ || first === 48 /* 0 */) return 0;
    return -1;
  }
  if (len === 4 && c === 116) return isWord(s, a, 'true') ? 1 : -1;
  if (len === 3 && c === 121) return isWord(s, a, 'yes') ? 1 : -1;
  if (len === 5 && c === 102) return isWord(s, a, 'false') ? 0 : -1;
  if (len === 2 && c === 110) return isWord(s, a, 'no') ? 0 : -1;
  return -1;
}

function classAt(s: string, a: number, b: number): number {
  const len = b - a;
  if (len === 6 && s.startsWith('felony', a)) return 1;
  if (len === 11 && s.startsWith('misdemeanor', a)) return 2;
  if (len === 10 && s.startsWith('infraction', a)) return 4;
  return 0;
}

/** The requests column: hold and notify separated by ; | / or spaces. A bit mask, or -1. */
function requestsAt(s: string, a: number, b: number): number {
  let mask = 0;
  let i = a;
  while (i < b) {
    const c = s.charCodeAt(i);
    if (c === 59 || c === 124 || c === 47 || isSpace(c)) {
      i++;
      continue;
    }
    let j = i;
    while (j < b) {
      const d = s.charCodeAt(j);
      if (d === 59 || d === 124 || d === 47 || isSpace(d)) break;
      if (d > 127) return -1;
      j++;
    }
    if (j - i === 4 && s.startsWith('hold', i)) mask |= REQUEST_HOLD;
    else if (j - i === 6 && s.startsWith('notify', i)) mask |= REQUEST_NOTIFY;
    else return -1;
    i = j;
  }
  return mask;
}

/**
 * Finds a value by the characters at s[a, b) without making a string of them first (a million rows
 * would make millions of short-lived strings): candidates are bucketed by length and first and last
 * character, and compared in place.
 */
class TextTable<T> {
  private readonly buckets = new Map<number, Array<[string, T]>>();
  private size = 0;

  get(s: string, a: number, b: number): T | undefined {
    const bucket = this.buckets.get(TextTable.key(s, a, b));
    if (bucket) for (const [text, value] of bucket) if (text.length === b - a && s.startsWith(text, a)) return value;
    return undefined;
  }

  set(text: string, value: T): void {
    // A file with endless distinct values gets no benefit from the table; keep it bounded.
    if (this.size > 50_000) {
      this.buckets.clear();
      this.size = 0;
    }
    const key = TextTable.key(text, 0, text.length);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push([text, value]);
    else this.buckets.set(key, [[text, value]]);
    this.size++;
  }

  /** A small integer (no number objects to allocate) from the length and the end characters. */
  private static key(s: string, a: number, b: number): number {
    return (((b - a) & 0x3ff) << 20) | ((s.charCodeAt(a) & 0x3ff) << 10) | (s.charCodeAt(b - 1) & 0x3ff);
  }
}

const JURISDICTION_CODES: Record<string, number> = { state: 1, federal: 2, 'other-state': 4, local: 8 };

export class CsvCaseReader {
  private readonly scanner = new CsvScanner();
  private plan: ColumnPlan | undefined;
  private columns: PlannedColumn[] = [];
  /** The planned column at each position of the row (undefined for ignored ones). */
  private byIndex: Array<PlannedColumn | undefined> = [];
  private charges: GroupScratch[] = [];
  private convictions: GroupScratch[] = [];
  private convictedOn = new Float64Array(0);
  private releasedOn = new Float64Array(0);
  private warrants: GroupScratch[] = [];
  private readonly categories = new TextTable<Categories | null>();
  private readonly offenses = new TextTable<number>();
  private index = 0;
  private stopped = false;
  /** Positions of the next U+FFFD, quote and carriage return in the scanner's text (-1: none left). */
  private nextReplacement = -1;
  private nextQuote = -1;
  private nextReturn = -1;
  // The row being read.
  private id: string | undefined = undefined;
  private age = -1;
  private booked = NaN;
  private bookedYmd = 0;
  private release = NaN;
  private issued = NaN;
  private issuedYmd = 0;
  private requests = 0;
  private judicial = false;
  private admin = false;
  private records = 0;

  constructor(
    private readonly sink: CaseSink,
    private readonly mapping?: ColumnMapping,
  ) {}

  /** Records read so far, good and bad (the header not counted). */
  get recordsRead(): number {
    return this.index;
  }

  push(text: string): void {
    if (this.stopped) return;
    this.scanner.push(text);
    const t = this.scanner.text;
    this.nextReplacement = t.indexOf(REPLACEMENT);
    this.nextQuote = t.indexOf('"');
    this.nextReturn = t.indexOf('\r');
    this.drain(false);
  }

  finish(): void {
    if (this.stopped) return;
    this.drain(true);
    if (!this.stopped && !this.plan)
      this.fatal([
        { index: -1, field: '', row: 1, message: 'the CSV file is empty; its first row names the columns (id, age, bookedAt, ...)' },
      ]);
  }

  private fatal(problems: CaseProblem[]): void {
    this.stopped = true;
    this.sink.fail(problems);
  }

  private drain(final: boolean): void {
    const sc = this.scanner;
    while (!this.stopped) {
      if (this.plan) {
        const r = this.plainRow(final);
        if (r === 1) continue;
        if (r === 0) break;
      }
      // Quoted fields, carriage returns, undecodable bytes and the header go through the scanner.
      if (!sc.next(final)) break;
      if (!this.plan) {
        this.readHeader();
        continue;
      }
      const index = this.index++;
      const row = sc.row;
      const bad = this.hasReplacement();
      if (!bad && !sc.strayAfterQuote && sc.count === this.plan.width && this.scannedCase()) this.sink.written(this.id!, index, row);
      else this.slowCase(index, row, bad);
    }
    if (sc.error) this.fatal([{ index: -1, field: '', row: sc.error.row, message: sc.error.message }]);
  }

  /**
   * Reads the next line when it is a plain record (no quotes, carriage returns or undecodable bytes)
   * of the right width that the fast reading accepts: 1. Returns 0 when the text holds no complete
   * line, and -1 when the scanner and the reference reading must take the record.
   */
  private plainRow(final: boolean): number {
    const sc = this.scanner;
    const s = sc.text;
    const start = sc.pos;
    const n = s.length;
    if (start >= n) return 0;
    let nl = s.indexOf('\n', start);
    if (nl < 0) {
      // Without a line end, wait for more text; past the longest record, let the scanner say why.
      if (!final) return n - start > MAX_RECORD_CHARS ? -1 : 0;
      nl = n;
    }
    if (this.nextQuote >= 0 && this.nextQuote < start) this.nextQuote = s.indexOf('"', start);
    if (this.nextQuote >= 0 && this.nextQuote < nl) return -1;
    // A line may end in CR LF; a carriage return anywhere else ends a record the scanner's way.
    const end = nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (this.nextReturn >= 0 && this.nextReturn < start) this.nextReturn = s.indexOf('\r', start);
    if (this.nextReturn >= 0 && this.nextReturn < end) return -1;
    if (this.nextReplacement >= 0 && this.nextReplacement < nl) return -1;
    if (end === start) {
      // A blank line.
      sc.pos = nl < n ? nl + 1 : n;
      sc.line++;
      return 1;
    }
    const width = this.plan!.width;
    const byIndex = this.byIndex;
    this.beginRow();
    let i = start;
    let k = 0;
    for (;;) {
      let j = i;
      while (j < end && s.charCodeAt(j) !== 44) j++;
      if (k >= width) return -1;
      const col = byIndex[k];
      if (col !== undefined && j > i && !this.field(col, s, i, j)) return -1;
      k++;
      if (j >= end) break;
      i = j + 1;
    }
    if (k !== width || !this.endRow()) return -1;
    const index = this.index++;
    sc.row = sc.line;
    sc.line++;
    sc.pos = nl < n ? nl + 1 : n;
    this.sink.written(this.id!, index, sc.row);
    return 1;
  }

  private hasReplacement(): boolean {
    if (this.nextReplacement < 0) return false;
    const sc = this.scanner;
    // The record just read ends where the next one starts.
    if (this.nextReplacement >= sc.pos) return false;
    this.nextReplacement = sc.text.indexOf(REPLACEMENT, sc.pos);
    return true;
  }

  private readHeader(): void {
    const sc = this.scanner;
    this.hasReplacement();
    const header = sc.fields();
    const { plan, problems } = planColumns(header, this.mapping);
    if (!plan) {
      this.fatal(problems.map((message) => ({ index: -1, field: '', message, row: sc.row })));
      return;
    }
    this.plan = plan;
    this.columns = plan.columns;
    this.byIndex = new Array(plan.width).fill(undefined);
    for (const col of plan.columns) this.byIndex[col.index] = col;
    const make = (n: number) => Array.from({ length: n }, () => new GroupScratch());
    this.charges = make(plan.groups.charge);
    this.convictions = make(plan.groups.conviction);
    this.warrants = make(plan.groups.warrant);
  }

  private categoriesAt(s: string, a: number, b: number): Categories | null {
    let found = this.categories.get(s, a, b);
    if (found === undefined) {
      const raw = detached(s.slice(a, b));
      const names = splitCategories(raw);
      found = names.every((n) => CATEGORY_RE.test(n))
        ? { mask: categoryMask(names), list: this.sink.builder.stringId(names.join(';')) }
        : null;
      this.categories.set(raw, found);
    }
    return found;
  }

  /** The string id of an offense name; -1 (the reference reader words why) when it holds an unsafe character. */
  private offenseAt(s: string, a: number, b: number): number {
    let found = this.offenses.get(s, a, b);
    if (found === undefined) {
      if (unsafeCharacterIndex(s, false, a, b) >= 0) return -1;
      const name = detached(s.slice(a, b));
      found = this.sink.builder.stringId(name);
      this.offenses.set(name, found);
    }
    return found;
  }

  /** A record read by the scanner (it had quotes): its fields, one by one; true when written. */
  private scannedCase(): boolean {
    const sc = this.scanner;
    this.beginRow();
    for (const col of this.columns) {
      const k = col.index;
      let s = sc.text;
      let a = sc.starts[k]!;
      let b = sc.ends[k]!;
      if (a < 0) {
        s = sc.quoted[k]!;
        a = 0;
        b = s.length;
      }
      if (a < b && !this.field(col, s, a, b)) return false;
    }
    return this.endRow();
  }

  private beginRow(): void {
    for (const g of this.charges) g.reset();
    for (const g of this.convictions) g.reset();
    for (const g of this.warrants) g.reset();
    this.id = undefined;
    this.age = -1;
    this.booked = NaN;
    this.release = NaN;
    this.issued = NaN;
    this.requests = 0;
    this.judicial = false;
    this.admin = false;
    this.records = 0;
  }

  /** Reads one non-empty cell; false when the reference reading must decide about the record. */
  private field(col: PlannedColumn, s: string, a: number, b: number): boolean {
    while (a < b && isSpace(s.charCodeAt(a))) a++;
    while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
    if (a === b) return true;
    if (s.charCodeAt(a) > 127 || s.charCodeAt(b - 1) > 127) {
      // Unicode spaces count as blanks at the edges too, as String.prototype.trim says.
      s = s.slice(a, b).trim();
      a = 0;
      b = s.length;
      if (b === 0) return true;
    }
    if (col.values) {
      s = col.values.map(s.slice(a, b));
      a = 0;
      b = s.length;
      if (b === 0) return true;
    }
    switch (col.kind) {
      case K.id:
        if (b - a > 200 || unsafeCharacterIndex(s, false, a, b) >= 0) return false;
        this.id = detached(s.slice(a, b));
        return true;
      case K.age:
        this.age = digitsAt(s, a, b);
        return this.age >= 0 && this.age <= 130;
      case K.bookedAt:
        this.booked = dateTimeAt(s, a, b);
        this.bookedYmd = lastYmd;
        return !Number.isNaN(this.booked);
      case K.eligibleForReleaseAt:
        this.release = dateTimeAt(s, a, b);
        return !Number.isNaN(this.release);
      case K.issuedAt:
        this.issued = dateTimeAt(s, a, b);
        this.issuedYmd = lastYmd;
        return !Number.isNaN(this.issued);
      case K.requests:
        this.requests = requestsAt(s, a, b);
        return this.requests >= 0;
      case K.judicialWarrant:
      case K.administrativeWarrant:
      case K.record: {
        const v = boolAt(s, a, b);
        if (v < 0) return false;
        if (col.kind === K.record) this.records |= v ? col.slot : 0;
        else if (col.kind === K.judicialWarrant) this.judicial = v === 1;
        else this.admin = v === 1;
        return true;
      }
      default:
        return this.groupField(col, s, a, b);
    }
  }

  /**
   * Writes the row into the table when the fast reading accepts it whole; false (nothing written)
   * when the reference reading must look at it.
   */
  private endRow(): boolean {
    const id = this.id;
    if (id === undefined || this.age < 0 || Number.isNaN(this.booked) || Number.isNaN(this.release)) return false;
    for (const g of this.charges) if (g.present && !g.cls) return false;
    for (const g of this.convictions) {
      if (!g.present) continue;
      if (!g.cls || Number.isNaN(g.dateA)) return false;
      if (!Number.isNaN(g.dateB) && g.dateB < g.dateA) return false;
    }
    for (const g of this.warrants) if (g.present && !g.cls) return false;
    // The chronology rules (cases.ts): a row that breaks one is read again by the reference reader, which says how.
    const n = this.convictions.length;
    if (this.convictedOn.length < n) {
      this.convictedOn = new Float64Array(n);
      this.releasedOn = new Float64Array(n);
    }
    for (let k = 0; k < n; k++) {
      const g = this.convictions[k]!;
      this.convictedOn[k] = g.present ? g.dateA : NaN;
      this.releasedOn[k] = g.present ? g.dateB : NaN;
    }
    if (!checkChronology(this.age, this.booked, this.release, this.convictedOn, this.releasedOn, n)) return false;

    const t = this.sink.builder;
    const flags =
      (this.requests & REQUEST_HOLD ? F_REQ_HOLD : 0) |
      (this.requests & REQUEST_NOTIFY ? F_REQ_NOTIFY : 0) |
      (this.judicial ? F_JUDICIAL : 0) |
      (this.admin ? F_ADMIN : 0);
    const issued = Number.isNaN(this.issued);
    t.beginCase(
      id,
      this.age,
      flags,
      this.records,
      this.booked,
      this.bookedYmd,
      this.release,
      issued ? this.booked : this.issued,
      issued ? this.bookedYmd : this.issuedYmd,
    );
    for (const g of this.convictions) {
      if (!g.present) continue;
      const released = Number.isNaN(g.dateB) ? undefined : g.dateB;
      t.addConviction(
        g.cls,
        g.degreeBit,
        g.cats,
        g.catList,
        g.offense,
        g.dateA,
        g.ymdA,
        released,
        g.ymdB,
        g.days,
        (g.flagA === 1 ? C_CURRENT : 0) | (g.flagB === 1 ? C_JUVENILE : 0),
      );
    }
    for (const g of this.charges) {
      if (!g.present) continue;
      t.addCharge(
        g.cls,
        g.degreeBit,
        g.cats,
        g.catList,
        g.offense,
        (g.flagA === 1 ? H_BOND_POSTED : 0) | (g.flagB !== 0 ? H_BONDABLE : 0) | (g.flagC === 1 ? H_PROBABLE_CAUSE : 0),
      );
    }
    for (const g of this.warrants) if (g.present) t.addWarrant((g.cls === 1 ? W_CRIMINAL : 0) | (g.flagA === 1 ? W_FELONY : 0), g.cats);
    t.endCase();
    return true;
  }

  /** Reads one group column into its item's scratch; false when the reference reader must decide. */
  private groupField(col: PlannedColumn, s: string, a: number, b: number): boolean {
    const kind = col.kind;
    if (kind < 30) {
      const g = this.charges[col.slot]!;
      g.present = true;
      switch (kind) {
        case K.chargeOffense:
          return (g.offense = this.offenseAt(s, a, b)) >= 0;
        case K.chargeClass:
          return (g.cls = classAt(s, a, b)) !== 0;
        case K.chargeDegree: {
          const d = digitsAt(s, a, b);
          if (d < 1 || d > 9) return false;
          g.degreeBit = 1 << d;
          return true;
        }
        case K.chargeCategories: {
          const cats = this.categoriesAt(s, a, b);
          if (!cats) return false;
          g.cats = cats.mask;
          g.catList = cats.list;
          return true;
        }
        case K.chargeBondPosted:
          return (g.flagA = boolAt(s, a, b)) >= 0;
        case K.chargeBondable:
          return (g.flagB = boolAt(s, a, b)) >= 0;
        case K.chargeProbableCause:
          return (g.flagC = boolAt(s, a, b)) >= 0;
      }
      return false;
    }
    if (kind < 40) {
      const g = this.convictions[col.slot]!;
      g.present = true;
      switch (kind) {
        case K.convictionOffense:
          return (g.offense = this.offenseAt(s, a, b)) >= 0;
        case K.convictionClass:
          return (g.cls = classAt(s, a, b)) !== 0;
        case K.convictionDegree: {
          const d = digitsAt(s, a, b);
          if (d < 1 || d > 9) return false;
          g.degreeBit = 1 << d;
          return true;
        }
        case K.convictionCategories: {
          const cats = this.categoriesAt(s, a, b);
          if (!cats) return false;
          g.cats = cats.mask;
          g.catList = cats.list;
          return true;
        }
        case K.convictionConvictedOn:
          g.dateA = dateAt(s, a, b);
          g.ymdA = lastYmd;
          return !Number.isNaN(g.dateA);
        case K.convictionReleasedOn:
          g.dateB = dateAt(s, a, b);
          g.ymdB = lastYmd;
          return !Number.isNaN(g.dateB);
        case K.convictionIncarceratedDays: {
          const d = digitsAt(s, a, b);
          if (d < 0 || d > 50000) return false;
          g.days = d;
          return true;
        }
        case K.convictionCurrent:
          return (g.flagA = boolAt(s, a, b)) >= 0;
        case K.convictionJuvenile:
          return (g.flagB = boolAt(s, a, b)) >= 0;
      }
      return false;
    }
    const g = this.warrants[col.slot]!;
    g.present = true;
    switch (kind) {
      case K.warrantKind: {
        const len = b - a;
        g.cls = len === 8 && s.startsWith('criminal', a) ? 1 : len === 5 && s.startsWith('civil', a) ? 2 : 0;
        return g.cls !== 0;
      }
      case K.warrantJurisdiction: {
        const word = s.slice(a, b);
        const code = Object.prototype.hasOwnProperty.call(JURISDICTION_CODES, word) ? JURISDICTION_CODES[word]! : 0;
        g.cats = code;
        return code !== 0;
      }
      case K.warrantFelony:
        return (g.flagA = boolAt(s, a, b)) >= 0;
    }
    return false;
  }

  /** The reference reading: exact problems, worded for the file's columns. */
  private slowCase(index: number, row: number, undecodable: boolean): void {
    const sc = this.scanner;
    const plan = this.plan!;
    const fields = sc.fields();
    const problems: CaseProblem[] = [];
    const at = (field: string, message: string, id?: string): CaseProblem => ({ index, ...(id ? { id } : {}), field, message, row });
    const rowCase = caseFromRow(plan, fields);
    const rawId = rowCase.value.id;
    const id = typeof rawId === 'string' ? escapeUnsafe(rawId) : undefined;
    if (sc.count !== plan.width) {
      const extra = fields.slice(plan.width).some((f) => f.trim() !== '');
      if (sc.count < plan.width || extra)
        problems.push(
          at(
            '',
            `the row has ${sc.count} field${sc.count === 1 ? '' : 's'} but the header names ${plan.width} columns` +
              (sc.count < plan.width ? '; the row may be cut short' : '; a value may hold an unquoted comma'),
            id,
          ),
        );
    }
    if (sc.strayAfterQuote) {
      const col = plan.columns.find((c) => c.index === sc.strayAfterQuote - 1);
      problems.push(at(col?.name ?? `column ${sc.strayAfterQuote}`, 'text follows the closing quote; quote the whole value', id));
    }
    if (undecodable) {
      fields.forEach((f, k) => {
        if (!f.includes(REPLACEMENT)) return;
        const col = plan.columns.find((c) => c.index === k);
        problems.push(
          at(col?.name ?? `column ${k + 1}`, 'holds bytes that are not UTF-8 text (shown as \uFFFD); save the file as UTF-8', id),
        );
      });
    }
    const r = prepareCase(rowCase.value, index);
    if (!r.ok) for (const p of r.problems) problems.push({ ...p, field: columnOfField(plan, rowCase.slots, p.field), row });
    if (problems.length) this.sink.reject(index, problems);
    else if (r.ok) this.sink.add(r.prepared, index, row);
  }
}
