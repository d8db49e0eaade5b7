// Which cases the table shows and in what order: filters by outcome, deciding provision, changed
// decisions and id, and sorts, over typed arrays so a million cases stay quick.

import type { CaseColumns } from './protocol';

export type SortKey = 'id' | 'age' | 'outcome' | 'provision' | 'other';

export interface RowFilter {
  /** Outcome code (0 hold .. 3 decline), or -1 for any. */
  outcome: number;
  /** Deciding provision index (the otherwise clause is `provisions.length`), or -1 for any. */
  provision: number;
  /** Only cases whose outcome differs under the compared policy. */
  changedOnly: boolean;
  /** Case ids containing this text (case-insensitive). */
  search: string;
}

export const NO_FILTER: RowFilter = { outcome: -1, provision: -1, changedOnly: false, search: '' };

/** Case indexes ordered by id, per case set: ids don't change between simulations, so sort once. */
const byIdCache = new WeakMap<CaseColumns, Int32Array>();

function orderById(columns: CaseColumns): Int32Array {
  let order = byIdCache.get(columns);
  if (!order) {
    const ids = columns.ids;
    order = Int32Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
    byIdCache.set(columns, order);
  }
  return order;
}

export function selectRows(
  columns: CaseColumns,
  codes: Int32Array,
  otherCodes: Int32Array | null,
  filter: RowFilter,
  sort: { key: SortKey; descending: boolean },
): Int32Array {
  const n = Math.min(codes.length, columns.ids.length);
  const out = new Int32Array(n);
  const needle = filter.search.trim().toLowerCase();
  // Walking the cases in id order leaves nothing to sort for the usual view (by case, ascending).
  const byId = sort.key === 'id';
  const order = byId ? orderById(columns) : null;
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    if (i >= n) continue;
    const code = codes[i]!;
    if (filter.outcome >= 0 && (code & 3) !== filter.outcome) continue;
    if (filter.provision >= 0 && code >> 2 !== filter.provision) continue;
    if (filter.changedOnly && (!otherCodes || (otherCodes[i]! & 3) === (code & 3))) continue;
    if (needle && !columns.ids[i]!.toLowerCase().includes(needle)) continue;
    out[m++] = i;
  }
  const rows = out.slice(0, m);
  if (byId) return sort.descending ? rows.reverse() : rows;
  const dir = sort.descending ? -1 : 1;
  let compare: ((a: number, b: number) => number) | null = null;
  switch (sort.key) {
    case 'age':
      compare = (a, b) => dir * (columns.ages[a]! - columns.ages[b]!) || a - b;
      break;
    case 'outcome':
      compare = (a, b) => dir * ((codes[a]! & 3) - (codes[b]! & 3)) || a - b;
      break;
    case 'provision':
      compare = (a, b) => dir * ((codes[a]! >> 2) - (codes[b]! >> 2)) || a - b;
      break;
    case 'other':
      compare = otherCodes ? (a, b) => dir * ((otherCodes[a]! & 3) - (otherCodes[b]! & 3)) || a - b : null;
      break;
  }
  if (compare) rows.sort(compare);
  return rows;
}
