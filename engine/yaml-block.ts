// A fast reader for the YAML that policy documents are written in (block mappings and lists, plain,
// quoted and block scalars, flow lists and mappings, comments; JSON too), keeping the position of
// every node. It gives exactly what the `yaml` library gives for those documents (values, ranges,
// duplicate keys); anything else (anchors, tags, tabs, directives, several documents, syntax errors)
// it leaves to the library by answering `undefined`.

/** A node of the document with its source range, as the `yaml` library ranges it. */
export interface BlockNode {
  kind: NodeKind;
  /** Offset of the node's first character. */
  start: number;
  /** Offset just after its value. */
  end: number;
  /** Offset after its trailing comment and line break (where the next node may start). */
  next: number;
  /** A scalar's value (what the core schema resolves it to). */
  value: unknown;
  /** A mapping's keys (scalars), in order. */
  keys?: BlockNode[];
  /** A mapping's values (in key order) or a list's items. */
  items?: BlockNode[];
}

export const enum NodeKind {
  Map,
  Seq,
  Scalar,
  /** `*name`: its value is the anchored node's (the same object). */
  Alias,
}

/** A problem found while reading: the document is well-formed YAML that breaks a rule or a limit. */
export interface BlockProblem {
  code: 'duplicate-key' | 'too-deep' | 'too-many-keys' | 'too-large-expanded';
  at: number;
  end: number;
  /** For a duplicate key: where the first one is. */
  first?: number;
}

export interface BlockLimits {
  /** Deepest nesting of lists and mappings. */
  maxNesting: number;
  /** Largest size of the document with every alias written out as what it stands for. */
  maxExpandedChars: number;
  /** Most keys in one mapping. */
  maxKeysPerMap: number;
  /** Most keys in the whole document. */
  maxKeys: number;
}

/** The text needs the full YAML language (or has a syntax error); reading stopped about here. */
export interface Declined {
  declined: true;
  at: number;
}

export interface BlockDocument {
  declined?: undefined;
  root: BlockNode;
  /** The document as plain data (undefined when there are problems). */
  value: unknown;
  problems: BlockProblem[];
}

/** A blank or comment line between nodes. */
interface TriviaLine {
  start: number;
  /** After its line break (or the end of the text). */
  end: number;
  /** Spaces before its comment (or all its spaces when blank). */
  indent: number;
  comment: boolean;
}

const NO_LINES: TriviaLine[] = [];

/** How the lines after a value attach to it. */
const enum Tail {
  /** Nothing attaches (block scalars). */
  Fixed,
  /** A scalar or flow collection on its line: comment lines indented past its collection attach. */
  Inline,
  /** An empty value of a key. */
  NullInMap,
  /** An empty list item. */
  NullInSeq,
  /** A block collection: it has settled its own trailing lines. */
  Collection,
}

/** Thrown inside the reader when the text leaves the subset it reads. */
const UNSUPPORTED = { unsupported: true };
/** Thrown when a limit is passed: reading stops there. */
class LimitPassed {
  constructor(readonly problem: BlockProblem) {}
}

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQUOTE = 34;
const SQUOTE = 39;
const AMP = 38;
const STAR = 42;

/** Characters that may not start a plain scalar (or that this reader leaves to the library there). */
export const NOT_PLAIN_START: ReadonlySet<number> = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));

/**
 * Reads a document in the block subset, or declines (saying about where) when the text needs the
 * full YAML language or has a syntax error: the caller then reads it with the `yaml` library.
 */
export function readBlockYaml(text: string, limits: BlockLimits): BlockDocument | Declined {
  // Tabs, a byte-order mark, directives and characters YAML forbids are left to the library.
  if (text.charCodeAt(0) === 0xfeff || text.charCodeAt(0) === 37 /* % */) return { declined: true, at: 0 };
  const odd = /[\t\x7f-\x9f\ufffe\uffff]/.exec(text);
  if (odd) return { declined: true, at: odd.index };
  const cr = text.indexOf('\r');
  if (cr >= 0) {
    const lone = /\r(?!\n)/.exec(text.slice(cr));
    if (lone) return { declined: true, at: cr + lone.index };
  }
  const reader = new Reader(text, limits);
  try {
    const root = reader.document();
    if (!root) return { declined: true, at: 0 };
    const problems = reader.problems;
    return { root, value: problems.length ? undefined : root.value, problems };
  } catch (e) {
    if (e === UNSUPPORTED) return { declined: true, at: reader.mark };
    if (e instanceof LimitPassed) {
      const root: BlockNode = { kind: NodeKind.Scalar, start: 0, end: 0, next: 0, value: null };
      return { root, value: undefined, problems: [...reader.problems, e.problem] };
    }
    throw e;
  }
}

/** The value of a plain scalar under YAML 1.2's core schema. */
export function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most scalars are words: only these first characters can make anything but a string.
  if (
    !(
      c === 126 ||
      c === 110 ||
      c === 78 ||
      c === 116 ||
      c === 84 ||
      c === 102 ||
      c === 70 ||
      c === 46 ||
      c === 43 ||
      c === DASH ||
      (c >= 48 && c <= 57)
    ) &&
    s !== ''
  )
    return s;
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s.charCodeAt(0) === DASH ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
    return parseFloat(s);
  return s;
}

