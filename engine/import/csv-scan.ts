// An incremental RFC 4180 reader of CSV records from a file's UTF-8 bytes: fed bytes (or text, read as
// its UTF-8 bytes) in pieces of any size, it yields one record at a time as field bounds into its
// buffer, so a field becomes text only when a reader asks for it. The project's case CSV, ICE's
// detainer CSV and the whole-text helpers (engine/csv.ts) all read records through it.

import { textOf } from './bytes-text';

/**
 * A list of n zeros, as a plain array with no holes. The scanner's per-field bounds are plain arrays,
 * not typed arrays: once any ArrayBuffer in the process has been detached (a byte stream's reads
 * transfer theirs: the app's File, Node's Blob), V8's optimized code checks a typed array's buffer at
 * every access, and a plain array of small integers costs no more than a typed array did before.
 */
export function zeros(n: number): number[] {
  return Array.from({ length: n }, () => 0);
}

/** Longest record accepted: past this, a quote was almost certainly left open. */
export const MAX_RECORD_CHARS = 1 << 20;

export interface CsvScanError {
  row: number;
  message: string;
  /** For a quote that is not closed: the 1-based number of the field it opens. */
  field?: number;
}

/**
 * RFC 4180 on bytes: quoted fields (line breaks and doubled quotes inside), text after a closing quote
 * kept in the field and flagged, CR, LF or CR LF line ends, blank lines skipped, a byte order mark at
 * the start of the file dropped, and a record past MAX_RECORD_CHARS characters stopping the reading.
 * Field k is buf[starts[k], ends[k]) when starts[k] >= 0 (a quoted field without doubled quotes or
 * stray text included, its quotes left out); otherwise its text is quoted[k].
 *
 * A `sparse` scanner writes the bounds of the fields listed in `filled` only: an empty field that is
 * not quoted is one `filled` leaves out, and its starts[k] and ends[k] are left as they were. A wide
 * file of mostly empty cells (the case CSV's 86 columns) is then scanned without two stores per empty
 * cell; `fields()` reads such a scanner's records whole all the same.
 */
export class CsvByteScanner {
  /** The bytes the current record's bounds refer to. */
  buf = new Uint8Array(1 << 16);
  /** The same bytes, read four at a time. */
  private view = new DataView(this.buf.buffer);
  starts = zeros(256);
  ends = zeros(256);
  quoted: Array<string | undefined> = [];
  /** The fields of the current record that are not empty or are quoted, in order: filled[0, filledCount). */
  filled = zeros(256);
  filledCount = 0;
  /** Fields in the current record. */
  count = 0;
  /** File row (line) where the current record starts; the header is row 1. */
  row = 1;
  /** Set when the current record has text after a closing quote: the field's 1-based number. */
  strayAfterQuote = 0;
  /** The current record's bytes are buf[recordStart, recordEnd) (its line break included). */
  recordStart = 0;
  recordEnd = 0;
  /** Non-zero when a field of the current record holds a byte outside ASCII (bit 0x80 set). */
  high = 0;
  /** A problem that stops reading: an unclosed quote or an endless record. */
  error: CsvScanError | undefined;

  private n = 0;
  private pos = 0;
  private line = 1;
  private bomChecked = false;
  /** A text piece's last UTF-16 unit when it is the first half of a pair, held for the next piece. */
  private heldSurrogate = '';
  private readonly encoder = new TextEncoder();

  constructor(private readonly sparse = false) {}

  /** Adds the next piece of the file's bytes. */
  push(chunk: Uint8Array): void {
    this.room(chunk.length);
    this.buf.set(chunk, this.n);
    this.n += chunk.length;
  }

  /** Adds the next piece of the file's text: its UTF-8 bytes are what is read. */
  pushText(text: string): void {
    text = this.heldSurrogate + text;
    this.heldSurrogate = '';
    if (text.length > 0 && (text.charCodeAt(text.length - 1) & 0xfc00) === 0xd800) {
      this.heldSurrogate = text.slice(-1);
      text = text.slice(0, -1);
    }
    this.room(text.length * 3);
    this.n += this.encoder.encodeInto(text, this.buf.subarray(this.n)).written;
  }

  /** Moves the unread bytes to the front and makes room for `extra` more. */
  private room(extra: number): void {
    const keep = this.n - this.pos;
    if (keep + extra > this.buf.length) {
      const next = new Uint8Array(Math.max(keep + extra, this.buf.length * 2));
      next.set(this.buf.subarray(this.pos, this.n));
      this.buf = next;
      this.view = new DataView(next.buffer);
    } else if (this.pos > 0) this.buf.copyWithin(0, this.pos, this.n);
    this.pos = 0;
    this.n = keep;
  }

  /** Field k of the current record as text (of a sparse scanner, only a field listed in `filled`). */
  field(k: number): string {
    if (k >= this.count) return '';
    const a = this.starts[k]!;
    return a < 0 ? this.quoted[k]! : textOf(this.buf, a, this.ends[k]!);
  }

