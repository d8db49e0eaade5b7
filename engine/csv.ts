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

/** Quotes a field when it needs it. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