/** The property name a key's value gets in plain data. */
export function propertyName(key: unknown): string {
  return key === null ? '' : String(key);
}

/** Sets a property the way YAML's plain-data conversion does: inherited names become own properties. */
/** Names an object has from its prototype (`__proto__`, `constructor`, `toString`, ...). */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

export function setProperty(obj: Record<string, unknown>, name: string, value: unknown): void {
  if (INHERITED.has(name)) Object.defineProperty(obj, name, { value, writable: true, enumerable: true, configurable: true });
  else obj[name] = value;
}

/** Keys are the same when their scalar values are (a number is not the string of its digits; NaN is never the same). */
function keyIdentity(value: unknown): unknown {
  return typeof value === 'number' && Number.isNaN(value) ? {} : value;
}

class Reader {
  readonly problems: BlockProblem[] = [];
  private readonly n: number;
  /** Where the line after the last node read starts. */
  private pos = 0;
  /** Indentation of the content line found by nextContent. */
  private indent = 0;
  private depth = 0;
  private keys = 0;
  /** How the lines after the value just read attach to it. */
  private tail = Tail.Fixed;
  /** Where the lines after the value just read start. */
  private lineEnd = 0;
  /** For an empty value: whether a comment follows its colon or dash on the same line. */
  private commentOnLine = false;
  /** For a list item: whether comment lines come between it and the item before. */
  private commentBefore = false;
  /** The colon of the key line `keyEnd` last found. */
  private colon = -1;
  /** Where the next content is (-1: the end of the text), after a collection or `trivia`. */
  private q = -1;
  /** Blank and comment lines a collection that just ended leaves to its parent. */
  private carry: TriviaLine[] = NO_LINES;
  /** Where reading is (the start of the last line or node begun), for a reader that stops. */
  mark = 0;
  /** Anchored nodes by name, with their size written out; `open` while the node is being read. */
  private readonly anchors = new Map<string, { node: BlockNode | undefined; size: number; open: boolean }>();
  /** What the aliases read so far add to the document's size when written out. */
  private extra = 0;

  constructor(
    private readonly s: string,
    private readonly limits: BlockLimits,
  ) {
    this.n = s.length;
  }

  document(): BlockNode | undefined {
    const p = this.nextContent(0);
    if (p < 0) return undefined;
    const root = this.blockNode(p, this.indent, -1);
    if (this.tail !== Tail.Collection) this.trivia(this.lineEnd);
    if (this.q >= 0) throw UNSUPPORTED;
    return root;
  }

  // ---- lines ----

  private isBreak(i: number): boolean {
    const c = this.s.charCodeAt(i);
    return c === LF || c === CR || i >= this.n;
  }

  /** Space, a line break or the end: what must follow a `-` or `:` indicator. */
  private isBlank(i: number): boolean {
    return i >= this.n || this.s.charCodeAt(i) === SPACE || this.isBreak(i);
  }

  /** Offset of the line break ending the line that holds i (or the end of the text). */
  private breakAt(i: number): number {
    const nl = this.s.indexOf('\n', i);
    if (nl < 0) return this.n;
    return this.s.charCodeAt(nl - 1) === CR && nl - 1 >= i ? nl - 1 : nl;
  }

  /** Offset of the next line's start after the line that holds i. */
  private lineAfter(i: number): number {
    const nl = this.s.indexOf('\n', i);
    return nl < 0 ? this.n : nl + 1;
  }

  /**
   * The first content of the next line that has some (not blank, not only a comment), from a line
   * start; sets `indent`. Returns -1 at the end of the text.
   */
  private nextContent(i: number): number {
    const s = this.s;
    while (i < this.n) {
      let j = i;
      while (s.charCodeAt(j) === SPACE) j++;
      if (j >= this.n) return -1;
      const c = s.charCodeAt(j);
      if (c === LF || c === CR || c === HASH) {
        i = this.lineAfter(j);
        continue;
      }
      this.mark = j;
      if (j === i && (c === DASH || c === 46) && this.isDocumentMarker(i)) throw UNSUPPORTED;
      this.indent = j - i;
      return j;
    }
    return -1;
  }

  /**
   * The blank and comment lines from the line start i up to the next content, which it leaves in
   * `q` (-1 at the end of the text) and `indent`.
   */
  private trivia(i: number): TriviaLine[] {
    const s = this.s;
    let lines: TriviaLine[] | undefined;
    while (i < this.n) {
      let j = i;
      while (s.charCodeAt(j) === SPACE) j++;
      const c = s.charCodeAt(j);
      if (j >= this.n || c === LF || c === CR || c === HASH) {
        const end = this.lineAfter(j);
        (lines ??= []).push({ start: i, end, indent: j - i, comment: c === HASH });
        i = end;
        continue;
      }
      this.mark = j;
      if (j === i && (c === DASH || c === 46) && this.isDocumentMarker(i)) throw UNSUPPORTED;
      this.indent = j - i;
      this.q = j;
      return lines ?? NO_LINES;
    }
    this.q = -1;
    return lines ?? NO_LINES;
  }

  private isDocumentMarker(i: number): boolean {
    const m = this.s.slice(i, i + 3);
    return (m === '---' || m === '...') && this.isBlank(i + 3);
  }

