// The case table's rows: filters by outcome, provision, changed decisions and id, in the order asked.
import { describe, expect, it } from 'vitest';
import { NO_FILTER, selectRows } from '../../renderer/src/simulation/case-rows';
import type { CaseColumns } from '../../renderer/src/simulation/protocol';

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
  ids: ['B-3', 'B-1', 'B-5', 'B-2', 'B-4'],
  ages: Uint8Array.from([30, 17, 45, 22, 60]),
  requests: Uint8Array.from([3, 1, 2, 3, 1]),
  convictions: Uint16Array.from([0, 1, 2, 0, 3]),
  judicialWarrant: Uint8Array.from([0, 0, 1, 0, 0]),
  ...rest(5),
};
const codes = Int32Array.from([(0 << 2) | 0, (1 << 2) | 3, (0 << 2) | 0, (2 << 2) | 1, (1 << 2) | 3]);
const other = Int32Array.from([0, 0, 0, 1, 0]);
const ids = (rows: Int32Array) => Array.from(rows, (i) => columns.ids[i]);

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

  it('keeps only the cases the compared policy decides differently', () => {
    expect(ids(selectRows(columns, codes, other, { ...NO_FILTER, changedOnly: true }, { key: 'id', descending: false }))).toEqual([
      'B-1',
      'B-4',
    ]);
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, changedOnly: true }, { key: 'id', descending: false }))).toEqual([]);
  });

  it('finds ids by part, ignoring case', () => {
    expect(ids(selectRows(columns, codes, null, { ...NO_FILTER, search: 'b-4' }, { key: 'id', descending: false }))).toEqual(['B-4']);
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

  it('handles a hundred thousand cases quickly', () => {
    const n = 100_000;
    const big: CaseColumns = {
      ids: Array.from({ length: n }, (_, i) => `C-${String(n - i).padStart(7, '0')}`),
      ages: new Uint8Array(n),
      requests: new Uint8Array(n),
      convictions: new Uint16Array(n),
      judicialWarrant: new Uint8Array(n),
      ...rest(n),
    };
    const c = Int32Array.from({ length: n }, (_, i) => i & 3);
    selectRows(big, c, null, NO_FILTER, { key: 'id', descending: false });
    const start = performance.now();
    const rows = selectRows(big, c, null, { ...NO_FILTER, outcome: 2 }, { key: 'id', descending: false });
    expect(performance.now() - start).toBeLessThan(100);
    expect(rows.length).toBe(n / 4);
    expect(big.ids[rows[0]!]! < big.ids[rows[1]!]!).toBe(true);
  });
});
