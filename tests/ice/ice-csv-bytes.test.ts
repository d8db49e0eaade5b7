// The CSV reader of ICE's records answers some cells from their bytes (a date and its packed form, a
// redaction, a birth year, a facility...) where the workbook reader reads every cell's text. The same
// rows read both ways must give the same cases and problems: rows made of the cells that decide those
// answers (dates at the calendar's edges, redactions, blanks, spaces, quotes, non-ASCII text), as CSV
// bytes cut at every offset and as a sheet's rows.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseImporter } from '../../engine/index';
import type { SheetRow } from '../../engine/import/xlsx';
import { caseSetDigest as digest, ICE_COLUMNS, REDACTED } from './ice-records';

const col = (name: (typeof ICE_COLUMNS)[number]) => ICE_COLUMNS.indexOf(name);

const blankish = [
  '',
  ' ',
  REDACTED,
  ' (b)(6)',
  '(B)(7)(C)',
  '(b) (6)',
  '(b)(x)',
  '(b)\u00a0(6)',
  '(b)\u00a0x',
  '(b)\u2003(7)',
  '\u00a0(b)(6)',
  '(b)\t(6)',
  '(b)(6',
];
const dates = [
  '2024-02-29',
  '2023-02-29',
  '2024-12-31 23:59',
  '2025-01-01 00:00:00',
  '2000-02-29T12:30',
  '1900-03-01',
  '1899-12-31',
  '0001-01-01',
  '9999-12-31 23:59:59',
  '2024-1-01',
  '2024-01-01 24:00',
  '2024-06-15 7:05',
  '6/15/2024 7:05 PM',
  '45000',
  ' 2024-06-15',
  '2024-06-15 ',
  '２０２４-06-15',
];
const pools: Array<[number, string[]]> = [
  [col('Detainer Prepare Date'), [...dates, '2024-07-04 10:00:00', '2024-07-04 10:00:00', '']],
  [col('Birth Date'), [...dates, ...blankish]],
  [col('MSC Conviction Date'), [...dates, ...blankish]],
  [col('Birth Year'), ['1980', '0980', '2024', '1899', '1980.0', '1980.5', '198', '19800', '1,980', ' 1980', '1980 ', '١٩٨٠', ...blankish]],
  [
    col('Detention Facility'),
    ['LAKE HARBOR CITY JAIL', 'LAKE HARBOR CITY JAIL ', 'Montréal "North"', 'A, B', 'JAIL', 'JAIL\u00a0', ...blankish],
  ],
  [col('Detention Facility Code'), ['LKHBRCJ', 'X', '', REDACTED]],
  [col('Facility City'), ['LAKE HARBOR', 'Zürich', 'A,B', '', ' ', REDACTED]],
  [col('Facility State'), ['IL', 'TX', ' IL', '', REDACTED]],
  [
    col('Detainer Type'),
    [
      'Immigration Detainer - Notice of Action (I-247A)',
      'Request for Voluntary Notification of Release (I-247N)',
      'Request for Voluntary Transfer (I-247X)',
      'I-247 N',
      'something else',
      ...blankish,
    ],
  ],
  [
    col('Detainer Prepared Criminality'),
    ['1 Convicted Criminal', '2 Pending Criminal Charges', '3 Other Immigration Violator', 'Non-Criminal', 'other', ...blankish],
  ],
  [col('Most Serious Conviction (MSC) Charge'), ['TRAFFIC OFFENSE', 'DRIVING, UNDER INFLUENCE', '', REDACTED]],
  [col('MSC Charge Code'), ['5499', '301', '0301', '1313.0', '9999', '', REDACTED]],
  [col('MSC Sentence Days'), ['21', '0', '400', '1.5', 'x', ' 7', '', REDACTED]],
  [col('MSC Sentence Months'), ['0', '13', '', REDACTED]],
  [col('MSC Sentence Years'), ['0', '2', '', REDACTED]],
  [col('Felon'), ['YES', 'NO', 'yEs', 'nO', 'Y', 'n', 'true', 'FALSE', 'maybe', 'NN', 'ys', 'yes.', 'N0', 'NO ', '', REDACTED]],
  [col('Criminal Street Gang Yes No'), ['YES', 'NO', 'No', '', ' YES']],
];

/** A CSV field: quoted when it must be, or when `quote` says so. */
function field(value: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const row = fc.tuple(
  fc.tuple(...pools.map(([, pool]) => fc.constantFrom(...pool))),
  fc.array(fc.boolean(), { minLength: pools.length, maxLength: pools.length }),
);

describe("ICE's records as CSV read as a sheet's rows of the same text are read", () => {
  it('gives the same cases and problems, the CSV in pieces of every size', () => {
    let read = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const cells = rows.map(([values]) => {
          const out: string[] = ICE_COLUMNS.map(() => '');
          pools.forEach(([k], p) => (out[k] = values[p]!));
          return out;
        });
        const csv =
          [
            ICE_COLUMNS.join(','),
            ...cells.map((c, r) => c.map((v, k) => field(v, rows[r]![1][pools.findIndex(([pk]) => pk === k)] === true)).join(',')),
          ].join('\n') + '\n';

        const sheet = new CaseImporter({});
        const reader = sheet.workbookReader({ sheetName: 'Sheet1', date1904: false });
        const asRow = (values: string[], n: number): SheetRow => ({
          row: n,
          width: values.length,
          values,
          kinds: new Uint8Array(values.length),
        });
        reader.sheetRow(asRow([...ICE_COLUMNS], 1));
        cells.forEach((c, r) => reader.sheetRow(asRow(c, r + 2)));
        const set = sheet.finish();
        read += set.table.length;
        rejected += set.rejected;
        const expected = digest(set);

        const bytes = new TextEncoder().encode(csv);
        for (const size of [1, 2, 3, 5, 64, bytes.length]) {
          const importer = new CaseImporter({ source: 'ice-detainers' });
          for (let at = 0; at < bytes.length; at += size) importer.push(bytes.subarray(at, at + size));
          expect(digest(importer.finish())).toBe(expected);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
    // Both good and bad rows were read.
    expect(read).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});
