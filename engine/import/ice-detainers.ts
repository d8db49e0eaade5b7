// ICE's released detainer records (one row per detainer: the workbook's first sheet, or the same
// table as CSV) read as booking cases: the facts the records carry, and every fact they don't
// (booking and release times, warrants, pending charges' details, other convictions...) left
// unknown rather than guessed. docs/ice-detainer-records.md maps every column.

import type { CaseProblem } from '../cases';
import { F_REQ_HOLD, F_REQ_NOTIFY, packYmd } from '../case-table';
import { AGGRAVATED_FELONY_WITH_YEAR_SENTENCE, expandCodes, ncicOffense } from '../ncic';
import {
  ANY_CLASS,
  C_CURRENT_UNKNOWN,
  C_DATE_UNKNOWN,
  C_RELEASE_UNKNOWN,
  CLASS_BITS,
  categoryMask,
  H_DETAILS_UNKNOWN,
  RECORD_BITS,
} from '../prepared';
import {
  daysFromCivil,
  daysInMonth,
  formatDate,
  MINUTES_PER_DAY,
  packedCivilFromDays,
  PAST_RECORD_DATES,
  RECORD_MINUTES_END,
} from '../time';
import {
  U_ADMIN,
  U_BOOKED,
  U_CHARGES,
  U_CONVICTIONS,
  U_JUDICIAL,
  U_RECORD_SHIFT,
  U_RELEASE,
  U_REQUEST,
  U_WARRANTS,
} from '../unknown-facts';
import { CsvByteScanner } from './csv-scan';
import { boolAt, ByteTable, dateTimeAt, digitsAt, type CaseSink } from './csv-cases';
import { CELL_EMPTY, CELL_NUMBER, EXACT_TENS, excelSerialToDays, SheetCells, textOf, type SheetRow } from './xlsx';

/** The release's columns this reader uses, by what they mean. */
export const ICE_COLUMN = {
  prepareDate: 'Detainer Prepare Date',
  state: 'Facility State',
  criminality: 'Detainer Prepared Criminality',
  facility: 'Detention Facility',
  facilityCode: 'Detention Facility Code',
  city: 'Facility City',
  birthDate: 'Birth Date',
  birthYear: 'Birth Year',
  mscCharge: 'Most Serious Conviction (MSC) Charge',
  sentenceDays: 'MSC Sentence Days',
  sentenceMonths: 'MSC Sentence Months',
  sentenceYears: 'MSC Sentence Years',
  mscCode: 'MSC Charge Code',
  mscConvictionDate: 'MSC Conviction Date',
  felon: 'Felon',
  caseFinalOrder: 'Case Final Order Yes No',
  priorFelony: 'Prior Felony Yes No',
  multipleMisdemeanors: 'Multiple Prior MISD Yes No',
  violentMisdemeanor: 'Violent Misdemeanor Yes No',
  illegalReentry: 'Illegal Reentry Yes No',
  gang: 'Criminal Street Gang Yes No',
  aggravatedFelony: 'Aggravated Felony Yes No',
  finalOrder: 'Final Order Yes No',
  detainerType: 'Detainer Type',
} as const;

type ColumnKey = keyof typeof ICE_COLUMN;
const KEYS = Object.keys(ICE_COLUMN) as ColumnKey[];

/** The header row is the first whose cells name this column (after the release's title rows). */
const HEADER_MARK = normalize(ICE_COLUMN.prepareDate);
/** Rows looked through for the header before giving up. */
const MAX_TITLE_ROWS = 50;

/**
 * Records checks the release has no column for: always unknown. A state Department of Correction's
 * Security Risk Group designation is the state's own record, not ICE's ("Criminal Street Gang" is ICE's
 * gang flag, read as the gang database): nothing in the release says whether a person has one.
 */
const RECORDS_NOT_CARRIED = ['terroristWatchlistMatch', 'sexOffenderRegistry', 'arsonOffenderRegistry', 'securityRiskGroup'] as const;
const ALWAYS_UNKNOWN =
  U_BOOKED |
  U_RELEASE |
  U_JUDICIAL |
  U_ADMIN |
  U_WARRANTS |
  RECORDS_NOT_CARRIED.reduce((m, k) => m | (RECORD_BITS[k] << U_RECORD_SHIFT), 0);

function normalize(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A FOIA redaction such as "(b)(6), (b)(7)(C)": the value was withheld. */
export function isRedacted(value: string): boolean {
  return value.charCodeAt(0) === 40 /* ( */ && /^\(b\)\s*\(\d/i.test(value);
}

const YES = 1;
const NO = 0;
const NOT_SAID = -1;

/** Whether value is the lower-case ASCII word w in any case (no other character lower-cases to these letters). */
function isWordFolded(value: string, w: string): boolean {
  for (let i = 0; i < w.length; i++) if ((value.charCodeAt(i) | 0x20) !== w.charCodeAt(i)) return false;
  return true;
}

/** YES/NO/Y/N/TRUE/FALSE/1/0 in any case; anything else (blank, redacted, other words) is not said. */
function yesNo(v: string): number {
  switch (v.length) {
    case 1: {
      const c = v.charCodeAt(0);
      if (c === 49 /* 1 */ || (c | 0x20) === 121 /* y */) return YES;
      if (c === 48 /* 0 */ || (c | 0x20) === 110 /* n */) return NO;
      return NOT_SAID;
    }
    case 2:
      return isWordFolded(v, 'no') ? NO : NOT_SAID;
    case 3:
      return isWordFolded(v, 'yes') ? YES : NOT_SAID;
    case 4:
      return isWordFolded(v, 'true') ? YES : NOT_SAID;
    case 5:
      return isWordFolded(v, 'false') ? NO : NOT_SAID;
    default:
      return NOT_SAID;
  }
}

/** Values worked out from a cell's text, kept by the text (cells repeat: flags, types, numbers); bounded. */
class Memo<T> {
  private readonly map = new Map<string, T>();
  /** What a cell's text gave, by the cell's key (IceCells.key): found again without its text being made. */
  private readonly byKey: T[] = [];
  constructor(private readonly of: (text: string) => T) {}
  get(text: string): T {
    let v = this.map.get(text);
    if (v === undefined) {
      if (this.map.size >= 10_000) this.map.clear();
      this.map.set(text, (v = this.of(text)));
    }
    return v;
  }
  /** What cell k's text gives. */
  ofCell(cells: IceCells, k: number): T {
    const key = cells.key(k);
    let v = key >= 0 ? this.byKey[key] : undefined;
    if (v === undefined) {
      v = this.get(cells.text(k));
      if (key >= 0) this.byKey[key] = v;
    }
    return v;
  }
}

/** A digit's value at value[i], or -1. */
function digitAt(value: string, i: number): number {
  const d = value.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * The common spellings YYYY-MM-DD, YYYY-MM-DD HH:MM and YYYY-MM-DD HH:MM:SS read without a regular
 * expression: minutes since 1970, NaN when not a date, or -1 when the value has another spelling.
 */
function plainDateTime(value: string): number {
  const n = value.length;
  if (n !== 10 && n !== 16 && n !== 19) return -1;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const at = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
  const digits = n === 10 ? 8 : n === 16 ? 12 : 14;
  for (let k = 0; k < digits; k++) if (digitAt(value, at[k]!) < 0) return -1;
  if (n > 10) {
    const t = value.charCodeAt(10);
    if ((t !== 32 && t !== 84) || value.charCodeAt(13) !== 58 || (n === 19 && value.charCodeAt(16) !== 58)) return -1;
  }
  const two = (i: number) => digitAt(value, i) * 10 + digitAt(value, i + 1);
  const y = two(0) * 100 + two(2);
  const mo = two(5);
  const d = two(8);
  const h = n > 10 ? two(11) : 0;
  const mi = n > 10 ? two(14) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59) return NaN;
  return daysFromCivil(y, mo, d) * MINUTES_PER_DAY + h * 60 + mi;
}

/** Minutes since 1970 of a date cell: an Excel serial, YYYY-MM-DD[ HH:MM[:SS]], or M/D/YYYY[ H:MM[:SS][ AM|PM]]; NaN when not a date. */
export function cellDateTime(value: string, isNumber: boolean, date1904: boolean, number?: number): number {
  if (isNumber || /^\d+(\.\d+)?$/.test(value)) {
    // A number cell's value may come read already (it is what Number() reads from its text).
    const serial = number ?? Number(value);
    // Serials before 1900-03-01 are not dates any release uses (and Excel counts a day that never was).
    if (!(serial >= 61 && serial < 2958466)) return NaN;
    const days = excelSerialToDays(serial, date1904);
    return Math.round(days * MINUTES_PER_DAY);
  }
  const plain = plainDateTime(value);
  if (plain !== -1) return plain;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(value);
  let y: number, mo: number, d: number, h: number, mi: number;
  if (m) {
    [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)];
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])[Mm])?)?$/.exec(value);
    if (!m) return NaN;
    [mo, d, y, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)];
    const half = m[7]?.toLowerCase();
    if (half) {
      if (h < 1 || h > 12) return NaN;
      h = (h % 12) + (half === 'p' ? 12 : 0);
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59) return NaN;
  return daysFromCivil(y, mo, d) * MINUTES_PER_DAY + h * 60 + mi;
}

