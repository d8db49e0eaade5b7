// Quick fixes as data: edits of the YAML document by path. Applying one rewrites only the lines of the
// entries it touches, so the author's comments, order and formatting elsewhere stay as they were; the
// editor gets the change as one text edit.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, type Document, type Node } from 'yaml';
import type { PathSegment } from '../diagnostics';

export type DocumentEdit =
  /** Set (or create) the value at a path. */
  | { op: 'set'; path: PathSegment[]; value: unknown }
  /** Remove the key or list item at a path. */
  | { op: 'remove'; path: PathSegment[] }
  /** Insert into a list: the path ends with the index the new item takes (creating the list if needed). */
  | { op: 'insert'; path: PathSegment[]; value: unknown }
  /** Insert a whole-line YAML comment above a 1-based line, indented like that line. */
  | { op: 'comment'; line: number; text: string };

export interface QuickFix {
  /** What the fix does, as a command: "Limit the hold to 48 hours excluding weekends and holidays". */
  title: string;
  edits: DocumentEdit[];
}

/** A replacement of the text between two positions (1-based lines and columns, end exclusive). */
export interface TextEdit {
  range: { line: number; column: number; endLine: number; endColumn: number };
  newText: string;
}

export class FixError extends Error {}

// ---- writing values in the style of the samples ----

function scalarText(v: unknown): string {
  return stringify(v, { lineWidth: 0 }).trimEnd();
}

function isScalarValue(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

/** A short collection of scalars on one line, as the samples write them: `{ hours: 48 }`, `[felony]`. */
function flowText(v: unknown): string | undefined {
  if (Array.isArray(v) && v.every(isScalarValue)) {
    const t = `[${v.map(scalarText).join(', ')}]`;
    return t.length <= 60 ? t : undefined;
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    if (entries.every(([, x]) => isScalarValue(x) || (Array.isArray(x) && x.every(isScalarValue)))) {
      const t = `{ ${entries.map(([k, x]) => `${k}: ${isScalarValue(x) ? scalarText(x) : flowText(x)}`).join(', ')} }`;
      return t.length <= 60 && !t.includes('undefined') ? t : undefined;
    }
  }
  return undefined;
}

/** `key: value` lines at an indentation. */
function pairLines(key: string, v: unknown, indent: string): string[] {
  if (isScalarValue(v)) return [`${indent}${key}: ${scalarText(v)}`];
  const flow = flowText(v);
  if (flow) return [`${indent}${key}: ${flow}`];
  return [`${indent}${key}:`, ...blockLines(v, `${indent}  `)];
}

/** A collection in block style at an indentation. */
function blockLines(v: unknown, indent: string): string[] {
  if (Array.isArray(v)) return v.flatMap((item) => itemLines(item, indent));
  return Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .flatMap(([k, x]) => pairLines(k, x, indent));
}

/** `- item` lines at an indentation (the dash at the indentation). */
function itemLines(v: unknown, indent: string): string[] {
  if (isScalarValue(v)) return [`${indent}- ${scalarText(v)}`];
  const inner = Array.isArray(v) ? itemLines(v, '') : blockLines(v, '');
  if (Array.isArray(v) && flowText(v)) return [`${indent}- ${flowText(v)}`];
  return inner.map((line, i) => (i === 0 ? `${indent}- ${line}` : `${indent}  ${line}`));
}

// ---- locating entries ----

interface Located {
  doc: Document;
  counter: LineCounter;
}

function parse(text: string): Located {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false });
  if (doc.errors.length) throw new FixError('the document has syntax errors; fix them first');
  if (!isMap(doc.contents)) throw new FixError('the document is not a set of keys');
  return { doc, counter };
}

function nodeAt(doc: Document, path: readonly PathSegment[]): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
}

/** The end of a node's text, before any blank lines or comment lines that follow it. */
function entryEnd(text: string, node: Node | null | undefined, fallback: number): number {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  let end = r ? r[1] : fallback;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return lineEnd(text, Math.max(end - 1, 0));
}