  /** After a value on a line: only spaces and a comment (preceded by a space) may follow. */
  private endOfLine(i: number): number {
    const s = this.s;
    let j = i;
    while (s.charCodeAt(j) === SPACE) j++;
    if (this.isBreak(j)) return this.lineAfter(j);
    if (s.charCodeAt(j) === HASH && j > i) return this.lineAfter(j);
    throw UNSUPPORTED;
  }

  /** Reports a key its mapping already has (the same scalar value). */
  /**
   * Reports a key its mapping already has. Small mappings are searched, large ones indexed in `seen`
   * (made when they pass 16 keys), so the check stays linear.
   */
  private checkUnique(keys: BlockNode[], seen: Map<unknown, BlockNode> | undefined, key: BlockNode): Map<unknown, BlockNode> | undefined {
    const id = keyIdentity(key.value);
    let first: BlockNode | undefined;
    if (seen) first = seen.get(id);
    else {
      for (const k of keys)
        if (k.value === id) {
          first = k;
          break;
        }
      if (keys.length >= 16) {
        seen = new Map();
        for (const k of keys) if (!seen.has(keyIdentity(k.value))) seen.set(keyIdentity(k.value), k);
      }
    }
    if (first) this.problems.push({ code: 'duplicate-key', at: key.start, end: key.end, first: first.start });
    else seen?.set(id, key);
    return seen;
  }

  private enter(at: number): void {
    if (++this.depth > this.limits.maxNesting) throw new LimitPassed({ code: 'too-deep', at, end: at + 1 });
  }

  // ---- block nodes ----

  /** A node whose first content is at p (column `col`), inside a block collection indented `parent`. */
  private blockNode(p: number, col: number, parent: number): BlockNode {
    const c = this.s.charCodeAt(p);
    if (c === DASH && this.isBlank(p + 1)) return this.blockSeq(p, col);
    if (c !== 91 && c !== 123) {
      this.colon = this.keyEnd(p);
      if (this.colon >= 0) return this.blockMap(p, col);
    }
    return this.inlineValue(p, parent);
  }

