// Parsing YAML (and JSON) text while keeping source positions, so every problem can be located.
// Documents in the block style policies are written in are read by a fast reader (yaml-block.ts);
// anything else (anchors, tags, tabs, syntax errors) by the `yaml` library. Both refuse documents
// past the limits below with a located error, in time linear in the text.

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, PathSegment } from './diagnostics';
import { NodeKind, readBlockYaml, type BlockDocument, type BlockNode, type BlockProblem } from './yaml-block';
import { deepFreeze } from './freeze';
import { rereadAfterEdit, shiftedEnd, shiftedStart, type KeptBlock, type Shift } from './yaml-reread';

export interface SourcePosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Largest ordinance or scenario file accepted; bigger ones are certainly not hand-written policies. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Aliases allowed when expanding a document: blocks "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;
/**
 * Deepest nesting of lists and sets of keys accepted. A real ordinance nests a dozen levels; the
 * limit keeps every later step (schema check, compiler, wording) far from the stack's end.
 */
export const MAX_NESTING = 100;
/** Largest document read with the full YAML language (the `yaml` library); larger ones must be plain. */
export const LIBRARY_MAX_CHARS = 1024 * 1024;

/** What a document may hold before it is refused (each a located error). */
export interface DocumentLimits {
  /** Most keys in one set of keys (a 300-provision ordinance has sets of at most a few dozen). */
  maxKeysPerMap: number;
  /** Most keys in the whole document (a 1,000-provision ordinance has about 15,000). */
  maxKeys: number;
  /** Largest size, in characters, the document may reach with its aliases written out. */
  maxExpandedChars: number;
}

export const DOCUMENT_LIMITS: DocumentLimits = {
  maxKeysPerMap: 10_000,
  maxKeys: 200_000,
  maxExpandedChars: MAX_DOCUMENT_BYTES,
};

/** A case set read whole holds many cases: its limit on keys is the size limit's. */
export const CASE_SET_LIMITS: DocumentLimits = { ...DOCUMENT_LIMITS, maxKeys: Infinity };

export interface ParsedSource {
  /** The text as read (line breaks written as a lone carriage return are read as line feeds). */
  text: string;
  /** The document as plain data, or undefined when it could not be read at all. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Where the node at a path starts and ends; for `key: true`, the key itself. */
  locate(path: readonly PathSegment[], key?: boolean): SourcePosition;
}

/** Offsets of line starts, for turning offsets into lines and columns (built when first needed). */
class Lines {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** How many lines the text has. */
  get count(): number {
    return this.lineStarts().length;
  }

  /** The offset of a line (from 1) and column (from 1); the line must be one of the text's. */
  offset(line: number, column: number): number {
    return this.lineStarts()[line - 1]! + column - 1;
  }

  at(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - starts[lo]! + 1 };
  }
}

function diagnosticAt(
  code: string,
  message: string,
  at: { line: number; column: number },
  end?: { line: number; column: number },
): Diagnostic {
  return {
    severity: 'error',
    code,
    message,
    line: at.line,
    column: at.column,
    endLine: end?.line ?? at.line,
    endColumn: end?.column ?? at.column + 1,
    path: [],
  };
}

/**
 * The first character that marks the text as binary (NUL or another control character) or as not
 * UTF-8 (U+FFFD, which the decoder puts in place of bytes that are not UTF-8), if any.
 */
function findBinary(text: string): { at: number; undecodable: boolean } | undefined {
  // Control characters other than tab, line feed and carriage return, or U+FFFD.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const m = /[\x00-\x08\x0b\x0c\x0e-\x1f\uFFFD]/.exec(text);
  if (!m) return undefined;
  return { at: m.index, undecodable: m[0] === '\uFFFD' };
}

/**
 * Line breaks written as a lone carriage return (old Mac files; valid YAML) as line feeds. The text
 * keeps its length, so offsets and columns are the same in both.
 */
function normalizeLineBreaks(text: string): string {
  const cr = text.indexOf('\r');
  if (cr < 0) return text;
  return text.replace(/\r(?!\n)/g, '\n');
}

/** True when the text has nothing but blank lines and comments. */
function isBlankOrComments(text: string): boolean {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return true;
      i = nl + 1;
    } else return false;
  }
  return true;
}

/**
 * Parses YAML (JSON is YAML) keeping positions. Never throws: syntax errors, duplicate keys, alias
 * bombs, documents past the limits, binary content and empty files become located diagnostics.
 */
