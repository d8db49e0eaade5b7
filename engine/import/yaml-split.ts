// Splitting a YAML case set into its cases as text arrives. A file up to MAX_DOCUMENT_BYTES is read
// whole (anchors may then be shared between cases); a larger one is read case by case, which needs
// the common block layout: a list of cases (`- id: ...`), or a `cases:` key holding one.

import { MAX_DOCUMENT_BYTES } from '../source';
import type { LocatedMessage } from './json-split';

export interface YamlItem {
  /** The item's lines, indentation kept, so columns stay right. */
  text: string;
  /** File line of the item's first line. */
  line: number;
}

const enum Mode {
  Seek,
  SeekList,
  Items,
  SkipKey,
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

function isItemStart(line: string, indent: number): boolean {
  if (line.charCodeAt(indent) !== 45 /* - */) return false;
  const next = line.charCodeAt(indent + 1);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 13;
}

export class YamlCaseSplitter {
  stopped = false;
  private whole: string[] | undefined = [];
  private wholeChars = 0;
  private rest = '';
  private line = 0;
  private mode = Mode.Seek;
  private form: 'list' | 'object' | undefined;
  private listIndent = 0;
  private sawCases = false;
  private item: string[] = [];
  private itemLine = 0;
  private started = false;

  constructor(
    private readonly onItem: (item: YamlItem) => void,
    private readonly onWhole: (text: string) => void,
    private readonly onError: (e: LocatedMessage) => void,
    /** Largest file read whole. */
    private readonly wholeLimit = MAX_DOCUMENT_BYTES,
  ) {}

  push(chunk: string): void {
    if (this.stopped) return;
    if (this.whole) {
      this.whole.push(chunk);
      this.wholeChars += chunk.length;
      if (this.wholeChars <= this.wholeLimit) return;
      chunk = this.whole.join('');
      this.whole = undefined;
    }
    this.lines(chunk, false);
  }

  finish(): void {
    if (this.stopped) return;
    if (this.whole) {
      this.onWhole(this.whole.join(''));
      this.whole = undefined;
      return;
    }
    this.lines('', true);
    if (this.stopped) return;
    this.flush();
    if (this.form === 'object' && !this.sawCases) this.fail('the file has no "cases:" list', { line: 1, column: 1 });
  }

  private fail(message: string, at: { line: number; column: number }): void {
    this.stopped = true;
    this.onError({ message, ...at });
  }

  private lines(chunk: string, final: boolean): void {
    let text = this.rest + chunk;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.line++;
      this.onLine(text.slice(start, nl), this.line);
      start = nl + 1;
      if (this.stopped) return;
    }
    this.rest = text.slice(start);
    if (final && this.rest.length) {
      this.line++;
      this.onLine(this.rest, this.line);
      this.rest = '';
    }
  }

  private flush(): void {
    if (this.item.length) {
      this.onItem({ text: this.item.join('\n'), line: this.itemLine });
      this.item = [];
    }
  }

  private onLine(line: string, n: number): void {
    const indent = indentOf(line);
    const first = line.charCodeAt(indent);
    const blank = indent === line.length || first === 35 /* # */ || (first === 13 && indent === line.length - 1);
    if (blank) {
      if (this.mode === Mode.Items) this.item.push(line);
      return;
    }
    if (this.mode === Mode.Seek && indent === 0 && (line.startsWith('---') || line.startsWith('%'))) return;
    if (indent === 0 && (line.startsWith('---') || line.startsWith('...')))
      return this.fail('a case file holds one YAML document; this starts another', { line: n, column: 1 });
    switch (this.mode) {
      case Mode.Seek:
      case Mode.SkipKey:
        if (indent > 0) {
          if (this.mode === Mode.SkipKey) return;
          return this.fail('a large YAML case file is a list of cases (- id: ...) or a "cases:" list', { line: n, column: indent + 1 });
        }
        if (this.mode === Mode.Seek && this.form === undefined && isItemStart(line, 0)) {
          this.form = 'list';
          this.listIndent = 0;
          return this.startItem(line, n);
        }
        return this.topKey(line, n);
      case Mode.SeekList:
        if (!isItemStart(line, indent))
          return this.fail('"cases:" must be followed by a list of cases, each starting with "- "', { line: n, column: indent + 1 });
        this.listIndent = indent;
        return this.startItem(line, n);
      case Mode.Items:
        if (
          indent > this.listIndent ||
          (indent === this.listIndent && !isItemStart(line, indent) && this.form === 'object' && indent > 0)
        ) {
          this.item.push(line);
          return;
        }
        if (indent === this.listIndent && isItemStart(line, indent)) {
          this.flush();
          return this.startItem(line, n);
        }
        if (this.form === 'list') return this.fail('expected "- " at the start of the next case', { line: n, column: indent + 1 });
        this.flush();
        return this.topKey(line, n);
    }
  }

  private topKey(line: string, n: number): void {
    if (line.startsWith('[') || line.startsWith('{'))
      return this.fail('a YAML case file larger than 5 MB must use block style (- id: ...), not [ ] or { }', { line: n, column: 1 });
    const m = /^("cases"|'cases'|cases)\s*:(.*)$/.exec(line);
    this.form = 'object';
    if (!m) {
      if (!/^[^\s#][^#]*:(\s|$)/.test(line)) return this.fail('expected a key such as "cases:"', { line: n, column: 1 });
      this.mode = Mode.SkipKey;
      return;
    }
    if (this.sawCases) return this.fail('"cases" is given twice', { line: n, column: 1 });
    this.sawCases = true;
    const after = m[2]!.trim();
    if (after !== '' && !after.startsWith('#'))
      return this.fail('in a YAML case file larger than 5 MB, "cases:" is followed by a block list (- id: ...) on the next lines', {
        line: n,
        column: line.indexOf(':') + 2,
      });
    this.mode = Mode.SeekList;
  }

  private startItem(line: string, n: number): void {
    this.mode = Mode.Items;
    this.item = [line];
    this.itemLine = n;
  }
}
