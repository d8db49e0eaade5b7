// The import reads a workbook's rows from their cells as the sheet reader read them (a shared string's
// index, a number's digits) and keeps what each shared string says (a date, a flag, digits, a blank or
// a redaction) by its index; a row's values as text read through the general reading must say the same.
// Workbooks of rows made of the cells that decide those answers (numbers of every spelling, dates as
// serials and as text, flags, years, redactions, blanks and spaces, as shared strings, as numbers, as
// booleans and as text written in the cell) are read both ways: same cases, same problems.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseImporter, importWorkbookSync, type CaseSet } from '../../engine/index';
import type { IceDetainerReader } from '../../engine/import/ice-detainers';
import { readXlsxSync } from '../../engine/import/xlsx';
import { caseSetDigest as digest, ICE_COLUMNS, REDACTED, workbookOf } from './ice-records';

type Cell = { s: string } | { n: string } | { b: '0' | '1' } | { str: string };

const col = (name: (typeof ICE_COLUMNS)[number]) => ICE_COLUMNS.indexOf(name);
const s = (v: string): Cell => ({ s: v });
const n = (v: string): Cell => ({ n: v });

const spaces: Cell[] = [s(''), s(' '), s('\u00a0'), n(' '), { str: ' ' }];
const blankish: Cell[] = [...spaces, s(REDACTED), s(' (b)(6)'), s('(b) (6)'), s('(b)(x)'), s('\u00a0(b)(6)')];
const serials: Cell[] = [
  n('45536.65625'),
  n('45738.868055555555'),
  n('45000'),
  n('045000'),
  n('45000.'),
  n('.5'),
  n('60'),
  n('61'),
  n('2958465.99'),
  n('2958466'),
  n('-45000'),
  n('4.5e4'),
  n(' 45000 '),
  n('45536.6562500000000001'),
  // Half a minute past midnight, and a hair either side of it: minutes rounded from the exact value.
  n('45000.000347222222'),
  n('45000.00034722222222'),
  n('45000.000347222223'),
  n('45000.000347222221'),
  n('2957999.9996527777'),
  n('2957999.99965277777777'),
  n('99.99999999999999999'),
  // Its digits read as a decimal round to another minute than the value Number() reads.
  n('40000.0003472222233540'),
  n('123456789012345.5'),
  n('1234567890'),
  n('x'),
];
const textDates: Cell[] = [
  s('2024-07-04 10:00:00'),
  s(' 2024-06-15'),
  s('6/15/2024 7:05 PM'),
  s('45000'),
  s('2023-02-29'),
  { str: '2024-02-29' },
];
const flags: Cell[] = [
  s('YES'),
  s('NO'),
  s('yEs'),
  s('Y'),
  s('n'),
  s('true'),
  s('FALSE'),
  s('maybe'),
  s('NO '),
  n('1'),
  n('0'),
  n('2'),
  { b: '1' },
  { b: '0' },
  { str: 'YES' },
  ...blankish,
];
const pools: Array<[number, Cell[]]> = [
  [col('Detainer Prepare Date'), [...serials, ...textDates, n('45000'), n('45000'), s('')]],
  [col('Birth Date'), [...serials, ...textDates, ...blankish]],
  [col('MSC Conviction Date'), [...serials, ...textDates, ...blankish]],
  [
    col('Birth Year'),
    [
      n('1980'),
      n('0980'),
      n('1980.0'),
      n('1980.5'),
      n('198'),
      n('19800'),
      n('-1980'),
      s('1980'),
      s(' 1980'),
      s('1980 '),
      s('١٩٨٠'),
      ...blankish,
    ],
  ],
  [col('Detention Facility'), [s('LAKE HARBOR CITY JAIL'), s('LAKE HARBOR CITY JAIL '), s('Montréal "North"'), n('12'), ...blankish]],
  [col('Facility City'), [s('LAKE HARBOR'), s(' LAKE HARBOR'), s('Zürich'), ...blankish]],
  [col('Facility State'), [s('IL'), s(' IL'), s('TX'), ...blankish]],
  [
    col('Detainer Type'),
    [
      s('Immigration Detainer - Notice of Action (I-247A)'),
      s('Request for Voluntary Notification of Release (I-247N)'),
      s('other'),
      n('247'),
      ...blankish,
    ],
  ],
  [
    col('Detainer Prepared Criminality'),
    [s('1 Convicted Criminal'), s('2 Pending Criminal Charges'), s('3 Other Immigration Violator'), ...blankish],
  ],
  [col('Most Serious Conviction (MSC) Charge'), [s('TRAFFIC OFFENSE'), s(' TRAFFIC OFFENSE'), ...blankish]],
  [col('MSC Charge Code'), [s('5499'), s('301'), n('301'), n('1313.0'), n('5499'), s(' 0301'), ...blankish]],
  [
    col('MSC Sentence Days'),
    [n('21'), n('0'), n('400'), n('1.5'), n('1234567890'), n('-3'), n('1e2'), s('21'), s(' 7'), s('x'), ...blankish],
  ],
  [col('MSC Sentence Months'), [n('0'), n('13'), s('13'), ...blankish]],
  [col('MSC Sentence Years'), [n('0'), n('2'), s('2 '), ...blankish]],
  [col('Felon'), flags],
  [col('Prior Felony Yes No'), flags],
  [col('Criminal Street Gang Yes No'), flags],
  [col('Final Order Yes No'), flags],
  [col('Aggravated Felony Yes No'), flags],
  // Columns the import does not read, before, between and after those it reads: a row of spaces is
  // blank (left out) only when these are blank too.
  ...(['Facility AOR', 'Gender', 'Illegal Entry Yes No', 'Unique Identifier'] as const).map((name): [number, Cell[]] => [
    col(name),
    [s('X'), s(' X '), n('5'), n('5.5'), { str: 'x' }, { b: '0' }, ...spaces],
  ]),
];

