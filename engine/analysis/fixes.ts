// Quick fixes as data: edits of the YAML document by path (so comments and order survive), or a
// comment line inserted above a line. The editor shows the title; applying gives the new text.

import { isMap, isSeq, parseDocument } from 'yaml';
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

export class FixError extends Error {}

/** Applies a quick fix to the document text; the rest of the text (comments, order) is kept. */
export function applyQuickFix(text: string, fix: QuickFix): string {
  const docEdits = fix.edits.filter((e) => e.op !== 'comment');
  let out = text;
  if (docEdits.length > 0) {
    const doc = parseDocument(text, { keepSourceTokens: false });
    if (doc.errors.length) throw new FixError('the document has syntax errors; fix them first');
    for (const e of docEdits) {
      if (e.op === 'set') doc.setIn(e.path, doc.createNode(e.value));
      else if (e.op === 'remove') {
        if (!doc.hasIn(e.path)) throw new FixError(`nothing at ${e.path.join('.')} to remove`);
        doc.deleteIn(e.path);
      } else if (e.op === 'insert') {
        const listPath = e.path.slice(0, -1);
        const index = e.path[e.path.length - 1];
        if (typeof index !== 'number') throw new FixError('an insertion path must end with a list index');
        const list = doc.getIn(listPath, true);
        if (list === undefined) doc.setIn(listPath, doc.createNode([e.value]));
        else if (isSeq(list)) list.items.splice(Math.min(index, list.items.length), 0, doc.createNode(e.value));
        else throw new FixError(`${listPath.join('.')} is not a list`);
      }
    }
    if (!isMap(doc.contents)) throw new FixError('the document is not a set of keys');
    out = doc.toString({ lineWidth: 0 });
  }
  const comments = fix.edits.filter((e): e is Extract<DocumentEdit, { op: 'comment' }> => e.op === 'comment');
  if (comments.length > 0) {
    const lines = out.split('\n');
    for (const c of [...comments].sort((a, b) => b.line - a.line)) {
      const at = Math.max(0, Math.min(c.line - 1, lines.length));
      const target = lines[at] ?? '';
      const indent = /^(\s*)(- )?/.exec(target)?.[1] ?? '';
      lines.splice(at, 0, `${indent}# ${c.text}`);
    }
    out = lines.join('\n');
  }
  return out;
}
