// The rows of a sheet indexed beside its decoder (indexSheetRows, in the inflating thread or here) read
// as the sheet reader reads them from their XML: an ICE workbook whose cells are spelled in every way
// (shared strings, inline strings, formula strings, blank and self-closing cells, redactions, bad rows,
// rows that are not indexed), imported with its pieces indexed, some indexed, and none, in pieces of
// many sizes, gives the same cases and problems as the plain reading.

import { describe, expect, it } from 'vitest';
import { ImportCancelled, importWorkbookSync, indexSheetRows, type ImportProgress, type RawInflaterFactory } from '../../engine/index';
import { seededRandom } from '../../engine/generate';
import { readXlsxSync, type SheetRow } from '../../engine/import/xlsx';
import { nodeInflater, threadedInflaterFrom } from '../../host/inflate.node';
import {
  caseSetDigest,
  excelSerial,
  forEachIceRecord,
  iceWorkbook,
  ICE_COLUMNS,
  ICE_DATETIME_COLUMNS,
  letters,
  REDACTED,
  TITLE_ROWS,
  workbookOf,
} from './ice-records';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * ICE's records as a workbook whose cells take every spelling, with bad values in some rows (a date
 * that is not one, a missing prepare date, a birth year and a sentence that are not numbers).
 */
function oddWorkbook(count: number, seed: number): Uint8Array {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const strings: string[] = ['', '  '];
  const ids = new Map<string, number>();
  const sid = (s: string) => {
    let k = ids.get(s);
    if (k === undefined) {
      ids.set(s, (k = strings.length));
      strings.push(s);
    }
    return k;
  };
  /** Whether the row being written spells its cells in other ways than the writers' own (then it is not indexed). */
  let odd = false;
  const text = (ref: string, s: string) =>
    odd && rnd() < 0.3
      ? pick([
          `<c r="${ref}" t="inlineStr"><is><t>${escape(s)}</t></is></c>`,
          `<c r="${ref}" t="str"><v>${escape(s)}</v></c>`,
          `<c t="s" r="${ref}"><v>${sid(s)}</v></c>`,
        ])
      : pick([`<c r="${ref}" t="s"><v>${sid(s)}</v></c>`, `<c r="${ref}" s="3" t="s"><v>${sid(s)}</v></c>`]);
  // An empty shared string, or one past the table, is a blank cell.
  const blank = (ref: string) =>
    odd && rnd() < 0.3
      ? pick([`<c r="${ref}"/>`, `<c r="${ref}" s="1"/>`])
      : pick(['', '', '', `<c r="${ref}" t="s"><v>0</v></c>`, `<c r="${ref}" t="s"><v>99999</v></c>`, `<c r="${ref}"><v></v></c>`]);
  let row = 0;
  const rows: string[] = [];
  for (const title of TITLE_ROWS) {
    row++;
    rows.push(`<row r="${row}">${text(`A${row}`, title)}</row>`);
  }
  row++;
  rows.push(`<row r="${row}">${ICE_COLUMNS.map((c, k) => text(`${letters(k)}${row}`, c)).join('')}</row>`);
  forEachIceRecord({ count, seed }, (r, i) => {
    row++;
    if (i % 41 === 5) rows.push(pick([`<row r="${row++}"/>`, `<row r="${row++}"></row>`, `<row r="${row++}"><c r="B${row - 1}"/></row>`]));
    odd = rnd() < 0.3;
    const bad = i % 9 === 4 ? pick(['date', 'missing', 'year', 'sentence']) : '';
    const cells: string[] = [];
    for (let k = 0; k < ICE_COLUMNS.length; k++) {
      const column = ICE_COLUMNS[k]!;
      let cell = r[column];
      if (bad === 'date' && column === 'Detainer Prepare Date') cell = 'the 3rd of May';
      if (bad === 'missing' && column === 'Detainer Prepare Date') cell = null;
      if (bad === 'year' && column === 'Birth Year') cell = '19x0';
      if (bad === 'sentence' && column === 'MSC Sentence Days') cell = 'ten';
      const ref = `${letters(k)}${row}`;
      if (cell === null) cells.push(blank(ref));
      else if (typeof cell === 'string') cells.push(cell === REDACTED && rnd() < 0.5 ? text(ref, ` ${cell} `) : text(ref, cell));
      else if (typeof cell === 'number')
        cells.push(
          odd && rnd() < 0.3
            ? `<c r="${ref}" t="n"><v>${cell}</v></c>`
            : pick([`<c r="${ref}"><v>${cell}</v></c>`, text(ref, String(cell))]),
        );
      else {
        const dt = ICE_DATETIME_COLUMNS.has(column);
        cells.push(`<c r="${ref}" s="${dt ? 2 : 1}"><v>${excelSerial(cell.day, dt ? cell.minutes : 0)}</v></c>`);
      }
    }
    // Most rows as writers write them; some laid out with white space, some with other attributes or none.
    const tag = odd ? pick([` spans="1:65" r="${row}"`, ` r="0${row}"`, ` r="${row}"`]) : pick([` r="${row}"`, ` r="${row}" spans="1:65"`]);
    rows.push(`<row${tag}>${cells.join(odd && rnd() < 0.3 ? '\n  ' : '')}</row>`);
  });
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return workbookOf(xml, strings);
}

