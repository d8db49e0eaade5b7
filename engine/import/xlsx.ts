// Reading the rows of an Excel workbook (.xlsx) as a stream: the zip's directory is read from the
// end of the file, then the shared strings and the first sheet are inflated a chunk at a time and
// their XML parsed as it arrives, so a sheet of a million rows is never held whole, as bytes or as
// text. The reader is a generator that asks for byte ranges: the CLI answers from a file, the app
// from a File, both through the drivers at the end.

import { Inflate } from 'fflate';
import { textOf } from './bytes-text';

export { textOf };

/** A cell's kind: what its value text holds. */
export const CELL_EMPTY = 0;
export const CELL_TEXT = 1;
/** A number as written in the sheet (dates are numbers: days since 1899-12-30, see `excelSerialToDays`). */
export const CELL_NUMBER = 2;
export const CELL_BOOLEAN = 3;
/** An error value such as #N/A. */
export const CELL_ERROR = 4;

/** One row of the sheet: values by column (0 = A), with their kinds; columns past `width` are empty. */
export interface SheetRow {
  /** The 1-based row number in the sheet. */
  row: number;
  width: number;
  values: string[];
  kinds: Uint8Array;
}

/**
 * One row of the sheet as its cells were read, by column (0 = A), without making their text: a
 * shared string's index, a number's digits, and where each value lies in the bytes being read. A
 * reader that wants few of the columns, or reads the same shared strings again and again, asks only for
 * what it needs; `text` gives what `SheetRow.values` holds. The object and its arrays are reused from
 * row to row, and the bytes it points into are valid only while the row is handed over.
 */
export class SheetCells {
  /** The 1-based row number in the sheet. */
  row = 0;
  /** Columns up to the row's last cell with a value; the kinds past it are not kept. */
  width = 0;
  /** Each column's kind (CELL_EMPTY for a column the row leaves out). */
  kinds = new Uint8Array(64);
  /** A text cell's index in the shared strings (`strings`), or -1 for any other cell. */
  shared = new Int32Array(64);
  /** A number cell of 1 to 9 ASCII digits alone: their value; -1 for any other cell. */
  digits = new Int32Array(64);
  /** Where a number cell's value lies in `bytes`: [starts[k], ends[k]). */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** The text of any other cell (a text written in the cell, a boolean, an error). */
  texts: string[] = [];
  bytes: Uint8Array = new Uint8Array(0);

  constructor(readonly strings: readonly string[]) {}

  /** Makes room for column k. */
  grow(k: number): void {
    const n = Math.max(k + 1, this.kinds.length * 2);
    const grown = <T extends Uint8Array | Int32Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(n);
      next.set(a);
      return next;
    };
    this.kinds = grown(this.kinds);
    this.shared = grown(this.shared);
    this.digits = grown(this.digits);
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
  }

  /**
   * Sets column col of the row being read to a cell of that kind (not CELL_EMPTY), the columns it
   * skips since the last one set to empty ones; a number's or an other cell's value is set beside.
   */
  put(col: number, kind: number, sharedIndex: number): void {
    if (col >= this.kinds.length) this.grow(col);
    const kinds = this.kinds;
    let width = this.width;
    while (width < col) kinds[width++] = CELL_EMPTY;
    if (width === col) width++;
    this.width = width;
    kinds[col] = kind;
    this.shared[col] = sharedIndex;
  }

  /** Sets column col to a number cell: its digits' value (-1: not 1 to 9 digits alone) and where it lies in `bytes`. */
  putNumber(col: number, digits: number, start: number, end: number): void {
    this.put(col, CELL_NUMBER, -1);
    this.digits[col] = digits;
    this.starts[col] = start;
    this.ends[col] = end;
  }

  /** The cell's value as text ('' for an empty cell or past the row's end): what `SheetRow.values` holds. */
  text(k: number): string {
    if (k < 0 || k >= this.width) return '';
    const kind = this.kinds[k]!;
    if (kind === CELL_EMPTY) return '';
    const s = this.shared[k]!;
    if (s >= 0) return this.strings[s]!;
    if (kind === CELL_NUMBER) return textOf(this.bytes, this.starts[k]!, this.ends[k]!);
    return this.texts[k]!;
  }

  /** A number cell's value, exactly as Number(text(k)) reads it; NaN for any other cell. */
  number(k: number): number {
    if (k < 0 || k >= this.width || this.kinds[k] !== CELL_NUMBER) return NaN;
    const d = this.digits[k]!;
    if (d >= 0) return d;
    const n = decimalAt(this.bytes, this.starts[k]!, this.ends[k]!);
    return Number.isNaN(n) ? Number(this.text(k)) : n;
  }
}

/** Powers of ten a double holds exactly (10^0 to 10^22). */
export const EXACT_TENS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A decimal b[from, to) of an optional '-', digits and an optional fraction, of at most 15 digits in
 * all: its value, as Number() reads it (the digits as an integer and a power of ten are both exact,
 * and one division of exact values rounds once, correctly); NaN for any other spelling, to be read by
 * Number() instead.
 */
function decimalAt(b: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = b[i] === 45; /* - */
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let point = -1;
  for (; i < to; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 /* . */ && point < 0) point = digits;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = point < 0 ? m : m / EXACT_TENS[digits - point]!;
  return negative ? -v : v;
}

export interface WorkbookInfo {
  sheetName: string;
  /** True when the workbook counts dates from 1904 (old Mac workbooks). */
  date1904: boolean;
}

export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

/**
 * A request for bytes [offset, offset + length) of the file; with `inflate` (the zip entry's name),
 * for the next piece of those bytes inflated as raw DEFLATE by the host's `inflateStream` (an empty
 * piece once they are all inflated). Only the asynchronous reader, given an `inflateStream`, asks so.
 */
export interface ByteRequest {
  offset: number;
  length: number;
  inflate?: string;
}

export interface XlsxReadOptions {
  /** Called with each row of the first sheet, in order, its values as text. Return false to stop reading. */
  onRow?: (row: SheetRow) => boolean | void;
  /**
   * Called with each row's cells instead of `onRow`, when given: the row's text is made only as it is
   * asked for (see SheetCells). Return false to stop reading.
   */
  onCells?: (cells: SheetCells) => boolean | void;
  /** Called with the workbook's facts before the first row. */
  onWorkbook?: (info: WorkbookInfo) => void;
  /** Called as the sheet's compressed bytes are read: (bytes read, bytes of the sheet). */
  onProgress?: (read: number, total: number) => void;
  /**
   * Called as the first sheet's rows are read: the sheet's inflated bytes handed to the reader of rows
   * so far, and its inflated size as the zip's directory gives it (0 when it does not, or gives more
   * than 128 times its compressed size).
   */
  onSheetRead?: (inflated: number, size: number) => void;
  /** Compressed bytes asked for at a time (default 1 MiB). */
  chunkBytes?: number;
  /** Makes the raw DEFLATE decoder for the workbook's parts (default: one in JavaScript); a host may hand in its native one. */
  inflater?: RawInflaterFactory;
  /** Takes the first sheet's inflated XML, piece by piece, instead of its rows being read (the bench times inflating alone). */
  onSheetBytes?: (xml: Uint8Array) => void;
  /**
   * For the asynchronous reader (`readXlsx`) only: the host's own streaming decoder of raw DEFLATE, such
   * as a browser's DecompressionStream('deflate-raw'), which is native and several times faster than the
   * decoder in JavaScript. It is given the compressed bytes of each part as a stream; `inflater` is then not used.
   */
  inflateStream?: InflateStream;
}

