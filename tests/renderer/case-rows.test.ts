// The case table's rows: filters by outcome, provision, changed decisions and id, in the order asked,
// and the words of its most serious conviction column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseColumns, readCaseSet } from '../../engine/index';
import { convictionWords, NO_FILTER, outcomeFilterCounts, selectRows, UNDECIDED_FILTER } from '../../renderer/src/simulation/case-rows';
import type { CaseColumns } from '../../renderer/src/simulation/protocol';
import { caseId, type CaseIds } from '../../engine/vocabulary';

/** Ids as the columns carry them: code units with a start per case. */
function idColumns(list: string[]): CaseIds {
  const idStart = new Int32Array(list.length + 1);
  list.forEach((id, i) => (idStart[i + 1] = idStart[i]! + id.length));
  const all = list.join('');
  return { idUnits: Uint16Array.from({ length: all.length }, (_, k) => all.charCodeAt(k)), idStart };
}

/** Columns the table doesn't sort or filter by, empty. */
const rest = (n: number) => ({
  convictionOffense: new Int32Array(n),
  convictionClass: new Uint8Array(n),
  chargeOffense: new Int32Array(n),
  chargeClass: new Uint8Array(n),
  offenses: [''],
  years: new Uint16Array(n),
});

// Five cases; codes are provisionIndex << 2 | outcome (hold 0, notify 1, review 2, decline 3).
const columns: CaseColumns = {
  ...idColumns(['B-3', 'B-1', 'B-5', 'B-2', 'B-4']),
  ages: Uint8Array.from([30, 17, 45, 22, 60]),
  requests: Uint8Array.from([3, 1, 2, 3, 1]),
  convictions: Uint16Array.from([0, 1, 2, 0, 3]),
  judicialWarrant: Uint8Array.from([0, 0, 1, 0, 0]),
  ...rest(5),
};
const codes = Int32Array.from([(0 << 2) | 0, (1 << 2) | 3, (0 << 2) | 0, (2 << 2) | 1, (1 << 2) | 3]);
const other = Int32Array.from([0, 0, 0, 1, 0]);
const ids = (rows: Int32Array, from: CaseColumns = columns) => Array.from(rows, (i) => caseId(from, i));

