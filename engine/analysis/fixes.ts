// Quick fixes as data: document edits (engine/document-edit.ts, the same vocabulary the form and
// silencing use) with a title. Applying one rewrites only the lines whose meaning changes, so the
// author's comments, order and formatting elsewhere stay as they were; the editor gets the change as
// one text edit.

import { applyEdits, type DocumentEdit, type TextEdit } from '../document-edit';

export type { DocumentEdit, TextEdit };

export interface QuickFix {
  /** What the fix does, as a command: "Limit the hold to 48 hours excluding weekends and holidays". */
  title: string;
  edits: DocumentEdit[];
}

export class FixError extends Error {}

/** Applies a quick fix to the document text; the rest of the text (comments, order, style) is kept. */
export function applyQuickFix(text: string, fix: QuickFix): string {
  const result = applyEdits(text, fix.edits);
  if (!result.ok) throw new FixError(result.error);
  return result.text;
}

/** The quick fix as one replacement of the original text (whole lines), for an editor's code action. */
export function quickFixTextEdit(text: string, fix: QuickFix): TextEdit {
  const source = text.replace(/\r\n/g, '\n');
  const out = applyQuickFix(source, fix);
  let start = 0;
  while (start < source.length && start < out.length && source[start] === out[start]) start++;
  let end = 0;
  while (end < source.length - start && end < out.length - start && source[source.length - 1 - end] === out[out.length - 1 - end]) end++;
  // Whole lines read better in an editor's preview of the change.
  while (start > 0 && source[start - 1] !== '\n') start--;
  while (end > 0 && source[source.length - end - 1] !== '\n') end--;
  const pos = (offset: number) => {
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const a = pos(start);
  const b = pos(source.length - end);
  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, text: out.slice(start, out.length - end) };
}
