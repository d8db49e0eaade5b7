// Reading CSV case files fast: the file's bytes are split into fields and each field is read from its
// bytes straight into the case table, with no string made but the case's id and the first sight of
// each offense name and category list. Any record the fast reader does not accept outright is
// decoded and read again by the reference reader (caseFromRow + prepareCase), which decides and words
// the problems; so the fast reader only has to be exact about what it accepts, and tests hold it to that.

import { checkChronology, prepareCase, type CaseProblem } from '../cases';
import { escapeUnsafe, invisibleCharacterIndex, isUnsafeCharCode, unsafeCharacterIndex } from '../text-safety';
import { categoryMask, JURISDICTION_BITS, type PreparedCase } from '../prepared';
import { daysFromCivil, daysInMonth, MINUTES_PER_DAY, RECORD_MINUTES_END } from '../time';
import {
  ageOnDay,
  caseFromRow,
  cellReading,
  columnOfField,
  quotedAsWritten,
  GROUP_LIST,
  K,
  planColumns,
  columnProblemText,
  splitCategories,
  type ColumnPlan,
  type PlannedColumn,
  type RowCase,
} from './columns';
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
import { REQUEST_HOLD, REQUEST_NOTIFY } from './compact';
import { CsvByteScanner, zeros } from './csv-scan';
import type { ColumnMapping } from './mapping';

/** Where the importer sends what it reads. */
export interface CaseSink {
  /** The table good cases are written into. */
  readonly builder: CaseTableBuilder;
  /** A good case written into the table by the reader itself; `index` is its 0-based record number. */
  written(index: number, row: number): void;
  /** A good case prepared from its contract form, for the sink to write into the table. */
  add(c: PreparedCase, index: number, row: number): void;
  /** A bad record, with every problem found in it, and its id where it has one (a good case with the same id is not read either). */
  reject(index: number, problems: CaseProblem[], id?: { id: string; place: number }): void;
  /** A problem with the file as a whole: reading stops. */
  fail(problems: CaseProblem[]): void;
}

/**
 * A yes/no column of a file read through a column mapping, left empty on some of the rows read and
 * filled on others, with no meaning given to its blanks: those rows read the column's default (no;
 * for `bondable`, yes).
 */
export interface BlankColumn {
  /** The column as named in the file. */
  column: string;
  /** The documented column it fills (`judicialWarrant`, `charge2.bondPosted`, `gangDatabase`). */
  target: string;
  /** The fact: `judicialWarrant`, `administrativeWarrant`, a record key, or a group field (`bondPosted`). */
  fact: string;
  group?: 'charge' | 'conviction' | 'warrant';
  /** Rows (for a group column: that charge, conviction or warrant) on which the cell was empty. */
  blank: number;
  /** Rows (or items) read, empty or not. */
  of: number;
}

const SEEN_JUDICIAL = 1 << 8;
const SEEN_ADMIN = 1 << 9;

const CATEGORY_RE = /^[a-z][a-z0-9-]*$/;
/** Rows of one booking read when each row gives one charge (conviction, warrant); past this the booking is refused. */
const MAX_ROWS_PER_BOOKING = 1000;
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
  /** Rows read with this item, and on how many of them each yes/no cell (flagA, B, C) was empty. */
  rows = 0;
  blankA = 0;
  blankB = 0;
  blankC = 0;
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

