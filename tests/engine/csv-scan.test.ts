// The CSV byte scanner against a character-by-character reading of RFC 4180 written here: the same
// records, fields, row numbers, stray text after a closing quote and non-ASCII mark, for text made of
// the characters that decide a CSV's shape, fed in pieces of every size. The scanner reads four bytes
// at a time where it can, so the text puts separators, quotes and line ends at every offset.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvByteScanner } from '../../engine/import/csv-scan';

interface Rec {
  row: number;
  fields: string[];
  /** 1-based number of the first field with text after its closing quote; 0 when none. */
  stray: number;
  high: boolean;
}

/** RFC 4180 one character at a time, as the scanner documents it; undefined for an unclosed quote. */
function reference(text: string): Rec[] | undefined {
  const out: Rec[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const row = line;
    const fields: string[] = [];
    let stray = 0;
    let quotedAny = false;
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        quotedAny = true;
        i++;
        for (;;) {
          if (i >= n) return undefined;
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          value += c;
          i++;
        }
        let after = '';
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') after += text[i++];
        if (after && !stray) stray = fields.length + 1;
        value += after;
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      }
      fields.push(value);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') {
        i++;
        if (text[i] === '\n') i++;
      } else if (text[i] === '\n') i++;
      break;
    }
    line++;
    const blank = fields.length === 1 && fields[0] === '' && !quotedAny;
    if (!blank) out.push({ row, fields, stray, high: fields.some((f) => [...f].some((ch) => ch.charCodeAt(0) > 0x7f)) });
  }
  return out;
}

/** The scanner's records; `sparse`, as the case reader scans (the bounds of filled fields only). */
function scan(bytes: Uint8Array, sizes: number[], sparse = false): Rec[] | undefined {
  const sc = new CsvByteScanner(sparse);
  const out: Rec[] = [];
  const take = (final: boolean) => {
    while (sc.next(final)) out.push({ row: sc.row, fields: sc.fields(), stray: sc.strayAfterQuote, high: sc.high !== 0 });
  };
  let k = 0;
  for (let at = 0; at < bytes.length;) {
    const end = Math.min(bytes.length, at + sizes[k++ % sizes.length]!);
    sc.push(bytes.subarray(at, end));
    take(false);
    at = end;
  }
  take(true);
  return sc.error ? undefined : out;
}

// The characters that decide a CSV's shape, runs of them (four commas at once is a path of its own),
// ordinary letters and spaces, other control characters (the scanner looks closer at every byte below
// 14, line ends among them), the characters next to a comma, and characters of two, three and four
// UTF-8 bytes.
const piece = fc.constantFrom(
  ',',
  ',,,,',
  '"',
  '""',
  '\n',
  '\r',
  '\r\n',
  ' ',
  'a',
  'bcdefgh',
  '-',
  '+',
  '\t',
  '\u000b',
  '\u000e',
  '\u0000',
  '(b)(6)',
  'é',
  '中',
  '😀',
  '\u00ff',
);

describe('the CSV byte scanner', () => {
  it('reads what a character-by-character reading of RFC 4180 reads, in pieces of any size', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 4 }),
        (parts, sizes) => {
          const text = parts.join('');
          const expected = reference(text);
          const bytes = new TextEncoder().encode(text);
          expect(scan(bytes, sizes)).toEqual(expected);
          expect(scan(bytes, [bytes.length || 1])).toEqual(expected);
          expect(scan(bytes, sizes, true)).toEqual(expected);
          expect(scan(bytes, [bytes.length || 1], true)).toEqual(expected);
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('reads long fields, quoted and not, with the byte that ends them at each of the four offsets', () => {
    for (let pad = 0; pad < 8; pad++) {
      const word = 'x'.repeat(9 + pad);
      const text = `${word},"${word} y, ""z""\n${word}",${word}é\r\n"${word}"tail,${word}\n\n${word}`;
      const bytes = new TextEncoder().encode(text);
      for (const size of [1, 3, 4, 5, bytes.length])
        for (const sparse of [false, true]) expect(scan(bytes, [size], sparse)).toEqual(reference(text));
    }
  });
});