  /**
   * When the line from p starts with an implicit key ("key:" followed by a space or the line's end),
   * the offset of its colon; otherwise -1.
   */
  private keyEnd(p: number): number {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quoteEndOnLine(p);
      if (close < 0) return -1;
      let j = close;
      while (s.charCodeAt(j) === SPACE) j++;
      return s.charCodeAt(j) === COLON && this.isBlank(j + 1) ? j : -1;
    }
    for (let i = p; i < this.n; i++) {
      const x = s.charCodeAt(i);
      if (x === LF || x === CR) return -1;
      if (x === COLON && this.isBlank(i + 1)) return i;
      if (x === HASH && s.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** The offset after the closing quote of a quoted scalar that ends on its line, or -1. */
  private quoteEndOnLine(p: number): number {
    const s = this.s;
    const q = s.charCodeAt(p);
    for (let i = p + 1; i < this.n; i++) {
      const x = s.charCodeAt(i);
      if (x === LF || x === CR) return -1;
      if (q === DQUOTE && x === 92 /* \\ */) {
        const e = s.charCodeAt(i + 1);
        if (e === LF || e === CR) return -1;
        i++;
      } else if (x === q) {
        if (q === SQUOTE && s.charCodeAt(i + 1) === SQUOTE) i++;
        else return i + 1;
      }
    }
    return -1;
  }

  /**
   * Attaches the blank and comment lines after an item's value the way the `yaml` library does, and
   * returns those left to the collection. Sets `q` and `indent` to the next content.
   */
  private afterItem(item: BlockNode, col: number): TriviaLine[] {
    if (this.tail === Tail.Collection) return this.carry;
    const tail = this.tail;
    const lines = this.trivia(this.lineEnd);
    switch (tail) {
      case Tail.Inline: {
        // Comment lines indented past the collection (with blank lines between) belong to the value.
        let k = 0;
        for (let i = 0; i < lines.length; i++) {
          const l = lines[i]!;
          if (!l.comment) continue;
          if (l.indent <= col) break;
          k = i + 1;
        }
        if (k === 0) return lines;
        item.next = lines[k - 1]!.end;
        return lines.slice(k);
      }
      case Tail.NullInSeq:
        // Comment lines before the dash, after it on its line or below it all make the item reach the next content.
        if (this.commentBefore || this.commentOnLine || lines.some((l) => l.comment)) item.next = this.q >= 0 ? this.q : this.n;
        return NO_LINES;
      case Tail.NullInMap: {
        if (lines.some((l) => l.comment)) throw UNSUPPORTED;
        const sibling = this.q >= 0 && this.indent === col && !(this.s.charCodeAt(this.q) === DASH && this.isBlank(this.q + 1));
        // Before a sibling key, blank lines after the colon's line go with that key.
        if (this.commentOnLine)
          item.next = sibling && lines.length > 0 ? lines[0]!.start + lines[0]!.indent : this.q >= 0 ? this.q : this.n;
        return NO_LINES;
      }
      default:
        return lines;
    }
  }

  /** Ends a collection: its trailing comment lines stay in it when one is indented as far as it is. */
  private closeCollection(node: BlockNode, col: number, pending: TriviaLine[]): BlockNode {
    this.depth--;
    this.tail = Tail.Collection;
    if (col !== 0 && pending.some((l) => l.comment && l.indent >= col)) {
      node.next = this.q >= 0 ? this.q : this.n;
      this.carry = NO_LINES;
    } else this.carry = pending;
    return node;
  }

  private blockMap(p: number, col: number): BlockNode {
    const s = this.s;
    this.enter(p);
    const keys: BlockNode[] = [];
    const items: BlockNode[] = [];
    const value: Record<string, unknown> = {};
    let seen: Map<unknown, BlockNode> | undefined;
    let pending: TriviaLine[];
    for (;;) {
      const key = this.implicitKey(p);
      if (keys.length >= this.limits.maxKeysPerMap || ++this.keys > this.limits.maxKeys)
        throw new LimitPassed({ code: 'too-many-keys', at: key.start, end: key.end });
      seen = this.checkUnique(keys, seen, key);
      const item = this.mapValue(this.pos, col);
      keys.push(key);
      items.push(item);
      setProperty(value, propertyName(key.value), item.value);
      pending = this.afterItem(item, col);
      const q = this.q;
      if (q < 0 || this.indent < col) break;
      if (this.indent > col || (s.charCodeAt(q) === DASH && this.isBlank(q + 1))) throw UNSUPPORTED;
      this.colon = this.keyEnd(q);
      if (this.colon < 0) throw UNSUPPORTED;
      p = q;
    }
    const end = items[items.length - 1]!.next;
    return this.closeCollection({ kind: NodeKind.Map, start: keys[0]!.start, end, next: end, value, keys, items }, col, pending);
  }

  /** The key at p, whose colon `keyEnd` found (in `colon`); leaves `pos` after the colon. */
  private implicitKey(p: number): BlockNode {
    const s = this.s;
    const colon = this.colon;
    if (colon < 0) throw UNSUPPORTED;
    const c = s.charCodeAt(p);
    let node: BlockNode;
    if (c === DQUOTE || c === SQUOTE) {
      const end = this.quoteEndOnLine(p);
      node = { kind: NodeKind.Scalar, start: p, end, next: end, value: quotedValue(s, p, end, this) };
    } else {
      if (NOT_PLAIN_START.has(c)) throw UNSUPPORTED;
      let end = colon;
      while (s.charCodeAt(end - 1) === SPACE) end--;
      const raw = s.slice(p, end);
      // Keys with flow indicators or over 1,024 characters are left to the library.
      if (end - p > 1024 || /[[\]{},]/.test(raw)) throw UNSUPPORTED;
      node = { kind: NodeKind.Scalar, start: p, end, next: end, value: plainValue(raw) };
    }
    this.pos = colon + 1;
    return node;
  }

  /** The value after a key's colon at i; the key's mapping is indented `col`. */
  private mapValue(i: number, col: number): BlockNode {
    const s = this.s;
    while (s.charCodeAt(i) === SPACE) i++;
    this.mark = i;
    if (this.isBreak(i) || s.charCodeAt(i) === HASH) return this.valueBelow(i, col, true);
    if (s.charCodeAt(i) === AMP) return this.anchored(i, col, (j) => this.valueOnLine(j, col));
    return this.valueOnLine(i, col);
  }

  /** A value that starts on the line of its key or dash (not a nested key or list). */
  private valueOnLine(i: number, col: number): BlockNode {
    const c = this.s.charCodeAt(i);
    if ((c === DASH || c === 63 /* ? */ || c === COLON) && this.isBlank(i + 1)) throw UNSUPPORTED;
    if (c !== 91 && c !== 123 && this.keyEnd(i) >= 0) throw UNSUPPORTED;
    return this.inlineValue(i, col);
  }

  /** The end of an anchor or alias name starting at i (its `&` or `*`). */
  private nameEnd(i: number): number {
    const s = this.s;
    let j = i + 1;
    for (; j < this.n; j++) {
      const c = s.charCodeAt(j);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === 46)) break;
    }
    if (j === i + 1) throw UNSUPPORTED;
    return j;
  }

  /**
   * A node with an anchor (`&name` at i) in a collection indented `col`: the rest of its line
   * (read by `onLine`) or, when the line ends there, the node on the next lines.
   */
  private anchored(i: number, col: number, onLine: (j: number) => BlockNode): BlockNode {
    const s = this.s;
    const end = this.nameEnd(i);
    if (!this.isBlank(end)) throw UNSUPPORTED;
    const entry: { node: BlockNode | undefined; size: number; open: boolean } = { node: undefined, size: 0, open: true };
    this.anchors.set(s.slice(i + 1, end), entry);
    const before = this.extra;
    let j = end;
    while (s.charCodeAt(j) === SPACE) j++;
    let node: BlockNode;
    if (this.isBreak(j) || s.charCodeAt(j) === HASH) {
      node = this.valueBelow(j, col, false);
      if (this.tail === Tail.NullInSeq) throw UNSUPPORTED;
    } else {
      const c = s.charCodeAt(j);
      if (c === AMP || c === STAR || c === 33 /* ! */) throw UNSUPPORTED;
      node = onLine(j);
    }
    entry.node = node;
    entry.size = node.end - node.start + (this.extra - before);
    entry.open = false;
    return node;
  }

