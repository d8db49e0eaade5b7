// A case whose outcome the records leave open (undecided on these records) is never credited to the
// first provision that may apply: the changed cases of a comparison (simulate --json and text, the
// impact report's and redline's words) and the app's groups of why decisions differ name each
// outcome it could have with the provisions that would give it. A settled case is listed as before.

import { describe, expect, it } from 'vitest';
import { changedDecisionGroups, compile, simulate, simulateDraft, undecidedWords } from '../../engine/index';
import { changedCaseWords } from '../../engine/export/decision-delta';
import { changeReason } from '../../renderer/src/simulation/committee';
import { validOrdinance } from './helpers';
import { DECLINE_ALL_TEXT, row, table, twoHoldsText } from './two-holds';

const twoHolds = validOrdinance(twoHoldsText('{ hours: 24 }', { headings: true }));
const declineAll = validOrdinance(DECLINE_ALL_TEXT);
const request = { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' };

const t = table([
  // Neither warrant is in the records: § 2(a) or § 2(b) may hold it, or neither applies and § 2(c) declines it.
  row('both-open', { unknown: ['judicialWarrant', 'administrativeWarrant'], detainer: request }),
  // No administrative warrant: only § 2(a) may hold it, on the judge's warrant the records lack.
  row('first-open', { unknown: ['judicialWarrant'], detainer: { ...request, administrativeWarrant: false } }),
  // § 2(a) surely holds.
  row('settled', { unknown: [], detainer: { ...request, judicialWarrant: true } }),
]);
const cite = (provision: string, citation: string) => ({ provision, citation });
const A = cite('felony-and-warrant', '§ 2(a)');
const B = cite('admin-warrant', '§ 2(b)');
const C = cite('default', '§ 2(c)');

describe('changed cases: a case the records leave undecided', () => {
  const r = simulate(compile(twoHolds), t, { compare: { policy: compile(declineAll), title: 'decline all' } });
  const cases = r.comparison!.cases;
  const byId = (id: string) => cases.find((c) => c.id === id)!;

  it('names each outcome it could have, with the provisions that would give it', () => {
    expect(byId('both-open').policyOpen).toBe(true);
    expect(byId('both-open').policy.undecided).toEqual([
      { outcome: 'hold', under: [A, B] },
      { outcome: 'decline', under: [C] },
    ]);
    expect(byId('first-open').policy.undecided).toEqual([
      { outcome: 'hold', under: [A] },
      { outcome: 'decline', under: [C] },
    ]);
    // The settled side and the settled case carry nothing new.
    expect(byId('both-open').other.undecided).toBeUndefined();
    expect(byId('settled').policy).toEqual({ outcome: 'hold', provision: 'felony-and-warrant', citation: '§ 2(a)' });
  });

  it('the impact report and redline say it so, never "undecided (§ 2(a))"', () => {
    expect(changedCaseWords(byId('both-open'), 'policy')).toBe(
      'undecided on these records: hold under § 2(a) or § 2(b), or decline under § 2(c)',
    );
    expect(changedCaseWords(byId('first-open'), 'policy')).toBe('undecided on these records: hold under § 2(a), or decline under § 2(c)');
    expect(changedCaseWords(byId('settled'), 'policy')).toBe('hold (§ 2(a))');
    expect(undecidedWords(byId('both-open').policy.undecided!, (p) => p.citation)).toBe(
      'undecided on these records: hold under § 2(a) or § 2(b), or decline under § 2(c)',
    );
  });

  it('on the compared side too', () => {
    const back = simulate(compile(declineAll), t, { compare: { policy: compile(twoHolds), title: 'two holds' } }).comparison!;
    const c = back.cases.find((x) => x.id === 'both-open')!;
    expect(c.otherOpen).toBe(true);
    expect(c.other.undecided).toEqual([
      { outcome: 'hold', under: [A, B] },
      { outcome: 'decline', under: [C] },
    ]);
    expect(c.policy.undecided).toBeUndefined();
  });

  it('with the request unknown, a provision that reads the request is named only for what it gives under the requests it applies to', () => {
    // The honor-all baseline: a hold where a hold is asked, notice where only notice is.
    const unknownRequest = table([
      row('request-unknown', { unknown: ['requests'], detainer: { requests: [], issuedAt: '2024-03-01T12:00' } }),
    ]);
    const sim = simulateDraft({ ordinance: declineAll, cases: unknownRequest, compare: { kind: 'baseline' } });
    const other = sim.result.comparison!.cases[0]!.other;
    // Never decline: whatever ICE asked for (a hold, notice, or both), one of the two applies (see unknown-request.test.ts).
    expect(other.undecided!.map((x) => [x.outcome, x.under.map((p) => p.provision)])).toEqual([
      ['hold', ['honor-hold']],
      ['notify', ['honor-notify']],
    ]);
  });
});

describe('an undecided case one provision decides whatever the request', () => {
  it('puts its outcomes together under it', () => {
    // § 2(a) surely applies; what ICE asked for is not in the records: a hold, or notice where only notice was asked.
    const unknownRequest = table([
      row('request-unknown', { unknown: ['requests'], detainer: { requests: [], issuedAt: '2024-03-01T12:00', judicialWarrant: true } }),
    ]);
    const c = simulate(compile(twoHolds), unknownRequest, { compare: { policy: compile(declineAll), title: 'decline all' } }).comparison!
      .cases[0]!;
    expect(c.policy.undecided).toEqual([
      { outcome: 'hold', under: [A] },
      { outcome: 'notify', under: [A] },
    ]);
    expect(changedCaseWords(c, 'policy')).toBe('undecided on these records: hold or notify under § 2(a)');
  });
});

describe('why decisions differ: an undecided group', () => {
  const sim = simulateDraft({
    ordinance: twoHolds,
    cases: t,
    compare: { kind: 'draft', ordinance: declineAll, title: 'Decline all', fingerprint: 'sha256:decline' },
  });
  const mine = sim.sides.policy;
  const theirs = sim.sides.other!;

  it('keeps apart cases that could come to different things, and names what and under which provisions', () => {
    const groups = changedDecisionGroups(mine.codes, theirs.codes, {
      possible: mine.possible!,
      dependsOn: mine.dependsOn!,
      undecidedBy: mine.undecidedBy!,
    });
    // Both open cases are reviewed at § 2(a), the first that may apply; they are not one group.
    expect(groups.filter((g) => g.open)).toHaveLength(2);
    const reasons = groups.map((g) => changeReason(g, mine.provisions, theirs.provisions, 'Decline all', twoHolds));
    expect(reasons.find((x) => x.example === 0)!.because).toBe(
      "they turn on whether a judicial warrant supports the detainer and whether an administrative warrant (I-200/I-205) is attached, which these records do not give: they could be held under § 2(a) (Felony with a judge's warrant) or § 2(b) (Administrative warrant), or declined under the otherwise clause (§ 2(c)); Decline all decides them by its otherwise clause.",
    );
    expect(reasons.find((x) => x.example === 1)!.because).toBe(
      "they turn on whether a judicial warrant supports the detainer, which these records do not give: they could be held under § 2(a) (Felony with a judge's warrant), or declined under the otherwise clause (§ 2(c)); Decline all decides them by its otherwise clause.",
    );
  });

  it('and under the compared policy', () => {
    const back = simulateDraft({
      ordinance: declineAll,
      cases: t,
      compare: { kind: 'draft', ordinance: twoHolds, title: 'Two holds', fingerprint: 'sha256:two' },
    });
    const o = back.sides.other!;
    const groups = changedDecisionGroups(back.sides.policy.codes, o.codes, {}, { possible: o.possible!, undecidedBy: o.undecidedBy! });
    const r = groups.map((g) => changeReason(g, back.sides.policy.provisions, o.provisions, 'Two holds', declineAll));
    expect(r.find((x) => x.example === 0)!.because).toContain(
      "under Two holds they turn on a fact the records do not give (they could be held under § 2(a) (Felony with a judge's warrant) or § 2(b) (Administrative warrant), or declined under the otherwise clause (§ 2(c)))",
    );
  });
});