/**
 * A host's streaming raw DEFLATE decoder: compressed bytes in, inflated bytes out (see `inflateStream`).
 * `part` says where the compressed bytes are in the file, for a host that reads them itself (in another
 * thread); it then cancels `compressed`.
 */
export type InflateStream = (
  compressed: ReadableStream<Uint8Array>,
  part: { offset: number; length: number },
) => ReadableStream<Uint8Array>;

/**
 * A raw DEFLATE decoder (zip method 8) fed a part's compressed bytes piece by piece. `out` is called
 * with the inflated bytes as they come; they may sit in a buffer the decoder reuses, so they are read
 * before `out` returns. A damaged stream throws. A decoder asked for a sheet's rows (`sheetRows`) may
 * hand with a piece the index of the rows it holds, made by `indexSheetRows` (in another thread): the
 * reader then takes those rows from the index and reads only the rest of the piece's XML.
 */
export interface RawInflater {
  push(compressed: Uint8Array, final: boolean, out: (bytes: Uint8Array, rows?: Int32Array) => void): void;
  /** Called once the part is read, or reading it stopped early: a decoder may let go of what it holds. */
  close?(): void;
}
/**
 * Makes a decoder for one part, given the part's compressed size (a host may choose its decoder by it)
 * and whether the part is the sheet whose rows are read (`sheetRows`: its pieces may come indexed).
 */
export type RawInflaterFactory = (compressedSize: number, part?: { sheetRows?: boolean }) => RawInflater;

/** The decoder in JavaScript (fflate): what every host can run. */
export const jsInflater: RawInflaterFactory = () => {
  let sink: (bytes: Uint8Array) => void = () => undefined;
  const inflate = new Inflate((data) => sink(data));
  return {
    push(compressed, final, out) {
      sink = out;
      inflate.push(compressed, final);
    },
  };
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;

function notAWorkbook(head: Uint8Array): XlsxError {
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    return new XlsxError(
      'this is an Excel 97-2003 workbook (.xls) or a password-protected one, not an .xlsx: open it in Excel or LibreOffice and save it as .xlsx or CSV',
    );
  return new XlsxError('this is not an Excel workbook (.xlsx): it is not a zip archive');
}

/** The zip's central directory: every entry by name. */
function* readDirectory(size: number): Generator<ByteRequest, Map<string, ZipEntry>, Uint8Array> {
  if (size < 22) throw new XlsxError('the file is too short to be an Excel workbook (.xlsx)');
  const head = yield { offset: 0, length: Math.min(8, size) };
  if (u32(head, 0) !== LOCAL) throw notAWorkbook(head);
  // The end-of-directory record is the last 22 bytes, unless a comment (up to 64 KiB) follows it.
  const tailStart = Math.max(0, size - 22 - 65535);
  const tail = yield { offset: tailStart, length: size - tailStart };
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new XlsxError('the zip archive has no directory at its end: the file may be cut short');
  const count = u16(tail, at + 10);
  const dirSize = u32(tail, at + 12);
  const dirOffset = u32(tail, at + 16);
  if (dirOffset === 0xffffffff || count === 0xffff)
    throw new XlsxError('the workbook is a ZIP64 archive (over 4 GB), which this reader does not read; export the sheet as CSV');
  if (dirOffset + dirSize > size) throw new XlsxError('the zip directory points past the end of the file: the file may be cut short');
  const dir = yield { offset: dirOffset, length: dirSize };
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || u32(dir, p) !== CENTRAL) throw new XlsxError('the zip directory is damaged');
    const nameLength = u16(dir, p + 28);
    const entry: ZipEntry = {
      method: u16(dir, p + 10),
      compressedSize: u32(dir, p + 20),
      size: u32(dir, p + 24),
      localOffset: u32(dir, p + 42),
      name: names.decode(dir.subarray(p + 46, p + 46 + nameLength)),
    };
    if (u16(dir, p + 8) & 1) throw new XlsxError('the workbook is encrypted; save it without a password');
    entries.set(entry.name.replace(/^\//, ''), entry);
    p += 46 + nameLength + u16(dir, p + 30) + u16(dir, p + 32);
  }
  return entries;
}

/**
 * Streams one entry's content as bytes: inflated a chunk at a time and handed to `onBytes` piece by
 * piece (pieces end anywhere, even inside a tag or a character; a piece is read before the next).
 */
function* streamEntry(
  entry: ZipEntry,
  onBytes: (bytes: Uint8Array, final: boolean, rows?: Int32Array) => void,
  chunkBytes: number,
  inflater: RawInflaterFactory | 'host',
  onProgress?: (read: number, total: number) => void,
  sheetRows = false,
): Generator<ByteRequest, void, Uint8Array> {
  const local = yield { offset: entry.localOffset, length: 30 };
  if (u32(local, 0) !== LOCAL) throw new XlsxError(`the zip entry ${entry.name} is damaged`);
  const start = entry.localOffset + 30 + u16(local, 26) + u16(local, 28);
  if (inflater === 'host' && entry.method === 8 && entry.compressedSize > 0) {
    // The host inflates: each request brings the next inflated piece. Progress is told in compressed
    // bytes, in proportion to the bytes inflated of the size the zip's directory gives.
    const total = entry.compressedSize;
    let inflated = 0;
    for (;;) {
      const piece = yield { offset: start, length: total, inflate: entry.name };
      if (piece.length === 0) break;
      onBytes(piece, false);
      inflated += piece.length;
      if (entry.size > 0) onProgress?.(Math.min(total - 1, Math.floor((inflated / entry.size) * total)), total);
    }
    onBytes(new Uint8Array(0), true);
    onProgress?.(total, total);
    return;
  }
  if (inflater === 'host') inflater = jsInflater;
  let inflate: RawInflater | undefined;
  if (entry.method === 8) inflate = inflater(entry.compressedSize, sheetRows ? { sheetRows } : undefined);
  else if (entry.method !== 0)
    throw new XlsxError(`the zip entry ${entry.name} is compressed with method ${entry.method}, which is not read`);
  let read = 0;
  const total = entry.compressedSize;
  if (total === 0) {
    onBytes(new Uint8Array(0), true);
    return;
  }
  // The decoder's last piece comes before it returns from the final push: a piece is final only then.
  const notFinal = (bytes: Uint8Array, rows?: Int32Array) => onBytes(bytes, false, rows);
  try {
    while (read < total) {
      const n = Math.min(chunkBytes, total - read);
      const bytes = yield { offset: start + read, length: n };
      if (bytes.length < n) throw new XlsxError(`the zip entry ${entry.name} is cut short`);
      read += n;
      const final = read >= total;
      try {
        if (inflate) {
          inflate.push(bytes, final, notFinal);
          if (final) onBytes(new Uint8Array(0), true);
        } else onBytes(bytes, final);
      } catch (e) {
        throw notInflating(entry.name, e);
      }
      onProgress?.(read, total);
    }
  } finally {
    inflate?.close?.();
  }
}

/** What a decoder's failure on a part is reported as (an XlsxError, such as a part cut short, as it is). */
function notInflating(name: string, e: unknown): XlsxError {
  if (e instanceof XlsxError) return e;
  return new XlsxError(`the zip entry ${name} does not inflate (${(e as Error).message}): the file may be damaged`);
}

/**
 * Decodes UTF-8 pieces as they inflate. Each piece is decoded whole up to its last complete character
 * and the few bytes of a character cut at its end wait for the next: a decoder in streaming mode is
 * several times slower (it was a quarter of a workbook's import). A byte-order mark starts only the first.
 */
function utf8Pieces(onText: (text: string) => void): (bytes: Uint8Array, final: boolean) => void {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let carry: Uint8Array | null = null;
  let first = true;
  return (piece, final) => {
    let bytes = piece;
    if (carry) {
      bytes = new Uint8Array(carry.length + piece.length);
      bytes.set(carry);
      bytes.set(piece, carry.length);
      carry = null;
    }
    let end = bytes.length;
    if (!final) {
      // Back over continuation bytes to the lead byte of the last character; keep it if it is cut short.
      let lead = end - 1;
      while (lead >= 0 && end - lead < 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
      if (lead >= 0 && bytes[lead]! >= 0xc0) {
        const length = bytes[lead]! >= 0xf0 ? 4 : bytes[lead]! >= 0xe0 ? 3 : 2;
        if (end - lead < length) end = lead;
      }
      if (end < bytes.length) carry = bytes.slice(end);
    }
    let text = decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
    if (first && text) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text) onText(text);
  };
}

/** Reads a small entry whole. */
function* entryText(entry: ZipEntry, inflater: RawInflaterFactory | 'host'): Generator<ByteRequest, string, Uint8Array> {
  const parts: string[] = [];
  yield* streamEntry(
    entry,
    utf8Pieces((t) => parts.push(t)),
    1 << 20,
    inflater,
  );
  return parts.join('');
}

// ---- XML ----

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text content with XML entities and Excel's _xHHHH_ escapes replaced. */
export function xmlText(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e]!,
    );
  }
  if (s.indexOf('_x') >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The value of attribute `name` in a start tag, or undefined. */
function attribute(tag: string, name: string): string | undefined {
  // The common spelling first (a space, the name, a double-quoted value), without a regular expression.
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at >= 0) {
    const end = tag.indexOf('"', at + key.length);
    const raw = tag.slice(at + key.length, end);
    return raw.indexOf('&') >= 0 ? xmlText(raw) : raw;
  }
  if (tag.indexOf(name) < 0) return undefined;
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlText(m[2] ?? m[3] ?? '') : undefined;
}