/** What the records call the criminality at the detainer: a conviction, pending charges, neither, or not said. */
function criminalityOf(value: string): 'convicted' | 'pending' | 'none' | 'not-said' {
  const v = value.toLowerCase();
  if (!v || isRedacted(value)) return 'not-said';
  if (v.includes('convicted')) return 'convicted';
  if (v.includes('pending')) return 'pending';
  if (v.includes('other immigration violator') || v.includes('no criminal') || v.includes('non-criminal') || v.includes('noncriminal'))
    return 'none';
  return 'not-said';
}

/**
 * What ICE asked for, from the detainer type: a detainer (Form I-247, I-247A, I-247D) asks the jail to
 * hold the person and to notify ICE; a request for notification (I-247N) asks only for notice; a
 * request for transfer (I-247X) asks the jail to keep the person for ICE to take, read as a hold.
 */
function requestOf(value: string): number {
  const v = value.toLowerCase();
  if (!v || isRedacted(value)) return -1;
  if (v.includes('notif') || /247\s*-?\s*n\b/.test(v)) return F_REQ_NOTIFY;
  if (v.includes('detainer') || v.includes('transfer') || /247/.test(v)) return F_REQ_HOLD | F_REQ_NOTIFY;
  return -2;
}

interface OffenseInfo {
  cls: number;
  cats: number;
  catList: number;
  offense: number;
  tags: readonly string[];
  /** The code is in the list, or at least its category. */
  placed: 'code' | 'category' | 'no';
  /** The code is one that makes an aggravated felony with a sentence of a year or more. */
  yearSentence: boolean;
  /** The string id of the tags with aggravated-felony added, once a record with such a sentence needs it; -1 before. */
  aggravatedCatList: number;
}

const YEAR_SENTENCE_CODES = new Set<string>();

/** Counts of facts about the file, for the notes the import reports. */
interface Tally {
  redactedMsc: number;
  unplacedCodes: Map<string, number>;
  unknownDetainerTypes: Map<string, number>;
  convictedWithoutMsc: number;
  mscWithoutConviction: number;
}

/**
 * One row's cells as the mapping reads them, by column position; a position of -1 is a column the file
 * does not have (read as blank). The base reads everything from `text`; a reader of bytes answers the
 * frequent questions (a date, a yes/no flag, a blank row) from the cell's bytes where it can.
 */
export abstract class IceCells {
  /** Cells in the row. */
  abstract readonly width: number;
  /** The cell's text, trimmed ('' past the row's end or for -1). */
  abstract text(k: number): string;
  /** Whether the cell holds a number (a workbook's number cell). */
  isNumber(_k: number): boolean {
    return false;
  }
  /** The cell's date read without its text: minutes, or NaN to read its text instead. */
  plainDate(_k: number): number {
    return NaN;
  }
  /** The date the last plainDate read (not NaN), packed (case-table packYmd): set by a reader that reads it from the cell. */
  plainPacked = -1;
  /** A cell of 1 to 9 ASCII digits and nothing else: its value; -1 for anything else (read its text). */
  count(_k: number): number {
    return -1;
  }
  /** A cell of exactly four ASCII digits: its value; -1 for anything else (read its text). */
  fourDigits(_k: number): number {
    return -1;
  }
  /** 1 when the cell is blank or redacted (isRedacted), 0 when it is neither; -1 to read its text to tell. */
  blankOrRedacted(_k: number): number {
    return -1;
  }
  /** The cell read as a yes/no flag (YES, NO or NOT_SAID). */
  flag(k: number): number {
    return yesNo(this.text(k));
  }
  /**
   * A number standing for the cell's text, so that a reader may keep what it made of a text by it: the
   * same number is the same text, through the file (the same text may have several); -1 when there is
   * none (read the text).
   */
  key(_k: number): number {
    return -1;
  }
  /** Whether every cell of the row is blank or spaces. */
  blank(): boolean {
    for (let k = 0; k < this.width; k++) if (this.text(k) !== '') return false;
    return true;
  }
}