/**
 * Node's inflater with its pieces cut to `pieceBytes` and a sheet's pieces indexed here, each as
 * `indexed` says: what the inflating thread hands over, in this thread.
 */
function indexingHere(pieceBytes: number, indexed: (piece: number) => boolean): RawInflaterFactory {
  return (compressedSize, part) => {
    const inner = nodeInflater(compressedSize);
    let n = 0;
    return {
      push(compressed, final, out) {
        inner.push(compressed, final, (bytes) => {
          for (let at = 0; at < bytes.length; at += pieceBytes) {
            const piece = bytes.slice(at, at + pieceBytes);
            if (part?.sheetRows && indexed(n++)) out(piece, indexSheetRows(piece, piece.length, new Int32Array(8)));
            else out(piece);
          }
        });
      },
      close: () => inner.close?.(),
    };
  };
}

describe('rows indexed beside the decoder', () => {
  const bytes = oddWorkbook(700, 3);
  const read = (offset: number, length: number) => bytes.subarray(offset, offset + length);
  const plain = importWorkbookSync(bytes.length, read, { inflater: nodeInflater });

  it('the workbook has what the test is about: bad rows reported by their row number, redactions, blanks', () => {
    expect(plain.table.length).toBeGreaterThan(500);
    expect(plain.problems.length).toBeGreaterThan(50);
    for (const p of plain.problems) expect(p.row, p.message).toBeGreaterThan(TITLE_ROWS.length + 1);
    expect(plain.problems.some((p) => /not a date/.test(p.message))).toBe(true);
    expect(plain.problems.some((p) => /not a year/.test(p.message))).toBe(true);
    expect(plain.problems.some((p) => /not a number/.test(p.message))).toBe(true);
    expect(plain.problems.some((p) => /missing/.test(p.message))).toBe(true);
  });

  it('give the same cases and problems as the rows read from their XML, pieces cut anywhere', () => {
    const expected = caseSetDigest(plain);
    for (const pieceBytes of [97, 1000, 4096, 65_536, 1 << 20])
      for (const [name, indexed] of [
        ['every piece', () => true],
        ['every other piece', (n: number) => n % 2 === 0],
        ['one piece in three', (n: number) => n % 3 === 1],
      ] as const) {
        const set = importWorkbookSync(bytes.length, read, { inflater: indexingHere(pieceBytes, indexed) });
        expect(caseSetDigest(set), `${name}, pieces of ${pieceBytes} bytes`).toBe(expected);
      }
  });

  it('in the inflating thread, indexing always, never, or as the reader falls behind', () => {
    const expected = caseSetDigest(plain);
    for (const indexing of ['always', 'never', 'auto'] as const) {
      const set = importWorkbookSync(bytes.length, read, { inflater: threadedInflaterFrom(0, indexing) });
      expect(caseSetDigest(set), indexing).toBe(expected);
    }
  });

  it('the inflating thread hands over the index it makes of a sheet', () => {
    let indexedRows = 0;
    let rows = 0;
    const sheetRows: SheetRow[] = [];
    readXlsxSync(bytes.length, read, {
      inflater: nodeInflater,
      onRow: (r) => void sheetRows.push({ ...r, values: r.values.slice(0, r.width), kinds: r.kinds.slice(0, r.width) }),
    });
    const threaded = threadedInflaterFrom(0, 'always');
    const counting: RawInflaterFactory = (size, part) => {
      const inner = threaded(size, part);
      return {
        push: (compressed, final, out) =>
          inner.push(compressed, final, (b, index) => {
            if (index) for (let e = 1; e < index[0]!; e = index[e + 3]!) indexedRows++;
            out(b, index);
          }),
        close: () => inner.close?.(),
      };
    };
    readXlsxSync(bytes.length, read, {
      inflater: counting,
      onRow: (r) => {
        expect({ ...r, values: r.values.slice(0, r.width), kinds: r.kinds.slice(0, r.width) }).toEqual(sheetRows[rows]);
        rows++;
      },
    });
    expect(rows).toBe(sheetRows.length);
    // Most rows are spelled as writers spell them; the rest are read from their XML.
    expect(indexedRows).toBeGreaterThan(rows / 3);
    expect(indexedRows).toBeLessThan(rows);
  });
});

