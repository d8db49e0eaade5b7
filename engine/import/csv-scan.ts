// An incremental RFC 4180 reader: fed text in chunks of any size, it yields one record at a time as
// field bounds into its buffer (no string per field), with the file row where the record starts.

/** Longest record accepted: past this, a quote was almost certainly left open. */
export const MAX_RECORD_CHARS = 1 << 20;

export interface CsvScanError {
  row: number;
  message: string;
}

export class CsvScanner {
  /** The text the current record's bounds refer to. */
  text = '';
  /** Field k spans text[starts[k], ends[k]); a quoted field has start -1 and its value in `quoted[k]`. */
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  quoted: Array<string | undefined> = [];
  /** Fields in the current record. */
  count = 0;
  /** File row (line) where the current record starts; the header is row 1. */
  row = 1;
  /** Set when the current record has text after a closing quote: the field's 1-based number. */
  strayAfterQuote = 0;
  /** A problem that stops reading: an unclosed quote or an endless record. */
  error: CsvScanError | undefined;

  /** Where the next record starts in `text` (for readers that take plain lines themselves). */
  pos = 0;
  /** File line of the next record. */
  line = 1;
  private started = false;

  /** Adds text; records are then read with `next`. */
  push(chunk: string): void {
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + chunk : chunk;
    this.pos = 0;
  }

  /** Characters buffered but not yet read as records. */
  get pending(): number {
    return this.text.length - this.pos;
  }

  /**
   * Reads the next record. Returns false when the buffered text holds no complete record (push more,
   * or pass `final` at the end of the input), or when reading stopped on an error.
   */
  next(final: boolean): boolean {
    if (this.error) return false;
    for (;;) {
      const r = this.scan(final);
      if (r !== 2) return r === 1;
      // A blank line: skip it and read on.
    }
  }

  /** 1: a record was read; 0: more text is needed (or the input ended); 2: a blank line was skipped. */
  private scan(final: boolean): 0 | 1 | 2 {
    const s = this.text;
    const n = s.length;
    let i = this.pos;
    if (i >= n) return 0;
    let line = this.line;
    let k = 0;
    let starts = this.starts;
    let ends = this.ends;
    this.strayAfterQuote = 0;
    for (;;) {
      if (k === starts.length) {
        this.grow();
        starts = this.starts;
        ends = this.ends;
      }
      if (i < n && s.charCodeAt(i) === 34 /* " */) {
        let value = '';
        let segment = i + 1;
        let j = segment;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0 || (q + 1 === n && !final)) return this.incomplete(final, n, 'a quoted field is not closed');
          if (s.charCodeAt(q + 1) === 34) {
            value += s.slice(segment, q + 1);
            j = segment = q + 2;
            continue;
          }
          value += s.slice(segment, q);
          for (let x = i; x < q; x++) if (s.charCodeAt(x) === 10) line++;
          i = q + 1;
          break;
        }
        // Text between the closing quote and the next separator is malformed; keep it in the field
        // and flag the record, rather than starting a new record in the middle of a line.
        let j2 = i;
        while (j2 < n) {
          const c = s.charCodeAt(j2);
          if (c === 44 || c === 10 || c === 13) break;
          j2++;
        }
        if (j2 > i) {
          if (!this.strayAfterQuote) this.strayAfterQuote = k + 1;
          value += s.slice(i, j2);
          i = j2;
        }
        starts[k] = -1;
        ends[k] = -1;
        this.quoted[k] = value;
      } else {
        let j = i;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        starts[k] = i;
        ends[k] = j;
        i = j;
      }
      k++;
      if (i >= n) {
        if (!final) return this.incomplete(final, n, '');
        break;
      }
      const c = s.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) {
        if (i + 1 >= n && !final) return this.incomplete(final, n, '');
        i++;
        if (i < n && s.charCodeAt(i) === 10) i++;
      } else i++;
      break;
    }
    this.count = k;
    this.row = this.line;
    this.line = line + 1;
    this.pos = i;
    return k === 1 && starts[0] === ends[0] ? 2 : 1;
  }

  private incomplete(final: boolean, n: number, message: string): 0 {
    if (final && message) this.error = { row: this.line, message };
    else if (n - this.pos > MAX_RECORD_CHARS)
      this.error = {
        row: this.line,
        message: `the record starting here runs past ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters; a quoted field is probably not closed`,
      };
    return 0;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** Field k of the current record as a string. */
  field(k: number): string {
    if (k >= this.count) return '';
    const a = this.starts[k]!;
    return a < 0 ? this.quoted[k]! : this.text.slice(a, this.ends[k]);
  }

  /** Every field of the current record. */
  fields(): string[] {
    const out: string[] = new Array(this.count);
    for (let k = 0; k < this.count; k++) out[k] = this.field(k);
    return out;
  }
}
