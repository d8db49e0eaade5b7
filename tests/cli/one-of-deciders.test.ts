// The command line on a settled case more than one provision may decide (the records leave open
// whether the first applies; a later one surely does, with the same outcome): simulate's changed
// cases and explain's hold limit name each provision that may decide it, never the first alone.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECLINE_ALL_TEXT, twoHoldsText } from '../engine/two-holds';
import { runCli } from './run-in-process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'one-of-deciders-'));
const twoHolds = path.join(dir, 'two-holds.ordinance.yaml');
const declineAll = path.join(dir, 'decline-all.ordinance.yaml');
const cases = path.join(dir, 'cases.json');
fs.writeFileSync(twoHolds, twoHoldsText('{ hours: 24 }'));
fs.writeFileSync(declineAll, DECLINE_ALL_TEXT);
const rape = { offense: 'rape', class: 'felony', degree: 1, categories: ['violent'], convictedOn: '2018-02-01' };
const base = {
  age: 45,
  bookedAt: '2024-03-01T09:00',
  detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', administrativeWarrant: true },
  convictions: [rape],
};
fs.writeFileSync(
  cases,
  JSON.stringify([
    // Whether a judge's warrant was issued is not in the records: § 2(a) or, failing it, § 2(b) holds.
    { ...base, id: 'open-first', eligibleForReleaseAt: '2024-03-02T10:00', unknown: ['judicialWarrant'] },
    { ...base, id: 'release-unknown', unknown: ['judicialWarrant', 'eligibleForReleaseAt'] },
    // § 2(a) surely holds.
    {
      ...base,
      id: 'warrant-known',
      eligibleForReleaseAt: '2024-03-02T10:00',
      detainer: { ...base.detainer, judicialWarrant: true },
    },
  ]),
);

const ONE_OF = 'hold, under § 2(a) or, if it does not apply, § 2(b)';

describe('simulate --compare: the changed cases', () => {
  it('say a case more than one provision may decide is held under each, not under the first alone', async () => {
    const r = await runCli('simulate', twoHolds, '--cases', cases, '--compare', declineAll);
    expect(r.code).toBe(0);
    const line = (id: string) => r.out.split('\n').find((l) => l.startsWith(`${id} `))!;
    expect(line('open-first')).toContain(ONE_OF);
    expect(line('release-unknown')).toContain(ONE_OF);
    expect(line('open-first')).not.toContain('hold (§ 2(a))');
    expect(line('warrant-known')).toContain('hold (§ 2(a))');
    // The compared side the other way round.
    const back = await runCli('simulate', declineAll, '--cases', cases, '--compare', twoHolds);
    expect(back.out.split('\n').find((l) => l.startsWith('open-first '))).toMatch(
      new RegExp(`decline \\(§ 2\\(b\\)\\)\\s+${ONE_OF.replace(/[()]/g, '\\$&')}`),
    );
  });
});

describe('explain: the hold limit of such a case', () => {
  it('is said under each provision that may decide it, with the soonest and latest ends and what the simulation counts', async () => {
    const r = await runCli('explain', twoHolds, '--cases', cases, '--id', 'open-first');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const at = lines.findIndex((l) => l.includes('the hold lasts up to'));
    expect(lines[at - 1]).toBe(
      'Under § 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] or, if it does not apply, § 2(b) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] (these records do not show which):',
    );
    expect(lines[at + 1]).toContain(
      'the hold ends at the soonest at 2024-03-03T10:00 and at the latest at 2024-03-06T00:00: its end is not known, and the simulation counts it to the soonest end (24 hours)',
    );
    // The first provision's heading is said once, over its own test only.
    expect(
      lines.filter(
        (l) =>
          l ===
          '§ 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice]:',
      ),
    ).toHaveLength(1);
    expect(
      lines.indexOf(
        '§ 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice]:',
      ),
    ).toBeLessThan(
      lines.indexOf(
        '§ 2(b) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice]:',
      ),
    );

    const u = await runCli('explain', twoHolds, '--cases', cases, '--id', 'release-unknown');
    expect(u.out).toContain(
      '(these records do not show which):\n  the hold lasts up to 48 hours, not counting weekends and holidays, under § 2(a), or 24 hours under § 2(b) from release: yes\n',
    );
    expect(u.out).toContain(
      'the simulation counts it as 24 hours, the soonest it can end (the shortest of these limits), and it ends no later than 48 hours',
    );
    // What simulate counts for the two: 24 hours each.
    const s = JSON.parse((await runCli('simulate', twoHolds, '--cases', cases, '--json')).out);
    expect(s.summary.unknowns.holdHoursAtLeast).toBe(24 + 24 + 86);
  });
});

