// A settled outcome more than one provision may decide: the first provision that may apply has a test
// the records leave open, and a later one surely applies with the same outcome. No one provision
// decided it, so none is named as the one; and when the provisions that may decide a hold allow
// different holds, how long the hold lasts is not settled either.

import { describe, expect, it } from 'vitest';
import {
  decidedAs,
  compile,
  decidingConvictions,
  holdEndsMayDifferSentence,
  settledDecidingConvictions,
  simulate,
  simulateDraft,
  simulationJson,
} from '../../engine/index';
import { validOrdinance } from './helpers';
import { row, table, twoHoldsText } from './two-holds';

const policy = (secondHold: string) => twoHoldsText(secondHold);
const differentHolds = validOrdinance(policy('{ hours: 24 }'));
const sameHolds = validOrdinance(policy('{ hours: 48, excludingWeekendsAndHolidays: true }'));

describe('a settled outcome more than one provision may decide', () => {
  const t = table([
    row('open-first'),
    { ...row('release-unknown', { unknown: ['judicialWarrant', 'eligibleForReleaseAt'] }), eligibleForReleaseAt: undefined },
    row('warrant-known', { unknown: [], detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', judicialWarrant: true } }),
  ]);

  it('the bound policy names every provision that may decide it, and one where one surely does', () => {
    const b = compile(differentHolds).bind(t);
    expect(b.deciderCount!(0)).toBe(2);
    expect(b.deciders!(0)).toEqual([0, 1]);
    expect(b.possible!(0)).toBe(1);
    expect(b.deciderCount!(2)).toBe(1);
    expect(b.deciders!(2)).toEqual([0]);
  });

  it('explain names both, not the first as the one that decided', () => {
    const d = compile(sameHolds).explain(t, 0);
    expect(d.outcome).toBe('hold');
    expect(d.undetermined).toBeUndefined();
    const p = compile(sameHolds);
    expect(d.decidedByOneOf).toEqual([
      { provision: 'felony-and-warrant', citation: p.citationOf(0) },
      { provision: 'admin-warrant', citation: p.citationOf(1) },
    ]);
    // `provision` and `citation` stay the first that may decide it, as on an open decision.
    expect(d.provision).toBe('felony-and-warrant');
    // The same limit either way: the hold's end is settled.
    expect(d.holdUntil).toBe('2024-03-06T00:00');
    expect(compile(sameHolds).explain(t, 2).decidedByOneOf).toBeUndefined();
  });

  it('under different limits the hold is certain but its end is not', () => {
    const d = compile(differentHolds).explain(t, 0);
    expect(d.outcome).toBe('hold');
    expect(d.holdUntil).toBeNull();
    const limit = d.reasons.find((r) => r.condition.startsWith('the hold lasts'))!;
    expect(limit.condition).toBe(
      'the hold lasts up to 48 hours, not counting weekends and holidays, under § 2(a), or 24 hours under § 2(b) from release',
    );
    expect(limit.facts[0]).toContain(
      'ends at the soonest at 2024-03-03T10:00 and at the latest at 2024-03-06T00:00: its end is not known, and the simulation counts it to the soonest end (24 hours)',
    );
  });

  it('the simulation counts such a hold as one of unknown length, at its soonest end', () => {
    const s = simulate(compile(differentHolds), t).summary;
    expect(s.outcomes.hold).toBe(3);
    // Only the warrant-known case (48 hours not counting the weekend: Saturday 10:00 to Wednesday 00:00, 86 hours) is of known length.
    expect(s.holdHours).toBe(86);
    expect(s.unknowns!.holdsOfUnknownLength).toBe(2);
    expect(s.unknowns!.holdsOfUnsettledLimit).toBe(1);
    // At least: 86, 24 (the sooner end, Sunday 10:00) and 24 (the shorter limit from an unknown release).
    expect(s.unknowns!.holdHoursAtLeast).toBe(134);
    // Under one limit nothing is unsettled.
    const same = simulate(compile(sameHolds), t).summary;
    expect(same.holdHours).toBe(172);
    expect(same.unknowns!.holdsOfUnknownLength).toBe(1);
    expect(same.unknowns!.holdsOfUnsettledLimit).toBeUndefined();
    expect(same.unknowns!.holdHoursAtLeast).toBe(220);
  });

  it('against a hold that ends apart from each end it may have, the ends differ, and none is named', () => {
    const sim = simulateDraft({ ordinance: differentHolds, cases: t, compare: { kind: 'baseline' } });
    const c = sim.result.comparison!;
    const open = c.cases.find((x) => x.id === 'open-first');
    expect(open).toBeDefined();
    expect(open!.holdUntil).toBeUndefined();
    expect(open!.holdLimits).toBeUndefined();
    expect(sim.result.holdEndsDiffer![0]).toBe(1);
  });

  it('against a hold one of whose possible ends is the other side’s, whether they differ is not known, and says why', () => {
    const c = simulate(compile(differentHolds), t, { compare: { policy: compile(sameHolds), title: 'one limit' } }).comparison!;
    // open-first may end on Wednesday as the other does; release-unknown may be held under the same limit.
    expect(c.holdEndsMayDiffer).toBe(2);
    expect(c.holdEndsMayDifferUnsettled).toBe(2);
    expect(c.holdEndsDiffer).toBe(0);
    expect(c.changed).toBe(0);
    expect(holdEndsMayDifferSentence(c)).toBe(
      'Whether 2 cases held under both are held until different times is not known: the records leave open which provision decides the hold, and those that may end it at different times.',
    );
    expect(holdEndsMayDifferSentence(2)).toContain('the records give no release time');
  });

  it('names no deciding conviction unless each provision that may decide it names the same', () => {
    const p = compile(differentHolds);
    // The felony satisfies the first provision's conviction test, whose warrant test is open; the second reads none.
    expect(decidingConvictions(p, t, [0])[0]!.convictions.map((c) => c.offense)).toEqual(['rape']);
    const [settled] = settledDecidingConvictions(p, t, [0]);
    expect(settled!.convictions).toEqual([]);
    expect(settled!.decidedByOneOf!.map((x) => x.provision)).toEqual(['felony-and-warrant', 'admin-warrant']);
    expect(settled!.undetermined).toBeUndefined();
    // Where one provision surely decides, as before.
    expect(settledDecidingConvictions(p, t, [2])).toEqual(decidingConvictions(p, t, [2]));
  });

  it('simulate --json says so on the decision', () => {
    const sim = simulateDraft({ ordinance: differentHolds, cases: t });
    const json = JSON.parse([...simulationJson(sim, { policy: { title: 't', fingerprint: 'sha256:x' }, cases: { total: 3 } })].join(''));
    const [first, , known] = json.decisions;
    expect(first.decidedByOneOf.map((x: { citation: string }) => x.citation)).toEqual(['§ 2(a)', '§ 2(b)']);
    expect(first.holdUntil).toBeNull();
    expect(first).not.toHaveProperty('decidingConvictions');
    expect(known).not.toHaveProperty('decidedByOneOf');
    expect(known.decidingConvictions.map((c: { offense: string }) => c.offense)).toEqual(['rape']);
  });
});

describe('coverage where the records leave open which provision decides', () => {
  it('counts a settled case under the first that may decide it, says a later one may decide it instead, and calls neither unreached', () => {
    // The first case: the warrant the records lack leaves open whether the first provision or the
    // second decides its hold. The second: the first surely decides. No case reaches the second surely.
    const t = table([
      row('open-first'),
      row('warrant-known', {
        unknown: [],
        detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', judicialWarrant: true },
      }),
    ]);
    const r = simulate(compile(sameHolds), t);
    const [first, second] = r.coverage.provisions;
    expect(first!.decided).toBe(2);
    expect(first!.settledOneOf).toBe(1);
    expect(first!.mayDecide).toBeUndefined();
    expect(second!.decided).toBe(0);
    expect(second!.mayDecide).toBe(1);
    expect(second!.settledOneOf).toBeUndefined();
    // The second provision may decide a case: it is not among those no case reached.
    expect(r.coverage.unreached).toEqual([]);
    expect(decidedAs(first!, { hold: 'held', notify: 'notified', review: 'referred', decline: 'declined' }, String)).toBe(
      '2 held; 1 of the settled ones perhaps by a later provision instead (the records do not show whether this one applies; the outcome is the same)',
    );
    expect(decidedAs(second!, { hold: 'held', notify: 'notified', review: 'referred', decline: 'declined' }, String)).toBe(
      'none; it may be the one to decide 1 counted under an earlier provision',
    );
  });

  it('records with every fact known carry neither count', () => {
    const t = table([
      row('warrant-known', {
        unknown: [],
        detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', judicialWarrant: true },
      }),
    ]);
    const r = simulate(compile(sameHolds), t);
    expect(r.coverage.provisions.every((p) => p.settledOneOf === undefined && p.mayDecide === undefined)).toBe(true);
    expect(r.coverage.unreached).toEqual(['admin-warrant']);
  });
});