/** A workbook row's cells, from its values as text (a SheetRow). */
class SheetRowCells extends IceCells {
  r: SheetRow = { row: 0, width: 0, values: [], kinds: new Uint8Array(0) };
  get width(): number {
    return this.r.width;
  }
  text(k: number): string {
    return k >= 0 && k < this.r.width ? this.r.values[k]!.trim() : '';
  }
  override isNumber(k: number): boolean {
    return k >= 0 && k < this.r.width && this.r.kinds[k] === CELL_NUMBER;
  }
  override count(k: number): number {
    if (k < 0 || k >= this.r.width) return -1;
    const v = this.r.values[k]!;
    if (v.length === 0 || v.length > 9) return -1;
    let n = 0;
    for (let i = 0; i < v.length; i++) {
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }
}

/** Keys of a facility's three cells below this make one number of them (KEY_RADIX ** 3 < 2 ** 53). */
const KEY_RADIX = 1 << 17;
/**
 * Keys below this make one small integer ((f << 20) | (c << 10) | s, below 2 ** 30), which a map finds
 * faster than a larger number: looking up the larger ones was a tenth of the time of a record.
 */
const SMALL_KEY_RADIX = 1 << 10;

/** Day numbers whose packed date is kept (from 1900-01-01 on, some 350 years), so that each is worked out once. */
const PACKED_FROM_DAY = -25567;
const PACKED_DAYS = 1 << 17;

/**
 * A workbook row's cells as the sheet reader read them (SheetCells), text made only when asked for:
 * a shared string's answers (trimmed text, date, flag, digits, blank or redacted) are worked out once
 * per string of the table and kept by its index, and a number cell's from its digits, so a row of the
 * release is read without making its text.
 */
class WorkbookCells extends IceCells {
  c: SheetCells = new SheetCells([]);
  private strings: readonly string[] = [];
  // By shared string index; each filled as its string is first asked about.
  private trimmed: string[] = [];
  /** yesNo of the trimmed string + 2; 0 before it is worked out. */
  private flags = new Int8Array(0);
  /** 1 blank or redacted, 2 neither; 0 before it is worked out. */
  private blanks = new Int8Array(0);
  /** count(): 1 to 9 digits alone, or -1; -2 before it is worked out. */
  private counts = new Int32Array(0);
  /** The trimmed string read as a date (cellDateTime): minutes or NaN; `datesKnown` says which are worked out. */
  private dates = new Float64Array(0);
  private datesPacked = new Int32Array(0);
  private datesKnown = new Uint8Array(0);
  /** Packed dates by day number (from PACKED_FROM_DAY), -1 before worked out. */
  private readonly packedByDay = new Int32Array(PACKED_DAYS).fill(-1);

  constructor(private readonly date1904: boolean) {
    super();
  }

  /** The row to read next; a new table of shared strings (the first row) starts the kept answers afresh. */
  use(c: SheetCells): void {
    this.c = c;
    if (c.strings !== this.strings) {
      const n = c.strings.length;
      this.strings = c.strings;
      this.trimmed = new Array<string>(n);
      this.flags = new Int8Array(n);
      this.blanks = new Int8Array(n);
      this.counts = new Int32Array(n).fill(-2);
      this.dates = new Float64Array(n);
      this.datesPacked = new Int32Array(n);
      this.datesKnown = new Uint8Array(n);
    }
  }

  get width(): number {
    return this.c.width;
  }

  /** The shared string index of cell k, or -1 (another kind of cell, none, or past the row's end). */
  private sharedAt(k: number): number {
    return k >= 0 && k < this.c.width && this.c.kinds[k] !== CELL_EMPTY ? this.c.shared[k]! : -1;
  }

  private trimmedAt(s: number): string {
    let t = this.trimmed[s];
    if (t === undefined) t = this.trimmed[s] = this.strings[s]!.trim();
    return t;
  }

  text(k: number): string {
    const c = this.c;
    if (k < 0 || k >= c.width || c.kinds[k] === CELL_EMPTY) return '';
    const s = c.shared[k]!;
    return s >= 0 ? this.trimmedAt(s) : c.text(k).trim();
  }

  override isNumber(k: number): boolean {
    return k >= 0 && k < this.c.width && this.c.kinds[k] === CELL_NUMBER;
  }

  /** 0 for a cell the row leaves out (''), a shared string's index + 1, -1 for any other cell. */
  override key(k: number): number {
    const c = this.c;
    if (k < 0 || k >= c.width || c.kinds[k] === CELL_EMPTY) return 0;
    const s = c.shared[k]!;
    return s >= 0 ? s + 1 : -1;
  }

  private packedOfDay(day: number): number {
    const at = day - PACKED_FROM_DAY;
    if (at < 0 || at >= PACKED_DAYS) return packedCivilFromDays(day);
    let p = this.packedByDay[at]!;
    if (p < 0) p = this.packedByDay[at] = packedCivilFromDays(day);
    return p;
  }

  /**
   * A number cell's minutes as an Excel serial date (what cellDateTime makes of its value), from its
   * digits (up to 25) read as a decimal: close to the value Number() reads from its text, but not
   * always equal to it past 15 digits (a date with its time of day has 17). The minutes are rounded
   * from it only when they are not within 1e-4 of a half minute: the two values differ by far less
   * (some 1e-5 minutes at most for serials up to the last Excel date), so rounding either gives the
   * same. NaN when it cannot tell (then read the value exactly).
   */
  private serialMinutes(k: number): number {
    const b = this.c.bytes;
    const to = this.c.ends[k]!;
    let m = 0;
    let fraction = -1;
    let digits = 0;
    for (let i = this.c.starts[k]!; i < to; i++) {
      const c = b[i]!;
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (fraction >= 0) fraction++;
      } else if (c === 46 /* . */ && fraction < 0) fraction = 0;
      else return NaN;
    }
    if (digits === 0 || digits > 25 || fraction > 22) return NaN;
    const serial = fraction > 0 ? m / EXACT_TENS[fraction]! : m;
    if (!(serial >= 100 && serial < 2958000)) return NaN;
    const minutes = excelSerialToDays(serial, this.date1904) * MINUTES_PER_DAY;
    const half = minutes - Math.floor(minutes) - 0.5;
    return half > -1e-4 && half < 1e-4 ? NaN : Math.round(minutes);
  }

  /** A number cell read as an Excel serial date, or a shared string read as any date cellDateTime reads. */
  override plainDate(k: number): number {
    if (this.isNumber(k)) {
      const d = this.c.digits[k]!;
      let t = d >= 0 ? NaN : this.serialMinutes(k);
      if (Number.isNaN(t)) t = cellDateTime('', true, this.date1904, d >= 0 ? d : this.c.number(k));
      if (!Number.isNaN(t)) this.plainPacked = this.packedOfDay(Math.floor(t / MINUTES_PER_DAY));
      return t;
    }
    const s = this.sharedAt(k);
    if (s < 0) return NaN;
    if (!this.datesKnown[s]) {
      const t = cellDateTime(this.trimmedAt(s), false, this.date1904);
      this.dates[s] = t;
      if (!Number.isNaN(t)) this.datesPacked[s] = packedCivilFromDays(Math.floor(t / MINUTES_PER_DAY));
      this.datesKnown[s] = 1;
    }
    const t = this.dates[s]!;
    if (!Number.isNaN(t)) this.plainPacked = this.datesPacked[s]!;
    return t;
  }

