// explain on a case the records leave undecided: its first line says each outcome the case could have
// with the provisions that would give it, in the changed cases' words, and never names the first
// provision that may apply as if it decided the case.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { twoHoldsText, VIOLENT_FELONY_BOOKING } from '../engine/two-holds';
import { runCli } from './run-in-process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'undecided-explain-'));
const twoHolds = path.join(dir, 'two-holds.ordinance.yaml');
const cases = path.join(dir, 'cases.json');
fs.writeFileSync(twoHolds, twoHoldsText('{ hours: 24 }'));
// As the honor-all baseline reads: a hold where a hold is asked, notice where notice is, else decline.
const asAsked = path.join(dir, 'as-asked.ordinance.yaml');
fs.writeFileSync(
  asAsked,
  `title: As asked
jurisdiction: { name: Testville, state: NM }
sections:
  - heading: Detainers
    provisions:
      - id: asked-hold
        when: { requested: hold }
        outcome: hold
        maxHold: { hours: 48 }
      - id: asked-notice
        when: { requested: notify }
        outcome: notify
otherwise: decline
`,
);
const base = VIOLENT_FELONY_BOOKING;
fs.writeFileSync(
  cases,
  JSON.stringify([
    // Neither warrant is in the records: § 2(a) or § 2(b) may hold it, or neither applies and § 2(c) declines it.
    { ...base, id: 'both-open', unknown: ['judicialWarrant', 'administrativeWarrant'] },
    // What ICE asked for is not in the records.
    { ...base, id: 'request-unknown', detainer: { requests: [], issuedAt: '2024-03-01T12:00' }, unknown: ['requests'] },
  ]),
);

describe('explain: a case the records leave undecided', () => {
  it('names each outcome it could have under the provisions that would give it, not the first provision', async () => {
    const r = await runCli('explain', twoHolds, '--cases', cases, '--id', 'both-open');
    expect(r.code).toBe(0);
    const first = r.out.split('\n')[0]!;
    expect(first).toBe(
      'Case both-open: UNDECIDED: these records cannot settle it. It turns on whether the civil immigration detainer is supported by a judicial warrant; ' +
        'whether an ICE administrative warrant (form I-200 or I-205) accompanies the civil immigration detainer. It is undecided on these records: hold under § 2(a) ' +
        '[no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] or § 2(b) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice], or decline under § 2(c) Otherwise; no one provision is named as deciding it.',
    );
    expect(r.out).not.toContain('first provision');
  });

  it('words the otherwise clause as a decided case does, and says whether no provision above applies is not known', async () => {
    const open = await runCli('explain', twoHolds, '--cases', cases, '--id', 'both-open');
    const tail = (out: string) => out.trimEnd().split('\n').slice(-2);
    // § 2(a) and § 2(b) are UNKNOWN above it, so that neither applies is not known either.
    expect(tail(open.out)).toEqual([
      '§ 2(c) Otherwise:',
      '  no provision above applies: UNKNOWN (not in these records, or a person must decide)',
    ]);
    const json = JSON.parse((await runCli('explain', twoHolds, '--cases', cases, '--id', 'both-open', '--json')).out) as {
      reasons: Array<{ provision: string; condition: string; value: unknown }>;
    };
    expect(json.reasons.filter((r) => r.provision === 'default')).toEqual([
      expect.objectContaining({ condition: 'no provision above applies', value: 'unknown' }),
    ]);
    // With both warrants known to be absent the same line is settled, in the same words.
    const known = path.join(dir, 'known.json');
    fs.writeFileSync(known, JSON.stringify([{ ...base, id: 'no-warrants' }]));
    const decided = await runCli('explain', twoHolds, '--cases', known, '--id', 'no-warrants');
    expect(decided.out.split('\n')[0]).toBe('Case no-warrants: DECLINE, decided by § 2(c) Otherwise.');
    expect(tail(decided.out)).toEqual(['§ 2(c) Otherwise:', '  no provision above applies: yes']);
  });

  it('explain --json carries the same outcomes and provisions (`undecided`), as simulate --json’s changed cases do', async () => {
    const r = await runCli('explain', twoHolds, '--cases', cases, '--id', 'both-open', '--json');
    const d = JSON.parse(r.out) as { undecided: unknown; provision: string; outcome: string };
    const cite = (provision: string, citation: string) => ({ provision, citation });
    expect(d.undecided).toEqual([
      { outcome: 'hold', under: [cite('felony-and-warrant', '§ 2(a)'), cite('admin-warrant', '§ 2(b)')] },
      { outcome: 'decline', under: [cite('default', '§ 2(c)')] },
    ]);
    // The keys stay: review marks it undecided, and `provision` is only the first that may apply.
    expect(d.outcome).toBe('review');
    expect(d.provision).toBe('felony-and-warrant');
  });

  it('with the request unknown, says how it is read, and names no decline a request never gives', async () => {
    const r = await runCli('explain', asAsked, '--cases', cases, '--id', 'request-unknown');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'Case request-unknown: UNDECIDED: these records cannot settle it. It turns on what ICE asked for. It is undecided on these records: ' +
        'hold under § 2(a) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice], or notify under § 2(b) [no heading; answers the civil immigration detainer with notice of release only]; no one provision is named as deciding it.',
      'What ICE asked for is not in these records: it is read as a hold, notice, or both, never as nothing requested, since every detainer asks at least to be told before the person is released (8 CFR 287.7).',
    ]);
  });

  it('names apart a fact that changes only which provision decides, and does not say the case turns on it', async () => {
    // § 2(a) needs both warrants (and a felony), § 2(b) the administrative one, under the same limit: the
    // judge's warrant changes only which of them holds; the administrative warrant, whether it is held at all.
    const sameLimit = path.join(dir, 'same-limit.ordinance.yaml');
    fs.writeFileSync(
      sameLimit,
      twoHoldsText('{ hours: 48, excludingWeekendsAndHolidays: true }').replace(
        '{ judicialWarrant: true } ]',
        '{ judicialWarrant: true }, { administrativeWarrant: true } ]',
      ),
    );
    const r = await runCli('explain', sameLimit, '--cases', cases, '--id', 'both-open');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'Case both-open: UNDECIDED: these records cannot settle it. It turns on whether an ICE administrative warrant (form I-200 or I-205) accompanies the civil immigration detainer. ' +
        'It is undecided on these records: hold under § 2(a)(1) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice] or § 2(a)(2) [no heading; holds the person where the civil immigration detainer asks for a hold, and gives notice where it asks only for notice], or decline under § 2(b) Otherwise; ' +
        'no one provision is named as deciding it. Which provision decides it also turns on whether the civil immigration detainer is supported by a judicial warrant, ' +
        'but that does not change the outcome or how long a hold may last.',
    );
    const json = JSON.parse((await runCli('explain', sameLimit, '--cases', cases, '--id', 'both-open', '--json')).out);
    expect(json.undetermined).toEqual({
      possible: ['hold', 'decline'],
      dependsOn: ['administrativeWarrant'],
      whichProvisionOnly: ['judicialWarrant'],
    });
  });
});
