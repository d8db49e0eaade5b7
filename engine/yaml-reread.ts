// Reading a document again after a small edit without reading it all: the editor checks the whole
// document on every keystroke, and most keystrokes fall inside one plain scalar on one line (a word
// of a heading, an outcome, a number) or inside a comment. Such an edit changes one value (or none)
// and moves the offsets after it; everything else the block reader found stays true. Any other edit,
// and any edit this module cannot prove is one of those, is read from nothing by the caller.

import { NodeKind, plainValue, propertyName, setProperty, NOT_PLAIN_START, type BlockNode } from './yaml-block';

/** One edit, in the offsets of the text before it: [at, end) was replaced, the text grew by delta. */
export interface Shift {
  at: number;
  end: number;
  delta: number;
}

/**
 * A document the block reader read without problems, and the edits made to it since: the tree keeps
 * the offsets of the text it was read from; `shifts` carry them into the text of now.
 */
export interface KeptBlock {
  text: string;
  root: BlockNode;
  value: unknown;
  shifts: readonly Shift[];
}

/** Characters compared at once when finding where two texts differ. */
const BLOCK = 256;

/** Past this many edits the document is read from nothing (each located node passes every shift). */
const MOST_SHIFTS = 48;

/** Where a node that started at `o` starts now: edits starting before it move it (text typed at its start is its own). */
export function shiftedStart(o: number, shifts: readonly Shift[]): number {
  for (let i = 0; i < shifts.length; i++) {
    const s = shifts[i]!;
    if (o > s.at) o += s.delta;
  }
  return o;
}

/** Where a node that ended at `o` ends now: edits before its end (an edit ending at it included) move it. */
export function shiftedEnd(o: number, shifts: readonly Shift[]): number {
  for (let i = 0; i < shifts.length; i++) {
    const s = shifts[i]!;
    if (o >= s.end) o += s.delta;
  }
  return o;
}

/**
 * Characters an edited stretch may not hold: line breaks, tabs and every character the block reader
 * or the binary check would stop at. The edit is then read from nothing, which says what is wrong.
 */
// eslint-disable-next-line no-control-regex -- these characters are the point
const NOT_IN_EDIT = /[\x00-\x1f\x7f-\x9f\ufffd\ufffe\uffff]/;

/**
 * The document after `text` replaced the kept one's text, when the edit lies inside one single-line
 * plain scalar value in a block collection (the new value read as the block reader reads it, and the
 * values above it copied; the rest shared) or inside a comment (the same value); otherwise undefined.
 */
