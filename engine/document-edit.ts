// The one vocabulary for editing an ordinance document, used by the form, its templates, the quick
// fixes and silencing a finding: edits by path (set, delete, insert, move, rename) and whole-line
// comments. They keep the author's comments, order and layout: each edit is made on the `yaml`
// Document, and only the lines whose meaning changed are replaced in the text, as line edits an
// editor applies into its undo history. Setting or deleting a one-line value in a text laid out as the
// printer lays it out is done on that line alone (the same text, without rebuilding a large draft);
// so are renaming a key, and moving or inserting an item of a list whose lines hold nothing else.

import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  stringify,
  visit,
  Document,
  type Node,
  type ParsedNode,
  type YAMLSeq,
} from 'yaml';

import type { PathSegment } from './diagnostics';
import { DOCUMENT_LIMITS, MAX_NESTING } from './source';
import { NodeKind, readBlockYaml, type BlockNode } from './yaml-block';

export type { PathSegment };

export type DocumentEdit =
  /**
   * Sets a value (scalar or subtree), creating missing parent maps. A new key goes before the first of
   * `before` its map has (so `definitions` can land above `sections`), else at the end.
   */
  | { op: 'set'; path: PathSegment[]; value: unknown; before?: string[] }
  /** Removes a key or a list item. */
  | { op: 'delete'; path: PathSegment[] }
  /** Inserts into a list (created when missing); index -1 appends. */
  | { op: 'insert'; path: PathSegment[]; index: number; value: unknown; before?: string[] }
  /**
   * Moves a list item, with the comments attached to it: within the list, or into the list at `toPath`
   * (a provision to another section), where `to` may be -1 for the end.
   */
  | { op: 'move'; path: PathSegment[]; from: number; to: number; toPath?: PathSegment[] }
  /** Renames a key in the map at `path`, keeping its value and comments. */
  | { op: 'rename'; path: PathSegment[]; from: string; to: string }
  /** Inserts a whole-line comment above a 1-based line of the text as it was, indented like that line. */
  | { op: 'comment'; line: number; text: string };

/** The edits that change the document's data (all but comments). */
export type StructuralEdit = Exclude<DocumentEdit, { op: 'comment' }>;

