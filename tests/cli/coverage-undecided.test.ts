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
    // Each provision by its citation and what it does (it has no heading), the otherwise clause as such: never an id.
    expect(r.out).not.toMatch(/felony-and-warrant|admin-warrant|\(otherwise\)/);
    expect(r.out).toMatch(/^Provision +Provision gives +Cases decided +What they got$/m);
    expect(r.out).toMatch(
      /^§ 2\(a\) \[no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice\] +hold +1 +1 hold; may decide 1 undecided on these records$/m,
    );
    expect(r.out).toMatch(
      /^§ 2\(b\) \[no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice\] +hold +0 +none; may decide 1 undecided on these records$/m,
    );
    expect(r.out).toMatch(/^§ 2\(c\) Otherwise +decline +1 +1 decline; may decide 1 undecided on these records$/m);
    expect(r.out).toContain(
      '3 cases: 2 decided, each counted once under the provision credited with it; 1 undecided on these records, counted as decided under no provision and as “may decide” under every provision that may decide it.',
    );
    // § 2(b) may decide a case: it is not among those no case reached.
    expect(r.out).not.toContain('No case reached');
  });
});