/** The text of every <t> element in s[from, to) joined, leaving out phonetic runs (<rPh>). */
function runsText(s: string, from: number, to: number): string {
  let seg = s.slice(from, to);
  if (seg.indexOf('<rPh') >= 0) seg = seg.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  let p = 0;
  for (;;) {
    const t = seg.indexOf('<t', p);
    if (t < 0) break;
    const c = seg.charCodeAt(t + 2);
    const open = seg.indexOf('>', t);
    if ((c !== 62 && c !== 32 && c !== 47 && c !== 9 && c !== 10 && c !== 13) || open < 0) {
      p = t + 2;
      continue;
    }
    if (seg.charCodeAt(open - 1) === 47) {
      p = open + 1;
      continue;
    }
    const close = seg.indexOf('</t>', open);
    if (close < 0) break;
    out += seg.slice(open + 1, close);
    p = close + 4;
  }
  return xmlText(out);
}

/** Collects the shared strings table from its XML as it streams. */
class SharedStrings {
  readonly list: string[] = [];
  private buf = '';

  push(text: string): void {
    const s = this.buf + text;
    let p = 0;
    for (;;) {
      const a = s.indexOf('<si', p);
      if (a < 0) {
        // Keep a possible "<s" cut at the end of this piece.
        p = Math.max(p, s.length - 2);
        break;
      }
      const open = s.indexOf('>', a);
      if (open < 0) {
        p = a;
        break;
      }
      if (s.charCodeAt(open - 1) === 47) {
        this.list.push('');
        p = open + 1;
        continue;
      }
      const end = s.indexOf('</si>', open);
      if (end < 0) {
        p = a;
        break;
      }
      this.list.push(runsText(s, open, end));
      p = end + 5;
    }
    this.buf = s.slice(p);
  }
}

/** Column number (0 = A) of a cell reference such as "AB12"; -1 when it has no letters. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 ? -1 : n - 1;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;
const AMP = 38;

/** Whether byte c may follow an element's name (white space, '>' or '/'). */
function endsName(c: number): boolean {
  return c === 32 || c === GT || c === SLASH || c === 9 || c === 10 || c === 13;
}

