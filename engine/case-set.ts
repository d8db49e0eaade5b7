// Reading a case set from JSON, YAML or CSV text: every bad record reported with its place, the good
// ones kept. The work is done by the streaming importer (engine/import/); this is its whole-text face.

import type { CaseProblem } from './cases';
import { planColumns, caseFromRow, columnProblemText, type ColumnPlan } from './import/columns';
import { CaseImporter, importWorkbookSync, type CaseFormat, type CaseSet, type ImportOptions } from './import/importer';

export type { CaseFormat, CaseSet } from './import/importer';
export { CSV_CASE_COLUMNS, CSV_GROUP_COLUMNS, CSV_REQUIRED_COLUMNS } from './import/columns';

export function caseFormatOf(fileName: string): CaseFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

/** Reads a case set from its whole text; `format` defaults to a guess from the content. */
export function readCaseSet(text: string, format?: CaseFormat, options: Omit<ImportOptions, 'format'> = {}): CaseSet {
  const importer = new CaseImporter({ size: text.length, ...options, format });
  if (!options.onProgress) importer.push(text);
  else {
    // In slices, so progress is reported as they are read (never between the halves of a surrogate pair).
    const SLICE = 4 << 20;
    for (let at = 0; at < text.length;) {
      let end = Math.min(at + SLICE, text.length);
      if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end++;
      importer.push(text.slice(at, end));
      at = end;
    }
  }
  return importer.finish();
}

/** A case file as a face holds it: its text, or a workbook's bytes (ICE's released detainer records). */
export type CaseFileContent = { text: string; format?: CaseFormat } | { bytes: Uint8Array };

/** Reads a case file held whole: text through the streaming importer, a workbook from its bytes. */
export function readCaseContent(content: CaseFileContent, options: Omit<ImportOptions, 'format'> = {}): CaseSet {
  if ('bytes' in content) {
    const b = content.bytes;
    return importWorkbookSync(b.length, (offset, length) => b.subarray(offset, offset + length), options);
  }
  return readCaseSet(content.text, content.format, options);
}

/** Plans how each header column fills a case; unknown columns are reported, not ignored. */
export function planCsvColumns(header: readonly string[]): { plan: ColumnPlan | undefined; problems: string[] } {
  const { plan, problems } = planColumns(header);
  return { plan, problems: problems.map((p) => columnProblemText(p)) };
}

/** Builds a booking case (contract form) from one CSV record. */
export function caseFromCsv(plan: ColumnPlan, fields: readonly string[]): Record<string, unknown> {
  return caseFromRow(plan, fields).value;
}

/** "file.csv: row 12 (B-0011): error: conviction1.convictedOn: message", or with line:column for JSON and YAML. */
export function formatCaseProblem(file: string, p: CaseProblem): string {
  const where =
    p.row !== undefined
      ? `${file}: row ${p.row}`
      : p.line !== undefined
        ? `${file}:${p.line}:${p.column ?? 1}`
        : `${file}: case ${p.index + 1}`;
  const who = p.id ? ` (${p.id})` : p.index >= 0 && p.row === undefined && p.line !== undefined ? ` (case ${p.index + 1})` : '';
  const field = p.field ? `${p.field}: ` : '';
  return `${where}${who}: error: ${field}${p.message}`;
}
