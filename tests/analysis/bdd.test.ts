// The decision diagrams against truth tables: random formulas over a few variables, every operation
// the analysis uses, checked on every assignment.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bdd, FALSE_NODE, TRUE_NODE } from '../../engine/analysis/bdd';
import { mergeCubes } from '../../engine/analysis/table';

type Formula = { v: number } | { not: Formula } | { and: [Formula, Formula] } | { or: [Formula, Formula] } | { c: boolean };
const VARS = 6;

const formula: fc.Arbitrary<Formula> = fc.letrec<{ f: Formula }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: VARS - 1 }).map((v) => ({ v })),
    fc.boolean().map((c) => ({ c })),
    tie('f').map((f) => ({ not: f })),
    fc.tuple(tie('f'), tie('f')).map((p) => ({ and: p })),
    fc.tuple(tie('f'), tie('f')).map((p) => ({ or: p })),
  ),
})).f;

function truth(f: Formula, x: number[]): boolean {
  if ('v' in f) return x[f.v] === 1;
  if ('c' in f) return f.c;
  if ('not' in f) return !truth(f.not, x);
  if ('and' in f) return truth(f.and[0], x) && truth(f.and[1], x);
  return truth(f.or[0], x) || truth(f.or[1], x);
}

function build(b: Bdd, f: Formula): number {
  if ('v' in f) return b.v(f.v);
  if ('c' in f) return f.c ? TRUE_NODE : FALSE_NODE;
  if ('not' in f) return b.not(build(b, f.not));
  if ('and' in f) return b.and(build(b, f.and[0]), build(b, f.and[1]));
  return b.or(build(b, f.or[0]), build(b, f.or[1]));
}

const assignments = Array.from({ length: 1 << VARS }, (_, m) => Array.from({ length: VARS }, (_, i) => (m >> i) & 1));

function manager(): Bdd {
  const b = new Bdd();
  for (let i = 0; i < VARS; i++) b.newVar();
  return b;
}