  override count(k: number): number {
    if (this.isNumber(k)) return this.c.digits[k]!;
    const s = this.sharedAt(k);
    if (s < 0) return -1;
    let n = this.counts[s]!;
    if (n === -2) {
      const v = this.strings[s]!;
      n = -1;
      if (v.length >= 1 && v.length <= 9) {
        n = 0;
        for (let i = 0; i < v.length && n >= 0; i++) {
          const d = v.charCodeAt(i) - 48;
          n = d >= 0 && d <= 9 ? n * 10 + d : -1;
        }
      }
      this.counts[s] = n;
    }
    return n;
  }

  override fourDigits(k: number): number {
    if (this.isNumber(k)) return this.c.ends[k]! - this.c.starts[k]! === 4 ? this.c.digits[k]! : -1;
    const s = this.sharedAt(k);
    return s >= 0 && this.strings[s]!.length === 4 ? this.count(k) : -1;
  }

  override blankOrRedacted(k: number): number {
    if (k < 0 || k >= this.c.width || this.c.kinds[k] === CELL_EMPTY) return 1;
    // A number of digits alone is neither; any other number is read from its text.
    if (this.c.kinds[k] === CELL_NUMBER) return this.c.digits[k]! >= 0 ? 0 : -1;
    const s = this.c.shared[k]!;
    if (s < 0) return -1;
    let b = this.blanks[s]!;
    if (b === 0) {
      const t = this.trimmedAt(s);
      b = this.blanks[s] = !t || isRedacted(t) ? 1 : 2;
    }
    return b === 1 ? 1 : 0;
  }

  override flag(k: number): number {
    const s = this.sharedAt(k);
    if (s < 0) return yesNo(this.text(k));
    let f = this.flags[s]!;
    if (f === 0) f = this.flags[s] = yesNo(this.trimmedAt(s)) + 2;
    return f - 2;
  }

  override blank(): boolean {
    const c = this.c;
    for (let k = 0; k < c.width; k++) {
      const kind = c.kinds[k]!;
      if (kind === CELL_EMPTY) continue;
      if (kind === CELL_NUMBER) {
        // A number starting with a digit is not blank (a date with its time of day is not digits alone).
        const d = c.bytes[c.starts[k]!]!;
        if (d >= 48 && d <= 57) return false;
      }
      const s = c.shared[k]!;
      if (s >= 0 ? this.trimmedAt(s) !== '' : this.text(k) !== '') return false;
    }
    return true;
  }
}

/** The release's columns by position (-1: the file has no such column), read once from the header. */
type Columns = Record<ColumnKey, number>;

export interface IceReaderOptions {
  /** Set by a workbook whose dates count from 1904. */
  date1904?: boolean;
}

/**
 * Reads rows of the release (title rows, the header, then one detainer per row) into the sink's case
 * table. Rows come from a workbook (`sheetRow`) or from CSV text (`IceDetainerCsvReader`).
 */
export class IceDetainerReader {
  /** The title rows above the header. */
  readonly titleRows: string[] = [];
  private columns: Columns | undefined;
  private index = 0;
  private stopped = false;
  private rowsSeen = 0;
  private readonly offenses = new Map<string, OffenseInfo>();
  /** Offenses by code, then text (no key built per record). */
  private readonly offensesByCode = new Map<string, Map<string, OffenseInfo>>();
  private readonly facilities = new Map<string, number>();
  /** A record's case id, "row-" and its row number, as bytes (no string made per record). */
  private readonly rowId = new TextEncoder().encode('row-0000000000000000');
  /** Facility ids by name, city, then state (no label built per record). */
  private readonly facilitiesByName = new Map<string, Map<string, Map<string, number>>>();
  private readonly tally: Tally = {
    redactedMsc: 0,
    unplacedCodes: new Map(),
    unknownDetainerTypes: new Map(),
    convictedWithoutMsc: 0,
    mscWithoutConviction: 0,
  };
  private readonly sourceIds: { felony: number; misdemeanors: number; violent: number; aggravated: number; criminality: number };
  private readonly violentList: { mask: number; list: number };
  private readonly aggravatedList: { mask: number; list: number };
  private readonly rowCells = new SheetRowCells();
  private readonly workbookCells: WorkbookCells;
  /** The problems of the record being read (a fresh array once one is found). */
  private problems: CaseProblem[] | undefined;
  /** The date dateOf read last, packed, when it was read from the cell's digits; -1 otherwise. */
  private lastPacked = -1;
  private readonly requests = new Memo(requestOf);
  /** A facility's id by its cells' keys (facilityOf). */
  private readonly facilitiesByKey = new Map<number, number>();
  /** The same, for keys below SMALL_KEY_RADIX. */
  private readonly facilitiesBySmallKey = new Map<number, number>();
  /** The row whose id rowId holds (0: none yet), and the id's length in bytes. */
  private idRow = 0;
  private idLength = 0;
  private readonly criminalities = new Memo(criminalityOf);
  private readonly redacted = new Memo(isRedacted);
  /** A sentence part's number, or -1 when it is not a number. */
  private readonly sentenceParts = new Memo((v) => {
    const n = Number(v);
    return /^\d+(\.\d+)?$/.test(v) && Number.isFinite(n) ? n : -1;
  });
  private readonly birthYears = new Memo((by) => (/^\d{4}(\.0+)?$/.test(by) ? Number(by.slice(0, 4)) : NaN));

  constructor(
    private readonly sink: CaseSink,
    private readonly options: IceReaderOptions = {},
  ) {
    if (YEAR_SENTENCE_CODES.size === 0) for (const c of expandCodes(AGGRAVATED_FELONY_WITH_YEAR_SENTENCE.codes)) YEAR_SENTENCE_CODES.add(c);
    const b = sink.builder;
    this.sourceIds = {
      felony: b.stringId('Felon / Prior Felony Yes No'),
      misdemeanors: b.stringId('Multiple Prior MISD Yes No'),
      violent: b.stringId('Violent Misdemeanor Yes No'),
      aggravated: b.stringId('Aggravated Felony Yes No'),
      criminality: b.stringId('Detainer Prepared Criminality'),
    };
    this.violentList = { mask: categoryMask(['violent']), list: b.stringId('violent') };
    this.aggravatedList = { mask: categoryMask(['aggravated-felony']), list: b.stringId('aggravated-felony') };
    this.workbookCells = new WorkbookCells(options.date1904 === true);
  }

  get done(): boolean {
    return this.stopped;
  }

  /** A row of the workbook's sheet. */
  sheetRow(r: SheetRow): boolean {
    this.rowCells.r = r;
    return this.row(r.row, this.rowCells);
  }

  /** A row of the workbook's sheet as the reader read its cells (their text made only as it is asked for). */
  sheetCells(c: SheetCells): boolean {
    this.workbookCells.use(c);
    return this.row(c.row, this.workbookCells);
  }