function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Replaces a whole block entry (a map pair or a list item) with new lines; '' removes it. */
function replaceEntry(text: string, start: number, end: number, lines: string[]): string {
  return text.slice(0, start) + lines.map((l) => `${l}\n`).join('') + text.slice(end);
}

function setValue(value: unknown, path: readonly PathSegment[], next: (old: unknown) => unknown): unknown {
  if (path.length === 0) return next(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setValue(copy[head as number], rest, next);
    return copy;
  }
  const obj = { ...((value ?? {}) as Record<string, unknown>) };
  obj[head as string] = setValue(obj[head as string], rest, next);
  return obj;
}

/** The new plain value of a document after one edit. */
function editedValue(root: unknown, e: Exclude<DocumentEdit, { op: 'comment' }>): unknown {
  const parentPath = e.path.slice(0, -1);
  const last = e.path[e.path.length - 1]!;
  if (e.op === 'set') return setValue(root, e.path, () => e.value);
  if (e.op === 'remove') {
    return setValue(root, parentPath, (p) => {
      if (Array.isArray(p)) return p.filter((_, i) => i !== last);
      const { [last as string]: _gone, ...rest } = (p ?? {}) as Record<string, unknown>;
      return rest;
    });
  }
  return setValue(root, parentPath, (p) => {
    const list = Array.isArray(p) ? [...p] : [];
    list.splice(Math.min(last as number, list.length), 0, e.value);
    return list;
  });
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v = root;
  for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

function isBlock(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && node.flow !== true;
}

/** The lines of an item of a block list: from its dash to its end. */
function itemRegion(text: string, item: Node): { start: number; end: number; indent: string } {
  const dash = text.lastIndexOf('-', item.range![0]);
  return {
    start: lineStart(text, item.range![0]),
    end: entryEnd(text, item, item.range![1]),
    indent: ' '.repeat(dash - lineStart(text, dash)),
  };
}

/** Writes the entry `key` of a block collection with a new value (undefined removes it; a new key is added last). */
function rewriteEntry(text: string, container: unknown, key: PathSegment, value: unknown): string {
  if (isSeq(container)) {
    const item = container.items[key as number] as Node | undefined;
    if (!item?.range) throw new FixError(`no item ${String(key)} to change`);
    const r = itemRegion(text, item);
    return replaceEntry(text, r.start, r.end, value === undefined ? [] : itemLines(value, r.indent));
  }
  if (!isMap(container)) throw new FixError('the entry to change is not in a set of keys or a list');
  const pair = container.items.find((x) => isScalar(x.key) && String(x.key.value) === String(key));
  if (pair && isPair(pair) && isScalar(pair.key) && pair.key.range) {
    const keyStart = pair.key.range[0];
    const start = lineStart(text, keyStart);
    const lead = text.slice(start, keyStart);
    const indent = indentOf(text, keyStart);
    const lines = value === undefined ? [] : pairLines(String(key), value, ' '.repeat(lead.length));
    // A pair that opens a list item ("- id: x") keeps its dash.
    if (lead.trimStart().startsWith('-') && lines.length) lines[0] = lead + lines[0]!.slice(lead.length);
    else if (lines.length) for (let i = 0; i < lines.length; i++) lines[i] = indent + lines[i]!.slice(lead.length);
    return replaceEntry(text, start, entryEnd(text, pair.value as Node, pair.key.range[1]), lines);
  }
  if (value === undefined) return text;
  const lastPair = container.items[container.items.length - 1];
  if (!lastPair || !isScalar(lastPair.key) || !lastPair.key.range) throw new FixError(`cannot add ${String(key)} to an empty set of keys`);
  const keyStart = lastPair.key.range[0];
  const lead = text.slice(lineStart(text, keyStart), keyStart);
  const indent = lead.trimStart().startsWith('-') ? ' '.repeat(lead.length) : indentOf(text, keyStart);
  const at = entryEnd(text, lastPair.value as Node, lastPair.key.range[1]);
  return replaceEntry(text, at, at, pairLines(String(key), value, indent));
}

/**
 * Applies one edit by rewriting only the entries it changes: a pair of a block map or an item of a
 * block list; a collection written inline is rewritten whole, from the nearest entry that is not.
 */
function applyEdit(text: string, e: Exclude<DocumentEdit, { op: 'comment' }>): string {
  const { doc } = parse(text);
  const after = editedValue(doc.toJS() as unknown, e);
  const parentPath = e.path.slice(0, -1);
  const parent = nodeAt(doc, parentPath);
  const last = e.path[e.path.length - 1]!;
  if (e.op === 'set' && isBlock(parent) && isMap(parent)) return rewriteEntry(text, parent, last, e.value);
  if (e.op === 'remove' && isBlock(parent)) {
    if (isSeq(parent) && !parent.items[last as number]) throw new FixError(`nothing at ${e.path.join('.')} to remove`);
    if (isMap(parent) && !parent.has(last)) throw new FixError(`nothing at ${e.path.join('.')} to remove`);
    return rewriteEntry(text, parent, last, undefined);
  }
  if (e.op === 'insert' && isBlock(parent) && isSeq(parent) && parent.items.length > 0) {
    const index = last as number;
    const items = parent.items as Node[];
    const anchor = itemRegion(text, items[Math.min(index, items.length - 1)]!);
    const at = index < items.length ? anchor.start : anchor.end;
    return replaceEntry(text, at, at, itemLines(e.value, anchor.indent));
  }
  // The changed collection is inline, empty or missing: rewrite the nearest entry of a block collection.
  let path = parentPath;
  while (path.length > 0 && !isBlock(nodeAt(doc, path.slice(0, -1)))) path = path.slice(0, -1);
  if (path.length === 0) return blockLines(after, '').join('\n') + '\n';
  return rewriteEntry(text, nodeAt(doc, path.slice(0, -1)), path[path.length - 1]!, valueAt(after, path));
}

/** Applies a quick fix to the document text; the rest of the text (comments, order, style) is kept. */
export function applyQuickFix(text: string, fix: QuickFix): string {
  let out = text.endsWith('\n') ? text : `${text}\n`;
  for (const e of fix.edits) if (e.op !== 'comment') out = applyEdit(out, e);
  const comments = fix.edits.filter((e): e is Extract<DocumentEdit, { op: 'comment' }> => e.op === 'comment');
  if (comments.length > 0) {
    const lines = out.split('\n');
    for (const c of [...comments].sort((a, b) => b.line - a.line)) {
      const at = Math.max(0, Math.min(c.line - 1, lines.length));
      const indent = /^(\s*)/.exec(lines[at] ?? '')?.[1] ?? '';
      lines.splice(at, 0, `${indent}# ${c.text}`);
    }
    out = lines.join('\n');
  }
  return text.endsWith('\n') ? out : out.replace(/\n$/, '');
}

/** The quick fix as one replacement of the original text, for an editor's code action. */
export function quickFixTextEdit(text: string, fix: QuickFix): TextEdit {
  const out = applyQuickFix(text, fix);
  let start = 0;
  while (start < text.length && start < out.length && text[start] === out[start]) start++;
  let end = 0;
  while (end < text.length - start && end < out.length - start && text[text.length - 1 - end] === out[out.length - 1 - end]) end++;
  // Whole lines read better in an editor's preview of the change.
  while (start > 0 && text[start - 1] !== '\n') start--;
  while (end > 0 && text[text.length - end - 1] !== '\n') end--;
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const a = pos(start);
  const b = pos(text.length - end);
  return { range: { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }, newText: out.slice(start, out.length - end) };
}
