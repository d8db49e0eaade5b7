// The analysis at the sizes its budgets name: a 300-provision ordinance lints, and the decision table
// and the difference of 20-provision drafts are worked out and confirmed. Their times are measured by
// `npm run bench:analysis` and `npm run bench -- validate`, not here: a test run shares the machine.

import { describe, expect, it } from 'vitest';
import { decisionTable, diffDrafts, lintOrdinance } from '../../engine/analysis/index';
import { largeOrdinance } from '../../bench/large-ordinance';

describe('analysis at the sizes of its budgets', () => {
  it('lints a 300-provision ordinance, every finding on a provision or the document', () => {
    const o = largeOrdinance(300, 7);
    const findings = lintOrdinance(o, { examples: false });
    expect(findings.some((d) => d.code === 'analysis-too-large')).toBe(false);
    expect(findings.every((d) => d.path.length > 0)).toBe(true);
  });

  it('builds the decision table and the difference of 20-provision ordinances, every difference confirmed by the engine', () => {
    const a = largeOrdinance(20, 11);
    const b = structuredClone(a);
    b.sections[0]!.provisions![5]!.outcome = 'review';
    delete b.sections[0]!.provisions![5]!.maxHold;
    expect(decisionTable(a).rows.length).toBeGreaterThan(0);
    const diff = diffDrafts(a, b);
    expect(diff.unconfirmed).toEqual([]);
    expect(diff.equivalent).toBe(false);
  });
});
