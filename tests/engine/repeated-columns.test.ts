// The case table's columns that repeat another (ageHi, the later conviction dates, convIncLaterJuv):
// the builder writes one only from the first row where it differs, copying the rows before it, and
// otherwise hands back the other array. Readers must see the same values either way.

import { describe, expect, it } from 'vitest';
import { CaseTableBuilder, keepRows, packDay, type CaseTable } from '../../engine/case-table';
import { C_JUVENILE } from '../../engine/case-table';
import { detainerFormIndexOn } from '../../engine/detainer-forms';

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

  it("take the booking's times for the release and the request until a case's differ", () => {
    // ICE's records: one time for the booking, the release and the request.
    const one = new CaseTableBuilder(2);
    const day = (k: number) => 16_000 + k * 3;
    for (let k = 0; k < 5; k++) {
      const at = day(k) * DAY + 600;
      one.beginCase(30, 1, 0, at, packDay(day(k)), at, at, packDay(day(k)));
      one.setId(`i${k}`);
      one.endCase();
    }
    const ice = one.finish();
    expect(ice.release).toBe(ice.booked);
    expect(ice.issued).toBe(ice.booked);
    expect(ice.issuedYmd).toBe(ice.bookedYmd);
    expect(ice.issuedDay).toBe(ice.bookedDay);
    expect(Array.from(ice.issuedDay)).toEqual([0, 1, 2, 3, 4].map(day));
    expect(Array.from(ice.detainerForm)).toEqual([0, 1, 2, 3, 4].map((k) => detainerFormIndexOn(day(k))));

    // Rows enough for the columns to grow before the first release (row 1,200) and request (row 2,100)
    // that differ from the booking; the requests after it span the forms' start dates.
    const b = new CaseTableBuilder(2);
    const rows = 3000;
    const bookedDay = (k: number) => 15_000 + k;
    const issuedDay = (k: number) => (k < 2100 ? bookedDay(k) : 15_000 + k * 2);
    for (let k = 0; k < rows; k++) {
      const booked = bookedDay(k) * DAY + 60;
      const issued = k < 2100 ? booked : issuedDay(k) * DAY;
      b.beginCase(30, 1, 0, booked, packDay(bookedDay(k)), k < 1200 ? booked : booked + 5 * DAY, issued, packDay(issuedDay(k)));
      b.setId(`r${k}`);
      b.endCase();
    }
    const t = b.finish();
    expect(t.release).not.toBe(t.booked);
    expect(t.issued).not.toBe(t.booked);
    const ks = Array.from({ length: rows }, (_, k) => k);
    expect(Array.from(t.release)).toEqual(ks.map((k) => bookedDay(k) * DAY + 60 + (k < 1200 ? 0 : 5 * DAY)));
    expect(Array.from(t.issued)).toEqual(ks.map((k) => (k < 2100 ? bookedDay(k) * DAY + 60 : issuedDay(k) * DAY)));
    expect(Array.from(t.issuedYmd)).toEqual(ks.map((k) => packDay(issuedDay(k))));
    expect(Array.from(t.issuedDay)).toEqual(ks.map(issuedDay));
    expect(Array.from(t.detainerForm)).toEqual(ks.map((k) => detainerFormIndexOn(issuedDay(k))));
    const keep = Uint8Array.from(ks, (k) => k % 7);
    const kept = keepRows(ice, Uint8Array.from([1, 0, 1, 0, 1]));
    expect(kept.issued).toBe(kept.booked);
    expect(Array.from(kept.issuedDay)).toEqual([0, 2, 4].map(day));
    const some = keepRows(t, keep);
    expect(Array.from(some.issuedDay)).toEqual(ks.filter((k) => k % 7).map(issuedDay));
  });
});
