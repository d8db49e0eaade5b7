// The simulation's shortcuts agree with the plain computation: hold hours through the day table
// equal the calendar's hold ends, and the comparison matrix equals case-by-case decisions.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  caseTable,
  compile,
  HONOR_ALL,
  OUTCOMES,
  prepareCase,
  simulate,
  SimulationCancelled,
  type Ordinance,
  type PreparedCase,
  type Scenario,
} from '../../engine/index';
import { generateCases } from '../../engine/generate';
import { fuzzTimeout, runs } from './helpers';

const cases: PreparedCase[] = generateCases({ count: 3000, seed: 77, fromYear: 1999, toYear: 2031 }).map((c, i) => {
  const r = prepareCase(c, i);
  if (!r.ok) throw new Error('bad generated case');
  return r.prepared;
});

const HOLD_ALL = (hours: number, exclude: boolean): Ordinance => ({
  title: 'Hold every requested detainer',
  jurisdiction: { name: 'Test', state: 'IL' },
  sections: [
    {
      heading: 'Holds',
      provisions: [
        { id: 'adults', when: { age: { atLeast: 18 } }, outcome: 'hold', maxHold: { hours, excludingWeekendsAndHolidays: exclude } },
        {
          id: 'felons',
          when: { conviction: { classes: ['felony'] } },
          outcome: 'hold',
          maxHold: { hours: 12, excludingWeekendsAndHolidays: true },
        },
        { id: 'notify', when: { requested: 'notify' }, outcome: 'notify' },
      ],
    },
  ],
  otherwise: 'decline',
});

const table = caseTable(cases);

function plainHoldHours(ordinance: Ordinance, scenario: Scenario): number {
  const policy = compile(ordinance, scenario);
  const decide = policy.bind(table).decide;
  let minutes = 0;
  cases.forEach((c, i) => {
    const code = decide(i);
    if ((code & 3) === 0) minutes += policy.holdEndAt(c.release, code >> 2) - c.release;
  });
  return Math.round((minutes / 60) * 100) / 100;
}

describe('simulate', () => {
  it(
    'counts hold hours as the calendar does, for any hold length, calendar and release time',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 240 }),
          fc.boolean(),
          fc.constantFrom<Scenario['holidays']>('us-federal', 'none', ['2012-06-01', '2015-12-24', '2030-07-05']),
          (hours, exclude, holidays) => {
            const ordinance = HOLD_ALL(hours, exclude);
            const scenario = { holidays };
            const result = simulate(compile(ordinance, scenario), table);
            expect(result.summary.holdHours).toBe(plainHoldHours(ordinance, scenario));
          },
        ),
        { numRuns: runs(12), seed: 4 },
      );
    },
    fuzzTimeout,
  );

  it('builds the comparison matrix, changed count and changed cases from the case-by-case decisions', () => {
    const policy = compile(HOLD_ALL(48, true), {});
    const other = compile(HONOR_ALL, {});
    const result = simulate(policy, cases, { compare: { policy: other, title: 'baseline' } });
    const comparison = result.comparison!;
    let changed = 0;
    let holdEndsDiffer = 0;
    const matrix = Object.fromEntries(OUTCOMES.map((a) => [a, Object.fromEntries(OUTCOMES.map((b) => [b, 0]))]));
    const listed: string[] = [];
    cases.forEach((c) => {
      const a = policy.decide(c);
      const b = other.decide(c);
      matrix[a.outcome]![b.outcome]!++;
      // Decided differently: another outcome, or a hold that ends at another time.
      const endsDiffer = a.outcome === 'hold' && b.outcome === 'hold' && a.holdUntil !== b.holdUntil;
      if (endsDiffer) holdEndsDiffer++;
      if (a.outcome !== b.outcome || endsDiffer) {
        changed++;
        listed.push(`${c.id} ${a.outcome} ${a.citation} ${b.outcome} ${b.citation}`);
      }
    });
    expect(comparison.matrix).toEqual(matrix);
    expect(comparison.changed).toBe(changed);
    expect(comparison.holdEndsDiffer).toBe(holdEndsDiffer);
    expect(changed).toBeGreaterThan(0);
    expect(holdEndsDiffer).toBeGreaterThan(0);
    expect(comparison.cases.map((x) => `${x.id} ${x.policy.outcome} ${x.policy.citation} ${x.other.outcome} ${x.other.citation}`)).toEqual(
      listed,
    );
    const capped = simulate(policy, cases, { compare: { policy: other, title: 'baseline' }, maxChangedCases: 5 });
    expect(capped.comparison!.cases).toHaveLength(5);
    expect(capped.comparison!.changed).toBe(changed);
  });

  it('reports progress and stops when the callback says so', () => {
    const policy = compile(HONOR_ALL, {});
    const seen: number[] = [];
    simulate(policy, cases, { progressEvery: 1000, onProgress: (done) => void seen.push(done) });
    expect(seen).toEqual([1000, 2000, 3000]);
    expect(() => simulate(policy, cases, { progressEvery: 1000, onProgress: (done) => done < 2000 })).toThrow(SimulationCancelled);
  });
});