  /** An alias (`*name` at i): the anchored node's value, its size counted as the node's. */
  private alias(i: number): BlockNode {
    const end = this.nameEnd(i);
    const anchor = this.anchors.get(this.s.slice(i + 1, end));
    if (!anchor || anchor.open) throw UNSUPPORTED;
    this.extra += anchor.size - (end - i);
    if (this.n + this.extra > this.limits.maxExpandedChars) throw new LimitPassed({ code: 'too-large-expanded', at: i, end });
    return { kind: NodeKind.Alias, start: i, end, next: end, value: anchor.node!.value };
  }

  /**
   * The value of a key or list item whose line ends at i (a line break or a comment): the next
   * lines' node, or null. `inMap`: a list at the key's own indentation is its value.
   */
  private valueBelow(i: number, col: number, inMap: boolean): BlockNode {
    const after = this.lineAfter(i);
    const q = this.nextContent(after);
    if (q >= 0) {
      if (this.indent > col) return this.blockNode(q, this.indent, col);
      if (inMap && this.indent === col && this.s.charCodeAt(q) === DASH && this.isBlank(q + 1)) return this.blockSeq(q, col);
    }
    this.tail = inMap ? Tail.NullInMap : Tail.NullInSeq;
    this.commentOnLine = this.s.charCodeAt(i) === HASH;
    this.lineEnd = after;
    return { kind: NodeKind.Scalar, start: i, end: i, next: this.commentOnLine ? after : i, value: null };
  }

  private blockSeq(p: number, col: number): BlockNode {
    const s = this.s;
    this.enter(p);
    const start = p;
    const items: BlockNode[] = [];
    const value: unknown[] = [];
    let pending: TriviaLine[];
    for (;;) {
      let i = p + 1;
      while (s.charCodeAt(i) === SPACE) i++;
      let item: BlockNode;
      this.commentBefore = items.length > 0 && pending!.some((l) => l.comment);
      this.mark = i;
      if (this.isBreak(i) || s.charCodeAt(i) === HASH) item = this.valueBelow(i, col, false);
      else if (s.charCodeAt(i) === AMP)
        item = this.anchored(i, col, (j) => {
          if (this.s.charCodeAt(j) === DASH && this.isBlank(j + 1)) throw UNSUPPORTED;
          return this.valueOnLine(j, col);
        });
      else item = this.blockNode(i, i - (p - col), col);
      items.push(item);
      value.push(item.value);
      pending = this.afterItem(item, col);
      const q = this.q;
      if (q < 0 || this.indent < col) break;
      if (this.indent > col) throw UNSUPPORTED;
      if (!(s.charCodeAt(q) === DASH && this.isBlank(q + 1))) break;
      p = q;
    }
    const end = items[items.length - 1]!.next;
    return this.closeCollection({ kind: NodeKind.Seq, start, end, next: end, value, items }, col, pending);
  }

  // ---- scalars and flow collections on a line ----

  /** A scalar or flow collection starting at i, in a block collection indented `parent`. */
  private inlineValue(i: number, parent: number): BlockNode {
    const s = this.s;
    const c = s.charCodeAt(i);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(i, parent);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const node = this.flow(i, parent);
      this.tail = Tail.Inline;
      this.lineEnd = node.next;
      return node;
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(i, parent);
    if (c === STAR) {
      const node = this.alias(i);
      node.next = this.endOfLine(node.end);
      this.tail = Tail.Inline;
      this.lineEnd = node.next;
      return node;
    }
    if (NOT_PLAIN_START.has(c)) throw UNSUPPORTED;
    return this.plain(i, parent);
  }

  private plain(i: number, parent: number): BlockNode {
    const s = this.s;
    let end = this.plainLineEnd(i);
    const first = s.slice(i, end);
    let folded: string | undefined;
    // Continuation lines: more indented than the collection, not comments.
    let at = this.lineAfter(end);
    let blank = 0;
    for (;;) {
      // A comment ends the scalar.
      if (at >= this.n || !this.isBreak(this.skipSpaces(end))) break;
      let j = at;
      while (s.charCodeAt(j) === SPACE) j++;
      if (this.isBreak(j)) {
        if (j >= this.n) break;
        blank++;
        at = this.lineAfter(j);
        continue;
      }
      if (j - at <= parent || s.charCodeAt(j) === HASH) break;
      if (parent < 0) throw UNSUPPORTED;
      if (NOT_PLAIN_START.has(s.charCodeAt(j))) throw UNSUPPORTED;
      const lineEnd = this.plainLineEnd(j);
      folded = (folded ?? first) + (blank ? '\n'.repeat(blank) : ' ') + s.slice(j, lineEnd);
      blank = 0;
      end = lineEnd;
      at = this.lineAfter(lineEnd);
    }
    const next = this.endOfLine(end);
    this.tail = Tail.Inline;
    this.lineEnd = next;
    return { kind: NodeKind.Scalar, start: i, end, next, value: folded === undefined ? plainValue(first) : plainValue(folded) };
  }

