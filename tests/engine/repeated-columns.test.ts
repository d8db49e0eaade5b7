// The case table's columns that repeat another (ageHi, the later conviction dates, convIncLaterJuv):
// the builder writes one only from the first row where it differs, copying the rows before it, and
// otherwise hands back the other array. Readers must see the same values either way.

import { describe, expect, it } from 'vitest';
import { CaseTableBuilder, keepRows, packDay, type CaseTable } from '../../engine/case-table';
import { C_JUVENILE } from '../../engine/case-table';

const DAY = 1440;
const BOOKED_DAY = 20_000;

/** A case booked on BOOKED_DAY with the given age range and convictions [on, released?, days, juvenile?]. */
function addCase(
  b: CaseTableBuilder,
  id: string,
  age: number,
  ageHi: number,
  convictions: Array<[number, number | undefined, number, boolean?]>,
) {
  const booked = BOOKED_DAY * DAY;
  b.beginCase(age, 1, 0, booked, packDay(BOOKED_DAY), booked + DAY, booked, packDay(BOOKED_DAY), ageHi);
  b.setId(id);
  for (const [on, released, days, juvenile] of convictions)
    b.addConviction(
      1,
      0,
      0,
      0,
      0,
      on,
      packDay(on),
      released,
      released === undefined ? packDay(on) : packDay(released),
      days,
      juvenile ? C_JUVENILE : 0,
    );
  b.endCase();
}

/** Each conviction's later date, worked out from its own dates. */
function laterDays(t: CaseTable): number[] {
  return Array.from(t.convOnDay, (on, j) => Math.max(on, t.convRelDay[j]!));
}

describe('columns that repeat another', () => {
  it('are the other array when every row repeats it, and read the same', () => {
    const b = new CaseTableBuilder(2);
    addCase(b, 'a', 30, 30, [
      [15_000, 15_100, 100],
      [16_000, undefined, 0],
    ]);
    addCase(b, 'b', 41, 41, [[17_000, 17_000, 0]]);
    const t = b.finish();
    expect(t.ageHi).toBe(t.age);
    expect(t.convLaterDay).toBe(t.convRelDay);
    expect(t.convLaterYmd).toBe(t.convRelYmd);
    expect(t.convIncLaterJuv).toBe(t.convIncLater);
    expect(Array.from(t.ageHi)).toEqual([30, 41]);
    expect(Array.from(t.convLaterDay)).toEqual([15_100, 16_000, 17_000]);
    expect(Array.from(t.convLaterYmd)).toEqual([packDay(15_100), packDay(16_000), packDay(17_000)]);
    // The first conviction's later one served no days; the second's earlier one 100, which are not "later".
    expect(Array.from(t.convIncLaterJuv)).toEqual([0, 0, 0]);
  });

  it('become columns of their own at the first row that differs, the rows before it copied', () => {
    // Many rows before the first that differs, so the builder's columns have grown on the way.
    const b = new CaseTableBuilder(2);
    const rows = 3000;
    for (let k = 0; k < rows; k++) {
      const age = 20 + (k % 50);
      const convictions: Array<[number, number | undefined, number, boolean?]> = [
        [10_000 + k, 10_010 + k, 0],
        [12_000 + k, undefined, 10],
      ];
      if (k === 1000) convictions.push([13_000, 12_990, 0]); // a release before its conviction
      if (k === 2000) convictions.unshift([9_000, 9_030, 0], [9_500, 9_600, 100, true]); // a juvenile adjudication's days count
      addCase(b, `c${k}`, age, k === 1500 ? age + 3 : age, convictions);
    }
    const t = b.finish();
    expect(t.ageHi).not.toBe(t.age);
    expect(t.convLaterDay).not.toBe(t.convRelDay);
    expect(t.convLaterYmd).not.toBe(t.convRelYmd);
    expect(t.convIncLaterJuv).not.toBe(t.convIncLater);
    expect(Array.from(t.ageHi)).toEqual(Array.from(t.age, (a, i) => (i === 1500 ? a + 3 : a)));
    expect(Array.from(t.convLaterDay)).toEqual(laterDays(t));
    expect(Array.from(t.convLaterYmd)).toEqual(laterDays(t).map(packDay));
    // Case 2000's first conviction (9,000) has the juvenile adjudication's 100 days after it, counted
    // with juvenile adjudications only; every other count is the same in both columns.
    const first2000 = t.convStart[2000]!;
    const juv = Array.from(t.convIncLaterJuv);
    const adult = Array.from(t.convIncLater);
    expect(juv[first2000]).toBe(110);
    expect(adult[first2000]).toBe(10);
    juv[first2000] = adult[first2000]!;
    expect(juv).toEqual(adult);
    // Each case's first conviction has the second's 10 days after it (the rows before the first that differs were copied).
    expect(adult[t.convStart[0]!]).toBe(10);
    expect(juv[t.convStart[1999]!]).toBe(10);
  });

  it('stay the other array when rows are dropped, or stay their own', () => {
    const same = new CaseTableBuilder(2);
    const own = new CaseTableBuilder(2);
    for (let k = 0; k < 10; k++) {
      addCase(same, `s${k}`, 30 + k, 30 + k, [[15_000 + k, 15_005 + k, 5]]);
      addCase(own, `o${k}`, 30 + k, k === 7 ? 40 + k : 30 + k, [[15_000 + k, k === 3 ? 14_000 : 15_005 + k, 5]]);
    }
    const keep = Uint8Array.from({ length: 10 }, (_, k) => (k % 2 === 0 || k === 7 ? 1 : 0));
    const a = keepRows(same.finish(), keep);
    expect(a.ageHi).toBe(a.age);
    expect(a.convLaterDay).toBe(a.convRelDay);
    expect(Array.from(a.age)).toEqual([30, 32, 34, 36, 37, 38]);
    const b = keepRows(own.finish(), keep);
    expect(Array.from(b.ageHi)).toEqual([30, 32, 34, 36, 47, 38]);
    expect(Array.from(b.convLaterDay)).toEqual(laterDays(b));
  });
});
