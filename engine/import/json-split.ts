// Splitting a JSON case set into its cases as text arrives, without parsing the whole file: a
// structural scan finds each element of the case list (a top-level array, or the "cases" array of a
// top-level object) and hands its text, with the line and column where it starts, to the caller,
// which parses cases one at a time. Structural mistakes stop reading with a located message.

export interface JsonElement {
  text: string;
  line: number;
  column: number;
}

export interface LocatedMessage {
  message: string;
  line: number;
  column: number;
}

/** Largest single case accepted (a case is a few hundred characters). */
export const MAX_CASE_CHARS = 16 << 20;

const enum Phase {
  Start,
  List,
  ObjectKey,
  ObjectColon,
  ObjectValue,
  ObjectComma,
  After,
}

const UNKNOWN = -2;
const NONE = -1;

function isWhite(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export class JsonCaseSplitter {
  stopped = false;
  private buf = '';
  private pos = 0;
  /** Absolute offset of buf[0] in the input. */
  private base = 0;
  private phase = Phase.Start;
  /** 0: just after "[" (a case or "]"); 1: after a case ("," or "]"); 2: after "," (a case). */
  private listState = 0;
  private listDepth = 0;
  private elements = 0;
  private sawCases = false;
  /** Set when the scan goes on from where another reader stopped (resume): no byte order mark to drop. */
  private resumed = false;
  private pendingKey: string | undefined;
  // The value being scanned (a case, a key, or a value skipped in the top-level object).
  private valStart = -1;
  private valLine = 0;
  private valColumn = 0;
  private valDepth = 0;
  private valInString = false;
  private valScalar = false;
  private valRole: 'case' | 'key' | 'skip' = 'case';
  // Line counting: newlines are counted up to `counted` (absolute); `lineStart` is where the line begins.
  private line = 1;
  private lineStart = 0;
  private counted = 0;
  /** Absolute position of the next line end at or after `counted`; NONE: none in the buffer. */
  private nextLineEnd = UNKNOWN;

  constructor(
    private readonly onElement: (e: JsonElement) => void,
    private readonly onError: (e: LocatedMessage) => void,
  ) {}

  push(chunk: string): void {
    if (this.stopped) return;
    if (!this.resumed && this.base === 0 && this.buf.length === 0 && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    const keep = this.valStart >= 0 ? this.valStart : this.pos;
    // Count the lines in the text about to be dropped, so later positions stay right.
    if (this.base + keep > this.counted) this.where(keep);
    this.base += keep;
    this.buf = this.buf.slice(keep) + chunk;
    if (this.nextLineEnd === NONE) this.nextLineEnd = UNKNOWN;
    this.pos -= keep;
    if (this.valStart >= 0) this.valStart = 0;
    this.run(false);
  }

  /**
   * Goes on from a point between values that another reader of the same file reached (JsonCaseReader,
   * which reads the bytes of the usual layout itself): the state of the case list there, and the
   * line and column of that point. Text pushed next starts at that point.
   */
  resume(at: {
    phase: 'list' | 'object' | 'after';
    listDepth: number;
    listState: number;
    elements: number;
    line: number;
    column: number;
  }): void {
    this.phase = at.phase === 'list' ? Phase.List : at.phase === 'object' ? Phase.ObjectComma : Phase.After;
    this.listDepth = at.listDepth;
    this.listState = at.listState;
    this.elements = at.elements;
    this.sawCases = at.listDepth === 2;
    this.line = at.line;
    // Positions count from the start of that line; nothing before the point is read again.
    this.base = at.column - 1;
    this.lineStart = 0;
    this.counted = this.base;
    this.resumed = true;
  }

  finish(): void {
    if (this.stopped) return;
    this.run(true);
    if (this.stopped) return;
    const end = this.where(this.buf.length);
    if (this.phase === Phase.Start) this.fail('the file is empty; a JSON case set is a list of cases: [ { "id": ... }, ... ]', end);
    else if (this.valStart >= 0 && this.valRole === 'case')
      this.fail(`the file ends inside case ${this.elements + 1}, which starts at line ${this.valLine}`, end);
    else if (this.phase === Phase.List || this.valStart >= 0) this.fail('the file ends before the case list is closed with "]"', end);
    else if (this.phase !== Phase.After) this.fail('the file ends before the case set is closed with "}"', end);
    else if (!this.sawCases && this.listDepth === 2) this.fail('the object has no "cases" list', end);
  }

  /** Line and column of a buffer position; positions are asked for in increasing order. */
  private where(rel: number): { line: number; column: number } {
    const abs = this.base + rel;
    while (this.counted < abs) {
      // The next line end is looked up once and remembered: a file on one line has none, and
      // searching again for every case would read the rest of the buffer each time.
      if (this.nextLineEnd === UNKNOWN || (this.nextLineEnd >= 0 && this.nextLineEnd < this.counted)) {
        const nl = this.buf.indexOf('\n', Math.max(0, this.counted - this.base));
        this.nextLineEnd = nl < 0 ? NONE : this.base + nl;
      }
      if (this.nextLineEnd === NONE || this.nextLineEnd >= abs) {
        this.counted = abs;
        break;
      }
      this.line++;
      this.lineStart = this.nextLineEnd + 1;
      this.counted = this.nextLineEnd + 1;
      this.nextLineEnd = UNKNOWN;
    }
    return { line: this.line, column: abs - this.lineStart + 1 };
  }

  private fail(message: string, at: { line: number; column: number }): void {
    this.stopped = true;
    this.onError({ message, ...at });
  }

  private startValue(i: number, role: 'case' | 'key' | 'skip', c: number): void {
    const at = this.where(i);
    this.valStart = i;
    this.valLine = at.line;
    this.valColumn = at.column;
    this.valDepth = 0;
    this.valInString = false;
    this.valScalar = c !== 123 && c !== 91 && c !== 34;
    this.valRole = role;
  }

  private endValue(end: number): void {
    if (end - this.valStart > MAX_CASE_CHARS) return this.tooLong();
    const text = this.buf.slice(this.valStart, end);
    const role = this.valRole;
    this.valStart = -1;
    if (role === 'case') {
      this.elements++;
      this.listState = 1;
      this.onElement({ text, line: this.valLine, column: this.valColumn });
    } else if (role === 'key') {
      try {
        this.pendingKey = String(JSON.parse(text));
      } catch {
        this.pendingKey = text;
      }
      this.phase = Phase.ObjectColon;
    } else this.phase = Phase.ObjectComma;
  }

  private run(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let i = this.pos;
    while (i < n && !this.stopped) {
      if (this.valStart >= 0) {
        i = this.scanValue(i);
        if (i < 0) {
          i = n;
          break;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (isWhite(c)) {
        i++;
        continue;
      }
      switch (this.phase) {
        case Phase.Start:
          if (c === 91) {
            this.phase = Phase.List;
            this.listDepth = 1;
            this.listState = 0;
          } else if (c === 123) {
            this.phase = Phase.ObjectKey;
            this.listDepth = 2;
          } else this.fail('a JSON case set is a list of cases ([ ... ]) or an object with a "cases" list', this.where(i));
          i++;
          break;
        case Phase.List:
          if (c === 93) {
            if (this.listState === 2) return this.fail('a comma before "]" is not allowed in JSON', this.where(i));
            this.phase = this.listDepth === 1 ? Phase.After : Phase.ObjectComma;
            i++;
          } else if (c === 44) {
            if (this.listState !== 1)
              return this.fail(this.listState === 0 ? 'a case is missing before this comma' : 'two commas in a row', this.where(i));
            this.listState = 2;
            i++;
          } else {
            if (this.listState === 1) return this.fail(`expected a comma or "]" after case ${this.elements}`, this.where(i));
            this.startValue(i, 'case', c);
          }
          break;
        case Phase.ObjectKey:
          if (c === 34) this.startValue(i, 'key', c);
          else if (c === 125 && !this.pendingKey) {
            this.phase = Phase.After;
            i++;
          } else return this.fail('expected a key in double quotes', this.where(i));
          break;
        case Phase.ObjectColon:
          if (c !== 58) return this.fail(`expected ":" after the key "${this.pendingKey}"`, this.where(i));
          this.phase = Phase.ObjectValue;
          i++;
          break;
        case Phase.ObjectValue:
          if (this.pendingKey === 'cases') {
            if (this.sawCases) return this.fail('"cases" is given twice', this.where(i));
            this.sawCases = true;
            if (c !== 91) return this.fail('"cases" must be a list: "cases": [ ... ]', this.where(i));
            this.phase = Phase.List;
            this.listState = 0;
            i++;
          } else this.startValue(i, 'skip', c);
          this.pendingKey = undefined;
          break;
        case Phase.ObjectComma:
          if (c === 44) this.phase = Phase.ObjectKey;
          else if (c === 125) this.phase = Phase.After;
          else return this.fail('expected a comma or "}"', this.where(i));
          i++;
          break;
        case Phase.After:
          return this.fail('text after the end of the case set', this.where(i));
      }
    }
    this.pos = i;
    if (final && this.valStart >= 0 && this.valScalar && !this.valInString) this.endValue(n);
    if (!this.stopped && this.valStart >= 0 && n - this.valStart > MAX_CASE_CHARS) this.tooLong();
  }

  /** A case (or value) too long to hold: reading stops, as it would if it never ended. */
  private tooLong(): void {
    this.fail(
      `${this.valRole === 'case' ? `case ${this.elements + 1}` : 'this value'} is longer than ${MAX_CASE_CHARS.toLocaleString('en-US')} characters`,
      { line: this.valLine, column: this.valColumn },
    );
    this.valStart = -1;
  }

  /** Scans the current value from i; returns where to go on, or -1 when the buffer ran out. */
  private scanValue(i: number): number {
    const s = this.buf;
    const n = s.length;
    if (this.valScalar) {
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === 44 || c === 93 || c === 125 || isWhite(c)) {
          this.endValue(i);
          return i;
        }
        i++;
      }
      return -1;
    }
    while (i < n) {
      if (this.valInString) {
        let q = s.indexOf('"', i);
        for (;;) {
          if (q < 0) return -1;
          let backslashes = 0;
          while (q - 1 - backslashes >= this.valStart && s.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
          if (backslashes % 2 === 0) break;
          q = s.indexOf('"', q + 1);
        }
        this.valInString = false;
        i = q + 1;
        if (this.valDepth === 0) {
          this.endValue(i);
          return i;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 34) this.valInString = true;
      else if (c === 123 || c === 91) this.valDepth++;
      else if (c === 125 || c === 93) {
        if (--this.valDepth === 0) {
          this.endValue(i + 1);
          return i + 1;
        }
        if (this.valDepth < 0) {
          this.fail('a closing bracket without its opening one', this.where(i));
          return n;
        }
      }
      i++;
    }
    return -1;
  }
}