/** Position of the byte sequence `needle` in b[from, to), or -1. */
function find(b: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const first = needle[0]!;
  const last = to - needle.length;
  for (let i = b.indexOf(first, from); i >= 0 && i <= last; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && b[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** Whether byte c occurs in b[from, to). */
function holds(b: Uint8Array, c: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] === c) return true;
  return false;
}

const END_CELL = new TextEncoder().encode('</c>');
const END_ROW = new TextEncoder().encode('</row>');
/** Bytes of a piece read only with the next piece's (see SheetRows.push). */
const SLACK = 64;
const START_VALUE = new TextEncoder().encode('<v');
const END_VALUE = new TextEncoder().encode('</v>');

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** An attribute's value as text, with entities replaced. */
function attributeText(b: Uint8Array, at: number, end: number): string {
  const raw = textOf(b, at, end);
  return holds(b, AMP, at, end) ? xmlText(raw) : raw;
}

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOLEAN = 4;
const T_ERROR = 5;

/** A cell's type attribute (t="s", "str", "inlineStr", "b", "e", "d"; anything else reads as a number). */
function typeOf(b: Uint8Array, at: number, end: number): number {
  const n = end - at;
  const c = b[at];
  if (n === 1) return c === 115 ? T_SHARED : c === 98 ? T_BOOLEAN : c === 101 ? T_ERROR : c === 100 ? T_STR : T_NUMBER;
  if (n === 3 && c === 115 && b[at + 1] === 116 && b[at + 2] === 114) return T_STR;
  if (n === 9 && c === 105 && b[at + 8] === 114 && textOf(b, at, end) === 'inlineStr') return T_INLINE;
  if (holds(b, AMP, at, end)) {
    const t = xmlText(textOf(b, at, end));
    return t === 's'
      ? T_SHARED
      : t === 'str' || t === 'd'
        ? T_STR
        : t === 'inlineStr'
          ? T_INLINE
          : t === 'b'
            ? T_BOOLEAN
            : t === 'e'
              ? T_ERROR
              : T_NUMBER;
  }
  return T_NUMBER;
}

/**
 * Parses the sheet's XML as its bytes stream in and hands over complete rows. The XML is read as
 * bytes: only the values of cells are made into text, and a shared string's index is read from its digits.
 */
class SheetRows {
  /** The bytes of a row cut at the end of the last piece, and room for the next piece after them. */
  private carry = new Uint8Array(1 << 16);
  private carried = 0;
  private nextRow = 1;
  /** The row being read (reused from row to row). */
  private readonly cells: SheetCells;
  /** The row's values as text, for a reader of SheetRow. */
  private values: string[] = [];
  /** The bytes being read (`viewOf`), four at a time. */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array | null = null;
  stopped = false;
  // The attributes of the tag being read.
  private refAt = -1;
  private refEnd = -1;
  private typeAt = -1;
  private typeEnd = -1;

  private readonly onCells: (cells: SheetCells) => boolean | void;

  constructor(
    private readonly strings: readonly string[],
    onRow?: (row: SheetRow) => boolean | void,
    onCells?: (cells: SheetCells) => boolean | void,
  ) {
    this.cells = new SheetCells(strings);
    this.onCells =
      onCells ??
      (!onRow
        ? () => undefined
        : (cells) => {
            const values = this.values;
            values.length = cells.width;
            for (let k = 0; k < cells.width; k++) values[k] = cells.text(k);
            return onRow({ row: cells.row, width: cells.width, values, kinds: cells.kinds });
          });
  }

  /**
   * The attributes of a start tag b[from, to) (from just past its name, to its '>'): the first r="..."
   * (and for a cell, t="...") is kept in refAt/refEnd (typeAt/typeEnd). Reading stops at a tag that is
   * not well formed, keeping what was found before.
   */
  private attributes(b: Uint8Array, from: number, to: number, cell: boolean): void {
    let i = from;
    for (;;) {
      while (i < to && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
      if (i >= to || b[i] === SLASH) return;
      const nameAt = i;
      while (i < to && b[i] !== EQUALS && b[i] !== 32 && b[i] !== 9 && b[i] !== 10 && b[i] !== 13) i++;
      const nameEnd = i;
      while (i < to && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
      if (b[i] !== EQUALS) return;
      i++;
      while (i < to && (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13)) i++;
      const q = b[i];
      if (q !== QUOTE && q !== APOSTROPHE) return;
      const at = i + 1;
      let end = at;
      while (end < to && b[end] !== q) end++;
      if (end >= to) return;
      if (nameEnd - nameAt === 1) {
        const c = b[nameAt];
        if (c === 114 /* r */ && this.refAt < 0) {
          this.refAt = at;
          this.refEnd = end;
        } else if (cell && c === 116 /* t */ && this.typeAt < 0) {
          this.typeAt = at;
          this.typeEnd = end;
        }
      }
      i = end + 1;
    }
  }

  /** The type of the cell plainCellTag last read, and where its start tag ends (its '>'). */
  private plainType = T_NUMBER;
  private plainEnd = -1;

  /**
   * The start tag writers use for nearly every cell, read from just past "<c" in b[from, to): ` r="AB12"`,
   * optionally followed by ` s="N"` and then ` t="s"`, then '>'. Returns its column (0-based), its type
   * kept in plainType and the place of its '>' in plainEnd; -1 for any other spelling (a self-closing
   * cell among them) and for a tag not complete before `to`, which the general reading takes. The tag
   * is read once: its end is not searched for first.
   */
  private plainCellTag(b: Uint8Array, from: number, to: number, rowDigits: number): number {
    let i = from;
    if (i + 5 > to || b[i] !== 32 || b[i + 1] !== 114 /* r */ || b[i + 2] !== EQUALS || b[i + 3] !== QUOTE) return -1;
    i += 4;
    const lettersAt = i;
    let k = 0;
    let c = b[i]!;
    while (c >= 65 && c <= 90 && i < to) {
      k = k * 26 + (c - 64);
      c = b[++i]!;
    }
    if (i === lettersAt) return -1;
    // The reference's digits are the row's number (read from its tag): when its closing quote is where
    // that length puts it, they are stepped over unread; they decide nothing (the letters give the column).
    if (i + rowDigits < to && b[i + rowDigits] === QUOTE) {
      i += rowDigits;
      c = QUOTE;
    } else while (c >= 48 && c <= 57 && i < to) c = b[++i]!;
    if (i + 1 >= to || c !== QUOTE) return -1;
    i++;
    if (i + 5 < to && b[i] === 32 && b[i + 1] === 115 /* s */ && b[i + 2] === EQUALS && b[i + 3] === QUOTE) {
      i += 4;
      c = b[i]!;
      while (c >= 48 && c <= 57 && i < to) c = b[++i]!;
      if (i + 1 >= to || c !== QUOTE) return -1;
      i++;
    }
    let type = T_NUMBER;
    if (
      i + 6 < to &&
      b[i] === 32 &&
      b[i + 1] === 116 /* t */ &&
      b[i + 2] === EQUALS &&
      b[i + 3] === QUOTE &&
      b[i + 4] === 115 &&
      b[i + 5] === QUOTE
    ) {
      type = T_SHARED;
      i += 6;
    }
    if (i >= to || b[i] !== GT) return -1;
    this.plainType = type;
    this.plainEnd = i;
    return k - 1;
  }

  /**
   * The number of a row whose start tag, b[from, to) after "<row", begins ` r="N"` (1 to 9 digits) as
   * writers spell it, whatever follows; -1 for any other spelling, which the general reading takes.
   */
  private plainRowNumber(b: Uint8Array, from: number, to: number): number {
    let i = from;
    if (i + 5 >= to || b[i] !== 32 || b[i + 1] !== 114 /* r */ || b[i + 2] !== EQUALS || b[i + 3] !== QUOTE) return -1;
    i += 4;
    let number = 0;
    const digitsAt = i;
    for (let d = b[i]! - 48; d >= 0 && d <= 9 && i < to; d = b[++i]! - 48) number = number * 10 + d;
    return i < to && b[i] === QUOTE && i > digitsAt && i - digitsAt <= 9 ? number : -1;
  }

  /**
   * Reads the rows a piece completes. A row cut at the end of the last piece (in the carry) is
   * completed with this piece's bytes up to the end of its first row; the rest of the piece is read
   * where it lies, not copied, but for its last SLACK bytes (unless it is the last piece), which wait
   * in the carry: the reading looks a few bytes past where it stops, and a look past the end of an
   * array (undefined, not a byte) would slow all of it down.
   */
  push(piece: Uint8Array, final: boolean, index?: Int32Array): void {
    if (this.stopped) return;
    const keep = final ? 0 : SLACK;
    let at = 0;
    if (this.carried > 0) {
      const first = find(piece, END_ROW, 0, piece.length);
      at = first < 0 ? piece.length : first + END_ROW.length;
      this.append(piece, 0, at);
      if (at < piece.length) this.readCarry();
    }
    if (this.carried === 0 && piece.length - at > keep) {
      const p = index ? this.scanIndexed(piece, piece.length - keep, at, index) : this.scan(piece, piece.length - keep, at);
      this.append(piece, p, piece.length);
    } else {
      this.append(piece, at, piece.length);
      this.readCarry();
    }
  }

  /** Adds b[from, to) to the carry. */
  private append(b: Uint8Array, from: number, to: number): void {
    const n = this.carried + to - from;
    if (n > this.carry.length) {
      const grown = new Uint8Array(Math.max(n, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carried));
      this.carry = grown;
    }
    this.carry.set(b.subarray(from, to), this.carried);
    this.carried = n;
  }

  /** Reads the rows complete in the carry, keeping what is not read yet (a row cut short) for the next piece. */
  private readCarry(): void {
    const n = this.carried;
    const p = this.scan(this.carry, n, 0);
    this.carry.copyWithin(0, p, n);
    this.carried = n - p;
  }

  /**
   * Reads the rows complete in b[from, n) as `scan` does, taking those the piece's index holds
   * (indexSheetRows) from it and reading the XML of the rest; returns where the unread rest starts. A
   * row of the index is taken whole even when it ends past n (the bytes past n are not looked at).
   */
  private scanIndexed(b: Uint8Array, n: number, from: number, index: Int32Array): number {
    let p = from;
    const used = index[0]!;
    for (let e = 1; e < used && !this.stopped; e = index[e + 3]!) {
      const start = index[e]!;
      // Rows before `from` were read with the bytes carried from the last piece.
      if (start < p) continue;
      if (start > p) {
        // Rows the index leaves out, read from their XML; should one not end before the next indexed
        // row starts (XML not well formed), the rest of the piece is read from its XML as well.
        const r = this.scan(b, start, p);
        if (this.stopped) return r;
        if (r < start && holds(b, LT, r, start)) return this.scan(b, n, r);
      }
      this.emitIndexed(b, index, e);
      p = index[e + 1]!;
    }
    return this.stopped || p >= n ? p : this.scan(b, n, p);
  }

  /**
   * Hands over the row of the index at entry e, as `emit` would read it from its XML: the row's columns
   * are set empty first, then its cells set, as SheetCells.put sets them (the width is one past the
   * last cell with a value).
   */
  private emitIndexed(b: Uint8Array, index: Int32Array, e: number): void {
    const cells = this.cells;
    const strings = this.strings;
    const columns = index[e + 4]!;
    if (columns > cells.kinds.length) cells.grow(columns - 1);
    const { kinds, shared, digits, starts, ends } = cells;
    kinds.fill(CELL_EMPTY, 0, columns);
    let width = 0;
    const next = index[e + 3]!;
    for (let q = e + 5; q < next;) {
      const head = index[q]!;
      const col = head >> 2;
      if ((head & 3) === 1) {
        const s = index[q + 1]!;
        q += 2;
        // An index past the table is an empty cell, as is an empty string.
        if (!strings[s]) continue;
        kinds[col] = CELL_TEXT;
        shared[col] = s;
      } else {
        kinds[col] = CELL_NUMBER;
        shared[col] = -1;
        digits[col] = index[q + 1]!;
        starts[col] = index[q + 2]!;
        ends[col] = index[q + 3]!;
        q += 4;
      }
      if (col >= width) width = col + 1;
    }
    cells.width = width;
    const number = index[e + 2]!;
    this.nextRow = number + 1;
    cells.row = number;
    cells.bytes = b;
    if (this.onCells(cells) === false) this.stopped = true;
  }

  /** Reads the rows complete in b[from, n); returns where the unread rest starts. */
  private scan(b: Uint8Array, n: number, from: number): number {
    let p = from;
    while (!this.stopped) {
      // The next row is most often where the last one ended: a loop costs less than indexOf's call.
      let a = p;
      for (;;) {
        while (a < n && b[a] !== LT) a++;
        if (a >= n || (b[a + 1] === 114 && b[a + 2] === 111 && b[a + 3] === 119)) break;
        a++;
      }
      if (a >= n) {
        // Keep a possible "<ro" split across pieces.
        return Math.max(p, n - 3);
      }
      if (a + 4 >= n) return a; // "<row" ends the piece: what follows it decides whether it is a row.
      if (!endsName(b[a + 4]!)) {
        p = a + 4;
        continue;
      }
      let open = a + 4;
      while (open < n && b[open] !== GT) open++;
      if (open >= n) return a;
      let number = this.plainRowNumber(b, a + 4, open);
      if (number < 0) {
        this.refAt = -1;
        this.attributes(b, a + 4, open, false);
        number = this.nextRow;
        if (this.refAt >= 0) {
          const rowAttr = attributeText(b, this.refAt, this.refEnd);
          if (/^\d+$/.test(rowAttr)) number = Number(rowAttr);
        }
      }
      if (b[open - 1] === SLASH) {
        this.emit(number, b, open, -1);
        p = open + 1;
        continue;
      }
      // The row's cells are read as they come; a row not complete in these bytes waits for the next piece.
      const end = this.emit(number, b, open + 1, n);
      if (end < 0) return a;
      p = end + 6;
    }
    return p;
  }

  /**
   * Reads the cells of a row from b[from] up to its "</row>", within b[0, n), and hands the row over;
   * returns where "</row>" starts, or -1 (nothing handed over) when the row does not end before n.
   * n = -1 reads an empty row (a self-closing <row/>).
   */
  private emit(number: number, b: Uint8Array, from: number, n: number): number {
    const to = n;
    const cells = this.cells;
    cells.width = 0;
    let nextColumn = 0;
    let rowEnd = -1;
    let p = from;
    let rowDigits = 1;
    for (let v = number; v >= 10; v = Math.floor(v / 10)) rowDigits++;
    if (this.viewOf !== b) {
      this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
      this.viewOf = b;
    }
    const view = this.view;
    // Four bytes read at once: a cell is at most this close to the end of what is read.
    const last = to - 8;
    for (;;) {
      if (to < 0) break;
      // The cell nearly every writer writes, <c r="AB12"[ s="N"][ t="s"]><v>V</v></c>, read in one go, its
      // fixed parts four bytes at a time; any other spelling (or a cell too near the end of the bytes)
      // goes on to the general reading below, from the cell's start.
      if (p <= last && view.getUint32(p, true) === 0x7220633c /* <c r */ && b[p + 4] === EQUALS && b[p + 5] === QUOTE) {
        let i = p + 6;
        let k = 0;
        let ch = b[i]!;
        while (ch >= 65 && ch <= 90 && i < last) {
          k = k * 26 + (ch - 64);
          ch = b[++i]!;
        }
        i += rowDigits;
        if (k > 0 && i < last && b[i] === QUOTE) {
          i++;
          if (view.getUint32(i, true) === 0x223d7320 /*  s=" */) {
            i += 4;
            ch = b[i]!;
            while (ch >= 48 && ch <= 57 && i < last) ch = b[++i]!;
            i = ch === QUOTE ? i + 1 : to;
          }
          let shared = false;
          if (i <= last && view.getUint32(i, true) === 0x223d7420 /*  t=" */ && view.getUint16(i + 4, true) === 0x2273 /* s" */) {
            shared = true;
            i += 6;
          }
          if (i <= last && view.getUint32(i, true) === 0x3e763c3e /* ><v> */) {
            const at = i + 4;
            let e = at;
            let read = 0;
            ch = b[e]!;
            while (ch >= 48 && ch <= 57 && e < last) {
              read = read * 10 + (ch - 48);
              ch = b[++e]!;
            }
            const alone = ch === LT && e > at && e - at <= 9;
            if (!alone) while (ch !== LT && e < last) ch = b[++e]!;
            if (
              e <= last &&
              view.getUint32(e, true) === 0x3e762f3c /* </v> */ &&
              view.getUint32(e + 4, true) === 0x3e632f3c /* </c> */ &&
              (alone || !shared)
            ) {
              const col = k - 1;
              // An index past the table is an empty cell, as is an empty string.
              if (shared) {
                if (this.strings[read]) cells.put(col, CELL_TEXT, read);
              } else if (e > at) cells.putNumber(col, alone ? read : -1, at, e);
              nextColumn = col + 1;
              p = e + 8;
              continue;
            }
          }
        }
      }
      // The searches within a row are short: a loop costs less than indexOf's call.
      let c = p;
      while (c < to && b[c] !== LT) c++;
      if (c >= to) c = -1;
      while (c >= 0 && c + 5 < to && b[c + 1] !== 99 /* c */) {
        if (b[c + 1] === SLASH && b[c + 2] === 114 && b[c + 3] === 111 && b[c + 4] === 119 && b[c + 5] === GT) {
          rowEnd = c;
          break;
        }
        c++;
        while (c < to && b[c] !== LT) c++;
        if (c >= to) c = -1;
      }
      if (rowEnd >= 0) break;
      if (c < 0 || c + 5 >= to) return -1;
      if (!endsName(b[c + 2]!)) {
        p = c + 2;
        continue;
      }
      let col = this.plainCellTag(b, c + 2, to, rowDigits);
      let type = this.plainType;
      let open = this.plainEnd;
      if (col < 0) {
        open = c;
        while (open < to && b[open] !== GT) open++;
        if (open >= to) return -1;
        this.refAt = this.typeAt = -1;
        this.attributes(b, c + 2, open, true);
        type = this.typeAt >= 0 ? typeOf(b, this.typeAt, this.typeEnd) : T_NUMBER;
      }
      if (col < 0 && this.refAt >= 0 && this.refEnd > this.refAt) {
        if (holds(b, AMP, this.refAt, this.refEnd)) col = columnOf(attributeText(b, this.refAt, this.refEnd));
        else {
          let k = 0;
          for (let i = this.refAt; i < this.refEnd; i++) {
            const ch = b[i]!;
            if (ch < 65 || ch > 90) break;
            k = k * 26 + (ch - 64);
          }
          col = k - 1;
        }
      }
      if (col < 0) col = nextColumn;
      nextColumn = col + 1;
      /** The cell's text, for a kind other than a shared string or a number. */
      let value = '';
      let kind = CELL_EMPTY;
      let sharedIndex = -1;
      let valueAt = 0;
      let valueEnd = 0;
      let digits = -1;
      let after = open + 1;
      if (b[open - 1] !== SLASH) {
        // The common cell, <v>...</v></c>, is read in place; anything else is searched for.
        let end: number;
        let vOpen = -1;
        let vClose = -1;
        /** The value's digits as a number, when it is 1 to 9 digits alone in the common cell; else -1. */
        let digitsValue = -1;
        if (b[open + 1] === LT && b[open + 2] === 118 /* v */ && b[open + 3] === GT) {
          vOpen = open + 3;
          vClose = vOpen + 1;
          // A value of digits alone (a shared string's index, most numbers) is read as it is scanned.
          let d = b[vClose]!;
          let read = 0;
          while (d >= 48 && d <= 57 && vClose < to) {
            read = read * 10 + (d - 48);
            d = b[++vClose]!;
          }
          if (d === LT && vClose < to && vClose - vOpen - 1 >= 1 && vClose - vOpen - 1 <= 9) digitsValue = read;
          else while (vClose < to && b[vClose] !== LT) vClose++;
          if (vClose + 8 > to) return -1;
          if (
            b[vClose + 1] === SLASH &&
            b[vClose + 2] === 118 &&
            b[vClose + 3] === GT &&
            b[vClose + 4] === LT &&
            b[vClose + 5] === SLASH &&
            b[vClose + 6] === 99 &&
            b[vClose + 7] === GT
          )
            end = vClose + 4;
          else {
            end = find(b, END_CELL, open, to);
            vClose = find(b, END_VALUE, vOpen, to);
            digitsValue = -1;
          }
        } else {
          end = find(b, END_CELL, open, to);
          if (type !== T_INLINE) {
            const v = find(b, START_VALUE, open, to);
            if (v >= 0 && v < end) {
              vOpen = b.indexOf(GT, v);
              vClose = b[vOpen - 1] === SLASH ? vOpen + 1 : find(b, END_VALUE, vOpen, to);
            }
          }
        }
        if (end < 0) return -1;
        after = end + 4;
        if (type === T_INLINE) {
          const seg = utf8.decode(b.subarray(open, end));
          value = runsText(seg, 0, seg.length);
          if (value !== '') kind = CELL_TEXT;
        } else if (vOpen >= 0) {
          const empty = b[vOpen - 1] === SLASH;
          const at = vOpen + 1;
          if (type === T_SHARED && digitsValue >= 0) {
            // An index past the table is an empty cell, as is an empty string.
            const text = this.strings[digitsValue];
            if (text) {
              sharedIndex = digitsValue;
              kind = CELL_TEXT;
            }
          } else if (type === T_SHARED) {
            let index = 0;
            let digits = empty ? 0 : vClose - at;
            if (digits > 0 && digits <= 9) {
              for (let i = at; i < vClose; i++) {
                const d = b[i]! - 48;
                if (d < 0 || d > 9) {
                  digits = 0;
                  break;
                }
                index = index * 10 + d;
              }
            } else digits = 0;
            if (digits === 0) index = Number(empty ? '' : textOf(b, at, vClose));
            const text = this.strings[index];
            if (text) {
              sharedIndex = index;
              kind = CELL_TEXT;
            }
          } else if (type === T_STR) {
            value = empty ? '' : xmlText(textOf(b, at, vClose));
            if (value !== '') kind = CELL_TEXT;
          } else if (type === T_BOOLEAN) {
            value = !empty && vClose - at === 1 && b[at] === 49 ? 'TRUE' : 'FALSE';
            kind = CELL_BOOLEAN;
          } else if (type === T_ERROR) {
            value = empty ? '' : xmlText(textOf(b, at, vClose));
            if (value !== '') kind = CELL_ERROR;
          } else if (!empty && vClose > at) {
            // A number's text is made only if it is asked for.
            kind = CELL_NUMBER;
            valueAt = at;
            valueEnd = vClose;
            digits = digitsValue;
          }
        }
      }
      if (kind === CELL_NUMBER) cells.putNumber(col, digits, valueAt, valueEnd);
      else if (kind !== CELL_EMPTY) {
        cells.put(col, kind, sharedIndex);
        if (sharedIndex < 0) cells.texts[col] = value;
      }
      p = after;
    }
    // Only a row read whole counts: one cut short is read again, from its start, with the next piece.
    this.nextRow = number + 1;
    cells.row = number;
    cells.bytes = b;
    if (this.onCells(cells) === false) this.stopped = true;
    return rowEnd;
  }
}

/**
 * Indexes the rows of a sheet's XML b[0, to) that the reader would read by its fast path alone (see
 * SheetRows.emit), for it to take without reading their XML again (SheetRows.push): a row tag that
 * starts ` r="N"` (1 to 9 digits) and is not self-closing, then only cells spelled
 * <c r="AB12"[ s="N"][ t="s"]><v>V</v></c> (a shared string's index of 1 to 9 digits; a number without a
 * '<'), one after the other, up to "</row>". Any other row, and a row not complete before `to`, is left
 * out: the reader reads those from the XML. An indexed row gives what the fast path reads of it (the
 * same columns, kinds and values, cell by cell), as it reads it.
 *
 * The index, in `out` (grown and returned when too small): out[0] is the number of ints used; from 1,
 * each row is [where "<row" starts, where its "</row>" ends, its number, where the next row's entry
 * starts, one more than its cells' last column], then its cells: [column * 4 + 1, the shared string's index] for a shared string, [column *
 * 4 + 2, its digits' value (-1 when not 1 to 9 digits alone), where the value starts, where it ends]
 * for a number. An empty value (<v></v>) is no cell, as the reader reads it.
 *
 * The function is whole in itself (it names nothing outside it and makes no functions): a host runs
 * its text (Function.prototype.toString) in another thread, beside that thread's decoder.
 */
export function indexSheetRows(b: Uint8Array, to: number, out: Int32Array): Int32Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  /** Four bytes are read at once up to here. */
  const last = to - 8;
  let used = 1;
  let p = 0;
  for (;;) {
    // The next "<row" followed by white space, '>' or '/', as the reader finds it.
    let a = p;
    for (;;) {
      while (a < to && b[a] !== 60) a++;
      if (a >= to || (b[a + 1] === 114 && b[a + 2] === 111 && b[a + 3] === 119)) break;
      a++;
    }
    if (a + 4 >= to) break;
    const after = b[a + 4];
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      p = a + 4;
      continue;
    }
    let open = a + 4;
    while (open < to && b[open] !== 62) open++;
    if (open >= to) break;
    p = open + 1;
    if (b[open - 1] === 47) continue;
    // ` r="N"`, 1 to 9 digits, whatever follows it in the tag.
    let i = a + 4;
    if (i + 5 >= open || b[i] !== 32 || b[i + 1] !== 114 || b[i + 2] !== 61 || b[i + 3] !== 34) continue;
    i += 4;
    const digitsAt = i;
    let number = 0;
    while (i < open && b[i]! >= 48 && b[i]! <= 57) number = number * 10 + (b[i++]! - 48);
    if (i >= open || b[i] !== 34 || i === digitsAt || i - digitsAt > 9) continue;
    // The reader steps over as many bytes of a cell's reference as the number has digits (without its zeros in front).
    let rowDigits = 1;
    for (let v = number; v >= 10; v = Math.floor(v / 10)) rowDigits++;
    // Room for the row's entry and the most its cells could take (four ints a cell of at least 16 bytes).
    const room = used + 9 + ((to - open) >> 2);
    if (room > out.length) {
      const grown = new Int32Array(Math.max(room, out.length * 2));
      grown.set(out.subarray(0, used));
      out = grown;
    }
    const entry = used;
    let at = entry + 5;
    let columns = 0;
    let q = open + 1;
    let end = -1;
    while (q <= last) {
      if (view.getUint32(q, true) !== 0x7220633c /* <c r */ || view.getUint16(q + 4, true) !== 0x223d) {
        if (view.getUint32(q, true) === 0x6f722f3c /* </ro */ && b[q + 4] === 119 && b[q + 5] === 62) end = q + 6;
        break;
      }
      // The reference: its letters (1 to 3) give the column; its digits, the row's number, are stepped over.
      // A letter or a digit is told by one unsigned comparison ((c - 65) >>> 0 <= 25), not two: some 6%
      // of the time here. Every byte read lies before `to`, so none is undefined (which would pass it).
      let j = q + 6;
      let k = 0;
      let c = b[j]!;
      for (let l = c - 65; l >>> 0 <= 25 && j < last; l = b[++j]! - 65) k = k * 26 + l + 1;
      if (k === 0 || j - q - 6 > 3) break;
      j += rowDigits;
      if (j >= last || b[j] !== 34) break;
      j++;
      if (view.getUint32(j, true) === 0x223d7320 /*  s=" */) {
        j += 4;
        c = b[j]!;
        while ((c - 48) >>> 0 <= 9 && j < last) c = b[++j]!;
        if (c !== 34) break;
        j++;
      }
      let shared = false;
      if (j <= last && view.getUint32(j, true) === 0x223d7420 /*  t=" */ && view.getUint16(j + 4, true) === 0x2273 /* s" */) {
        shared = true;
        j += 6;
      }
      if (j > last || view.getUint32(j, true) !== 0x3e763c3e /* ><v> */) break;
      const valueAt = j + 4;
      let e = valueAt;
      let value = 0;
      c = b[e]!;
      for (let d = c - 48; d >>> 0 <= 9 && e < last; d = (c = b[++e]!) - 48) value = value * 10 + d;
      const alone = c === 60 && e > valueAt && e - valueAt <= 9;
      if (!alone) {
        if (shared) break;
        while (c !== 60 && e < last) c = b[++e]!;
      }
      if (e > last || view.getUint32(e, true) !== 0x3e762f3c /* </v> */ || view.getUint32(e + 4, true) !== 0x3e632f3c /* </c> */) break;
      if (k > columns) columns = k;
      if (shared) {
        out[at++] = (k - 1) * 4 + 1;
        out[at++] = value;
      } else if (e > valueAt) {
        out[at++] = (k - 1) * 4 + 2;
        out[at++] = alone ? value : -1;
        out[at++] = valueAt;
        out[at++] = e;
      }
      q = e + 8;
    }
    // A row spelled otherwise, or cut short by `to`, is left to the reader.
    if (end < 0) continue;
    out[entry] = a;
    out[entry + 1] = end;
    out[entry + 2] = number;
    out[entry + 3] = at;
    out[entry + 4] = columns;
    used = at;
    p = end;
  }
  out[0] = used;
  return out;
}

/** Where the workbook's first sheet is, and its date system. */
function* locateFirstSheet(
  entries: Map<string, ZipEntry>,
  inflater: RawInflaterFactory | 'host',
): Generator<ByteRequest, { path: string } & WorkbookInfo, Uint8Array> {
  const wb = entries.get('xl/workbook.xml');
  if (!wb) throw new XlsxError('the zip archive has no xl/workbook.xml: it is not an Excel workbook (.xlsx)');
  const workbook = yield* entryText(wb, inflater);
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook);
  if (!sheet) throw new XlsxError('the workbook has no sheets');
  const sheetName = attribute(sheet[0], 'name') ?? 'Sheet1';
  const rid = /\s(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(sheet[0])?.[1];
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*"(1|true)"/.test(workbook);
  let path = 'xl/worksheets/sheet1.xml';
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rid && rels) {
    const text = yield* entryText(rels, inflater);
    for (const m of text.matchAll(/<Relationship\b[^>]*>/g)) {
      if (attribute(m[0], 'Id') !== rid) continue;
      const target = attribute(m[0], 'Target') ?? '';
      path = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
    }
  }
  if (!entries.has(path)) throw new XlsxError(`the workbook's first sheet (${path}) is missing from the archive`);
  return { path, sheetName, date1904 };
}

