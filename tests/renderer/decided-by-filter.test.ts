// The cases table's Decided by, for cases no one provision surely decides (a settled case more than
// one provision may decide, or one the records leave undecided): a filter on a provision shows the
// cases it decides and those it may decide, the column sorts as its cells read, and an undecided
// case's cell names the provisions that would give each outcome it could have, not the first alone.

import { describe, expect, it } from 'vitest';
import { caseColumns, caseId, loadOrdinance, simulateDraft } from '../../engine/index';
import { caseTableMarkup } from './case-table-markup';
import { deciderCounts, NO_FILTER, selectRows } from '../../renderer/src/simulation/case-rows';
import { DECLINE_ALL_TEXT, row, table, twoHoldsText } from '../engine/two-holds';

const twoHolds = loadOrdinance(twoHoldsText('{ hours: 24 }', { headings: true })).ordinance!;
const declineAll = loadOrdinance(DECLINE_ALL_TEXT).ordinance!;
const request = { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' };

// Provisions: 0 § 2(a), 1 § 2(b), 2 the otherwise clause § 2(c).
const t = table([
  // § 2(a) surely holds.
  row('a-settled', { unknown: [], detainer: { ...request, judicialWarrant: true } }),
  // Held by § 2(a) or, if it does not apply, § 2(b).
  row('a-or-b', { unknown: ['judicialWarrant'] }),
  // Undecided: hold under § 2(a) or § 2(b), or decline under § 2(c).
  row('undecided', { unknown: ['judicialWarrant', 'administrativeWarrant'], detainer: request }),
  // § 2(b) surely holds (no felony).
  row('b-settled', { unknown: [], convictions: [] }),
  // Declined by the otherwise clause.
  row('c-settled', { unknown: [], convictions: [], detainer: { ...request, administrativeWarrant: false } }),
]);
const sim = simulateDraft({
  ordinance: twoHolds,
  cases: t,
  compare: { kind: 'draft', ordinance: declineAll, title: 'Decline all', fingerprint: 'sha256:decline' },
});
const mine = sim.sides.policy;
const columns = caseColumns(t);
const deciders = { oneOf: mine.oneOf ?? null, undecidedBy: mine.undecidedBy ?? null };
const ids = (rows: Int32Array) => Array.from(rows, (i) => caseId(columns, i));
const byId = { key: 'id' as const, descending: false };

describe('filtering by Decided by', () => {
  it('a provision shows the cases it decides and those it may decide', () => {
    const on = (provision: number) =>
      ids(selectRows(columns, mine.codes, null, { ...NO_FILTER, provision }, byId, mine.possible!, null, deciders));
    expect(on(0)).toEqual(['a-or-b', 'a-settled', 'undecided']);
    // Before, a filter on § 2(b) found only the case it surely decides; the one-of and the undecided case were under § 2(a).
    expect(on(1)).toEqual(['a-or-b', 'b-settled', 'undecided']);
    expect(on(2)).toEqual(['c-settled', 'undecided']);
  });

  it('and counts both, for the filter to say so', () => {
    expect(deciderCounts(mine.codes, deciders, 3)).toEqual({ decides: [1, 1, 1], mayDecide: [2, 2, 1] });
  });

  it('without such cases, a filter is on the deciding provision as before', () => {
    const settled = table([
      row('a', { unknown: [], detainer: { ...request, judicialWarrant: true } }),
      row('b', { unknown: [], convictions: [] }),
    ]);
    const s = simulateDraft({ ordinance: twoHolds, cases: settled });
    const cols = caseColumns(settled);
    const d = { oneOf: s.sides.policy.oneOf ?? null, undecidedBy: s.sides.policy.undecidedBy ?? null };
    expect(d).toEqual({ oneOf: null, undecidedBy: null });
    expect(
      Array.from(selectRows(cols, s.sides.policy.codes, null, { ...NO_FILTER, provision: 1 }, byId, null, null, d), (i) => caseId(cols, i)),
    ).toEqual(['b']);
  });
});

describe('sorting by Decided by', () => {
  it('orders the cases as their cells read: § 2(a), § 2(a) or § 2(b), § 2(a) or § 2(b) or § 2(c), § 2(b), § 2(c)', () => {
    const sorted = (descending: boolean) =>
      ids(selectRows(columns, mine.codes, null, NO_FILTER, { key: 'provision', descending }, mine.possible!, null, deciders));
    expect(sorted(false)).toEqual(['a-settled', 'a-or-b', 'undecided', 'b-settled', 'c-settled']);
    expect(sorted(true)).toEqual(['c-settled', 'b-settled', 'undecided', 'a-or-b', 'a-settled']);
  });
});

describe('the Decided by cell of an undecided case', () => {
  it('names the provisions that would give each outcome it could have, and says none decided it', () => {
    const html = caseTableMarkup(columns, mine);
    const cells = [...html.matchAll(/role="gridcell" class="cell col-provision([^"]*)" title="([^"]*)">([^<]*)</g)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    // Rows in id order: a-or-b, a-settled, b-settled, c-settled, undecided.
    expect(cells[4]).toEqual([
      ' one-of',
      'Undecided on these records: hold under § 2(a) or § 2(b), or decline under the otherwise clause (§ 2(c)): no one provision is named as deciding it. Explain shows the facts it turns on',
      '§ 2(a) or § 2(b) or § 2(c)',
    ]);
    expect(cells[1]![2]).toBe("§ 2(a) Felony with a judge's warrant".replace("'", '&#x27;'));
  });
});
