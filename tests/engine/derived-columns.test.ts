// The case table's columns derived from others (DERIVED_COLUMNS: the day numbers of the booking, the
// request and each conviction's dates, and the days incarcerated on later convictions): the builder
// does not write them, the table makes each when it is first read. Readers must see the values the
// builder was given, and a conviction whose day is not its packed date's must keep its own day.

import { describe, expect, it } from 'vitest';
import {
  CaseTableBuilder,
  C_DATE_UNKNOWN,
  C_JUVENILE,
  dayOfPacked,
  DERIVED_COLUMNS,
  keepRows,
  packDay,
  packYmd,
  type CaseTable,
} from '../../engine/case-table';
import { daysFromCivil } from '../../engine/time';

const DAY = 1440;

/** Whether the table holds the column as a stored array (a data property), not one it makes when read. */
const stored = (t: CaseTable, key: string) => 'value' in (Object.getOwnPropertyDescriptor(t, key) ?? {});

type Conviction = { on: number; onYmd?: number; released?: number; days?: number; flags?: number };

function addCase(b: CaseTableBuilder, id: string, booked: number, issued: number, convictions: Conviction[]) {
  b.beginCase(30, 1, 0, booked, packDay(Math.floor(booked / DAY)), booked + DAY, issued, packDay(Math.floor(issued / DAY)));
  b.setId(id);
  for (const v of convictions)
    b.addConviction(
      1,
      0,
      0,
      0,
      0,
      v.on,
      v.onYmd ?? packDay(v.on),
      v.released,
      v.released === undefined ? packDay(v.on) : packDay(v.released),
      v.days ?? 0,
      v.flags ?? 0,
    );
  b.endCase();
}

/** Days incarcerated on each conviction's later ones (of a known date) in its case, worked out row by row. */
function laterIncarcerated(t: CaseTable, juvenileToo: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++)
    for (let a = t.convStart[i]!; a < t.convStart[i + 1]!; a++) {
      let days = 0;
      for (let b = t.convStart[i]!; b < t.convStart[i + 1]!; b++) {
        const f = t.convFlags[b]!;
        if (t.convOnDay[b]! > t.convOnDay[a]! && !(f & C_DATE_UNKNOWN) && (juvenileToo || !(f & C_JUVENILE))) days += t.convIncDays[b]!;
      }
      out.push(days);
    }
  return out;
}