  private skipSpaces(i: number): number {
    while (this.s.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** The end of a plain scalar's text on its line (before a comment and trailing spaces); refuses ": ". */
  private plainLineEnd(i: number): number {
    const s = this.s;
    let j = i;
    let end = i;
    for (; j < this.n; j++) {
      const x = s.charCodeAt(j);
      if (x === LF || x === CR) break;
      if (x === SPACE) {
        if (s.charCodeAt(j + 1) === HASH) break;
        continue;
      }
      if (x === COLON && this.isBlank(j + 1)) throw UNSUPPORTED;
      end = j + 1;
    }
    return end;
  }

  private quoted(i: number, parent: number): BlockNode {
    const s = this.s;
    const q = s.charCodeAt(i);
    let j = i + 1;
    for (; ; j++) {
      if (j >= this.n) throw UNSUPPORTED;
      const x = s.charCodeAt(j);
      if (x === LF) {
        // A continuation line must be indented past the collection (and not be a document marker).
        let k = j + 1;
        while (s.charCodeAt(k) === SPACE) k++;
        if (!this.isBreak(k) && k - (j + 1) <= parent) throw UNSUPPORTED;
        if (k === j + 1 && this.isDocumentMarker(j + 1)) throw UNSUPPORTED;
      } else if (q === DQUOTE && x === 92) {
        // An escaped character, but not an escaped line break (its next line is checked like any).
        const e = s.charCodeAt(j + 1);
        if (e !== LF && e !== CR) j++;
      } else if (x === q) {
        if (q === SQUOTE && s.charCodeAt(j + 1) === SQUOTE) j++;
        else break;
      }
    }
    const end = j + 1;
    const value = quotedValue(s, i, end, this);
    if (s.charCodeAt(end) === HASH) throw UNSUPPORTED;
    const next = this.endOfLine(end);
    this.tail = Tail.Inline;
    this.lineEnd = next;
    return { kind: NodeKind.Scalar, start: i, end, next, value };
  }

  private blockScalar(i: number, parent: number): BlockNode {
    const s = this.s;
    const literal = s.charCodeAt(i) === 124;
    let j = i + 1;
    // Chomping: -1 strip, 0 clip, 1 keep.
    const h = s.charCodeAt(j);
    const chomp = h === DASH ? -1 : h === 43 /* + */ ? 1 : 0;
    if (chomp !== 0) j++;
    if (!this.isBlank(j)) throw UNSUPPORTED; // indentation indicators and anything else
    let k = j;
    while (s.charCodeAt(k) === SPACE) k++;
    if (!this.isBreak(k) && !(s.charCodeAt(k) === HASH && k > j)) throw UNSUPPORTED;
    const bodyStart = this.lineAfter(k);
    if (bodyStart >= this.n) throw UNSUPPORTED;
    // The lines of the scalar: leading blank lines, then lines indented at least as the first one.
    const lines: Array<{ start: number; spaces: number; end: number }> = [];
    let at = bodyStart;
    let indent = -1;
    while (at < this.n) {
      let e = at;
      while (s.charCodeAt(e) === SPACE) e++;
      const spaces = e - at;
      // A last line of spaces with no line break ends the scalar unless indented as far as its text.
      if (e >= this.n && (indent < 0 || spaces < indent)) break;
      const blankLine = this.isBreak(e);
      if (!blankLine) {
        if (indent < 0) {
          if (spaces <= parent) break;
          indent = spaces;
        } else if (spaces < indent) break;
      }
      const lineEnd = this.breakAt(e);
      lines.push({ start: at, spaces, end: lineEnd });
      if (lineEnd >= this.n) break;
      at = this.lineAfter(lineEnd);
    }
    if (indent < 0) throw UNSUPPORTED;
    // Leading blank lines may not be longer than the first content line.
    for (const l of lines) {
      if (l.end > l.start + l.spaces) break;
      if (l.spaces > indent) throw UNSUPPORTED;
    }
    // Trailing blank lines not indented past the content belong to what follows, unless kept.
    let count = lines.length;
    if (chomp !== 1) {
      while (count > 0) {
        const l = lines[count - 1]!;
        if (l.end > l.start + l.spaces || l.spaces > indent) break;
        count--;
      }
    }
    const last = lines[count - 1]!;
    const end = last.end >= this.n ? this.n : this.lineAfter(last.end);
    const value = blockScalarValue(s, lines.slice(0, count), indent, literal, chomp, last.end < this.n);
    this.tail = Tail.Fixed;
    this.lineEnd = end;
    // A block scalar at the top of the document is the whole document.
    if (parent < 0 && this.nextContent(end) >= 0) throw UNSUPPORTED;
    return { kind: NodeKind.Scalar, start: i, end, next: end, value };
  }

  // ---- flow collections ----

  /** Skips spaces, line breaks and comments inside a flow collection; lines must be indented past `parent`. */
  private flowSpace(i: number, parent: number): number {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === SPACE) i++;
      else if (c === LF || c === CR) {
        i = this.lineAfter(i);
        let k = i;
        while (s.charCodeAt(k) === SPACE) k++;
        if (k >= this.n) throw UNSUPPORTED;
        const blankOrComment = this.isBreak(k) || s.charCodeAt(k) === HASH;
        if (!blankOrComment && k - i <= parent) throw UNSUPPORTED;
        if (k === i && this.isDocumentMarker(i)) throw UNSUPPORTED;
        i = k;
      } else if (c === HASH) {
        if (s.charCodeAt(i - 1) !== SPACE && !this.isBreak(i - 1)) throw UNSUPPORTED;
        i = this.breakAt(i);
      } else return i;
    }
  }

  /** A flow list or mapping at i, with `next` after the rest of its last line. */
  private flow(i: number, parent: number): BlockNode {
    const node = this.flowCollection(i, parent);
    node.next = this.endOfLine(node.end);
    return node;
  }