describe('a sheet not well formed', () => {
  it('is read from its XML alike, indexed or not: a row whose "</row>" is missing takes in the cells up to the next one', () => {
    const strings = ['a', 'b', 'c'];
    const row = (r: number, cells: string) => `<row r="${r}">${cells}`;
    const xml = `<worksheet><sheetData>${[
      row(1, '<c r="A1" t="s"><v>0</v></c></row>'),
      row(2, '<c r="A2" t="s"><v>1</v></c>'),
      row(3, '<c r="B3" t="s"><v>2</v></c><c r="C3"><v>7</v></c></row>'),
      row(4, '<c r="A4"><v>4</v></c></row>'),
    ].join('')}</sheetData></worksheet>`;
    const bytes = workbookOf(xml, strings);
    const read = (offset: number, length: number) => bytes.subarray(offset, offset + length);
    const rowsOf = (inflater: RawInflaterFactory) => {
      const rows: Array<{ row: number; values: string[] }> = [];
      readXlsxSync(bytes.length, read, { inflater, onRow: (r) => void rows.push({ row: r.row, values: r.values.slice(0, r.width) }) });
      return rows;
    };
    const plain = rowsOf(nodeInflater);
    expect(plain).toEqual([
      { row: 1, values: ['a'] },
      { row: 2, values: ['b', 'c', '7'] },
      { row: 4, values: ['4'] },
    ]);
    for (const pieceBytes of [7, 50, 1 << 20])
      expect(rowsOf(indexingHere(pieceBytes, () => true)), `pieces of ${pieceBytes}`).toEqual(plain);
  });
});

describe('progress and cancel with the rows indexed in the inflating thread', () => {
  it('reports progress as the sheet is read, and a cancelled import throws ImportCancelled', () => {
    // Some 3 MB of compressed sheet: several pieces of compressed bytes read, each reported.
    const bytes = iceWorkbook({ count: 16_000, seed: 5 });
    const read = (offset: number, length: number) => bytes.subarray(offset, offset + length);
    const seen: ImportProgress[] = [];
    const whole = importWorkbookSync(bytes.length, read, {
      inflater: threadedInflaterFrom(0, 'always'),
      onProgress: (p) => void seen.push(p),
    });
    expect(whole.table.length).toBe(16_000);
    expect(seen.length).toBeGreaterThan(2);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!.read).toBeGreaterThanOrEqual(seen[k - 1]!.read);
    expect(seen.at(-1)!.cases).toBe(16_000);
    const controller = new AbortController();
    let calls = 0;
    expect(() =>
      importWorkbookSync(bytes.length, read, {
        inflater: threadedInflaterFrom(0, 'always'),
        signal: controller.signal,
        onProgress: () => {
          if (++calls === 2) controller.abort();
        },
      }),
    ).toThrow(ImportCancelled);
  });
});
