// A detainer request dated after the person's release time: the policy's decision stands, but no one
// is held or reported on it, so no hold hours, cost or "held" count it, on either side of a comparison.
import { describe, expect, it } from 'vitest';
import { compile, HONOR_ALL, simulate, summaryBounds } from '../../engine/index';
import { bookingCase, policyWith, prepared } from './helpers';

// Booked Wednesday 09:00, released 16:00. In time: asked at 11:00. Late: asked at 20:00, four hours after release.
const inTime = () => bookingCase({ id: 'IN-TIME' });
const late = (id = 'LATE', requests: Array<'hold' | 'notify'> = ['hold', 'notify']) =>
  bookingCase({ id, detainer: { issuedAt: '2012-06-06T20:00', requests } });

describe('a request that came after the release time', () => {
  const policy = compile(policyWith(undefined)); // holds every request for 48 hours, weekends and holidays left out
  const cases = [prepared(inTime()), prepared(late()), prepared(late('LATE-NOTICE', ['notify']))];

  it('keeps the policy’s decision but counts no hold hours or cost for it', () => {
    const r = simulate(policy, cases);
    expect(r.summary.outcomes).toEqual({ hold: 2, notify: 1, review: 0, decline: 0 });
    // Only the hold in time: Wednesday 16:00 to Friday 16:00.
    expect(r.summary.holdHours).toBe(48);
    expect(r.holdHoursByProvision).toEqual([48, 0]);
    expect(r.summary.cost.total).toBe(286);
    expect(r.summary.afterRelease).toEqual({ cases: 2, outcomes: { hold: 1, notify: 1, review: 0, decline: 0 } });
  });

  it('is not held in the breakdown by year, and has a column of its own there', () => {
    const r = simulate(policy, cases);
    expect(r.breakdown.byYear).toEqual([
      {
        key: '2012',
        total: 3,
        outcomes: { hold: 2, notify: 1, review: 0, decline: 0 },
        undetermined: 0,
        held: { atLeast: 1, atMost: 1 },
        afterRelease: 2,
        inTime: { outcomes: { hold: 1, notify: 0, review: 0, decline: 0 }, undetermined: 0 },
      },
    ]);
  });

  it('is counted in its own row, so the outcome counts add up to the cases', () => {
    const r = simulate(policy, cases);
    // The policy's decisions on every case stay as they were; the requests in time are counted apart.
    expect(r.summary.inTime).toEqual({ cases: 1, outcomes: { hold: 1, notify: 0, review: 0, decline: 0 } });
    const b = summaryBounds(r.summary);
    expect(b.afterRelease).toBe(2);
    expect(b.range).toEqual({ hold: { atLeast: 1, atMost: 1 }, notify: { atLeast: 0, atMost: 0 }, decline: { atLeast: 0, atMost: 0 } });
    expect(b.range.hold.atLeast + b.range.notify.atLeast + b.review + b.open + b.range.decline.atLeast + b.afterRelease).toBe(3);
  });

  it('is counted apart on both sides of a comparison with honoring every detainer', () => {
    const r = simulate(compile(policyWith(undefined, {}, 'decline')), cases, {
      compare: { policy: compile(HONOR_ALL), title: 'honor all' },
    });
    const other = r.comparison!.otherSummary;
    // The baseline would hold both hold requests; only the one in time is held (I-247 of 2012: 48 hours, weekends left out).
    expect(other.outcomes.hold).toBe(2);
    expect(other.holdHours).toBe(48);
    expect(other.afterRelease).toEqual({ cases: 2, outcomes: { hold: 1, notify: 1, review: 0, decline: 0 } });
    expect(r.summary.afterRelease).toEqual({ cases: 2, outcomes: { hold: 0, notify: 0, review: 0, decline: 2 } });
    expect(r.comparison!.delta.holdHours).toBe(-48);
  });

  it('a late hold on both sides has no end on either, so the two holds do not differ by their ends', () => {
    // 24 calendar hours against the baseline's 48 leaving out weekends: held in time, the two would end apart.
    const o = policyWith(undefined);
    const rule = o.sections![0]!.provisions![0]!;
    rule.maxHold = { hours: 24 };
    const r = simulate(compile(o), [prepared(late())], { compare: { policy: compile(HONOR_ALL), title: 'honor all' } });
    expect(
      simulate(compile(o), [prepared(inTime())], { compare: { policy: compile(HONOR_ALL), title: 'honor all' } }).comparison!.changed,
    ).toBe(1);
    expect(r.comparison!.matrix.hold.hold).toBe(1);
    expect(r.comparison!.holdEndsDiffer).toBe(0);
    expect(r.comparison!.changed).toBe(0);
  });

  it('the decision says why and gives no hold end; a request in time is untouched', () => {
    const d = policy.decide(prepared(late()));
    expect(d.outcome).toBe('hold');
    // The contract's end, counted from the release, though no one is held to it.
    expect(d.holdUntil).toBe('2012-06-08T16:00');
    expect(d.requestAfterRelease).toEqual({ requestedAt: '2012-06-06T20:00', releaseAt: '2012-06-06T16:00' });
    const ok = policy.decide(prepared(inTime()));
    expect(ok.holdUntil).toBe('2012-06-08T16:00');
    expect(ok.requestAfterRelease).toBeUndefined();
  });

  it('a request at the release minute is in time', () => {
    const r = simulate(policy, [prepared(bookingCase({ detainer: { issuedAt: '2012-06-06T16:00' } }))]);
    expect(r.summary.afterRelease).toBeUndefined();
    expect(r.summary.holdHours).toBe(48);
  });

  it('with no release time in the records the question is not asked', () => {
    const c = bookingCase({ detainer: { issuedAt: '2012-06-06T20:00' } });
    delete (c as { eligibleForReleaseAt?: string }).eligibleForReleaseAt;
    const r = simulate(policy, [prepared({ ...c, unknown: ['eligibleForReleaseAt'] })]);
    expect(r.summary.afterRelease).toBeUndefined();
    expect(r.summary.unknowns?.holdsOfUnknownLength).toBe(1);
  });
});