  /** One row: its 1-based number in the file and its cells. */
  row(rowNumber: number, cells: IceCells): boolean {
    if (this.stopped) return false;
    this.rowsSeen++;
    if (!this.columns) {
      this.header(rowNumber, cells);
      return !this.stopped;
    }
    if (cells.blank()) return true;
    this.record(rowNumber, cells);
    return true;
  }

  private header(rowNumber: number, cells: IceCells): void {
    const names: string[] = [];
    for (let k = 0; k < cells.width; k++) names.push(cells.text(k));
    if (!names.some((n) => normalize(n) === HEADER_MARK)) {
      const text = names.filter(Boolean).join(' ');
      if (text) this.titleRows.push(text);
      if (this.rowsSeen >= MAX_TITLE_ROWS) {
        this.failAt(
          rowNumber,
          `no header row naming "${ICE_COLUMN.prepareDate}" in the first ${MAX_TITLE_ROWS} rows: this is not ICE's detainer table in the layout of its release (docs/ice-detainer-records.md)`,
        );
      }
      return;
    }
    const where = new Map<string, number>();
    names.forEach((n, k) => {
      const key = normalize(n);
      if (key && !where.has(key)) where.set(key, k);
    });
    const columns = {} as Columns;
    for (const key of KEYS) columns[key] = where.get(normalize(ICE_COLUMN[key])) ?? -1;
    this.columns = columns;
  }

  /** A problem with the file as a whole: reading stops. */
  failAt(row: number, message: string): void {
    this.stopped = true;
    this.sink.fail([{ index: -1, field: '', row, message }]);
  }

  /** The notes an import of this file reports: what the records leave out, codes not placed. */
  notes(): string[] {
    const out: string[] = [];
    const t = this.tally;
    const missing = KEYS.filter((k) => this.columns && this.columns[k] < 0).map((k) => `"${ICE_COLUMN[k]}"`);
    if (missing.length)
      out.push(`the file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: what they would say is read as unknown`);
    if (t.unplacedCodes.size) {
      const list = [...t.unplacedCodes].sort((a, b) => b[1] - a[1]);
      const total = list.reduce((n, [, c]) => n + c, 0);
      out.push(
        `${total.toLocaleString('en-US')} record${total > 1 ? 's carry' : ' carries'} an MSC charge code the NCIC list does not place (${list
          .slice(0, 10)
          .map(([c, n]) => `${c} ×${n}`)
          .join(
            ', ',
          )}${list.length > 10 ? ', ...' : ''}): those convictions have no tags and their class is read from the sentence and the felon flag`,
      );
    }
    if (t.unknownDetainerTypes.size) {
      const list = [...t.unknownDetainerTypes].sort((a, b) => b[1] - a[1]);
      out.push(
        `detainer types not recognized, read as an unknown request: ${list
          .slice(0, 5)
          .map(([v, n]) => `"${v}" ×${n}`)
          .join(', ')}`,
      );
    }
    if (t.redactedMsc) out.push(`${t.redactedMsc.toLocaleString('en-US')} most serious convictions are redacted: their offense is unknown`);
    if (t.convictedWithoutMsc)
      out.push(
        `${t.convictedWithoutMsc.toLocaleString('en-US')} records say "convicted" but give no most serious conviction: one conviction of unknown kind and date is read for each`,
      );
    if (t.mscWithoutConviction)
      out.push(
        `${t.mscWithoutConviction.toLocaleString('en-US')} records give a most serious conviction although the criminality says otherwise: the conviction is read`,
      );
    return out;
  }

  finish(): void {
    if (this.stopped) return;
    if (!this.columns)
      this.failAt(
        Math.max(1, this.rowsSeen),
        this.rowsSeen === 0
          ? 'the file is empty'
          : `no header row naming "${ICE_COLUMN.prepareDate}": this is not ICE's detainer table in the layout of its release (docs/ice-detainer-records.md)`,
      );
  }

  // ---- one record ----

  /** A problem with the record being read: the record is rejected once it has been read through. */
  private bad(index: number, rowNumber: number, key: ColumnKey, message: string): void {
    (this.problems ??= []).push({ index, id: `row-${rowNumber}`, field: ICE_COLUMN[key], message, row: rowNumber });
  }

  /**
   * A date cell: minutes, null when blank or redacted, undefined (reported) when not a date. Its date
   * packed is then datePacked(minutes).
   */
  private dateOf(cells: IceCells, key: ColumnKey, index: number, rowNumber: number): number | null | undefined {
    const k = this.columns![key];
    this.lastPacked = -1;
    if (k >= 0) {
      const t = cells.plainDate(k);
      if (t < RECORD_MINUTES_END) {
        this.lastPacked = cells.plainPacked;
        return t;
      }
    }
    const none = cells.blankOrRedacted(k);
    if (none === 1) return null;
    const v = cells.text(k);
    if (none < 0 && (!v || (v.charCodeAt(0) === 40 /* ( */ && this.redacted.get(v)))) return null;
    const t = cellDateTime(v, k >= 0 && cells.isNumber(k), this.options.date1904 === true);
    if (Number.isNaN(t)) {
      this.bad(index, rowNumber, key, `not a date: ${JSON.stringify(v.length > 40 ? v.slice(0, 37) + '...' : v)}`);
      return undefined;
    }
    if (t >= RECORD_MINUTES_END) {
      // The cell as written; a spreadsheet's date serial with the day it stands for, which is what Excel shows.
      const serial = /^\d+(\.\d+)?$/.test(v) ? ` (a spreadsheet date: ${formatDate(Math.floor(t / MINUTES_PER_DAY))})` : '';
      this.bad(index, rowNumber, key, `${JSON.stringify(v)}${serial} ${PAST_RECORD_DATES}`);
      return undefined;
    }
    return t;
  }

  /** The date of the minutes the last dateOf returned, packed (case-table packYmd): from the cell's digits when read from them. */
  private datePacked(minutes: number): number {
    return this.lastPacked >= 0 ? this.lastPacked : packedCivilFromDays(Math.floor(minutes / MINUTES_PER_DAY));
  }

  private record(rowNumber: number, cells: IceCells): void {
    const index = this.index++;
    const cols = this.columns!;
    this.problems = undefined;

    const prepared = this.dateOf(cells, 'prepareDate', index, rowNumber);
    if (prepared === null)
      this.bad(index, rowNumber, 'prepareDate', 'the date the detainer was prepared is missing: it is the date of the request');
    const issued = prepared ?? NaN;
    const issuedDay = Math.floor(issued / MINUTES_PER_DAY);
    const issuedPacked = Number.isNaN(issued) ? 0 : this.datePacked(issued);
    const issuedYear = issuedPacked >> 9;