/** The reader: yields byte requests, answered with the bytes; reports rows through `options.onRow` or `options.onCells`. */
export function* xlsxRows(size: number, options: XlsxReadOptions): Generator<ByteRequest, WorkbookInfo, Uint8Array> {
  const entries = yield* readDirectory(size);
  const inflater = options.inflateStream ? 'host' : (options.inflater ?? jsInflater);
  const sheet = yield* locateFirstSheet(entries, inflater);
  const info = { sheetName: sheet.sheetName, date1904: sheet.date1904 };
  options.onWorkbook?.(info);
  const strings = new SharedStrings();
  const shared = entries.get('xl/sharedStrings.xml');
  const chunk = options.chunkBytes ?? 1 << 20;
  if (shared)
    yield* streamEntry(
      shared,
      utf8Pieces((t) => strings.push(t)),
      chunk,
      inflater,
    );
  const rows = new SheetRows(strings.list, options.onRow, options.onCells);
  const entry = entries.get(sheet.path)!;
  let inflated = 0;
  // The size the directory gives, unless it is more than the compressed bytes could plausibly make (a
  // reader may size what it keeps by it).
  const sheetSize = entry.size <= Math.max(entry.compressedSize, 1) * 128 ? entry.size : 0;
  // Stop asking for bytes once the reader of rows says it has what it needs.
  const parts = options.onSheetBytes
    ? streamEntry(entry, options.onSheetBytes, chunk, inflater, options.onProgress)
    : streamEntry(
        entry,
        (b, final, index) => {
          rows.push(b, final, index);
          inflated += b.length;
          options.onSheetRead?.(inflated, sheetSize);
        },
        chunk,
        inflater,
        options.onProgress,
        true,
      );
  let step = parts.next();
  while (!step.done && !rows.stopped) step = parts.next(yield step.value);
  // Stopped early: the part's decoder is closed.
  if (!step.done) parts.return();
  return info;
}