describe('simulate --compare: a case the records leave undecided', () => {
  it('names each outcome it could have under the provisions that would give it, in the text and --json', async () => {
    const open = path.join(dir, 'undecided.json');
    const detainer = { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' };
    fs.writeFileSync(
      open,
      JSON.stringify([
        // Neither warrant is in the records: § 2(a) or § 2(b) may hold it, else § 2(c) declines it.
        {
          ...base,
          id: 'undecided',
          eligibleForReleaseAt: '2024-03-02T10:00',
          detainer,
          unknown: ['judicialWarrant', 'administrativeWarrant'],
        },
        { ...base, id: 'settled', eligibleForReleaseAt: '2024-03-02T10:00', detainer: { ...detainer, judicialWarrant: true } },
      ]),
    );
    const r = await runCli('simulate', twoHolds, '--cases', open, '--compare', declineAll);
    expect(r.code).toBe(0);
    // The changed cases are the last table (the summary has an "undecided (records)" row).
    const line = (id: string) => r.out.split('\n').findLast((l) => l.startsWith(`${id} `))!;
    expect(line('undecided')).toContain('undecided on these records: hold under § 2(a) or § 2(b), or decline under § 2(c)');
    expect(line('undecided')).not.toContain('undecided (§ 2(a))');
    expect(line('settled')).toMatch(/hold \(§ 2\(a\)\)\s+decline \(§ 2\(b\)\)$/);
    const j = JSON.parse((await runCli('simulate', twoHolds, '--cases', open, '--compare', declineAll, '--json')).out);
    const [undecided, settled] = j.comparison.cases;
    expect(undecided.policy.undecided).toEqual([
      {
        outcome: 'hold',
        under: [
          { provision: 'felony-and-warrant', citation: '§ 2(a)' },
          { provision: 'admin-warrant', citation: '§ 2(b)' },
        ],
      },
      { outcome: 'decline', under: [{ provision: 'default', citation: '§ 2(c)' }] },
    ]);
    expect(settled.policy).toEqual({ outcome: 'hold', provision: 'felony-and-warrant', citation: '§ 2(a)' });
  });
});

describe('explain: the request’s limit on such a case', () => {
  it('goes under each provision that may decide it, not under the first provision’s heading', async () => {
    const notice = path.join(dir, 'notice.json');
    fs.writeFileSync(
      notice,
      JSON.stringify([
        {
          ...base,
          id: 'notice-only',
          eligibleForReleaseAt: '2024-03-02T10:00',
          detainer: { ...base.detainer, requests: ['notify'] },
          unknown: ['judicialWarrant'],
        },
      ]),
    );
    const r = await runCli('explain', twoHolds, '--cases', notice, '--id', 'notice-only');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Under § 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] or, if it does not apply, § 2(b) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] (these records do not show which):\n  the policy allows "hold", but the outcome may not exceed what ICE requested: yes\n    - ICE requested: notify\n',
    );
    // The first provision's heading is said once, over its own test only.
    expect(
      r.out
        .split('\n')
        .filter(
          (l) =>
            l ===
            '§ 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice]:',
        ),
    ).toHaveLength(1);
  });
});