    // Age: exact from a birth date, else a range from the birth year, else anything.
    let age = 0;
    let ageHi = 130;
    const birth = this.dateOf(cells, 'birthDate', index, rowNumber);
    if (typeof birth === 'number' && !Number.isNaN(issued)) {
      const b = this.datePacked(birth);
      const years = issuedYear - (b >> 9) - ((issuedPacked & 511) < (b & 511) ? 1 : 0);
      if (years < 0 || years > 130) this.bad(index, rowNumber, 'birthDate', 'the birth date is not before the request');
      else age = ageHi = years;
    } else {
      // Four digits are the year; other cells are read from their text (-1: blank or redacted).
      let year = cells.fourDigits(cols.birthYear);
      if (year < 0) {
        const by = cells.text(cols.birthYear);
        year = !by || isRedacted(by) ? -1 : this.birthYears.get(by);
        if (Number.isNaN(year)) this.bad(index, rowNumber, 'birthYear', `not a year: ${JSON.stringify(by)}`);
      }
      if (year >= 0 && !Number.isNaN(issued)) {
        const most = issuedYear - year;
        if (most < 0 || most > 131)
          this.bad(index, rowNumber, 'birthYear', `a birth year of ${year} does not fit a request in ${issuedYear}`);
        else {
          // Whoever was born in that year is this old, or a year younger before their birthday (on
          // 31 December every birthday has passed).
          ageHi = Math.min(130, most);
          age = (issuedPacked & 511) === packYmd(0, 12, 31) ? ageHi : Math.max(0, most - 1);
        }
      }
    }

    // What ICE asked for.
    let flags = F_REQ_HOLD | F_REQ_NOTIFY;
    let unknown = ALWAYS_UNKNOWN;
    const request = this.requests.ofCell(cells, cols.detainerType);
    if (request >= 0) flags = request;
    else {
      unknown |= U_REQUEST;
      if (request === -2) {
        const type = cells.text(cols.detainerType);
        this.tally.unknownDetainerTypes.set(type, (this.tally.unknownDetainerTypes.get(type) ?? 0) + 1);
      }
    }

    // Records checks the release carries as flags: a yes makes the record, no column or a cell that
    // says neither yes nor no leaves it unknown.
    let records = 0;
    const gang = cells.flag(cols.gang);
    if (gang === YES) records |= RECORD_BITS.gangDatabase;
    else if (gang === NOT_SAID) unknown |= RECORD_BITS.gangDatabase << U_RECORD_SHIFT;
    const caseFinal = cols.caseFinalOrder >= 0 ? cells.flag(cols.caseFinalOrder) : NO;
    const finalOrder = cols.finalOrder >= 0 ? cells.flag(cols.finalOrder) : NO;
    if (caseFinal === YES || finalOrder === YES) records |= RECORD_BITS.finalRemovalOrder;
    else if ((cols.caseFinalOrder < 0 && cols.finalOrder < 0) || caseFinal === NOT_SAID || finalOrder === NOT_SAID)
      unknown |= RECORD_BITS.finalRemovalOrder << U_RECORD_SHIFT;
    const reentry = cells.flag(cols.illegalReentry);
    if (reentry === YES) records |= RECORD_BITS.priorRemovalReentry;
    else if (reentry === NOT_SAID) unknown |= RECORD_BITS.priorRemovalReentry << U_RECORD_SHIFT;

    // Convictions and pending charges, as far as the record says.
    const criminality = this.criminalities.ofCell(cells, cols.criminality);
    const mscText = cells.text(cols.mscCharge);
    const mscCode = cells.text(cols.mscCode);
    const mscRedacted = isRedacted(mscText) || isRedacted(mscCode);
    const hasMsc = Boolean(mscText || mscCode);
    const sentence = this.sentenceDays(cells, index, rowNumber);
    const felonSaid = cells.flag(cols.felon);
    const convictedOn = hasMsc ? this.dateOf(cells, 'mscConvictionDate', index, rowNumber) : null;
    const convictedPacked = typeof convictedOn === 'number' ? this.datePacked(convictedOn) : 0;
    if (criminality !== 'convicted' && criminality !== 'none' && criminality !== 'pending') unknown |= U_CONVICTIONS | U_CHARGES;
    else if (criminality === 'convicted') unknown |= U_CONVICTIONS | U_CHARGES;
    else if (criminality === 'pending') unknown |= U_CHARGES;
    if (hasMsc && criminality === 'none') {
      this.tally.mscWithoutConviction++;
      unknown |= U_CONVICTIONS;
    }
    if (this.problems) {
      this.sink.reject(index, this.problems);
      return;
    }

    const b = this.sink.builder;
    const facility = this.facilityOf(cells);
    b.beginCase(age, flags, records, issued, issuedPacked, issued, issued, issuedPacked, ageHi, unknown, facility);
    b.setAsciiId(this.rowId, 0, this.rowIdOf(rowNumber));
    let felonyListed = false;
    let aggravatedListed = false;
    if (hasMsc) {
      const info = this.offense(mscRedacted ? '' : mscCode, mscRedacted ? '' : mscText);
      if (mscRedacted) this.tally.redactedMsc++;
      let cls = info.cls;
      let cats = info.cats;
      let catList = info.catList;
      if (cls !== CLASS_BITS.felony) {
        if (sentence !== undefined && sentence > 365) cls = CLASS_BITS.felony;
        else if (felonSaid === NO) cls = cls === ANY_CLASS ? CLASS_BITS.misdemeanor | CLASS_BITS.infraction : cls;
      }
      if (sentence !== undefined && sentence >= 365 && info.yearSentence && (cats & this.aggravatedList.mask) === 0) {
        cats |= this.aggravatedList.mask;
        if (info.aggravatedCatList < 0) info.aggravatedCatList = b.stringId([...info.tags, 'aggravated-felony'].sort().join(';'));
        catList = info.aggravatedCatList;
      }
      felonyListed = cls === CLASS_BITS.felony;
      aggravatedListed = (cats & this.aggravatedList.mask) !== 0;
      const dated = typeof convictedOn === 'number';
      const day = dated ? Math.floor(convictedOn / MINUTES_PER_DAY) : issuedDay;
      const served = sentence === 0 ? 0 : C_RELEASE_UNKNOWN;
      b.addConviction(
        cls,
        0,
        cats,
        catList,
        info.offense,
        day,
        dated ? convictedPacked : issuedPacked,
        undefined,
        0,
        0,
        (dated ? 0 : C_DATE_UNKNOWN) | served | C_CURRENT_UNKNOWN,
      );
    } else if (criminality === 'convicted') {
      this.tally.convictedWithoutMsc++;
      b.addConviction(
        ANY_CLASS,
        0,
        0,
        0,
        0,
        issuedDay,
        issuedPacked,
        undefined,
        0,
        0,
        C_DATE_UNKNOWN | C_RELEASE_UNKNOWN | C_CURRENT_UNKNOWN,
        this.sourceIds.criminality,
      );
    }
    // Flags that say a conviction exists: each may be the one above, so each is its own source.
    const flagged = (cls: number, cats: number, catList: number, source: number) =>
      b.addConviction(
        cls,
        0,
        cats,
        catList,
        0,
        issuedDay,
        issuedPacked,
        undefined,
        0,
        0,
        C_DATE_UNKNOWN | C_RELEASE_UNKNOWN | C_CURRENT_UNKNOWN,
        source,
      );
    if (!felonyListed && (felonSaid === YES || cells.flag(cols.priorFelony) === YES))
      flagged(CLASS_BITS.felony, 0, 0, this.sourceIds.felony);
    if (cells.flag(cols.violentMisdemeanor) === YES)
      flagged(CLASS_BITS.misdemeanor, this.violentList.mask, this.violentList.list, this.sourceIds.violent);
    if (cells.flag(cols.multipleMisdemeanors) === YES) {
      flagged(CLASS_BITS.misdemeanor, 0, 0, this.sourceIds.misdemeanors);
      flagged(CLASS_BITS.misdemeanor, 0, 0, this.sourceIds.misdemeanors);
    }
    if (!aggravatedListed && cells.flag(cols.aggravatedFelony) === YES)
      flagged(ANY_CLASS, this.aggravatedList.mask, this.aggravatedList.list, this.sourceIds.aggravated);
    if (criminality === 'pending') b.addCharge(ANY_CLASS, 0, 0, 0, 0, H_DETAILS_UNKNOWN);
    b.endCase();
    this.sink.written(index, rowNumber);
  }