export function parseSource(text: string, what = 'document', limits: DocumentLimits = DOCUMENT_LIMITS): ParsedSource {
  return readSource(text, what, limits);
}

/** The last document read by `parseEditedSource` and what it was read as. */
let keptEdit: (KeptBlock & { what: string }) | undefined;

/** How `parseEditedSource` read the texts it was given: the edit alone, or the whole text (for tests and benchmarks). */
export const editedSourceReads = { again: 0, whole: 0 };

/** Forgets the document `parseEditedSource` kept (the next one is read from nothing). */
export function forgetEditedSource(): void {
  keptEdit = undefined;
}

/**
 * `parseSource` for a document checked on every keystroke: when the text is the last one read this
 * way with an edit inside one plain value on one line or inside a comment, only that edit is read
 * (`rereadAfterEdit`); the result is the same. Its plain data shares what the edit did not reach with
 * the last result's: neither may be changed by the caller.
 */
export function parseEditedSource(text: string, what: string): ParsedSource {
  if (keptEdit && keptEdit.what === what && text.length <= MAX_DOCUMENT_BYTES) {
    const again = rereadAfterEdit(keptEdit, text);
    if (again) {
      editedSourceReads.again++;
      keptEdit = { ...again, what };
      return { text, value: again.value, diagnostics: [], locate: blockLocator(new Lines(text), again.root, again.shifts) };
    }
  }
  keptEdit = undefined;
  editedSourceReads.whole++;
  return readSource(text, what, DOCUMENT_LIMITS, (doc, read) => {
    // Only a document read without problems and without aliases (whose values are shared) is kept.
    if (doc.problems.length === 0 && !hasAlias(doc.root)) {
      deepFreeze(doc.value);
      keptEdit = { text: read, root: doc.root, value: doc.value, shifts: [], what };
    }
  });
}

function hasAlias(node: BlockNode): boolean {
  if (node.kind === NodeKind.Alias) return true;
  if (node.items) for (const item of node.items) if (hasAlias(item)) return true;
  return false;
}

