// The sheet reader against a reading of the same XML written here for the test, whole and plain: many
// spellings of cells (the common one the reader takes in place, and the others it reads in general),
// in sheets stored without compression and read in pieces of every small size, so that each cell's
// tag, reference and value is cut at each of its bytes.

import { zipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsxSync } from '../../engine/import/xlsx';
import { seededRandom } from '../../engine/generate';
import { letters, workbookOf } from './ice-records';

const STRINGS = ['Detainer', 'Facility & Jail', 'Other', '', 'last'];

/** One cell in one of the spellings writers use or the format allows. */
function cell(rnd: () => number, column: number, row: number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // The reference: usually the row's own number, sometimes another (longer, shorter) or none at all.
  const digits = pick([String(row), String(row), String(row), String(row * 10 + 7), '1', '']);
  const ref = pick([` r="${letters(column)}${digits}"`, ` r="${letters(column)}${digits}"`, '']);
  const style = pick(['', '', ' s="3"', ' s="12"']);
  const type = pick(['', ' t="s"', ' t="s"', ' t="str"', ' t="n"']);
  const attributes = pick([`${ref}${style}${type}`, `${ref}${style}${type}`, `${type}${ref}`, `${ref}${type}${style}`]);
  if (rnd() < 0.1) return `<c${attributes}/>`;
  let value: string;
  if (type === ' t="s"') value = pick(['0', '1', '2', '4', '0000000001', '12345678901', '', 'x']);
  else if (type === ' t="str"') value = pick(['text', 'A &amp; B', '', '12']);
  else value = pick(['45353', '45353.65625', '-3', '0', '', '7e2']);
  const v = pick([`<v>${value}</v>`, `<v>${value}</v>`, `<v>${value}</v>`, value === '' ? '<v/>' : `<v >${value}</v>`]);
  return `<c${attributes}>${v}</c>`;
}

/** A sheet of rows whose numbers cross 9/10, 99/100 and 999/1000, some without a number. */
function sheet(seed: number): string {
  const rnd = seededRandom(seed);
  const rows: string[] = [];
  let row = 1;
  for (const start of [1, 8, 97, 998]) {
    row = Math.max(row, start);
    for (let k = 0; k < 4; k++, row++) {
      const numbered = rnd() < 0.85;
      const cells: string[] = [];
      let column = 0;
      for (let c = 0; c < 1 + Math.floor(rnd() * 6); c++) {
        column += 1 + Math.floor(rnd() * 3);
        cells.push(cell(rnd, column, row));
      }
      const tag = !numbered
        ? ' spans="1:9"'
        : rnd() < 0.7
          ? ` r="${row}" spans="1:9"`
          : rnd() < 0.5
            ? ` spans="1:9" r="${row}"`
            : ` r="${row}"`;
      rows.push(`<row${tag}>${cells.join('')}</row>`);
    }
  }
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The rows of a sheet read plainly, whole, with regular expressions: what the reader must give. */
function referenceRows(xml: string): Array<{ row: number; values: string[] }> {
  const out: Array<{ row: number; values: string[] }> = [];
  let next = 1;
  for (const r of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const number = /\br="(\d+)"/.exec(r[1]!);
    const row = number ? Number(number[1]) : next;
    next = row + 1;
    const values: string[] = [];
    let nextColumn = 0;
    for (const c of r[2]!.matchAll(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\br="([A-Z]*)/.exec(c[1]!);
      let column = nextColumn;
      if (ref && ref[1]) column = [...ref[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      nextColumn = column + 1;
      const type = /\bt="([a-z]*)"/.exec(c[1]!)?.[1] ?? 'n';
      const v = c[3] === undefined ? undefined : /<v\s*(?:\/>|>([^<]*)<\/v>)/.exec(c[3]);
      if (!v) continue;
      const text = v[1] ?? '';
      const value = type === 's' ? (STRINGS[Number(text)] ?? '') : text.replace(/&amp;/g, '&');
      if (value === '') continue;
      while (values.length < column) values.push('');
      values[column] = value;
    }
    out.push({ row, values });
  }
  return out;
}

describe('the sheet reader', () => {
  it('reads every spelling of a cell as a plain reading of the whole sheet does, cut anywhere', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const xml = sheet(seed);
      const expected = referenceRows(xml);
      // Stored without compression, so the pieces are exactly the bytes asked for.
      const bytes = zipSync(unzipSync(workbookOf(xml, STRINGS)), { level: 0 });
      for (const chunkBytes of [1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 64, 65, 100, 257, 1000, 4096, 1 << 20]) {
        const rows: Array<{ row: number; values: string[] }> = [];
        readXlsxSync(bytes.length, (o, n) => bytes.subarray(o, o + n), {
          chunkBytes,
          onRow: (r) => void rows.push({ row: r.row, values: r.values.slice(0, r.width) }),
        });
        expect(rows, `seed ${seed}, pieces of ${chunkBytes} bytes`).toEqual(expected);
      }
    }
  });

  it("hands over a row's cells with a shared string's index, a number's digits and its value as Number() reads it", () => {
    const numbers = ['0', '7', '123456789', '1234567890', '0000000001', '12345678901234567891', '45353.65625', '45738.868055555555'];
    const more = ['-3', '.5', '5.', '-0', '7e2', ' 12 ', '1.2.3', '-', '0.1', '9007199254740993', '123456789012345', '1234567890123456'];
    const values = [...numbers, ...more];
    const cellsOf = (r: number) =>
      values
        .map((v, k) => `<c r="${String.fromCharCode(65 + (k % 26))}${k >= 26 ? 'A' : ''}${r}" s="1"><v>${v}</v></c>`)
        .concat(STRINGS.map((_, k) => `<c r="Z${r}" t="s"><v>${k}</v></c>`))
        .join('');
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cellsOf(1)}</row><row r="2">${cellsOf(2)}</row></sheetData></worksheet>`;
    const bytes = zipSync(unzipSync(workbookOf(xml, STRINGS)), { level: 0 });
    for (const chunkBytes of [7, 100, 1 << 20]) {
      let rows = 0;
      readXlsxSync(bytes.length, (o, n) => bytes.subarray(o, o + n), {
        chunkBytes,
        onCells: (c) => {
          rows++;
          for (let k = 0; k < values.length; k++) {
            const text = c.text(k);
            expect(text).toBe(values[k]);
            expect(Object.is(c.number(k), Number(text)), `${text}: ${c.number(k)}`).toBe(true);
            expect(c.digits[k], text).toBe(/^\d{1,9}$/.test(text) ? Number(text) : -1);
            expect(c.shared[k]).toBe(-1);
          }
          // The last of the shared strings in column Z ('last', index 4).
          expect(c.shared[25]).toBe(STRINGS.length - 1);
          expect(c.text(25)).toBe('last');
          expect(c.number(25)).toBeNaN();
        },
      });
      expect(rows).toBe(2);
    }
  });
});
