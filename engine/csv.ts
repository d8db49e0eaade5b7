// Whole-text CSV reading and writing helpers over the streaming reader in engine/import/csv-scan.ts.

import { CsvByteScanner, type CsvScanError } from './import/csv-scan';

export interface CsvRecord {
  /** 1-based line in the file where the record starts (the header is row 1). */
  row: number;
  fields: string[];
}

export type CsvError = CsvScanError;

/**
 * Calls `onRecord` for each record, header included. Quoted fields may hold commas, doubled quotes
 * and line breaks. Returns an error for an unterminated quote instead of reading to the end silently.
 */
export function readCsv(text: string, onRecord: (rec: CsvRecord) => void): CsvError | undefined {
  const scanner = new CsvByteScanner();
  scanner.pushText(text);
  while (scanner.next(true)) onRecord({ row: scanner.row, fields: scanner.fields() });
  return scanner.error;
}

// Excel and LibreOffice Calc run a cell that starts with = + - or @ (or a tab or carriage return
// before one) as a formula: a provision named '=HYPERLINK("http://x","y")' or a case id "@SUM(1)" would
// be a live link or a computation in the council's spreadsheet. Such a cell is written with an
// apostrophe first, which spreadsheets show as text; a cell that starts with apostrophes before one of
// those characters gets one more, so a reader takes exactly one away (`unguardedCell`). Plain numbers
// ("-5", "+1.5e3") are left as they are: a spreadsheet reads them as the numbers they are.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** True for a cell a spreadsheet would run as a formula if written as it is (apostrophes before one included). */
export function formulaLike(value: string): boolean {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value);
}

/** Quotes a field when it needs it, and puts an apostrophe before a cell a spreadsheet would run as a formula. */
export function csvField(value: string): string {
  const v = formulaLike(value) ? `'${value}` : value;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A cell as it was before `csvField` guarded it: one leading apostrophe fewer before = + - @, a tab or a return. */
export function unguardedCell(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && GUARDED.test(cell) ? cell.slice(1) : cell;
}
