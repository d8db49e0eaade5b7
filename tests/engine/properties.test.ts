// Property tests: random documents and cases never crash or hang the engine, and a document written
// back out and read again loses nothing.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  compile,
  fingerprint,
  loadOrdinance,
  prepareCase,
  renderMarkdown,
  type BookingCase,
  type Condition,
  type Ordinance,
} from '../../engine/index';
import { generateCases } from '../../engine/generate';

const terms = ['violent felony', 'serious offense', 'felony'];
const categories = ['violent', 'serious', 'property', 'dui', 'serious-traffic', 'homicide'];

const leaf = fc.oneof(
  fc.boolean().map((b) => ({ judicialWarrant: b })),
  fc.boolean().map((b) => ({ administrativeWarrant: b })),
  fc.constantFrom('hold' as const, 'notify' as const).map((r) => ({ requested: r })),
  fc.boolean().map((b) => ({ reimbursementAgreement: b })),
  fc.integer({ min: 0, max: 90 }).map((n) => ({ age: { atLeast: n } })),
  fc.integer({ min: 1, max: 90 }).map((n) => ({ age: { under: n } })),
  fc
    .record(
      {
        term: fc.constantFrom(...terms),
        atLeast: fc.integer({ min: 1, max: 3 }),
        current: fc.boolean(),
        includeJuvenile: fc.boolean(),
        within: fc.record(
          {
            years: fc.integer({ min: 1, max: 25 }),
            of: fc.constantFrom('request' as const, 'arrest' as const),
            measuredFrom: fc.constantFrom('conviction' as const, 'release' as const, 'later-of-conviction-and-release' as const),
            excludeTimeIncarcerated: fc.boolean(),
          },
          { requiredKeys: ['years'] },
        ),
      },
      { requiredKeys: [] },
    )
    .map((c) => ({ conviction: c })),
  fc
    .record(
      { classes: fc.constant(['felony' as const]), bondPosted: fc.boolean(), bondable: fc.boolean(), probableCauseFinding: fc.boolean() },
      { requiredKeys: [] },
    )
    .map((c) => ({ charge: c })),
  fc
    .record({ kind: fc.constantFrom('criminal' as const, 'civil' as const), felony: fc.boolean() }, { requiredKeys: [] })
    .map((w) => ({ warrant: w })),
  fc.constantFrom('gangDatabase' as const, 'finalRemovalOrder' as const, 'priorRemovalReentry' as const).map((r) => ({ record: r })),
  fc.constant({ discretion: { finding: 'the person poses an unacceptable risk to public safety' } }),
) as fc.Arbitrary<Condition>;

const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;

const outcome = fc.constantFrom('hold' as const, 'notify' as const, 'review' as const, 'decline' as const);

const ordinance: fc.Arbitrary<Ordinance> = fc
  .record({
    provisions: fc.array(fc.record({ when: fc.option(condition, { nil: undefined }), outcome }), { minLength: 1, maxLength: 6 }),
    otherwise: outcome,
    juvenile: fc.constantFrom('excluded' as const, 'counted' as const),
    title: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
  })
  .map(({ provisions, otherwise, juvenile, title }) => ({
    title,
    jurisdiction: { name: 'Random County', state: 'IL' },
    juvenileAdjudications: juvenile,
    definitions: [
      { term: 'violent felony', meaning: 'a violent felony', covers: [{ classes: ['felony' as const], categories: ['violent'] }] },
      {
        term: 'serious offense',
        meaning: 'serious',
        covers: [{ categories: ['serious', 'homicide'] }, { classes: ['felony' as const], degrees: [1] }],
      },
      { term: 'felony', meaning: 'a felony', covers: [{ classes: ['felony' as const] }] },
    ],
    sections: [
      {
        heading: 'Detainers',
        provisions: provisions.map((p, i) => ({
          id: `p${i + 1}`,
          ...(p.when ? { when: p.when } : {}),
          outcome: p.outcome,
          ...(p.outcome === 'hold' ? { maxHold: { hours: 48, excludingWeekendsAndHolidays: true } } : {}),
        })),
      },
    ],
    otherwise,
  }));

const caseSets = generateCases({ count: 400, seed: 99 });
void categories;

describe('properties', () => {
  it('random valid documents load, compile and decide random cases without throwing', () => {
    fc.assert(
      fc.property(ordinance, fc.integer({ min: 0, max: caseSets.length - 20 }), (o, start) => {
        const loaded = loadOrdinance(stringify(o, { aliasDuplicateObjects: false }));
        expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const policy = compile(loaded.ordinance!, { reimbursementAgreement: start % 2 === 0 });
        for (const raw of caseSets.slice(start, start + 20)) {
          const r = prepareCase(raw, 0);
          if (!r.ok) throw new Error('generator made a bad case');
          const fast = policy.decideCode(r.prepared);
          const full = policy.decide(r.prepared);
          expect(['hold', 'notify', 'review', 'decline'][fast & 3]).toBe(full.outcome);
          expect(full.reasons.length).toBeGreaterThan(0);
          // The outcome never exceeds the request.
          if (full.outcome === 'hold') expect(raw.detainer.requests).toContain('hold');
          if (full.outcome !== 'decline') expect(raw.detainer.requests.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 20121 },
    );
  });

  it('writing a document out and reading it back loses nothing', () => {
    fc.assert(
      fc.property(ordinance, (o) => {
        const again = loadOrdinance(stringify(o, { aliasDuplicateObjects: false })).ordinance!;
        expect(again).toEqual(o);
        expect(fingerprint(again)).toBe(fingerprint(o));
        const twice = loadOrdinance(stringify(again, { aliasDuplicateObjects: false })).ordinance!;
        expect(renderMarkdown(twice)).toBe(renderMarkdown(o));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('random text never crashes the loader and every error is located', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = loadOrdinance(text);
        for (const d of r.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('random mutations of a valid document never crash and are located', () => {
    const base = stringify(fc.sample(ordinance, { numRuns: 1, seed: 1 })[0], { aliasDuplicateObjects: false });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length }),
        fc.integer({ min: 0, max: 20 }),
        fc.string({ maxLength: 12 }),
        (at, cut, insert) => {
          const text = base.slice(0, at) + insert + base.slice(at + cut);
          const r = loadOrdinance(text);
          if (r.ordinance) compile(r.ordinance);
          for (const d of r.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 500, seed: 11 },
    );
  });

  it('random case objects are checked, never thrown on', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = prepareCase(x, 0);
        if (!r.ok) for (const p of r.problems) expect(p.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 5 },
    );
    const c: BookingCase = caseSets[0]!;
    expect(prepareCase(c, 0).ok).toBe(true);
  });
});
