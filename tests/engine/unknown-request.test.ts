// A case whose request the records lack (ICE's detainer type blank or unread, or `unknown: [requests]`)
// is read as each request a detainer can make: a hold, notice, or both. Every detainer asks at least for
// notice (8 CFR 287.7(a)); "nothing requested" is a value the records give, never what an unknown
// request stands for. So an outcome is possible only where some one of those requests gives it: the
// honor-all baseline, which holds where a hold is asked and notifies where notice is, never declines
// such a case, though reading its two tests with the request left open reaches its otherwise clause.

import { describe, expect, it } from 'vitest';
import { compile, HONOR_ALL, OUTCOMES, simulate, type Outcome } from '../../engine/index';
import { validOrdinance } from './helpers';
import { DECLINE_ALL_TEXT, row, table } from './two-holds';

const bits = (...os: Outcome[]) => os.reduce((b, o) => b | (1 << OUTCOMES.indexOf(o)), 0);
const unknownRequest = { unknown: ['requests'], detainer: { requests: [], issuedAt: '2024-03-01T12:00' } };
const t = table([row('request-unknown', unknownRequest)]);

/** Holds where ICE asked for a hold; declines every other detainer (one asking only for notice). */
const holdIfAsked = validOrdinance(`title: Hold if asked
jurisdiction: { name: Testville, state: NM }
sections:
  - heading: Detainers
    provisions:
      - id: asked-hold
        when: { requested: hold }
        outcome: hold
        maxHold: { hours: 48 }
otherwise: decline
`);

describe('the request unknown', () => {
  it('the honor-all baseline holds or notifies, and never declines', () => {
    const p = compile(HONOR_ALL);
    const b = p.bind(t);
    expect(b.possible!(0)).toBe(bits('hold', 'notify'));
    expect(b.deciders!(0)).toEqual([0, 1]);
    expect(b.mayGive!(0)).toEqual([bits('hold'), bits('notify')]);
    // What it can come to in the end (the summary's final range) is the same.
    expect(p.bindFinal(t)(0)).toBe(bits('hold', 'notify'));
    const d = p.explain(t, 0);
    expect(d.undetermined!.possible).toEqual(['hold', 'notify']);
    expect(d.undetermined!.dependsOn).toEqual(['requests']);
    expect(d.undecided!.map((x) => [x.outcome, x.under.map((q) => q.provision)])).toEqual([
      ['hold', ['honor-hold']],
      ['notify', ['honor-notify']],
    ]);
  });

  it('compared with a draft that declines it, the case differs for certain (it is not one that may)', () => {
    const c = simulate(compile(validOrdinance(DECLINE_ALL_TEXT)), t, {
      compare: { policy: compile(HONOR_ALL), title: 'baseline' },
    }).comparison!;
    expect(c.changed).toBe(1);
    expect(c.mayDiffer).toBe(0);
    expect(c.cases[0]!.otherOpen).toBe(true);
    expect(c.cases[0]!.mayDiffer).toBeUndefined();
  });

  it('the otherwise clause stays possible where a request reaches it: notice alone, under a draft that holds only where a hold is asked', () => {
    const p = compile(holdIfAsked);
    expect(p.bind(t).possible!(0)).toBe(bits('hold', 'decline'));
    expect(p.bindFinal(t)(0)).toBe(bits('hold', 'decline'));
    expect(p.explain(t, 0).undecided!.map((x) => [x.outcome, x.under.map((q) => q.provision)])).toEqual([
      ['hold', ['asked-hold']],
      ['decline', ['default']],
    ]);
  });

  it('a known request is read as it is, and the row is left as it was', () => {
    // (The judge's warrant unknown, which the baseline does not read: the table is one with unknown facts.)
    const known = table([row('asked-notice', { detainer: { requests: ['notify'], issuedAt: '2024-03-01T12:00' } })]);
    expect(compile(HONOR_ALL).bind(known).possible?.(0)).toBe(bits('notify'));
    const before = [t.flags[0], t.unknown[0]];
    compile(holdIfAsked).bind(t).possible!(0);
    expect([t.flags[0], t.unknown[0]]).toEqual(before);
  });
});