function letters(column: number): string {
  let out = '';
  for (let k = column + 1; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** A workbook of the header and these rows, each cell (or none) in the column its pool is for. */
function workbook(rows: Array<Array<Cell | null>>): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (v: string) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = strings.push(v) - 1));
    return i;
  };
  const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const xml = (column: number, row: number, cell: Cell) => {
    const ref = `${letters(column)}${row}`;
    if ('s' in cell) return `<c r="${ref}" t="s"><v>${shared(cell.s)}</v></c>`;
    if ('n' in cell) return `<c r="${ref}" s="1"><v>${escape(cell.n)}</v></c>`;
    if ('b' in cell) return `<c r="${ref}" t="b"><v>${cell.b}</v></c>`;
    return `<c r="${ref}" t="str"><v>${escape(cell.str)}</v></c>`;
  };
  const header = `<row r="1">${ICE_COLUMNS.map((name, k) => xml(k, 1, s(name))).join('')}</row>`;
  const order = pools.map(([k], p) => [k, p] as const).sort((a, b) => a[0] - b[0]);
  const body = rows.map((cells, r) => {
    const xs = order.map(([k, p]) => (cells[p] ? xml(k, r + 2, cells[p]) : '')).join('');
    return `<row r="${r + 2}">${xs}</row>`;
  });
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}${body.join('')}</sheetData></worksheet>`;
  return workbookOf(sheet, strings);
}

/** The rows read through their values as text (SheetRow), as the import read them before it read cells. */
function importThroughText(bytes: Uint8Array): CaseSet {
  const importer = new CaseImporter({ format: 'xlsx' });
  let reader: IceDetainerReader | undefined;
  readXlsxSync(bytes.length, (o, k) => bytes.subarray(o, o + k), {
    onWorkbook: (info) => (reader = importer.workbookReader(info)),
    onRow: (r) => reader!.sheetRow(r),
  });
  return importer.finish();
}

const row = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(...pools.map(([, pool]) => fc.option(fc.constantFrom(...pool), { freq: 6 }))) },
  // A row of spaces (left out as blank), or with a redaction or a number among them (read, and refused).
  { weight: 1, arbitrary: fc.tuple(...pools.map(() => fc.option(fc.constantFrom(...spaces, ...spaces, ...spaces, s(REDACTED), n('0'))))) },
);

describe("a workbook's rows read from their cells", () => {
  it('give the cases and problems their values read as text give', () => {
    let read = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const bytes = workbook(rows);
        const expected = digest(importThroughText(bytes));
        const set = importWorkbookSync(bytes.length, (o, k) => bytes.subarray(o, o + k));
        read += set.table.length;
        rejected += set.rejected;
        expect(digest(set)).toBe(expected);
      }),
      { numRuns: 300, seed: 11 },
    );
    // Both good and bad rows were read.
    expect(read).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});