describe('decision diagrams', () => {
  it('represent formulas exactly, canonically', () => {
    const b = manager();
    fc.assert(
      fc.property(formula, formula, (f, g) => {
        const nf = build(b, f);
        const ng = build(b, g);
        for (const x of assignments) expect(b.evaluate(nf, x)).toBe(truth(f, x));
        const same = assignments.every((x) => truth(f, x) === truth(g, x));
        expect(nf === ng).toBe(same);
        expect(b.satCount(nf, [0, 1, 2, 3, 4, 5])).toBe(assignments.filter((x) => truth(f, x)).length);
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  it('take one set from another (a and not b) exactly, in a manager whose tables grow meanwhile', () => {
    // A manager made tiny, so that its tables and operation cache grow in the middle of operations.
    const b = new Bdd(16);
    for (let i = 0; i < VARS; i++) b.newVar();
    fc.assert(
      fc.property(formula, formula, (f, g) => {
        const d = b.diff(build(b, f), build(b, g));
        for (const x of assignments) expect(b.evaluate(d, x)).toBe(truth(f, x) && !truth(g, x));
        expect(d).toBe(build(b, { and: [f, { not: g }] }));
      }),
      { numRuns: 400, seed: 3 },
    );
  });

  it('take one set from another without making the complement of the second', () => {
    const b = manager();
    // A set of several nodes, and a part of it: nothing is left when the set is taken from its part.
    const set = b.or(b.and(b.v(0), b.v(2)), b.and(b.v(1), b.or(b.v(3), b.v(5))));
    const part = b.and(set, b.v(4));
    const nodes = b.nodeCount;
    expect(b.diff(part, set)).toBe(FALSE_NODE);
    expect(b.nodeCount).toBe(nodes);
  });

  it('quantify, restrict and find cheapest assignments', () => {
    const b = manager();
    const cost1 = [1, 1, 1, 0, 2, 1];
    const cost0 = [0, 0, 0, 1, 0, 0];
    fc.assert(
      fc.property(formula, fc.integer({ min: 0, max: VARS - 1 }), (f, q) => {
        const n = build(b, f);
        const ex = b.exists(n, (v) => v === q);
        for (const x of assignments) {
          const y0 = [...x];
          const y1 = [...x];
          y0[q] = 0;
          y1[q] = 1;
          expect(b.evaluate(ex, x)).toBe(truth(f, y0) || truth(f, y1));
        }
        const fixed = new Int8Array(VARS).fill(-1);
        fixed[q] = 1;
        const r = b.restrict(n, fixed);
        for (const x of assignments)
          expect(b.evaluate(r, x)).toBe(
            truth(
              f,
              x.map((v, i) => (i === q ? 1 : v)),
            ),
          );
        const best = b.cheapest(n, cost0, cost1);
        const sat = assignments.filter((x) => truth(f, x));
        if (sat.length === 0) expect(best).toBeUndefined();
        else {
          const price = (x: number[]) => x.reduce((s, v, i) => s + (v ? cost1[i]! : cost0[i]!), 0);
          expect(truth(f, [...best!.values])).toBe(true);
          expect(best!.cost).toBe(Math.min(...sat.map(price)));
          expect(price([...best!.values])).toBe(best!.cost);
        }
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('find the cheapest assignment of a restriction without making it (the same values and cost)', () => {
    const b = manager();
    // As in the fact space: one of each variable's two costs is 0, some variables cost nothing either way.
    const cost1 = [1, 0, 1, 0, 2, 1];
    const cost0 = [0, 1, 0, 0, 0, 0];
    const fixedValue = fc.array(fc.integer({ min: -1, max: 1 }), { minLength: VARS, maxLength: VARS });
    fc.assert(
      fc.property(formula, fixedValue, (f, values) => {
        const n = build(b, f);
        const fixed = Int8Array.from(values);
        const viaRestrict = b.cheapest(b.restrict(n, fixed), cost0, cost1);
        const within = b.cheapestWithin(n, fixed, cost0, cost1);
        if (viaRestrict === undefined) expect(within).toBeUndefined();
        else {
          expect(within?.cost).toBe(viaRestrict.cost);
          expect([...within!.values]).toEqual([...viaRestrict.values]);
        }
      }),
      { numRuns: 2000, seed: 4 },
    );
  });

  it('list disjoint cubes that cover the set exactly', () => {
    const b = manager();
    fc.assert(
      fc.property(formula, (f) => {
        const n = build(b, f);
        const { cubes, complete } = b.cubes(n);
        expect(complete).toBe(true);
        for (const x of assignments) {
          const hits = cubes.filter((c) => [...c].every((v, i) => v === -1 || v === x[i])).length;
          expect(hits).toBe(truth(f, x) ? 1 : 0);
        }
        for (const c of cubes) expect(b.subset(b.cubeNode(c), n)).toBe(true);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('merged cubes still cover the set exactly once', () => {
    const b = manager();
    fc.assert(
      fc.property(formula, (f) => {
        const n = build(b, f);
        const merged = mergeCubes(b.cubes(n).cubes, [0, 1, 2, 3, 4, 5]);
        for (const x of assignments) {
          const hits = merged.filter((c) => [...c].every((v, i) => v === -1 || v === x[i])).length;
          expect(hits).toBe(truth(f, x) ? 1 : 0);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('complete partial assignments within a set', () => {
    const b = manager();
    fc.assert(
      fc.property(formula, fc.array(fc.integer({ min: -1, max: 1 }), { minLength: VARS, maxLength: VARS }), (f, partial) => {
        const n = build(b, f);
        const extends_ = (x: number[]) => x.every((v, i) => partial[i] === -1 || partial[i] === v);
        const possible = assignments.some((x) => extends_(x) && truth(f, x));
        expect(b.satisfiableWith(n, partial)).toBe(possible);
        const c = b.completion(n, partial, new Int8Array(VARS));
        if (!possible) expect(c).toBeUndefined();
        else {
          expect(extends_([...c!])).toBe(true);
          expect(truth(f, [...c!])).toBe(true);
        }
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('grows its tables past their first size without losing nodes', () => {
    const b = new Bdd();
    const vars = Array.from({ length: 40 }, () => b.newVar());
    // A parity function of 40 variables: 79 nodes, built through many intermediate results.
    let parity = FALSE_NODE;
    for (const v of vars) parity = b.or(b.and(parity, b.nv(v)), b.and(b.not(parity), b.v(v)));
    const x: number[] = vars.map((_, i) => (i % 3 === 0 ? 1 : 0));
    expect(b.evaluate(parity, x)).toBe(x.reduce((s, v) => s ^ v, 0) === 1);
    expect(b.satCount(parity, vars)).toBe(2 ** 39);
  });
});