describe('a request after release in the ranges of undecided cases', () => {
  // Holds on a judicial warrant, declines the rest.
  const warrant = compile(policyWith({ judicialWarrant: true }));
  const open = (c: ReturnType<typeof bookingCase>) => {
    const { judicialWarrant: _, ...detainer } = c.detainer;
    return prepared({ ...c, detainer: detainer as typeof c.detainer, unknown: ['judicialWarrant'] });
  };

  it('an open case asked for after release is never a possible hold', () => {
    // IN-TIME may be held or declined (the records do not say whether a judge signed); so may LATE, but no one is there to hold.
    const r = simulate(warrant, [open(inTime()), open(late())]);
    expect(r.summary.unknowns!.undetermined).toBe(2);
    const b = summaryBounds(r.summary);
    expect(b.open).toBe(1);
    expect(b.afterRelease).toBe(1);
    expect(b.range.hold).toEqual({ atLeast: 0, atMost: 1 });
    expect(b.range.decline).toEqual({ atLeast: 0, atMost: 1 });
    expect(b.why).toEqual(['1 decision the records cannot settle may be holds']);
    expect(r.summary.inTime).toMatchObject({ cases: 1, undetermined: 1 });
  });

  it('a case left to a finding and asked for after release is never a possible hold', () => {
    const finding = compile(policyWith({ discretion: { finding: 'the person poses a risk' } }));
    const r = simulate(finding, [prepared(inTime()), prepared(late())]);
    expect(r.summary.outcomes.review).toBe(2);
    const b = summaryBounds(r.summary);
    expect(b.review).toBe(1);
    expect(b.findingsMayHold).toBe(1);
    expect(b.range.hold).toEqual({ atLeast: 0, atMost: 1 });
    expect(b.why).toEqual(['1 case left to a person’s finding may be held']);
  });

  it('an open case that may come to a finding, asked for after release, is in no range', () => {
    const either = compile(policyWith({ any: [{ judicialWarrant: true }, { discretion: { finding: 'the person poses a risk' } }] }));
    const r = simulate(either, [open(inTime()), open(late()), prepared(late('LATE-2'))]);
    const b = summaryBounds(r.summary);
    expect(b.afterRelease).toBe(2);
    expect(b.range.hold.atMost).toBe(1);
    expect(b.open + b.review + b.afterRelease).toBe(3);
  });
});
