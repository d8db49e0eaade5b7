// simulate's coverage table on cases the records leave undecided: no provision counts such a case
// among the cases it decided; each that may decide it says so, and a line says how the counts add up.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoHoldsText, VIOLENT_FELONY_BOOKING } from '../engine/two-holds';
import { runCli } from './run-in-process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coverage-undecided-'));
const twoHolds = path.join(dir, 'two-holds.ordinance.yaml');
const cases = path.join(dir, 'cases.json');
fs.writeFileSync(twoHolds, twoHoldsText('{ hours: 24 }'));
const base = VIOLENT_FELONY_BOOKING;
fs.writeFileSync(
  cases,
  JSON.stringify([
    // Neither warrant is in the records: § 2(a) or § 2(b) may hold it, or § 2(c) decline it.
    { ...base, id: 'both-open', unknown: ['judicialWarrant', 'administrativeWarrant'] },
    // A judge's warrant: § 2(a) holds it.
    { ...base, id: 'warrant-known', detainer: { ...base.detainer, judicialWarrant: true } },
    // No warrant of either kind: § 2(c) declines it.
    { ...base, id: 'no-warrants' },
  ]),
);

describe('simulate: coverage of an undecided case', () => {
  it('counts it under no provision as decided, as "may decide" under each that may, and says how the counts add up', async () => {
    const r = await runCli('simulate', twoHolds, '--cases', cases);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Provision +Citation +Provision gives +Cases decided +What they got$/m);
    expect(r.out).toMatch(/^felony-and-warrant +§ 2\(a\) +hold +1 +1 hold; may decide 1 undecided on these records$/m);
    expect(r.out).toMatch(/^admin-warrant +§ 2\(b\) +hold +0 +none; may decide 1 undecided on these records$/m);
    expect(r.out).toMatch(/^\(otherwise\) +§ 2\(c\) +decline +1 +1 decline; may decide 1 undecided on these records$/m);
    expect(r.out).toContain(
      '3 cases: 2 decided, each counted once under the provision credited with it; 1 undecided on these records, counted as decided under no provision and as “may decide” under every provision that may decide it.',
    );
    // § 2(b) may decide a case: it is not among those no case reached.
    expect(r.out).not.toContain('No case reached');
  });
});