  /**
   * Writes "row-N" for a row number N >= 1 into rowId; its length in bytes. The next row's id, nearly
   * always the one asked for, is the last one's with one added to its digits (no division per digit).
   */
  private rowIdOf(row: number): number {
    const out = this.rowId;
    if (this.idRow > 0 && row === this.idRow + 1) {
      let k = this.idLength - 1;
      while (k > 3 && out[k] === 57 /* 9 */) out[k--] = 48;
      if (k > 3) out[k]!++;
      else {
        // 9...9 + 1: a digit more, 10...0.
        out[4] = 49;
        out[this.idLength++] = 48;
      }
    } else {
      let digits = 1;
      for (let v = row; v >= 10; v = Math.floor(v / 10)) digits++;
      for (let k = 3 + digits, v = row; k > 3; k--, v = Math.floor(v / 10)) out[k] = 48 + (v % 10);
      this.idLength = 4 + digits;
    }
    this.idRow = row;
    return this.idLength;
  }

  /** The sentence in days (years of 365, months of 365/12), undefined when the record does not give one. */
  private sentenceDays(cells: IceCells, index: number, rowNumber: number): number | undefined {
    const cols = this.columns!;
    let total = 0;
    let said = false;
    for (let part = 0; part < 3; part++) {
      const key: ColumnKey = part === 0 ? 'sentenceDays' : part === 1 ? 'sentenceMonths' : 'sentenceYears';
      let n = cells.count(cols[key]);
      if (n < 0) {
        const v = cells.text(cols[key]);
        if (!v || isRedacted(v)) continue;
        n = this.sentenceParts.get(v);
        if (n < 0) {
          this.bad(index, rowNumber, key, `not a number of ${key.slice(8).toLowerCase()}: ${JSON.stringify(v)}`);
          continue;
        }
      }
      total += n * (part === 0 ? 1 : part === 1 ? 365 / 12 : 365);
      said = true;
    }
    return said ? total : undefined;
  }

  private codeOf(raw: string): string {
    // A code stored as a number loses its leading zero (0301 -> 301).
    return /^\d{1,4}(\.0+)?$/.test(raw) ? raw.replace(/\.0+$/, '').padStart(4, '0') : raw;
  }

  /** The offense a most serious conviction names: its class, tags and text, read once per code and text. */
  private offense(rawCode: string, text: string): OffenseInfo {
    let byText = this.offensesByCode.get(rawCode);
    if (!byText) this.offensesByCode.set(rawCode, (byText = new Map()));
    let info = byText.get(text);
    if (!info) byText.set(text, (info = this.offenseOf(rawCode, text)));
    return info;
  }

  private offenseOf(rawCode: string, text: string): OffenseInfo {
    const key = `${rawCode}|${text}`;
    let info = this.offenses.get(key);
    if (info) return info;
    const code = this.codeOf(rawCode);
    const ncic = code ? ncicOffense(code) : undefined;
    const placed: OffenseInfo['placed'] = ncic?.description ? 'code' : ncic?.category ? 'category' : 'no';
    if (code && placed !== 'code') this.tally.unplacedCodes.set(code, (this.tally.unplacedCodes.get(code) ?? 0) + 1);
    const tags = ncic?.tags ?? [];
    const b = this.sink.builder;
    const words = text || ncic?.description || (code ? `NCIC ${code}` : 'offense not in the records');
    info = {
      cls: ncic?.class ? CLASS_BITS[ncic.class] : ANY_CLASS,
      cats: categoryMask(tags),
      catList: b.stringId(tags.join(';')),
      offense: b.stringId(code ? `${words} (NCIC ${code})` : words),
      tags,
      placed,
      yearSentence: placed === 'code' && YEAR_SENTENCE_CODES.has(code),
      aggravatedCatList: -1,
    };
    this.offenses.set(key, info);
    return info;
  }

  /**
   * The record's facility id: kept by the keys of its name, city and state cells when each has one
   * (below KEY_RADIX), so that a facility seen before is found by one number.
   */
  private facilityOf(cells: IceCells): number {
    const cols = this.columns!;
    const f = cells.key(cols.facility);
    const c = cells.key(cols.city);
    const s = cells.key(cols.state);
    if (f >= 0 && c >= 0 && s >= 0 && f < SMALL_KEY_RADIX && c < SMALL_KEY_RADIX && s < SMALL_KEY_RADIX) {
      const key = (f << 20) | (c << 10) | s;
      let id = this.facilitiesBySmallKey.get(key);
      if (id === undefined) {
        id = this.facilityId(cells.text(cols.facility), cells.text(cols.city), cells.text(cols.state));
        this.facilitiesBySmallKey.set(key, id);
      }
      return id;
    }
    const keyed = f >= 0 && c >= 0 && s >= 0 && f < KEY_RADIX && c < KEY_RADIX && s < KEY_RADIX;
    const key = (f * KEY_RADIX + c) * KEY_RADIX + s;
    let id = keyed ? this.facilitiesByKey.get(key) : undefined;
    if (id === undefined) {
      id = this.facilityId(cells.text(cols.facility), cells.text(cols.city), cells.text(cols.state));
      if (keyed) this.facilitiesByKey.set(key, id);
    }
    return id;
  }

  private facilityId(name: string, city: string, state: string): number {
    let byCity = this.facilitiesByName.get(name);
    if (!byCity) this.facilitiesByName.set(name, (byCity = new Map()));
    let byState = byCity.get(city);
    if (!byState) byCity.set(city, (byState = new Map()));
    let id = byState.get(state);
    if (id === undefined) byState.set(state, (id = this.facilityIdOf(name, city, state)));
    return id;
  }

