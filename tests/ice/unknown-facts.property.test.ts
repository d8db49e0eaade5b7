// Properties of decisions on cases that leave facts unknown: (1) on a case whose facts are all known,
// the path for unknown facts decides exactly as the compiled engine does; (2) whatever the unknown
// facts turn out to be, the decision then taken is among the outcomes the open decision said were
// possible, and a decision said to be settled is that decision.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseTable, compile, OUTCOMES, prepareCase, time, type BookingCase, type Ordinance, type OffenseClass } from '../../engine/index';
import type { UnknownFact } from '../../engine/model';
import { ordinance } from '../fuzz/arbitraries';

const CATEGORIES = ['violent', 'serious', 'property', 'dui', 'serious-traffic', 'homicide'];
const CLASSES: OffenseClass[] = ['felony', 'misdemeanor', 'infraction'];
const BASE = time.daysFromCivil(2016, 3, 1);
const day = (d: number) => time.formatDate(d);

const offense = fc.record({
  class: fc.constantFrom(...CLASSES),
  degree: fc.integer({ min: 0, max: 3 }),
  categories: fc.subarray(CATEGORIES, { maxLength: 3 }),
});
const ago = fc.oneof(fc.integer({ min: 0, max: 7000 }), fc.constantFrom(1826, 1827, 3652, 3653, 5478, 5479));

const conviction = fc.record({
  offense,
  ago,
  served: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
  counted: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2500 })),
  current: fc.boolean(),
  juvenile: fc.boolean(),
  unknown: fc.subarray(['class', 'convictedOn', 'releasedOn', 'current'] as const),
  classes: fc.option(fc.uniqueArray(fc.constantFrom(...CLASSES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
});
const charge = fc.record({
  offense,
  bondPosted: fc.boolean(),
  bondable: fc.boolean(),
  pc: fc.boolean(),
  unknownClass: fc.boolean(),
  unknownDetails: fc.boolean(),
});
const warrant = fc.record({
  kind: fc.constantFrom('criminal' as const, 'civil' as const),
  jurisdiction: fc.constantFrom(undefined, 'state' as const, 'federal' as const, 'other-state' as const),
  felony: fc.boolean(),
});
const UNKNOWNS: UnknownFact[] = [
  'bookedAt',
  'eligibleForReleaseAt',
  'judicialWarrant',
  'administrativeWarrant',
  'requests',
  'currentCharges',
  'convictions',
  'warrants',
  'records.gangDatabase',
  'records.finalRemovalOrder',
  'records.sexOffenderRegistry',
];

interface Raw {
  age: number;
  ageSpan: number;
  booked: number;
  delta: number;
  requests: Array<'hold' | 'notify'>;
  judicial: boolean;
  admin: boolean;
  convictions: Array<typeof conviction extends fc.Arbitrary<infer T> ? T : never>;
  charges: Array<typeof charge extends fc.Arbitrary<infer T> ? T : never>;
  warrants: Array<typeof warrant extends fc.Arbitrary<infer T> ? T : never>;
  records: Array<'gangDatabase' | 'finalRemovalOrder' | 'sexOffenderRegistry'>;
  unknown: UnknownFact[];
}

const raw: fc.Arbitrary<Raw> = fc.record({
  age: fc.integer({ min: 12, max: 80 }),
  ageSpan: fc.constantFrom(0, 0, 1, 3),
  booked: fc.integer({ min: 0, max: 900 }),
  delta: fc.constantFrom(0, 1, 400, -1, -2000, -3700),
  requests: fc.subarray(['hold', 'notify'] as const, { minLength: 1 }),
  judicial: fc.boolean(),
  admin: fc.boolean(),
  convictions: fc.array(conviction, { maxLength: 3 }),
  charges: fc.array(charge, { maxLength: 2 }),
  warrants: fc.array(warrant, { maxLength: 2 }),
  records: fc.subarray(['gangDatabase', 'finalRemovalOrder', 'sexOffenderRegistry'] as const),
  unknown: fc.subarray(UNKNOWNS),
});

/** The case with every fact known (from the raw draw), or with the drawn facts left unknown. */
function bookingCase(r: Raw, withUnknowns: boolean): BookingCase {
  const booked = BASE + r.booked;
  const issued = booked + r.delta;
  // Cases keep their chronology (the importer refuses any other): custody ends after booking and after
  // the request, no record is dated after it ends, no conviction before birth.
  const released = Math.max(booked, issued) + 3;
  const born = booked - Math.ceil((r.age + 1) * 365.25) + 1;
  const unknown = withUnknowns ? r.unknown : [];
  const u = (f: UnknownFact) => unknown.includes(f);
  const records = Object.fromEntries(r.records.filter((k) => !u(`records.${k}`)).map((k) => [k, true]));
  return {
    id: 'c',
    age: r.age,
    ...(withUnknowns && r.ageSpan ? { ageAtMost: r.age + r.ageSpan } : {}),
    ...(u('bookedAt') ? {} : { bookedAt: `${day(booked)}T09:00` }),
    ...(u('eligibleForReleaseAt') ? {} : { eligibleForReleaseAt: `${day(released)}T17:00` }),
    detainer: {
      requests: u('requests') ? [] : [...r.requests],
      issuedAt: `${day(issued)}T10:00`,
      ...(u('judicialWarrant') ? {} : { judicialWarrant: r.judicial }),
      ...(u('administrativeWarrant') ? {} : { administrativeWarrant: r.admin }),
    },
    convictions: r.convictions.map((x) => {
      const convicted = Math.max(born, issued - x.ago);
      const un = withUnknowns ? x.unknown : [];
      return {
        ...(un.includes('class') ? (x.classes ? { classes: [...x.classes, x.offense.class] } : {}) : { class: x.offense.class }),
        ...(x.offense.degree ? { degree: x.offense.degree } : {}),
        categories: x.offense.categories,
        ...(un.includes('convictedOn') ? {} : { convictedOn: day(convicted) }),
        ...(un.includes('releasedOn')
          ? {}
          : {
              ...(x.served ? { releasedOn: day(Math.min(released, convicted + x.served)) } : {}),
              ...(x.counted ? { incarceratedDays: x.counted } : {}),
            }),
        ...(un.includes('current') ? {} : { current: x.current }),
        juvenile: x.juvenile,
        ...(un.length ? { unknown: [...un] } : {}),
      };
    }),
    currentCharges: r.charges.map((x) => {
      const cu = withUnknowns && x.unknownClass;
      const du = withUnknowns && x.unknownDetails;
      return {
        ...(cu ? {} : { class: x.offense.class }),
        ...(x.offense.degree ? { degree: x.offense.degree } : {}),
        categories: x.offense.categories,
        ...(du ? {} : { bondPosted: x.bondPosted, bondable: x.bondable, probableCauseFinding: x.pc }),
        ...(cu || du
          ? { unknown: [...(cu ? (['class'] as const) : []), ...(du ? (['bondPosted', 'bondable', 'probableCauseFinding'] as const) : [])] }
          : {}),
      };
    }),
    warrants: r.warrants.map((w) => ({ kind: w.kind, ...(w.jurisdiction ? { jurisdiction: w.jurisdiction } : {}), felony: w.felony })),
    records,
    ...(unknown.length ? { unknown: [...unknown] } : {}),
  };
}

/** A completion: what the unknown facts might really be, and more of what the records may leave out. */
const completion = fc.record({
  age: fc.integer({ min: 0, max: 3 }),
  bookedDelta: fc.constantFrom(0, -1, -30, -400, -4000, 2),
  judicial: fc.boolean(),
  admin: fc.boolean(),
  requests: fc.subarray(['hold', 'notify'] as const, { minLength: 1 }),
  charges: fc.array(charge, { maxLength: 2 }),
  convictions: fc.array(conviction, { maxLength: 2 }),
  warrants: fc.array(warrant, { maxLength: 1 }),
  records: fc.subarray(['gangDatabase', 'finalRemovalOrder', 'sexOffenderRegistry'] as const),
  classes: fc.array(fc.constantFrom(...CLASSES), { minLength: 6, maxLength: 6 }),
  ago: fc.array(ago, { minLength: 3, maxLength: 3 }),
  served: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 3, maxLength: 3 }),
  flags: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
});

