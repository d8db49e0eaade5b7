// A small RFC 4180 CSV reader that keeps the file row of every record.

export interface CsvRecord {
  /** 1-based line in the file where the record starts (the header is row 1). */
  row: number;
  fields: string[];
}

export interface CsvError {
  row: number;
  message: string;
}

/**
 * Calls `onRecord` for each record, header included. Quoted fields may hold commas, doubled quotes
 * and line breaks. Returns an error for an unterminated quote instead of reading to the end silently.
 */
export function readCsv(text: string, onRecord: (rec: CsvRecord) => void): CsvError | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const row = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        let value = '';
        let start = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) return { row, message: 'a quoted field is not closed' };
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(start, q + 1);
            i = start = q + 2;
            continue;
          }
          value += text.slice(start, q);
          i = q + 1;
          break;
        }
        fields.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) onRecord({ row, fields });
  }
  return undefined;
}

/** Quotes a field when it needs it. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
