// Guards against the analysis becoming slow by orders of magnitude. The budgets themselves (lint of a
// 300-provision ordinance in 10 ms; table and difference of 20 provisions in 1 s) are measured by
// `npm run bench:analysis` on a quiet machine; here the limits leave room for a busy test run.

import { describe, expect, it } from 'vitest';
import { decisionTable, diffDrafts, lintOrdinance } from '../../engine/analysis/index';
import { largeOrdinance } from '../../bench/large-ordinance';

function fastest(runs: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('analysis budgets (loose guards)', () => {
  it('lints a 300-provision ordinance in well under a second', () => {
    const o = largeOrdinance(300, 7);
    expect(fastest(5, () => lintOrdinance(o, { examples: false }))).toBeLessThan(250);
  });

  it('builds the decision table and the difference of 20-provision ordinances within the 1 s budget', () => {
    const a = largeOrdinance(20, 11);
    const b = structuredClone(a);
    b.sections[0]!.provisions![5]!.outcome = 'review';
    delete b.sections[0]!.provisions![5]!.maxHold;
    expect(fastest(3, () => decisionTable(a))).toBeLessThan(1000);
    expect(fastest(3, () => diffDrafts(a, b))).toBeLessThan(1000);
    expect(diffDrafts(a, b).unconfirmed).toEqual([]);
  });
});