type Completion = typeof completion extends fc.Arbitrary<infer T> ? T : never;

function complete(r: Raw, open: BookingCase, k: Completion): BookingCase {
  const known = bookingCase(r, false);
  const u = (f: UnknownFact) => r.unknown.includes(f);
  const issued = time.parseDateTime(known.detainer.issuedAt!) / time.MINUTES_PER_DAY;
  const extra = (list: Raw) => list;
  void extra;
  const c: BookingCase = structuredClone(known);
  c.age = r.age + Math.min(k.age, open.ageAtMost !== undefined ? open.ageAtMost - r.age : 0);
  if (u('bookedAt')) c.bookedAt = `${day(Math.floor(issued) + k.bookedDelta)}T09:00`;
  if (u('judicialWarrant')) c.detainer.judicialWarrant = k.judicial;
  if (u('administrativeWarrant')) c.detainer.administrativeWarrant = k.admin;
  if (u('requests')) c.detainer.requests = [...k.requests];
  for (const key of ['gangDatabase', 'finalRemovalOrder', 'sexOffenderRegistry'] as const)
    if (u(`records.${key}`)) c.records = { ...c.records, [key]: k.records.includes(key) };
  // Each unknown part of a listed conviction or charge takes a value the record allows.
  c.convictions = (open.convictions ?? []).map((oc, n) => {
    const x = r.convictions[n]!;
    const base = c.convictions![n]!;
    const un = x.unknown;
    const convicted = un.includes('convictedOn') ? Math.floor(issued) - k.ago[n]! : time.parseDate(base.convictedOn!);
    const out = { ...base, convictedOn: day(convicted) };
    if (un.includes('class')) out.class = oc.classes ? oc.classes[k.classes[n]!.length % oc.classes.length]! : k.classes[n]!;
    if (un.includes('releasedOn')) {
      delete out.releasedOn;
      delete out.incarceratedDays;
      if (k.served[n]) out.releasedOn = day(convicted + k.served[n]!);
      if (k.flags[n]) out.incarceratedDays = k.served[n]!;
    } else if (un.includes('convictedOn')) {
      if (out.releasedOn && out.releasedOn < out.convictedOn) out.releasedOn = out.convictedOn;
    }
    if (un.includes('current')) out.current = k.flags[3 + n]!;
    return out;
  });
  c.currentCharges = (c.currentCharges ?? []).map((ch, n) => {
    const x = r.charges[n]!;
    return {
      ...ch,
      ...(x.unknownClass ? { class: k.classes[3 + n]! } : {}),
      ...(x.unknownDetails ? { bondPosted: k.flags[6 + n]!, bondable: k.flags[8 + n]!, probableCauseFinding: k.flags[10 + n]! } : {}),
    };
  });
  if (u('convictions'))
    c.convictions.push(
      ...k.convictions.map((x) => ({
        class: x.offense.class,
        categories: x.offense.categories,
        convictedOn: day(Math.floor(issued) - x.ago),
        current: x.current,
        juvenile: x.juvenile,
      })),
    );
  if (u('currentCharges'))
    c.currentCharges.push(
      ...k.charges.map((x) => ({ class: x.offense.class, categories: x.offense.categories, bondPosted: x.bondPosted })),
    );
  if (u('warrants')) c.warrants = [...(c.warrants ?? []), ...k.warrants.map((w) => ({ kind: w.kind, felony: w.felony }))];
  return c;
}