  private facilityIdOf(name: string, city: string, state: string): number {
    if (!name || isRedacted(name)) return 0;
    const where = [city && !isRedacted(city) ? city : '', state && !isRedacted(state) ? state : ''].filter(Boolean).join(', ');
    const label = where ? `${name} (${where})` : name;
    let id = this.facilities.get(label);
    if (id === undefined) this.facilities.set(label, (id = this.sink.builder.stringId(label)));
    return id;
  }
}

/** The current CSV record's cells, read from the scanner's bytes. */
class CsvCells extends IceCells {
  /**
   * Each column's trimmed cell texts by their bytes, so a value seen before (a facility, a flag, a
   * code) is not made into a new string; null once a column shows too many distinct values to be worth it.
   */
  private readonly texts: Array<ByteTable<string> | null | undefined> = [];
  private readonly distinct: number[] = [];

  constructor(private readonly sc: CsvByteScanner) {
    super();
  }

  get width(): number {
    return this.sc.count;
  }

  text(k: number): string {
    const sc = this.sc;
    if (k < 0 || k >= sc.count) return '';
    const a = sc.starts[k]!;
    if (a < 0) return sc.quoted[k]!.trim();
    const e = sc.ends[k]!;
    if (a === e) return '';
    let table = this.texts[k];
    if (table === undefined) table = this.texts[k] = new ByteTable<string>();
    if (table === null || e - a > 64) return textOf(sc.buf, a, e).trim();
    let text = table.get(sc.buf, a, e);
    if (text === undefined) {
      text = textOf(sc.buf, a, e).trim();
      const seen = (this.distinct[k] ?? 0) + 1;
      this.distinct[k] = seen;
      if (seen > 4096) this.texts[k] = null;
      else table.set(sc.buf, a, e, text);
    }
    return text;
  }

  /**
   * A cell spelled exactly YYYY-MM-DD[ HH:MM[:SS]] (a valid date): its minutes, its date packed into
   * plainPacked straight from the digits; NaN for anything else.
   */
  override plainDate(k: number): number {
    const sc = this.sc;
    if (k < 0 || k >= sc.count) return NaN;
    const a = sc.starts[k]!;
    if (a < 0) return NaN;
    const b = sc.buf;
    const t = dateTimeAt(b, a, sc.ends[k]!);
    if (!Number.isNaN(t))
      this.plainPacked = packYmd(
        (b[a]! - 48) * 1000 + (b[a + 1]! - 48) * 100 + (b[a + 2]! - 48) * 10 + b[a + 3]! - 48,
        (b[a + 5]! - 48) * 10 + b[a + 6]! - 48,
        (b[a + 8]! - 48) * 10 + b[a + 9]! - 48,
      );
    return t;
  }

  override count(k: number): number {
    const sc = this.sc;
    if (k < 0 || k >= sc.count) return -1;
    const a = sc.starts[k]!;
    const e = sc.ends[k]!;
    return a < 0 || a === e ? -1 : digitsAt(sc.buf, a, e);
  }

  override fourDigits(k: number): number {
    const sc = this.sc;
    if (k < 0 || k >= sc.count) return -1;
    const a = sc.starts[k]!;
    return a < 0 || sc.ends[k]! - a !== 4 ? -1 : digitsAt(sc.buf, a, a + 4);
  }

  /**
   * From the bytes: blank, or "(b)" in either case, ASCII white space, "(" and a digit (isRedacted's
   * spelling), or a first byte that is neither "(" nor one trimming could drop; -1 (read the text) for
   * white space outside ASCII where it would decide.
   */
  override blankOrRedacted(k: number): number {
    const sc = this.sc;
    if (k < 0 || k >= sc.count) return 1;
    const a = sc.starts[k]!;
    if (a < 0) return -1;
    const e = sc.ends[k]!;
    if (a === e) return 1;
    const b = sc.buf;
    const c = b[a]!;
    if (c !== 40 /* ( */) return c > 32 && c < 0x80 ? 0 : -1;
    if (e - a < 5 || (b[a + 1]! | 0x20) !== 98 /* b */ || b[a + 2] !== 41 /* ) */) return 0;
    let j = a + 3;
    while (j < e && (b[j] === 32 || (b[j]! >= 9 && b[j]! <= 13))) j++;
    if (j < e && b[j]! >= 0x80) return -1;
    return j + 1 < e && b[j] === 40 && b[j + 1]! >= 48 && b[j + 1]! <= 57 ? 1 : 0;
  }

  /** Yes/no from the bytes when they spell one exactly; anything else through the text. */
  override flag(k: number): number {
    const sc = this.sc;
    if (k < 0 || k >= sc.count) return NOT_SAID;
    const a = sc.starts[k]!;
    if (a >= 0) {
      const e = sc.ends[k]!;
      if (a === e) return NOT_SAID;
      const b = sc.buf;
      // NO and YES in any case, the release's spellings, at once; the rest as boolAt reads them.
      if (e - a === 2 && (b[a]! | (b[a + 1]! << 8) | 0x2020) === 0x6f6e /* no */) return NO;
      if (e - a === 3 && (b[a]! | (b[a + 1]! << 8) | (b[a + 2]! << 16) | 0x202020) === 0x736579 /* yes */) return YES;
      const v = boolAt(b, a, e);
      if (v >= 0) return v;
    }
    return yesNo(this.text(k));
  }

  /** Blank when no field holds a byte other than ASCII white space; a field with other bytes outside ASCII is read as text. */
  override blank(): boolean {
    const sc = this.sc;
    const b = sc.buf;
    for (let i = 0; i < sc.filledCount; i++) {
      const k = sc.filled[i]!;
      const a = sc.starts[k]!;
      if (a < 0) {
        if (sc.quoted[k]!.trim() !== '') return false;
        continue;
      }
      const e = sc.ends[k]!;
      let other = false;
      for (let j = a; j < e; j++) {
        const c = b[j]!;
        if (c >= 0x80) other = true;
        else if (c !== 32 && (c < 9 || c > 13)) return false;
      }
      if (other && this.text(k) !== '') return false;
    }
    return true;
  }
}

/**
 * The release as CSV: its bytes (or its text, read as its UTF-8 bytes) split into records by the
 * shared byte scanner; a cell becomes text only when the mapping reads it.
 */
export class IceDetainerCsvReader {
  private readonly scanner = new CsvByteScanner();
  private readonly cells = new CsvCells(this.scanner);

  constructor(readonly rows: IceDetainerReader) {}

  push(text: string): void {
    this.scanner.pushText(text);
    this.drain(false);
  }

  pushBytes(chunk: Uint8Array): void {
    this.scanner.push(chunk);
    this.drain(false);
  }

  finish(): void {
    this.drain(true);
    this.rows.finish();
  }

  private drain(final: boolean): void {
    const sc = this.scanner;
    while (!this.rows.done && sc.next(final)) this.rows.row(sc.row, this.cells);
    if (sc.error && !this.rows.done) this.rows.failAt(sc.error.row, sc.error.message);
  }
}
