// Coverage where the records leave a case undecided: the case is decided by no provision, so no
// provision counts it among the cases it decided; each provision that may decide it counts it as a
// case it may decide, and the counts decided add up to the cases the records settle.

import { describe, expect, it } from 'vitest';
import { renderImpactReportHtml } from '../../engine/export/index';
import { compile, coverageTotalsWords, decidedAs, simulate, simulateDraft, simulationJson } from '../../engine/index';
import { validOrdinance } from './helpers';
import { row, table, twoHoldsText } from './two-holds';

const twoHolds = validOrdinance(twoHoldsText('{ hours: 24 }'));
const WORDS = { hold: 'held', notify: 'notified', review: 'referred', decline: 'declined' } as const;

// both-open: neither warrant is in the records, so § 2(a) or § 2(b) may hold it, or neither applies and
// the otherwise clause declines it. warrant-known: § 2(a) surely holds it. admin-only: no felony, so
// § 2(a) surely does not apply; the administrative warrant is unknown, so § 2(b) may hold it or the
// otherwise clause decline it. no-warrants: the otherwise clause surely declines it.
const unsure = { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' };
const cases = table([
  row('both-open', { detainer: unsure, unknown: ['judicialWarrant', 'administrativeWarrant'] }),
  row('warrant-known', { unknown: [], detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00', judicialWarrant: true } }),
  row('admin-only', { convictions: [], detainer: unsure, unknown: ['administrativeWarrant'] }),
  row('no-warrants', { unknown: [], detainer: { requests: ['hold', 'notify'], issuedAt: '2024-03-01T12:00' } }),
]);

describe('coverage of cases the records leave undecided', () => {
  const r = simulate(compile(twoHolds), cases);
  const [first, second] = r.coverage.provisions;
  const otherwise = r.coverage.otherwise;

  it('the two undecided cases are open, as the summary says', () => {
    expect(r.summary.unknowns!.undetermined).toBe(2);
    expect(r.summary.outcomes).toEqual({ hold: 1, notify: 0, review: 2, decline: 1 });
  });

  it('counts an undecided case as decided by no provision, and as "may decide" under each that may decide it', () => {
    // § 2(a) decided warrant-known only; both-open is not among its cases decided, though § 2(a) is the first that may apply.
    expect(first!.decided).toBe(1);
    expect(first!.outcomes).toEqual({ hold: 1, notify: 0, review: 0, decline: 0 });
    expect(first!.undetermined).toBe(1);
    // § 2(b) decided none, and may decide both-open and admin-only.
    expect(second!.decided).toBe(0);
    expect(second!.undetermined).toBe(2);
    // The otherwise clause decided no-warrants, and may decide both undecided cases.
    expect(otherwise.decided).toBe(1);
    expect(otherwise.outcomes).toEqual({ hold: 0, notify: 0, review: 0, decline: 1 });
    expect(otherwise.undetermined).toBe(2);
    // No undecided case is a settled one credited elsewhere.
    expect(first!.mayDecide).toBeUndefined();
    expect(second!.mayDecide).toBeUndefined();
    // § 2(b) decided nothing but may decide two: it is not a provision no case reached.
    expect(r.coverage.unreached).toEqual([]);
  });

  it('the counts decided add up to the cases the records settle, and the undecided make up the rest', () => {
    const decided = r.coverage.provisions.reduce((n, p) => n + p.decided, 0) + otherwise.decided;
    expect(decided).toBe(2);
    expect(r.coverage.decided).toBe(2);
    expect(r.coverage.undecided).toBe(2);
    expect(r.coverage.decided + r.coverage.undecided).toBe(r.summary.total);
    expect(coverageTotalsWords(r.coverage, String)).toBe(
      '4 cases: 2 decided, each counted once under the provision credited with it; 2 undecided on these records, counted as decided under no provision and as “may decide” under every provision that may decide each.',
    );
  });

  it('says so in words: no "undecided" among a provision’s cases decided', () => {
    expect(decidedAs(first!, WORDS, String)).toBe('1 held; may decide 1 undecided on these records');
    expect(decidedAs(second!, WORDS, String)).toBe('none; may decide 2 undecided on these records');
    expect(decidedAs(otherwise, WORDS, String)).toBe('1 declined; may decide 2 undecided on these records');
  });

  it('records with every fact known have no undecided case and no totals line', () => {
    const known = simulate(
      compile(twoHolds),
      table([row('warrant-known', { unknown: [], detainer: { requests: ['hold'], issuedAt: '2024-03-01T12:00', judicialWarrant: true } })]),
    );
    expect(known.coverage.undecided).toBe(0);
    expect(known.coverage.decided).toBe(1);
    expect(coverageTotalsWords(known.coverage, String)).toBe('');
    expect(known.coverage.unreached).toEqual(['admin-warrant']);
  });

  it('simulate --json carries the same counts', () => {
    const sim = simulateDraft({ ordinance: twoHolds, cases });
    const json = JSON.parse([...simulationJson(sim, { policy: { title: 't', fingerprint: 'sha256:x' }, cases: { total: 4 } })].join(''));
    expect(json.coverage.provisions.map((p: { decided: number; undetermined: number }) => [p.decided, p.undetermined])).toEqual([
      [1, 1],
      [0, 2],
    ]);
    expect([json.coverage.otherwise.decided, json.coverage.otherwise.undetermined]).toEqual([1, 2]);
    expect([json.coverage.decided, json.coverage.undecided]).toEqual([2, 2]);
  });

  it('the impact report counts them the same way', () => {
    const html = renderImpactReportHtml({ ordinance: twoHolds, cases, casesLabel: 'four cases' });
    const coverage = html.slice(html.indexOf('id="r-coverage"'));
    expect(coverage).toContain(
      '<td>§ 2(a)</td><td>[no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]</td><td>hold</td><td class="num">1</td><td class="num">25.0%</td><td>1 hold; may decide 1 undecided on these records</td>',
    );
    expect(coverage).toContain(
      '<td>§ 2(b)</td><td>[no heading; holds the person where the detainer asks for a hold, and gives notice where it asks only for notice]</td><td>hold</td><td class="num">0</td><td class="num">0.0%</td><td>none; may decide 2 undecided on these records</td>',
    );
    expect(coverage).toContain(
      '<p>4 cases: 2 decided, each counted once under the provision credited with it; 2 undecided on these records',
    );
  });
});