/** One replacement in the text, 1-based lines and columns (Monaco's convention), end exclusive. */
export interface TextEdit {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export type EditResult = { ok: true; text: string; edits: TextEdit[] } | { ok: false; error: string };

export class EditError extends Error {}

/** Reads the document for editing; refuses text the form can't safely rewrite. */
export function parseForEdit(text: string): Document.Parsed {
  const doc = parseDocument(text, { uniqueKeys: false, keepSourceTokens: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    throw new EditError(`the YAML has a syntax error${line ? ` at line ${line}` : ''}; fix it in the editor before using the form`);
  }
  return doc;
}

function describe(path: readonly PathSegment[]): string {
  return (
    path
      .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
      .join('')
      .replace(/^\./, '') || 'the document'
  );
}

/**
 * Small maps of scalars and lists of scalars print inline (`maxHold: { hours: 48 }`, `[felony]`), as
 * authors write them. A map holding another map stays a block, so conditions read one test a line,
 * and so does a list item that is a map (a provision, a finding, a condition in a list).
 */
function styleNewNode(node: unknown, listItem = false): void {
  if (!isCollection(node)) return;
  const values = node.items.map((item) => (isMap(node) ? (item as { value: unknown }).value : item));
  values.forEach((v) => styleNewNode(v, isSeq(node)));
  if (listItem && isMap(node)) return;
  const inline = values.every((v) => isScalar(v) || (isMap(node) && isSeq(v) && v.flow));
  if (inline && values.length > 0 && String(node).length <= 64) node.flow = true;
}

function makeNode(doc: Document, value: unknown, listItem = false): Node {
  const node = doc.createNode(value) as Node;
  styleNewNode(node, listItem);
  return node;
}

function getNode(doc: Document, path: readonly PathSegment[]): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function requireCollection(doc: Document, path: readonly PathSegment[], kind: 'map' | 'seq') {
  const node = getNode(doc, path);
  if (kind === 'map' ? !isMap(node) : !isSeq(node)) {
    throw new EditError(`${describe(path)} is not a ${kind === 'map' ? 'set of keys' : 'list'}; fix it in the editor first`);
  }
  return node as ReturnType<Document['createNode']> & { items: unknown[] };
}

function samePath(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Creates missing maps along the path (never lists: list items are inserted, not conjured). */
function ensureParents(doc: Document, path: readonly PathSegment[]): void {
  for (let i = 0; i < path.length - 1; i++) {
    const sub = path.slice(0, i + 1);
    const node = getNode(doc, sub);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      if (typeof path[i + 1] === 'number') throw new EditError(`${describe(sub)} has no item ${String(path[i + 1])}`);
      doc.setIn(sub, makeNode(doc, {}));
    } else if (!isCollection(node)) {
      throw new EditError(`${describe(sub)} is a single value, not a set of keys; fix it in the editor first`);
    }
  }
}

function applyOp(doc: Document, op: StructuralEdit): void {
  switch (op.op) {
    case 'set': {
      const current = getNode(doc, op.path);
      const scalarValue = op.value === null || ['string', 'number', 'boolean'].includes(typeof op.value);
      if (isScalar(current) && scalarValue) {
        // Keep the scalar's node (and its comment); let the printer requote it if needed.
        if (current.value !== op.value) {
          current.value = op.value;
          if (typeof op.value !== 'string' || current.type === Scalar.PLAIN) current.type = undefined;
        }
        return;
      }
      ensureParents(doc, op.path);
      const parent = getNode(doc, op.path.slice(0, -1));
      const key = op.path[op.path.length - 1];
      if (op.before && isMap(parent) && typeof key === 'string' && !parent.has(key)) {
        const at = parent.items.findIndex((p) => isScalar(p.key) && op.before!.includes(String(p.key.value)));
        if (at >= 0) {
          parent.items.splice(at, 0, doc.createPair(key, makeNode(doc, op.value)) as (typeof parent.items)[number]);
          return;
        }
      }
      doc.setIn(op.path, makeNode(doc, op.value));
      return;
    }
    case 'delete':
      if (getNode(doc, op.path) === undefined) return;
      doc.deleteIn(op.path);
      return;
    case 'insert': {
      const existing = getNode(doc, op.path);
      if (existing === undefined || existing === null || (isScalar(existing) && existing.value === null)) {
        applyOp(doc, { op: 'set', path: op.path, value: [op.value], before: op.before });
        return;
      }
      const seq = requireCollection(doc, op.path, 'seq');
      const index = op.index < 0 || op.index > seq.items.length ? seq.items.length : op.index;
      seq.items.splice(index, 0, makeNode(doc, op.value, true));
      return;
    }
    case 'move': {
      const seq = requireCollection(doc, op.path, 'seq');
      const n = seq.items.length;
      if (op.toPath && !samePath(op.toPath, op.path)) {
        if (op.from < 0 || op.from >= n) throw new EditError(`no item ${op.from} in ${describe(op.path)}`);
        const existing = getNode(doc, op.toPath);
        if (existing === undefined || existing === null || (isScalar(existing) && existing.value === null)) {
          // A section of text alone gets its first provision.
          ensureParents(doc, op.toPath);
          doc.setIn(op.toPath, doc.createNode([]));
        }
        const target = requireCollection(doc, op.toPath, 'seq');
        if (op.to < -1 || op.to > target.items.length) throw new EditError(`no place ${op.to} in ${describe(op.toPath)}`);
        const [item] = seq.items.splice(op.from, 1);
        target.items.splice(op.to === -1 ? target.items.length : op.to, 0, item);
        return;
      }
      if (op.from < 0 || op.from >= n || op.to < 0 || op.to >= n)
        throw new EditError(`no item ${op.from} or ${op.to} in ${describe(op.path)}`);
      const [item] = seq.items.splice(op.from, 1);
      seq.items.splice(op.to, 0, item);
      return;
    }
    case 'rename': {
      const map = requireCollection(doc, op.path, 'map');
      if (op.from === op.to) return;
      const pairs = map.items as Array<{ key: unknown }>;
      if (pairs.some((p) => isScalar(p.key) && String(p.key.value) === op.to))
        throw new EditError(`${describe(op.path)} already has "${op.to}"`);
      const pair = pairs.find((p) => isScalar(p.key) && String(p.key.value) === op.from);
      if (!pair) throw new EditError(`${describe(op.path)} has no "${op.from}"`);
      (pair.key as Scalar).value = op.to;
      return;
    }
  }
}

// ---- printing the edited document in the author's layout ----

interface Layout {
  indent: number;
  indentSeq: boolean;
  padMaps: boolean;
  padSeqs: boolean;
}

function detectLayout(text: string): Layout {
  const lines = text.split('\n');
  let indent = 2;
  let indentSeq = true;
  for (let i = 0; i < lines.length - 1; i++) {
    const m = /^(\s*)[^\s#-][^:#]*:\s*(#.*)?$/.exec(lines[i]!);
    if (!m) continue;
    const next = lines[i + 1]!;
    const lead = /^(\s*)/.exec(next)![1]!.length;
    if (next.trim() === '') continue;
    if (lead > m[1]!.length && !next.trimStart().startsWith('-')) {
      indent = lead - m[1]!.length;
      break;
    }
  }
  for (let i = 0; i < lines.length - 1; i++) {
    const m = /^(\s*)[^\s#-][^:#]*:\s*$/.exec(lines[i]!);
    if (!m) continue;
    const next = lines[i + 1]!;
    if (next.trimStart().startsWith('- ')) {
      indentSeq = /^(\s*)/.exec(next)![1]!.length > m[1]!.length;
      break;
    }
  }
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return {
    indent: indent >= 1 && indent <= 8 ? indent : 2,
    indentSeq,
    padMaps: count(/\{ \S/g) >= count(/\{[^\s}]/g),
    padSeqs: count(/\[ \S/g) > count(/\[[^\s\]]/g),
  };
}

/** Insignificant spacing around flow punctuation removed: lines equal under this mean the same. */
function normalize(line: string): string {
  return line.replace(/\s*([{}[\],])\s*/g, '$1').trimEnd();
}

/** Applies the author's padding inside flow brackets to a printed line (outside quotes and comments). */
function restyle(line: string, layout: Layout): string {
  if (!/[[{]/.test(line)) return line;
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      out += ch;
      if (ch === quote && !(quote === '"' && line[i - 1] === '\\')) quote = null;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return out + line.slice(i);
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]!))) {
      quote = ch;
      out += ch;
      continue;
    }
    if (ch === '[' || ch === '{') {
      const pad = ch === '[' ? layout.padSeqs : layout.padMaps;
      const close = ch === '[' ? ']' : '}';
      let j = i + 1;
      while (line[j] === ' ') j++;
      out += ch + (pad && line[j] !== close ? ' ' : '');
      i = j - 1;
      continue;
    }
    if ((ch === ']' || ch === '}') && out.length) {
      const pad = ch === ']' ? layout.padSeqs : layout.padMaps;
      const trimmed = out.replace(/ +$/, '');
      const empty = /[[{]$/.test(trimmed);
      out = trimmed + (pad && !empty ? ' ' : '') + ch;
      continue;
    }
    out += ch;
  }
  return out;
}

type Step = { kind: 'same'; a: number; b: number } | { kind: 'del'; a: number } | { kind: 'ins'; b: number };

/** Alignment of two lists of keys by longest common subsequence, after trimming the common ends. */
function align(na: string[], nb: string[]): Step[] {
  const steps: Step[] = [];
  let start = 0;
  while (start < na.length && start < nb.length && na[start] === nb[start]) steps.push({ kind: 'same', a: start, b: start++ });
  let endA = na.length;
  let endB = nb.length;
  while (endA > start && endB > start && na[endA - 1] === nb[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && n * m <= 16_000_000) {
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          na[start + i] === nb[start + j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (na[start + i] === nb[start + j]) steps.push({ kind: 'same', a: start + i++, b: start + j++ });
      else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) steps.push({ kind: 'del', a: start + i++ });
      else steps.push({ kind: 'ins', b: start + j++ });
    }
    while (i < n) steps.push({ kind: 'del', a: start + i++ });
    while (j < m) steps.push({ kind: 'ins', b: start + j++ });
  } else {
    for (let i = start; i < endA; i++) steps.push({ kind: 'del', a: i });
    for (let j = start; j < endB; j++) steps.push({ kind: 'ins', b: j });
  }
  for (let k = 0; endA + k < na.length; k++) steps.push({ kind: 'same', a: endA + k, b: endB + k });
  return steps;
}

function sameData(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

/**
 * The text as units of meaning: a line, or the lines of a value the author wrapped over several (a
 * folded `>-` paragraph, a long plain string, a flow map broken across lines). A line that holds a
 * value is keyed by what comes before the value and what the value is, not how it is spelled, so a
 * paragraph the printer unwraps, or a map it pads differently, still matches the author's.
 */
interface Unit {
  lines: string[];
  key: string;
}

function unitsOf(text: string): Unit[] {
  const lines = text.split('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  // For each line: the outermost value (not a key) that starts on it, with its last line.
  const values = new Map<number, { column: number; end: number; value: unknown }>();
  const note = (node: { range?: [number, number, number] | null }, value: () => unknown) => {
    const r = node.range;
    if (!r) return;
    const start = lineCounter.linePos(r[0]);
    const line = start.line - 1;
    const column = start.col - 1;
    const known = values.get(line);
    if (known && known.column <= column) return;
    values.set(line, { column, end: Math.max(line, lineCounter.linePos(Math.max(r[0], r[1] - 1)).line - 1), value: value() });
  };
  visit(doc, {
    Scalar: (key, node) => {
      if (key !== 'key') note(node, () => node.value);
    },
    Map: (key, node) => {
      if (key !== 'key' && node.flow) note(node, () => node.toJSON());
    },
    Seq: (key, node) => {
      if (key !== 'key' && node.flow) note(node, () => node.toJSON());
    },
  });
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const v = values.get(i);
    if (!v) {
      units.push({ lines: [lines[i]!], key: normalize(lines[i]!) });
      continue;
    }
    let end = v.end;
    for (let j = i + 1; j <= end; j++) end = Math.max(end, values.get(j)?.end ?? end);
    units.push({ lines: lines.slice(i, end + 1), key: `${normalize(lines[i]!.slice(0, v.column))}\u0000${JSON.stringify(v.value) ?? ''}` });
    i = end;
  }
  return units;
}

/** The printed document, with every unit whose meaning did not change kept exactly as the author wrote it. */
function mergeLayout(original: string, printed: string, layout: Layout): string {
  const a = unitsOf(original);
  const b = unitsOf(printed);
  const steps = align(
    a.map((u) => u.key),
    b.map((u) => u.key),
  );
  // A unit that left one place and arrived at another (a moved provision) keeps the author's
  // spelling too: same key, same indentation, same meaning.
  const left = new Map<string, number[]>();
  for (const step of steps) {
    if (step.kind !== 'del') continue;
    const key = a[step.a]!.key;
    const list = left.get(key);
    if (list) list.push(step.a);
    else left.set(key, [step.a]);
  }
  const out: string[] = [];
  for (const step of steps) {
    if (step.kind === 'same') out.push(...a[step.a]!.lines);
    else if (step.kind === 'ins') {
      const moved = left.get(b[step.b]!.key)?.shift();
      out.push(...(moved !== undefined ? a[moved]!.lines : b[step.b]!.lines.map((line) => restyle(line, layout))));
    }
  }
  return out.join('\n');
}

/** The smallest set of line-range replacements that turns `before` into `after`. */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  const edits: TextEdit[] = [];
  // Exact comparison: the merge already chose which spelling each line keeps.
  const steps = align(a, b);
  let k = 0;
  while (k < steps.length) {
    if (steps[k]!.kind === 'same') {
      k++;
      continue;
    }
    // A run of deletions and insertions: replace lines [firstA, lastA] with the inserted lines.
    let aStart = -1;
    let aEnd = -1;
    const inserted: string[] = [];
    let anchor = 0;
    for (let back = k - 1; back >= 0; back--) {
      const s = steps[back]!;
      if (s.kind === 'same') {
        anchor = s.a + 1;
        break;
      }
    }
    while (k < steps.length && steps[k]!.kind !== 'same') {
      const s = steps[k]!;
      if (s.kind === 'del') {
        if (aStart < 0) aStart = s.a;
        aEnd = s.a;
      } else inserted.push(b[s.b]!);
      k++;
    }
    if (aStart < 0) {
      // Pure insertion before line `anchor` (0-based).
      if (anchor < a.length) {
        edits.push({ startLine: anchor + 1, startColumn: 1, endLine: anchor + 1, endColumn: 1, text: inserted.join('\n') + '\n' });
      } else {
        const last = a.length;
        edits.push({
          startLine: last,
          startColumn: a[last - 1]!.length + 1,
          endLine: last,
          endColumn: a[last - 1]!.length + 1,
          text: '\n' + inserted.join('\n'),
        });
      }
    } else if (inserted.length === 0) {
      // Pure deletion of whole lines.
      if (aEnd + 1 < a.length) {
        edits.push({ startLine: aStart + 1, startColumn: 1, endLine: aEnd + 2, endColumn: 1, text: '' });
      } else if (aStart > 0) {
        edits.push({
          startLine: aStart,
          startColumn: a[aStart - 1]!.length + 1,
          endLine: aEnd + 1,
          endColumn: a[aEnd]!.length + 1,
          text: '',
        });
      } else {
        edits.push({ startLine: 1, startColumn: 1, endLine: aEnd + 1, endColumn: a[aEnd]!.length + 1, text: '' });
      }
    } else {
      edits.push({ startLine: aStart + 1, startColumn: 1, endLine: aEnd + 1, endColumn: a[aEnd]!.length + 1, text: inserted.join('\n') });
    }
  }
  return edits;
}

/** Whole-line comments inserted above lines of the text (lines as numbered before any is inserted). */
function withComments(text: string, comments: ReadonlyArray<Extract<DocumentEdit, { op: 'comment' }>>): string {
  if (comments.length === 0) return text;
  const lines = text.split('\n');
  for (const c of [...comments].sort((a, b) => b.line - a.line)) {
    const at = Math.max(0, Math.min(c.line - 1, lines.length));
    const indent = /^[ \t]*/.exec(lines[at] ?? '')![0];
    lines.splice(at, 0, `${indent}# ${c.text.replace(/[\r\n]+/g, ' ')}`);
  }
  return lines.join('\n');
}

/**
 * Applies edits to ordinance text: comments first (their lines are the text's as given), then the
 * edits by path. Returns the new text and the line edits that produce it (to apply through the
 * editor, so they join its undo history), or a message saying why not.
 */
export function applyEdits(text: string, edits: readonly DocumentEdit[], options: { local?: boolean } = {}): EditResult {
  const original = text.replace(/\r\n/g, '\n');
  const source = withComments(
    original,
    edits.filter((e): e is Extract<DocumentEdit, { op: 'comment' }> => e.op === 'comment'),
  );
  const ops = edits.filter((e): e is StructuralEdit => e.op !== 'comment');
  if (ops.length === 0) return { ok: true, text: source, edits: lineEdits(original, source) };
  const local = ops.length === 1 && options.local !== false ? localEdit(source, ops[0]!) : undefined;
  if (local !== undefined) return { ok: true, text: local, edits: lineEdits(original, local) };
  return printedEdit(original, source, ops);
}

/**
 * The edits made on the whole `yaml` Document and printed in the author's layout: the general way,
 * and what `localEdit` must give the same text as.
 */
function printedEdit(original: string, source: string, ops: readonly StructuralEdit[]): EditResult {
  let doc: Document.Parsed;
  try {
    doc = parseForEdit(source);
    for (const op of ops) applyOp(doc, op);
  } catch (e) {
    if (e instanceof EditError) return { ok: false, error: e.message };
    throw e;
  }
  const layout = detectLayout(source);
  const printed = doc.toString({
    indent: layout.indent,
    indentSeq: layout.indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    flowCollectionPadding: true,
  });
  const target = doc.toJS({ maxAliasCount: 100 });
  let merged = mergeLayout(source, printed, layout);
  if (source.endsWith('\n') && !merged.endsWith('\n')) merged += '\n';
  if (!sameData(parseDocument(merged).toJS({ maxAliasCount: 100 }), target)) {
    // The layout-keeping merge changed the meaning somewhere (a rare spelling it can't see through):
    // fall back to the printer's own text, which is right if less faithful to the author's spacing.
    merged = printed;
  }
  return { ok: true, text: merged, edits: lineEdits(original, merged) };
}

// ---- local edits: one line of text changed, without rebuilding the document ----

const BLOCK_LIMITS = { ...DOCUMENT_LIMITS, maxNesting: MAX_NESTING };
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PRINT_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true } as const;

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const e = text.indexOf('\n', offset);
  return e < 0 ? text.length : e;
}

function isFlow(text: string, node: BlockNode): boolean {
  const c = text.charCodeAt(node.start);
  return c === 123 /* { */ || c === 91; /* [ */
}

function isBlockCollection(text: string, node: BlockNode): boolean {
  return (node.kind === NodeKind.Map || node.kind === NodeKind.Seq) && !isFlow(text, node);
}

/**
 * Whether the text is laid out exactly as the printer lays out its document (the layout `detectLayout`
 * finds, plain keys, `key: value` spacing, one blank line at most, comments indented like what follows
 * them, no trailing spaces): then printing the document gives back every line, and an edit by path
 * changes only the lines of what it edits, which is what `localEdit` relies on. Anything else answers no.
 */
function inPrinterLayout(text: string, root: BlockNode, layout: Layout): boolean {
  if (root.kind !== NodeKind.Map || isFlow(text, root) || lineStartOf(text, root.start) !== root.start) return false;
  if (!text.endsWith('\n') || text.endsWith('\n\n') || /[ ]\n/.test(text) || text.includes('\r')) return false;
  const starts = new Set<number>();
  const spans: Array<[number, number]> = [];
  const value = (node: BlockNode): boolean => {
    if (node.kind === NodeKind.Alias || node.end <= node.start) return false;
    const last = lineStartOf(text, node.end - 1);
    if (last > node.start) spans.push([node.start, node.end]);
    return true;
  };
  const seqDash = (col: number) => col + (layout.indentSeq ? layout.indent : layout.indent - 2);
  const map = (node: BlockNode, col: number, afterDash: boolean): boolean => {
    const keys = node.keys!;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const v = node.items![k]!;
      const ls = lineStartOf(text, key.start);
      if (key.start - ls !== col) return false;
      const lead = text.slice(ls, key.start);
      if (k === 0 && afterDash ? lead !== `${' '.repeat(col - 2)}- ` : lead.trim() !== '') return false;
      if (!PLAIN_KEY.test(text.slice(key.start, key.end))) return false;
      starts.add(ls);
      if (isBlockCollection(text, v)) {
        if (text.slice(key.end, lineEndOf(text, key.end)) !== ':') return false;
        if (v.kind === NodeKind.Map) {
          if (!map(v, col + layout.indent, false)) return false;
        } else if (!seq(v, seqDash(col))) return false;
      } else if (text.slice(key.end, v.start) !== ': ' || !value(v)) return false;
    }
    return true;
  };
  const seq = (node: BlockNode, dash: number): boolean => {
    for (const item of node.items!) {
      const ls = lineStartOf(text, item.start);
      if (text.slice(ls, item.start) !== `${' '.repeat(dash)}- `) return false;
      starts.add(ls);
      if (isBlockCollection(text, item)) {
        if (item.kind !== NodeKind.Map || !map(item, dash + 2, true)) return false;
      } else if (!value(item)) return false;
    }
    return true;
  };
  if (!map(root, 0, false)) return false;
  // Every other line: inside a value written over several lines, blank, or a comment.
  spans.sort((a, b) => a[0] - b[0]);
  let span = 0;
  let pendingComment = -1;
  let blank = true;
  for (let ls = 0; ls < text.length;) {
    const le = lineEndOf(text, ls);
    while (span < spans.length && spans[span]![1] <= ls) span++;
    const inside = span < spans.length && spans[span]![0] < ls;
    const line = text.slice(ls, le);
    const indent = line.length - line.trimStart().length;
    if (inside) {
      // a continuation line of a multi-line value
    } else if (line === '') {
      if (blank) return false;
      blank = true;
      ls = le + 1;
      continue;
    } else if (line.charCodeAt(indent) === 35 /* # */) {
      if (pendingComment >= 0 && pendingComment !== indent) return false;
      pendingComment = indent;
    } else {
      if (!starts.has(ls)) return false;
      if (pendingComment >= 0 && pendingComment !== indent) return false;
      pendingComment = -1;
    }
    blank = false;
    ls = le + 1;
  }
  return pendingComment < 0;
}

/** The node at a path, with the map holding it and its key there (undefined when there is none). */
function nodeAt(
  root: BlockNode,
  path: readonly PathSegment[],
): { node: BlockNode; parent: BlockNode | null; key: BlockNode | null } | 'missing' | undefined {
  let node = root;
  let parent: BlockNode | null = null;
  let key: BlockNode | null = null;
  for (const seg of path) {
    if (node.kind === NodeKind.Map && typeof seg === 'string') {
      const k = node.keys!.findIndex((x) => x.kind === NodeKind.Scalar && x.value === seg);
      if (k < 0) return node.keys!.some((x) => x.kind !== NodeKind.Scalar || typeof x.value !== 'string') ? undefined : 'missing';
      parent = node;
      key = node.keys![k]!;
      node = node.items![k]!;
    } else if (node.kind === NodeKind.Seq && typeof seg === 'number' && Number.isInteger(seg)) {
      if (seg < 0 || seg >= node.items!.length) return seg >= 0 ? 'missing' : undefined;
      parent = node;
      key = null;
      node = node.items![seg]!;
    } else return node.kind === NodeKind.Scalar && node.value !== null ? 'missing' : undefined;
  }
  return { node, parent, key };
}

/** How the printer spells a scalar value set into a document (undefined when it takes more than a line). */
function printedScalar(value: unknown): string | undefined {
  const line = stringify({ k: value }, PRINT_OPTIONS);
  if (!line.startsWith('k: ') || line.indexOf('\n') !== line.length - 1) return undefined;
  return line.slice(3, -1);
}

/**
 * One edit made on the text itself, when it is sure to give what printing the edited document gives:
 * setting a single-line scalar, deleting a key whose value is one, renaming a key of a block map to
 * one the printer writes plain, or moving or inserting an item within a list (no comment, blank line or
 * block scalar among the list's lines); the text laid out as the printer lays it out. Undefined when it can't
 * be sure (the caller then prints the document).
 */
export function localEdit(source: string, op: StructuralEdit): string | undefined {
  if (op.op === 'rename') return localRename(source, op);
  if (op.op === 'move') return localMove(source, op);
  if (op.op === 'insert') return localInsert(source, op);
  if (op.op !== 'set' && op.op !== 'delete') return undefined;
  if (op.op === 'set' && !(op.value === null || ['string', 'number', 'boolean'].includes(typeof op.value))) return undefined;
  if (op.path.length === 0) return undefined;
  const doc = readBlockYaml(source, BLOCK_LIMITS);
  if (doc.declined || doc.problems.length > 0) return undefined;
  const layout = detectLayout(source);
  if (!inPrinterLayout(source, doc.root, layout)) return undefined;
  const at = nodeAt(doc.root, op.path);
  if (at === undefined) return undefined;
  if (at === 'missing') return op.op === 'delete' ? source : undefined;
  const { node, parent, key } = at;
  if (!parent || !key || parent.kind !== NodeKind.Map || isFlow(source, parent)) return undefined;
  // A single-line plain scalar that ends its line, after `key: `.
  if (node.kind !== NodeKind.Scalar || node.end <= node.start) return undefined;
  const c = source.charCodeAt(node.start);
  if (c === 34 || c === 39 || c === 124 || c === 62) return undefined;
  const ls = lineStartOf(source, key.start);
  const le = lineEndOf(source, key.start);
  if (node.end !== le) return undefined;
  if (op.op === 'set') {
    if (node.value === op.value) return source;
    const spelled = printedScalar(op.value);
    if (spelled === undefined) return undefined;
    const line = restyle(`${source.slice(ls, node.start)}${spelled}`, layout);
    return source.slice(0, ls) + line + source.slice(le);
  }
  // Delete: a key that is not its map's only one nor the first of a list item, with no blank or
  // comment line around it (those attach to it or to its neighbours in the printed document).
  const keys = parent.keys!;
  if (keys.length < 2 || (keys[0] === key && source.slice(ls, key.start).includes('-'))) return undefined;
  const around = (line: string | undefined) => line === undefined || line.trim() === '' || line.trimStart().startsWith('#');
  const previous = ls === 0 ? undefined : source.slice(lineStartOf(source, ls - 1), ls - 1);
  const next = le + 1 >= source.length ? undefined : source.slice(le + 1, lineEndOf(source, le + 1));
  if (ls === 0 || around(previous) || around(next)) return undefined;
  return source.slice(0, ls) + source.slice(le + 1);
}

/** The block map or list at a path of a text in the printer's layout (undefined for anything else). */
function blockCollectionAt(source: string, path: readonly PathSegment[], kind: NodeKind.Map | NodeKind.Seq): BlockNode | undefined {
  const doc = readBlockYaml(source, BLOCK_LIMITS);
  if (doc.declined || doc.problems.length > 0) return undefined;
  if (!inPrinterLayout(source, doc.root, detectLayout(source))) return undefined;
  const at = nodeAt(doc.root, path);
  if (at === undefined || at === 'missing') return undefined;
  return at.node.kind === kind && !isFlow(source, at.node) ? at.node : undefined;
}

/**
 * A key renamed on its own line: the map a block one whose keys are all strings, the old key there and
 * the new one not (else the printed path says why not), the new key written plain by the printer, and
 * its value a block collection or on the key's line.
 */
function localRename(source: string, op: Extract<StructuralEdit, { op: 'rename' }>): string | undefined {
  if (op.from === op.to || !PLAIN_KEY.test(op.to) || printedScalar(op.to) !== op.to) return undefined;
  const map = blockCollectionAt(source, op.path, NodeKind.Map);
  if (!map) return undefined;
  const keys = map.keys!;
  if (keys.some((k) => k.kind !== NodeKind.Scalar || typeof k.value !== 'string' || k.value === op.to)) return undefined;
  const k = keys.findIndex((x) => x.value === op.from);
  if (k < 0) return undefined;
  const key = keys[k]!;
  // A value written over several lines after the key is printed anew with it (unwrapped).
  const value = map.items![k]!;
  if (!isBlockCollection(source, value) && value.end > lineEndOf(source, key.start)) return undefined;
  return source.slice(0, key.start) + op.to + source.slice(key.end);
}

/**
 * Where each item of a block list starts (its dash line) and where its last item's lines end, when the
 * list's lines hold its items alone: no comment or blank line (the printed document attaches those to
 * an item or a neighbour) and no block scalar (whose trailing lines may be blank).
 */
function itemLines(source: string, seq: BlockNode): { starts: number[]; end: number } | undefined {
  const items = seq.items!;
  if (items.length === 0) return undefined;
  const starts = items.map((item) => lineStartOf(source, item.start));
  const end = lineEndOf(source, items[items.length - 1]!.end - 1) + 1;
  const lines = source.slice(starts[0], end);
  if (lines.includes('#') || lines.includes('\n\n') || /[|>][-+0-9]*\n/.test(lines)) return undefined;
  return { starts, end };
}

/**
 * An item inserted into a block list that has items: the item printed alone (as the printer prints a
 * new list item), indented to the list's dashes, with the author's flow padding, put before the item
 * at its index or after the last. Only when every line of the text is spelled with that padding, so
 * that matching the printed document's lines to the author's cannot pick another spelling.
 */
function localInsert(source: string, op: Extract<StructuralEdit, { op: 'insert' }>): string | undefined {
  if (!Number.isInteger(op.index) || op.value === undefined || (JSON.stringify(op.value) ?? '').includes('\\n')) return undefined;
  const seq = blockCollectionAt(source, op.path, NodeKind.Seq);
  if (!seq) return undefined;
  const lines = itemLines(source, seq);
  if (!lines) return undefined;
  const layout = detectLayout(source);
  if (!source.split('\n').every((line) => restyle(line, layout) === line)) return undefined;
  const alone = new Document([]);
  (alone.contents as YAMLSeq).items.push(makeNode(alone, op.value, true));
  const printed = alone.toString({ indent: layout.indent, indentSeq: layout.indentSeq, ...PRINT_OPTIONS });
  if (!printed.startsWith('- ') || !printed.endsWith('\n')) return undefined;
  const dash = ' '.repeat(seq.items![0]!.start - lines.starts[0]! - 2);
  const block = printed
    .slice(0, -1)
    .split('\n')
    .map((line) => restyle(dash + line, layout))
    .join('\n');
  const n = seq.items!.length;
  const at = op.index < 0 || op.index >= n ? lines.end : lines.starts[op.index]!;
  return `${source.slice(0, at)}${block}\n${source.slice(at)}`;
}

/**
 * An item moved within its block list: its lines cut and put back at the new place. Only where nothing
 * but the items themselves is among the list's lines (no comment or blank line, which the printed
 * document attaches to an item or its neighbour, and no block scalar).
 */
function localMove(source: string, op: Extract<StructuralEdit, { op: 'move' }>): string | undefined {
  if (op.toPath && !samePath(op.toPath, op.path)) return undefined;
  if (!Number.isInteger(op.from) || !Number.isInteger(op.to)) return undefined;
  const seq = blockCollectionAt(source, op.path, NodeKind.Seq);
  if (!seq) return undefined;
  const items = seq.items!;
  const n = items.length;
  if (op.from < 0 || op.from >= n || op.to < 0 || op.to >= n) return undefined;
  const lines = itemLines(source, seq);
  if (!lines) return undefined;
  const { starts, end } = lines;
  const blocks = starts.map((ls, k) => source.slice(ls, k + 1 < n ? starts[k + 1] : end));
  const [moved] = blocks.splice(op.from, 1);
  blocks.splice(op.to, 0, moved!);
  return source.slice(0, starts[0]) + blocks.join('') + source.slice(end);
}

/** Applies line edits to text (the same thing the editor does), for tests and for hosts without an editor. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (line: number, column: number) => {
    let offset = 0;
    for (let i = 0; i < line - 1; i++) offset += lines[i]!.length + 1;
    return offset + column - 1;
  };
  const ranges = edits.map((e) => ({ start: offsetOf(e.startLine, e.startColumn), end: offsetOf(e.endLine, e.endColumn), text: e.text }));
  ranges.sort((x, y) => y.start - x.start);
  let out = text;
  for (const r of ranges) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

export type { ParsedNode };
