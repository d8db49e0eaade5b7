// Property: for random booking cases (dates near look-back boundaries, many categories, time
// incarcerated, juvenile and current convictions, detainers issued long after the arrest), the
// symbolic analysis puts the case in exactly one decision region, and it is the engine's decision.
// This is what makes "never", "always" and "equivalent" claims safe: no real case is left out.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactSpace } from '../../engine/analysis/facts';
import { SymbolicPolicy, Verifier } from '../../engine/analysis/policy';
import { compile, prepareCase, time, type BookingCase } from '../../engine/index';
import { fixture } from './helpers';

const CATEGORIES = ['violent', 'serious', 'homicide', 'dui', 'serious-traffic', 'property', 'drug-trafficking'];
const day = (d: number) => time.formatDate(d);
const BASE = time.daysFromCivil(2016, 3, 1);

const offense = fc.record({
  class: fc.constantFrom('felony' as const, 'misdemeanor' as const, 'infraction' as const),
  degree: fc.integer({ min: 0, max: 3 }),
  categories: fc.subarray(CATEGORIES, { maxLength: 3 }),
});

const bookingCase = fc
  .record({
    age: fc.integer({ min: 12, max: 80 }),
    booked: fc.integer({ min: 0, max: 900 }),
    delta: fc.constantFrom(0, 0, 1, 45, 400, 1900, 2200, 3700, -1, -60, -2000, -3700),
    requests: fc.subarray(['hold', 'notify'] as const),
    judicial: fc.boolean(),
    admin: fc.boolean(),
    convictions: fc.array(
      fc.record({
        offense,
        // Around the 5-, 10- and 15-year boundaries, and anywhere; a few after the request (sentenced
        // on the current charge, or between a request lodged before the arrest and the booking).
        ago: fc.oneof(
          fc.integer({ min: 0, max: 7000 }),
          fc.integer({ min: -3800, max: -1 }),
          fc.constantFrom(1826, 1827, 3652, 3653, 5478, 5479).chain((d) => fc.integer({ min: d - 40, max: d + 40 })),
        ),
        served: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
        counted: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2500 })),
        current: fc.boolean(),
        juvenile: fc.boolean(),
      }),
      { maxLength: 5 },
    ),
    charges: fc.array(fc.record({ offense, bondPosted: fc.boolean(), bondable: fc.boolean(), pc: fc.boolean() }), { maxLength: 2 }),
    warrants: fc.array(
      fc.record({
        kind: fc.constantFrom('criminal' as const, 'civil' as const),
        jurisdiction: fc.constantFrom(undefined, 'state' as const, 'federal' as const, 'other-state' as const),
        felony: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    records: fc.subarray(['gangDatabase', 'terroristWatchlistMatch', 'finalRemovalOrder'] as const),
  })
  .map((r): BookingCase => {
    const booked = BASE + r.booked;
    const issued = booked + r.delta;
    // Cases keep their chronology (the importer refuses any other): custody ends after booking and after
    // the request, no record is dated after it ends, no conviction before birth.
    const released = Math.max(booked, issued) + 3;
    const born = booked - Math.ceil((r.age + 1) * 365.25) + 1;
    const c: BookingCase = {
      id: 'random',
      age: r.age,
      bookedAt: `${day(booked)}T09:00`,
      eligibleForReleaseAt: `${day(released)}T17:00`,
      detainer: {
        requests: [...r.requests],
        issuedAt: `${day(issued)}T10:00`,
        judicialWarrant: r.judicial,
        administrativeWarrant: r.admin,
      },
      convictions: r.convictions.map((x) => {
        const convicted = Math.min(released, Math.max(born, issued - x.ago));
        return {
          class: x.offense.class,
          ...(x.offense.degree ? { degree: x.offense.degree } : {}),
          categories: x.offense.categories,
          convictedOn: day(convicted),
          ...(x.served ? { releasedOn: day(Math.min(released, convicted + x.served)) } : {}),
          ...(x.counted ? { incarceratedDays: x.counted } : {}),
          current: x.current,
          juvenile: x.juvenile,
        };
      }),
      currentCharges: r.charges.map((x) => ({
        class: x.offense.class,
        ...(x.offense.degree ? { degree: x.offense.degree } : {}),
        categories: x.offense.categories,
        bondPosted: x.bondPosted,
        bondable: x.bondable,
        probableCauseFinding: x.pc,
      })),
      warrants: r.warrants.map((w) => ({ kind: w.kind, ...(w.jurisdiction ? { jurisdiction: w.jurisdiction } : {}), felony: w.felony })),
      records: Object.fromEntries(r.records.map((k) => [k, true])),
    };
    return c;
  });

describe('every real case lies in exactly the region the engine decides by', () => {
  const ordinances = {
    'boston committee draft': fixture('boston-committee-draft'),
    'chicago welcoming city': fixture('chicago-welcoming-city-2012'),
    'counting and windows': fixture('counting-windows'),
    'dependent record tests': fixture('dependent-tests'),
  };
  for (const [name, o] of Object.entries(ordinances)) {
    it(name, () => {
      const space = new FactSpace([o]);
      const policy = new SymbolicPolicy(space, 0, o);
      const compiled = compile(o);
      fc.assert(
        fc.property(bookingCase, (bc) => {
          const p = prepareCase(bc, 0);
          if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
          const regions = policy.regionsOf(space.atomsOf(p.prepared));
          const d = compiled.decide(p.prepared);
          expect(regions).toHaveLength(1);
          expect([regions[0]!.outcome, regions[0]!.provision]).toEqual([d.outcome, d.provision]);
        }),
        { numRuns: 1500, seed: 2012 },
      );
    });
  }
});

describe('the age intervals of a set hold every case in it', () => {
  const boston = fixture('boston-committee-draft');
  // The same provisions, each for its own band of ages (overlapping, of different widths).
  const banded: typeof boston = {
    ...boston,
    sections: boston.sections.map((s) => ({
      ...s,
      provisions: s.provisions?.map((p, i) =>
        p.when ? { ...p, when: { all: [{ age: { atLeast: 16 + 3 * i, under: 19 + 5 * i } }, p.when] } } : p,
      ),
    })),
  };
  const ordinances = { boston, 'boston in bands of age': banded, 'counting and windows': fixture('counting-windows') };
  for (const [name, o] of Object.entries(ordinances)) {
    it(name, () => {
      const space = new FactSpace([o]);
      if (o === banded) expect(space.ageBits.length).toBeGreaterThan(2);
      const b = space.bdd;
      const policy = new SymbolicPolicy(space, 0, o);
      // Two provisions that share a case share an interval (what lets the lint compare only those).
      const whens = policy.provisions.map((p) => p.when);
      for (const x of whens)
        for (const y of whens)
          if (b.intersects(x, y)) expect(space.ageIntervalsOf(x).some((j) => space.ageIntervalsOf(y).includes(j))).toBe(true);
      fc.assert(
        fc.property(bookingCase, (bc) => {
          const p = prepareCase(bc, 0);
          if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
          const values = space.atomsOf(p.prepared);
          const [own] = space.ageIntervals(values);
          for (const set of [...whens, ...policy.regions.map((r) => r.set)])
            if (b.evaluate(set, values)) expect(space.ageIntervalsOf(set)).toContain(own);
        }),
        { numRuns: 500, seed: 2026 },
      );
    });
  }
});

describe('cases read and decided together, as each is alone', () => {
  // The lint's examples are read into atoms and decided by the engine many at once (one table of them
  // all, each policy bound to it once): every case must come out as it does alone.
  const ordinances = {
    'boston committee draft': fixture('boston-committee-draft'),
    'counting and windows': fixture('counting-windows'),
    'dependent record tests': fixture('dependent-tests'),
  };
  for (const [name, o] of Object.entries(ordinances)) {
    it(name, () => {
      const space = new FactSpace([o]);
      const verifier = new Verifier({});
      fc.assert(
        fc.property(
          fc.array(fc.tuple(bookingCase, fc.option(fc.boolean(), { nil: undefined })), { minLength: 1, maxLength: 12 }),
          (cases) => {
            const prepared = cases.map(([bc]) => {
              const p = prepareCase(bc, 0);
              if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
              return p.prepared;
            });
            const agreements = cases.map(([, a]) => a);
            expect(space.atomsOfAll(prepared, agreements)).toEqual(prepared.map((p, i) => space.atomsOf(p, agreements[i])));
            expect(
              verifier.decideCodes(
                o,
                prepared.map((p, i) => ({ prepared: p, reimbursementAgreement: agreements[i] })),
              ),
            ).toEqual(cases.map(([bc, a]) => verifier.decideCode(o, { case: bc, reimbursementAgreement: a, frame: 0 })));
          },
        ),
        { numRuns: 150, seed: 1307 },
      );
    });
  }
});