  /** Every field of the current record. */
  fields(): string[] {
    const out: string[] = new Array(this.count);
    if (this.sparse) {
      // The fields `filled` leaves out are empty.
      out.fill('');
      for (let x = 0; x < this.filledCount; x++) out[this.filled[x]!] = this.field(this.filled[x]!);
      return out;
    }
    for (let k = 0; k < this.count; k++) out[k] = this.field(k);
    return out;
  }

  /**
   * Reads the next record. Returns false when the bytes hold no complete record (push more, or pass
   * `final` at the end of the input), or when reading stopped on an error.
   */
  next(final: boolean): boolean {
    if (this.error) return false;
    if (final && this.heldSurrogate) {
      // A text's last unit was half a pair and nothing followed: read as it is (U+FFFD).
      const held = this.heldSurrogate;
      this.heldSurrogate = '';
      this.room(3);
      this.n += this.encoder.encodeInto(held, this.buf.subarray(this.n)).written;
    }
    if (!this.bomChecked) {
      const b = this.buf;
      const left = this.n - this.pos;
      const bom = (left < 1 || b[this.pos] === 0xef) && (left < 2 || b[this.pos + 1] === 0xbb) && (left < 3 || b[this.pos + 2] === 0xbf);
      if (left < 3 && bom && !final) return false;
      this.bomChecked = true;
      if (bom && left >= 3) this.pos += 3;
    }
    for (;;) {
      const r = this.scan(final);
      if (r !== 2) return r === 1;
      // A blank line: skip it and read on.
    }
  }

