// Parsing YAML (and JSON) text while keeping source positions, so every problem can be located.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, PathSegment } from './diagnostics';

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

export interface ParsedSource {
  text: string;
  /** The document as plain data, or undefined when it could not be read at all. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Where the node at a path starts and ends; for `key: true`, the key itself. */
  locate(path: readonly PathSegment[], key?: boolean): SourcePosition;
  /** The underlying YAML document, for edits that keep comments and order. */
  document: Document | undefined;
}

function makeLocator(text: string, lineCounter: LineCounter) {
  return (offset: number) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    const pos = lineCounter.linePos(clamped);
    return { line: pos.line, column: pos.col };
  };
}

function diagnosticAt(
  text: string,
  code: string,
  message: string,
  at: { line: number; column: number },
  end?: { line: number; column: number },
): Diagnostic {
  void text;
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
  const undecodable = text.indexOf('\uFFFD');
  const limit = undecodable < 0 ? text.length : undecodable;
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return { at: i, undecodable: false };
  }
  return undecodable < 0 ? undefined : { at: undecodable, undecodable: true };
}

function lineColOf(text: string, offset: number) {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/**
 * Parses YAML (JSON is YAML) keeping positions. Never throws: syntax errors, duplicate keys, alias
 * bombs, binary content and empty files become located diagnostics.
 */
export function parseSource(text: string, what = 'document'): ParsedSource {
  const lineCounter = new LineCounter();
  const at = makeLocator(text, lineCounter);
  const diagnostics: Diagnostic[] = [];
  const whole: SourcePosition = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const fail = (d: Diagnostic): ParsedSource => ({
    text,
    value: undefined,
    diagnostics: [d],
    locate: () => whole,
    document: undefined,
  });

  if (text.length > MAX_DOCUMENT_BYTES) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return fail(
      diagnosticAt(
        text,
        'file-too-large',
        `the file is ${mb} MB; ${article(what)} ${what} may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
        {
          line: 1,
          column: 1,
        },
      ),
    );
  }
  const bin = findBinary(text);
  if (bin) {
    return fail(
      bin.undecodable
        ? diagnosticAt(
            text,
            'not-utf8',
            `the file is not UTF-8 text here (bytes shown as \uFFFD); save the ${what} as UTF-8`,
            lineColOf(text, bin.at),
          )
        : diagnosticAt(
            text,
            'not-text',
            `this is not a text file (binary content at character ${bin.at}); ${article(what)} ${what} is YAML text`,
            lineColOf(text, bin.at),
          ),
    );
  }
  if (text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(text)) {
    return fail(
      diagnosticAt(text, 'empty-file', `the file is empty; ${article(what)} ${what} needs at least a title and sections`, {
        line: 1,
        column: 1,
      }),
    );
  }

  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  for (const err of doc.errors) {
    const start = at(err.pos[0]);
    const end = at(err.pos[1]);
    if (err.code === 'RESOURCE_EXHAUSTION') {
      diagnostics.push(diagnosticAt(text, 'too-deep', tooDeepMessage(what), start, end));
      break;
    }
    diagnostics.push(diagnosticAt(text, 'yaml-syntax', cleanYamlMessage(err.message), start, end));
  }
  if (doc.errors.length === 0) {
    const deep = findTooDeep(doc);
    if (deep) {
      diagnostics.push(diagnosticAt(text, 'too-deep', tooDeepMessage(what), at(deep[0]), at(deep[1])));
      return { text, value: undefined, diagnostics, locate: () => whole, document: doc };
    }
  }
  for (const warn of doc.warnings) {
    const start = at(warn.pos[0]);
    diagnostics.push({ ...diagnosticAt(text, 'yaml-warning', cleanYamlMessage(warn.message), start), severity: 'warning' });
  }

  const locate = (path: readonly PathSegment[], key = false): SourcePosition => {
    const range = rangeOf(doc, path, key);
    if (!range) return whole;
    const s = at(range[0]);
    const e = at(range[1]);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };

  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const pos = findAliasProblem(doc) ?? [0, 0];
      diagnostics.push(
        diagnosticAt(
          text,
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
  return { text, value, diagnostics, locate, document: doc };
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

/** The [start, end] offsets of the node at a path in the document, or of its key. */
export function rangeOf(doc: Document, path: readonly PathSegment[], key = false): [number, number] | undefined {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  let last: [number, number] | undefined = rangeOfNode(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
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

function rangeOfNode(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}
