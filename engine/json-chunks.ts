// JSON text in pieces: the bytes `JSON.stringify(value, null, 2)` gives, written as they are made, so
// a result with a million decisions never exists as one string. A list may be given as `streamed(...)`
// (any iterable, its items made one at a time); large plain lists are written item by item too.

const STREAMED = Symbol('streamed list');

/** A list whose items are produced while writing (a generator), printed as a JSON array. */
export interface StreamedList<T> {
  readonly [STREAMED]: true;
  readonly items: Iterable<T>;
}

export function streamed<T>(items: Iterable<T>): StreamedList<T> {
  return { [STREAMED]: true, items };
}

function isStreamed(v: unknown): v is StreamedList<unknown> {
  return typeof v === 'object' && v !== null && (v as Partial<StreamedList<unknown>>)[STREAMED] === true;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Lists longer than this are written item by item. */
const LONG_LIST = 256;

function holdsStream(v: unknown, depth = 0): boolean {
  if (isStreamed(v)) return true;
  if (depth > 3) return false;
  if (Array.isArray(v)) return v.length > LONG_LIST;
  if (isPlainObject(v)) for (const k in v) if (holdsStream(v[k], depth + 1)) return true;
  return false;
}

/**
 * One value printed whole at an indentation: stringified inside as many nested lists as the
 * indentation is deep, so the engine's own printer indents it, and the lists' brackets cut off.
 */
function whole(value: unknown, indent: string): string | undefined {
  const depth = indent.length >> 1;
  if (depth === 0) return JSON.stringify(value, null, 2) as string | undefined;
  let wrapped: unknown = value;
  for (let k = 0; k < depth; k++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const head = wrapperHead(depth);
  // A value with no JSON form prints as null inside a list.
  const inner = text.slice(head.length, text.length - wrapperTail(depth).length);
  return inner === 'null' && value !== null ? (JSON.stringify(value) as string | undefined) : inner;
}

const heads: string[] = [''];
const tails: string[] = [''];

/** `[\n  [\n    ` for depth 2: what precedes a value nested in `depth` lists. */
function wrapperHead(depth: number): string {
  for (let k = heads.length; k <= depth; k++) heads[k] = `${heads[k - 1]}[\n${'  '.repeat(k)}`;
  return heads[depth]!;
}

function wrapperTail(depth: number): string {
  for (let k = tails.length; k <= depth; k++) tails[k] = `\n${'  '.repeat(k - 1)}]${tails[k - 1]}`;
  return tails[depth]!;
}

/**
 * Yields JSON text equal, joined, to `JSON.stringify(value, null, 2)` (with streamed lists printed as
 * arrays). Pieces are small; join them into larger writes.
 */
export function* jsonChunks(value: unknown, indent = ''): Generator<string, void, undefined> {
  if (!holdsStream(value)) {
    yield whole(value, indent) ?? 'null';
    return;
  }
  const inner = `${indent}  `;
  if (isStreamed(value) || Array.isArray(value)) {
    const items = isStreamed(value) ? value.items : value;
    let first = true;
    for (const item of items) {
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      // As JSON.stringify does: an item that has no JSON form is null.
      if (holdsStream(item)) yield* jsonChunks(item, inner);
      else yield whole(item, inner) ?? 'null';
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  const object = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(object)) {
    const v = object[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonChunks(v, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** Gathers small pieces into writes of about `size` characters. */
export function writeBatched(chunks: Iterable<string>, write: (text: string) => void, size = 1 << 16): void {
  let buffer = '';
  for (const c of chunks) {
    buffer += c;
    if (buffer.length >= size) {
      write(buffer);
      buffer = '';
    }
  }
  if (buffer) write(buffer);
}