export function rereadAfterEdit(kept: KeptBlock, text: string): KeptBlock | undefined {
  const old = kept.text;
  if (kept.shifts.length >= MOST_SHIFTS || text === old) return text === old ? kept : undefined;
  // The changed stretch: [p, oldEnd) of the old text became [p, newEnd) of the new.
  const most = Math.min(old.length, text.length);
  // Compared a block at a time (a slice compares as fast as memory), then a character at a time.
  let p = 0;
  while (p + BLOCK <= most && old.slice(p, p + BLOCK) === text.slice(p, p + BLOCK)) p += BLOCK;
  while (p < most && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let tail = 0;
  const sameEnd = (n: number) => old.slice(old.length - n, old.length - tail) === text.slice(text.length - n, text.length - tail);
  while (tail + BLOCK <= most - p && sameEnd(tail + BLOCK)) tail += BLOCK;
  while (tail < most - p && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  const oldEnd = old.length - tail;
  const newEnd = text.length - tail;
  const removed = old.slice(p, oldEnd);
  const added = text.slice(p, newEnd);
  if (NOT_IN_EDIT.test(removed) || NOT_IN_EDIT.test(added)) return undefined;
  const shift: Shift = { at: p, end: oldEnd, delta: newEnd - oldEnd };
  const shifts = [...kept.shifts, shift];

  // Down the tree to the node holding the stretch, with the way to it in the plain data.
  const { shifts: before } = kept;
  const way: Array<{ node: BlockNode; index: number }> = [];
  let node = kept.root;
  for (;;) {
    if (node.kind === NodeKind.Scalar || node.kind === NodeKind.Alias) break;
    const first = old.charCodeAt(shiftedStart(node.start, before));
    // A flow collection ("[a, b]", "{a: b}") reads its scalars by other rules.
    if (first === 91 || first === 123) return undefined;
    const items = node.items!;
    const keys = node.keys;
    let inside = -1;
    for (let i = 0; i < items.length; i++) {
      const k = keys?.[i];
      // An edit touching a key changes the document's shape.
      if (k && touches(k, p, oldEnd, before)) return undefined;
      const item = items[i]!;
      if (shiftedStart(item.start, before) <= p && oldEnd <= shiftedEnd(item.end, before)) {
        inside = i;
        break;
      }
      if (touches(item, p, oldEnd, before)) return undefined;
    }
    if (inside < 0) break;
    way.push({ node, index: inside });
    node = items[inside]!;
  }

  const start = shiftedStart(node.start, before);
  const end = shiftedEnd(node.end, before);
  if (node.kind === NodeKind.Scalar && way.length > 0 && start <= p && oldEnd <= end) {
    // Inside a scalar value: a plain one on one line, staying a plain one on one line.
    const was = old.slice(start, end);
    if (start === end || NOT_PLAIN_START.has(was.charCodeAt(0)) || was.includes('\n')) return undefined;
    const now = text.slice(start, end + shift.delta);
    if (!isPlainOnOneLine(now)) return undefined;
    const value = plainValue(now);
    const root = withValue(kept.value, way, value);
    return root === undefined ? undefined : { text, root: kept.root, value: root, shifts };
  }
  // Inside a comment: a '#' before the stretch on its line, in no node (so not in a quoted or block
  // scalar), starts or continues a comment that runs to the line's end.
  const lineStart = old.lastIndexOf('\n', p - 1) + 1;
  for (let c = p - 1; c >= lineStart; c--) {
    // Between a carriage return and its line feed is past the comment's end.
    if (old.charCodeAt(c) === 13) return undefined;
    if (old.charCodeAt(c) !== 35 || (c > lineStart && old.charCodeAt(c - 1) !== 32)) continue;
    if (inAnyNode(kept.root, c, before)) return undefined;
    return { text, root: kept.root, value: kept.value, shifts };
  }
  return undefined;
}

/** Whether the node's range (now) meets the stretch [p, end) of the old text. */
function touches(node: BlockNode, p: number, end: number, shifts: readonly Shift[]): boolean {
  const s = shiftedStart(node.start, shifts);
  const e = shiftedEnd(node.end, shifts);
  // Overlapping it, or next to it on either side (typing at a key's end changes the key).
  return (s < end && p < e) || e === p || s === end;
}

/** Whether offset c falls inside the range of any node of the tree (a key or a value). */
function inAnyNode(root: BlockNode, c: number, shifts: readonly Shift[]): boolean {
  let node = root;
  for (;;) {
    if (shiftedStart(node.start, shifts) > c || c >= shiftedEnd(node.end, shifts)) return false;
    if (node.kind === NodeKind.Scalar || node.kind === NodeKind.Alias) return true;
    let next: BlockNode | undefined;
    const items = node.items!;
    for (let i = 0; i < items.length && !next; i++) {
      const k = node.keys?.[i];
      if (k && shiftedStart(k.start, shifts) <= c && c < shiftedEnd(k.end, shifts)) return true;
      const item = items[i]!;
      if (shiftedStart(item.start, shifts) <= c && c < shiftedEnd(item.end, shifts)) next = item;
    }
    if (!next) return false;
    node = next;
  }
}

/**
 * A plain scalar the block reader reads as one line ending where it ends: not empty, no space at
 * either end, not starting with an indicator, no ": " or final ':' (a key), no " #" (a comment).
 */
function isPlainOnOneLine(s: string): boolean {
  if (s.length === 0 || NOT_PLAIN_START.has(s.charCodeAt(0))) return false;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32 || s.charCodeAt(s.length - 1) === 58) return false;
  return !s.includes(': ') && !s.includes(' #');
}

/** The plain data with the value at the end of `way` replaced: the collections on the way copied. */
function withValue(data: unknown, way: ReadonlyArray<{ node: BlockNode; index: number }>, value: unknown): unknown {
  const [step, ...rest] = way;
  if (!step) return value;
  const { node, index } = step;
  if (node.kind === NodeKind.Seq) {
    if (!Array.isArray(data)) return undefined;
    const copy = data.slice();
    const inner = withValue(copy[index], rest, value);
    if (inner === undefined && rest.length > 0) return undefined;
    copy[index] = inner;
    return Object.freeze(copy);
  }
  if (data === null || typeof data !== 'object') return undefined;
  const name = propertyName(node.keys![index]!.value);
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(data)) setProperty(copy, k, (data as Record<string, unknown>)[k]);
  const inner = withValue(copy[name], rest, value);
  if (inner === undefined && rest.length > 0) return undefined;
  setProperty(copy, name, inner);
  return Object.freeze(copy);
}
