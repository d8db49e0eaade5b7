// The importers' table of values by bytes: found in place, whatever the keys share.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ByteTable } from '../../engine/import/csv-cases';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('ByteTable', () => {
  it('finds every key set, at any place in a buffer, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 300, size: 'max' }),
        fc.string({ minLength: 1 }),
        (keys, other) => {
          const table = new ByteTable<number>();
          keys.forEach((k, i) => table.set(bytes(k), 0, bytes(k).length, i));
          keys.forEach((k, i) => {
            const padded = bytes(`,,${k},`);
            expect(table.get(padded, 2, padded.length - 1)).toBe(i);
          });
          if (!keys.includes(other)) expect(table.get(bytes(other), 0, bytes(other).length)).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('tells apart keys with the same length and the same first two and last two bytes', () => {
    const table = new ByteTable<string>();
    const keys = Array.from({ length: 2000 }, (_, i) => `ab${String(i).padStart(6, '0')}yz`);
    for (const k of keys) table.set(bytes(k), 0, k.length, k);
    for (const k of keys) expect(table.get(bytes(k), 0, k.length)).toBe(k);
    expect(table.get(bytes('ab999999yz'), 0, 10)).toBeUndefined();
  });

  it('tells apart keys of every length from 1 to 13 that differ in any one byte', () => {
    // Keys are compared four bytes at a time, the last four bytes as one word that may overlap the one before.
    for (let len = 1; len <= 13; len++) {
      const table = new ByteTable<number>();
      const key = 'abcdefghijklm'.slice(0, len);
      table.set(bytes(key), 0, len, len);
      const padded = bytes(`xy${key}z`);
      expect(table.get(padded, 2, 2 + len)).toBe(len);
      for (let p = 0; p < len; p++) {
        const other = bytes(key.slice(0, p) + 'Q' + key.slice(p + 1));
        expect(table.get(other, 0, len)).toBeUndefined();
      }
      expect(table.get(bytes(key + 'n'), 0, len + 1)).toBeUndefined();
    }
  });

  it('starts again past 50,000 keys and still finds what is set after', () => {
    const table = new ByteTable<number>();
    for (let i = 0; i <= 50_001; i++) table.set(bytes(`k${i}`), 0, `k${i}`.length, i);
    expect(table.get(bytes('k50001'), 0, 6)).toBe(50_001);
    expect(table.get(bytes('k7'), 0, 2)).toBeUndefined();
    table.set(bytes('k7'), 0, 2, 7);
    expect(table.get(bytes('k7'), 0, 2)).toBe(7);
  });
});