function readSource(
  text: string,
  what: string,
  limits: DocumentLimits,
  onBlock?: (doc: BlockDocument, text: string) => void,
): ParsedSource {
  const whole: SourcePosition = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const fail = (d: Diagnostic, t = text): ParsedSource => ({ text: t, value: undefined, diagnostics: [d], locate: () => whole });

  if (text.length > MAX_DOCUMENT_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return fail(
      diagnosticAt(
        'file-too-large',
        `the file is ${mb} MB; ${article(what)} ${what} may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
        {
          line: 1,
          column: 1,
        },
      ),
    );
  }
  text = normalizeLineBreaks(text);
  const lines = new Lines(text);
  const bin = findBinary(text);
  if (bin) {
    return fail(
      bin.undecodable
        ? diagnosticAt('not-utf8', `the file is not UTF-8 text here (bytes shown as \uFFFD); save the ${what} as UTF-8`, lines.at(bin.at))
        : diagnosticAt(
            'not-text',
            `this is not a text file (binary content at character ${bin.at}); ${article(what)} ${what} is YAML text`,
            lines.at(bin.at),
          ),
    );
  }
  if (isBlankOrComments(text)) {
    return fail(
      diagnosticAt('empty-file', `the file is empty; ${article(what)} ${what} needs at least a title and sections`, {
        line: 1,
        column: 1,
      }),
    );
  }
  const fast = readBlockYaml(text, {
    maxNesting: MAX_NESTING,
    maxKeysPerMap: limits.maxKeysPerMap,
    maxKeys: limits.maxKeys,
    maxExpandedChars: limits.maxExpandedChars,
  });
  if (fast.declined && text.length > LIBRARY_MAX_CHARS) {
    // The library needs about a second per megabyte: a large document must be in the plain style.
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return fail(
      diagnosticAt(
        'unsupported-yaml',
        `this ${what} is ${mb} MB; one over ${LIBRARY_MAX_CHARS / 1024 / 1024} MB must be plain YAML (no tabs, tags or directives) without syntax errors, and reading stopped here`,
        lines.at(fast.at),
      ),
      text,
    );
  }
  if (!fast.declined) {
    onBlock?.(fast, text);
    const diagnostics = fast.problems.map((p) => problemDiagnostic(p, text, lines, what, limits));
    return { text, value: fast.value, diagnostics, locate: blockLocator(lines, fast.root) };
  }
  return parseWithLibrary(text, lines, what, limits);
}

/**
 * Where the node at a path of a document the block reader read is in its text: its range in the tree,
 * carried through the edits made since (`shifts`; none for a document read from its text).
 */
function blockLocator(lines: Lines, root: BlockNode, shifts: readonly Shift[] = []): ParsedSource['locate'] {
  return (path, key = false) => {
    const [start, end] = blockRangeOf(root, path, key);
    return positionOf(lines, [shiftedStart(start, shifts), shiftedEnd(end, shifts)]);
  };
}

function positionOf(lines: Lines, range: [number, number]): SourcePosition {
  const s = lines.at(range[0]);
  const e = lines.at(range[1]);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

function problemDiagnostic(p: BlockProblem, text: string, lines: Lines, what: string, limits: DocumentLimits): Diagnostic {
  const at = lines.at(p.at);
  const end = lines.at(p.end);
  switch (p.code) {
    case 'duplicate-key':
      return diagnosticAt(
        'duplicate-key',
        `the key "${clip(text.slice(p.at, p.end))}" is here twice (first on line ${lines.at(p.first!).line}); a key may appear once in each set of keys`,
        at,
        end,
      );
    case 'too-deep':
      return diagnosticAt('too-deep', tooDeepMessage(what), at, end);
    case 'too-many-keys':
      return diagnosticAt('too-many-keys', tooManyKeysMessage(what, limits), at, end);
    case 'too-large-expanded':
      return diagnosticAt('yaml-alias', tooLargeExpandedMessage(what, limits), at, end);
  }
}

function tooLargeExpandedMessage(what: string, limits: DocumentLimits): string {
  return `the aliases in this ${what} make it larger than ${limits.maxExpandedChars / 1024 / 1024} MB when written out (each alias counts as what it stands for); write the values out once`;
}

function tooManyKeysMessage(what: string, limits: DocumentLimits): string {
  return `the ${what} has more keys here than any real ${what} (at most ${limits.maxKeysPerMap.toLocaleString('en-US')} in one set of keys${
    Number.isFinite(limits.maxKeys) ? ` and ${limits.maxKeys.toLocaleString('en-US')} in all` : ''
  })`;
}

function clip(s: string, most = 60): string {
  return s.length > most ? `${s.slice(0, most - 3)}...` : s;
}

/** Reads the full YAML language with the `yaml` library, with the same limits and messages. */
function parseWithLibrary(text: string, lines: Lines, what: string, limits: DocumentLimits): ParsedSource {
  const whole: SourcePosition = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  // Keys are checked for uniqueness below, in linear time (the library's own check is quadratic).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  const at = (offset: number) => lines.at(offset);
  let textLines: string[] | undefined;
  for (let i = 0; i < doc.errors.length; i++) {
    const err = doc.errors[i]!;
    const start = at(err.pos[0]);
    const end = at(err.pos[1]);
    if (err.code === 'RESOURCE_EXHAUSTION') {
      diagnostics.push(diagnosticAt('too-deep', tooDeepMessage(what), start, end));
      break;
    }
    textLines ??= text.split(/\r\n|\r|\n/);
    const plain = syntaxInPlainWords(textLines, start.line, err.code);
    if (!plain) {
      diagnostics.push(diagnosticAt('yaml-syntax', cleanYamlMessage(err.message), start, end));
      continue;
    }
    // A tab or a line out of step throws the rest of the reading off: what follows is most often its echo.
    const more = plain.cascades ? doc.errors.length - i - 1 : 0;
    const words = `${plain.message} (the YAML reader: ${cleanYamlMessage(err.message)})${
      more > 0 ? `; ${more} more syntax error${more === 1 ? '' : 's'} after it, most likely from it, shown once this is mended` : ''
    }`;
    const line = textLines[plain.line - 1] ?? '';
    diagnostics.push(
      diagnosticAt('yaml-syntax', words, { line: plain.line, column: plain.column }, { line: plain.line, column: line.length + 1 }),
    );
    if (more > 0) break;
  }
  const unread = { text, value: undefined, diagnostics, locate: () => whole };
  if (doc.errors.length === 0) {
    const deep = findTooDeep(doc);
    if (deep) {
      diagnostics.push(diagnosticAt('too-deep', tooDeepMessage(what), at(deep[0]), at(deep[1])));
      return unread;
    }
    const limit = checkKeysAndAliases(doc, text, limits);
    if (limit) {
      diagnostics.push(problemDiagnostic(limit, text, lines, what, limits));
      if (limit.code !== 'duplicate-key') return unread;
      for (const more of limit.more ?? []) diagnostics.push(problemDiagnostic(more, text, lines, what, limits));
    }
  }
  for (const warn of doc.warnings) {
    const start = at(warn.pos[0]);
    diagnostics.push({ ...diagnosticAt('yaml-warning', cleanYamlMessage(warn.message), start), severity: 'warning' });
  }

  const locate = (path: readonly PathSegment[], key = false): SourcePosition => {
    const range = rangeOf(doc, path, key, true);
    return range ? positionOf(lines, range) : whole;
  };

  let value: unknown;
  if (diagnostics.every((d) => d.severity !== 'error')) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const pos = findAliasProblem(doc) ?? [0, 0];
      diagnostics.push(
        diagnosticAt(
          'yaml-alias',
          /alias/i.test(message)
            ? `the document uses too many aliases (more than ${MAX_ALIAS_COUNT} expansions); write the values out`
            : cleanYamlMessage(message),
          at(pos[0]),
          at(pos[1]),
        ),
      );
    }
  }
  return { text, value, diagnostics, locate };
}

interface LimitProblem extends BlockProblem {
  /** Further duplicate keys. */
  more?: BlockProblem[];
}

/**
 * Duplicate keys (in linear time), the limits on keys, and the size of the document with every
 * alias written out (an alias counts as what it stands for, so a large anchor used a hundred times
 * is as large as a hundred copies). Returns the first limit passed, or the duplicate keys.
 */
function checkKeysAndAliases(doc: Document, text: string, limits: DocumentLimits): LimitProblem | undefined {
  void text;
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const inProgress = new Set<Node>();
  const duplicates: BlockProblem[] = [];
  let keys = 0;
  class Stop {
    constructor(readonly problem: LimitProblem) {}
  }
  const length = (n: unknown) => {
    const r = (n as { range?: [number, number, number] } | null)?.range;
    return r ? r[1] - r[0] : 0;
  };
  // The size of a node with its aliases written out; nodes are visited in document order.
  const size = (node: unknown): number => {
    if (!node || typeof node !== 'object') return 0;
    const n = node as Node;
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (!target) return length(n);
      if (inProgress.has(target)) {
        const r = n.range!;
        throw new Stop({ code: 'too-large-expanded', at: r[0], end: r[1] });
      }
      return sizes.get(target) ?? length(n);
    }
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, n);
    let total = length(n);
    if (isMap(n) || isSeq(n)) {
      inProgress.add(n);
      const seen = isMap(n) ? new Map<unknown, Node>() : undefined;
      let count = 0;
      for (const item of n.items as unknown[]) {
        const parts = isPair(item) ? [item.key, item.value] : [item];
        if (isPair(item) && seen) {
          const key = item.key;
          const r = (key as Node | null)?.range;
          if (++count > limits.maxKeysPerMap || ++keys > limits.maxKeys)
            throw new Stop({ code: 'too-many-keys', at: r?.[0] ?? 0, end: r?.[1] ?? 0 });
          if (isScalar(key) && r) {
            const id = typeof key.value === 'number' && Number.isNaN(key.value) ? {} : key.value;
            const first = seen.get(id);
            if (first) duplicates.push({ code: 'duplicate-key', at: r[0], end: r[1], first: first.range![0] });
            else seen.set(id, key);
          }
        }
        for (const part of parts) {
          total += size(part) - length(part);
          if (total > limits.maxExpandedChars && isAlias(part)) {
            const r = part.range!;
            throw new Stop({ code: 'too-large-expanded', at: r[0], end: r[1] });
          }
        }
      }
      inProgress.delete(n);
    }
    if (anchor) sizes.set(n, total);
    return total;
  };
  try {
    const total = size(doc.contents);
    if (total > limits.maxExpandedChars) return { code: 'too-large-expanded', at: 0, end: 0 };
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
  if (duplicates.length) return { ...duplicates[0]!, more: duplicates.slice(1) };
  return undefined;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function tooDeepMessage(what: string): string {
  return `the ${what} nests lists and keys more than ${MAX_NESTING} levels deep here; simplify it (a condition rarely needs more than a few levels)`;
}

/** Where the nesting first passes MAX_NESTING, found without recursion so depth itself can't overflow the stack. */
function findTooDeep(doc: Document): [number, number] | undefined {
  const stack: Array<[unknown, number]> = [[doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth > MAX_NESTING) return rangeOfNode(node) ?? [0, 0];
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          stack.push([item.key, depth + 1]);
          stack.push([item.value, depth + 1]);
        } else stack.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * A syntax error in plain words, from the text of its line (1-based) and the lines above: a tab in the
 * indentation, a key with no space after its colon, or a line indented as far as no key above it.
 * Undefined when the line shows none of these; the library's words are then the message.
 */
function syntaxInPlainWords(
  lines: readonly string[],
  at: number,
  code: string,
): { message: string; line: number; column: number; cascades: boolean } | undefined {
  const text = lines[at - 1];
  // Only the reader's errors of the block style (JSON may indent with tabs and join a key to its value).
  if (text === undefined || (code !== 'TAB_AS_INDENT' && code !== 'MISSING_CHAR' && code !== 'BAD_INDENT')) return undefined;
  const lead = /^[ \t]*/.exec(text)![0];
  if (code === 'TAB_AS_INDENT' && lead.includes('\t'))
    return {
      message: `line ${at} is indented with a tab; YAML indents with spaces only: replace the tab with spaces`,
      line: at,
      column: lead.indexOf('\t') + 1,
      cascades: true,
    };
  if (code === 'TAB_AS_INDENT') return undefined;
  const glued = /^([ ]*(?:-[ ]+)?)([A-Za-z_][\w-]*):(?![\s:/])(\S+)/.exec(text);
  if (glued && code === 'MISSING_CHAR')
    return {
      message: `put a space after the colon of "${glued[2]}" ("${glued[2]}: ${clip(glued[3]!, 30)}"): without one, "${clip(glued[2] + ':' + glued[3], 30)}" is read as one word`,
      line: at,
      column: glued[1]!.length + glued[2]!.length + 2,
      cascades: false,
    };
  if (!text.trim() || text.trimStart().startsWith('#')) return undefined;
  // The columns a line may start at: those of the lines above it that are still open (each nearer to
  // the margin than the one below it), and the column of an item's content after its "- ".
  const indent = lead.length;
  const open: number[] = [];
  let nearest = Infinity;
  for (let i = at - 2; i >= 0 && nearest > 0; i--) {
    const above = lines[i]!;
    if (!above.trim() || above.trimStart().startsWith('#')) continue;
    const spaces = /^ */.exec(above)![0].length;
    if (spaces >= nearest) continue;
    nearest = spaces;
    open.push(spaces);
    const item = /^ *-( +)(?=\S)/.exec(above);
    if (item) open.push(spaces + 1 + item[1]!.length);
  }
  if (open.length === 0 || open.includes(indent) || indent > Math.max(...open)) return undefined;
  const below = Math.max(...open.filter((c) => c < indent));
  const past = Math.min(...open.filter((c) => c > indent));
  return {
    message: `line ${at} is indented ${spacesWords(indent)}, which lines it up with no key above it (the nearest start at ${below} and ${past} spaces): indent it as far as the key it goes with`,
    line: at,
    column: 1,
    cascades: true,
  };
}

function spacesWords(n: number): string {
  return n === 1 ? '1 space' : `${n} spaces`;
}

function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function findAliasProblem(doc: Document): [number, number] | undefined {
  let found: [number, number] | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as { range?: [number, number, number]; source?: string; items?: unknown[] };
    if ('source' in n && typeof n.source === 'string' && n.range) {
      found = [n.range[0], n.range[1]];
      return;
    }
    if (isPair(node)) {
      visit(node.key);
      visit(node.value);
    } else if (n.items) n.items.forEach(visit);
  };
  visit(doc.contents);
  return found;
}

/**
 * The [start, end] offsets of the node at a path in the document, or of its key. `indexed`: the
 * document is not changed any more, so large mappings may be indexed by key once.
 */
export function rangeOf(doc: Document, path: readonly PathSegment[], key = false, indexed = false): [number, number] | undefined {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  let last: [number, number] | undefined = rangeOfNode(node);
  for (const seg of path) {
    if (isMap(node)) {
      const items = node.items;
      const name = String(seg);
      const pair =
        !indexed || items.length <= 16
          ? items.find((p) => isScalar(p.key) && String(p.key.value) === name)
          : items[indexOfKeys(node, items, (p) => (isScalar(p.key) ? String(p.key.value) : undefined)).get(name) ?? -1];
      if (!pair) return last;
      keyNode = pair.key as Node;
      node = pair.value;
      last = rangeOfNode(node) ?? rangeOfNode(keyNode) ?? last;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      keyNode = undefined;
      last = rangeOfNode(node) ?? last;
    } else {
      return last;
    }
  }
  if (key && keyNode) return rangeOfNode(keyNode) ?? last;
  return last;
}

/** The same for a document read by the block reader. */
function blockRangeOf(root: BlockNode, path: readonly PathSegment[], key = false): [number, number] {
  let node: BlockNode | undefined = root;
  let keyNode: BlockNode | undefined;
  let last: [number, number] = [root.start, root.end];
  for (const seg of path) {
    if (node.kind === NodeKind.Map) {
      const i = keyIndex(node, String(seg));
      if (i < 0) return last;
      keyNode = node.keys![i]!;
      node = node.items![i]!;
      last = [node.start, node.end];
    } else if (node.kind === NodeKind.Seq && typeof seg === 'number') {
      const item: BlockNode | undefined = node.items![seg];
      if (!item) return last;
      node = item;
      keyNode = undefined;
      last = [node.start, node.end];
    } else return last;
  }
  if (key && keyNode) return [keyNode.start, keyNode.end];
  return last;
}

/** Key positions of large mappings, by name (the first key of a name), so locating stays linear. */
const KEY_INDEX = new WeakMap<object, Map<string, number>>();

function indexOfKeys<K>(map: object, keys: readonly K[], name: (k: K) => string | undefined): Map<string, number> {
  let index = KEY_INDEX.get(map);
  if (!index) {
    index = new Map();
    for (let i = 0; i < keys.length; i++) {
      const k = name(keys[i]!);
      if (k !== undefined && !index.has(k)) index.set(k, i);
    }
    KEY_INDEX.set(map, index);
  }
  return index;
}

function keyIndex(node: BlockNode, name: string): number {
  const keys = node.keys!;
  if (keys.length <= 16) {
    for (let i = 0; i < keys.length; i++) if (String(keys[i]!.value) === name) return i;
    return -1;
  }
  return indexOfKeys(node, keys, (k) => String(k.value)).get(name) ?? -1;
}

function rangeOfNode(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

const YAML_ESCAPES: Record<string, number> = {
  '0': 0x00,
  a: 0x07,
  b: 0x08,
  t: 0x09,
  '\t': 0x09,
  n: 0x0a,
  v: 0x0b,
  f: 0x0c,
  r: 0x0d,
  e: 0x1b,
  ' ': 0x20,
  '"': 0x22,
  '/': 0x2f,
  '\\': 0x5c,
  N: 0x85,
  _: 0xa0,
  L: 0x2028,
  P: 0x2029,
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Where the character at `index` of a string value is in `text`, given where the value is (`at`, from
 * `locate`): written as it is, or (in a double-quoted YAML or JSON string) as an escape such as
 * `\u200B` or `\e`, the escape's range. A problem with one character of a long text is then shown on
 * that character, not at the value's start. The value's own range when the character is not found.
 * The text's lines are counted once, for every character located.
 */
export function characterLocator(text: string): (at: SourcePosition, value: string, index: number) => SourcePosition {
  const lines = new Lines(text);
  return (at, value, index) => locateIn(text, lines, at, value, index);
}

function locateIn(text: string, lines: Lines, at: SourcePosition, value: string, index: number): SourcePosition {
  const c = value.charCodeAt(index);
  if (Number.isNaN(c) || at.line > lines.count || at.endLine > lines.count) return at;
  // The how-manyth of its kind the character is in the value: the same one is looked for in the text.
  const ch = value[index]!;
  let nth = 0;
  for (let i = value.indexOf(ch); i >= 0 && i < index; i = value.indexOf(ch, i + 1)) nth++;
  const from = lines.offset(at.line, at.column);
  const to = Math.min(text.length, lines.offset(at.endLine, at.endColumn));
  const quoted = text[from] === '"';
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    let end = i + 1;
    if (quoted && code === 0x5c && i + 1 < to) {
      const e = text[i + 1]!;
      const digits = HEX_DIGITS[e];
      if (digits !== undefined) {
        code = parseInt(text.slice(i + 2, i + 2 + digits), 16);
        end = i + 2 + digits;
      } else {
        code = YAML_ESCAPES[e] ?? -1;
        end = i + 2;
      }
    }
    if (code === c && nth-- === 0) {
      const start = lines.at(i);
      const stop = lines.at(end);
      return { line: start.line, column: start.column, endLine: stop.line, endColumn: stop.column };
    }
    i = end - 1;
  }
  return at;
}