describe('selectRows', () => {
  it('lists every case by id when nothing filters', () => {
    expect(ids(selectRows(columns, codes, null, NO_FILTER, { key: 'id', descending: false }))).toEqual(['B-1', 'B-2', 'B-3', 'B-4', 'B-5']);
    expect(ids(selectRows(columns, codes, null, NO_FILTER, { key: 'id', descending: true }))).toEqual(['B-5', 'B-4', 'B-3', 'B-2', 'B-1']);
  });

  it('filters by outcome and by deciding provision', () => {
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, outcome: 3 }, { key: 'id', descending: false }))).toEqual(['B-1', 'B-4']);
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, provision: 0 }, { key: 'id', descending: false }))).toEqual(['B-3', 'B-5']);
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, outcome: 0, provision: 1 }, { key: 'id', descending: false }))).toEqual([]);
  });

  it("keeps a person's review apart from the decisions the records cannot settle", () => {
    // Three cases go to review by code; the records leave two of them open (hold or review, notify or
    // review): undecided, not a person's finding. B-2 is a finding; B-4 is certainly declined.
    const reviewCodes = Int32Array.from([(0 << 2) | 2, (1 << 2) | 2, (0 << 2) | 0, (2 << 2) | 2, (1 << 2) | 3]);
    const possible = Uint8Array.from([0b0101, 0b0110, 0b0001, 0b0100, 0b1000]);
    const byOutcome = (outcome: number) =>
      ids(selectRows(columns, reviewCodes, null, { ...NO_FILTER, outcome }, { key: 'id', descending: false }, possible));
    expect(byOutcome(2)).toEqual(['B-2']);
    expect(byOutcome(UNDECIDED_FILTER)).toEqual(['B-1', 'B-3']);
    expect(byOutcome(0)).toEqual(['B-5']);
    // Every case is under exactly one outcome filter, so the counts the filter shows add up to the cases.
    const counts = outcomeFilterCounts(reviewCodes, possible);
    expect(counts).toEqual([1, 0, 1, 1, 2]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(reviewCodes.length);
    for (const [k, c] of counts.entries()) expect(byOutcome(k)).toHaveLength(c);
    // Records that leave nothing open: review is every case coded review, and no case is undecided.
    expect(outcomeFilterCounts(reviewCodes, null)).toEqual([1, 0, 3, 1, 0]);
  });

  it('keeps only the cases the compared policy decides differently', () => {
    expect(ids(selectRows(columns, codes, other, { ...NO_FILTER, changedOnly: true }, { key: 'id', descending: false }))).toEqual([
      'B-1',
      'B-4',
    ]);
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, changedOnly: true }, { key: 'id', descending: false }))).toEqual([]);
  });

  it('leaves out of the changed cases those the comparison counts apart (a request after release), as their count does', () => {
    // B-4 (the fifth case) is decided differently, but ICE's request came after release: the comparison counts it apart.
    const apart = Uint8Array.from([0, 0, 0, 0, 1]);
    const changed = (mask: Uint8Array | null) =>
      ids(selectRows(columns, codes, other, { ...NO_FILTER, changedOnly: true }, { key: 'id', descending: false }, null, null, null, mask));
    expect(changed(apart)).toEqual(['B-1']);
    expect(changed(null)).toEqual(['B-1', 'B-4']);
    // Without the changed-only filter every case is listed, the late one too.
    expect(ids(selectRows(columns, codes, other, NO_FILTER, { key: 'id', descending: false }, null, null, null, apart))).toHaveLength(5);
  });

  it('counts a hold that ends at another time as decided differently', () => {
    // B-5 is held under both; its holds end at different times.
    const endsDiffer = Uint8Array.from([0, 0, 1, 0, 0]);
    const changed = selectRows(
      columns,
      codes,
      other,
      { ...NO_FILTER, changedOnly: true },
      { key: 'id', descending: false },
      null,
      endsDiffer,
    );
    expect(ids(changed)).toEqual(['B-1', 'B-4', 'B-5']);
  });

  it('finds ids by part, ignoring case', () => {
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, search: 'b-4' }, { key: 'id', descending: false }))).toEqual(['B-4']);
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, search: ' -5 ' }, { key: 'id', descending: false }))).toEqual(['B-5']);
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, search: 'B-' }, { key: 'id', descending: false }))).toHaveLength(5);
  });

  it('sorts and finds ids that are not ASCII as their text does', () => {
    // 'É' sorts after 'Z' by code unit, a pair's first half after both; the Kelvin sign lowers to an ASCII 'k'.
    const list = ['Zed-2', 'ÉTÉ-1', 'abc-3', '\u212Aelvin-4', 'Été-5', 'ZED-6', '\u{1F600}-7', '\uD800-8'];
    const n = list.length;
    const set: CaseColumns = {
      ...idColumns(list),
      ages: new Uint8Array(n),
      requests: new Uint8Array(n),
      convictions: new Uint16Array(n),
      judicialWarrant: new Uint8Array(n),
      ...rest(n),
    };
    const none = new Int32Array(n);
    const sorted = [...list].sort();
    expect(ids(selectRows(set, none, null, NO_FILTER, { key: 'id', descending: false }), set)).toEqual(sorted);
    const find = (search: string) => ids(selectRows(set, none, null, { ...NO_FILTER, search }, { key: 'id', descending: false }), set);
    expect(find('été')).toEqual(['ÉTÉ-1', 'Été-5']);
    expect(find('kelvin')).toEqual(['\u212Aelvin-4']);
    expect(find('zed')).toEqual(['ZED-6', 'Zed-2']);
    expect(find('é')).toEqual(['ÉTÉ-1', 'Été-5']);
    expect(find('\u{1F600}')).toEqual(['\u{1F600}-7']);
    expect(find('-8')).toEqual(['\uD800-8']);
  });

  it('sorts by age, outcome and provision, ties in file order', () => {
    expect(ids(selectRows(columns, codes, null, NO_FILTER, { key: 'age', descending: false }))).toEqual([
      'B-1',
      'B-2',
      'B-3',
      'B-5',
      'B-4',
    ]);
    expect(ids(selectRows(columns, codes, null, NO_FILTER, { key: 'outcome', descending: true }))).toEqual([
      'B-1',
      'B-4',
      'B-2',
      'B-3',
      'B-5',
    ]);
    expect(ids(selectRows(columns, codes, null, NO_FILTER, { key: 'provision', descending: false }))).toEqual([
      'B-3',
      'B-5',
      'B-1',
      'B-4',
      'B-2',
    ]);
  });

  it('orders a hundred thousand ids', () => {
    const n = 100_000;
    const big: CaseColumns = {
      ...idColumns(Array.from({ length: n }, (_, i) => `C-${String(n - i).padStart(7, '0')}`)),
      ages: new Uint8Array(n),
      requests: new Uint8Array(n),
      convictions: new Uint16Array(n),
      judicialWarrant: new Uint8Array(n),
      ...rest(n),
    };
    const c = Int32Array.from({ length: n }, (_, i) => i & 3);
    selectRows(big, c, null, NO_FILTER, { key: 'id', descending: false });
    const rows = selectRows(big, c, null, { ...NO_FILTER, outcome: 2 }, { key: 'id', descending: false });
    expect(rows.length).toBe(n / 4);
    const listed = ids(rows, big);
    expect(listed).toEqual([...listed].sort());
    expect(listed[0]).toBe('C-0000002');
  });
});

describe('the most serious conviction column', () => {
  it('ranks by class then degree, and counts the others (B-0016: rape, not the earlier larceny)', () => {
    const text = readFileSync(path.resolve(__dirname, '../../samples/cases/synthetic-200.cases.csv'), 'utf8');
    const columns = caseColumns(readCaseSet(text, 'csv').table);
    const n = columns.idStart.length - 1;
    const i = Array.from({ length: n }, (_, k) => k).find((k) => caseId(columns, k) === 'B-0016')!;
    expect(convictionWords(columns, i)).toBe('rape (felony) +4 more');
  });
});