  private flowCollection(i: number, parent: number): BlockNode {
    const s = this.s;
    const isMap = s.charCodeAt(i) === 123;
    const close = isMap ? 125 : 93;
    this.enter(i);
    const items: BlockNode[] = [];
    const keys: BlockNode[] = [];
    const list: unknown[] = [];
    const obj: Record<string, unknown> = {};
    let seen: Map<unknown, BlockNode> | undefined;
    let j = this.flowSpace(i + 1, parent);
    if (s.charCodeAt(j) !== close) {
      for (;;) {
        if (isMap) {
          const key = this.flowScalar(j, parent, true);
          if (keys.length >= this.limits.maxKeysPerMap || ++this.keys > this.limits.maxKeys)
            throw new LimitPassed({ code: 'too-many-keys', at: key.start, end: key.end });
          let k = key.end;
          const quotedKey = s.charCodeAt(key.start) === DQUOTE || s.charCodeAt(key.start) === SQUOTE;
          if (quotedKey) k = this.flowSpace(k, parent);
          else while (s.charCodeAt(k) === SPACE) k++;
          if (s.charCodeAt(k) !== COLON) throw UNSUPPORTED;
          // After a plain key the colon needs a space; after a quoted one (JSON) it needn't.
          if (!quotedKey && !this.isBlank(k + 1)) throw UNSUPPORTED;
          k = this.flowSpace(k + 1, parent);
          const c = s.charCodeAt(k);
          if (c === 44 /* , */ || c === close) throw UNSUPPORTED;
          const value = this.flowItem(k, parent);
          seen = this.checkUnique(keys, seen, key);
          keys.push(key);
          items.push(value);
          setProperty(obj, propertyName(key.value), value.value);
          j = value.end;
        } else {
          const item = this.flowItem(j, parent);
          items.push(item);
          list.push(item.value);
          j = item.end;
        }
        j = this.flowSpace(j, parent);
        const c = s.charCodeAt(j);
        if (c === close) break;
        if (c !== 44) throw UNSUPPORTED;
        j = this.flowSpace(j + 1, parent);
        // A trailing comma (allowed by YAML) is left to the library.
        if (s.charCodeAt(j) === close) throw UNSUPPORTED;
      }
    }
    this.depth--;
    const end = j + 1;
    return isMap
      ? { kind: NodeKind.Map, start: i, end, next: end, value: obj, keys, items }
      : { kind: NodeKind.Seq, start: i, end, next: end, value: list, items };
  }

  private flowItem(j: number, parent: number, anchorAllowed = true): BlockNode {
    const s = this.s;
    const c = s.charCodeAt(j);
    if (c === 91 || c === 123) return this.flowCollection(j, parent);
    if (c === AMP && anchorAllowed) {
      const end = this.nameEnd(j);
      if (s.charCodeAt(end) !== SPACE) throw UNSUPPORTED;
      const entry: { node: BlockNode | undefined; size: number; open: boolean } = { node: undefined, size: 0, open: true };
      this.anchors.set(s.slice(j + 1, end), entry);
      const before = this.extra;
      const node = this.flowItem(this.flowSpace(end, parent), parent, false);
      entry.node = node;
      entry.size = node.end - node.start + (this.extra - before);
      entry.open = false;
      return node;
    }
    const item = c === STAR ? this.alias(j) : this.flowScalar(j, parent, false);
    // "[a: b]" (a pair in a list) is left to the library.
    let k = item.end;
    while (this.s.charCodeAt(k) === SPACE) k++;
    if (this.s.charCodeAt(k) === COLON) throw UNSUPPORTED;
    return item;
  }

  /** A quoted scalar, or a plain one on one line, inside a flow collection. */
  private flowScalar(j: number, parent: number, key: boolean): BlockNode {
    const s = this.s;
    const c = s.charCodeAt(j);
    if (c === DQUOTE || c === SQUOTE) {
      let k = j + 1;
      for (; ; k++) {
        if (k >= this.n) throw UNSUPPORTED;
        const x = s.charCodeAt(k);
        if (x === LF) {
          let m = k + 1;
          while (s.charCodeAt(m) === SPACE) m++;
          if (!this.isBreak(m) && m - (k + 1) <= parent) throw UNSUPPORTED;
          if (m === k + 1 && this.isDocumentMarker(k + 1)) throw UNSUPPORTED;
          if (key) throw UNSUPPORTED;
        } else if (c === DQUOTE && x === 92) {
          const e = s.charCodeAt(k + 1);
          if (e !== LF && e !== CR) k++;
        } else if (x === c) {
          if (c === SQUOTE && s.charCodeAt(k + 1) === SQUOTE) k++;
          else break;
        }
      }
      const end = k + 1;
      const after = s.charCodeAt(end);
      // Something glued to the closing quote other than a separator is left to the library.
      if (!(this.isBlank(end) || after === 44 || after === 93 || after === 125 || after === COLON)) throw UNSUPPORTED;
      return { kind: NodeKind.Scalar, start: j, end, next: end, value: quotedValue(s, j, end, this) };
    }
    if (NOT_PLAIN_START.has(c)) throw UNSUPPORTED;
    let end = j;
    let k = j;
    for (; k < this.n; k++) {
      const x = s.charCodeAt(k);
      if (x === 44 || x === 93 || x === 125 || x === LF || x === CR) break;
      if (x === 91 || x === 123 || x === HASH) throw UNSUPPORTED;
      if (x === COLON) {
        // A colon ends the scalar before a space or a flow indicator (a time such as 11:00 is text).
        const next = s.charCodeAt(k + 1);
        if (this.isBlank(k + 1) || next === 44 || next === 91 || next === 93 || next === 123 || next === 125) break;
      }
      if (x !== SPACE) end = k + 1;
    }
    // A plain scalar running onto the next line is left to the library.
    if (this.isBreak(k)) {
      const x = s.charCodeAt(this.flowSpaceProbe(k));
      if (!(x === 44 || x === 93 || x === 125)) throw UNSUPPORTED;
    }
    return { kind: NodeKind.Scalar, start: j, end, next: end, value: plainValue(s.slice(j, end)) };
  }