  /** 1: a record was read; 0: more bytes are needed (or the input ended); 2: a blank line was skipped. */
  private scan(final: boolean): 0 | 1 | 2 {
    const b = this.buf;
    const view = this.view;
    const n = this.n;
    const sparse = this.sparse;
    let i = this.pos;
    if (i >= n) return 0;
    let line = this.line;
    let k = 0;
    let starts = this.starts;
    let ends = this.ends;
    let filled = this.filled;
    let m = 0;
    let high = 0;
    let quotedAny = false;
    let stray = 0;
    for (;;) {
      if (k === starts.length) {
        this.grow();
        starts = this.starts;
        ends = this.ends;
        filled = this.filled;
      }
      // The field's first four bytes at once where there are four: the first decides the field's
      // kind, and an unquoted field's end is looked for in them first.
      const four = i + 4 <= n;
      const x0 = four ? view.getInt32(i, true) : 0;
      const c0 = four ? x0 & 0xff : i < n ? b[i]! : -1;
      if (c0 === 44) {
        // An empty field followed by a comma: the commonest kind in wide files, where they come in
        // runs, taken four at a time for as long as the run lasts.
        if (x0 === 0x2c2c2c2c && k + 4 <= starts.length) {
          for (;;) {
            if (!sparse) {
              starts[k] = ends[k] = i;
              starts[k + 1] = ends[k + 1] = i + 1;
              starts[k + 2] = ends[k + 2] = i + 2;
              starts[k + 3] = ends[k + 3] = i + 3;
            }
            k += 4;
            i += 4;
            if (i + 4 > n || k + 4 > starts.length || view.getInt32(i, true) !== 0x2c2c2c2c) break;
          }
          continue;
        }
        if (!sparse) {
          starts[k] = i;
          ends[k] = i;
        }
        k++;
        i++;
        continue;
      }
      if (c0 === 34 /* " */) {
        quotedAny = true;
        filled[m++] = k;
        // Find the closing quote: a quote not followed by another (a doubled quote stays in the field).
        let q = i + 1;
        let doubled = false;
        for (;;) {
          // Four bytes at a time while none is a quote or a line feed (counted for the row numbers).
          while (q + 4 <= n) {
            const x = view.getUint32(q, true);
            const dq = x ^ 0x22222222;
            const lf = x ^ 0x0a0a0a0a;
            if ((((dq - 0x01010101) & ~dq) | ((lf - 0x01010101) & ~lf)) & 0x80808080) break;
            high |= x;
            q += 4;
          }
          while (q < n) {
            const c = b[q]!;
            if (c === 34) break;
            high |= c;
            if (c === 10) line++;
            q++;
          }
          if (q >= n || (q + 1 === n && !final)) return this.incomplete(final, 'a quoted field is not closed', k + 1);
          if (q + 1 < n && b[q + 1] === 34) {
            doubled = true;
            q += 2;
            continue;
          }
          break;
        }
        const open = i;
        i = q + 1;
        // Text between the closing quote and the next separator is malformed; keep it in the field
        // and flag the record, rather than starting a new record in the middle of a line.
        let j = i;
        while (j < n) {
          const c = b[j]!;
          if (c === 44 || c === 10 || c === 13) break;
          high |= c;
          j++;
        }
        if (!doubled && j === i) {
          starts[k] = open + 1;
          ends[k] = q;
        } else {
          let value = '';
          let segment = open + 1;
          for (;;) {
            const p = b.indexOf(34, segment);
            if (p === q) break;
            value += textOf(b, segment, p + 1);
            segment = p + 2;
          }
          value += textOf(b, segment, q);
          if (j > i) {
            if (!stray) stray = k + 1;
            value += textOf(b, i, j);
            i = j;
          }
          starts[k] = -1;
          ends[k] = -1;
          this.quoted[k] = value;
        }
        k++;
      } else {
        let j = i;
        // The byte that ends the field; -1 at the end of the bytes.
        let c: number;
        for (let first = true; ; first = false) {
          if (j + 4 <= n) {
            // Four bytes at once: with z = x ^ 0x2c2c2c2c, (z - 0x01010101) & ~z & 0x80808080 flags
            // commas and (x - 0x0e0e0e0e) & ~x & 0x80808080 bytes below 14 (line ends are); the lowest
            // flag is exact (a borrow only flags bytes above a true one), so the field runs to it.
            const x = first ? x0 : view.getInt32(j, true);
            const z = x ^ 0x2c2c2c2c;
            const hit = (((z - 0x01010101) & ~z) | ((x - 0x0e0e0e0e) & ~x)) & 0x80808080;
            if (hit === 0) {
              high |= x;
              j += 4;
              continue;
            }
            // The flagged byte's top bit; the bytes below it are the field's (their top bits go to `high`).
            const top = 31 - Math.clz32(hit & -hit);
            high |= x & ((1 << top) - 1);
            j += top >> 3;
            c = (x >>> (top - 7)) & 0xff;
          } else if (j < n) c = b[j]!;
          else {
            c = -1;
            break;
          }
          if (c === 44 || c === 10 || c === 13) break;
          high |= c;
          j++;
        }
        if (j > i) {
          starts[k] = i;
          ends[k] = j;
          filled[m++] = k;
        } else if (!sparse) {
          starts[k] = i;
          ends[k] = j;
        }
        k++;
        i = j;
        if (c === 44) {
          i++;
          continue;
        }
      }
      if (i >= n) {
        if (!final) return this.incomplete(final, '');
        break;
      }
      const c = b[i];
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) {
        if (i + 1 >= n && !final) return this.incomplete(final, '');
        i++;
        if (i < n && b[i] === 10) i++;
      } else i++;
      break;
    }
    this.count = k;
    this.filledCount = m;
    this.row = this.line;
    this.line = line + 1;
    this.recordStart = this.pos;
    this.recordEnd = i;
    this.pos = i;
    this.high = (high & 0x80808080) !== 0 ? 0x80 : 0;
    this.strayAfterQuote = stray;
    // A blank line: one field, not quoted, and empty (so not filled).
    return k === 1 && !quotedAny && m === 0 ? 2 : 1;
  }

  private incomplete(final: boolean, message: string, field?: number): 0 {
    if (final && message) this.error = { row: this.line, message, ...(field ? { field } : {}) };
    else if (this.n - this.pos > MAX_RECORD_CHARS) {
      // Counted in characters, as the limit is worded.
      const chars = new TextDecoder('utf-8', { ignoreBOM: true }).decode(this.buf.subarray(this.pos, this.n), { stream: true }).length;
      if (chars > MAX_RECORD_CHARS)
        this.error = {
          row: this.line,
          message: `the record starting here runs past ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters; a quoted field is probably not closed`,
        };
    }
    return 0;
  }

  private grow(): void {
    this.starts = this.starts.concat(zeros(this.starts.length));
    this.ends = this.ends.concat(zeros(this.ends.length));
    this.filled = this.filled.concat(zeros(this.filled.length));
  }
}

/**
 * Scans a few short records once, when this module loads, through the paths a file reaches only at the
 * end of its bytes (a field starting in the last three, the last field read byte by byte, a closing
 * CR at the very end). A path the optimizing compiler has never seen run is compiled to bail out, so
 * before this a million-row file's first import threw away scan's optimized code up to three times in
 * its first megabytes (node --trace-deopt: "Insufficient type feedback" at those reads) and ran them
 * unoptimized while it was compiled again. It leaves nothing behind: the scanners are dropped.
 */
function warmTailPaths(): void {
  // Several rounds: V8 keeps no type feedback for a function until it has been called a few times (scan
  // is called once a record).
  for (let round = 0; round < 8; round++) {
    const scanner = new CsvByteScanner(round % 2 === 1);
    scanner.push(new TextEncoder().encode('id,a,,b\r\n"q""x",1,y\nab,c\r\nz'));
    while (scanner.next(false));
    scanner.push(new TextEncoder().encode(',\r'));
    while (scanner.next(true));
  }
}
warmTailPaths();