/** Runs the reader against a synchronous source of bytes (a file descriptor in the CLI); `inflateStream` is not used. */
export function readXlsxSync(size: number, read: (offset: number, length: number) => Uint8Array, options: XlsxReadOptions): WorkbookInfo {
  const gen = xlsxRows(size, { ...options, inflateStream: undefined });
  try {
    let step = gen.next();
    while (!step.done) step = gen.next(read(step.value.offset, step.value.length));
    return step.value;
  } finally {
    // A source that failed leaves the reader where it was: it closes (and its part's decoder with it).
    gen.return(undefined as never);
  }
}

/** Runs the reader against an asynchronous source of bytes (a File or Blob in the app). */
export async function readXlsx(
  size: number,
  read: (offset: number, length: number) => Promise<Uint8Array>,
  options: XlsxReadOptions,
): Promise<WorkbookInfo> {
  const gen = xlsxRows(size, options);
  let part: HostInflated | undefined;
  try {
    let step = gen.next();
    while (!step.done) {
      const request = step.value;
      if (request.inflate !== undefined) {
        if (part?.offset !== request.offset) {
          await part?.cancel();
          part = hostInflated(request, read, options.inflateStream!, options.chunkBytes ?? 1 << 20);
        }
        step = gen.next(await part.next());
      } else step = gen.next(await read(request.offset, request.length));
    }
    return step.value;
  } finally {
    // A reader that stopped early leaves the rest of its part uninflated; one whose source failed closes.
    await part?.cancel();
    gen.return(undefined as never);
  }
}