/** A row's charges, convictions or warrants: one scratch per numbered item, and how many of them a cell of the row has filled. */
class GroupItems {
  readonly list: GroupScratch[];
  present = 0;
  constructor(count: number) {
    this.list = Array.from({ length: count }, () => new GroupScratch());
  }
  /** Marks item g (one of this list's) as filled by a cell of the row. */
  fill(g: GroupScratch): void {
    g.present = true;
    this.present++;
  }
  /** Every item back to its starting values, for the next row. */
  clear(): void {
    if (this.present === 0) return;
    for (const g of this.list) if (g.present) g.reset();
    this.present = 0;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Up to 9 digits as a number; -1 for anything else (signs and longer numbers go to the reference reader). */
export function digitsAt(s: Uint8Array, a: number, b: number): number {
  if (b - a > 9) return -1;
  let v = 0;
  for (let i = a; i < b; i++) {
    const d = s[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function two(s: Uint8Array, i: number): number {
  const a = s[i]! - 48;
  const b = s[i + 1]! - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The date of the last successful ymdAt, packed (case-table packYmd). */
let lastYmd = 0;

/**
 * Day numbers of 1 January of the years FIRST_YEAR to FIRST_YEAR + YEARS - 1, whether each is a leap
 * year, and by month (13 * leap + month) the days before the month and the days in it: a date in
 * those years is two lookups and a sum, not daysFromCivil's divisions. Plain arrays, as kindAt.
 */
const FIRST_YEAR = 1800;
const YEARS = 400;
const yearStart: number[] = Array.from({ length: YEARS }, (_, k) => daysFromCivil(FIRST_YEAR + k, 1, 1));
const yearLeap: number[] = Array.from({ length: YEARS }, (_, k) => (daysInMonth(FIRST_YEAR + k, 2) === 29 ? 1 : 0));
const monthDays: number[] = Array.from({ length: 26 }, (_, i) => (i % 13 === 0 ? 0 : daysInMonth(i < 13 ? 2001 : 2000, i % 13)));
const monthStart: number[] = monthDays.map((_, i) => {
  let before = 0;
  for (let j = i - (i % 13) + 1; j < i; j++) before += monthDays[j]!;
  return before;
});

/** Day number of YYYY-MM-DD at s[a, a+10), or NaN. */
function ymdAt(s: Uint8Array, a: number): number {
  const y1 = two(s, a);
  const y2 = two(s, a + 2);
  if (y1 < 0 || y2 < 0 || s[a + 4] !== 45 || s[a + 7] !== 45) return NaN;
  return dayOf(y1 * 100 + y2, two(s, a + 5), two(s, a + 8));
}

/** Day number of year y (0 to 9999), month m and day d, or NaN when that day is not in the calendar. */
function dayOf(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1) return NaN;
  const k = y - FIRST_YEAR;
  if (k < 0 || k >= YEARS) {
    if (d > daysInMonth(y, m)) return NaN;
    lastYmd = packYmd(y, m, d);
    return daysFromCivil(y, m, d);
  }
  const month = 13 * yearLeap[k]! + m;
  if (d > monthDays[month]!) return NaN;
  lastYmd = packYmd(y, m, d);
  return yearStart[k]! + monthStart[month]! + d - 1;
}

/** As time.parseDate: YYYY-MM-DD. */
function dateAt(s: Uint8Array, a: number, b: number): number {
  return b - a === 10 ? ymdAt(s, a) : NaN;
}

/** Where the last successful slashedDayAt's year ends. */
let slashedEnd = 0;

/**
 * The day number of a slashed date at the start of s[a, b) (`9/7/2025`, `09/07/2025`: one or two
 * digits, one or two digits, four digits), month first unless `dayFirst`; NaN when it is none or not a
 * day of the calendar. Sets `slashedEnd` past its year. The reference reading turns such a date into
 * ISO text (columns.ts isoFromSlashed) that the case format then reads: the same day.
 */
function slashedDayAt(s: Uint8Array, a: number, b: number, dayFirst: boolean): number {
  let p = a;
  let c = s[p]! - 48;
  if (c < 0 || c > 9) return NaN;
  let first = c;
  c = s[++p]! - 48;
  if (c >= 0 && c <= 9 && p < b) {
    first = first * 10 + c;
    p++;
  }
  if (p >= b || s[p] !== 47) return NaN;
  c = s[++p]! - 48;
  if (p >= b || c < 0 || c > 9) return NaN;
  let second = c;
  c = s[++p]! - 48;
  if (c >= 0 && c <= 9 && p < b) {
    second = second * 10 + c;
    p++;
  }
  if (p >= b || s[p] !== 47 || p + 5 > b) return NaN;
  const y1 = two(s, p + 1);
  const y2 = two(s, p + 3);
  if (y1 < 0 || y2 < 0) return NaN;
  slashedEnd = p + 5;
  return dayFirst ? dayOf(y1 * 100 + y2, second, first) : dayOf(y1 * 100 + y2, first, second);
}

/**
 * A date (or date and time) cell of an export whose mapping names the order of its slashed dates:
 * an ISO cell as dateAt / dateTimeAt read it; a slashed one as the reference reading reads it after
 * isoFromSlashed, `[ T]+` then H:MM, :SS (dropped), and AM or PM (`a.m.`, any case) after spaces.
 * `withTime` false (a date of birth, a conviction's dates): the date alone. NaN for anything else,
 * which the reference reading then reads or reports; so only what it accepts needs to be exact.
 */
function slashedAt(s: Uint8Array, a: number, b: number, dayFirst: boolean, withTime: boolean): number {
  if (s[a + 1] !== 47 && s[a + 2] !== 47) return withTime ? dateTimeAt(s, a, b) : dateAt(s, a, b);
  const day = slashedDayAt(s, a, b, dayFirst);
  let p = slashedEnd;
  if (p === b || Number.isNaN(day)) return withTime ? day * MINUTES_PER_DAY : p === b ? day : NaN;
  if (!withTime) return NaN;
  // [ T]+
  const gap = p;
  while (p < b && (s[p] === 32 || s[p] === 84)) p++;
  if (p === gap) return NaN;
  // H or HH, then :MM
  let h = s[p]! - 48;
  if (p >= b || h < 0 || h > 9) return NaN;
  const d2 = s[++p]! - 48;
  if (p < b && d2 >= 0 && d2 <= 9) {
    h = h * 10 + d2;
    p++;
  }
  if (p + 3 > b || s[p] !== 58) return NaN;
  const mi = two(s, p + 1);
  if (mi < 0 || mi > 59) return NaN;
  p += 3;
  // :SS, read and dropped as the case format drops it
  if (p < b && s[p] === 58) {
    const sec = p + 3 <= b ? two(s, p + 1) : -1;
    if (sec < 0 || sec > 59) return NaN;
    p += 3;
  }
  if (p < b) {
    // spaces, then A or P, a dot, M, a dot
    while (p < b && s[p] === 32) p++;
    const ap = s[p]! | 0x20;
    if (p >= b || (ap !== 97 && ap !== 112)) return NaN;
    p++;
    if (p < b && s[p] === 46) p++;
    if (p >= b || (s[p]! | 0x20) !== 109) return NaN;
    p++;
    if (p < b && s[p] === 46) p++;
    if (p !== b) return NaN;
    // 12 AM is midnight, 12 PM noon; an hour outside 1 to 12 is for the reference reading to report.
    if (h < 1 || h > 12) return NaN;
    h = (h % 12) + (ap === 112 ? 12 : 0);
  } else if (h > 23) return NaN;
  return day * MINUTES_PER_DAY + h * 60 + mi;
}

/** As time.parseDateTime: YYYY-MM-DD, optionally [T ]HH:MM, optionally :SS. Minutes, or NaN. */
export function dateTimeAt(s: Uint8Array, a: number, b: number): number {
  const len = b - a;
  if (len !== 10 && len !== 16 && len !== 19) return NaN;
  const day = ymdAt(s, a);
  if (len === 10 || Number.isNaN(day)) return day * MINUTES_PER_DAY;
  const sep = s[a + 10];
  if ((sep !== 84 && sep !== 32) || s[a + 13] !== 58) return NaN;
  const h = two(s, a + 11);
  const mi = two(s, a + 14);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  if (len === 19) {
    const sec = two(s, a + 17);
    if (s[a + 16] !== 58 || sec < 0 || sec > 59) return NaN;
  }
  return day * MINUTES_PER_DAY + h * 60 + mi;
}

/**
 * A word's character codes, as isWord compares them: read from a list of numbers, not from the
 * string at each byte (a class cell's word cost about half again as much compared through charCodeAt).
 */
type Word = readonly number[];
const word = (w: string): Word => Array.from(w, (c) => c.charCodeAt(0));
const YES = word('yes');
const NO = word('no');
const FELONY = word('felony');
const MISDEMEANOR = word('misdemeanor');
const INFRACTION = word('infraction');
const HOLD = word('hold');
const NOTIFY = word('notify');
const HOLD_NOTIFY = word('hold;notify');
const STATE = word('state');
const LOCAL = word('local');
const FEDERAL = word('federal');
const OTHER_STATE = word('other-state');
const CRIMINAL = word('criminal');
const CIVIL = word('civil');

/** Whether s[a, b) is the lower-case word w, ignoring case when `fold`. */
function isWord(s: Uint8Array, a: number, b: number, w: Word, fold: boolean): boolean {
  const n = w.length;
  if (b - a !== n) return false;
  const mask = fold ? 0x20 : 0;
  for (let i = 0; i < n; i++) if ((s[a + i]! | mask) !== w[i]) return false;
  return true;
}

/** true/yes/y/1 -> 1, false/no/n/0 -> 0, any case; else -1. */
export function boolAt(s: Uint8Array, a: number, b: number): number {
  const len = b - a;
  const first = s[a]!;
  const c = first | 0x20;
  if (len === 1) {
    if (c === 121 /* y */ || first === 49 /* 1 */) return 1;
    if (c === 110 /* n */ || first === 48 /* 0 */) return 0;
    return -1;
  }
  // "true" and "false", the spellings the project writes, compared byte by byte (a byte | 0x20 is a
  // lower-case letter only when the byte is that letter in either case).
  if (len === 4 && c === 116) return (s[a + 1]! | 0x20) === 114 && (s[a + 2]! | 0x20) === 117 && (s[a + 3]! | 0x20) === 101 ? 1 : -1;
  if (len === 5 && c === 102)
    return (s[a + 1]! | 0x20) === 97 && (s[a + 2]! | 0x20) === 108 && (s[a + 3]! | 0x20) === 115 && (s[a + 4]! | 0x20) === 101 ? 0 : -1;
  if (len === 3 && c === 121) return isWord(s, a, b, YES, true) ? 1 : -1;
  if (len === 2 && c === 110) return isWord(s, a, b, NO, true) ? 0 : -1;
  return -1;
}

function classAt(s: Uint8Array, a: number, b: number): number {
  // The three words' lengths differ: the length picks the one word to compare.
  switch (b - a) {
    case 6:
      return isWord(s, a, b, FELONY, false) ? 1 : 0;
    case 11:
      return isWord(s, a, b, MISDEMEANOR, false) ? 2 : 0;
    case 10:
      return isWord(s, a, b, INFRACTION, false) ? 4 : 0;
  }
  return 0;
}

/** The requests column: hold and notify separated by ; | / or spaces. A bit mask, or -1. */
function requestsAt(s: Uint8Array, a: number, b: number): number {
  // The spellings the project writes, whole.
  if (b - a === 11 && isWord(s, a, b, HOLD_NOTIFY, false)) return REQUEST_HOLD | REQUEST_NOTIFY;
  if (b - a === 6 && isWord(s, a, b, NOTIFY, false)) return REQUEST_NOTIFY;
  let mask = 0;
  let i = a;
  while (i < b) {
    const c = s[i]!;
    if (c === 59 || c === 124 || c === 47 || isSpace(c)) {
      i++;
      continue;
    }
    let j = i;
    while (j < b) {
      const d = s[j]!;
      if (d === 59 || d === 124 || d === 47 || isSpace(d)) break;
      if (d > 127) return -1;
      j++;
    }
    if (isWord(s, i, j, HOLD, false)) mask |= REQUEST_HOLD;
    else if (isWord(s, i, j, NOTIFY, false)) mask |= REQUEST_NOTIFY;
    else return -1;
    i = j;
  }
  return mask;
}

/** A warrant's jurisdiction as its bit (JURISDICTION_BITS); 0 for anything else. */
function jurisdictionAt(s: Uint8Array, a: number, b: number): number {
  switch (b - a) {
    case 5:
      return isWord(s, a, b, STATE, false) ? JURISDICTION_BITS.state : isWord(s, a, b, LOCAL, false) ? JURISDICTION_BITS.local : 0;
    case 7:
      return isWord(s, a, b, FEDERAL, false) ? JURISDICTION_BITS.federal : 0;
    case 11:
      return isWord(s, a, b, OTHER_STATE, false) ? JURISDICTION_BITS['other-state'] : 0;
  }
  return 0;
}

/**
 * Finds a value by the bytes at s[a, b) without making a string of them first (a million rows
 * would make millions of short-lived strings): an open-addressed table, probed by a small key made
 * from the length and the first two and last two bytes (no loop over the bytes to find the slot), the
 * keys' bytes compared in place four at a time. Its lists are plain arrays, as kindAt.
 */
export class ByteTable<T> {
  /** Entry number + 1 by slot (0: empty); a power of two, at least twice the entries. */
  private slots: number[] = zeros(64);
  private shift = 32 - 6;
  /** Per entry: its small key, its length in bytes, and where its words start in `words`. */
  private entryKey: number[] = [];
  private entryLength: number[] = [];
  private wordStart: number[] = [];
  /**
   * Each entry's bytes as little-endian 32-bit words: of 4 bytes or more, the words at 0, 4, 8, ...
   * that end before its last byte, then the word of its last four bytes (the two may overlap); of
   * fewer, one word of its bytes. Kept as doubles (the first value is not a whole number) so that
   * every word fits whatever its bytes; words[0] is that first value, not a word.
   */
  private words: number[] = [0.5];
  private lastBytes: Uint8Array | undefined;
  private lastView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private values: T[] = [];
  private count = 0;

  get(s: Uint8Array, a: number, b: number): T | undefined {
    const key = ByteTable.key(s, a, b);
    const view = this.viewOf(s);
    const slots = this.slots;
    const mask = slots.length - 1;
    const len = b - a;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.shift; ; i = (i + 1) & mask) {
      const e = slots[i]! - 1;
      if (e < 0) return undefined;
      if (this.entryKey[e] === key && this.entryLength[e] === len && this.same(view, s, a, len, this.wordStart[e]!)) return this.values[e];
    }
  }

  /** Adds a value for bytes not in the table. */
  set(s: Uint8Array, a: number, b: number, value: T): void {
    // A file with endless distinct values gets no benefit from the table; keep it bounded.
    if (this.count > 50_000) {
      this.slots = zeros(64);
      this.shift = 32 - 6;
      this.entryKey = [];
      this.entryLength = [];
      this.wordStart = [];
      this.words = [0.5];
      this.values = [];
      this.count = 0;
    }
    const e = this.count++;
    const len = b - a;
    const view = this.viewOf(s);
    this.entryKey.push(ByteTable.key(s, a, b));
    this.entryLength.push(len);
    this.wordStart.push(this.words.length);
    if (len < 4) this.words.push(ByteTable.short(s, a, len));
    else {
      for (let j = 0; j + 4 < len; j += 4) this.words.push(view.getInt32(a + j, true));
      this.words.push(view.getInt32(b - 4, true));
    }
    this.values.push(value);
    if (this.count * 2 > this.slots.length) {
      this.slots = zeros(this.slots.length * 2);
      this.shift--;
      for (let k = 0; k < this.count; k++) this.place(k);
    } else this.place(e);
  }

  /** Whether the len bytes at s[a] are those of the entry whose words start at w. */
  private same(view: DataView, s: Uint8Array, a: number, len: number, w: number): boolean {
    const words = this.words;
    if (len < 4) return ByteTable.short(s, a, len) === words[w];
    let j = 0;
    for (; j + 4 < len; j += 4) if (view.getInt32(a + j, true) !== words[w++]) return false;
    return view.getInt32(a + len - 4, true) === words[w];
  }

  /** A DataView of s: the bytes being read change seldom (a reader's buffer grows), so their view is kept. */
  private viewOf(s: Uint8Array): DataView {
    if (s !== this.lastBytes) {
      this.lastBytes = s;
      this.lastView = new DataView(s.buffer, s.byteOffset, s.byteLength);
    }
    return this.lastView;
  }

  private place(e: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = Math.imul(this.entryKey[e]!, 0x9e3779b1) >>> this.shift;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = e + 1;
  }

  /** Fewer than four bytes as one little-endian word. */
  private static short(s: Uint8Array, a: number, len: number): number {
    let x = 0;
    for (let i = 0; i < len; i++) x |= s[a + i]! << (8 * i);
    return x;
  }

  /** A small integer from the length and the bytes at the ends; b > a. */
  private static key(s: Uint8Array, a: number, b: number): number {
    const len = b - a;
    return (
      (((len & 0x3f) << 24) | (s[a]! << 16) | (s[a + (len > 1 ? 1 : 0)]! << 8) | (s[b - 1]! ^ (s[b - 2 < a ? a : b - 2]! << 1))) &
      0x3fffffff
    );
  }
}

/** The yes/no kinds of column, and for a group's, the scratch flag it is read into. */
const YES_NO_FLAG: Partial<Record<number, 'A' | 'B' | 'C'>> = {
  [K.chargeBondPosted]: 'A',
  [K.chargeBondable]: 'B',
  [K.chargeProbableCause]: 'C',
  [K.convictionCurrent]: 'A',
  [K.convictionJuvenile]: 'B',
  [K.warrantFelony]: 'A',
};
const YES_NO_KINDS = new Set<number>([K.judicialWarrant, K.administrativeWarrant, K.record, ...Object.keys(YES_NO_FLAG).map(Number)]);

/** Room for a string's UTF-8 bytes. */
function utf8Room(buf: Uint8Array, chars: number): Uint8Array {
  return buf.length >= chars * 3 ? buf : new Uint8Array(Math.max(chars * 3, buf.length * 2));
}

export class CsvCaseReader {
  /** The file's records, split on its bytes (sparse: the fast reading reads only the fields in `filled`). */
  private readonly scanner = new CsvByteScanner(true);
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly encoder = new TextEncoder();
  private plan: ColumnPlan | undefined;
  /** The planned column at each position of the row (undefined for ignored ones). */
  private byIndex: Array<PlannedColumn | undefined> = [];
  /**
   * By position in the row: the column's kind (K; 0 for an ignored one), its slot, and whether its
   * values are mapped. Plain arrays, as the scanner's field bounds are (csv-scan.ts, zeros).
   */
  private kindAt: number[] = [];
  private slotAt: number[] = [];
  /** By position: 1 when the column's values are mapped, 2 when its blanks are, 3 both (0 for most columns: one test per cell). */
  private mappedAt: number[] = [];
  /** Columns whose blanks the mapping gives a meaning, each with the meaning's bytes; and the record each was last filled on. */
  private blankCols: number[] = [];
  private blankBytesAt: Array<Uint8Array | undefined> = [];
  private filledOn: number[] = [];
  private feedingBlank = false;
  /** The mapping's order of slashed dates: 0 none (only ISO dates are read), 1 month first, 2 day first. */
  private slashed = 0;
  /**
   * Yes/no cells of the case's own columns seen on the row (record bits, SEEN_JUDICIAL, SEEN_ADMIN), and
   * those the header has: a row that lacks one is counted (blankCounts).
   */
  private seen = 0;
  private seenAll = 0;
  /** The case's own yes/no columns with no blank mapped: each one's bit in `seen`, and its position. */
  private seenBits: number[] = [];
  private seenCols: number[] = [];
  private caseRows = 0;
  /** Empty yes/no cells counted by the reference reading and by endRow's case columns, by position; items the reference reading read, by position. */
  private blankAt: number[] = [];
  private itemRowsAt: number[] = [];
  private charges = new GroupItems(0);
  private convictions = new GroupItems(0);
  /** The row's conviction and release days, for the chronology rules (plain arrays, as kindAt). */
  private convictedOn: number[] = [];
  private releasedOn: number[] = [];
  private warrants = new GroupItems(0);
  /**
   * By position in the row: the charge, conviction or warrant the column fills, and the list it is
   * one of (null for the case's own columns and ignored ones): a cell finds its item in one lookup.
   */
  private itemAt: Array<GroupScratch | null> = [];
  private itemsAt: Array<GroupItems | null> = [];
  private readonly categories = new ByteTable<Categories | null>();
  private readonly offenses = new ByteTable<number>();
  private index = 0;
  /** Where the id is in the row (-1: no column gives it). */
  private idIndex = -1;
  /** By position: whether the column is one of a row's own charge (conviction, warrant), read one per row. */
  private rowItemAt: boolean[] = [];
  private stopped = false;
  // A quoted field with doubled quotes, or a mapped value, as bytes.
  private fieldBytes: Uint8Array = new Uint8Array(256);
  private mappedBytes: Uint8Array = new Uint8Array(256);
  private readonly idCodes: number[] = [];
  // The row being read.
  /**
   * The row's id: ASCII, as the bytes idBytes[idFrom, idFrom + idLength) (no string made; the bytes
   * the record is read from, which stay put while it is read); other text, as idText. idLength is -1
   * when the row has none.
   */
  private idBytes: Uint8Array = new Uint8Array(0);
  private idCopy: Uint8Array = new Uint8Array(256);
  private idFrom = 0;
  private idLength = -1;
  private idText: string | undefined = undefined;
  private age = -1;
  /** The row's date of birth, packed (packYmd); 0 when none. */
  private birthYmd = 0;
  private birth = NaN;
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

  /** The groups each row gives one item of, when the mapping reads them so (`charge.class`). */
  get rowItems(): readonly string[] | undefined {
    return this.plan?.rowItems;
  }

  /** Records read so far, good and bad (the header not counted). */
  get recordsRead(): number {
    return this.index;
  }

  /** Reads a piece of the file's text (its UTF-8 bytes are what is read). */
  push(text: string): void {
    if (this.stopped) return;
    this.scanner.pushText(text);
    this.drain(false);
  }

  /** Reads a piece of the file's bytes, of any size. */
  pushBytes(bytes: Uint8Array): void {
    if (this.stopped) return;
    this.scanner.push(bytes);
    this.drain(false);
  }

  finish(): void {
    if (this.stopped) return;
    this.drain(true);
    if (!this.stopped && this.plan?.rowItems) this.readBooking();
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
    while (!this.stopped && sc.next(final)) {
      if (this.plan) this.record();
      else this.readHeader();
    }
    if (sc.error && !this.stopped) {
      // An unclosed quote names the column it opens, as a row's other problems do.
      const k = sc.error.field;
      const field = k ? (this.plan?.columns.find((c) => c.index === k - 1)?.name ?? `column ${k}`) : '';
      this.fatal([{ index: -1, field, row: sc.error.row, message: sc.error.message }]);
    }
  }

  /**
   * One record: read from its bytes straight into the table when the fast reading accepts it whole,
   * else by the reference reading, which decides and words the problems.
   */
  private record(): void {
    const sc = this.scanner;
    const index = this.index++;
    const row = sc.row;
    // Bytes that are not UTF-8 (or the replacement character itself) go to the reference reading.
    const bad = sc.high !== 0 && this.decoder.decode(sc.buf.subarray(sc.recordStart, sc.recordEnd)).includes(REPLACEMENT);
    if (this.plan!.rowItems) {
      this.groupedRecord(row, bad);
      return;
    }
    if (!bad && !sc.strayAfterQuote && sc.count === this.plan!.width && this.fastCase()) this.sink.written(index, row);
    else this.slowCase(index, row, bad);
  }

  /** A date cell (YYYY-MM-DD, or slashed in the mapping's order when it names one): its day number, or NaN. */
  private dateCell(s: Uint8Array, a: number, b: number): number {
    return this.slashed === 0 ? dateAt(s, a, b) : slashedAt(s, a, b, this.slashed === 2, false);
  }

  /** A date-and-time cell, read as dateCell reads a date: its minutes, or NaN. */
  private dateTimeCell(s: Uint8Array, a: number, b: number): number {
    return this.slashed === 0 ? dateTimeAt(s, a, b) : slashedAt(s, a, b, this.slashed === 2, true);
  }

  /** The fast reading of the scanner's record, field by field from its bytes; true when written. */
  private fastCase(): boolean {
    const sc = this.scanner;
    const b = sc.buf;
    const starts = sc.starts;
    const ends = sc.ends;
    const filled = sc.filled;
    const count = sc.filledCount;
    const kindAt = this.kindAt;
    this.beginRow();
    for (let x = 0; x < count; x++) {
      const k = filled[x]!;
      const kind = kindAt[k]!;
      if (kind === 0) continue;
      const a = starts[k]!;
      if (a >= 0) {
        const e = ends[k]!;
        if (a < e && !this.field(k, kind, b, a, e)) return false;
        continue;
      }
      // A quoted field with doubled quotes: its text, read as bytes.
      const value = sc.quoted[k]!;
      if (value === '') continue;
      const bytes = (this.fieldBytes = utf8Room(this.fieldBytes, value.length));
      if (!this.field(k, kind, bytes, 0, this.encoder.encodeInto(value, bytes).written)) return false;
    }
    if (this.blankCols.length !== 0 && !this.fillBlanks()) return false;
    return this.endRow();
  }

  /** The mapping's meaning of each empty cell that has one (in a group, only for an item the row has); false as field. */
  private fillBlanks(): boolean {
    this.feedingBlank = true;
    let ok = true;
    for (const k of this.blankCols) {
      if (this.filledOn[k] === this.index) continue;
      const g = this.itemAt[k];
      if (g && !g.present) continue;
      const bytes = this.blankBytesAt[k]!;
      if (!this.field(k, this.kindAt[k]!, bytes, 0, bytes.length)) {
        ok = false;
        break;
      }
    }
    this.feedingBlank = false;
    return ok;
  }
  private readHeader(): void {
    const sc = this.scanner;
    const header = sc.fields();
    const { plan, problems } = planColumns(header, this.mapping);
    if (!plan) {
      this.fatal(problems.map((p) => ({ index: -1, field: '', message: columnProblemText(p), row: sc.row, header: p })));
      return;
    }
    this.plan = plan;
    this.slashed = plan.dates === undefined ? 0 : plan.dates === 'day/month/year' ? 2 : 1;
    this.idIndex = plan.columns.find((c) => c.kind === K.id)?.index ?? -1;
    this.rowItemAt = new Array<boolean>(plan.width).fill(false);
    for (const c of plan.columns) if (c.group && plan.rowItems?.includes(c.group)) this.rowItemAt[c.index] = true;
    this.byIndex = new Array<PlannedColumn | undefined>(plan.width).fill(undefined);
    this.kindAt = zeros(plan.width);
    this.slotAt = zeros(plan.width);
    this.mappedAt = zeros(plan.width);
    this.blankAt = zeros(plan.width);
    this.itemRowsAt = zeros(plan.width);
    this.filledOn = zeros(plan.width);
    this.blankBytesAt = new Array<Uint8Array | undefined>(plan.width).fill(undefined);
    this.blankCols = [];
    this.seenAll = 0;
    this.seenBits = [];
    this.seenCols = [];
    for (const col of plan.columns) {
      this.byIndex[col.index] = col;
      this.kindAt[col.index] = col.kind;
      this.slotAt[col.index] = col.slot;
      this.mappedAt[col.index] = (col.values ? 1 : 0) | (col.blank !== undefined ? 2 : 0);
      if (col.blank !== undefined) {
        this.blankCols.push(col.index);
        this.blankBytesAt[col.index] = this.encoder.encode(col.blank);
        continue;
      }
      const bit =
        col.kind === K.record
          ? col.slot
          : col.kind === K.judicialWarrant
            ? SEEN_JUDICIAL
            : col.kind === K.administrativeWarrant
              ? SEEN_ADMIN
              : 0;
      if (bit === 0) continue;
      this.seenAll |= bit;
      this.seenBits.push(bit);
      this.seenCols.push(col.index);
    }
    this.charges = new GroupItems(plan.groups.charge);
    this.convictions = new GroupItems(plan.groups.conviction);
    this.convictedOn = Array.from({ length: plan.groups.conviction }, () => NaN);
    this.releasedOn = Array.from({ length: plan.groups.conviction }, () => NaN);
    this.warrants = new GroupItems(plan.groups.warrant);
    this.itemAt = new Array<GroupScratch | null>(plan.width).fill(null);
    this.itemsAt = new Array<GroupItems | null>(plan.width).fill(null);
    for (const col of plan.columns) {
      if (!col.group) continue;
      const items = col.group === 'charge' ? this.charges : col.group === 'conviction' ? this.convictions : this.warrants;
      this.itemAt[col.index] = items.list[col.slot]!;
      this.itemsAt[col.index] = items;
    }
  }

  /** The text of s[a, b): ASCII built directly, anything else decoded. */
  private text(s: Uint8Array, a: number, b: number): string {
    const codes = this.idCodes;
    if (b - a <= 64) {
      codes.length = b - a;
      let high = 0;
      for (let i = a; i < b; i++) high |= codes[i - a] = s[i]!;
      if (high < 0x80) return String.fromCharCode.apply(null, codes);
    }
    return this.decoder.decode(s.subarray(a, b));
  }

  private categoriesAt(s: Uint8Array, a: number, b: number): Categories | null {
    let found = this.categories.get(s, a, b);
    if (found === undefined) {
      const names = splitCategories(this.text(s, a, b));
      found = names.every((n) => CATEGORY_RE.test(n))
        ? { mask: categoryMask(names), list: this.sink.builder.stringId(names.join(';')) }
        : null;
      this.categories.set(s, a, b, found);
    }
    return found;
  }

  /** The string id of an offense name; -1 (the reference reader words why) when it holds an unsafe character. */
  private offenseAt(s: Uint8Array, a: number, b: number): number {
    let found = this.offenses.get(s, a, b);
    if (found === undefined) {
      const name = this.text(s, a, b);
      if (unsafeCharacterIndex(name, false) >= 0) return -1;
      found = this.sink.builder.stringId(name);
      this.offenses.set(s, a, b, found);
    }
    return found;
  }

  private beginRow(): void {
    // An item no cell of the last row filled still holds its starting values.
    this.charges.clear();
    this.convictions.clear();
    this.warrants.clear();
    this.idLength = -1;
    this.age = -1;
    this.birthYmd = 0;
    this.seen = 0;
    this.booked = NaN;
    this.release = NaN;
    this.issued = NaN;
    this.requests = 0;
    this.judicial = false;
    this.admin = false;
    this.records = 0;
  }

  /**
   * Reads the non-empty cell of column k (the kinds of columns in one switch: a cell is the unit of
   * work, some 25 million of them in a million-row file); false when the reference reading must
   * decide about the record.
   */
  private field(k: number, kind: number, s: Uint8Array, a: number, b: number): boolean {
    // Most cells start and end with a printing ASCII character (33 to 126): nothing to trim, and no
    // Unicode space at an edge, which the reference reading would trim (String.prototype.trim).
    const first = s[a]!;
    const last = s[b - 1]!;
    if (first < 33 || first > 126 || last < 33 || last > 126) {
      while (a < b && isSpace(s[a]!)) a++;
      while (b > a && isSpace(s[b - 1]!)) b--;
      if (a === b) return true;
      if (s[a]! > 127 || s[b - 1]! > 127) return false;
    }
    // An apostrophe first may be the one this project writes before a formula's first character
    // (engine/csv.ts): the reference reading takes it away.
    if (s[a] === 0x27) return false;
    if (this.mappedAt[k] !== 0 && !this.feedingBlank) {
      const col = this.byIndex[k]!;
      if (col.values) {
        const mapped = col.values.map(this.text(s, a, b));
        if (mapped === '') return true;
        s = this.mappedBytes = utf8Room(this.mappedBytes, mapped.length);
        a = 0;
        b = this.encoder.encodeInto(mapped, s).written;
      }
      // Filled on this record: its blank's meaning is not read (fillBlanks).
      this.filledOn[k] = this.index;
    }
    // The charge, conviction or warrant a group column fills, marked as filled (null for the case's
    // own columns, whose cases below never read it).
    const g = this.itemAt[k]!;
    if (g !== null && !g.present) this.itemsAt[k]!.fill(g);
    switch (kind) {
      case K.id: {
        if (b - a > 200) return false;
        let high = 0;
        for (let i = a; i < b; i++) {
          const c = s[i]!;
          if (isUnsafeCharCode(c, false)) return false;
          high |= c;
        }
        this.idLength = b - a;
        if (high > 127) {
          // ASCII bytes are the id's characters, checked above; other text is checked as decoded.
          const id = this.text(s, a, b);
          if (unsafeCharacterIndex(id, false) >= 0 || invisibleCharacterIndex(id) >= 0) return false;
          this.idText = id;
          return true;
        }
        this.idText = undefined;
        if (s === this.scanner.buf) {
          // The record's own bytes, which stay put while it is read.
          this.idBytes = s;
          this.idFrom = a;
        } else {
          // A quoted or mapped id, in a scratch buffer a later cell may write over: copied.
          const out = (this.idCopy = utf8Room(this.idCopy, b - a));
          for (let i = a; i < b; i++) out[i - a] = s[i]!;
          this.idBytes = out;
          this.idFrom = 0;
        }
        return true;
      }
      case K.age:
        this.age = digitsAt(s, a, b);
        return this.age >= 0 && this.age <= 130;
      case K.dateOfBirth:
        this.birth = this.dateCell(s, a, b);
        this.birthYmd = lastYmd;
        return !Number.isNaN(this.birth);
      case K.bookedAt:
        this.booked = this.dateTimeCell(s, a, b);
        this.bookedYmd = lastYmd;
        // Not NaN, and not so late that it's a placeholder (the reference reading reports it).
        return this.booked < RECORD_MINUTES_END;
      case K.eligibleForReleaseAt:
        this.release = this.dateTimeCell(s, a, b);
        return this.release < RECORD_MINUTES_END;
      case K.issuedAt:
        this.issued = this.dateTimeCell(s, a, b);
        this.issuedYmd = lastYmd;
        return this.issued < RECORD_MINUTES_END;
      case K.requests:
        this.requests = requestsAt(s, a, b);
        return this.requests >= 0;
      case K.judicialWarrant: {
        const v = boolAt(s, a, b);
        this.judicial = v === 1;
        this.seen |= SEEN_JUDICIAL;
        return v >= 0;
      }
      case K.administrativeWarrant: {
        const v = boolAt(s, a, b);
        this.admin = v === 1;
        this.seen |= SEEN_ADMIN;
        return v >= 0;
      }
      case K.record: {
        const v = boolAt(s, a, b);
        if (v === 1) this.records |= this.slotAt[k]!;
        this.seen |= this.slotAt[k]!;
        return v >= 0;
      }
      // The fields charges and convictions share.
      case K.chargeOffense:
      case K.convictionOffense:
        return (g.offense = this.offenseAt(s, a, b)) >= 0;
      case K.chargeClass:
      case K.convictionClass:
        return (g.cls = classAt(s, a, b)) !== 0;
      case K.chargeDegree:
      case K.convictionDegree: {
        const d = digitsAt(s, a, b);
        g.degreeBit = 1 << d;
        return d >= 1 && d <= 9;
      }
      case K.chargeLevel:
      case K.convictionLevel: {
        // F, M or I, then an optional degree 1 to 9 ("F1"); anything else is the reference reading's.
        const len = b - a;
        const c = s[a]! | 0x20;
        g.cls = c === 102 /* f */ ? 1 : c === 109 /* m */ ? 2 : c === 105 /* i */ ? 4 : 0;
        if (len === 1) return g.cls !== 0;
        const d = s[a + 1]! - 48;
        g.degreeBit = 1 << d;
        return len === 2 && g.cls !== 0 && d >= 1 && d <= 9;
      }
      case K.chargeCategories:
      case K.convictionCategories: {
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
      case K.convictionConvictedOn: {
        g.dateA = this.dateCell(s, a, b);
        g.ymdA = lastYmd;
        return !Number.isNaN(g.dateA);
      }
      case K.convictionReleasedOn: {
        g.dateB = this.dateCell(s, a, b);
        g.ymdB = lastYmd;
        return !Number.isNaN(g.dateB);
      }
      case K.convictionIncarceratedDays: {
        const d = digitsAt(s, a, b);
        g.days = d;
        return d >= 0 && d <= 50000;
      }
      case K.convictionCurrent:
        return (g.flagA = boolAt(s, a, b)) >= 0;
      case K.convictionJuvenile:
        return (g.flagB = boolAt(s, a, b)) >= 0;
      case K.warrantKind: {
        const cls = isWord(s, a, b, CRIMINAL, false) ? 1 : isWord(s, a, b, CIVIL, false) ? 2 : 0;
        g.cls = cls;
        return cls !== 0;
      }
      case K.warrantJurisdiction: {
        const code = jurisdictionAt(s, a, b);
        g.cats = code;
        return code !== 0;
      }
      case K.warrantFelony:
        return (g.flagA = boolAt(s, a, b)) >= 0;
    }
    return false;
  }

  /**
   * Writes the row into the table when the fast reading accepts it whole; false (nothing written)
   * when the reference reading must look at it.
   */
  private endRow(): boolean {
    if (this.birthYmd !== 0) {
      // Age at booking from the date of birth, which wins over an age column; a birth after the
      // booking (or a row without one) is the reference reading's to word.
      if (Number.isNaN(this.booked) || this.birth > Math.floor(this.booked / MINUTES_PER_DAY)) return false;
      this.age = ageOnDay(this.birthYmd, this.bookedYmd);
      if (this.age > 130) return false;
    }
    if (this.idLength < 0 || this.age < 0 || Number.isNaN(this.booked) || Number.isNaN(this.release)) return false;
    const charges = this.charges.present !== 0;
    const convictions = this.convictions.present !== 0;
    const warrants = this.warrants.present !== 0;
    if (charges) for (const g of this.charges.list) if (g.present && !g.cls) return false;
    // The chronology rules (cases.ts) are checked on the convictions the row has (their numbers only
    // word a problem, and a row that breaks a rule is read again by the reference reader, which says how).
    let n = 0;
    if (convictions) {
      for (const g of this.convictions.list) {
        if (!g.present) continue;
        if (!g.cls || Number.isNaN(g.dateA)) return false;
        if (!Number.isNaN(g.dateB) && g.dateB < g.dateA) return false;
        this.convictedOn[n] = g.dateA;
        this.releasedOn[n++] = g.dateB;
      }
    }
    if (warrants) for (const g of this.warrants.list) if (g.present && !g.cls) return false;
    if (!checkChronology(this.age, this.booked, this.release, this.convictedOn, this.releasedOn, n)) return false;

    this.caseRows++;
    // Empty yes/no cells are counted only for an export read through a mapping (blankCounts).
    const counting = this.mapping !== undefined;
    if (counting && this.seen !== this.seenAll) this.countCaseBlanks();
    const t = this.sink.builder;
    const flags =
      (this.requests & REQUEST_HOLD ? F_REQ_HOLD : 0) |
      (this.requests & REQUEST_NOTIFY ? F_REQ_NOTIFY : 0) |
      (this.judicial ? F_JUDICIAL : 0) |
      (this.admin ? F_ADMIN : 0);
    const issued = Number.isNaN(this.issued);
    t.beginCase(
      this.age,
      flags,
      this.records,
      this.booked,
      this.bookedYmd,
      this.release,
      issued ? this.booked : this.issued,
      issued ? this.bookedYmd : this.issuedYmd,
    );
    if (this.idText === undefined) t.setAsciiId(this.idBytes, this.idFrom, this.idFrom + this.idLength);
    else t.setId(this.idText);
    if (convictions)
      for (const g of this.convictions.list) {
        if (!g.present) continue;
        if (counting) {
          g.rows++;
          if (g.flagA < 0) g.blankA++;
          if (g.flagB < 0) g.blankB++;
        }
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
    if (charges)
      for (const g of this.charges.list) {
        if (!g.present) continue;
        if (counting) {
          g.rows++;
          if (g.flagA < 0) g.blankA++;
          if (g.flagB < 0) g.blankB++;
          if (g.flagC < 0) g.blankC++;
        }
        t.addCharge(
          g.cls,
          g.degreeBit,
          g.cats,
          g.catList,
          g.offense,
          (g.flagA === 1 ? H_BOND_POSTED : 0) | (g.flagB !== 0 ? H_BONDABLE : 0) | (g.flagC === 1 ? H_PROBABLE_CAUSE : 0),
        );
      }
    if (warrants)
      for (const g of this.warrants.list) {
        if (!g.present) continue;
        if (counting) {
          g.rows++;
          if (g.flagA < 0) g.blankA++;
        }
        t.addWarrant((g.cls === 1 ? W_CRIMINAL : 0) | (g.flagA === 1 ? W_FELONY : 0), g.cats);
      }
    t.endCase();
    return true;
  }

  /** The reference reading: exact problems, worded for the file's columns. */
  private slowCase(index: number, row: number, undecodable: boolean): void {
    const plan = this.plan!;
    const fields = this.scanner.fields();
    const problems: CaseProblem[] = [];
    const at = (field: string, message: string, id?: string): CaseProblem => ({ index, ...(id ? { id } : {}), field, message, row });
    const rowCase = caseFromRow(plan, fields);
    const rawId = rowCase.value.id;
    const id = typeof rawId === 'string' ? escapeUnsafe(rawId) : undefined;
    this.rowShapeProblems(fields, undecodable, (field, message) => problems.push(at(field, message, id)));
    if (rowCase.problems)
      for (const p of rowCase.problems) problems.push({ ...at(p.field, p.message, id), ...(p.mend ? { mend: p.mend } : {}) });
    const r = prepareCase(rowCase.value, index);
    if (!r.ok)
      for (const p of r.problems) {
        const field = columnOfField(plan, rowCase.slots, p.field);
        problems.push({ ...p, field, message: quotedAsWritten(rowCase.written, field, p.message), row });
      }
    if (problems.length) this.sink.reject(index, problems, typeof rawId === 'string' ? { id: rawId, place: row } : undefined);
    else if (r.ok) {
      this.caseRows++;
      if (this.mapping !== undefined) this.countRowBlanks(fields, rowCase.slots);
      this.sink.add(r.prepared, index, row);
    }
  }

  /** The problems of the scanner's record as a row of the file: its number of fields, a stray quote, bytes that are not UTF-8. */
  private rowShapeProblems(fields: readonly string[], undecodable: boolean, report: (field: string, message: string) => void): void {
    const sc = this.scanner;
    const plan = this.plan!;
    if (sc.count !== plan.width) {
      const extra = fields.slice(plan.width).some((f) => f.trim() !== '');
      if (sc.count < plan.width || extra)
        report(
          '',
          `the row has ${sc.count} field${sc.count === 1 ? '' : 's'} but the header names ${plan.width} columns` +
            (sc.count < plan.width ? '; the row may be cut short' : '; a value may hold an unquoted comma'),
        );
    }
    if (sc.strayAfterQuote) {
      const col = plan.columns.find((c) => c.index === sc.strayAfterQuote - 1);
      report(col?.name ?? `column ${sc.strayAfterQuote}`, 'text follows the closing quote; quote the whole value');
    }
    if (undecodable)
      fields.forEach((f, k) => {
        if (!f.includes(REPLACEMENT)) return;
        const col = plan.columns.find((c) => c.index === k);
        report(col?.name ?? `column ${k + 1}`, 'holds bytes that are not UTF-8 text (shown as \uFFFD); save the file as UTF-8');
      });
  }

  // ---- one charge (conviction, warrant) per row ----

  /** A row of the booking being gathered: its fields and the problems of its shape. */
  private booking:
    { key: string; rows: Array<{ row: number; fields: string[]; shape: Array<[string, string]> }>; over: number } | undefined;
  /** Bookings read so far: the case's index (a booking of several rows is one case). */
  private bookings = 0;

  /**
   * A record of a file whose mapping reads one item per row: a row with the id of the row before
   * it is more of the same booking; any other starts the next, and the one before is read.
   */
  private groupedRecord(row: number, undecodable: boolean): void {
    const fields = this.scanner.fields();
    const shape: Array<[string, string]> = [];
    this.rowShapeProblems(fields, undecodable, (field, message) => shape.push([field, message]));
    const key = (fields[this.idIndex] ?? '').trim();
    const b = this.booking;
    if (b && key !== '' && key === b.key) {
      if (b.rows.length < MAX_ROWS_PER_BOOKING) b.rows.push({ row, fields, shape });
      else b.over++;
      return;
    }
    this.readBooking();
    this.booking = { key, rows: [{ row, fields, shape }], over: 0 };
  }

  /**
   * Reads the booking gathered: its own columns from its rows (the first filled cell of each; a later
   * row that says otherwise is a problem at that row and column), and one item of each row-item group
   * from each row that has one, in file order. Problems are placed at the row they come from.
   */
  private readBooking(): void {
    const b = this.booking;
    if (!b) return;
    this.booking = undefined;
    const plan = this.plan!;
    const index = this.bookings++;
    const first = b.rows[0]!;
    const grouped = plan.rowItems!;
    const itemAt = this.rowItemAt;
    // A row's cells of its charge (conviction, warrant), the others left empty.
    const cellsOf = (fields: readonly string[]) => fields.map((f, k) => (itemAt[k] ? f : ''));
    const problems: CaseProblem[] = [];
    // The key the rows were gathered by is the id cell, trimmed.
    const id = b.key === '' ? undefined : escapeUnsafe(b.key);
    const at = (row: number, field: string, message: string): CaseProblem => ({ index, ...(id ? { id } : {}), field, message, row });
    for (const r of b.rows) for (const [field, message] of r.shape) problems.push(at(r.row, field, message));

    // The booking's own cells: the first filled one of each column, every later filled one reading the
    // same (after the value map, as the case would get it: "Y" on one row and "yes" on another agree).
    const own = first.fields.slice();
    for (const col of plan.columns) {
      if (itemAt[col.index]) {
        own[col.index] = '';
        continue;
      }
      let value = (first.fields[col.index] ?? '').trim();
      let from = first.row;
      let reading: string | undefined;
      for (let k = 1; k < b.rows.length; k++) {
        const r = b.rows[k]!;
        const v = (r.fields[col.index] ?? '').trim();
        if (v === '' || v === value) continue;
        if (value === '') {
          value = v;
          from = r.row;
          own[col.index] = r.fields[col.index]!;
          continue;
        }
        reading ??= cellReading(plan, col, value);
        if (cellReading(plan, col, v) === reading) continue;
        problems.push(
          at(
            r.row,
            col.name !== col.target ? `${col.name} (${col.target})` : col.target,
            `"${v}" here, but "${value}" on row ${from} of the same booking; a booking's rows differ only in its ${grouped.map((g) => `${g}s`).join(' and ')}`,
          ),
        );
      }
    }
    const base = caseFromRow(plan, own);
    if (base.problems)
      for (const p of base.problems) problems.push({ ...at(first.row, p.field, p.message), ...(p.mend ? { mend: p.mend } : {}) });
    const value = base.value;

    // One item of each row-item group from each row that has one (each row read once, its own cells left out).
    const itemRows: Record<string, number[]> = {};
    const lists = grouped.map((g) => GROUP_LIST[g]);
    for (const list of lists) itemRows[list] = [];
    const rowSlots: Array<RowCase['slots']> = [];
    const rowWritten: Array<RowCase['written']> = [];
    for (const r of b.rows) {
      const read = caseFromRow(plan, cellsOf(r.fields));
      if (read.problems)
        for (const p of read.problems) problems.push({ ...at(r.row, p.field, p.message), ...(p.mend ? { mend: p.mend } : {}) });
      rowSlots.push(read.slots);
      rowWritten.push(read.written);
      for (const list of lists) {
        const item = (read.value[list] as unknown[] | undefined)?.[0];
        if (item === undefined) continue;
        ((value[list] ??= []) as unknown[]).push(item);
        itemRows[list]!.push(r.row);
      }
    }
    if (b.over > 0)
      problems.push(
        at(
          first.row,
          '',
          `the booking has more than ${MAX_ROWS_PER_BOOKING.toLocaleString('en-US')} rows (${(b.rows.length + b.over).toLocaleString('en-US')}); it is not read. Is the id column the booking number?`,
        ),
      );

    const r = prepareCase(value, index);
    if (!r.ok)
      for (const p of r.problems) {
        const m = /^(currentCharges|convictions|warrants)\[(\d+)\]/.exec(p.field);
        const rows = m ? itemRows[m[1]!] : undefined;
        if (rows && m) {
          // An item's problem at the row it came from, named by that row's column, quoting its cell.
          const field = columnOfField(plan, { currentCharges: [0], convictions: [0], warrants: [0] }, p.field.replace(/\[\d+\]/, '[0]'));
          const row = rows[Number(m[2])];
          const written = row === undefined ? undefined : rowWritten[b.rows.findIndex((r) => r.row === row)];
          problems.push({ ...p, field, message: quotedAsWritten(written, field, p.message), row: row ?? first.row });
        } else {
          const field = columnOfField(plan, base.slots, p.field);
          problems.push({ ...p, field, message: quotedAsWritten(base.written, field, p.message), row: first.row });
        }
      }
    const rawId = value.id;
    if (problems.length) this.sink.reject(index, problems, typeof rawId === 'string' ? { id: rawId, place: first.row } : undefined);
    else if (r.ok) {
      this.caseRows++;
      if (this.mapping !== undefined) {
        this.countRowBlanks(own, base.slots);
        b.rows.forEach((row, k) => this.countRowBlanks(row.fields, rowSlots[k]!, grouped));
      }
      this.sink.add(r.prepared, index, first.row);
    }
  }

  /** Counts the empty yes/no cells of the case's own columns on a row the fast reading wrote. */
  private countCaseBlanks(): void {
    const missing = this.seenAll & ~this.seen;
    const bits = this.seenBits;
    for (let i = 0; i < bits.length; i++) if ((missing & bits[i]!) !== 0) this.blankAt[this.seenCols[i]!]!++;
  }

  /** Counts the empty yes/no cells (with no meaning mapped) of a row the reference reading read. */
  private countRowBlanks(fields: readonly string[], slots: RowCase['slots'], only?: readonly string[]): void {
    for (const col of this.plan!.columns) {
      if (!YES_NO_KINDS.has(col.kind) || col.blank !== undefined) continue;
      if (only && !(col.group && only.includes(col.group))) continue;
      if (col.group && !slots[GROUP_LIST[col.group]].includes(col.slot)) continue;
      let raw = (fields[col.index] ?? '').trim();
      if (raw !== '' && col.values) raw = col.values.map(raw);
      if (col.group) this.itemRowsAt[col.index]!++;
      if (raw === '') this.blankAt[col.index]!++;
    }
  }

  /**
   * The yes/no columns empty on some rows read and filled on others, with no meaning mapped for their
   * blanks: on those rows they read as the column's default.
   */
  blankCounts(): BlankColumn[] {
    const plan = this.plan;
    // In the documented columns an empty cell is the format's own "not given", as a key left out of a
    // JSON case: only an export read through a mapping has blanks whose meaning is its own.
    if (!plan || this.mapping === undefined) return [];
    const out: BlankColumn[] = [];
    for (const col of plan.columns) {
      if (!YES_NO_KINDS.has(col.kind) || col.blank !== undefined) continue;
      let blank = this.blankAt[col.index]!;
      let of = this.caseRows;
      const g = this.itemAt[col.index];
      if (g) {
        of = this.itemRowsAt[col.index]! + g.rows;
        const flag = YES_NO_FLAG[col.kind]!;
        blank += flag === 'A' ? g.blankA : flag === 'B' ? g.blankB : g.blankC;
      }
      if (blank === 0 || blank === of) continue;
      out.push({ column: col.name, target: col.target, fact: col.field, ...(col.group ? { group: col.group } : {}), blank, of });
    }
    return out;
  }
}
