// A comparison counts the requests that came after release apart, as the outcome counts do: its
// changed count, its changed cases, the reasons decisions differ and the impact report's figure
// leave them out and say how many there are and whether the two decide them differently.
import { describe, expect, it } from 'vitest';
import { changedDecisionGroups, compile, comparedAfterReleaseWords, HONOR_ALL, simulate } from '../../engine/index';
import { decisionDelta, deltaSentence, renderImpactReportHtml } from '../../engine/export/index';
import { decidedCodesOf } from '../../engine/export/decision-delta';
import { caseRequestedAt as at, DECLINE_ALL, preparedAll } from './after-release-cases';

// B-2 is asked for four hours after its release; B-1 and B-3 in time (B-3 at the release minute).
const cases = preparedAll([at('B-1', '2012-06-06T11:00'), at('B-2', '2012-06-06T20:00'), at('B-3', '2012-06-06T16:00')]);
const compared = () => simulate(compile(DECLINE_ALL), cases, { compare: { policy: compile(HONOR_ALL), title: 'honor all' } });

describe('a comparison with a request after release', () => {
  it('leaves it out of the changed count and the changed cases, and counts it apart', () => {
    const r = compared();
    const c = r.comparison!;
    expect(c.changed).toBe(2);
    expect(c.mayDiffer).toBe(0);
    expect(c.cases.map((x) => x.id)).toEqual(['B-1', 'B-3']);
    expect(c.afterRelease).toEqual({ cases: 1, changed: 1, mayDiffer: 0 });
    // The table of decisions still compares every case.
    expect(c.matrix.decline.hold).toBe(3);
    expect(Array.from(r.afterReleaseCases!)).toEqual([1]);
  });

  it('finds the requests after release once, and each side counts them alike', () => {
    const r = compared();
    expect(r.summary.inTime).toEqual({ cases: 2, outcomes: { hold: 0, notify: 0, review: 0, decline: 2 } });
    expect(r.comparison!.otherSummary.inTime).toEqual({ cases: 2, outcomes: { hold: 2, notify: 0, review: 0, decline: 0 } });
  });

  it('has no afterRelease where every request came in time', () => {
    const r = simulate(compile(DECLINE_ALL), preparedAll([at('B-1', '2012-06-06T11:00')]), {
      compare: { policy: compile(HONOR_ALL), title: 'honor all' },
    });
    expect(r.comparison!.afterRelease).toBeUndefined();
    expect(r.afterReleaseCases).toBeUndefined();
    expect(comparedAfterReleaseWords(r.comparison!)).toBe('');
  });

  it('says so in words', () => {
    expect(comparedAfterReleaseWords(compared().comparison!)).toBe(
      'the 1 request that came after release is counted apart (the two decide it differently; no one is held or reported on it)',
    );
    expect(comparedAfterReleaseWords({ afterRelease: { cases: 3, changed: 2, mayDiffer: 1 } })).toBe(
      'the 3 requests that came after release are counted apart (the two decide 2 of them differently and may decide 1 more differently; no one is held or reported on them)',
    );
    expect(comparedAfterReleaseWords({ afterRelease: { cases: 2, changed: 0, mayDiffer: 0 } })).toBe(
      'the 2 requests that came after release are counted apart (the two decide each of them alike; no one is held or reported on them)',
    );
  });

  it('groups no reason for a decision on it', () => {
    const r = compared();
    const groups = changedDecisionGroups(r.codes, r.otherCodes!, {}, {}, r.holdEndsDiffer, r.afterReleaseCases);
    expect(groups.map((g) => g.count)).toEqual([2]);
    expect(groups[0]!.example).toBe(0);
  });

  it('is in no transition of the decision delta, whose sentence says it apart', () => {
    const r = compared();
    const d = decisionDelta(r.comparison!, cases.length, 200, decidedCodesOf(r));
    expect(d.transitions).toEqual([{ from: 'hold', to: 'decline', count: 2 }]);
    expect(deltaSentence(d)).toBe(
      'This amendment changes 2 of 2 decisions on requests that came in time: 2 from hold to decline. The 1 request that came after release is counted apart (the two decide it differently; no one is held or reported on it).',
    );
  });

  it('is left out of the impact report’s figure of decisions that differ, which says so', () => {
    const html = renderImpactReportHtml({ ordinance: DECLINE_ALL, cases, casesLabel: 'three cases' });
    expect(html).toContain(
      'decisions on requests that came in time that differ from the baseline (the 1 request that came after release is counted apart: the two decide it differently, and no one is held or reported on it)',
    );
    // No brackets inside the label's brackets.
    expect(html).not.toMatch(/<span class="what">[^<(]*\([^<)]*\(/);
    // Its share is of the 2 decisions compared (as the CLI's "2 of 2"), not of the 3 cases.
    expect(html).toMatch(/2 \(100\.0%\)<\/[a-z]+>[^]*?decisions on requests that came in time that differ/);
  });
});