  /** The next character after line breaks, spaces and comments (without checks). */
  private flowSpaceProbe(i: number): number {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === SPACE || c === LF || c === CR) i++;
      else if (c === HASH) i = this.breakAt(i);
      else return i;
    }
  }

  /** Raised by the value helpers. */
  unsupported(): never {
    throw UNSUPPORTED;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/** The value of a quoted scalar from its opening quote at `start` to just after its closing one. */
function quotedValue(s: string, start: number, end: number, reader: { unsupported(): never }): string {
  const double = s.charCodeAt(start) === DQUOTE;
  const body = s.slice(start + 1, end - 1);
  if (body.indexOf('\n') < 0 && (double ? body.indexOf('\\') < 0 : body.indexOf("'") < 0)) return body;
  let out = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c === CR && body.charCodeAt(i + 1) === LF) {
      i++;
      continue;
    }
    if (c === LF || c === SPACE) {
      // Spaces before a line break are dropped; a break between text is a space, n+1 breaks n newlines.
      let j = i;
      while (body.charCodeAt(j) === SPACE) j++;
      if (body.charCodeAt(j) === LF || (body.charCodeAt(j) === CR && body.charCodeAt(j + 1) === LF)) {
        let breaks = 0;
        while (j < n) {
          const x = body.charCodeAt(j);
          if (x === LF) breaks++;
          else if (!(x === SPACE || (x === CR && body.charCodeAt(j + 1) === LF))) break;
          j++;
        }
        out += breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
        i = j;
      } else {
        out += body.slice(i, j);
        i = j;
      }
      continue;
    }
    if (double && c === 92) {
      const e = body[i + 1]!;
      const mapped = ESCAPES[e];
      if (mapped !== undefined) {
        out += mapped;
        i += 2;
      } else if (e === '\n' || (e === '\r' && body[i + 2] === '\n')) {
        // An escaped line break joins the lines with nothing between them.
        i += e === '\n' ? 2 : 3;
        while (body.charCodeAt(i) === SPACE) i++;
      } else if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(i + 2, i + 2 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) reader.unsupported();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) reader.unsupported();
        out += String.fromCodePoint(code);
        i += 2 + len;
      } else reader.unsupported();
      continue;
    }
    if (!double && c === SQUOTE) {
      out += "'";
      i += 2;
      continue;
    }
    out += body[i];
    i++;
  }
  return out;
}

/**
 * The value of a block scalar from its lines (content indented `indent`), folded or literal and
 * chomped; `finalBreak` says whether its last line ends with a line break.
 */
function blockScalarValue(
  s: string,
  lines: ReadonlyArray<{ start: number; spaces: number; end: number }>,
  indent: number,
  literal: boolean,
  chomp: number,
  finalBreak: boolean,
): string {
  const count = lines.length + (finalBreak ? 1 : 0);
  const spacesOf = (i: number) => (i < lines.length ? lines[i]!.spaces : 0);
  const hasText = (i: number) => i < lines.length && lines[i]!.end > lines[i]!.start + lines[i]!.spaces;
  // Content ends at the last line with text, or at the last blank line indented past the content.
  let chompStart = count;
  while (chompStart > 0 && !hasText(chompStart - 1)) chompStart--;
  for (let i = count - 1; i >= chompStart; i--) {
    if (spacesOf(i) > indent) {
      chompStart = i + 1;
      break;
    }
  }
  let out = '';
  let sep = '';
  let prevMore = false;
  let i = 0;
  // Leading blank lines are kept as line breaks.
  for (; i < chompStart && !hasText(i); i++) out += '\n';
  for (; i < chompStart; i++) {
    const l = lines[i]!;
    const more = l.spaces > indent;
    const text = s.slice(l.start + (more ? indent : l.spaces), l.end);
    if (literal) {
      out += sep + text;
      sep = '\n';
    } else if (more) {
      if (sep === ' ') sep = '\n';
      else if (!prevMore && sep === '\n') sep = '\n\n';
      out += sep + text;
      sep = '\n';
      prevMore = true;
    } else if (text === '') {
      if (sep === '\n') out += '\n';
      else sep = '\n';
    } else {
      out += sep + text;
      sep = ' ';
      prevMore = false;
    }
  }
  if (chomp === 0) return out + '\n';
  if (chomp === -1) return out;
  for (let k = chompStart; k < count; k++) out += '\n' + ' '.repeat(Math.max(0, spacesOf(k) - indent));
  return out.endsWith('\n') ? out : out + '\n';
}