const NO_BYTES = new Uint8Array(0);

/** One part inflated by the host's decoder: its inflated pieces one at a time, then empty ones. */
interface HostInflated {
  offset: number;
  next(): Promise<Uint8Array>;
  cancel(): Promise<void>;
}

function hostInflated(
  request: ByteRequest,
  read: (offset: number, length: number) => Promise<Uint8Array>,
  inflateStream: InflateStream,
  chunkBytes: number,
): HostInflated {
  const name = request.inflate!;
  const end = request.offset + request.length;
  let at = request.offset;
  let done = false;
  const compressed = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (at >= end) {
        controller.close();
        return;
      }
      const n = Math.min(chunkBytes, end - at);
      const bytes = await read(at, n);
      if (bytes.length < n) {
        controller.error(new XlsxError(`the zip entry ${name} is cut short`));
        return;
      }
      at += n;
      // A copy (not slice(), which on a Node Buffer shares its memory): the decoder may keep the bytes past
      // this call, and a source may reuse its buffer.
      controller.enqueue(new Uint8Array(bytes));
    },
  });
  const reader = inflateStream(compressed, { offset: request.offset, length: request.length }).getReader();
  return {
    offset: request.offset,
    async next() {
      if (done) return NO_BYTES;
      try {
        for (;;) {
          const r = await reader.read();
          if (r.done) {
            done = true;
            return NO_BYTES;
          }
          if (r.value.length > 0) return r.value;
        }
      } catch (e) {
        done = true;
        throw notInflating(name, e);
      }
    },
    async cancel() {
      if (done) return;
      done = true;
      await reader.cancel().catch(() => undefined);
    },
  };
}

/** Whether bytes start like a zip archive (an .xlsx). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && u32(head, 0) === LOCAL;
}

/** Day number (days since 1970-01-01) of an Excel serial date; the time of day is the fraction. */
export function excelSerialToDays(serial: number, date1904 = false): number {
  // 1900 system: serial 25569 is 1970-01-01 (Excel counts a 29 February 1900 that never was, so
  // serials from 61 on are one day ahead; earlier serials are not dates any release uses).
  return date1904 ? serial - 24107 : serial - 25569;
}
