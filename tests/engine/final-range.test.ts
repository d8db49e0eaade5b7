// A case left to a person's finding is counted under the outcomes it can come to, not under every
// outcome: `CompiledPolicy.bindFinal` gives, per case, the outcomes some yes or no of each finding
// leads to. Checked against the engine itself: every finding of a draft replaced by a test that is
// always true or always false, in every combination, each variant decided case by case.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseTable, compile, simulate, summaryBounds } from '../../engine/index';
import type { Condition, Ordinance } from '../../engine/index';
import { generatedCases, loadFile, root } from '../export/helpers';

const ALWAYS: Condition = { age: { atLeast: 0 } };
const NEVER: Condition = { age: { under: 0 } };

/** The draft with its i-th finding (in document order) replaced by `by(i)`. */
function withFindings(o: Ordinance, by: (i: number) => Condition): { ordinance: Ordinance; findings: number } {
  let i = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      if ('discretion' in v) return by(i++);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  const ordinance = walk(o) as Ordinance;
  return { ordinance, findings: i };
}

const drafts = fs
  .readdirSync(path.join(root, 'samples/ordinances'))
  .filter((f) => fs.readFileSync(path.join(root, 'samples/ordinances', f), 'utf8').includes('discretion:'))
  .map((f) => [f, loadFile(path.join(root, 'samples/ordinances', f))] as const);

const cases = generatedCases(400, 11);
const OUT = ['hold', 'notify', 'review', 'decline'];

describe('the outcomes a person’s finding can come to', () => {
  it('some samples leave a decision to a finding', () => expect(drafts.length).toBeGreaterThan(0));

  for (const [file, o] of drafts)
    it(`${file}: every yes or no of the findings, decided by the engine, gives exactly the counted outcomes`, () => {
      const t = caseTable(cases);
      const policy = compile(o);
      const final = policy.bindFinal(t);
      const { findings } = withFindings(o, () => ALWAYS);
      expect(findings).toBeGreaterThan(0);
      expect(findings).toBeLessThanOrEqual(8);
      const seen = new Uint8Array(t.length);
      for (let mask = 0; mask < 1 << findings; mask++) {
        const variant = compile(withFindings(o, (i) => (mask & (1 << i) ? ALWAYS : NEVER)).ordinance).bind(t);
        for (let i = 0; i < t.length; i++) seen[i]! |= 1 << (variant.decide(i) & 3);
      }
      const bound = policy.bind(t);
      let referred = 0;
      for (let i = 0; i < t.length; i++) {
        const code = bound.decide(i) & 3;
        if (OUT[code] !== 'review') {
          // A decision no finding touches comes to itself.
          expect(final(i), `case ${i}`).toBe(1 << code);
          continue;
        }
        referred++;
        // A finding read once per provision: the engine's variants reach exactly these outcomes.
        expect(final(i), `case ${i}`).toBe(seen[i]);
      }
      expect(referred).toBeGreaterThan(0);
      // Some referral cannot come to every outcome (a notice-only request is never held).
      expect([...seen].some((m, i) => OUT[bound.decide(i) & 3] === 'review' && m !== 0b1011)).toBe(true);
      // The summary's ranges are these counts, tighter than "every referral may be anything".
      const r = simulate(policy, t);
      const b = summaryBounds(r.summary);
      let mayHold = 0;
      let mayNotify = 0;
      for (let i = 0; i < t.length; i++) {
        if (seen[i]! & 1) mayHold++;
        if (seen[i]! & 2) mayNotify++;
      }
      expect(b.range.hold.atMost).toBe(mayHold);
      expect(b.range.notify.atMost).toBe(mayNotify);
      expect(b.findingsMayHold).toBe(mayHold - r.summary.outcomes.hold);
    });
});