describe('columns derived from others', () => {
  it('are not written by the builder, and read as the values it was given', () => {
    const b = new CaseTableBuilder(2);
    const rows = 2500;
    for (let k = 0; k < rows; k++) {
      // Minutes before 1970 too (negative), and a request after the booking from row 900 on.
      const booked = (k - 1000) * 7 * DAY + 13 * 60 + k;
      const issued = k < 900 ? booked : booked + 2 * DAY + 30;
      addCase(b, `c${k}`, booked, issued, [
        { on: -9_000 + k, released: -8_000 + k, days: 40 },
        { on: 5_000 + k, days: 7, flags: k % 3 === 0 ? C_JUVENILE : 0 },
        { on: 5_000 + k, released: 5_010 + k, days: 3 },
      ]);
    }
    const t = b.finish();
    for (const key of DERIVED_COLUMNS) expect(stored(t, key), key).toBe(false);
    const ks = Array.from({ length: rows }, (_, k) => k);
    const booked = (k: number) => (k - 1000) * 7 * DAY + 13 * 60 + k;
    expect(Array.from(t.bookedDay)).toEqual(ks.map((k) => Math.floor(booked(k) / DAY)));
    expect(Array.from(t.issuedDay)).toEqual(ks.map((k) => Math.floor((k < 900 ? booked(k) : booked(k) + 2 * DAY + 30) / DAY)));
    expect(Array.from(t.convOnDay)).toEqual(ks.flatMap((k) => [-9_000 + k, 5_000 + k, 5_000 + k]));
    expect(Array.from(t.convRelDay)).toEqual(ks.flatMap((k) => [-8_000 + k, 5_000 + k, 5_010 + k]));
    expect(t.convLaterDay).toBe(t.convRelDay);
    // The first conviction has the two later ones' 10 days after it (7 of them a juvenile adjudication's on every third case).
    expect(Array.from(t.convIncLater)).toEqual(ks.flatMap((k) => [k % 3 === 0 ? 3 : 10, 0, 0]));
    expect(Array.from(t.convIncLaterJuv)).toEqual(ks.flatMap(() => [10, 0, 0]));
    expect(Array.from(t.convIncLater)).toEqual(laterIncarcerated(t, false));
    // Made once: a second read is the same array.
    expect(t.convOnDay).toBe(t.convOnDay);
    expect(t.convIncLaterJuv).toBe(t.convIncLaterJuv);

    const keep = Uint8Array.from(ks, (k) => (k % 4 === 1 ? 1 : 0));
    const some = keepRows(t, keep);
    for (const key of DERIVED_COLUMNS) expect(stored(some, key), key).toBe(false);
    const kept = ks.filter((k) => k % 4 === 1);
    expect(Array.from(some.issuedDay)).toEqual(kept.map((k) => Math.floor((k < 900 ? booked(k) : booked(k) + 2 * DAY + 30) / DAY)));
    expect(Array.from(some.convRelDay)).toEqual(kept.flatMap((k) => [-8_000 + k, 5_000 + k, 5_010 + k]));
    expect(Array.from(some.convIncLater)).toEqual(kept.flatMap((k) => [k % 3 === 0 ? 3 : 10, 0, 0]));
  });

  it("are stored from the first conviction whose day is not its packed date's, the rows before it made from their dates", () => {
    const b = new CaseTableBuilder(2);
    const rows = 3000;
    // An undated conviction (its day unknown: the reader passes NaN) on row 1,700, and a packed date
    // that is not the day's on row 2,400: both are kept as given.
    const on = (k: number) => 8_000 + k;
    for (let k = 0; k < rows; k++) {
      const at = (15_000 + k) * DAY;
      const convictions: Conviction[] = [{ on: on(k), released: on(k) + 20, days: 5 }];
      if (k === 1700) convictions.push({ on: NaN, onYmd: NaN, flags: C_DATE_UNKNOWN, days: 9 });
      if (k === 2400) convictions.push({ on: on(k) + 1, onYmd: packDay(on(k)) });
      addCase(b, `c${k}`, at, at, convictions);
    }
    const t = b.finish();
    expect(stored(t, 'convOnDay')).toBe(true);
    expect(stored(t, 'convRelDay')).toBe(true);
    expect(stored(t, 'bookedDay')).toBe(false);
    const ons = Array.from({ length: rows }, (_, k) => [on(k), ...(k === 1700 ? [0] : k === 2400 ? [on(k) + 1] : [])]).flat();
    expect(Array.from(t.convOnDay)).toEqual(ons);
    expect(Array.from(t.convLaterDay)).toEqual(Array.from(t.convRelDay));
    expect(t.convRelDay[t.convStart[2400]!]).toBe(on(2400) + 20);
    // The undated conviction's days are after no other (its date unknown), and the dated one has none after it.
    expect(Array.from(t.convIncLater)).toEqual(laterIncarcerated(t, true));
    const keep = Uint8Array.from({ length: rows }, (_, k) => (k === 3 || k >= 1700 ? 1 : 0));
    const some = keepRows(t, keep);
    expect(stored(some, 'convOnDay')).toBe(true);
    expect(Array.from(some.convOnDay)).toEqual([on(3), ...ons.slice(t.convStart[1700]!)]);
  });
});

describe('dayOfPacked', () => {
  it('reads every packed date as daysFromCivil does, in and past its table of years, for any month and day bits', () => {
    // Years around and past the table's (1800 to 2199), every month field (0 to 15) and day field (0 to 31).
    const years = [-1, 0, 1, 1599, 1600, 1700, 1799, 1800, 1801, 1899, 1900, 1904, 1999, 2000, 2024, 2100, 2198, 2199, 2200, 2400, 9999];
    for (let y = 1790; y <= 2210; y++) years.push(y);
    let wrong = '';
    for (const y of years)
      for (let m = 0; m < 16 && !wrong; m++)
        for (let d = 0; d < 32; d++) {
          const ymd = packYmd(y, m, d);
          if (dayOfPacked(ymd) !== daysFromCivil(ymd >> 9, m, d)) {
            wrong = `${y}-${m}-${d}: ${dayOfPacked(ymd)} against ${daysFromCivil(ymd >> 9, m, d)}`;
            break;
          }
        }
    expect(wrong).toBe('');
  });
});