function prepared(c: BookingCase) {
  const p = prepareCase(c, 0);
  if (!p.ok) throw new Error(`${JSON.stringify(c)}: ${p.problems.map((x) => `${x.field}: ${x.message}`).join('; ')}`);
  return p.prepared;
}

/** Another case with an unknown fact, so the table takes the path for unknown facts. */
const OPEN_NEIGHBOUR: BookingCase = {
  id: 'neighbour',
  age: 30,
  ageAtMost: 31,
  detainer: { requests: [], issuedAt: '2016-05-01T10:00' },
  unknown: ['bookedAt', 'eligibleForReleaseAt', 'requests', 'judicialWarrant'],
};

describe('decisions on cases with unknown facts', () => {
  it('decide a fully known case exactly as the compiled engine does', () => {
    fc.assert(
      fc.property(ordinance, raw, (o: Ordinance, r) => {
        const policy = compile(o);
        const known = prepared(bookingCase(r, false));
        const plain = policy.bind(caseTable([known]));
        const open = policy.bind(caseTable([known, prepared(OPEN_NEIGHBOUR)]));
        expect(open.table.hasUnknown).toBe(true);
        expect(open.decide(0)).toBe(plain.decide(0));
        expect(open.possible!(0)).toBe(1 << (plain.decide(0) & 3));
        expect(policy.explain(open.table, 0)).toEqual(policy.explain(plain.table, 0));
      }),
      { numRuns: 600, seed: 14 },
    );
  });

  it('never rule out what the unknown facts could turn out to give', () => {
    fc.assert(
      fc.property(ordinance, raw, fc.array(completion, { minLength: 1, maxLength: 6 }), (o: Ordinance, r, ks) => {
        const policy = compile(o);
        const openCase = bookingCase(r, true);
        const bound = policy.bind(caseTable([prepared(openCase), prepared(OPEN_NEIGHBOUR)]));
        const possible = bound.possible!(0);
        const settled = (possible & (possible - 1)) === 0;
        for (const k of ks) {
          const real = complete(r, openCase, k);
          // A completion that breaks the case chronology (engine/cases.ts checkChronology) is no world the facts allow.
          const check = prepareCase(real, 0);
          if (!check.ok && check.problems.every((x) => /custody|before the person was born/.test(x.message))) continue;
          const code = policy.bind(caseTable([prepared(real)])).decide(0);
          const outcome = code & 3;
          expect(possible & (1 << outcome), `${OUTCOMES[outcome]} not among the possible outcomes of ${JSON.stringify(openCase)}`).not.toBe(
            0,
          );
          if (settled) expect(bound.decide(0) & 3).toBe(outcome);
        }
        if (!settled) expect(bound.decide(0) & 3).toBe(2);
      }),
      { numRuns: 800, seed: 2025 },
    );
  });
});
